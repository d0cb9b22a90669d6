import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { testTargets } from '../../../test/db.ts';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import { bearer, createApiKey, createPerson } from '../../../test/factories/team.ts';
import { contextFor, createBoard, createTestPost, personHeaders } from '../../../test/factories/content.ts';
import { buildDemandFixture, type DemandFixture } from '../../../test/factories/demand.ts';
import { createWorkspace } from '../workspaces/index.ts';
import { getPostDemand } from './get-post-demand.ts';
import { refreshDemand } from './refresh-demand.ts';

// The fixture's group P ∪ {S}, by hand (now = 2026-06-15 12:00 UTC; momentum = Σ 0.5^(days/7) over voters of the last 30 days):
//   a1 Acme/Enterprise  imp 3 on P (1 day ago) and imp 1 on S (100 days ago) → once: importance 3, earliest 100 days → momentum 0
//   a2 Acme/Enterprise  imp 1, 40 days  → 0          b1 Beta/Enterprise imp 2, 7 days  → 0.5
//   g1 Gamma/SMB        imp 0, 14 days  → 0.25       d1 Delta/no segment imp 1, 60 days → 0
//   n1 no company imp 1, today → 1;  n2 imp 2, 29 days → 0.5^(29/7);  n3 (on S only) imp 1, 3 days → 0.5^(3/7)
// voters 8, companies 4, revenue 5000 + 1500.50 + 300 + 0 = 6800.50,
// weighted 3 + 1 + 2 + 0.5 + 1 + 1 + 2 + 1 = 11.5, momentum 2.54960487…
const EXPECTED_COMPONENTS = { uniqueVoters: 8, uniqueCompanies: 4, monthlyRevenue: 6800.5, importanceWeightedVotes: 11.5, momentum: 2.5496 };
const EXPECTED_CONTRIBUTIONS = [
  { key: 'uniqueVoters', label: 'Unique voters', value: 8, normalized: 3.1699, weight: 1, contribution: 3.1699 },
  { key: 'uniqueCompanies', label: 'Unique companies', value: 4, normalized: 2.3219, weight: 1, contribution: 2.3219 },
  { key: 'monthlyRevenue', label: 'Monthly revenue', value: 6800.5, normalized: 2.9636, weight: 1, contribution: 2.9636 },
  { key: 'importanceWeightedVotes', label: 'Importance-weighted votes', value: 11.5, normalized: 3.6439, weight: 1, contribution: 3.6439 },
  { key: 'momentum', label: 'Momentum', value: 2.5496, normalized: 1.8277, weight: 0.5, contribution: 0.9139 },
];
const EXPECTED_SEGMENTS = [
  { segment: 'Enterprise', voters: 3, companies: 2, monthlyRevenue: 6500.5, importanceWeightedVotes: 6, momentum: 0.5, score: 9.5919 },
  { segment: 'No company', voters: 3, companies: 0, monthlyRevenue: 0, importanceWeightedVotes: 4, momentum: 1.7996, score: 5.0645 },
  { segment: 'SMB', voters: 1, companies: 1, monthlyRevenue: 300, importanceWeightedVotes: 0.5, momentum: 0.25, score: 3.1245 },
  { segment: 'No segment', voters: 1, companies: 1, monthlyRevenue: 0, importanceWeightedVotes: 1, momentum: 0, score: 3 },
];

