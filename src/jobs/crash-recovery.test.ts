import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { testTargets, createTestDb, type TestDb } from '../../test/db.ts';
import { waitUntil } from '../../test/worker.ts';
import { addJob } from './queue.ts';
import { startWorker, type WorkerHandle } from './start-worker.ts';
import { startCrashRecovery } from './crash-recovery.ts';

const silent = { info() {}, warn() {}, error() {}, debug() {} };

for (const target of testTargets()) {
  describe(`crash recovery of locked jobs [${target.name}]`, () => {
    let testDb: TestDb;
    const ran: string[] = [];
    let releaseBlocker: () => void = () => {};
    const blocker = new Promise<void>((resolve) => (releaseBlocker = resolve));
    const workers: WorkerHandle[] = [];

    before(async () => {
      testDb = await createTestDb(target);
    });
    after(async () => {
      releaseBlocker();
      for (const w of workers) await w.stop();
      await testDb.drop();
    });

    const lockedBy = async (name: string) => {
      const { rows } = await sql<{ locked_by: string | null }>`select locked_by from graphile_worker.jobs where key = ${name}`.execute(testDb.db);
      return rows[0]?.locked_by ?? null;
    };

    test('a job left locked by a pool that died is released and run by a live worker', async () => {
      await addJob(testDb.db, 'test.record', { name: 'orphan' }, { jobKey: 'orphan' });
      // what kill -9 leaves behind: a lock by a pool nobody holds the liveness lock of
      await sql`update graphile_worker._private_jobs set locked_by = 'pool-killed', locked_at = now() - interval '1 minute', attempts = 1
        where key = 'orphan'`.execute(testDb.db);
      workers.push(await startWorker({
        connectionString: testDb.url, log: silent,
        taskList: {
          'test.record': async (payload) => void ran.push((payload as { name: string }).name),
          'test.block': async () => blocker,
        },
      }));
      await waitUntil(async () => ran.includes('orphan'), { what: 'the orphaned job to run', timeoutMs: 20_000 });
    });

    test('jobs of a live pool are left alone, however long they run', async () => {
      await addJob(testDb.db, 'test.block', {}, { jobKey: 'busy' });
      const owner = await waitUntil(() => lockedBy('busy').then((v) => v ?? undefined), { what: 'the job to start' });
      const observer = await startCrashRecovery({ connectionString: testDb.url, poolId: 'pool-observer', log: silent, intervalMs: 50, graceMs: 0 });
      await new Promise((resolve) => setTimeout(resolve, 400));
      await observer.stop();
      assert.equal(await lockedBy('busy'), owner, 'still locked by its (live) worker');
      releaseBlocker();
      await waitUntil(async () => (await lockedBy('busy')) === null, { what: 'the job to finish' });
    });
  });
}
