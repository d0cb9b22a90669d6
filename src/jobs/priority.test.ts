// A backlog of analysis jobs (duplicate checks, demand scores) must not hold back work people wait for.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { testTargets, createTestDb, type TestDb } from '../../test/db.ts';
import { waitUntil } from '../../test/worker.ts';
import { sql } from 'kysely';
import { addJob, addJobs, JOB_PRIORITY } from './queue.ts';
import { startWorker, type WorkerHandle } from './start-worker.ts';

const silent = { info() {}, warn() {}, error() {}, debug() {} };

for (const target of testTargets()) {
  describe(`job priority [${target.name}]`, () => {
    let testDb: TestDb;
    let worker: WorkerHandle | null = null;
    before(async () => {
      testDb = await createTestDb(target);
    });
    after(async () => {
      await worker?.stop();
      await testDb.drop();
    });

    test('addJobs writes a batch at once: defaults as addJob, a repeated key keeps one job', async () => {
      await addJobs(testDb.db, [
        { task: 'test.batch', payload: { n: 1 }, jobKey: 'batch:a' },
        { task: 'test.batch', payload: { n: 2 }, jobKey: 'batch:b', priority: JOB_PRIORITY.analysis },
        { task: 'test.batch', payload: { n: 3 } },
      ]);
      await addJobs(testDb.db, [{ task: 'test.batch', payload: { n: 4 }, jobKey: 'batch:a' }]);
      await addJobs(testDb.db, []);
      const { rows } = await sql<{ key: string | null; payload: { n: number }; priority: number; max_attempts: number; due: boolean }>`
        select j.key, j.payload, j.priority, j.max_attempts, j.run_at <= now() as due
        from graphile_worker._private_jobs j join graphile_worker._private_tasks t on t.id = j.task_id
        where t.identifier = 'test.batch' order by (j.payload->>'n')::int`.execute(testDb.db);
      assert.deepEqual(rows.map((r) => [r.key, r.payload.n, r.priority]), [['batch:b', 2, 10], [null, 3, 0], ['batch:a', 4, 0]]);
      assert.ok(rows.every((r) => r.max_attempts === 25 && r.due));
      await sql`delete from graphile_worker._private_jobs where task_id in (select id from graphile_worker._private_tasks where identifier = 'test.batch')`.execute(testDb.db);
    });

    test('a job people wait for runs before an earlier backlog of analysis jobs', async () => {
      for (let i = 0; i < 5; i++) await addJob(testDb.db, 'test.record', { name: `analysis-${i}` }, { priority: JOB_PRIORITY.analysis });
      await addJob(testDb.db, 'test.record', { name: 'email' });
      const ran: string[] = [];
      worker = await startWorker({
        connectionString: testDb.url, log: silent, concurrency: 1,
        taskList: { 'test.record': async (payload) => void ran.push((payload as { name: string }).name) },
      });
      await waitUntil(async () => ran.length === 6, { what: 'every job to run', timeoutMs: 20_000 });
      assert.deepEqual(ran, ['email', 'analysis-0', 'analysis-1', 'analysis-2', 'analysis-3', 'analysis-4']);
    });
  });
}
