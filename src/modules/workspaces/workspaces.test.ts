import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { testTargets } from '../../../test/db.ts';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import { createBrowserSession } from '../../../test/browser-session.ts';
import { bearer, createApiKey, createMember, FACTORY_PASSWORD } from '../../../test/factories/team.ts';

for (const target of testTargets()) {
  describe(`workspace settings API [${target.name}]`, () => {
    let t: TestApp;
    before(async () => {
      t = await createTestApp(target);
    });
    after(() => t.close());

    test('anyone reads the workspace; nothing secret is in it', async () => {
      const res = await t.app.inject({ method: 'GET', url: '/api/v1/workspace' });
      assert.equal(res.statusCode, 200);
      assert.deepEqual(res.json(), { id: t.workspace.id, name: t.workspace.name, slug: t.workspace.slug, allowAnonymous: true });
    });

    test('an admin changes the name and the anonymous setting', async () => {
      await createMember(t.db, t.workspace.id, { role: 'admin', email: 'ws-admin@example.com' });
      const browser = createBrowserSession(t.app);
      assert.equal((await browser.logIn('ws-admin@example.com', FACTORY_PASSWORD)).statusCode, 200);
      const res = await browser.patch('/api/v1/workspace', { name: '  Acme Feedback ', allowAnonymous: false });
      assert.equal(res.statusCode, 200, res.body);
      assert.deepEqual(res.json(), { id: t.workspace.id, name: 'Acme Feedback', slug: t.workspace.slug, allowAnonymous: false });
      assert.equal((await browser.me()).workspace.allowAnonymous, false);
      assert.equal((await browser.patch('/api/v1/workspace', { allowAnonymous: true })).json().allowAnonymous, true);
    });

    test('members without admin rights, read keys and visitors cannot change settings', async () => {
      await createMember(t.db, t.workspace.id, { role: 'member', email: 'ws-member@example.com' });
      const browser = createBrowserSession(t.app);
      await browser.logIn('ws-member@example.com', FACTORY_PASSWORD);
      assert.equal((await browser.patch('/api/v1/workspace', { name: 'Mine' })).statusCode, 403);
      const reader = await createApiKey(t.db, t.workspace.id, 'read');
      assert.equal((await t.app.inject({ method: 'PATCH', url: '/api/v1/workspace', headers: bearer(reader), payload: { name: 'Mine' } })).statusCode, 403);
      assert.equal((await t.app.inject({ method: 'PATCH', url: '/api/v1/workspace', payload: { name: 'Mine' } })).statusCode, 403);
      assert.notEqual((await t.app.inject({ method: 'GET', url: '/api/v1/workspace' })).json().name, 'Mine');
    });

    test('bad input gets field errors', async () => {
      const admin = await createApiKey(t.db, t.workspace.id, 'admin');
      for (const [payload, field] of [[{}, 'body'], [{ name: '' }, 'name'], [{ name: ' ' }, 'name'], [{ allowAnonymous: 'maybe' }, 'allowAnonymous']] as const) {
        const res = await t.app.inject({ method: 'PATCH', url: '/api/v1/workspace', headers: bearer(admin), payload });
        assert.equal(res.statusCode, 400, JSON.stringify(payload));
        assert.equal(res.json().errors[0].field, field);
      }
    });
  });
}
