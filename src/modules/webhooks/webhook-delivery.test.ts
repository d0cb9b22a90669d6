import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Webhook } from 'standardwebhooks';
import { testTargets } from '../../../test/db.ts';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import { bearer, createApiKey, createMember } from '../../../test/factories/team.ts';
import { castVote, contextFor, createTestPost } from '../../../test/factories/content.ts';
import { startWebhookReceiver, type ReceivedRequest, type WebhookReceiver } from '../../../test/webhook-receiver.ts';
import { createFileMailer } from '../../email/create-mailer.ts';
import type { MailMessage } from '../../email/mailer.ts';
import { startWorker, type WorkerHandle } from '../../jobs/start-worker.ts';
import { buildTaskList } from '../../task-list.ts';
import { updatePost } from '../posts/index.ts';
import { createComment } from '../comments/index.ts';
import { createWorkspace } from '../workspaces/index.ts';

const silent = { info() {}, warn() {}, error() {}, debug() {} };

/** The verification documented in README "Webhooks", written out as an integrator would. */
function verifyAsDocumented(secret: string, headers: Record<string, string | string[] | undefined>, body: string): boolean {
  const id = String(headers['webhook-id']);
  const timestamp = String(headers['webhook-timestamp']);
  if (Math.abs(Date.now() / 1000 - Number(timestamp)) > 5 * 60) return false;
  const key = Buffer.from(secret.slice('whsec_'.length), 'base64');
  const expected = Buffer.from(createHmac('sha256', key).update(`${id}.${timestamp}.${body}`).digest('base64'));
  return String(headers['webhook-signature']).split(' ').some((entry) => {
    const [version, signature] = entry.split(',');
    const given = Buffer.from(signature ?? '');
    return version === 'v1' && given.length === expected.length && timingSafeEqual(given, expected);
  });
}

const headersOf = (request: ReceivedRequest) => Object.fromEntries(Object.entries(request.headers).map(([k, v]) => [k, String(v)]));

