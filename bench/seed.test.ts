import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { createTestDb, testTargets, type TestDb } from '../test/db.ts';
import { findRankMismatches } from '../test/post-rank-audit.ts';
import { allocateVotes, resetBenchRuns, RUN_VOTER_DOMAIN, seedBenchmark, type SeedSummary } from './seed.ts';

const SCALE = { boards: 5, people: 50, posts: 200, votes: 1000 };

describe('allocateVotes', () => {
  test('sums exactly, respects the per-post cap and is skewed', () => {
    const counts = allocateVotes(200, 1000, 50);
    assert.equal(counts.reduce((a, b) => a + b, 0), 1000);
    assert.ok(counts.every((n) => n >= 0 && n <= 50));
    assert.ok(counts[0] >= 10 * counts[199], `top ${counts[0]} vs tail ${counts[199]}`);
    const tight = allocateVotes(10, 95, 10);
    assert.equal(tight.reduce((a, b) => a + b, 0), 95);
    assert.ok(tight.every((n) => n <= 10));
    assert.throws(() => allocateVotes(10, 101, 10), /cannot fit/);
  });
});

for (const target of testTargets()) {
  describe(`bench seed [${target.name}]`, () => {
    let t: TestDb;
    let summary: SeedSummary;

    before(async () => {
      t = await createTestDb(target);
      summary = await seedBenchmark(t.db, SCALE);
    });
    after(() => t.drop());

    test('writes the requested rows into the default workspace', async () => {
      const ws = summary.workspaceId;
      const count = async (table: 'boards' | 'people' | 'posts' | 'votes') =>
        Number((await t.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).where('workspace_id', '=', ws).executeTakeFirstOrThrow()).n);
      assert.equal(await count('boards'), SCALE.boards);
      assert.equal(await count('people'), SCALE.people);
      assert.equal(await count('posts'), SCALE.posts);
      assert.equal(await count('votes'), SCALE.votes);
      const workspaces = await t.db.selectFrom('workspaces').select('id').execute();
      assert.deepEqual(workspaces.map((w) => w.id), [ws]);
    });

    test('counters match the rows, and popularity is skewed', async () => {
      const ws = summary.workspaceId;
      const { rows: [posts] } = await sql<{ mismatched: number; total: number; max: number; median: number }>`
        select count(*) filter (where p.vote_count <> coalesce(v.n, 0))::int as mismatched,
               sum(p.vote_count)::int as total, max(p.vote_count) as max,
               percentile_disc(0.5) within group (order by p.vote_count) as median
        from posts p left join (select post_id, count(*) as n from votes group by post_id) v on v.post_id = p.id
        where p.workspace_id = ${ws}`.execute(t.db);
      assert.equal(posts.mismatched, 0);
      assert.equal(posts.total, SCALE.votes);
      assert.ok(posts.max >= 5 * posts.median, `max ${posts.max} vs median ${posts.median}`);
      const { rows: boards } = await sql<{ post_count: number; n: number }>`
        select b.post_count, (select count(*)::int from posts p where p.board_id = b.id and p.deleted_at is null) as n
        from boards b where b.workspace_id = ${ws}`.execute(t.db);
      assert.equal(boards.reduce((a, b) => a + b.post_count, 0), SCALE.posts);
      assert.ok(boards.every((b) => b.post_count === b.n && b.n > 0));
      const { rows: [hot] } = await sql<{ wrong: number }>`
        select count(*)::int as wrong from posts
        where workspace_id = ${ws} and abs(hot_score - (log(greatest(vote_count, 1)) + extract(epoch from created_at) / 45000)) > 1e-9`.execute(t.db);
      assert.equal(hot.wrong, 0);
      // the set-based inserts and the recount reach post_rank through the triggers on posts
      assert.deepEqual(await findRankMismatches(t.db), []);
    });

    test('seeding twice is refused; resetBenchRuns removes what a run added and recounts', async () => {
      await assert.rejects(seedBenchmark(t.db, SCALE), /already has boards/);
      const ws = summary.workspaceId;
      const post = await t.db.selectFrom('posts').select(['id', 'vote_count']).where('workspace_id', '=', ws).orderBy('vote_count').limit(1).executeTakeFirstOrThrow();
      const voter = await t.db.insertInto('people').values({ workspace_id: ws, email: `someone@${RUN_VOTER_DOMAIN}` }).returning('id').executeTakeFirstOrThrow();
      await t.db.insertInto('votes').values({ workspace_id: ws, post_id: post.id, person_id: voter.id }).execute();
      await t.db.updateTable('posts').set({ vote_count: post.vote_count + 1 }).where('id', '=', post.id).execute();
      assert.deepEqual(await resetBenchRuns(t.db), { voters: 1, posts: 0 });
      const after = await t.db.selectFrom('posts').select('vote_count').where('id', '=', post.id).executeTakeFirstOrThrow();
      assert.equal(after.vote_count, post.vote_count);
      assert.deepEqual(await findRankMismatches(t.db), []);
      const votes = await t.db.selectFrom('votes').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
      assert.equal(Number(votes.n), SCALE.votes);
    });
  });
}
