import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { testTargets } from '../../../test/db.ts';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import { bearer, createApiKey, createCompany, createPerson } from '../../../test/factories/team.ts';
import { createWorkspace } from '../workspaces/index.ts';

for (const target of testTargets()) {
  describe(`people API [${target.name}]`, () => {
    let t: TestApp;
    let writer: Record<string, string>;
    before(async () => {
      t = await createTestApp(target);
      writer = bearer(await createApiKey(t.db, t.workspace.id, 'write'));
    });
    after(() => t.close());

    test('lists people newest first with their company, across pages without gaps or repeats', async () => {
      const ws = await createWorkspace(t.db, { name: 'People', slug: 'people-list' });
      const key = bearer(await createApiKey(t.db, ws.workspace.id, 'read'));
      const company = await createCompany(t.db, ws.workspace.id, { name: 'Umbrella' });
      // several people share a timestamp: the id breaks ties, so pages stay stable
      const same = new Date('2026-01-01T10:00:00.123456Z');
      const created = [];
      for (let i = 0; i < 7; i++) {
        created.push(await createPerson(t.db, ws.workspace.id, { email: `p${i}@example.com`, createdAt: i < 4 ? same : new Date(Date.UTC(2026, 0, 2, 0, 0, i)), companyId: i === 6 ? company.id : null }));
      }
      const ids: string[] = [];
      let cursor: string | null = null;
      do {
        const url: string = `/api/v1/people?limit=3${cursor ? `&cursor=${cursor}` : ''}`;
        const res = await t.app.inject({ method: 'GET', url, headers: key });
        assert.equal(res.statusCode, 200, res.body);
        ids.push(...res.json().items.map((p: { id: string }) => p.id));
        cursor = res.json().nextCursor;
      } while (cursor);
      assert.equal(ids.length, 7);
      assert.equal(new Set(ids).size, 7);
      assert.deepEqual(ids.slice(0, 3), [created[6].id, created[5].id, created[4].id]);

      const first = (await t.app.inject({ method: 'GET', url: '/api/v1/people?limit=1', headers: key })).json().items[0];
      assert.deepEqual(first, {
        id: created[6].id, email: 'p6@example.com', name: 'Pat Customer', externalId: null,
        company: { id: company.id, name: 'Umbrella' }, createdAt: created[6].created_at.toISOString(),
      });
    });

    test('searches email and name, case-insensitively, wildcards literal', async () => {
      const ws = await createWorkspace(t.db, { name: 'Search', slug: 'people-search' });
      const key = bearer(await createApiKey(t.db, ws.workspace.id, 'read'));
      await createPerson(t.db, ws.workspace.id, { email: 'jane@acme.com', name: 'Jane Doe' });
      await createPerson(t.db, ws.workspace.id, { email: 'john@globex.com', name: 'John Smith' });
      await createPerson(t.db, ws.workspace.id, { email: 'under_score@example.com', name: null });
      const search = async (q: string) =>
        (await t.app.inject({ method: 'GET', url: `/api/v1/people?q=${encodeURIComponent(q)}`, headers: key })).json().items.map((p: { email: string }) => p.email).sort();
      assert.deepEqual(await search('ACME'), ['jane@acme.com']);
      assert.deepEqual(await search('smith'), ['john@globex.com']);
      assert.deepEqual(await search('_'), ['under_score@example.com']);
      assert.deepEqual(await search('nobody'), []);
      const bad = await t.app.inject({ method: 'GET', url: '/api/v1/people?cursor=WzFd', headers: key });
      assert.equal(bad.statusCode, 400);
      assert.equal(bad.json().errors[0].field, 'cursor');
      assert.equal((await t.app.inject({ method: 'GET', url: '/api/v1/people?limit=0', headers: key })).json().errors[0].field, 'limit');
    });

    test('renames a person and moves them between companies of the same workspace only', async () => {
      const person = await createPerson(t.db, t.workspace.id, { email: 'mover@example.com' });
      const company = await createCompany(t.db, t.workspace.id, { name: 'Hooli' });
      const url = `/api/v1/people/${person.id}`;
      const moved = await t.app.inject({ method: 'PATCH', url, headers: writer, payload: { name: ' Morgan ', companyId: company.id } });
      assert.equal(moved.statusCode, 200, moved.body);
      assert.deepEqual([moved.json().name, moved.json().company], ['Morgan', { id: company.id, name: 'Hooli' }]);

      const other = await createWorkspace(t.db, { name: 'Other', slug: 'people-other' });
      const foreignCompany = await createCompany(t.db, other.workspace.id, { name: 'Elsewhere' });
      const refused = await t.app.inject({ method: 'PATCH', url, headers: writer, payload: { companyId: foreignCompany.id } });
      assert.equal(refused.statusCode, 400);
      assert.deepEqual(refused.json().errors, [{ field: 'companyId', message: 'is not a company of this workspace' }]);
      const unknown = await t.app.inject({ method: 'PATCH', url, headers: writer, payload: { companyId: '00000000-0000-4000-8000-000000000000' } });
      assert.equal(unknown.json().errors[0].field, 'companyId');
      assert.equal((await t.app.inject({ method: 'PATCH', url, headers: writer, payload: { companyId: 'nope' } })).json().errors[0].field, 'companyId');
      assert.equal((await t.db.selectFrom('people').select('company_id').where('id', '=', person.id).executeTakeFirstOrThrow()).company_id, company.id);

      const cleared = await t.app.inject({ method: 'PATCH', url, headers: writer, payload: { companyId: null } });
      assert.equal(cleared.json().company, null);
      assert.equal((await t.app.inject({ method: 'PATCH', url, headers: writer, payload: {} })).statusCode, 400);
    });

    test('only the team sees people; read keys cannot change them; workspaces never mix', async () => {
      const person = await createPerson(t.db, t.workspace.id);
      assert.equal((await t.app.inject({ method: 'GET', url: '/api/v1/people' })).statusCode, 403);
      const reader = bearer(await createApiKey(t.db, t.workspace.id, 'read'));
      assert.equal((await t.app.inject({ method: 'PATCH', url: `/api/v1/people/${person.id}`, headers: reader, payload: { name: 'X' } })).statusCode, 403);
      const other = await createWorkspace(t.db, { name: 'Other', slug: 'people-other-2' });
      const foreign = bearer(await createApiKey(t.db, other.workspace.id, 'admin'));
      assert.equal((await t.app.inject({ method: 'PATCH', url: `/api/v1/people/${person.id}`, headers: foreign, payload: { name: 'X' } })).statusCode, 404);
      const list = (await t.app.inject({ method: 'GET', url: '/api/v1/people', headers: foreign })).json();
      assert.deepEqual(list, { items: [], nextCursor: null });
    });
  });
}
