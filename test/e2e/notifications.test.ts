// Closing the loop in a real browser: an end user votes, the admin ships the post with a message,
// the end user sees it in the bell and gets the email (real SMTP server), and the email's
// unsubscribe link works from the preferences page.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { runCli, startServerProcess, type ServerProcess } from '../process.ts';
import { startSmtpServer, type TestSmtpServer } from '../smtp-server.ts';
import { launchBrowser, screenshot } from './browser.ts';

const OWNER = { name: 'Olivia Owner', email: 'owner@example.com', password: 'a-long-owner-password' };
const TITLE = 'Offline mode for the mobile app';

describe('browser journey: vote, ship, hear back', () => {
  let dataDir: string;
  let server: ServerProcess;
  let smtp: TestSmtpServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  async function newPage(): Promise<Page> {
    const context = await browser.newContext({ baseURL: server.url, viewport: { width: 1280, height: 900 } });
    contexts.push(context);
    return context.newPage();
  }

  before(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'bb-e2e-notify-'));
    await chmod(dataDir, 0o755);
    smtp = await startSmtpServer();
    server = await startServerProcess({ DATA_DIR: dataDir, SMTP_URL: smtp.url, MAIL_FROM: 'Backboard <no-reply@e2e.test>' });
    browser = await launchBrowser();
  });

  after(async () => {
    for (const context of contexts) await context.close().catch(() => {});
    await browser?.close();
    server?.child.kill('SIGTERM');
    await server?.exited;
    await smtp?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  test('the voter sees the notification in the bell and gets the email; unsubscribing works', async () => {
    // Set-up through the API: the owner account, a board and a post by a customer.
    const token = /\/setup\/([A-Za-z0-9_-]+)/.exec(server.output())?.[1];
    assert.ok(token, 'the server printed a setup link');
    const setup = await fetch(`${server.url}/api/v1/auth/setup`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ token, ...OWNER }) });
    assert.equal(setup.status, 201, await setup.text());
    const key = (await runCli(['api-key', 'create', '--name', 'e2e', '--scope', 'admin'], { DATA_DIR: dataDir })).stdout.trim();
    const api = async <T>(url: string, body: unknown): Promise<T> => {
      const res = await fetch(`${server.url}${url}`, { method: 'POST', headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
      assert.ok(res.ok, await res.clone().text());
      return (await res.json()) as T;
    };
    const board = await api<{ id: string; slug: string }>('/api/v1/boards', { name: 'Feature Requests' });
    const post = await api<{ id: string }>('/api/v1/posts', { boardId: board.id, title: TITLE, author: { email: 'author@example.com', name: 'Ann Author' } });

    // 1. An end user votes (identifying with name and email).
    const eve = await newPage();
    await eve.goto(`/b/${board.slug}`);
    const row = eve.getByTestId('post-row').filter({ hasText: TITLE });
    await row.getByTestId('vote-button').click();
    await eve.getByTestId('identify-name-input').fill('Eve Voter');
    await eve.getByTestId('identify-email-input').fill('eve@example.com');
    await eve.getByTestId('identify-submit-button').click();
    await row.locator('[data-testid="vote-button"][data-voted="true"]').waitFor();
    await eve.getByTestId('notifications-bell').waitFor();
    assert.equal(await eve.getByTestId('notifications-unread-count').count(), 0, 'nothing to read yet');

    // 2. The admin ships it with a message.
    const admin = await newPage();
    await admin.goto('/login');
    await admin.getByTestId('login-email').fill(OWNER.email);
    await admin.getByTestId('login-password').fill(OWNER.password);
    await admin.getByTestId('login-submit').click();
    await admin.waitForURL(/\/admin/);
    await admin.goto(`/admin/posts/${post.id}`);
    await admin.getByTestId('status-select').first().selectOption({ label: 'Shipped' });
    await admin.getByTestId('status-message-input').first().fill('It is out in **version 3.2** — thanks for asking!');
    await admin.getByTestId('save-status-button').first().click();
    await admin.getByTestId('admin-post-drawer').getByTestId('status-badge').filter({ hasText: 'Shipped' }).first().waitFor();

    // 3. The email arrives at the SMTP server.
    const mail = await smtp.waitFor((m) => m.envelope.to.includes('eve@example.com'), 30_000);
    assert.equal(mail.parsed.subject, `"${TITLE}" is now Shipped`);
    assert.ok(String(mail.parsed.html).includes('<strong>version 3.2</strong>'));
    assert.ok(mail.parsed.headerLines.some((h) => h.key === 'list-unsubscribe-post'));

    // 4. The end user sees it in the bell (the bell loads on each page view).
    await eve.reload();
    await eve.getByTestId('notifications-unread-count').filter({ hasText: '1' }).waitFor({ timeout: 15_000 });
    await eve.getByTestId('notifications-bell').click();
    const item = eve.getByTestId('notification-item').first();
    assert.match((await item.textContent()) ?? '', /is now Shipped/);
    await screenshot(eve, '11-bell-notification');
    await item.click();
    await eve.waitForURL(new RegExp(`/p/${post.id}`));
    await eve.getByTestId('follow-button').filter({ hasText: 'Following' }).waitFor();
    assert.equal(await eve.getByTestId('notifications-unread-count').count(), 0, 'opening it marked it read');

    // 5. The admin sees who was notified.
    await admin.reload();
    const notified = admin.getByTestId('notified-line').first();
    await notified.waitFor();
    assert.match((await notified.textContent()) ?? '', /2 sent/);
    await screenshot(admin, '12-admin-notified');

    // 6. The visible unsubscribe link in the email opens the preferences page and works.
    const link = /href="([^"]+\/api\/v1\/unsubscribe\?token=[^"]+)">Unsubscribe/.exec(String(mail.parsed.html))?.[1]?.replaceAll('&amp;', '&');
    assert.ok(link, 'a visible unsubscribe link');
    const stranger = await newPage();
    await stranger.goto(link);
    await stranger.waitForURL(/\/preferences\?token=/);
    await stranger.getByTestId('unsubscribe-confirm').click();
    await stranger.getByTestId('unsubscribe-done').waitFor();
    await stranger.locator('[data-testid="preference-statusUpdates"]:not(:checked)').waitFor();
    assert.equal(await stranger.getByTestId('preference-commentReplies').isChecked(), true, 'other kinds of mail stay on');
    assert.equal(await stranger.getByTestId('subscription-item').count(), 1, 'the followed post is listed');
    await screenshot(stranger, '13-preferences-unsubscribed');
  });
});
