import { after, before, describe, test } from 'node:test';
import type { InjectOptions } from 'fastify';
import assert from 'node:assert/strict';
import { testTargets } from '../../../test/db.ts';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import { bearer, createApiKey, createCompany, createPerson } from '../../../test/factories/team.ts';
import { createWorkspace } from '../workspaces/index.ts';

for (const target of testTargets()) {
  describe(`companies API [${target.name}]`, () => {
    let t: TestApp;
    let admin: Record<string, string>;
    let reader: Record<string, string>;
    before(async () => {
      t = await createTestApp(target);
      admin = bearer(await createApiKey(t.db, t.workspace.id, 'admin'));
      reader = bearer(await createApiKey(t.db, t.workspace.id, 'read'));
    });
    after(() => t.close());

    const post = (payload: InjectOptions['payload'], headers = admin) => t.app.inject({ method: 'POST', url: '/api/v1/companies', headers, payload });

    test('creates a company and reads it back with its people count', async () => {
      const res = await post({ name: ' Acme Corp ', domain: 'Acme.COM', monthlyRevenue: 1234.5, segment: 'Enterprise' });
      assert.equal(res.statusCode, 201, res.body);
      const company = res.json();
      assert.deepEqual({ ...company, id: undefined, createdAt: undefined }, {
        id: undefined, createdAt: undefined, name: 'Acme Corp', domain: 'acme.com', monthlyRevenue: 1234.5, segment: 'Enterprise', peopleCount: 0,
      });
      await createPerson(t.db, t.workspace.id, { companyId: company.id });
      await createPerson(t.db, t.workspace.id, { companyId: company.id });
      const got = await t.app.inject({ method: 'GET', url: `/api/v1/companies/${company.id}`, headers: reader });
      assert.equal(got.json().peopleCount, 2);
      const minimal = await post({ name: 'Tiny Co' });
      assert.deepEqual([minimal.json().domain, minimal.json().monthlyRevenue, minimal.json().segment], [null, 0, null]);
      // an emptied form field means "none"
      const emptied = await post({ name: 'Empty Fields Co', domain: '', segment: '' });
      assert.deepEqual([emptied.statusCode, emptied.json().domain, emptied.json().segment], [201, null, null]);
    });

    test('names are unique, domains are unique when given', async () => {
      await post({ name: 'Globex', domain: 'globex.com' });
      const sameName = await post({ name: 'GLOBEX' });
      assert.equal(sameName.statusCode, 409);
      assert.deepEqual(sameName.json().errors, [{ field: 'name', message: 'is already used by another company' }]);
      const sameDomain = await post({ name: 'Globex Europe', domain: 'GLOBEX.com' });
      assert.equal(sameDomain.statusCode, 409);
      assert.equal(sameDomain.json().errors[0].field, 'domain');
      assert.equal((await post({ name: 'No Domain One' })).statusCode, 201);
      assert.equal((await post({ name: 'No Domain Two', domain: null })).statusCode, 201);
    });

    test('bad input gets field errors and stores nothing', async () => {
      const count = async () => (await t.db.selectFrom('companies').select('id').execute()).length;
      const before = await count();
      for (const [payload, field] of [
        [{ name: 'Neg', monthlyRevenue: -1 }, 'monthlyRevenue'],
        [{ name: 'Huge', monthlyRevenue: 1e13 }, 'monthlyRevenue'],
        [{ name: 'Url', domain: 'https://url.example' }, 'domain'],
        [{ name: '' }, 'name'],
        [{ name: 'Seg', segment: 'x'.repeat(61) }, 'segment'],
        [{ domain: 'x.example' }, 'name'],
      ] as const) {
        const res = await post(payload);
        assert.equal(res.statusCode, 400, JSON.stringify(payload));
        assert.equal(res.json().errors[0].field, field, JSON.stringify(payload));
      }
      assert.equal(await count(), before);
    });

    test('lists alphabetically with search and cursor pagination', async () => {
      const ws = await createWorkspace(t.db, { name: 'List', slug: 'companies-list' });
      const key = bearer(await createApiKey(t.db, ws.workspace.id, 'read'));
      for (const name of ['delta', 'Alpha', 'charlie', 'Bravo', 'echo']) await createCompany(t.db, ws.workspace.id, { name, domain: `${name.toLowerCase()}.io` });
      await createCompany(t.db, ws.workspace.id, { name: '100% Pure' });

      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const url: string = `/api/v1/companies?limit=2${cursor ? `&cursor=${cursor}` : ''}`;
        const page = (await t.app.inject({ method: 'GET', url, headers: key })).json();
        assert.ok(page.items.length <= 2);
        seen.push(...page.items.map((c: { name: string }) => c.name));
        cursor = page.nextCursor;
      } while (cursor);
      assert.deepEqual(seen, ['100% Pure', 'Alpha', 'Bravo', 'charlie', 'delta', 'echo']);

      const search = async (q: string) =>
        (await t.app.inject({ method: 'GET', url: `/api/v1/companies?q=${encodeURIComponent(q)}`, headers: key })).json().items.map((c: { name: string }) => c.name);
      assert.deepEqual(await search('ALPH'), ['Alpha']);
      assert.deepEqual(await search('echo.io'), ['echo']);
      assert.deepEqual(await search('%'), ['100% Pure'], 'wildcards are literal');
      const bad = await t.app.inject({ method: 'GET', url: '/api/v1/companies?cursor=garbage', headers: key });
      assert.equal(bad.statusCode, 400);
      assert.equal(bad.json().errors[0].field, 'cursor');
    });

    test('update and delete; people stay without a company', async () => {
      const company = (await post({ name: 'Initech', domain: 'initech.com', segment: 'SMB' })).json();
      const person = await createPerson(t.db, t.workspace.id, { companyId: company.id });
      const patched = await t.app.inject({ method: 'PATCH', url: `/api/v1/companies/${company.id}`, headers: admin, payload: { monthlyRevenue: 99, domain: null, segment: null } });
      assert.equal(patched.statusCode, 200, patched.body);
      assert.deepEqual([patched.json().monthlyRevenue, patched.json().domain, patched.json().segment, patched.json().peopleCount], [99, null, null, 1]);
      const clash = await t.app.inject({ method: 'PATCH', url: `/api/v1/companies/${company.id}`, headers: admin, payload: { name: 'Acme Corp' } });
      assert.equal(clash.statusCode, 409);
      assert.equal((await t.app.inject({ method: 'PATCH', url: `/api/v1/companies/${company.id}`, headers: admin, payload: {} })).statusCode, 400);

      assert.equal((await t.app.inject({ method: 'DELETE', url: `/api/v1/companies/${company.id}`, headers: admin })).statusCode, 204);
      assert.equal((await t.app.inject({ method: 'GET', url: `/api/v1/companies/${company.id}`, headers: admin })).statusCode, 404);
      const after = await t.db.selectFrom('people').select('company_id').where('id', '=', person.id).executeTakeFirstOrThrow();
      assert.equal(after.company_id, null);
    });

    test('the team reads, writers change, nobody else; workspaces never mix', async () => {
      const company = (await post({ name: 'Private Co' })).json();
      assert.equal((await t.app.inject({ method: 'GET', url: '/api/v1/companies' })).statusCode, 403);
      assert.equal((await t.app.inject({ method: 'GET', url: '/api/v1/companies', headers: reader })).statusCode, 200);
      assert.equal((await post({ name: 'By Reader' }, reader)).statusCode, 403);
      const writer = bearer(await createApiKey(t.db, t.workspace.id, 'write'));
      assert.equal((await post({ name: 'By Writer' }, writer)).statusCode, 201);

      const other = await createWorkspace(t.db, { name: 'Other', slug: 'companies-other' });
      const foreign = bearer(await createApiKey(t.db, other.workspace.id, 'admin'));
      assert.equal((await t.app.inject({ method: 'GET', url: `/api/v1/companies/${company.id}`, headers: foreign })).statusCode, 404);
      assert.equal((await t.app.inject({ method: 'PATCH', url: `/api/v1/companies/${company.id}`, headers: foreign, payload: { name: 'Stolen' } })).statusCode, 404);
      assert.equal((await t.app.inject({ method: 'DELETE', url: `/api/v1/companies/${company.id}`, headers: foreign })).statusCode, 404);
      const names = (await t.app.inject({ method: 'GET', url: '/api/v1/companies', headers: foreign })).json().items;
      assert.deepEqual(names, []);
    });
  });
}
