import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { testTargets } from '../../../test/db.ts';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import { createBrowserSession } from '../../../test/browser-session.ts';
import { bearer, createApiKey, createMember, FACTORY_PASSWORD } from '../../../test/factories/team.ts';
import { hashToken } from '../../lib/tokens.ts';
import { createWorkspace } from '../workspaces/index.ts';

let ip = 0;
/** Each test browses from its own address, so the per-IP sign-in limits of one test do not hit another. */
const nextIp = () => `10.0.${Math.floor(++ip / 250)}.${(ip % 250) + 1}`;

for (const target of testTargets()) {
  describe(`auth API [${target.name}]`, () => {
    let t: TestApp;
    before(async () => {
      t = await createTestApp(target);
    });
    after(() => t.close());

    const sessionCount = async () => Number((await t.db.selectFrom('sessions').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

    test('owner setup: the link works once, creates the owner and signs them in', async () => {
      assert.ok(t.setupToken);
      const browser = createBrowserSession(t.app, { remoteAddress: nextIp() });
      assert.equal((await browser.me()).needsSetup, true);
      assert.deepEqual((await browser.get(`/api/v1/auth/setup/${t.setupToken}`)).json(), { valid: true });
      assert.equal((await browser.get('/api/v1/auth/setup/not-the-token')).statusCode, 404);

      for (const payload of [
        { token: t.setupToken, name: 'Ada', email: 'ada@example.com', password: 'short' },
        { token: t.setupToken, name: 'Ada', email: 'not-an-email', password: 'long enough password' },
        { token: t.setupToken, name: '   ', email: 'ada@example.com', password: 'long enough password' },
        { token: t.setupToken, email: 'ada@example.com', password: 'long enough password' },
      ]) {
        const res = await browser.post('/api/v1/auth/setup', payload);
        assert.equal(res.statusCode, 400, JSON.stringify(payload));
        assert.equal(res.json().code, 'validation_failed');
        assert.ok(res.json().errors[0].field);
      }
      assert.equal((await t.db.selectFrom('members').select('id').execute()).length, 0, 'invalid setups store nothing');
      const wrong = await browser.post('/api/v1/auth/setup', { token: 'nope', name: 'Ada', email: 'ada@example.com', password: 'long enough password' });
      assert.equal(wrong.statusCode, 404);

      const res = await browser.post('/api/v1/auth/setup', { token: t.setupToken, name: ' Ada Lovelace ', email: 'Ada@Example.com', password: 'long enough password' });
      assert.equal(res.statusCode, 201, res.body);
      assert.deepEqual(Object.keys(res.json().member).sort(), ['email', 'id', 'name', 'role']);
      assert.equal(res.json().member.role, 'owner');
      assert.equal(res.json().member.email, 'ada@example.com');
      assert.ok(!res.body.includes('scrypt'), 'never the password hash');
      const setCookie = String(res.headers['set-cookie']);
      assert.match(setCookie, /bb_session=[^;]+;.*HttpOnly/i);
      assert.match(setCookie, /SameSite=Lax/i);

      const me = await browser.me();
      assert.equal(me.member?.role, 'owner');
      assert.equal(me.needsSetup, false);
      const ws = await t.db.selectFrom('workspaces').select('setup_token_hash').where('id', '=', t.workspace.id).executeTakeFirstOrThrow();
      assert.equal(ws.setup_token_hash, null);
      assert.equal((await browser.get(`/api/v1/auth/setup/${t.setupToken}`)).statusCode, 404);
      const again = await createBrowserSession(t.app, { remoteAddress: nextIp() }).post('/api/v1/auth/setup', {
        token: t.setupToken, name: 'Mallory', email: 'mallory@example.com', password: 'long enough password',
      });
      assert.equal(again.statusCode, 404);
    });

    test('setup is refused once the workspace has an owner', async () => {
      const other = await createWorkspace(t.db, { name: 'Other', slug: 'other-setup' });
      await createMember(t.db, other.workspace.id, { role: 'owner' });
      const browser = createBrowserSession(t.app, { remoteAddress: nextIp() });
      assert.equal((await browser.get(`/api/v1/auth/setup/${other.setupToken}`)).statusCode, 404);
      const res = await browser.post('/api/v1/auth/setup', { token: other.setupToken, name: 'Eve', email: 'eve@example.com', password: 'long enough password' });
      assert.equal(res.statusCode, 409);
      assert.equal(res.json().code, 'already_set_up');
      assert.equal((await t.db.selectFrom('members').select('id').where('workspace_id', '=', other.workspace.id).execute()).length, 1);
    });

    test('login: one generic error for unknown email and wrong password; success rotates the session', async () => {
      const member = await createMember(t.db, t.workspace.id, { role: 'member', email: 'grace@example.com' });
      const browser = createBrowserSession(t.app, { remoteAddress: nextIp() });
      const unknown = await browser.logIn('nobody@example.com', FACTORY_PASSWORD);
      const wrong = await browser.logIn('grace@example.com', 'wrong password!');
      for (const res of [unknown, wrong]) {
        assert.equal(res.statusCode, 401);
        assert.deepEqual(res.json(), { code: 'invalid_credentials', message: 'Email or password is incorrect' });
        assert.ok(!String(res.headers['set-cookie'] ?? '').includes('bb_session'), 'no session on failure');
      }

      const spaced = await browser.logIn('GRACE@example.com ', FACTORY_PASSWORD);
      assert.equal(spaced.statusCode, 400, 'the schema refuses it before any lookup');
      const ok = await browser.logIn('GRACE@example.com', FACTORY_PASSWORD);
      assert.equal(ok.statusCode, 200, ok.body);
      assert.deepEqual(ok.json().member, { id: member.id, email: 'grace@example.com', name: 'Team Member', role: 'member' });
      const firstToken = browser.cookie('bb_session');
      assert.ok(firstToken);
      assert.equal((await browser.me()).member?.id, member.id);

      const before = await sessionCount();
      const second = await browser.logIn('grace@example.com', FACTORY_PASSWORD);
      assert.equal(second.statusCode, 200);
      assert.notEqual(browser.cookie('bb_session'), firstToken, 'a new token on every sign-in');
      assert.equal(await sessionCount(), before, 'the previous session was replaced, not kept');
      const stale = await t.db.selectFrom('sessions').select('id').where('token_hash', '=', hashToken(firstToken)).executeTakeFirst();
      assert.equal(stale, undefined);

      const replay = createBrowserSession(t.app, { remoteAddress: nextIp() });
      replay.setCookie('bb_session', firstToken);
      assert.equal((await replay.me()).member, null, 'the old cookie no longer signs anyone in');
    });

    test('logout ends the session server-side and clears the cookie', async () => {
      await createMember(t.db, t.workspace.id, { email: 'linus@example.com' });
      const browser = createBrowserSession(t.app, { remoteAddress: nextIp() });
      assert.equal((await browser.logIn('linus@example.com', FACTORY_PASSWORD)).statusCode, 200);
      const token = browser.cookie('bb_session');
      assert.ok(token);
      const res = await browser.post('/api/v1/auth/logout');
      assert.equal(res.statusCode, 204);
      assert.equal(browser.cookie('bb_session'), undefined);
      assert.equal((await browser.me()).member, null);
      const replay = createBrowserSession(t.app, { remoteAddress: nextIp() });
      replay.setCookie('bb_session', token);
      assert.equal((await replay.me()).member, null);
    });

    test('a cookie-authenticated state change without the CSRF token is refused', async () => {
      await createMember(t.db, t.workspace.id, { role: 'admin', email: 'csrf-admin@example.com' });
      const browser = createBrowserSession(t.app, { remoteAddress: nextIp() });
      assert.equal((await browser.logIn('csrf-admin@example.com', FACTORY_PASSWORD)).statusCode, 200);
      const forged = await browser.request({ method: 'POST', url: '/api/v1/boards', payload: { name: 'Forged' }, withoutCsrf: true });
      assert.equal(forged.statusCode, 403);
      assert.equal(forged.json().code, 'csrf_invalid');
      const badToken = await browser.request({ method: 'PATCH', url: '/api/v1/workspace', payload: { name: 'Forged' }, withoutCsrf: true, headers: { 'x-csrf-token': 'made-up' } });
      assert.equal(badToken.statusCode, 403);
      assert.equal((await t.db.selectFrom('boards').select('id').where('name', '=', 'Forged').execute()).length, 0);
      const genuine = await browser.post('/api/v1/boards', { name: 'Genuine' });
      assert.equal(genuine.statusCode, 201, genuine.body);
    });

    test('sign-in is rate limited per address', async () => {
      const browser = createBrowserSession(t.app, { remoteAddress: nextIp() });
      await browser.me();
      const codes: number[] = [];
      for (let i = 0; i < 11; i++) {
        codes.push((await browser.post('/api/v1/auth/login', { email: 'nobody@example.com', password: 'guess number ' + i })).statusCode);
      }
      assert.deepEqual(codes.slice(0, 10), Array(10).fill(401));
      assert.equal(codes[10], 429);
      // another address is not affected
      const other = createBrowserSession(t.app, { remoteAddress: nextIp() });
      assert.equal((await other.post('/api/v1/auth/login', { email: 'nobody@example.com', password: 'x' })).statusCode, 401);
    });

    test('identify: name + email gives a person session, only when the workspace allows it', async () => {
      const browser = createBrowserSession(t.app, { remoteAddress: nextIp() });
      const res = await browser.post('/api/v1/auth/identify', { email: 'Visitor@Example.com', name: 'Vera Visitor' });
      assert.equal(res.statusCode, 200, res.body);
      const person = res.json().person;
      assert.deepEqual(person, { id: person.id, email: 'visitor@example.com', name: 'Vera Visitor' });
      assert.deepEqual((await browser.me()).person, person);

      // the same email is the same person; an anonymous visitor cannot rename them
      const again = await createBrowserSession(t.app, { remoteAddress: nextIp() }).post('/api/v1/auth/identify', { email: 'visitor@example.com', name: 'Someone Else' });
      assert.deepEqual(again.json().person, person);

      const bad = await browser.post('/api/v1/auth/identify', { email: 'visitor@example.com' });
      assert.equal(bad.statusCode, 400);
      assert.deepEqual(bad.json().errors, [{ field: 'name', message: "must have required property 'name'" }]);

      const admin = await createApiKey(t.db, t.workspace.id, 'admin');
      const off = await t.app.inject({ method: 'PATCH', url: '/api/v1/workspace', headers: bearer(admin), payload: { allowAnonymous: false } });
      assert.equal(off.json().allowAnonymous, false);
      try {
        const refused = await createBrowserSession(t.app, { remoteAddress: nextIp() }).post('/api/v1/auth/identify', { email: 'new@example.com', name: 'New' });
        assert.equal(refused.statusCode, 403);
        assert.equal(refused.json().code, 'anonymous_not_allowed');
        assert.equal(await t.db.selectFrom('people').select('id').where('email', '=', 'new@example.com').executeTakeFirst(), undefined);
      } finally {
        await t.app.inject({ method: 'PATCH', url: '/api/v1/workspace', headers: bearer(admin), payload: { allowAnonymous: true } });
      }
    });
  });
}
