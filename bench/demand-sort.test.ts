import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { testTargets } from '../test/db.ts';
import { createTestApp, type TestApp } from '../test/app.ts';
import { loadFixture } from './bench-db.ts';
import { seedBenchmark } from './seed.ts';
import { demandSortRequests, measureDemandSortLatency, prepareDemandSort } from './demand-sort.ts';

for (const target of testTargets()) {
  describe(`bench hook: sort=demand [${target.name}]`, () => {
    let t: TestApp;
    let baseUrl: string;

    before(async () => {
      t = await createTestApp(target);
      await seedBenchmark(t.db, { boards: 2, people: 40, posts: 150, votes: 900 });
      baseUrl = await t.app.listen({ port: 0, host: '127.0.0.1' });
    });
    after(() => t.close());

    test('the seed materialises demand, and the walk times every page of the board in order', async () => {
      assert.deepEqual(await prepareDemandSort(t.db, t.workspace.id), { seconds: 0, refreshed: false });
      const fixture = await loadFixture(t.db);
      const [spec] = demandSortRequests(fixture);
      assert.match(String(spec.path), /sort=demand/);
      const result = await measureDemandSortLatency(baseUrl, fixture, { pages: 10, rounds: 2 });
      const board = await t.db.selectFrom('boards').select('post_count').where('id', '=', fixture.listBoardId).executeTakeFirstOrThrow();
      assert.equal(result.requests, 2 * Math.ceil(board.post_count / 50));
      assert.ok(result.p50Ms > 0 && result.p50Ms <= result.p99Ms && result.p99Ms <= result.maxMs);
      const scores = await t.db.selectFrom('posts').select('demand_score').where('workspace_id', '=', t.workspace.id).where('demand_score', '>', 0).execute();
      assert.equal(scores.length, 150, 'every seeded post (all have votes) has a demand score');
    });
  });
}