for (const target of testTargets()) {
  describe(`demand score [${target.name}]`, () => {
    let t: TestApp;
    let f: DemandFixture;
    let admin: Record<string, string>;

    before(async () => {
      t = await createTestApp(target);
      admin = bearer(await createApiKey(t.db, t.workspace.id, 'admin'));
      f = await buildDemandFixture(t);
    });
    after(() => t.close());

    const at = (now: Date) => ({ ...contextFor(t), now });

    test('components, contributions and segments of a merge group, exactly', async () => {
      const detail = await getPostDemand(at(f.now), f.postId);
      const { demand } = detail;
      assert.deepEqual({ ...demand.components, momentum: Math.round(demand.components.momentum * 1e4) / 1e4 }, EXPECTED_COMPONENTS);
      assert.deepEqual(demand.contributions, EXPECTED_CONTRIBUTIONS);
      assert.equal(demand.score, 13.0132);
      assert.ok(Math.abs(demand.contributions.reduce((sum, c) => sum + c.contribution, 0) - demand.score) < 1e-9, 'contributions sum to the score');
      assert.deepEqual(demand.segments.map((s) => ({
        segment: s.segment, voters: s.voters, companies: s.companies, monthlyRevenue: s.monthlyRevenue,
        importanceWeightedVotes: s.weightedVotes, momentum: Math.round(s.momentum * 1e4) / 1e4, score: s.score,
      })), EXPECTED_SEGMENTS);
      assert.deepEqual(detail.mergedPostIds, [f.stubId]);
    });

    test('the materialised demand equals the live one; the stub has none of its own', async () => {
      await refreshDemand(t.db, { scope: 'posts', workspaceId: t.workspace.id, postIds: [f.postId, f.stubId] }, { now: f.now });
      const posts = await t.db.selectFrom('posts').select(['id', 'demand_score']).where('id', 'in', [f.postId, f.stubId]).execute();
      assert.equal(posts.find((p) => p.id === f.postId)?.demand_score, 13.0132);
      assert.equal(posts.find((p) => p.id === f.stubId)?.demand_score, 0);
      const row = await t.db.selectFrom('post_demand').selectAll().where('post_id', '=', f.postId).executeTakeFirstOrThrow();
      assert.deepEqual([row.unique_voters, row.unique_companies, Number(row.monthly_revenue), row.weighted_votes], [8, 4, 6800.5, 11.5]);
      assert.equal(await t.db.selectFrom('post_demand').select('post_id').where('post_id', '=', f.stubId).executeTakeFirst(), undefined);
      const segments = await t.db.selectFrom('post_demand_segments').select(['segment', 'score']).where('post_id', '=', f.postId).orderBy('segment').execute();
      assert.deepEqual(segments, [
        { segment: 'Enterprise', score: 9.5919 }, { segment: 'No company', score: 5.0645 }, { segment: 'No segment', score: 3 }, { segment: 'SMB', score: 3.1245 },
      ]);
      const stub = await getPostDemand(at(f.now), f.stubId);
      assert.deepEqual([stub.mergedIntoId, stub.demand.score, stub.rank], [f.postId, 0, null]);
    });

    test('the sparkline counts each person once, on the day of their earliest vote in the group', async () => {
      const { sparkline } = await getPostDemand(at(f.now), f.postId);
      assert.equal(sparkline.length, 30);
      assert.equal(sparkline[0].date, '2026-05-17');
      assert.equal(sparkline[29].date, '2026-06-15');
      const nonZero = Object.fromEntries(sparkline.filter((p) => p.votes > 0).map((p) => [p.date, p.votes]));
      // n2 (29 days), g1 (14), b1 (7), n3 (3), n1 (today); a1 voted on P yesterday but on S 100 days ago
      assert.deepEqual(nonZero, { '2026-05-17': 1, '2026-06-01': 1, '2026-06-08': 1, '2026-06-12': 1, '2026-06-15': 1 });
    });

    test('rank is the position in the board by demand', async () => {
      const weak = await createTestPost(t, { boardId: f.boardId, author: 'someone@example.com' });
      await refreshDemand(t.db, { scope: 'posts', workspaceId: t.workspace.id, postIds: [weak.id] }, { now: f.now });
      const strong = await getPostDemand(at(f.now), f.postId);
      const second = await getPostDemand(at(f.now), weak.id);
      assert.deepEqual([strong.rank, second.rank, second.rankedPosts], [1, 2, 2]);
    });

    test('GET /posts/{id}/demand: the team gets the breakdown; everyone else is refused', async () => {
      const res = await t.app.inject({ method: 'GET', url: `/api/v1/posts/${f.postId}/demand`, headers: admin });
      assert.equal(res.statusCode, 200, res.body);
      const body = res.json();
      assert.deepEqual(Object.keys(body.components).sort(), ['importanceWeightedVotes', 'momentum', 'monthlyRevenue', 'uniqueCompanies', 'uniqueVoters']);
      assert.equal(body.contributions.length, 5);
      assert.ok(Math.abs(body.contributions.reduce((s: number, c: { contribution: number }) => s + c.contribution, 0) - body.score) < 1e-9);
      assert.deepEqual(body.weights, { uniqueVoters: 1, uniqueCompanies: 1, monthlyRevenue: 1, importanceWeightedVotes: 1, momentum: 0.5 });
      assert.equal(body.sparkline.length, 30);
      assert.equal(body.segments.length, 4);
      const reader = bearer(await createApiKey(t.db, t.workspace.id, 'read'));
      assert.equal((await t.app.inject({ method: 'GET', url: `/api/v1/posts/${f.postId}/demand`, headers: reader })).statusCode, 200);

      const customer = await createPerson(t.db, t.workspace.id, {});
      for (const headers of [{}, await personHeaders(t, customer.id)]) {
        for (const url of [`/api/v1/posts/${f.postId}/demand`, '/api/v1/demand/top', '/api/v1/demand/segments', '/api/v1/workspace/demand-weights']) {
          const refused = await t.app.inject({ method: 'GET', url, headers });
          assert.equal(refused.statusCode, 403, url);
          assert.equal(refused.json().code, 'demand_team_only');
          assert.ok(!/6800|Enterprise/.test(refused.body));
        }
      }
    });

    test('GET /posts/{id}/activity: the public gets the sparkline and nothing about who voted', async () => {
      const res = await t.app.inject({ method: 'GET', url: `/api/v1/posts/${f.postId}/activity` });
      assert.equal(res.statusCode, 200, res.body);
      const body = res.json();
      assert.deepEqual(Object.keys(body).sort(), ['days', 'mergedIntoId', 'postId', 'sparkline']);
      assert.equal(body.sparkline.length, 30);
      const privateBoard = await createBoard(t, { visibility: 'private' });
      const hidden = await createTestPost(t, { boardId: privateBoard.id });
      assert.equal((await t.app.inject({ method: 'GET', url: `/api/v1/posts/${hidden.id}/activity` })).statusCode, 404);
      assert.equal((await t.app.inject({ method: 'GET', url: `/api/v1/posts/${hidden.id}/activity`, headers: admin })).statusCode, 200);
    });

    test('tenant isolation: another workspace sees none of it', async () => {
      const other = await createWorkspace(t.db, { name: 'Other', slug: `other-${Date.now()}` });
      const otherKey = bearer(await createApiKey(t.db, other.workspace.id, 'admin'));
      await refreshDemand(t.db, { scope: 'workspace', workspaceId: t.workspace.id }, { now: f.now });
      assert.equal((await t.app.inject({ method: 'GET', url: `/api/v1/posts/${f.postId}/demand`, headers: otherKey })).statusCode, 404);
      assert.equal((await t.app.inject({ method: 'GET', url: `/api/v1/posts/${f.postId}/activity`, headers: otherKey })).statusCode, 404);
      const top = await t.app.inject({ method: 'GET', url: '/api/v1/demand/top', headers: otherKey });
      assert.deepEqual(top.json().items, []);
      const segments = await t.app.inject({ method: 'GET', url: '/api/v1/demand/segments', headers: otherKey });
      assert.deepEqual(segments.json().items, [{ segment: 'No company', companies: 0 }]);
      const ours = (await t.app.inject({ method: 'GET', url: '/api/v1/demand/top', headers: admin })).json().items;
      assert.equal(ours[0].post.id, f.postId);
      // a refresh aimed at this workspace with another workspace's post id does nothing to it
      const result = await refreshDemand(t.db, { scope: 'posts', workspaceId: other.workspace.id, postIds: [f.postId] }, { now: f.now });
      assert.deepEqual(result, { groups: 0, stubs: 0, withMomentum: 0 });
    });
  });
}
