import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { testTargets, createTestDb, type TestDb } from '../../test/db.ts';
import { waitUntil } from '../../test/worker.ts';
import { addJob } from './queue.ts';
import { retryDelayMs, retrySchedule, withRetry } from './with-retry.ts';
import { startWorker, type WorkerHandle } from './start-worker.ts';

const silent = { info() {}, warn() {}, error() {}, debug() {} };

test('delays double from the base, stop growing at the cap, and carry ±50 % jitter', () => {
  const policy = { baseMs: 1000, maxMs: 5000 };
  assert.equal(retryDelayMs(1, policy, () => 0.5), 1000);
  assert.equal(retryDelayMs(2, policy, () => 0.5), 2000);
  assert.equal(retryDelayMs(3, policy, () => 0.5), 4000);
  assert.equal(retryDelayMs(4, policy, () => 0.5), 5000);
  assert.equal(retryDelayMs(9, policy, () => 0), 2500);
  assert.equal(retryDelayMs(9, policy, () => 0.999999), 7500);
  for (let i = 0; i < 200; i++) {
    const d = retryDelayMs(2, policy);
    assert.ok(d >= 1000 && d <= 3000, String(d));
  }
  assert.deepEqual(retrySchedule({ ...policy, maxAttempts: 5 }), [1000, 2000, 4000, 5000]);
});

for (const target of testTargets()) {
  describe(`withRetry on a real worker [${target.name}]`, () => {
    let testDb: TestDb;
    let worker: WorkerHandle;
    const runs: Array<{ key: string; attempt: number; at: number }> = [];
    const gaveUp: string[] = [];

    before(async () => {
      testDb = await createTestDb(target);
      const policy = { baseMs: 150, maxMs: 400, maxAttempts: 4 };
      worker = await startWorker({
        connectionString: testDb.url,
        log: silent,
        taskList: {
          'test.flaky': withRetry<{ name: string; failTimes: number }>({
            task: 'test.flaky', db: testDb.db, policy, log: silent,
            run: async (payload, attempt, helpers) => {
              runs.push({ key: helpers.job.key ?? '', attempt: attempt.number, at: Date.now() });
              if (attempt.number <= payload.failTimes) throw new Error(`${payload.name} failed`);
            },
            onGiveUp: async (payload) => {
              gaveUp.push(payload.name);
            },
          }),
        },
      });
    });
    after(async () => {
      await worker.stop();
      await testDb.drop();
    });

    test('a failing job is re-added with its key after a growing delay, until it succeeds', async () => {
      await addJob(testDb.db, 'test.flaky', { name: 'twice', failTimes: 2 }, { jobKey: 'flaky-twice' });
      await waitUntil(async () => runs.filter((r) => r.key === 'flaky-twice').length === 3, { what: 'three runs' });
      const mine = runs.filter((r) => r.key === 'flaky-twice');
      assert.deepEqual(mine.map((r) => r.attempt), [1, 2, 3]);
      assert.ok(mine[1].at - mine[0].at >= 70, 'first retry waits about the base delay (at least half of it)');
      assert.ok(mine[2].at - mine[1].at >= 140, 'the second waits about twice as long');
      const { rows } = await sql<{ n: number }>`select count(*)::int as n from graphile_worker.jobs where key = 'flaky-twice'`.execute(testDb.db);
      assert.equal(rows[0].n, 0, 'the job is done and gone');
    });

    test('after the last attempt it gives up once', async () => {
      await addJob(testDb.db, 'test.flaky', { name: 'never', failTimes: 99 }, { jobKey: 'flaky-never' });
      await waitUntil(async () => gaveUp.includes('never'), { what: 'give up' });
      await new Promise((resolve) => setTimeout(resolve, 600));
      assert.deepEqual(runs.filter((r) => r.key === 'flaky-never').map((r) => r.attempt), [1, 2, 3, 4]);
      assert.deepEqual(gaveUp, ['never']);
    });
  });
}
