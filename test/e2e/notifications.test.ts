// Closing the loop in a real browser: an end user votes, the admin ships the post with a changelog
// entry ("move linked posts to Shipped"), the end user sees it in the bell and gets the email (real
// SMTP server), and the email's unsubscribe link works from the preferences page.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startSmtpServer, type TestSmtpServer } from '../smtp-server.ts';
import { OWNER, screenshot, useE2e } from './harness.ts';

const TITLE = 'Offline mode for the mobile app';

describe('browser journey: vote, ship, hear back', () => {
  // a real SMTP server, up before the server that sends to it and closed after it (hooks run in order)
  let smtp: TestSmtpServer;
  before(async () => {
    smtp = await startSmtpServer();
  });
  const e2e = useE2e({ name: 'notify', env: () => ({ SMTP_URL: smtp.url, MAIL_FROM: 'Backboard <no-reply@e2e.test>' }) });
  after(async () => {
    await smtp?.close();
  });

  test('the voter sees the notification in the bell and gets the email; unsubscribing works', async () => {
    // Set-up through the API: the owner account, a board and a post by a customer.
    await e2e.setUpOwnerByApi(OWNER);
    await e2e.apiKey();
    const board = await e2e.api<{ id: string; slug: string }>('POST', '/api/v1/boards', { name: 'Feature Requests' });
    const post = await e2e.api<{ id: string }>('POST', '/api/v1/posts', { boardId: board.id, title: TITLE, author: { email: 'author@example.com', name: 'Ann Author' } });
    // more voters than the delivery table shows without its filters
    for (let i = 1; i <= 11; i++) {
      await e2e.api('POST', `/api/v1/posts/${post.id}/votes`, { voter: { email: `fan${i}@example.com`, name: `Fan ${i}` } });
    }

    // 1. An end user votes (identifying with name and email).
    const eve = await e2e.newPage();
    await eve.goto(`/b/${board.slug}`);
    const row = eve.getByTestId('post-row').filter({ hasText: TITLE });
    await row.getByTestId('vote-button').click();
    await eve.getByTestId('identify-name-input').fill('Eve Voter');
    await eve.getByTestId('identify-email-input').fill('eve@example.com');
    await eve.getByTestId('identify-submit-button').click();
    await row.locator('[data-testid="vote-button"][data-voted="true"]').waitFor();
    await eve.getByTestId('notifications-bell').waitFor();
    assert.equal(await eve.getByTestId('notifications-unread-count').count(), 0, 'nothing to read yet');

    // 2. The admin ships it with a changelog entry linked to the post, moving it to Shipped.
    const admin = await e2e.newPage();
    await admin.goto('/login');
    await admin.getByTestId('login-email').fill(OWNER.email);
    await admin.getByTestId('login-password').fill(OWNER.password);
    await admin.getByTestId('login-submit').click();
    await admin.waitForURL(/\/admin/);
    await admin.goto('/admin/changelog');
    await admin.getByTestId('new-changelog-button').click();
    await admin.getByTestId('changelog-title-input').fill('Offline mode is here');
    await admin.getByTestId('changelog-type-select').selectOption('new');
    await admin.getByTestId('changelog-body-input').fill('It is out in **version 3.2** — thanks for asking!');
    await admin.getByTestId('changelog-link-post-input').fill('offline mode');
    await admin.getByTestId('changelog-link-post-result').filter({ hasText: TITLE }).click();
    await admin.getByTestId('changelog-move-shipped-checkbox').check();
    await admin.getByTestId('changelog-publish-button').click();
    await admin.getByTestId('changelog-state').filter({ hasText: 'Published' }).waitFor();
    await admin.getByTestId('changelog-linked-post').filter({ hasText: 'Shipped' }).waitFor();

    // 3. The email arrives at the SMTP server: one "it shipped" message, no separate status email.
    const mail = await smtp.waitFor((m) => m.envelope.to.includes('eve@example.com'), 30_000);
    assert.equal(mail.parsed.subject, 'You asked for it, it shipped: Offline mode is here');
    assert.ok(String(mail.parsed.html).includes('<strong>version 3.2</strong>'));
    assert.ok(mail.parsed.headerLines.some((h) => h.key === 'list-unsubscribe-post'));

    // 4. The end user sees it in the bell (the bell loads on each page view).
    await eve.reload();
    await eve.getByTestId('notifications-unread-count').filter({ hasText: '1' }).waitFor({ timeout: 15_000 });
    await eve.getByTestId('notifications-bell').click();
    const item = eve.getByTestId('notification-item').first();
    assert.match((await item.textContent()) ?? '', /it shipped/i);
    await screenshot(eve, '11-bell-notification');
    await item.click();
    await eve.waitForURL(/\/changelog\/[0-9a-f-]{36}/);
    await eve.getByText('Offline mode is here').first().waitFor();
    assert.equal(await eve.getByTestId('notifications-unread-count').count(), 0, 'opening it marked it read');
    await eve.goto(`/p/${post.id}`);
    await eve.getByTestId('follow-button').filter({ hasText: 'Following' }).waitFor();

    // 5. The admin sees who was notified: the author and the 12 voters, one email each (the log is
    //    read when the page opens, so it is reopened until the last email went out).
    const notified = admin.getByTestId('notification-log-item').filter({ hasText: 'Offline mode is here' }).first();
    const deadline = Date.now() + 30_000;
    for (;;) {
      await admin.goto('/admin/notifications');
      await notified.waitFor();
      const line = (await notified.textContent()) ?? '';
      if (/13 sent/.test(line) && !/pending/.test(line)) break;
      assert.ok(Date.now() < deadline, `every email sent: ${line}`);
      await admin.waitForTimeout(500);
    }
    await notified.getByRole('button', { name: 'Details' }).click();
    const rows = notified.getByTestId('delivery-row');
    await rows.nth(12).waitFor();
    assert.equal(await notified.locator('[data-testid="delivery-row"][data-state="sent"]').count(), 13);
    await notified.getByTestId('delivery-search').fill('eve@');
    await rows.filter({ hasText: 'Fan 1' }).first().waitFor({ state: 'detached' });
    await rows.filter({ hasText: 'Eve Voter' }).waitFor();
    assert.equal(await rows.count(), 1);
    assert.match((await rows.first().textContent()) ?? '', /Eve Voter.*eve@example\.com.*sent/);
    await screenshot(admin, '12-admin-notified');
    await notified.getByTestId('delivery-search').fill('');
    await notified.getByLabel('Email state').selectOption('failed');
    await notified.getByText('No recipient matches.').waitFor();

    // 6. The visible unsubscribe link in the email opens the preferences page and works.
    const link = /href="([^"]+\/api\/v1\/unsubscribe\?token=[^"]+)">Unsubscribe/.exec(String(mail.parsed.html))?.[1]?.replaceAll('&amp;', '&');
    assert.ok(link, 'a visible unsubscribe link');
    const stranger = await e2e.newPage();
    await stranger.goto(link);
    await stranger.waitForURL(/\/preferences\?token=/);
    await stranger.getByTestId('unsubscribe-confirm').click();
    await stranger.getByTestId('unsubscribe-done').waitFor();
    await stranger.locator('[data-testid="preference-changelog"]:not(:checked)').waitFor();
    assert.equal(await stranger.getByTestId('preference-statusUpdates').isChecked(), true, 'other kinds of mail stay on');
    assert.equal(await stranger.getByTestId('preference-commentReplies').isChecked(), true, 'other kinds of mail stay on');
    assert.equal(await stranger.getByTestId('subscription-item').count(), 1, 'the followed post is listed');
    await screenshot(stranger, '13-preferences-unsubscribed');
  });
});
