// A backlog of analysis jobs (duplicate checks, demand scores) must not hold back work people wait for.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { testTargets, createTestDb, type TestDb } from '../../test/db.ts';
import { waitUntil } from '../../test/worker.ts';
import { addJob, JOB_PRIORITY } from './queue.ts';
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
