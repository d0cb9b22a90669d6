// Staleness: every change that moves demand enqueues a refresh in its own transaction, and once the
// job has run the stored demand (the sort key) reflects it.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { testTargets } from '../../../test/db.ts';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import { bearer, createApiKey, createCompany, createPerson } from '../../../test/factories/team.ts';
import { createBoard, createTestPost } from '../../../test/factories/content.ts';
import { pendingDemandJobs, runDemandJobs } from '../../../test/factories/demand.ts';
import { loadEvent } from '../events/index.ts';
import { refreshDemandForMergeEvent, runDemandRefreshJob } from './demand-jobs.ts';

for (const target of testTargets()) {
  describe(`demand stays current [${target.name}]`, () => {
    let t: TestApp;
    let admin: Record<string, string>;
    let boardId: string;

    before(async () => {
      t = await createTestApp(target);
      admin = bearer(await createApiKey(t.db, t.workspace.id, 'admin'));
      boardId = (await createBoard(t)).id;
    });
    after(() => t.close());

    const stored = async (postId: string) => {
      const post = await t.db.selectFrom('posts').select('demand_score').where('id', '=', postId).executeTakeFirstOrThrow();
      const d = await t.db.selectFrom('post_demand').selectAll().where('post_id', '=', postId).executeTakeFirst();
      return { score: post.demand_score, voters: d?.unique_voters ?? 0, companies: d?.unique_companies ?? 0, revenue: Number(d?.monthly_revenue ?? 0), weighted: d?.weighted_votes ?? 0 };
    };
    const segmentsOf = async (postId: string) =>
      (await t.db.selectFrom('post_demand_segments').select(['segment', 'voters']).where('post_id', '=', postId).orderBy('segment').execute());
    const vote = async (postId: string, email: string, importance?: number) => {
      const res = await t.app.inject({ method: 'POST', url: `/api/v1/posts/${postId}/votes`, headers: admin, payload: { voter: { email }, importance } });
      assert.equal(res.statusCode, 200, res.body);
    };

    test('a new post\'s first vote, an importance change and an unvote each show up once the job has run', async () => {
      const post = await createTestPost(t, { boardId, author: 'first@example.com' });
      const dirty = await t.db.selectFrom('demand_dirty').select('post_id').where('post_id', '=', post.id).execute();
      assert.equal(dirty.length, 1, 'creating the post (with its author vote) marked it for a refresh');
      assert.ok((await pendingDemandJobs(t)).some((j) => j.key === `demand:dirty:${t.workspace.id}`), 'and scheduled a drain');
      await runDemandJobs(t);
      assert.deepEqual(await stored(post.id), { score: 2.5, voters: 1, companies: 0, revenue: 0, weighted: 1 });

      await vote(post.id, 'second@example.com');
      assert.equal((await stored(post.id)).voters, 2, 'a new voter is added in the vote\'s own transaction (add-new-voters.test.ts)');

      await vote(post.id, 'second@example.com', 3);
      await runDemandJobs(t);
      assert.equal((await stored(post.id)).weighted, 4);

      const unvote = await t.app.inject({ method: 'DELETE', url: `/api/v1/posts/${post.id}/votes?email=second@example.com`, headers: admin });
      assert.equal(unvote.statusCode, 200);
      await runDemandJobs(t);
      assert.deepEqual(await stored(post.id), { score: 2.5, voters: 1, companies: 0, revenue: 0, weighted: 1 });
    });

    test('a company\'s revenue or segment change, a person moving company, a company deleted', async () => {
      const post = await createTestPost(t, { boardId, author: null });
      const company = await createCompany(t.db, t.workspace.id, { name: 'Movers Inc', monthlyRevenue: 1000, segment: 'SMB' });
      const person = await createPerson(t.db, t.workspace.id, { email: 'mover@example.com', companyId: company.id });
      await vote(post.id, 'mover@example.com');
      await runDemandJobs(t);
      assert.deepEqual(await stored(post.id), { score: 4.5, voters: 1, companies: 1, revenue: 1000, weighted: 1 });

      const patched = await t.app.inject({ method: 'PATCH', url: `/api/v1/companies/${company.id}`, headers: admin, payload: { monthlyRevenue: 3000, segment: 'Mid-market' } });
      assert.equal(patched.statusCode, 200, patched.body);
      assert.ok((await pendingDemandJobs(t)).some((j) => j.key === `demand:company:${company.id}`));
      await runDemandJobs(t);
      assert.equal((await stored(post.id)).revenue, 3000);
      assert.equal((await stored(post.id)).score, 5.5); // 1 + 1 + log2(4) + 1 + 0.5 × 1
      assert.deepEqual(await segmentsOf(post.id), [{ segment: 'Mid-market', voters: 1 }]);

      const renamed = await t.app.inject({ method: 'PATCH', url: `/api/v1/companies/${company.id}`, headers: admin, payload: { name: 'Movers Ltd' } });
      assert.equal(renamed.statusCode, 200);
      assert.ok(!(await pendingDemandJobs(t)).some((j) => j.key === `demand:company:${company.id}`), 'a rename does not touch demand');

      const other = await createCompany(t.db, t.workspace.id, { name: 'Destination', monthlyRevenue: 7000, segment: 'Enterprise' });
      const moved = await t.app.inject({ method: 'PATCH', url: `/api/v1/people/${person.id}`, headers: admin, payload: { companyId: other.id } });
      assert.equal(moved.statusCode, 200, moved.body);
      await runDemandJobs(t);
      assert.equal((await stored(post.id)).revenue, 7000);
      assert.deepEqual(await segmentsOf(post.id), [{ segment: 'Enterprise', voters: 1 }]);

      assert.equal((await t.app.inject({ method: 'DELETE', url: `/api/v1/companies/${other.id}`, headers: admin })).statusCode, 204);
      await runDemandJobs(t);
      assert.deepEqual(await stored(post.id), { score: 2.5, voters: 1, companies: 0, revenue: 0, weighted: 1 });
      assert.deepEqual(await segmentsOf(post.id), [{ segment: 'No company', voters: 1 }]);
    });

    test('momentum decays: a refresh with momentum schedules the hourly decay, which lowers the score later', async () => {
      const post = await createTestPost(t, { boardId, author: 'fresh@example.com' });
      await runDemandJobs(t);
      const decay = (await pendingDemandJobs(t)).find((j) => j.key === `demand:decay:${t.workspace.id}`);
      assert.ok(decay, 'decay scheduled');
      const inMs = new Date(decay.run_at).getTime() - Date.now();
      assert.ok(inMs > 55 * 60_000 && inMs <= 60 * 60_000, `about an hour from now (${inMs} ms)`);
      const fresh = (await stored(post.id)).score;
      await runDemandRefreshJob(t.db, { scope: 'decay', workspaceId: t.workspace.id }, { now: new Date(Date.now() + 7 * 86_400_000) });
      assert.equal((await stored(post.id)).score, fresh - 0.5 + 0.2925, 'a week later the vote counts half: 0.5 × log2(1.5)');
      await runDemandRefreshJob(t.db, { scope: 'decay', workspaceId: t.workspace.id }, { now: new Date(Date.now() + 31 * 86_400_000) });
      assert.equal((await stored(post.id)).score, fresh - 0.5, 'after the 30-day window momentum is gone');
      const row = await t.db.selectFrom('post_demand').select('momentum').where('workspace_id', '=', t.workspace.id).where('momentum', '>', 0).executeTakeFirst();
      assert.equal(row, undefined, 'so the decay chain can stop');
    });

    test('merge and unmerge re-score both posts through the merge events', async () => {
      const source = await createTestPost(t, { boardId, author: 'src-author@example.com', title: 'Dark mode please' });
      const targetPost = await createTestPost(t, { boardId, author: 'dst-author@example.com', title: 'Dark theme' });
      await vote(source.id, 'both@example.com', 3);
      await vote(targetPost.id, 'both@example.com', 1);
      await runDemandJobs(t);
      const before = { source: await stored(source.id), target: await stored(targetPost.id) };
      assert.equal(before.target.voters, 2);

      const merged = await t.app.inject({ method: 'POST', url: `/api/v1/posts/${source.id}/merge`, headers: admin, payload: { into: targetPost.id } });
      assert.equal(merged.statusCode, 200, merged.body);
      await consumeMergeEvents(source.id);
      await runDemandJobs(t);
      // 3 people over the group, "both" once with importance 3
      const group = await stored(targetPost.id);
      assert.deepEqual([group.voters, group.weighted], [3, 5]);
      assert.equal((await stored(source.id)).score, 0, 'the stub has no demand of its own');

      const unmerged = await t.app.inject({ method: 'POST', url: `/api/v1/posts/${source.id}/unmerge`, headers: admin });
      assert.equal(unmerged.statusCode, 200, unmerged.body);
      await consumeMergeEvents(source.id);
      await runDemandJobs(t);
      assert.deepEqual({ source: await stored(source.id), target: await stored(targetPost.id) }, before);
    });

    /** What the event.dispatch job does for demand: hand each new event of the post to the consumer. */
    async function consumeMergeEvents(postId: string): Promise<void> {
      const events = await t.db.selectFrom('events').select('id').where('post_id', '=', postId).orderBy('created_at').execute();
      for (const { id } of events) {
        const event = await loadEvent(t.db, id);
        if (event) await refreshDemandForMergeEvent(t.db, event);
      }
    }
  });
}
