import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { testTargets } from '../../../test/db.ts';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import { bearer, createApiKey } from '../../../test/factories/team.ts';
import { createWorkspace } from '../workspaces/index.ts';

for (const target of testTargets()) {
  describe(`boards API [${target.name}]`, () => {
    let t: TestApp;
    let admin: string;
    let reader: string;

    before(async () => {
      t = await createTestApp(target);
      admin = await createApiKey(t.db, t.workspace.id, 'admin');
      reader = await createApiKey(t.db, t.workspace.id, 'read');
    });
    after(() => t.close());

    test('creates a board with a derived slug and lists it', async () => {
      const res = await t.app.inject({ method: 'POST', url: '/api/v1/boards', headers: bearer(admin), payload: { name: 'Feature Requests', visibility: 'public' } });
      assert.equal(res.statusCode, 201);
      const board = res.json();
      assert.equal(board.slug, 'feature-requests');
      assert.equal(board.postCount, 0);
      const list = await t.app.inject({ method: 'GET', url: '/api/v1/boards' });
      assert.ok(list.json().items.some((b: { id: string }) => b.id === board.id));
      const bySlug = await t.app.inject({ method: 'GET', url: '/api/v1/boards/feature-requests' });
      assert.equal(bySlug.json().id, board.id);
    });

    test('bad input gets field errors and stores nothing', async () => {
      const before = (await t.app.inject({ method: 'GET', url: '/api/v1/boards', headers: bearer(admin) })).json().items.length;
      for (const payload of [{ name: '' }, { name: 'x', visibility: 'secret' }, { name: 'x', slug: 'Not A Slug' }, { name: 'y'.repeat(81) }]) {
        const res = await t.app.inject({ method: 'POST', url: '/api/v1/boards', headers: bearer(admin), payload });
        assert.equal(res.statusCode, 400, JSON.stringify(payload));
        const body = res.json();
        assert.equal(body.code, 'validation_failed');
        assert.ok(body.errors.length > 0 && typeof body.errors[0].field === 'string' && body.errors[0].message);
      }
      const afterCount = (await t.app.inject({ method: 'GET', url: '/api/v1/boards', headers: bearer(admin) })).json().items.length;
      assert.equal(afterCount, before);
    });

    test('a duplicate slug is a 409 on the slug field', async () => {
      await t.app.inject({ method: 'POST', url: '/api/v1/boards', headers: bearer(admin), payload: { name: 'Bugs' } });
      const res = await t.app.inject({ method: 'POST', url: '/api/v1/boards', headers: bearer(admin), payload: { name: 'Bugs again', slug: 'bugs' } });
      assert.equal(res.statusCode, 409);
      assert.deepEqual(res.json().errors, [{ field: 'slug', message: 'is already used by another board' }]);
    });

    test('private boards are invisible to the public and to other workspaces', async () => {
      const created = await t.app.inject({ method: 'POST', url: '/api/v1/boards', headers: bearer(admin), payload: { name: 'Internal roadmap', visibility: 'private' } });
      const board = created.json();
      const publicList = (await t.app.inject({ method: 'GET', url: '/api/v1/boards' })).json().items;
      assert.ok(!publicList.some((b: { id: string }) => b.id === board.id));
      assert.equal((await t.app.inject({ method: 'GET', url: `/api/v1/boards/${board.id}` })).statusCode, 404);
      assert.equal((await t.app.inject({ method: 'GET', url: `/api/v1/boards/${board.id}`, headers: bearer(reader) })).statusCode, 200);

      const other = await createWorkspace(t.db, { name: 'Other', slug: 'other' });
      const otherKey = await createApiKey(t.db, other.workspace.id, 'admin');
      assert.equal((await t.app.inject({ method: 'GET', url: `/api/v1/boards/${board.id}`, headers: bearer(otherKey) })).statusCode, 404);
      const patched = await t.app.inject({ method: 'PATCH', url: `/api/v1/boards/${board.id}`, headers: bearer(otherKey), payload: { name: 'hijacked' } });
      assert.equal(patched.statusCode, 404);
    });

    test('read-only keys and anonymous callers cannot create boards', async () => {
      assert.equal((await t.app.inject({ method: 'POST', url: '/api/v1/boards', headers: bearer(reader), payload: { name: 'Nope' } })).statusCode, 403);
      assert.equal((await t.app.inject({ method: 'POST', url: '/api/v1/boards', payload: { name: 'Nope' } })).statusCode, 403);
      assert.equal((await t.app.inject({ method: 'POST', url: '/api/v1/boards', headers: bearer('bb_wrong'), payload: { name: 'Nope' } })).statusCode, 401);
    });

    test('update and delete', async () => {
      const board = (await t.app.inject({ method: 'POST', url: '/api/v1/boards', headers: bearer(admin), payload: { name: 'Temp' } })).json();
      const patched = await t.app.inject({ method: 'PATCH', url: `/api/v1/boards/${board.id}`, headers: bearer(admin), payload: { description: 'Ideas' } });
      assert.equal(patched.json().description, 'Ideas');
      assert.equal((await t.app.inject({ method: 'DELETE', url: `/api/v1/boards/${board.id}`, headers: bearer(admin) })).statusCode, 204);
      assert.equal((await t.app.inject({ method: 'GET', url: `/api/v1/boards/${board.id}`, headers: bearer(admin) })).statusCode, 404);
    });
  });
}
