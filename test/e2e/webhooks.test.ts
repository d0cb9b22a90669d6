// Webhooks from the admin UI in a real browser against a real server process (its in-process worker
// delivers): an unsafe URL is refused inline, an endpoint is added, its secret shown once, a test
// event reaches a real local receiver with a signature that verifies, and Replay resends it.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext } from 'playwright-core';
import { Webhook } from 'standardwebhooks';
import { startServerProcess, type ServerProcess } from '../process.ts';
import { startWebhookReceiver, type WebhookReceiver } from '../webhook-receiver.ts';
import { launchBrowser, screenshot } from './browser.ts';

const OWNER = { name: 'Wendy Webhooks', email: 'wendy@example.com', password: 'a-long-owner-password' };

describe('browser journey: webhooks', () => {
  let dataDir: string;
  let server: ServerProcess;
  let browser: Browser;
  let context: BrowserContext;
  let receiver: WebhookReceiver;

  before(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'bb-e2e-hooks-'));
    await chmod(dataDir, 0o755);
    receiver = await startWebhookReceiver();
    server = await startServerProcess({ DATA_DIR: dataDir, WEBHOOKS_ALLOW_LOOPBACK: '1' });
    browser = await launchBrowser();
    context = await browser.newContext({ baseURL: server.url, viewport: { width: 1280, height: 900 } });
  });

  after(async () => {
    await context?.close().catch(() => {});
    await browser?.close();
    server?.child.kill('SIGTERM');
    await server?.exited;
    await receiver?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  test('an admin adds an endpoint, sends a signed test event and replays it', async () => {
    const token = /\/setup\/([A-Za-z0-9_-]+)/.exec(server.output())?.[1];
    assert.ok(token, 'the server printed a setup link');
    const page = await context.newPage();
    await page.goto(`/setup/${token}`);
    await page.getByTestId('setup-name').fill(OWNER.name);
    await page.getByTestId('setup-email').fill(OWNER.email);
    await page.getByTestId('setup-password').fill(OWNER.password);
    await page.getByTestId('setup-submit').click();
    await page.waitForURL(/\/admin/);

    await page.getByRole('link', { name: 'Webhooks' }).click();
    await page.waitForURL(/\/admin\/webhooks$/);
    await page.getByRole('button', { name: 'New endpoint' }).click();

    // the metadata address is refused with a message under the field, and nothing is saved
    await page.getByTestId('webhook-url-input').fill('http://169.254.169.254/latest/meta-data/');
    await page.getByTestId('webhook-save-button').click();
    await page.getByText(/169\.254\.169\.254 is in the linkLocal range/).waitFor();

    await page.getByTestId('webhook-url-input').fill(receiver.url('/from-ui'));
    await page.getByLabel('Description').fill('Integration test receiver');
    await page.getByTestId('webhook-save-button').click();
    const secret = (await page.getByTestId('webhook-secret').textContent())?.trim() ?? '';
    assert.match(secret, /^whsec_/);
    await screenshot(page, 'webhooks-01-secret-shown-once');
    await page.getByRole('button', { name: 'Done' }).click();
    const row = page.getByTestId('webhook-row').filter({ hasText: receiver.url('/from-ui') });
    await row.waitFor();
    assert.ok(!(await page.content()).includes(secret), 'the secret is not on the list page');

    await row.getByRole('link', { name: receiver.url('/from-ui') }).click();
    await page.getByRole('button', { name: 'Send test event' }).click();
    const [request] = await receiver.waitForPath('/from-ui', 1);
    const headers = Object.fromEntries(Object.entries(request.headers).map(([k, v]) => [k, String(v)]));
    assert.equal((new Webhook(secret).verify(request.body, headers) as { type: string }).type, 'webhook.test');
    const deliveryRow = page.getByTestId('webhook-delivery-row').first();
    await deliveryRow.getByText('Delivered').waitFor();

    await deliveryRow.locator('summary').click();
    await deliveryRow.getByText('webhook-signature: v1,').waitFor();
    await screenshot(page, 'webhooks-02-delivery-log');
    await deliveryRow.getByTestId('webhook-replay-button').click();
    const [, replayed] = await receiver.waitForPath('/from-ui', 2);
    assert.equal(replayed.headers['webhook-id'], request.headers['webhook-id'], 'a replay is the same message');
    assert.equal(replayed.body, request.body);
  });
});
