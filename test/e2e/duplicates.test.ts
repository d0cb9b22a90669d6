// Issue 3 §1 in a real browser against a real server process (with its worker): a visitor typing a
// title sees the similar post already there and votes for it instead of posting; the admin's
// duplicate queue lists a pair with its reasons, merges it from the UI, and dismisses another.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { OWNER, screenshot, useE2e } from './harness.ts';

const ORIGINAL = 'Export invoices to CSV';
const COPY = 'CSV export for all invoices';

type Pair = { id: string; post: { id: string; title: string }; similarPost: { id: string; title: string } };

describe('browser journey: similar posts while typing, and the duplicate queue', () => {
  const e2e = useE2e({ name: 'dup' });
  const api = e2e.api;
  const newPage = () => e2e.newPage();

  /** The worker checks new posts in the background: wait until the pair is in the queue. */
  async function waitForPair(a: string, b: string): Promise<Pair> {
    const deadline = Date.now() + 30_000;
    for (;;) {
      const { items } = await api<{ items: Pair[] }>('GET', '/api/v1/duplicates?limit=100');
      const pair = items.find((p) => [p.post.id, p.similarPost.id].sort().join() === [a, b].sort().join());
      if (pair) return pair;
      assert.ok(Date.now() < deadline, `no pair of ${a} and ${b} in the queue: ${JSON.stringify(items)}`);
      await new Promise((r) => setTimeout(r, 200));
    }
  }

  test('typing a title shows the similar post; "vote for this instead"; the queue merges and dismisses', async () => {
    const admin = await newPage();
    await e2e.setUpOwner(admin, OWNER);
    await e2e.apiKey();
    const board = await api<{ id: string }>('POST', '/api/v1/boards', { name: 'Feature Requests', visibility: 'public' });
    const original = await api<{ id: string }>('POST', '/api/v1/posts', {
      boardId: board.id, title: ORIGINAL, body: 'Our accountant wants every invoice in a spreadsheet.', author: { email: 'ana@example.com', name: 'Ana' },
    });
    await api('POST', '/api/v1/posts', { boardId: board.id, title: 'Dark mode', body: 'Easier on the eyes.', author: { email: 'ana@example.com', name: 'Ana' } });

    // 1. A visitor starts typing the same idea: the existing post shows up, with status and votes.
    const visitor = await newPage();
    await visitor.goto('/b/feature-requests');
    await visitor.getByTestId('submit-feedback-button').click();
    await visitor.getByTestId('post-title-input').pressSequentially('csv export of invoi', { delay: 30 });
    const suggestion = visitor.getByTestId('similar-post').filter({ hasText: ORIGINAL });
    await suggestion.waitFor();
    assert.equal(await visitor.getByTestId('similar-post').filter({ hasText: 'Dark mode' }).count(), 0, 'only what reads alike');
    assert.match((await suggestion.textContent()) ?? '', /1 vote/);
    await suggestion.getByTestId('status-badge').waitFor();
    await screenshot(visitor, 'duplicates-01-similar-while-typing');

    // 2. "Vote for this instead": the identity step, then the vote lands on the existing post.
    await suggestion.getByTestId('similar-vote-button').click();
    const identify = visitor.getByRole('dialog', { name: 'Tell us who you are' });
    await identify.getByTestId('identify-name-input').fill('Vic Visitor');
    await identify.getByTestId('identify-email-input').fill('vic@example.com');
    await identify.getByTestId('identify-submit-button').click();
    await visitor.getByTestId('voted-instead-notice').waitFor();
    assert.match((await visitor.getByTestId('voted-instead-notice').textContent()) ?? '', /2 votes/);
    await screenshot(visitor, 'duplicates-02-voted-instead');
    assert.equal((await api<{ voteCount: number }>('GET', `/api/v1/posts/${original.id}`)).voteCount, 2);
    assert.equal((await api<{ items: unknown[] }>('GET', `/api/v1/posts?boardId=${board.id}&limit=50`)).items.length, 2, 'nothing new was posted');

    // 3. Someone posts the duplicate anyway: the worker puts the pair in the admin's queue.
    const copy = await api<{ id: string }>('POST', '/api/v1/posts', {
      boardId: board.id, title: COPY, body: 'Download invoices as a CSV spreadsheet.', author: { email: 'ben@example.com', name: 'Ben' },
    });
    const pair = await waitForPair(original.id, copy.id);
    await admin.goto('/admin/duplicates');
    const row = admin.locator(`[data-testid="duplicate-pair"][data-pair-id="${pair.id}"]`);
    await row.waitFor();
    assert.match((await row.getByTestId('duplicate-matched').textContent()) ?? '', /csv/i, 'why they matched');
    assert.match((await row.getByTestId('duplicate-score').textContent()) ?? '', /Score \d/);
    await screenshot(admin, 'duplicates-03-queue');

    // 4. Merge from the queue, keeping the original (it has more votes: the default choice).
    await row.getByTestId('duplicate-merge-button').click();
    const dialog = admin.getByTestId('duplicate-merge-dialog');
    await dialog.getByTestId('duplicate-keep-option').first().waitFor();
    await screenshot(admin, 'duplicates-04-merge-dialog');
    await dialog.getByTestId('duplicate-merge-confirm').click();
    await row.waitFor({ state: 'detached' });
    const merged = await api<{ mergedInto: { id: string } | null }>('GET', `/api/v1/posts/${copy.id}`);
    assert.equal(merged.mergedInto?.id, original.id);
    assert.equal((await api<{ voteCount: number }>('GET', `/api/v1/posts/${original.id}`)).voteCount, 3, 'ana, vic and ben');

    // 5. "Not a duplicate": the pair leaves the queue and stays out.
    const a = await api<{ id: string }>('POST', '/api/v1/posts', { boardId: board.id, title: 'Bulk edit tags on posts', body: 'Change the tags of many posts at once.' });
    const b = await api<{ id: string }>('POST', '/api/v1/posts', { boardId: board.id, title: 'Bulk edit tags on people', body: 'Change the tags of many people at once.' });
    const other = await waitForPair(a.id, b.id);
    await admin.reload();
    const otherRow = admin.locator(`[data-testid="duplicate-pair"][data-pair-id="${other.id}"]`);
    await otherRow.getByTestId('duplicate-dismiss-button').click();
    await otherRow.waitFor({ state: 'detached' });
    await admin.reload();
    await admin.getByText('No likely duplicates').or(admin.getByTestId('duplicate-pair').first()).waitFor();
    assert.equal(await otherRow.count(), 0, 'still gone after a reload');
    const { items } = await api<{ items: Pair[] }>('GET', '/api/v1/duplicates?limit=100');
    assert.ok(!items.some((p) => p.id === other.id));
    await screenshot(admin, 'duplicates-05-dismissed');
  });
});
