import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import assert from 'node:assert/strict';
import { testTargets } from '../../../test/db.ts';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import { createApiKey } from '../../../test/factories/team.ts';
import { createBoard, createTestPost } from '../../../test/factories/content.ts';
import { findCounterMismatches } from '../../../test/merge-audit.ts';

// Issue 3 §2: "votes arriving during a merge are never lost or double-counted". Real sockets, so the
// requests truly interleave in the server and the database: a flood of votes by distinct people on
// the source and the target (some people on both) while the merge, and later the unmerge, runs.
for (const target of testTargets()) {
  describe(`merge under concurrent votes [${target.name}]`, () => {
    let t: TestApp;
    let base: string;
    let key: string;

    before(async () => {
      t = await createTestApp(target);
      key = await createApiKey(t.db, t.workspace.id, 'admin');
      base = await t.app.listen({ port: 0, host: '127.0.0.1' });
    });
    after(() => t.close());

    async function call(method: 'POST', path: string, body: unknown): Promise<{ status: number; body: string }> {
      const res = await fetch(`${base}${path}`, {
        method, headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' }, body: JSON.stringify(body),
      });
      return { status: res.status, body: await res.text() };
    }
    const vote = (postId: string, email: string) => call('POST', `/api/v1/posts/${postId}/votes`, { voter: { email } });

    /** Everyone with a vote on a post of {ids}, per post, from the rows. */
    async function votersOn(ids: string[]) {
      const rows = await t.db.selectFrom('votes').innerJoin('people', 'people.id', 'votes.person_id')
        .select(['votes.post_id', 'people.email']).where('votes.post_id', 'in', ids).execute();
      return { all: new Set(rows.map((r) => r.email)), rows: rows.length };
    }
    const count = async (id: string) => (await t.db.selectFrom('posts').select('vote_count').where('id', '=', id).executeTakeFirstOrThrow()).vote_count;

    const deadlocks = async () => (await sql<{ n: number }>`select deadlocks::int as n from pg_stat_database where datname = current_database()`.execute(t.db)).rows[0]!.n;

    test('a merge and an unmerge racing 300 votes lose none and count nobody twice', async (ctx) => {
      const deadlocksBefore = await deadlocks();
      const board = await createBoard(t);
      const source = await createTestPost(t, { boardId: board.id, author: 'source-author@example.com' });
      const targetPost = await createTestPost(t, { boardId: board.id, author: 'target-author@example.com' });

      // phase 1: 150 votes (50 people only on the source, 50 only on the target, 25 on both) with the merge among them
      const both = Array.from({ length: 25 }, (_, i) => `both-${i}@example.com`);
      const ops: Array<() => Promise<{ status: number; body: string }>> = [
        ...Array.from({ length: 50 }, (_, i) => () => vote(source.id, `s-${i}@example.com`)),
        ...Array.from({ length: 50 }, (_, i) => () => vote(targetPost.id, `t-${i}@example.com`)),
        ...both.flatMap((email) => [() => vote(source.id, email), () => vote(targetPost.id, email)]),
      ].sort(() => Math.random() - 0.5);
      ops.splice(40, 0, () => call('POST', `/api/v1/posts/${source.id}/merge`, { into: targetPost.id }));
      const phase1 = await Promise.all(ops.map((op) => op()));
      for (const res of phase1) assert.equal(res.status, 200, res.body);

      const expected1 = new Set(['source-author@example.com', 'target-author@example.com', ...both,
        ...Array.from({ length: 50 }, (_, i) => `s-${i}@example.com`), ...Array.from({ length: 50 }, (_, i) => `t-${i}@example.com`)]);
      const group1 = await votersOn([source.id, targetPost.id]);
      assert.deepEqual([...group1.all].sort(), [...expected1].sort(), 'no vote lost');
      assert.equal(await count(targetPost.id), expected1.size, 'one vote per person over the group');
      assert.deepEqual(await findCounterMismatches(t.db, t.workspace.id, board.id), []);
      const sourceVoters = [...(await votersOn([source.id])).all].filter((e) => e.startsWith('s-')).length;
      ctx.diagnostic(`phase 1: ${sourceVoters} of 50 source-only voters landed on the source before the merge, ${50 - sourceVoters} were redirected to the target`);

      // phase 2: 150 more votes, on the stub (redirected while merged) and the target, with the unmerge among them
      const late = Array.from({ length: 75 }, (_, i) => `late-${i}@example.com`);
      const ops2: Array<() => Promise<{ status: number; body: string }>> = [
        ...late.map((email, i) => () => vote(i % 2 ? source.id : targetPost.id, email)),
        ...Array.from({ length: 75 }, (_, i) => () => vote(i % 3 ? targetPost.id : source.id, `again-${i % 25}@example.com`)),
      ].sort(() => Math.random() - 0.5);
      ops2.splice(40, 0, () => call('POST', `/api/v1/posts/${source.id}/unmerge`, {}));
      const phase2 = await Promise.all(ops2.map((op) => op()));
      for (const res of phase2) assert.equal(res.status, 200, res.body);

      const group2 = await votersOn([source.id, targetPost.id]);
      const expected2 = new Set([...expected1, ...late, ...Array.from({ length: 25 }, (_, i) => `again-${i}@example.com`)]);
      assert.deepEqual([...group2.all].sort(), [...expected2].sort(), 'no vote lost across the unmerge');
      const merged = await t.db.selectFrom('posts').select('merged_into_id').where('id', '=', source.id).executeTakeFirstOrThrow();
      assert.equal(merged.merged_into_id, null);
      const onSource = await votersOn([source.id]);
      const onTarget = await votersOn([targetPost.id]);
      assert.equal(await count(source.id), onSource.all.size, 'the source counts its own voters once each');
      assert.equal(await count(targetPost.id), onTarget.all.size, 'and so does the target');
      assert.equal(onSource.rows, onSource.all.size);
      assert.deepEqual(await findCounterMismatches(t.db, t.workspace.id, board.id), []);
      ctx.diagnostic(`deadlocks PostgreSQL broke during the test (each retried): ${await deadlocks() - deadlocksBefore}`);
    });
  });
}
