import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { testTargets } from '../../../test/db.ts';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import { createBrowserSession } from '../../../test/browser-session.ts';
import { bearer, createApiKey as createKeyRow, createMember, FACTORY_PASSWORD } from '../../../test/factories/team.ts';
import { hashToken } from '../../lib/tokens.ts';
import { createWorkspace } from '../workspaces/index.ts';
import { createApiKey } from './index.ts';

for (const target of testTargets()) {
  describe(`API keys [${target.name}]`, () => {
    let t: TestApp;
    before(async () => {
      t = await createTestApp(target);
    });
    after(() => t.close());

    test('an admin creates a key, sees it once, and it works for API calls', async () => {
      const admin = await createMember(t.db, t.workspace.id, { role: 'admin', email: 'keys-admin@example.com' });
      const browser = createBrowserSession(t.app);
      await browser.logIn('keys-admin@example.com', FACTORY_PASSWORD);
      const res = await browser.post('/api/v1/api-keys', { name: ' CRM sync ', scope: 'write' });
      assert.equal(res.statusCode, 201, res.body);
      const created = res.json();
      assert.match(created.key, /^bb_[A-Za-z0-9_-]{43}$/);
      assert.equal(created.prefix, created.key.slice(0, 11));
      assert.deepEqual({ ...created, id: undefined, createdAt: undefined, key: undefined, prefix: undefined }, {
        id: undefined, createdAt: undefined, key: undefined, prefix: undefined, name: 'CRM sync', scope: 'write', lastUsedAt: null,
      });

      const row = await t.db.selectFrom('api_keys').selectAll().where('id', '=', created.id).executeTakeFirstOrThrow();
      assert.equal(row.key_hash, hashToken(created.key), 'stored only as its hash');
      assert.equal(row.created_by_member_id, admin.id);
      assert.ok(!JSON.stringify(row).includes(created.key));

      const list = await browser.get('/api/v1/api-keys');
      const listed = list.json().items.find((k: { id: string }) => k.id === created.id);
      assert.deepEqual(Object.keys(listed).sort(), ['createdAt', 'id', 'lastUsedAt', 'name', 'prefix', 'scope']);
      assert.ok(!list.body.includes(created.key) && !list.body.includes(row.key_hash), 'never the key or its hash again');

      const used = await t.app.inject({ method: 'POST', url: '/api/v1/boards', headers: bearer(created.key), payload: { name: 'Via key' } });
      assert.equal(used.statusCode, 403, 'a write key is not an admin key');
      assert.equal((await t.app.inject({ method: 'GET', url: '/api/v1/members', headers: bearer(created.key) })).statusCode, 200);
      const afterUse = (await browser.get('/api/v1/api-keys')).json().items.find((k: { id: string }) => k.id === created.id);
      assert.ok(afterUse.lastUsedAt);
    });

    test('revoking a key stops it at once and removes it from the list', async () => {
      const adminKey = await createKeyRow(t.db, t.workspace.id, 'admin');
      const created = (await t.app.inject({ method: 'POST', url: '/api/v1/api-keys', headers: bearer(adminKey), payload: { name: 'Temp', scope: 'read' } })).json();
      assert.equal((await t.app.inject({ method: 'GET', url: '/api/v1/boards', headers: bearer(created.key) })).statusCode, 200);
      assert.equal((await t.app.inject({ method: 'DELETE', url: `/api/v1/api-keys/${created.id}`, headers: bearer(adminKey) })).statusCode, 204);
      const rejected = await t.app.inject({ method: 'GET', url: '/api/v1/boards', headers: bearer(created.key) });
      assert.equal(rejected.statusCode, 401);
      assert.equal(rejected.json().code, 'invalid_api_key');
      const row = await t.db.selectFrom('api_keys').select('revoked_at').where('id', '=', created.id).executeTakeFirstOrThrow();
      assert.ok(row.revoked_at, 'revoked, not deleted');
      const ids = (await t.app.inject({ method: 'GET', url: '/api/v1/api-keys', headers: bearer(adminKey) })).json().items.map((k: { id: string }) => k.id);
      assert.ok(!ids.includes(created.id));
      assert.equal((await t.app.inject({ method: 'DELETE', url: `/api/v1/api-keys/${created.id}`, headers: bearer(adminKey) })).statusCode, 404);
    });

    test('only admins see and issue keys; other workspaces cannot revoke them', async () => {
      await createMember(t.db, t.workspace.id, { role: 'member', email: 'keys-member@example.com' });
      const browser = createBrowserSession(t.app);
      await browser.logIn('keys-member@example.com', FACTORY_PASSWORD);
      assert.equal((await browser.get('/api/v1/api-keys')).statusCode, 403);
      assert.equal((await browser.post('/api/v1/api-keys', { name: 'Mine', scope: 'admin' })).statusCode, 403);
      const writeKey = await createKeyRow(t.db, t.workspace.id, 'write');
      assert.equal((await t.app.inject({ method: 'POST', url: '/api/v1/api-keys', headers: bearer(writeKey), payload: { name: 'Escalate', scope: 'admin' } })).statusCode, 403);
      assert.equal((await t.app.inject({ method: 'GET', url: '/api/v1/api-keys' })).statusCode, 403);

      const adminKey = await createKeyRow(t.db, t.workspace.id, 'admin');
      const target = (await t.app.inject({ method: 'POST', url: '/api/v1/api-keys', headers: bearer(adminKey), payload: { name: 'Target', scope: 'read' } })).json();
      const other = await createWorkspace(t.db, { name: 'Other', slug: 'keys-other' });
      const foreign = await createKeyRow(t.db, other.workspace.id, 'admin');
      assert.equal((await t.app.inject({ method: 'DELETE', url: `/api/v1/api-keys/${target.id}`, headers: bearer(foreign) })).statusCode, 404);
      const foreignList = (await t.app.inject({ method: 'GET', url: '/api/v1/api-keys', headers: bearer(foreign) })).json().items;
      assert.ok(!foreignList.some((k: { id: string }) => k.id === target.id));
    });

    test('bad input gets field errors and stores nothing', async () => {
      const adminKey = await createKeyRow(t.db, t.workspace.id, 'admin');
      const count = async () => (await t.db.selectFrom('api_keys').select('id').execute()).length;
      const before = await count();
      for (const [payload, field] of [[{ name: 'x', scope: 'root' }, 'scope'], [{ scope: 'read' }, 'name'], [{ name: '  ', scope: 'read' }, 'name']] as const) {
        const res = await t.app.inject({ method: 'POST', url: '/api/v1/api-keys', headers: bearer(adminKey), payload });
        assert.equal(res.statusCode, 400, JSON.stringify(payload));
        assert.equal(res.json().errors[0].field, field);
      }
      assert.equal(await count(), before);
    });

    test('the CLI path: createApiKey with a system actor', async () => {
      const created = await createApiKey(
        { actor: { kind: 'system', workspaceId: t.workspace.id }, db: t.db, now: new Date(), config: t.config, mailer: t.mailer, log: { info() {}, warn() {}, error() {} } },
        { name: 'cli', scope: 'admin' },
      );
      assert.equal(created.created_by_member_id, null);
      const res = await t.app.inject({ method: 'POST', url: '/api/v1/boards', headers: bearer(created.key), payload: { name: 'From the CLI key' } });
      assert.equal(res.statusCode, 201);
      await assert.rejects(
        createApiKey({ actor: { kind: 'anonymous', workspaceId: t.workspace.id }, db: t.db, now: new Date(), config: t.config, mailer: t.mailer, log: { info() {}, warn() {}, error() {} } }, { name: 'x', scope: 'read' }),
        (error: Error & { code?: string }) => error.code === 'forbidden',
      );
    });
  });
}
