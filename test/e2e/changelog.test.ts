// Roadmap and changelog in a real browser against a real server process: a post sits on the public
// roadmap as Planned; the admin writes a changelog entry linked to it (hostile markdown included) and
// publishes it with "move linked posts to Shipped"; visitors see the entry on the public changelog,
// the post in the roadmap's Shipped column (stacked on a phone), and the Atom feed carries it.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { OWNER, screenshot, useE2e } from './harness.ts';

const POST_TITLE = 'Dark mode for the dashboard';
const ENTRY_TITLE = 'Dark mode has landed';
const ENTRY_BODY = [
  'The dashboard now follows your **system theme**.',
  '<img src=x onerror="window.__xss = 1">',
  '<script>window.__xss = 2</script>',
  '[details](javascript:window.__xss=3)',
].join('\n\n');

describe('browser journey: ship a post with a changelog entry', () => {
  const e2e = useE2e({ name: 'changelog' });

  test('publishing an entry with "move to Shipped" updates the changelog, the roadmap and the feed', async () => {
    // 1. The owner sets up the workspace; a board and a planned post are seeded through the API with
    //    the owner's session, as the web app itself would call it.
    const admin = await e2e.newPage();
    await e2e.setUpOwner(admin, OWNER);
    const board = await e2e.pageApi<{ id: string }>(admin, 'POST', '/api/v1/boards', { name: 'Feature Requests', visibility: 'public' });
    const post = await e2e.pageApi<{ id: string }>(admin, 'POST', '/api/v1/posts', {
      boardId: board.id, title: POST_TITLE, body: 'Please!', author: { email: 'alice@example.com', name: 'Alice' },
    });
    await e2e.pageApi(admin, 'PATCH', `/api/v1/posts/${post.id}`, { status: 'planned' });

    // 2. A visitor finds it on the roadmap, under Planned, from the portal header.
    const visitor = await e2e.newPage();
    await visitor.goto('/');
    await visitor.getByTestId('nav-roadmap').click();
    await visitor.waitForURL(/\/roadmap$/);
    const planned = visitor.locator('[data-testid="roadmap-column"][data-kind="planned"]');
    await planned.getByTestId('roadmap-card').filter({ hasText: POST_TITLE }).waitFor();
    assert.equal(await planned.getByTestId('roadmap-card').filter({ hasText: POST_TITLE }).getByTestId('vote-count').textContent(), '1');
    await screenshot(visitor, 'changelog-01-roadmap-planned');

    // 3. The admin writes the entry, links the post by searching for it, and publishes with "move to Shipped".
    await admin.goto('/admin/changelog');
    await admin.getByTestId('new-changelog-button').click();
    await admin.waitForURL(/\/admin\/changelog\/new$/);
    await admin.getByTestId('changelog-title-input').fill(ENTRY_TITLE);
    await admin.getByTestId('changelog-type-select').selectOption('new');
    await admin.getByTestId('changelog-body-input').fill(ENTRY_BODY);
    await admin.getByTestId('changelog-preview-tab').click();
    await admin.getByTestId('changelog-preview').getByText('system theme').waitFor();
    await admin.getByTestId('changelog-link-post-input').fill('dark mode');
    await admin.getByTestId('changelog-link-post-result').filter({ hasText: POST_TITLE }).click();
    await admin.getByTestId('changelog-linked-post').filter({ hasText: POST_TITLE }).waitFor();
    await admin.getByTestId('changelog-move-shipped-checkbox').check();
    await screenshot(admin, 'changelog-02-admin-editor');
    await admin.getByTestId('changelog-publish-button').click();
    await admin.getByTestId('changelog-state').filter({ hasText: 'Published' }).waitFor();
    await admin.waitForURL(/\/admin\/changelog\/[0-9a-f-]{36}$/);
    await admin.getByTestId('changelog-linked-post').filter({ hasText: 'Shipped' }).waitFor();
    await screenshot(admin, 'changelog-03-admin-published');

    // 4. The public changelog shows it, with its type, its linked post and the hostile markdown inert.
    await visitor.getByTestId('nav-changelog').click();
    await visitor.waitForURL(/\/changelog$/);
    const entry = visitor.getByTestId('changelog-entry').filter({ hasText: ENTRY_TITLE });
    await entry.waitFor();
    assert.equal((await entry.getByTestId('changelog-type-badge').textContent())?.trim(), 'New');
    await entry.getByText('system theme').waitFor();
    await entry.getByTestId('changelog-linked-post').filter({ hasText: POST_TITLE }).waitFor();
    await entry.getByText('details').click().catch(() => {});
    await visitor.waitForTimeout(300);
    assert.equal(await visitor.evaluate('typeof window.__xss'), 'undefined', 'no script from the entry ran');
    assert.equal(await visitor.locator('main img[onerror], main script, main a[href^="javascript:"]').count(), 0);
    await screenshot(visitor, 'changelog-04-public-changelog');

    // 5. The roadmap now shows the post under Shipped, and no longer under Planned.
    await visitor.goto('/roadmap');
    const shipped = visitor.locator('[data-testid="roadmap-column"][data-kind="shipped"]');
    const card = shipped.getByTestId('roadmap-card').filter({ hasText: POST_TITLE });
    await card.waitFor();
    assert.equal((await card.getByTestId('status-badge').textContent())?.trim(), 'Shipped');
    assert.equal(await visitor.locator('[data-testid="roadmap-column"][data-kind="planned"]').getByTestId('roadmap-card').count(), 0);
    await screenshot(visitor, 'changelog-05-roadmap-shipped');

    // 6. On a phone the three columns stack.
    const phone = await e2e.newPage({ width: 390, height: 844 });
    await phone.goto('/roadmap');
    await phone.locator('[data-testid="roadmap-column"][data-kind="shipped"]').getByTestId('roadmap-card').waitFor();
    const boxes = await phone.getByTestId('roadmap-column').evaluateAll((columns) =>
      columns.map((c) => {
        const r = c.getBoundingClientRect();
        return { top: r.top, bottom: r.bottom, width: r.width };
      }));
    assert.equal(boxes.length, 3);
    assert.ok(boxes[1]!.top >= boxes[0]!.bottom && boxes[2]!.top >= boxes[1]!.bottom, 'columns stacked top to bottom');
    assert.ok(boxes.every((b) => b.width > 300), 'each column uses the full width');
    await screenshot(phone, 'changelog-06-roadmap-phone');

    // 7. Feed readers get it too, served by the server (not the web app).
    const feed = await fetch(`${e2e.server.url}/changelog.atom`);
    assert.match(feed.headers.get('content-type') ?? '', /application\/atom\+xml/);
    const xml = await feed.text();
    assert.ok(xml.includes(`<title type="text">${ENTRY_TITLE}</title>`));
    assert.ok(!xml.includes('<script'), 'no live markup in the feed');
    assert.deepEqual(e2e.dialogs, []);
  });
});
