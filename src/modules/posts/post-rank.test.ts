import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { testTargets } from '../../../test/db.ts';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import { bearer, createApiKey } from '../../../test/factories/team.ts';
import { castVote, createBoard, createTestPost } from '../../../test/factories/content.ts';
import { runDemandJobs } from '../../../test/factories/demand.ts';
import { findRankMismatches } from '../../../test/post-rank-audit.ts';
import type { Tx } from '../../db/database.ts';
import { adjustVoteCounts } from './posts.repo.ts';

// post_rank holds the sort keys off the wide posts row (migrations/20261123090000_post-rank.sql); the
// triggers on posts keep it equal to posts whatever writes them. Every step here is one of the
// product's own writes, and after each one post_rank must equal a recomputation from posts.
for (const target of testTargets()) {
  describe(`post_rank follows posts [${target.name}]`, () => {
    let t: TestApp;
    let admin: Record<string, string>;

    before(async () => {
      t = await createTestApp(target);
      admin = bearer(await createApiKey(t.db, t.workspace.id, 'admin'));
    });
    after(() => t.close());

    const inSync = async (step: string) => assert.deepEqual(await findRankMismatches(t.db), [], `post_rank after ${step}`);
    const call = async (method: 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object) => {
      const res = await t.app.inject({ method, url, headers: admin, ...(payload ? { payload } : {}) });
      assert.ok(res.statusCode < 300, `${method} ${url}: ${res.statusCode} ${res.body}`);
    };
    const rank = (postId: string) => t.db.selectFrom('post_rank').selectAll().where('post_id', '=', postId).executeTakeFirstOrThrow();
    const topIds = async (boardId: string) => (await t.app.inject({ method: 'GET', url: `/api/v1/posts?boardId=${boardId}&sort=top`, headers: admin }))
      .json().items.map((p: { id: string }) => p.id);

    test('create, vote, unvote, status, edit, move, delete, restore, merge, unmerge, demand, board deletion', async () => {
      const boardA = (await createBoard(t)).id;
      const boardB = (await createBoard(t)).id;
      const a = await createTestPost(t, { boardId: boardA });
      const b = await createTestPost(t, { boardId: boardA });
      await inSync('create (with the author vote)');

      await castVote(t, b.id, 'v1@example.com');
      await castVote(t, b.id, 'v2@example.com');
      await inSync('votes');
      assert.equal((await rank(b.id)).vote_count, 3);
      assert.deepEqual(await topIds(boardA), [b.id, a.id], 'sort=top walks post_rank');

      await call('DELETE', `/api/v1/posts/${b.id}/votes?email=v1@example.com`);
      await inSync('unvote');

      await call('PATCH', `/api/v1/posts/${a.id}`, { status: 'planned' });
      await inSync('status change');

      // search is a plain column since that migration, written by a trigger with the text
      await call('PATCH', `/api/v1/posts/${a.id}`, { title: 'Offline sync for field teams', body: 'Works without a connection' });
      await inSync('edit');
      const { rows: [search] } = await sql<{ stale: number }>`
        select count(*)::int as stale from posts
        where search is distinct from setweight(to_tsvector('english', title), 'A') || setweight(to_tsvector('english', body), 'B')`.execute(t.db);
      assert.equal(search.stale, 0, 'posts.search follows title and body');
      const found = (await t.app.inject({ method: 'GET', url: `/api/v1/posts?q=offline&sort=top`, headers: admin })).json().items;
      assert.deepEqual(found.map((p: { id: string }) => p.id), [a.id]);

      await call('PATCH', `/api/v1/posts/${a.id}`, { boardId: boardB });
      await inSync('move to another board');
      assert.equal((await rank(a.id)).board_id, boardB);

      await call('DELETE', `/api/v1/posts/${a.id}`);
      await inSync('delete');
      assert.equal((await rank(a.id)).listed, false);
      assert.deepEqual(await topIds(boardB), [], 'a deleted post is not listed');
      await call('POST', `/api/v1/posts/${a.id}/restore`);
      await inSync('restore');

      await call('POST', `/api/v1/posts/${a.id}/merge`, { into: b.id });
      await inSync('merge');
      assert.equal((await rank(a.id)).head, false);
      await call('POST', `/api/v1/posts/${a.id}/unmerge`, {});
      await inSync('unmerge');

      await runDemandJobs(t);
      await inSync('demand refresh');
      assert.ok((await rank(b.id)).demand_score > 0, 'the demand drain wrote the score');

      await call('DELETE', `/api/v1/boards/${boardA}`);
      await inSync('board deletion (cascade)');
      const left = await t.db.selectFrom('post_rank').select('post_id').where('board_id', '=', boardA).execute();
      assert.deepEqual(left, []);
    });

    // The point of post_rank: no index on posts contains a counter, so vote and demand updates are
    // HOT (no index entry anywhere on posts). An index added on posts over a counter fails this.
    test('vote and demand updates on posts are HOT', async () => {
      const post = await createTestPost(t);
      // one update per transaction: room for one new version on the page is all fillfactor promises
      const updatesIn = (write: (tx: Tx) => Promise<unknown>) => t.db.transaction().execute(async (tx) => {
        // this backend's counts not yet flushed to the statistics (earlier transactions' too): a difference
        const counts = async () => (await sql<{ updated: number; hot: number }>`
          select pg_stat_get_xact_tuples_updated('posts'::regclass)::int as updated,
                 pg_stat_get_xact_tuples_hot_updated('posts'::regclass)::int as hot`.execute(tx)).rows[0];
        const before = await counts();
        await write(tx);
        const after = await counts();
        return { updated: after.updated - before.updated, hot: after.hot - before.hot };
      });
      assert.deepEqual(await updatesIn((tx) => adjustVoteCounts(tx, new Map([[post.id, 1]]))), { updated: 1, hot: 1 }, 'a vote');
      assert.deepEqual(await updatesIn((tx) => sql`update posts set demand_score = demand_score + 1 where id = ${post.id}`.execute(tx)),
        { updated: 1, hot: 1 }, 'the demand drain');
      assert.deepEqual(await findRankMismatches(t.db), []);
    });
  });
}
