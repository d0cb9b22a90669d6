// Issue 3 §2 in a real browser against a real server process: the admin merges a duplicate into
// another post from the post drawer, the target shows the combined voters and the merged post, the
// portal sends readers of the duplicate to the target, and an unmerge brings the counts back.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { OWNER, screenshot, useE2e } from './harness.ts';

const TARGET = 'Dark mode for the dashboard';
const SOURCE = 'Night theme please';

describe('browser journey: merge a duplicate and unmerge it', () => {
  const e2e = useE2e({ name: 'merge' });
  const { api } = e2e;

  test('merge from the drawer combines the voters; unmerge restores the counts', async () => {
    // the owner signs in through the one-time setup link (first: a CLI start would issue a new link)
    const admin = await e2e.newPage();
    await e2e.setUpOwner(admin, OWNER);

    // seed through the API with a key from the CLI: two posts with one voter in common
    await e2e.apiKey();
    const board = await api<{ id: string }>('POST', '/api/v1/boards', { name: 'Feature Requests', visibility: 'public' });
    const target = await api<{ id: string }>('POST', '/api/v1/posts', { boardId: board.id, title: TARGET, author: { email: 'ana@example.com', name: 'Ana' } });
    const source = await api<{ id: string }>('POST', '/api/v1/posts', { boardId: board.id, title: SOURCE, author: { email: 'ben@example.com', name: 'Ben' } });
    for (const email of ['cleo@example.com', 'both@example.com']) await api('POST', `/api/v1/posts/${target.id}/votes`, { voter: { email } });
    for (const email of ['dan@example.com', 'both@example.com']) await api('POST', `/api/v1/posts/${source.id}/votes`, { voter: { email } });

    // merge the duplicate into the target from its drawer
    await admin.goto(`/admin/posts/${source.id}`);
    const drawer = admin.getByTestId('admin-post-drawer');
    await drawer.getByText('3 votes').first().waitFor();
    await drawer.getByTestId('merge-button').click();
    await admin.getByTestId('merge-search-input').fill('dark mode');
    const option = admin.getByTestId('merge-target-option').filter({ hasText: TARGET });
    await option.click();
    assert.equal(await admin.getByTestId('merge-target-option').filter({ hasText: SOURCE }).count(), 0, 'a post is no target for itself');
    await screenshot(admin, 'merge-01-choose-target');
    await admin.getByTestId('merge-confirm-button').click();
    await admin.waitForURL(new RegExp(`/admin/posts/${target.id}`));
    await drawer.getByText('5 votes').first().waitFor();
    const merged = drawer.getByTestId('merged-posts-list');
    await merged.getByText(SOURCE).waitFor();
    assert.match((await merged.textContent()) ?? '', /3 votes/, 'the merged post shows what it brought');
    await drawer.getByTestId('voters-list').getByText(`via “${SOURCE}”`).first().waitFor();
    await screenshot(admin, 'merge-02-target-combined');

    const afterMerge = await api<{ voteCount: number; mergedPosts: Array<{ id: string }> }>('GET', `/api/v1/posts/${target.id}`);
    assert.equal(afterMerge.voteCount, 5, 'ana, cleo, both (once), ben, dan');
    assert.deepEqual(afterMerge.mergedPosts.map((p) => p.id), [source.id]);

    // a reader of the duplicate's old link lands on the target
    const reader = await e2e.newPage();
    await reader.goto(`/p/${source.id}`);
    await reader.waitForURL(new RegExp(`/p/${target.id}`));
    await reader.getByTestId('merged-from-notice').waitFor();
    assert.equal((await reader.getByTestId('post-title').textContent())?.trim(), TARGET);
    assert.equal(await reader.getByTestId('vote-count').first().textContent(), '5');
    await screenshot(reader, 'merge-03-portal-redirect');

    // unmerge from the merged post's drawer
    await merged.getByRole('link', { name: SOURCE }).click();
    await admin.waitForURL(new RegExp(`/admin/posts/${source.id}`));
    await drawer.getByTestId('unmerge-button').waitFor();
    assert.equal(await drawer.getByTestId('status-select').count(), 0, 'a merged post is read-only');
    await screenshot(admin, 'merge-04-merged-stub');
    await drawer.getByTestId('unmerge-button').click();
    await admin.getByRole('dialog', { name: 'Unmerge this post?' }).getByRole('button', { name: 'Unmerge' }).click();
    await drawer.getByTestId('merge-button').waitFor();
    await drawer.getByText('3 votes').first().waitFor();
    await screenshot(admin, 'merge-05-unmerged');

    const targetAfter = await api<{ voteCount: number; mergedPosts: unknown[] }>('GET', `/api/v1/posts/${target.id}`);
    const sourceAfter = await api<{ voteCount: number; mergedInto: unknown }>('GET', `/api/v1/posts/${source.id}`);
    assert.deepEqual([targetAfter.voteCount, targetAfter.mergedPosts.length], [3, 0]);
    assert.deepEqual([sourceAfter.voteCount, sourceAfter.mergedInto], [3, null]);
    await reader.goto(`/p/${source.id}`);
    assert.equal((await reader.getByTestId('post-title').textContent())?.trim(), SOURCE, 'the old link shows the post itself again');
  });
});