for (const target of testTargets()) {
  describe(`Webhook deliveries to a real receiver [${target.name}]`, () => {
    let t: TestApp;
    let worker: WorkerHandle;
    let receiver: WebhookReceiver;
    let adminKey: string;
    const mails: MailMessage[] = [];

    before(async () => {
      const mailDir = await mkdtemp(path.join(os.tmpdir(), 'bb-hook-mail-'));
      const mailer = createFileMailer(mailDir, 'Backboard <no-reply@localhost>', (_sent, message) => mails.push(message));
      t = await createTestApp(target, { mailer, config: { webhooksAllowLoopback: true, webhookRetryBaseMs: 20, webhookTimeoutMs: 1000 } });
      worker = await startWorker({ connectionString: t.testDb.url, taskList: buildTaskList({ config: t.config, db: t.db, mailer, log: silent }), concurrency: 2, log: silent });
      receiver = await startWebhookReceiver();
      adminKey = await createApiKey(t.db, t.workspace.id, 'admin');
    });
    after(async () => {
      await worker.stop();
      await receiver.close();
      await t.close();
    });

    const api = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object, key = adminKey) =>
      t.app.inject({ method, url, headers: bearer(key), ...(payload ? { payload } : {}) });
    const addEndpoint = async (body: object, key = adminKey) => {
      const res = await api('POST', '/api/v1/webhooks', body, key);
      assert.equal(res.statusCode, 201, res.body);
      return res.json() as { id: string; secret: string };
    };
    const deliveriesOf = async (endpointId: string) => (await api('GET', `/api/v1/webhooks/${endpointId}/deliveries`)).json().items;
    async function waitFor<T>(what: string, probe: () => Promise<T | null | undefined | false>, timeoutMs = 15_000): Promise<T> {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const value = await probe();
        if (value) return value;
        if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    }

    test('a new post reaches the endpoint signed per Standard Webhooks, with the documented envelope', async () => {
      const endpoint = await addEndpoint({ url: receiver.url('/signed'), eventTypes: ['post.created'] });
      const post = await createTestPost(t, { title: 'Dark mode please', author: 'secret-author@example.com' });
      const [request] = await receiver.waitForPath('/signed', 1);
      assert.equal(request.path, '/signed');
      const headers = headersOf(request);
      assert.equal(headers['content-type'], 'application/json');
      assert.equal(headers['user-agent'], 'Backboard-Webhooks/1');
      assert.match(headers['webhook-id'], /^msg_[A-Za-z0-9_-]{22}$/);
      assert.ok(Math.abs(Number(headers['webhook-timestamp']) - Date.now() / 1000) < 30);
      assert.ok(verifyAsDocumented(endpoint.secret, headers, request.body), 'the README method verifies it');
      assert.ok(!verifyAsDocumented(endpoint.secret, headers, request.body.replace('Dark', 'Dork')), 'and rejects a changed body');
      const envelope = new Webhook(endpoint.secret).verify(request.body, headers) as Record<string, any>;

      assert.deepEqual(Object.keys(envelope).sort(), ['createdAt', 'data', 'id', 'type', 'version', 'workspaceId']);
      assert.deepEqual([envelope.type, envelope.version, envelope.workspaceId], ['post.created', 1, t.workspace.id]);
      const event = await t.db.selectFrom('events').selectAll().where('id', '=', envelope.id).executeTakeFirstOrThrow();
      assert.equal(envelope.createdAt, event.created_at.toISOString());
      assert.equal(envelope.data.post.id, post.id);
      assert.equal(envelope.data.post.title, 'Dark mode please');
      assert.equal(envelope.data.post.status.slug, post.status.slug);
      assert.equal(envelope.data.post.url, `${t.config.publicUrl}/p/${post.id}`);
      assert.equal(envelope.data.post.can, undefined);
      assert.ok(!request.body.includes('secret-author@example.com'), 'no email addresses in webhook bodies');

      // the receiver answers before the attempt is recorded
      const delivery = await waitFor('delivered', async () => (await deliveriesOf(endpoint.id)).find((d: { status: string }) => d.status === 'delivered'));
      assert.equal(delivery.id, headers['webhook-id']);
      assert.deepEqual([delivery.status, delivery.attemptCount, delivery.responseStatus, delivery.eventId], ['delivered', 1, 200, envelope.id]);
      assert.equal(delivery.request.body, request.body);
      assert.equal(delivery.request.headers['webhook-signature'], headers['webhook-signature']);
    });

    test('a receiver answering 500 then 200 gets the event once it recovers: same webhook-id, 2 attempts', async () => {
      const endpoint = await addEndpoint({ url: receiver.url('/flaky'), eventTypes: ['vote.created'] });
      const post = await createTestPost(t);
      receiver.script('/flaky', { status: 500, body: 'database down' });
      await castVote(t, post.id, 'voter-flaky@example.com');
      const [first, second] = await receiver.waitForPath('/flaky', 2);
      assert.equal(first.headers['webhook-id'], second.headers['webhook-id'], 'a retry is recognisably the same message');
      assert.equal(first.body, second.body, 'the same bytes');
      assert.ok(verifyAsDocumented(endpoint.secret, headersOf(second), second.body));
      const delivery = await waitFor('delivered', async () => (await deliveriesOf(endpoint.id)).find((d: { status: string }) => d.status === 'delivered'));
      assert.equal(delivery.attemptCount, 2);
      assert.deepEqual(delivery.attempts.map((a: { responseStatus: number; isSuccess: boolean }) => [a.responseStatus, a.isSuccess]), [[500, false], [200, true]]);
      assert.equal(delivery.attempts[0].responseBody, 'database down');
      assert.equal(delivery.attempts[0].error, 'answered 500');
      const envelope = JSON.parse(second.body);
      assert.equal(envelope.type, 'vote.created');
      assert.equal(envelope.data.post.id, post.id);
      assert.equal(envelope.data.voteCount, 2);
      const row = await t.db.selectFrom('webhook_endpoints').select(['consecutive_failures', 'failing_since']).where('id', '=', endpoint.id).executeTakeFirstOrThrow();
      assert.deepEqual(row, { consecutive_failures: 0, failing_since: null }, 'a success resets the failure streak');
    });

    test('410 Gone disables the endpoint at once and emails the admins', async () => {
      await createMember(t.db, t.workspace.id, { role: 'owner', email: 'owner-410@example.com' });
      await createMember(t.db, t.workspace.id, { role: 'member', email: 'member-410@example.com' });
      const endpoint = await addEndpoint({ url: receiver.url('/gone'), eventTypes: ['comment.created'], description: 'Old Zapier' });
      const post = await createTestPost(t);
      receiver.script('/gone', { status: 410, body: 'unsubscribed' });
      await createComment(contextFor(t), post.id, { body: 'First!' });
      await receiver.waitForPath('/gone', 1);
      const disabled = await waitFor('disabled', async () => {
        const e = (await api('GET', `/api/v1/webhooks/${endpoint.id}`)).json();
        return e.enabled ? null : e;
      });
      assert.equal(disabled.disabledReason, 'gone');
      assert.match(disabled.disabledDetail, /410 Gone/);
      const [delivery] = await deliveriesOf(endpoint.id);
      assert.deepEqual([delivery.status, delivery.attemptCount], ['dead', 1]);
      const mail = await waitFor('admin email', async () => mails.find((m) => m.to === 'owner-410@example.com'));
      assert.match(mail.subject, /Webhook disabled/);
      assert.match(mail.text, /410 Gone/);
      assert.match(mail.text, /\/admin\/webhooks/);
      assert.match(mail.messageId ?? '', new RegExp(`^<webhook-disabled\\.${endpoint.id}\\.`));
      assert.ok(!mails.some((m) => m.to === 'member-410@example.com'), 'plain members are not told');

      // nothing more is sent to it
      await createComment(contextFor(t), post.id, { body: 'Second' });
      await new Promise((resolve) => setTimeout(resolve, 300));
      assert.equal(receiver.requests.filter((r) => r.path === '/gone').length, 1);
    });

    test('redirects are not followed, response bodies are capped, slow receivers time out', async () => {
      const endpoint = await addEndpoint({ url: receiver.url('/odd'), eventTypes: ['post.updated'] });
      const post = await createTestPost(t);
      receiver.script(
        '/odd',
        { status: 302, headers: { location: receiver.url('/elsewhere') } },
        { status: 500, body: 'y'.repeat(50_000) },
        { status: 200, body: 'late', delayMs: 1500 },
        { status: 204 },
      );
      await updatePost(contextFor(t), post.id, { title: 'A better title' });
      await receiver.waitForPath('/odd', 4);
      assert.ok(!receiver.requests.some((r) => r.path === '/elsewhere'), 'the Location was never requested');
      const delivery = await waitFor('delivered', async () => (await deliveriesOf(endpoint.id)).find((d: { status: string }) => d.status === 'delivered'));
      const [redirect, big, slow, ok] = delivery.attempts;
      assert.equal(redirect.responseStatus, 302);
      assert.match(redirect.error, /redirecting to .*\/elsewhere; redirects are not followed/);
      assert.equal(big.responseBody.length, 4096 + '…[truncated]'.length);
      assert.equal(slow.responseStatus, null);
      assert.match(slow.error, /no complete answer within 1000 ms/);
      assert.equal(ok.responseStatus, 204);
      const envelope = JSON.parse(delivery.request.body);
      assert.equal(envelope.data.post.title, 'A better title');
      assert.ok(envelope.data.previous.post.title.startsWith('Please add feature'));
    });

    test('after a rotation both secrets sign until the grace period ends', async () => {
      const endpoint = await addEndpoint({ url: receiver.url('/rotated'), eventTypes: ['post.created'] });
      const rotated = (await api('POST', `/api/v1/webhooks/${endpoint.id}/rotate-secret`, { gracePeriodHours: 24 })).json();
      await createTestPost(t);
      const [request] = await receiver.waitForPath('/rotated', 1);
      const headers = headersOf(request);
      assert.equal(headers['webhook-signature'].split(' ').length, 2);
      assert.ok(verifyAsDocumented(rotated.secret, headers, request.body), 'the new secret verifies');
      assert.ok(verifyAsDocumented(endpoint.secret, headers, request.body), 'the old secret still verifies');
      new Webhook(endpoint.secret).verify(request.body, headers);
      new Webhook(rotated.secret).verify(request.body, headers);

      await t.db.updateTable('webhook_endpoints').set({ previous_secret_expires_at: new Date(Date.now() - 1000) }).where('id', '=', endpoint.id).execute();
      await createTestPost(t);
      const [, later] = await receiver.waitForPath('/rotated', 2);
      assert.equal(String(later.headers['webhook-signature']).split(' ').length, 1, 'the old secret stops signing after the grace period');
      assert.ok(!verifyAsDocumented(endpoint.secret, headersOf(later), later.body));
    });

    test('the test ping answers at once; a replay resends the same message', async () => {
      const endpoint = await addEndpoint({ url: receiver.url('/ping'), eventTypes: ['changelog.published'] });
      const ping = await api('POST', `/api/v1/webhooks/${endpoint.id}/test`, {});
      assert.equal(ping.statusCode, 200, ping.body);
      const delivery = ping.json();
      assert.deepEqual([delivery.eventType, delivery.status, delivery.responseStatus, delivery.attempts.length], ['webhook.test', 'delivered', 200, 1]);
      const [request] = await receiver.waitForPath('/ping', 1);
      assert.equal(JSON.parse(request.body).type, 'webhook.test');
      assert.ok(verifyAsDocumented(endpoint.secret, headersOf(request), request.body));

      const replay = await api('POST', `/api/v1/webhook-deliveries/${delivery.id}/replay`, {});
      assert.equal(replay.statusCode, 202, replay.body);
      assert.equal(replay.json().status, 'queued');
      const [, again] = await receiver.waitForPath('/ping', 2);
      assert.equal(again.headers['webhook-id'], delivery.id);
      assert.equal(again.body, request.body);
      const replayed = await waitFor('replayed', async () => (await deliveriesOf(endpoint.id)).find((d: { attemptCount: number; status: string }) => d.attemptCount === 2 && d.status === 'delivered'));
      assert.deepEqual(replayed.attempts.map((a: { attemptNumber: number }) => a.attemptNumber), [1, 2]);

      await api('POST', `/api/v1/webhooks/${endpoint.id}/disable`, {});
      const refused = await api('POST', `/api/v1/webhook-deliveries/${delivery.id}/replay`, {});
      assert.equal(refused.statusCode, 409);
      assert.equal(refused.json().code, 'webhook_disabled');
    });

    test('events of one workspace never reach another workspace\'s endpoints', async () => {
      const mine = await addEndpoint({ url: receiver.url('/tenant-a') });
      const other = await createWorkspace(t.db, { name: 'Tenant B', slug: 'hooks-tenant-b' });
      const otherKey = await createApiKey(t.db, other.workspace.id, 'admin');
      const theirs = await addEndpoint({ url: receiver.url('/tenant-b') }, otherKey);
      await createTestPost(t, { workspaceId: other.workspace.id, title: 'Only for B' });
      const [request] = await receiver.waitForPath('/tenant-b', 1);
      assert.ok(verifyAsDocumented(theirs.secret, headersOf(request), request.body));
      assert.equal(JSON.parse(request.body).workspaceId, other.workspace.id);
      await new Promise((resolve) => setTimeout(resolve, 300));
      assert.ok(!receiver.requests.some((r) => r.path === '/tenant-a'));
      assert.deepEqual(await deliveriesOf(mine.id), []);
      const foreignDelivery = (await api('GET', `/api/v1/webhooks/${theirs.id}/deliveries`, undefined, otherKey)).json().items[0];
      assert.equal((await api('POST', `/api/v1/webhook-deliveries/${foreignDelivery.id}/replay`, {})).statusCode, 404);
      await api('DELETE', `/api/v1/webhooks/${mine.id}`);
    });
  });
}
