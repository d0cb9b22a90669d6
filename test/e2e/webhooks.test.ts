// Webhooks from the admin UI in a real browser against a real server process (its in-process worker
// delivers): an unsafe URL is refused inline, an endpoint is added, its secret shown once, a test
// event reaches a real local receiver with a signature that verifies, and Replay resends it.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Webhook } from 'standardwebhooks';
import { startWebhookReceiver, type WebhookReceiver } from '../webhook-receiver.ts';
import { screenshot, useE2e } from './harness.ts';

const OWNER = { name: 'Wendy Webhooks', email: 'wendy@example.com', password: 'a-long-owner-password' };

describe('browser journey: webhooks', () => {
  // a real receiver on 127.0.0.1, up before the server and closed after it (hooks run in order)
  let receiver: WebhookReceiver;
  before(async () => {
    receiver = await startWebhookReceiver();
  });
  // loopback destinations are refused by default; the receiver lives there
  const e2e = useE2e({ name: 'hooks', env: { WEBHOOKS_ALLOW_LOOPBACK: '1' } });
  after(async () => {
    await receiver?.close();
  });

  test('an admin adds an endpoint, sends a signed test event and replays it', async () => {
    const page = await e2e.newPage();
    await e2e.setUpOwner(page, OWNER);

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
