import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { testTargets } from '../../../test/db.ts';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import { createBrowserSession, type BrowserSession } from '../../../test/browser-session.ts';
import { bearer, createApiKey, createMember, FACTORY_PASSWORD } from '../../../test/factories/team.ts';
import type { Role } from '../../db/schema.ts';
import { createWorkspace } from '../workspaces/index.ts';
import { startSession } from '../auth/index.ts';
import { contextFor } from '../../../test/factories/content.ts';
import { createMember as createMemberUseCase, deleteMember, updateMember } from './index.ts';

let ip = 0;
const nextIp = () => `10.2.0.${++ip}`;

for (const target of testTargets()) {
  describe(`members API [${target.name}]`, () => {
    let t: TestApp;
    before(async () => {
      t = await createTestApp(target);
    });
    after(() => t.close());

    async function signedIn(role: Role): Promise<{ browser: BrowserSession; id: string }> {
      const member = await createMember(t.db, t.workspace.id, { role });
      const browser = createBrowserSession(t.app, { remoteAddress: nextIp() });
      const res = await browser.logIn(member.email, FACTORY_PASSWORD);
      assert.equal(res.statusCode, 200, res.body);
      return { browser, id: member.id };
    }

    test('the team lists members; outsiders cannot', async () => {
      const { browser } = await signedIn('member');
      const res = await browser.get('/api/v1/members');
      assert.equal(res.statusCode, 200);
      const item = res.json().items[0];
      assert.deepEqual(Object.keys(item).sort(), ['createdAt', 'email', 'id', 'name', 'role']);
      assert.ok(!res.body.includes('scrypt'), 'never the password hash');
      assert.equal((await t.app.inject({ method: 'GET', url: '/api/v1/members' })).statusCode, 403);
      const visitor = createBrowserSession(t.app, { remoteAddress: nextIp() });
      await visitor.post('/api/v1/auth/identify', { email: 'curious@example.com', name: 'Curious' });
      assert.equal((await visitor.get('/api/v1/members')).statusCode, 403);
    });

    test('an admin adds a member who can then sign in; emails are unique per workspace', async () => {
      const { browser } = await signedIn('admin');
      const res = await browser.post('/api/v1/members', { email: 'New.Hire@Example.com', name: ' New Hire ', role: 'member', password: 'a long enough password' });
      assert.equal(res.statusCode, 201, res.body);
      const { id, createdAt, ...rest } = res.json() as Record<string, string>;
      assert.ok(id && createdAt);
      assert.deepEqual(rest, { email: 'new.hire@example.com', name: 'New Hire', role: 'member' });
      const newcomer = createBrowserSession(t.app, { remoteAddress: nextIp() });
      assert.equal((await newcomer.logIn('new.hire@example.com', 'a long enough password')).statusCode, 200);

      const dup = await browser.post('/api/v1/members', { email: 'NEW.HIRE@example.com', name: 'Again', role: 'member', password: 'a long enough password' });
      assert.equal(dup.statusCode, 409);
      assert.deepEqual(dup.json().errors, [{ field: 'email', message: 'is already used by a team member' }]);

      // the same email may exist in another workspace
      const other = await createWorkspace(t.db, { name: 'Other', slug: 'other-members' });
      const otherAdmin = await createApiKey(t.db, other.workspace.id, 'admin');
      const elsewhere = await t.app.inject({ method: 'POST', url: '/api/v1/members', headers: bearer(otherAdmin), payload: { email: 'new.hire@example.com', name: 'Twin', role: 'admin', password: 'a long enough password' } });
      assert.equal(elsewhere.statusCode, 201);
    });

    test('bad input gets field errors and stores nothing', async () => {
      const { browser } = await signedIn('admin');
      const count = async () => (await t.db.selectFrom('members').select('id').execute()).length;
      const before = await count();
      for (const [payload, field] of [
        [{ email: 'x@example.com', name: 'X', role: 'member', password: 'too short' }, 'password'],
        [{ email: 'nope', name: 'X', role: 'member', password: 'long enough pw' }, 'email'],
        [{ email: 'x@example.com', name: 'X', role: 'superuser', password: 'long enough pw' }, 'role'],
        [{ email: 'x@example.com', role: 'member', password: 'long enough pw' }, 'name'],
      ] as const) {
        const res = await browser.post('/api/v1/members', payload);
        assert.equal(res.statusCode, 400, JSON.stringify(payload));
        assert.equal(res.json().errors[0].field, field);
      }
      assert.equal((await browser.patch('/api/v1/members/not-a-uuid', { name: 'X' })).json().errors[0].field, 'id');
      assert.equal(await count(), before);
    });

    test('only owners make, change or remove owners; admins manage everyone else', async () => {
      const { browser: admin } = await signedIn('admin');
      const { browser: owner } = await signedIn('owner');
      const { id: otherOwnerId } = await signedIn('owner');
      const { id: memberId } = await signedIn('member');

      const made = await admin.post('/api/v1/members', { email: 'boss@example.com', name: 'Boss', role: 'owner', password: 'a long enough password' });
      assert.equal(made.statusCode, 403);
      assert.equal(made.json().code, 'owner_only');
      assert.equal((await admin.patch(`/api/v1/members/${memberId}`, { role: 'owner' })).statusCode, 403);
      assert.equal((await admin.patch(`/api/v1/members/${otherOwnerId}`, { role: 'member' })).statusCode, 403);
      assert.equal((await admin.delete(`/api/v1/members/${otherOwnerId}`)).statusCode, 403);
      // renaming an owner is harmless
      assert.equal((await admin.patch(`/api/v1/members/${otherOwnerId}`, { name: 'Renamed Owner' })).json().name, 'Renamed Owner');

      const promoted = await admin.patch(`/api/v1/members/${memberId}`, { role: 'admin' });
      assert.equal(promoted.json().role, 'admin');
      assert.equal((await owner.post('/api/v1/members', { email: 'co-owner@example.com', name: 'Co', role: 'owner', password: 'a long enough password' })).statusCode, 201);
      assert.equal((await owner.patch(`/api/v1/members/${otherOwnerId}`, { role: 'admin' })).json().role, 'admin');

      const apiAdmin = await createApiKey(t.db, t.workspace.id, 'admin');
      const byKey = await t.app.inject({ method: 'PATCH', url: `/api/v1/members/${memberId}`, headers: bearer(apiAdmin), payload: { role: 'owner' } });
      assert.equal(byKey.statusCode, 403, 'an API key is not an owner');
      const { browser: plain } = await signedIn('member');
      assert.equal((await plain.patch(`/api/v1/members/${memberId}`, { name: 'X' })).statusCode, 403);
    });

    test('the last owner can be neither demoted nor removed, even when two owners race', async () => {
      const ws = await createWorkspace(t.db, { name: 'Solo', slug: 'solo-owner' });
      const a = await createMember(t.db, ws.workspace.id, { role: 'owner', email: 'a@solo.example' });
      const b = await createMember(t.db, ws.workspace.id, { role: 'owner', email: 'b@solo.example' });
      // the app's anonymous visitors land in the default workspace, so these owners get their sessions directly
      const browsers = await Promise.all([a, b].map(async (m) => {
        const s = await startSession(t.db, { workspaceId: ws.workspace.id, memberId: m.id, previousSessionId: null, now: new Date() });
        const browser = createBrowserSession(t.app, { remoteAddress: nextIp() });
        browser.setCookie('bb_session', s.token);
        await browser.me();
        return browser;
      }));
      const [ra, rb] = await Promise.all([
        browsers[0].patch(`/api/v1/members/${b.id}`, { role: 'admin' }),
        browsers[1].patch(`/api/v1/members/${a.id}`, { role: 'admin' }),
      ]);
      // whoever's change lands first demoted the other, who is then no longer an owner: 403
      assert.deepEqual([ra.statusCode, rb.statusCode].sort(), [200, 403]);
      assert.equal((ra.statusCode === 403 ? ra : rb).json().code, 'owner_only');
      const owners = await t.db.selectFrom('members').select('id').where('workspace_id', '=', ws.workspace.id).where('role', '=', 'owner').execute();
      assert.equal(owners.length, 1);
      const last = owners[0].id;
      const lastBrowser = last === a.id ? browsers[0] : browsers[1];
      const demote = await lastBrowser.patch(`/api/v1/members/${last}`, { role: 'admin' });
      assert.equal(demote.statusCode, 409);
      assert.equal(demote.json().code, 'last_owner');
      assert.equal((await lastBrowser.delete(`/api/v1/members/${last}`)).json().code, 'last_owner');
    });

    test('an owner demoted after their request was authenticated can no longer act as one', async () => {
      const ws = await createWorkspace(t.db, { name: 'Stale', slug: 'stale-owner' });
      const [a, b] = await Promise.all(['a', 'b'].map((n) => createMember(t.db, ws.workspace.id, { role: 'owner', email: `${n}@stale.example` })));
      // b's request was authenticated as an owner; then a demoted b
      const stale = contextFor(t, { kind: 'member', workspaceId: ws.workspace.id, memberId: b.id, role: 'owner' });
      await t.db.updateTable('members').set({ role: 'admin' }).where('id', '=', b.id).execute();
      const refused = async (action: Promise<unknown>) => assert.equal(((await action.then(() => null, (e: unknown) => e)) as { code?: string } | null)?.code, 'owner_only');
      await refused(updateMember(stale, a.id, { role: 'admin' }));
      await refused(deleteMember(stale, a.id));
      await refused(createMemberUseCase(stale, { email: 'c@stale.example', name: 'C', role: 'owner', password: 'a-long-password-1' }));
      // what an admin may do still works
      const added = await createMemberUseCase(stale, { email: 'd@stale.example', name: 'D', role: 'member', password: 'a-long-password-1' });
      assert.equal(added.role, 'member');
      // removed meanwhile: nothing at all
      await t.db.deleteFrom('members').where('id', '=', b.id).execute();
      const gone = await updateMember(stale, added.id, { role: 'admin' }).then(() => null, (e: unknown) => e);
      assert.equal((gone as { status?: string; code?: string }).code, 'forbidden');
    });

    test('removing a member signs them out everywhere; other workspaces cannot touch members', async () => {
      const { browser: admin } = await signedIn('admin');
      const { browser: leaver, id } = await signedIn('member');
      assert.equal((await leaver.me()).member?.id, id);

      const other = await createWorkspace(t.db, { name: 'Other', slug: 'other-members-2' });
      const foreign = await createApiKey(t.db, other.workspace.id, 'admin');
      assert.equal((await t.app.inject({ method: 'DELETE', url: `/api/v1/members/${id}`, headers: bearer(foreign) })).statusCode, 404);
      assert.equal((await t.app.inject({ method: 'PATCH', url: `/api/v1/members/${id}`, headers: bearer(foreign), payload: { role: 'admin' } })).statusCode, 404);

      assert.equal((await admin.delete(`/api/v1/members/${id}`)).statusCode, 204);
      assert.equal((await t.db.selectFrom('sessions').select('id').where('member_id', '=', id).execute()).length, 0);
      assert.equal((await leaver.me()).member, null);
      assert.equal((await admin.delete(`/api/v1/members/${id}`)).statusCode, 404);
    });
  });
}
