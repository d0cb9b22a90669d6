// A new voter is added to the stored demand in the vote's own transaction: what it leaves must be
// what a full refresh computes from the votes (momentum to within the milliseconds between the two).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { testTargets } from '../../../test/db.ts';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import { bearer, createApiKey, createCompany, createPerson } from '../../../test/factories/team.ts';
import { createBoard, createTestPost } from '../../../test/factories/content.ts';
import { pendingDemandJobs, runDemandJobs } from '../../../test/factories/demand.ts';
import { refreshDemand } from './refresh-demand.ts';

type Snapshot = {
  score: number;
  rankScore: number;
  demand: { voters: number; companies: number; revenue: number; weighted: number; momentum: number };
  segments: Array<{ segment: string; voters: number; companies: number; revenue: number; weighted: number; momentum: number; score: number }>;
};

for (const target of testTargets()) {
  describe(`new voters are added to demand in the vote's transaction [${target.name}]`, () => {
    let t: TestApp;
    let admin: Record<string, string>;
    let boardId: string;
    let base: string;

    before(async () => {
      t = await createTestApp(target);
      admin = bearer(await createApiKey(t.db, t.workspace.id, 'admin'));
      boardId = (await createBoard(t)).id;
      base = await t.app.listen({ port: 0, host: '127.0.0.1' });
      const smb = await createCompany(t.db, t.workspace.id, { name: 'Acme', monthlyRevenue: 1000, segment: 'SMB' });
      const ent = await createCompany(t.db, t.workspace.id, { name: 'Bigco', monthlyRevenue: 2500.5, segment: 'Enterprise' });
      const bare = await createCompany(t.db, t.workspace.id, { name: 'Nosegment', monthlyRevenue: 0 });
      for (const [email, companyId] of [['a1@acme.test', smb.id], ['a2@acme.test', smb.id], ['a3@acme.test', smb.id], ['b1@bigco.test', ent.id], ['c1@noseg.test', bare.id]] as const) {
        await createPerson(t.db, t.workspace.id, { email, companyId });
      }
    });
    after(() => t.close());

    /** Over real HTTP, so requests sent together are cast in one batch of the server's vote writer. */
    const vote = async (postId: string, email: string, importance?: number) => {
      const res = await fetch(`${base}/api/v1/posts/${postId}/votes`, {
        method: 'POST', headers: { ...admin, 'content-type': 'application/json' }, body: JSON.stringify({ voter: { email }, importance }),
      });
      assert.equal(res.status, 200, await res.text());
    };

    const snapshot = async (postId: string): Promise<Snapshot> => {
      const post = await t.db.selectFrom('posts').select('demand_score').where('id', '=', postId).executeTakeFirstOrThrow();
      const rank = await t.db.selectFrom('post_rank').select('demand_score').where('post_id', '=', postId).executeTakeFirstOrThrow();
      const d = await t.db.selectFrom('post_demand').selectAll().where('post_id', '=', postId).executeTakeFirstOrThrow();
      const segs = await t.db.selectFrom('post_demand_segments').selectAll().where('post_id', '=', postId).orderBy('segment').execute();
      return {
        score: post.demand_score,
        rankScore: rank.demand_score,
        demand: { voters: d.unique_voters, companies: d.unique_companies, revenue: Number(d.monthly_revenue), weighted: d.weighted_votes, momentum: d.momentum },
        segments: segs.map((s) => ({
          segment: s.segment, voters: s.voters, companies: s.companies, revenue: Number(s.monthly_revenue), weighted: s.weighted_votes, momentum: s.momentum, score: s.score,
        })),
      };
    };

    /** The same snapshot after a full refresh from the votes. */
    const recomputed = async (postId: string): Promise<Snapshot> => {
      await refreshDemand(t.db, { scope: 'posts', workspaceId: t.workspace.id, postIds: [postId] });
      return snapshot(postId);
    };

    const assertSameDemand = (incremental: Snapshot, full: Snapshot) => {
      const exact = (s: Snapshot) => ({
        demand: { ...s.demand, momentum: undefined },
        segments: s.segments.map((x) => ({ ...x, momentum: undefined, score: undefined })),
      });
      assert.deepEqual(exact(incremental), exact(full));
      assert.ok(Math.abs(incremental.demand.momentum - full.demand.momentum) < 1e-4, `momentum ${incremental.demand.momentum} ≈ ${full.demand.momentum}`);
      incremental.segments.forEach((s, i) => {
        assert.ok(Math.abs(s.momentum - full.segments[i]!.momentum) < 1e-4, `segment momentum ${s.segment}`);
        assert.ok(Math.abs(s.score - full.segments[i]!.score) < 1e-3, `segment score ${s.segment}`);
      });
      assert.ok(Math.abs(incremental.score - full.score) < 1e-3, `score ${incremental.score} ≈ ${full.score}`);
      assert.equal(incremental.rankScore, incremental.score, 'the sort key follows the score');
    };

    test('voters, companies (each once), revenue, importance and segments match a full refresh; no job is needed', async () => {
      const post = await createTestPost(t, { boardId, author: null });
      assert.equal((await recomputed(post.id)).demand.voters, 0, 'a refresh writes the (empty) demand rows of a post without votes');

      await vote(post.id, 'a1@acme.test', 2);
      // sent together (mostly one batch of the writer): a2 and a3 share a company that a1 already counts
      await Promise.all([
        vote(post.id, 'a2@acme.test', 0), vote(post.id, 'a3@acme.test'), vote(post.id, 'b1@bigco.test', 3),
        vote(post.id, 'c1@noseg.test'), vote(post.id, 'nobody@example.com', 1),
      ]);
      const incremental = await snapshot(post.id);
      assert.deepEqual(
        { ...incremental.demand, momentum: undefined },
        { voters: 6, companies: 3, revenue: 3500.5, weighted: 2 + 0.5 + 1 + 3 + 1 + 1, momentum: undefined },
      );
      assert.deepEqual(incremental.segments.map((s) => [s.segment, s.voters, s.companies]), [
        ['Enterprise', 1, 1], ['No company', 1, 0], ['No segment', 1, 1], ['SMB', 3, 1],
      ]);
      const dirty = await t.db.selectFrom('demand_dirty').select('post_id').where('post_id', '=', post.id).execute();
      assert.deepEqual(dirty, [], 'nothing left for the refresh job');
      assertSameDemand(incremental, await recomputed(post.id));

      // a repeated vote changes nothing; a new importance on it is re-scored by the job
      await vote(post.id, 'a1@acme.test');
      assert.deepEqual((await snapshot(post.id)).demand.weighted, 8.5);
      await vote(post.id, 'a1@acme.test', 0);
      await runDemandJobs(t);
      assert.equal((await snapshot(post.id)).demand.weighted, 7);
    });

    test('a post without stored demand yet, or with posts merged into it, is left to the refresh job', async () => {
      const fresh = await createTestPost(t, { boardId, author: null });
      await vote(fresh.id, 'b1@bigco.test');
      assert.equal(await t.db.selectFrom('post_demand').select('post_id').where('post_id', '=', fresh.id).executeTakeFirst(), undefined);
      await runDemandJobs(t);
      assert.equal((await snapshot(fresh.id)).demand.voters, 1);

      const source = await createTestPost(t, { boardId, author: 'a1@acme.test' });
      const root = await createTestPost(t, { boardId, author: null });
      const merged = await t.app.inject({ method: 'POST', url: `/api/v1/posts/${source.id}/merge`, headers: admin, payload: { into: root.id } });
      assert.equal(merged.statusCode, 200, merged.body);
      await refreshDemand(t.db, { scope: 'posts', workspaceId: t.workspace.id, postIds: [source.id, root.id] });
      await vote(root.id, 'a1@acme.test'); // already counted through the merged post
      await vote(root.id, 'a2@acme.test');
      assert.ok((await t.db.selectFrom('demand_dirty').select('post_id').where('post_id', '=', root.id).executeTakeFirst()), 'marked for the refresh');
      await runDemandJobs(t);
      const group = await snapshot(root.id);
      assert.deepEqual([group.demand.voters, group.demand.companies], [2, 1]);
    });

    test('votes racing full refreshes of the same post leave what a full refresh computes', async () => {
      const post = await createTestPost(t, { boardId, author: null });
      await recomputed(post.id);
      let running = true;
      const refresher = (async () => {
        let n = 0;
        while (running) {
          await refreshDemand(t.db, { scope: 'posts', workspaceId: t.workspace.id, postIds: [post.id] });
          n++;
        }
        return n;
      })();
      const emails = ['a1@acme.test', 'a2@acme.test', 'b1@bigco.test', 'c1@noseg.test', ...Array.from({ length: 36 }, (_, i) => `racer${i}@example.com`)];
      for (let i = 0; i < emails.length; i += 8) await Promise.all(emails.slice(i, i + 8).map((email, j) => vote(post.id, email, j % 4)));
      running = false;
      assert.ok((await refresher) > 0, 'the refreshes ran meanwhile');
      const incremental = await snapshot(post.id);
      assert.equal(incremental.demand.voters, 40);
      assertSameDemand(incremental, await recomputed(post.id));
    });

    test('a vote that gives a post momentum makes sure the hourly decay is scheduled, once', async () => {
      const post = await createTestPost(t, { boardId, author: null });
      await recomputed(post.id);
      await sql`delete from graphile_worker._private_jobs where key = ${`demand:decay:${t.workspace.id}`}`.execute(t.db);
      await sql`delete from demand_decays`.execute(t.db);
      await vote(post.id, 'decay1@example.com');
      await vote(post.id, 'decay2@example.com');
      const decays = (await pendingDemandJobs(t)).filter((j) => j.key === `demand:decay:${t.workspace.id}`);
      assert.equal(decays.length, 1);
      const inMs = new Date(decays[0]!.run_at).getTime() - Date.now();
      assert.ok(inMs > 55 * 60_000 && inMs <= 60 * 60_000, `about an hour from now (${inMs} ms)`);
    });
  });
}
