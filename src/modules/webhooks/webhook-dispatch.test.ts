import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { testTargets } from '../../../test/db.ts';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import { bearer, createApiKey, createMember } from '../../../test/factories/team.ts';
import { contextFor, createTestPost } from '../../../test/factories/content.ts';
import { startWebhookReceiver, type WebhookReceiver } from '../../../test/webhook-receiver.ts';
import { createFileMailer } from '../../email/create-mailer.ts';
import type { MailMessage } from '../../email/mailer.ts';
import { generateWebhookSecret } from '../../lib/webhook-signature.ts';
import { loadEvent, type StoredEvent } from '../events/index.ts';
import { updatePost } from '../posts/index.ts';
import { createStatus } from '../statuses/index.ts';
import { attemptWebhookDelivery } from './attempt-webhook-delivery.ts';
import { dispatchWebhooks } from './dispatch-webhooks.ts';
import { enqueueWebhookDelivery } from './enqueue-webhook-delivery.ts';
import { webhookTasks } from './webhook-tasks.ts';
import type { WebhookDeps } from './webhook-deps.ts';

// The job handlers run directly here (no worker), so each step and the jobs it enqueues are visible.
const silent = { info() {}, warn() {}, error() {} };

for (const target of testTargets()) {
  describe(`Webhook dispatch and delivery handlers [${target.name}]`, () => {
    let t: TestApp;
    let receiver: WebhookReceiver;
    let deps: WebhookDeps;
    let strictDeps: WebhookDeps;
    const mails: MailMessage[] = [];

    before(async () => {
      const mailDir = await mkdtemp(path.join(os.tmpdir(), 'bb-hook-mail-'));
      const mailer = createFileMailer(mailDir, 'Backboard <no-reply@localhost>', (_sent, message) => mails.push(message));
      t = await createTestApp(target, { mailer, config: { webhooksAllowLoopback: true, webhookTimeoutMs: 1000 } });
      receiver = await startWebhookReceiver();
      deps = { config: t.config, db: t.db, mailer, log: silent };
      strictDeps = { ...deps, config: { ...t.config, webhooksAllowLoopback: false } };
    });
    after(async () => {
      await receiver.close();
      await t.close();
    });

    /** Endpoint rows written directly: what the configuration-time check would have refused is still possible after DNS changes. */
    const insertEndpoint = (url: string, opts: { eventTypes?: string[]; enabled?: boolean } = {}) => t.db.insertInto('webhook_endpoints').values({
      workspace_id: t.workspace.id, url, secret: generateWebhookSecret(), event_types: opts.eventTypes ?? [],
      ...(opts.enabled === false ? { enabled: false, disabled_reason: 'manual' as const } : {}),
    }).returningAll().executeTakeFirstOrThrow();
    const newDelivery = (endpointId: string) => enqueueWebhookDelivery(t.db, {
      workspaceId: t.workspace.id, endpointId, eventId: null, eventType: 'webhook.test', payload: '{"n":1}', now: new Date(),
    }) as Promise<string>;
    const deliveryRow = (id: string) => t.db.selectFrom('webhook_deliveries').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    const attemptsOf = (id: string) => t.db.selectFrom('webhook_attempts').selectAll().where('delivery_id', '=', id).orderBy('attempt_number').execute();
    const jobsFor = async (task: string) => (await sql<{ key: string | null; run_at: Date; payload: Record<string, string> }>`
      select j.key, j.run_at, j.payload from graphile_worker._private_jobs j
      join graphile_worker._private_tasks k on k.id = j.task_id where k.identifier = ${task}`.execute(t.db)).rows;
    const lastEvent = async (type: string): Promise<StoredEvent> => {
      const row = await t.db.selectFrom('events').select('id').where('type', '=', type).orderBy('created_at', 'desc').limit(1).executeTakeFirstOrThrow();
      return (await loadEvent(t.db, row.id))!;
    };

    test('the consumer is idempotent: dispatching one event twice makes one delivery and one job per endpoint', async () => {
      const wanted = await insertEndpoint(receiver.url('/idem'), { eventTypes: ['post.created'] });
      const everything = await insertEndpoint(receiver.url('/all'));
      const other = await insertEndpoint(receiver.url('/votes'), { eventTypes: ['vote.created'] });
      const off = await insertEndpoint(receiver.url('/off'), { enabled: false });
      await createTestPost(t);
      const event = await lastEvent('post.created');
      await dispatchWebhooks(deps, event);
      await dispatchWebhooks(deps, event);
      await Promise.all([dispatchWebhooks(deps, event), dispatchWebhooks(deps, event)]);
      const rows = await t.db.selectFrom('webhook_deliveries').select(['id', 'endpoint_id', 'payload']).where('event_id', '=', event.id).execute();
      assert.deepEqual(rows.map((r) => r.endpoint_id).sort(), [wanted.id, everything.id].sort());
      assert.ok(!rows.some((r) => [other.id, off.id].includes(r.endpoint_id)));
      const jobs = (await jobsFor('webhook.deliver')).filter((j) => rows.some((r) => r.id === j.key));
      assert.equal(jobs.length, 2, 'one job each, keyed by the delivery id');
      for (const job of jobs) assert.equal(job.payload.deliveryId, job.key);
      assert.equal(rows[0].payload, rows[1].payload, 'one body for every endpoint');
      await t.db.deleteFrom('webhook_endpoints').where('id', 'in', [wanted.id, everything.id, other.id, off.id]).execute();
    });

    test('status changes carry the new and the previous status', async () => {
      const endpoint = await insertEndpoint(receiver.url('/status'), { eventTypes: ['post.status_changed'] });
      const post = await createTestPost(t);
      const shipped = await createStatus(contextFor(t), { name: 'Shipped it', kind: 'shipped' });
      await updatePost(contextFor(t), post.id, { status: shipped.id, statusMessage: 'Out **today**' });
      await dispatchWebhooks(deps, await lastEvent('post.status_changed'));
      const delivery = await t.db.selectFrom('webhook_deliveries').selectAll().where('endpoint_id', '=', endpoint.id).executeTakeFirstOrThrow();
      const envelope = JSON.parse(delivery.payload);
      assert.equal(envelope.type, 'post.status_changed');
      assert.deepEqual([envelope.data.status.id, envelope.data.status.kind], [shipped.id, 'shipped']);
      assert.equal(envelope.data.previous.status.id, post.status.id);
      assert.equal(envelope.data.message, 'Out **today**');
      assert.equal(envelope.data.post.status.id, shipped.id);
      assert.deepEqual(envelope.data.actor, null, 'the system acted');
      await t.db.deleteFrom('webhook_endpoints').where('id', '=', endpoint.id).execute();
    });

    test('SSRF: refused at connect time, before any connection, even if the row got past configuration', async () => {
      const before = receiver.connections();
      const cases: Array<[string, RegExp]> = [
        [`http://localhost:${receiver.port}/ssrf`, /localhost resolves to .*loopback/],
        [`http://127.0.0.1:${receiver.port}/ssrf`, /127\.0\.0\.1 is in the loopback range/],
        [`http://[::1]:${receiver.port}/ssrf`, /::1 is in the loopback range/],
        [`http://[::ffff:127.0.0.1]:${receiver.port}/ssrf`, /loopback/],
        ['http://169.254.169.254/latest/meta-data/', /169\.254\.169\.254 is in the linkLocal range/],
        ['http://10.0.0.1/', /10\.0\.0\.1 is in the private range/],
      ];
      for (const [url, error] of cases) {
        const endpoint = await insertEndpoint(url);
        const id = await newDelivery(endpoint.id);
        await attemptWebhookDelivery(strictDeps, id);
        const [attempt] = await attemptsOf(id);
        assert.match(attempt.error ?? '', error, url);
        assert.equal(attempt.response_status, null);
        assert.equal((await deliveryRow(id)).status, 'failed', 'refused attempts are retried like failures (DNS may change back)');
        await t.db.deleteFrom('webhook_endpoints').where('id', '=', endpoint.id).execute();
      }
      assert.equal(receiver.connections(), before, 'the receiver on 127.0.0.1 saw no connection at all');
    });

    test('a failure schedules the next attempt by re-enqueueing with run_at and the same job key', async () => {
      const endpoint = await insertEndpoint(receiver.url('/retry'));
      receiver.script('/retry', { status: 503 });
      const id = await newDelivery(endpoint.id);
      const before = Date.now();
      await attemptWebhookDelivery(deps, id);
      const row = await deliveryRow(id);
      assert.deepEqual([row.status, row.attempt_count, row.response_status, row.last_error], ['failed', 1, 503, 'answered 503']);
      const [job] = (await jobsFor('webhook.deliver')).filter((j) => j.key === id);
      const delay = job.run_at.getTime() - before;
      assert.ok(delay >= 2500 - 50 && delay <= 7500 + 1000, `first retry after ${delay} ms (5 s ± 50%)`);
      assert.equal(row.next_attempt_at?.getTime(), job.run_at.getTime());
      const streak = await t.db.selectFrom('webhook_endpoints').select(['consecutive_failures', 'failing_since']).where('id', '=', endpoint.id).executeTakeFirstOrThrow();
      assert.equal(streak.consecutive_failures, 1);
      assert.ok(streak.failing_since);

      // a spent schedule ends the delivery
      await t.db.updateTable('webhook_deliveries').set({ round_attempts: 10 }).where('id', '=', id).execute();
      receiver.script('/retry', { status: 503 });
      await attemptWebhookDelivery(deps, id);
      const dead = await deliveryRow(id);
      assert.equal(dead.status, 'dead');
      assert.match(dead.last_error ?? '', /gave up after 11 attempts/);
      await attemptWebhookDelivery(deps, id);
      assert.equal((await attemptsOf(id)).length, 2, 'a stale job for a dead delivery sends nothing');
      await t.db.deleteFrom('webhook_endpoints').where('id', '=', endpoint.id).execute();
    });

    test('20 failures in a row disable the endpoint, end its pending deliveries and email each admin once', async () => {
      await createMember(t.db, t.workspace.id, { role: 'admin', email: 'hooks-admin-a@example.com' });
      await createMember(t.db, t.workspace.id, { role: 'owner', email: 'hooks-owner-b@example.com' });
      await createMember(t.db, t.workspace.id, { role: 'member', email: 'hooks-member-c@example.com' });
      const endpoint = await insertEndpoint(receiver.url('/failing'));
      await t.db.updateTable('webhook_endpoints').set({ consecutive_failures: 19, failing_since: new Date(Date.now() - 3600_000) }).where('id', '=', endpoint.id).execute();
      const waiting = await newDelivery(endpoint.id);
      const id = await newDelivery(endpoint.id);
      receiver.script('/failing', { status: 500 });
      await attemptWebhookDelivery(deps, id);
      const disabled = await t.db.selectFrom('webhook_endpoints').selectAll().where('id', '=', endpoint.id).executeTakeFirstOrThrow();
      assert.deepEqual([disabled.enabled, disabled.disabled_reason, disabled.consecutive_failures], [false, 'failing', 20]);
      assert.match(disabled.disabled_detail ?? '', /20 failed attempts in a row since .*answered 500/);
      assert.equal((await deliveryRow(id)).status, 'dead');
      assert.deepEqual([(await deliveryRow(waiting)).status, (await deliveryRow(waiting)).last_error], ['dead', 'endpoint disabled']);
      await attemptWebhookDelivery(deps, waiting);
      assert.equal(receiver.requests.filter((r) => r.path === '/failing').length, 1, 'nothing more is sent');

      const emailJobs = (await jobsFor('webhook.disabled-email')).filter((j) => j.payload.endpointId === endpoint.id);
      const admins = await t.db.selectFrom('members').select('id').where('workspace_id', '=', t.workspace.id).where('role', 'in', ['owner', 'admin']).execute();
      assert.deepEqual(emailJobs.map((j) => j.payload.memberId).sort(), admins.map((a) => a.id).sort());
      const tasks = webhookTasks(deps);
      for (const job of emailJobs) await tasks['webhook.disabled-email'](job.payload);
      await tasks['webhook.disabled-email'](emailJobs[0].payload); // a retried job: same Message-ID
      const sent = mails.filter((m) => m.subject === `Webhook disabled: ${endpoint.url}`);
      assert.ok(sent.some((m) => m.to === 'hooks-admin-a@example.com') && sent.some((m) => m.to === 'hooks-owner-b@example.com'));
      assert.ok(!sent.some((m) => m.to === 'hooks-member-c@example.com'));
      assert.match(sent[0].html, /Open webhook settings/);
      assert.equal(new Set(sent.map((m) => m.messageId)).size, emailJobs.length, 'one stable Message-ID per recipient');

      // re-enabled before the job ran: the notice is stale and not sent
      await t.db.updateTable('webhook_endpoints').set({ enabled: true, disabled_reason: null, disabled_at: null }).where('id', '=', endpoint.id).execute();
      const count = mails.length;
      await tasks['webhook.disabled-email'](emailJobs[0].payload);
      assert.equal(mails.length, count);
      await t.db.deleteFrom('webhook_endpoints').where('id', '=', endpoint.id).execute();
    });

    test('the delivery log pages with a cursor, newest first', async () => {
      const endpoint = await insertEndpoint(receiver.url('/paged'));
      const ids: string[] = [];
      for (let i = 0; i < 5; i++) ids.push(await newDelivery(endpoint.id));
      const key = await createApiKey(t.db, t.workspace.id, 'admin');
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const query: string = cursor ? `?limit=2&cursor=${cursor}` : '?limit=2';
        const res = await t.app.inject({ method: 'GET', url: `/api/v1/webhooks/${endpoint.id}/deliveries${query}`, headers: bearer(key) });
        assert.equal(res.statusCode, 200, res.body);
        const page = res.json() as { items: Array<{ id: string; createdAt: string }>; nextCursor: string | null };
        assert.ok(page.items.length <= 2);
        seen.push(...page.items.map((d) => d.id));
        cursor = page.nextCursor;
      } while (cursor);
      assert.deepEqual([...seen].sort(), [...ids].sort(), 'every delivery exactly once');
      const created = await t.db.selectFrom('webhook_deliveries').select(['id', 'created_at']).where('endpoint_id', '=', endpoint.id).execute();
      const at = new Map(created.map((d) => [d.id, d.created_at.getTime()]));
      for (let i = 1; i < seen.length; i++) assert.ok(at.get(seen[i - 1])! >= at.get(seen[i])!, 'newest first');
      await t.db.deleteFrom('webhook_endpoints').where('id', '=', endpoint.id).execute();
    });

    test('three days of failing also disable the endpoint', async () => {
      const endpoint = await insertEndpoint(receiver.url('/long'));
      await t.db.updateTable('webhook_endpoints').set({ consecutive_failures: 2, failing_since: new Date(Date.now() - 73 * 3600_000) }).where('id', '=', endpoint.id).execute();
      receiver.script('/long', { status: 502 });
      await attemptWebhookDelivery(deps, await newDelivery(endpoint.id));
      const row = await t.db.selectFrom('webhook_endpoints').selectAll().where('id', '=', endpoint.id).executeTakeFirstOrThrow();
      assert.deepEqual([row.enabled, row.disabled_reason], [false, 'failing']);
      await t.db.deleteFrom('webhook_endpoints').where('id', '=', endpoint.id).execute();
    });
  });
}
