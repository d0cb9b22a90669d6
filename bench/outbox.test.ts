import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createSmtpMailer } from '../src/email/create-mailer.ts';
import { startWorker, type WorkerHandle } from '../src/jobs/start-worker.ts';
import { buildTaskList } from '../src/task-list.ts';
import { createTestApp, type TestApp } from '../test/app.ts';
import { testTargets } from '../test/db.ts';
import { loadFixture } from './bench-db.ts';
import { formatOutbox, measureOutbox, prepareOutboxPost } from './outbox.ts';
import { resetBenchRuns, seedBenchmark } from './seed.ts';
import { startSmtpSink, type SmtpSink } from './smtp-sink.ts';

const silent = { info() {}, warn() {}, error() {}, debug() {} };
const SUBSCRIBERS = 60;

for (const target of testTargets()) {
  describe(`bench outbox [${target.name}]`, () => {
    let t: TestApp;
    let sink: SmtpSink;
    let worker: WorkerHandle;
    let baseUrl: string;

    before(async () => {
      sink = await startSmtpSink();
      const mailer = createSmtpMailer(sink.url, 'Backboard <no-reply@bench.test>');
      t = await createTestApp(target, { mailer });
      await seedBenchmark(t.db, { boards: 2, people: 20, posts: 40, votes: 100 });
      worker = await startWorker({ connectionString: t.testDb.url, taskList: buildTaskList({ config: t.config, db: t.db, mailer, log: silent }), log: silent });
      baseUrl = await t.app.listen({ port: 0, host: '127.0.0.1' });
    });
    after(async () => {
      await worker.stop();
      await t.close();
      await sink.close();
    });

    test('a status change reaches every follower once, as the audit recorded it; the next run removes what it added', async () => {
      const fixture = await loadFixture(t.db);
      const { postId, emails } = await prepareOutboxPost(t.db, baseUrl, fixture, 'tagx', SUBSCRIBERS);
      assert.equal(emails.size, SUBSCRIBERS);
      const result = await measureOutbox({ db: t.db, baseUrl, adminKey: fixture.adminKey, sink, postId, emails, settleMs: 500 });
      assert.equal(result.ok, true, formatOutbox(result));
      assert.deepEqual([result.received, result.distinctMessageIds, result.distinctRecipients, result.doubled, result.missing], [SUBSCRIBERS, SUBSCRIBERS, SUBSCRIBERS, 0, 0]);
      assert.deepEqual([result.audit.sent, result.audit.queued, result.audit.failed, result.audit.skipped], [SUBSCRIBERS, 0, 0, 0]);
      assert.equal(result.audit.messageIdsMatch, true);
      assert.ok(result.perSecond > 0 && result.firstMs <= result.p50Ms && result.p50Ms <= result.p99Ms && result.seconds * 1000 >= result.p99Ms);
      assert.match(formatOutbox(result), /notifications delivered\/s/);

      assert.deepEqual(await resetBenchRuns(t.db), { voters: SUBSCRIBERS, posts: 1 });
      const left = await t.db.selectFrom('subscriptions').select('id').where('post_id', '=', postId).execute();
      assert.deepEqual(left, []);
    });
  });
}
