import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { testTargets } from '../../../test/db.ts';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import { bearer, createApiKey } from '../../../test/factories/team.ts';
import { createTestPost } from '../../../test/factories/content.ts';

type StatusJson = { id: string; name: string; slug: string; kind: string; color: string; position: number; isDefault: boolean };

for (const target of testTargets()) {
  describe(`statuses [${target.name}]`, () => {
    let t: TestApp;
    let admin: Record<string, string>;

    before(async () => {
      t = await createTestApp(target);
      admin = bearer(await createApiKey(t.db, t.workspace.id, 'admin'));
    });
    after(() => t.close());

    const list = async () => (await t.app.inject({ method: 'GET', url: '/api/v1/statuses' })).json().items as StatusJson[];

    test('everyone lists the statuses in order, with exactly one default', async () => {
      const items = await list();
      assert.deepEqual(items.map((s) => s.slug), ['open', 'under-review', 'planned', 'in-progress', 'shipped', 'declined']);
      assert.deepEqual(items.map((s) => s.position), [0, 1, 2, 3, 4, 5]);
      assert.deepEqual(items.filter((s) => s.isDefault).map((s) => s.slug), ['open']);
    });

    test('admins create, move, re-default and edit statuses; the default stays unique', async () => {
      const created = await t.app.inject({ method: 'POST', url: '/api/v1/statuses', headers: admin, payload: { name: 'Needs info', kind: 'under_review', color: '#aabbcc' } });
      assert.equal(created.statusCode, 201, created.body);
      const status = created.json();
      assert.deepEqual({ ...status, id: undefined }, { id: undefined, name: 'Needs info', slug: 'needs-info', kind: 'under_review', color: '#aabbcc', position: 6, isDefault: false });

      const moved = await t.app.inject({ method: 'PATCH', url: `/api/v1/statuses/${status.id}`, headers: admin, payload: { position: 1 } });
      assert.equal(moved.json().position, 1);
      assert.deepEqual((await list()).map((s) => s.slug), ['open', 'needs-info', 'under-review', 'planned', 'in-progress', 'shipped', 'declined']);
      assert.deepEqual((await list()).map((s) => s.position), [0, 1, 2, 3, 4, 5, 6]);

      const madeDefault = await t.app.inject({ method: 'PATCH', url: `/api/v1/statuses/${status.id}`, headers: admin, payload: { isDefault: true, name: 'Needs more info' } });
      assert.equal(madeDefault.json().isDefault, true);
      assert.equal(madeDefault.json().name, 'Needs more info');
      assert.deepEqual((await list()).filter((s) => s.isDefault).map((s) => s.id), [status.id]);
      const post = await createTestPost(t);
      assert.equal(post.status.id, status.id, 'new posts get the default status');

      const unset = await t.app.inject({ method: 'PATCH', url: `/api/v1/statuses/${status.id}`, headers: admin, payload: { isDefault: false } });
      assert.equal(unset.statusCode, 400);
      assert.equal(unset.json().errors[0].field, 'isDefault');
      const newDefault = await t.app.inject({ method: 'POST', url: '/api/v1/statuses', headers: admin, payload: { name: 'Triage', kind: 'open', isDefault: true } });
      assert.equal(newDefault.json().isDefault, true);
      assert.deepEqual((await list()).filter((s) => s.isDefault).map((s) => s.slug), ['triage']);
    });

    test('a status in use, the default, or in history cannot be deleted; an unused one can', async () => {
      const statuses = await list();
      const inUse = statuses.find((s) => s.isDefault)!;
      const post = await createTestPost(t);
      assert.equal(post.status.id, inUse.id);
      const refusedDefault = await t.app.inject({ method: 'DELETE', url: `/api/v1/statuses/${inUse.id}`, headers: admin });
      assert.equal(refusedDefault.statusCode, 409);
      const planned = statuses.find((s) => s.slug === 'planned')!;
      await t.app.inject({ method: 'PATCH', url: `/api/v1/posts/${post.id}`, headers: admin, payload: { status: 'planned' } });
      const refused = await t.app.inject({ method: 'DELETE', url: `/api/v1/statuses/${planned.id}`, headers: admin });
      assert.equal(refused.statusCode, 409);
      assert.equal(refused.json().code, 'status_in_use');
      await t.app.inject({ method: 'PATCH', url: `/api/v1/posts/${post.id}`, headers: admin, payload: { status: 'shipped' } });
      const history = await t.app.inject({ method: 'DELETE', url: `/api/v1/statuses/${planned.id}`, headers: admin });
      assert.equal(history.statusCode, 409, 'still named in the post\'s history');
      assert.equal(history.json().code, 'status_in_use');

      const declined = statuses.find((s) => s.slug === 'declined')!;
      assert.equal((await t.app.inject({ method: 'DELETE', url: `/api/v1/statuses/${declined.id}`, headers: admin })).statusCode, 204);
      const after = await list();
      assert.ok(!after.some((s) => s.id === declined.id));
      assert.deepEqual(after.map((s) => s.position), after.map((_, i) => i), 'positions close the gap');
    });

    test('only admins manage statuses; bad input and duplicates are refused', async () => {
      const writer = bearer(await createApiKey(t.db, t.workspace.id, 'write'));
      assert.equal((await t.app.inject({ method: 'POST', url: '/api/v1/statuses', headers: writer, payload: { name: 'X', kind: 'open' } })).statusCode, 403);
      assert.equal((await t.app.inject({ method: 'POST', url: '/api/v1/statuses', payload: { name: 'X', kind: 'open' } })).statusCode, 403);
      for (const [payload, field] of [[{ name: 'X', kind: 'maybe' }, 'kind'], [{ name: '', kind: 'open' }, 'name'], [{ name: 'X', kind: 'open', color: 'red' }, 'color'], [{ kind: 'open' }, 'name']] as const) {
        const res = await t.app.inject({ method: 'POST', url: '/api/v1/statuses', headers: admin, payload });
        assert.equal(res.statusCode, 400);
        assert.equal(res.json().errors[0].field, field);
      }
      const dup = await t.app.inject({ method: 'POST', url: '/api/v1/statuses', headers: admin, payload: { name: 'Shipped', kind: 'shipped' } });
      assert.equal(dup.statusCode, 409);
      assert.equal(dup.json().errors[0].field, 'slug');
      assert.equal((await t.app.inject({ method: 'PATCH', url: `/api/v1/statuses/${crypto.randomUUID()}`, headers: admin, payload: { name: 'Y' } })).statusCode, 404);
      assert.equal((await t.app.inject({ method: 'PATCH', url: `/api/v1/statuses/${(await list())[0].id}`, headers: admin, payload: {} })).statusCode, 400);
    });
  });
}
