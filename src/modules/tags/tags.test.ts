import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { testTargets } from '../../../test/db.ts';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import { bearer, createApiKey } from '../../../test/factories/team.ts';
import { createTestPost } from '../../../test/factories/content.ts';
import { createWorkspace } from '../workspaces/index.ts';

for (const target of testTargets()) {
  describe(`tags [${target.name}]`, () => {
    let t: TestApp;
    let admin: Record<string, string>;

    before(async () => {
      t = await createTestApp(target);
      admin = bearer(await createApiKey(t.db, t.workspace.id, 'admin'));
    });
    after(() => t.close());

    test('admins create, rename and delete tags; everyone lists them alphabetically', async () => {
      const zed = (await t.app.inject({ method: 'POST', url: '/api/v1/tags', headers: admin, payload: { name: 'zed' } })).json();
      const created = await t.app.inject({ method: 'POST', url: '/api/v1/tags', headers: admin, payload: { name: '  Billing ', color: '#ff0000' } });
      assert.equal(created.statusCode, 201);
      const billing = created.json();
      assert.deepEqual(billing, { id: billing.id, name: 'Billing', color: '#ff0000' });
      assert.equal(zed.color, '#64748b', 'a default colour');
      assert.deepEqual((await t.app.inject({ method: 'GET', url: '/api/v1/tags' })).json().items.map((x: { name: string }) => x.name), ['Billing', 'zed']);

      const renamed = await t.app.inject({ method: 'PATCH', url: `/api/v1/tags/${billing.id}`, headers: admin, payload: { name: 'Payments' } });
      assert.equal(renamed.json().name, 'Payments');
      const sameName = await t.app.inject({ method: 'PATCH', url: `/api/v1/tags/${billing.id}`, headers: admin, payload: { name: 'payments', color: '#00ff00' } });
      assert.equal(sameName.statusCode, 200, 'a tag may change the case of its own name');

      const post = await createTestPost(t, { tags: [billing.id, zed.id] });
      assert.deepEqual(post.tags.map((x) => x.name), ['payments', 'zed']);
      assert.equal((await t.app.inject({ method: 'DELETE', url: `/api/v1/tags/${billing.id}`, headers: admin })).statusCode, 204);
      const after = (await t.app.inject({ method: 'GET', url: `/api/v1/posts/${post.id}` })).json();
      assert.deepEqual(after.tags.map((x: { name: string }) => x.name), ['zed'], 'deleting a tag takes it off posts');
      assert.equal((await t.app.inject({ method: 'DELETE', url: `/api/v1/tags/${billing.id}`, headers: admin })).statusCode, 404);
    });

    test('names are unique case-insensitively; input is validated; only admins manage; workspaces never cross', async () => {
      await t.app.inject({ method: 'POST', url: '/api/v1/tags', headers: admin, payload: { name: 'Mobile' } });
      const dup = await t.app.inject({ method: 'POST', url: '/api/v1/tags', headers: admin, payload: { name: 'MOBILE' } });
      assert.equal(dup.statusCode, 409);
      assert.deepEqual(dup.json().errors, [{ field: 'name', message: 'is already used by another tag' }]);
      for (const [payload, field] of [[{ name: '' }, 'name'], [{ name: 'x'.repeat(41) }, 'name'], [{ name: 'ok', color: 'blue' }, 'color']] as const) {
        const res = await t.app.inject({ method: 'POST', url: '/api/v1/tags', headers: admin, payload });
        assert.equal(res.statusCode, 400);
        assert.equal(res.json().errors[0].field, field);
      }
      const writer = bearer(await createApiKey(t.db, t.workspace.id, 'write'));
      assert.equal((await t.app.inject({ method: 'POST', url: '/api/v1/tags', headers: writer, payload: { name: 'Nope' } })).statusCode, 403);

      const other = await createWorkspace(t.db, { name: 'Other', slug: 'other-tags' });
      const theirs = bearer(await createApiKey(t.db, other.workspace.id, 'admin'));
      const mine = (await t.app.inject({ method: 'GET', url: '/api/v1/tags' })).json().items[0];
      assert.deepEqual((await t.app.inject({ method: 'GET', url: '/api/v1/tags', headers: theirs })).json().items, []);
      assert.equal((await t.app.inject({ method: 'PATCH', url: `/api/v1/tags/${mine.id}`, headers: theirs, payload: { name: 'Hijack' } })).statusCode, 404);
      assert.equal((await t.app.inject({ method: 'DELETE', url: `/api/v1/tags/${mine.id}`, headers: theirs })).statusCode, 404);
    });
  });
}
