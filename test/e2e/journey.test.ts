// The foundation journey in a real browser against a real server process on the embedded database:
// the owner sets up the workspace and creates a board, a visitor submits a post (with hostile
// markdown), a second visitor votes, an admin signs in and changes the status; the board shows it.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { OWNER, screenshot, useE2e } from './harness.ts';

const TITLE = 'Dark mode for the dashboard';
const HOSTILE_BODY = [
  'Working late is **hard on the eyes**.',
  '<img src=x onerror="window.__xss = 1">',
  '<script>window.__xss = 2</script>',
  '[click me](javascript:window.__xss=3)',
].join('\n\n');

describe('browser journey: submit, vote, triage', () => {
  const e2e = useE2e({ name: 'journey' });

  test('the whole loop works and hostile markdown never executes', async () => {
    // 1. The owner follows the one-time setup link printed at start and creates a board.
    const owner = await e2e.newPage();
    await e2e.setUpOwner(owner, OWNER);
    await owner.goto('/admin/boards');
    await owner.getByTestId('new-board-button').click();
    await owner.getByTestId('board-name-input').fill('Feature Requests');
    await owner.getByTestId('save-board-button').click();
    await owner.getByText('Feature Requests').first().waitFor();
    await screenshot(owner, '01-admin-boards');

    // 2. A visitor submits feedback with just name and email.
    const alice = await e2e.newPage();
    await alice.goto('/');
    await alice.getByTestId('board-card').filter({ hasText: 'Feature Requests' }).click();
    await alice.waitForURL(/\/b\/feature-requests/);
    await alice.getByTestId('submit-feedback-button').click();
    await alice.getByTestId('post-title-input').fill(TITLE);
    await alice.getByTestId('post-body-input').fill(HOSTILE_BODY);
    await alice.getByTestId('identify-name-input').fill('Alice Visitor');
    await alice.getByTestId('identify-email-input').fill('alice@example.com');
    await alice.getByTestId('submit-post-button').click();
    const aliceRow = alice.getByTestId('post-row').filter({ hasText: TITLE });
    await aliceRow.waitFor();
    assert.equal(await aliceRow.getByTestId('vote-count').textContent(), '1', 'the author votes for their own post');
    await screenshot(alice, '02-visitor-submitted');

    // 3. A second visitor votes.
    const bob = await e2e.newPage();
    await bob.goto('/b/feature-requests');
    const bobRow = bob.getByTestId('post-row').filter({ hasText: TITLE });
    await bobRow.getByTestId('vote-button').click();
    await bob.getByTestId('identify-name-input').fill('Bob Voter');
    await bob.getByTestId('identify-email-input').fill('bob@example.com');
    await bob.getByTestId('identify-submit-button').click();
    await bobRow.locator('[data-testid="vote-button"][data-voted="true"]').waitFor();
    assert.equal(await bobRow.getByTestId('vote-count').textContent(), '2');
    await bob.reload();
    assert.equal(await bob.getByTestId('post-row').filter({ hasText: TITLE }).getByTestId('vote-count').textContent(), '2', 'the vote is stored');
    await screenshot(bob, '03-second-visitor-voted');

    // 4. An admin signs in and moves the post to Planned with a message.
    const admin = await e2e.newPage();
    await admin.goto('/login');
    await admin.getByTestId('login-email').fill(OWNER.email);
    await admin.getByTestId('login-password').fill(OWNER.password);
    await admin.getByTestId('login-submit').click();
    await admin.waitForURL(/\/admin/);
    const postId = await aliceRow.getAttribute('data-post-id');
    await admin.goto(`/admin/posts/${postId}`);
    await admin.getByTestId('status-select').first().selectOption({ label: 'Planned' });
    await admin.getByTestId('status-message-input').first().fill('Scheduled for the next release.');
    await admin.getByTestId('save-status-button').first().click();
    await admin.getByTestId('admin-post-drawer').getByTestId('status-badge').filter({ hasText: 'Planned' }).first().waitFor();
    await screenshot(admin, '04-admin-changed-status');

    // 5. The board shows the new status to everyone.
    await bob.reload();
    const row = bob.getByTestId('post-row').filter({ hasText: TITLE });
    assert.equal((await row.getByTestId('status-badge').textContent())?.trim(), 'Planned');
    await screenshot(bob, '05-board-shows-planned');

    // 6. The post page renders the hostile body inertly.
    await bob.goto(`/p/${postId}`);
    await bob.getByText('hard on the eyes').waitFor();
    await bob.getByText('Scheduled for the next release.').waitFor();
    await bob.getByText('click me').click().catch(() => {});
    await bob.waitForTimeout(300);
    assert.equal(await bob.evaluate('typeof window.__xss'), 'undefined', 'no script from user text ran');
    assert.equal(await bob.locator('main img[onerror], main script, main a[href^="javascript:"]').count(), 0);
    assert.deepEqual(e2e.dialogs, []);
    await screenshot(bob, '06-post-page');
  });
});
