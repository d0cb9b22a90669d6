import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { testTargets } from '../../../test/db.ts';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import { bearer, createApiKey } from '../../../test/factories/team.ts';
import { castVote, createBoard, createCustomer, createTestPost, personHeaders } from '../../../test/factories/content.ts';
import { encodeCursor } from '../../lib/cursor.ts';

type Item = { id: string; voteCount: number; createdAt: string; hasVoted: boolean; status: { slug: string }; board: { id: string } };

for (const target of testTargets()) {
  describe(`listing posts [${target.name}]`, () => {
    let t: TestApp;
    let admin: Record<string, string>;
    let boardId: string;
    const ids: string[] = [];

    before(async () => {
      t = await createTestApp(target);
      admin = bearer(await createApiKey(t.db, t.workspace.id, 'admin'));
      boardId = (await createBoard(t, { name: 'Roadmap ideas' })).id;
      for (let i = 0; i < 23; i++) {
        const post = await createTestPost(t, { boardId, title: i % 5 === 0 ? `Export to CSV, variant ${i}` : `Idea number ${i}` });
        ids.push(post.id);
        // vote counts with many ties so the id tie-breaker matters
        for (let v = 0; v < i % 4; v++) await castVote(t, post.id, `voter-${v}@example.com`);
      }
      // identical sort keys across page boundaries: same created_at (to the microsecond) and hot score
      await t.db.updateTable('posts').set({ created_at: new Date('2026-01-01T00:00:00.000Z') }).where('id', 'in', ids.slice(0, 6)).execute();
      await t.db.updateTable('posts').set({ hot_score: 1234.5 }).where('id', 'in', ids.slice(6, 12)).execute();
    });
    after(() => t.close());

    async function list(query: string, headers = admin) {
      const res = await t.app.inject({ method: 'GET', url: `/api/v1/posts?${query}`, headers });
      assert.equal(res.statusCode, 200, res.body);
      return res.json() as { items: Item[]; nextCursor: string | null };
    }

    async function walk(query: string): Promise<string[]> {
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page = await list(`${query}&limit=4${cursor ? `&cursor=${cursor}` : ''}`);
        assert.ok(page.items.length <= 4);
        seen.push(...page.items.map((p) => p.id));
        cursor = page.nextCursor;
      } while (cursor);
      return seen;
    }

    for (const [sort, orderBy] of [['top', 'vote_count'], ['new', 'created_at'], ['trending', 'hot_score']] as const) {
      test(`sort=${sort} pages through every post once, in order`, async () => {
        const seen = await walk(`boardId=${boardId}&sort=${sort}`);
        assert.equal(new Set(seen).size, seen.length, 'no duplicates');
        assert.equal(seen.length, ids.length, 'nothing skipped');
        const expected = await t.db.selectFrom('posts').select('id').where('board_id', '=', boardId)
          .orderBy(orderBy, 'desc').orderBy('id', 'desc').execute();
        assert.deepEqual(seen, expected.map((r) => r.id));
      });
    }

    test('hot_score follows log10(votes) + created_epoch / 45000', async () => {
      const rows = await t.db.selectFrom('posts').select(['id', 'vote_count', 'hot_score', 'created_at']).where('id', 'in', ids.slice(12)).execute();
      for (const r of rows) {
        const expected = Math.log10(Math.max(r.vote_count, 1)) + r.created_at.getTime() / 1000 / 45000;
        assert.ok(Math.abs(r.hot_score - expected) < 1e-6, `${r.hot_score} vs ${expected}`);
      }
    });

    test('filters: status by id, slug, kind or several; tag; full-text q', async () => {
      const planned = await t.db.selectFrom('statuses').select(['id']).where('workspace_id', '=', t.workspace.id).where('slug', '=', 'planned').executeTakeFirstOrThrow();
      await t.app.inject({ method: 'PATCH', url: `/api/v1/posts/${ids[1]}`, headers: admin, payload: { status: planned.id } });
      await t.app.inject({ method: 'PATCH', url: `/api/v1/posts/${ids[2]}`, headers: admin, payload: { status: 'in-progress' } });
      const only = async (query: string) => (await list(`boardId=${boardId}&${query}`)).items.map((p) => p.id).sort();
      assert.deepEqual(await only(`status=${planned.id}`), [ids[1]]);
      assert.deepEqual(await only('status=planned'), [ids[1]]);
      assert.deepEqual(await only('status=in_progress'), [ids[2]]);
      assert.deepEqual(await only('status=planned,in_progress'), [ids[1], ids[2]].sort());
      assert.deepEqual(await only('status=duplicate'), [], 'a kind without statuses is an empty filter');
      assert.equal((await list(`boardId=${boardId}&status=open&limit=100`)).items.length, ids.length - 2);
      const unknown = await t.app.inject({ method: 'GET', url: '/api/v1/posts?status=no-such-status', headers: admin });
      assert.equal(unknown.statusCode, 400);
      assert.equal(unknown.json().errors[0].field, 'status');

      const tag = (await t.app.inject({ method: 'POST', url: '/api/v1/tags', headers: admin, payload: { name: 'Reporting' } })).json();
      await t.app.inject({ method: 'PATCH', url: `/api/v1/posts/${ids[3]}`, headers: admin, payload: { tags: [tag.id] } });
      assert.deepEqual(await only(`tag=${tag.id}`), [ids[3]]);

      const csv = ids.filter((_, i) => i % 5 === 0).sort();
      assert.deepEqual(await only('q=csv'), csv);
      assert.deepEqual(await only('q=' + encodeURIComponent('"export to csv" -nothing')), csv);
      assert.deepEqual(await only('q=zebra'), []);
    });

    test('a bad or foreign cursor is a 400 on the cursor field; limits are bounded', async () => {
      for (const cursor of ['garbage', encodeCursor(['new', 5, ids[0]]), encodeCursor(['top', 1, 'not-a-uuid']), encodeCursor(['top', 'x', ids[0]])]) {
        const res = await t.app.inject({ method: 'GET', url: `/api/v1/posts?sort=top&cursor=${encodeURIComponent(cursor)}`, headers: admin });
        assert.equal(res.statusCode, 400, cursor);
        assert.deepEqual(res.json().errors.map((e: { field: string }) => e.field), ['cursor']);
      }
      const page = await list(`boardId=${boardId}&sort=new&limit=2`);
      assert.ok(page.nextCursor);
      assert.equal((await t.app.inject({ method: 'GET', url: `/api/v1/posts?sort=top&cursor=${page.nextCursor}`, headers: admin })).statusCode, 400, 'a new-cursor cannot continue top');
      for (const limit of ['0', '101', 'ten']) {
        const res = await t.app.inject({ method: 'GET', url: `/api/v1/posts?limit=${limit}`, headers: admin });
        assert.equal(res.statusCode, 400, limit);
        assert.equal(res.json().errors[0].field, 'limit');
      }
      assert.equal((await list('')).items.length, 20, 'default limit 20');
      assert.equal((await t.app.inject({ method: 'GET', url: '/api/v1/posts?sort=best', headers: admin })).statusCode, 400);
      assert.equal((await t.app.inject({ method: 'GET', url: '/api/v1/posts?boardId=nope', headers: admin })).statusCode, 400);
    });

    test('hasVoted marks the signed-in person\'s votes across the page', async () => {
      const person = await createCustomer(t, { email: 'voter-1@example.com' });
      const headers = await personHeaders(t, person.id);
      const { items } = await list(`boardId=${boardId}&limit=100`, headers);
      const voted = await t.db.selectFrom('votes').select('post_id').where('person_id', '=', person.id).execute();
      assert.ok(voted.length > 0);
      assert.deepEqual(items.filter((p) => p.hasVoted).map((p) => p.id).sort(), voted.map((v) => v.post_id).sort());
      assert.ok((await list(`boardId=${boardId}&limit=100`)).items.every((p) => !p.hasVoted), 'an API key has no votes of its own');
    });

    test('without boardId: every board the actor can see, private boards for the team only', async () => {
      const secret = await createBoard(t, { name: 'Secret', visibility: 'private' });
      const hidden = await createTestPost(t, { boardId: secret.id, title: 'Internal plan' });
      const publicIds = (await list('limit=100', {})).items.map((p) => p.id);
      assert.ok(!publicIds.includes(hidden.id));
      assert.ok(publicIds.includes(ids[0]));
      assert.ok((await list('limit=100')).items.some((p) => p.id === hidden.id));
      assert.equal((await t.app.inject({ method: 'GET', url: `/api/v1/posts?boardId=${secret.id}` })).statusCode, 404);
    });
  });
}
