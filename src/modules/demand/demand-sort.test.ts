import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { testTargets } from '../../../test/db.ts';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import { bearer, createApiKey, createCompany, createMember, createPerson } from '../../../test/factories/team.ts';
import { castVote, createBoard, createTestPost, memberHeaders, personHeaders } from '../../../test/factories/content.ts';
import { pendingDemandJobs, runDemandJobs } from '../../../test/factories/demand.ts';
import { refreshDemand } from './refresh-demand.ts';

type Item = { id: string; demandScore?: number };

for (const target of testTargets()) {
  describe(`sort=demand and demand weights [${target.name}]`, () => {
    let t: TestApp;
    let admin: Record<string, string>;
    let boardId: string;
    const ids: string[] = [];
    let crowd: string;
    let whale: string;

    before(async () => {
      t = await createTestApp(target);
      admin = bearer(await createApiKey(t.db, t.workspace.id, 'admin'));
      boardId = (await createBoard(t, { name: 'Demand board' })).id;
      for (let i = 0; i < 22; i++) {
        const post = await createTestPost(t, { boardId, author: null, title: `Demand idea ${i}` });
        ids.push(post.id);
        // many equal scores (same voter counts) so the id tie-breaker is exercised across pages
        for (let v = 0; v < i % 5; v++) await castVote(t, post.id, `dv-${v}@example.com`);
      }
      // two posts that the weights order differently: many small voters vs one big customer
      crowd = (await createTestPost(t, { boardId, author: null, title: 'Crowd favourite' })).id;
      for (let v = 0; v < 12; v++) await castVote(t, crowd, `crowd-${v}@example.com`);
      whale = (await createTestPost(t, { boardId, author: null, title: 'Whale request' })).id;
      const bigCo = await createCompany(t.db, t.workspace.id, { name: 'Bigco', monthlyRevenue: 250_000, segment: 'Enterprise' });
      await createPerson(t.db, t.workspace.id, { email: 'cto@bigco.example', companyId: bigCo.id });
      await castVote(t, whale, 'cto@bigco.example', 3);
      ids.push(crowd, whale);
      await refreshDemand(t.db, { scope: 'workspace', workspaceId: t.workspace.id });
    });
    after(() => t.close());

    async function list(query: string, headers = admin) {
      const res = await t.app.inject({ method: 'GET', url: `/api/v1/posts?${query}`, headers });
      assert.equal(res.statusCode, 200, res.body);
      return res.json() as { items: Item[]; nextCursor: string | null };
    }

    async function walk(query: string): Promise<Item[]> {
      const seen: Item[] = [];
      let cursor: string | null = null;
      do {
        const page = await list(`${query}&limit=4${cursor ? `&cursor=${cursor}` : ''}`);
        assert.ok(page.items.length <= 4);
        seen.push(...page.items);
        cursor = page.nextCursor;
      } while (cursor);
      return seen;
    }

    const order = async () => (await walk(`boardId=${boardId}&sort=demand`)).map((p) => p.id);

    test('sort=demand pages through every post once, in score order with the id tie-breaker', async () => {
      const seen = await walk(`boardId=${boardId}&sort=demand`);
      assert.equal(new Set(seen.map((p) => p.id)).size, seen.length, 'no duplicates');
      assert.equal(seen.length, ids.length, 'nothing skipped');
      const expected = await t.db.selectFrom('posts').select(['id', 'demand_score']).where('board_id', '=', boardId)
        .orderBy('demand_score', 'desc').orderBy('id', 'desc').execute();
      assert.deepEqual(seen.map((p) => p.id), expected.map((r) => r.id));
      assert.deepEqual(seen.map((p) => p.demandScore), expected.map((r) => r.demand_score), 'team lists carry demandScore');
      assert.ok(seen.every((p, i) => i === 0 || (seen[i - 1].demandScore ?? 0) >= (p.demandScore ?? 0)));
      // across every board too (no boardId)
      const all = await walk('sort=demand');
      assert.equal(new Set(all.map((p) => p.id)).size, all.length);
      assert.ok(ids.every((id) => all.some((p) => p.id === id)));
    });

    test('sort=demand is for the team: others get 400 and lists carry no demandScore', async () => {
      const person = await createPerson(t.db, t.workspace.id, {});
      for (const headers of [{}, await personHeaders(t, person.id)]) {
        const res = await t.app.inject({ method: 'GET', url: `/api/v1/posts?boardId=${boardId}&sort=demand`, headers });
        assert.equal(res.statusCode, 400);
        assert.equal(res.json().code, 'sort_not_allowed');
        assert.deepEqual(res.json().errors, [{ field: 'sort', message: 'demand is only available to the team' }]);
        const top = await t.app.inject({ method: 'GET', url: `/api/v1/posts?boardId=${boardId}&sort=top`, headers });
        assert.ok(top.json().items.every((p: Item) => !('demandScore' in p)));
      }
      const topCursor = (await list(`boardId=${boardId}&sort=top&limit=2`)).nextCursor;
      const mixed = await t.app.inject({ method: 'GET', url: `/api/v1/posts?boardId=${boardId}&sort=demand&cursor=${topCursor}`, headers: admin });
      assert.equal(mixed.statusCode, 400, 'a top cursor does not continue a demand list');
    });

    test('weights change the order (after the re-scoring job runs)', async () => {
      const before = await order();
      assert.ok(before.indexOf(whale) < before.indexOf(crowd), 'by default one critical $250k/month customer outweighs 12 free voters');
      const put = await t.app.inject({
        method: 'PUT', url: '/api/v1/workspace/demand-weights', headers: admin,
        payload: { weights: { uniqueVoters: 2, uniqueCompanies: 0, monthlyRevenue: 0, importanceWeightedVotes: 1, momentum: 0 } },
      });
      assert.equal(put.statusCode, 200, put.body);
      assert.equal(put.json().isDefault, false);
      assert.ok((await pendingDemandJobs(t)).some((j) => j.key === `demand:workspace:${t.workspace.id}`), 're-scoring enqueued with the change');
      await runDemandJobs(t);
      const afterPut = await order();
      assert.ok(afterPut.indexOf(crowd) < afterPut.indexOf(whale), 'with revenue weighted 0 the crowd comes first');
      const detail = (await t.app.inject({ method: 'GET', url: `/api/v1/posts/${crowd}/demand`, headers: admin })).json();
      assert.equal(detail.contributions.find((c: { key: string }) => c.key === 'uniqueVoters').weight, 2);
      assert.equal(detail.contributions.find((c: { key: string }) => c.key === 'monthlyRevenue').contribution, 0);
      assert.equal(detail.rank, 1);

      const reset = await t.app.inject({ method: 'DELETE', url: '/api/v1/workspace/demand-weights', headers: admin });
      assert.equal(reset.statusCode, 200);
      assert.deepEqual(reset.json().weights, reset.json().defaults.weights);
      assert.equal(reset.json().isDefault, true);
      await runDemandJobs(t);
      assert.deepEqual(await order(), before);
    });

    test('weights are validated, admin-only, and nothing is stored on bad input', async () => {
      const good = { uniqueVoters: 1, uniqueCompanies: 1, monthlyRevenue: 1, importanceWeightedVotes: 1, momentum: 1 };
      const bad: Array<[unknown, string]> = [
        [{ weights: { ...good, momentum: 11 } }, 'weights.momentum'],
        [{ weights: { ...good, uniqueVoters: -1 } }, 'weights.uniqueVoters'],
        [{ weights: { ...good, monthlyRevenue: 'lots' } }, 'weights.monthlyRevenue'],
        [{ weights: { uniqueVoters: 1 } }, 'weights'],
        [{ weights: good, revenueUnit: 0 }, 'revenueUnit'],
        [{ weights: { uniqueVoters: 0, uniqueCompanies: 0, monthlyRevenue: 0, importanceWeightedVotes: 0, momentum: 0 } }, 'weights'],
      ];
      for (const [payload, field] of bad) {
        const res = await t.app.inject({ method: 'PUT', url: '/api/v1/workspace/demand-weights', headers: admin, payload: payload as object });
        assert.equal(res.statusCode, 400, JSON.stringify(payload));
        assert.ok(res.json().errors.some((e: { field: string }) => e.field.startsWith(field)), `${field}: ${res.body}`);
      }
      const stored = await t.db.selectFrom('workspaces').select('demand_weights').where('id', '=', t.workspace.id).executeTakeFirstOrThrow();
      assert.equal(stored.demand_weights, null);

      const member = await createMember(t.db, t.workspace.id, { role: 'member' });
      const reader = bearer(await createApiKey(t.db, t.workspace.id, 'read'));
      for (const headers of [await memberHeaders(t, member.id), reader]) {
        assert.equal((await t.app.inject({ method: 'GET', url: '/api/v1/workspace/demand-weights', headers })).statusCode, 200);
        const put = await t.app.inject({ method: 'PUT', url: '/api/v1/workspace/demand-weights', headers, payload: { weights: good } });
        assert.equal(put.statusCode, 403);
        assert.equal((await t.app.inject({ method: 'DELETE', url: '/api/v1/workspace/demand-weights', headers })).statusCode, 403);
      }
      const got = (await t.app.inject({ method: 'GET', url: '/api/v1/workspace/demand-weights', headers: admin })).json();
      assert.deepEqual(got.defaults, { weights: { uniqueVoters: 1, uniqueCompanies: 1, monthlyRevenue: 1, importanceWeightedVotes: 1, momentum: 0.5 }, revenueUnit: 1000 });
      assert.deepEqual(got.formula.importanceWeights, { low: 0.5, normal: 1, important: 2, critical: 3 });
    });

    test('Top demand lists by demand, filters by segment with the segment-only score, and paginates', async () => {
      const all = (await t.app.inject({ method: 'GET', url: `/api/v1/demand/top?boardId=${boardId}&limit=100`, headers: admin })).json().items;
      const expected = await t.db.selectFrom('posts').select('id').where('board_id', '=', boardId).where('demand_score', '>', 0)
        .orderBy('demand_score', 'desc').orderBy('id', 'desc').execute();
      assert.deepEqual(all.map((i: { post: { id: string } }) => i.post.id), expected.map((r) => r.id));
      assert.deepEqual(all.map((i: { rank: number }) => i.rank), expected.map((_, i) => i + 1));

      const enterprise = (await t.app.inject({ method: 'GET', url: '/api/v1/demand/top?segment=Enterprise', headers: admin })).json();
      assert.deepEqual(enterprise.items.map((i: { post: { id: string } }) => i.post.id), [whale]);
      const [item] = enterprise.items;
      assert.equal(item.segment, 'Enterprise');
      assert.deepEqual([item.components.uniqueVoters, item.components.monthlyRevenue], [1, 250000]);
      assert.ok(item.score <= item.totalScore);

      const noCompany = (await t.app.inject({ method: 'GET', url: '/api/v1/demand/top?segment=No%20company&limit=3', headers: admin })).json();
      assert.equal(noCompany.items.length, 3);
      assert.ok(!noCompany.items.some((i: { post: { id: string } }) => i.post.id === whale));
      const next = (await t.app.inject({ method: 'GET', url: `/api/v1/demand/top?segment=No%20company&limit=3&cursor=${noCompany.nextCursor}`, headers: admin })).json();
      assert.equal(next.items[0].rank, 4);
      const wrongList = await t.app.inject({ method: 'GET', url: `/api/v1/demand/top?limit=3&cursor=${noCompany.nextCursor}`, headers: admin });
      assert.equal(wrongList.statusCode, 400);

      const segments = (await t.app.inject({ method: 'GET', url: '/api/v1/demand/segments', headers: admin })).json().items;
      assert.deepEqual(segments.map((s: { segment: string }) => s.segment), ['Enterprise', 'No company']);
    });
  });
}
