import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { testTargets } from '../../../test/db.ts';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import { bearer, createApiKey, createMember, createPerson } from '../../../test/factories/team.ts';
import { castVote, createBoard, createTestPost, memberHeaders, personHeaders } from '../../../test/factories/content.ts';
import { createTokenSigner } from './index.ts';

for (const target of testTargets()) {
  describe(`subscriptions and preferences [${target.name}]`, () => {
    let t: TestApp;
    let adminKey: string;

    before(async () => {
      t = await createTestApp(target);
      adminKey = await createApiKey(t.db, t.workspace.id, 'admin');
    });
    after(() => t.close());

    const state = async (postId: string, headers: Record<string, string>) =>
      (await t.app.inject({ method: 'GET', url: `/api/v1/posts/${postId}/subscription`, headers })).json();

    test('authors, voters and commenters are subscribed automatically', async () => {
      const voter = await createPerson(t.db, t.workspace.id);
      const commenter = await createPerson(t.db, t.workspace.id);
      const post = await createTestPost(t, { author: 'auto-author@example.com' });
      await castVote(t, post.id, voter.email);
      const comment = await t.app.inject({ method: 'POST', url: `/api/v1/posts/${post.id}/comments`, headers: await personHeaders(t, commenter.id), payload: { body: 'Same here' } });
      assert.equal(comment.statusCode, 201);
      const rows = await t.db.selectFrom('subscriptions').innerJoin('people', 'people.id', 'subscriptions.person_id')
        .select(['people.email', 'subscriptions.reason']).where('post_id', '=', post.id).orderBy('people.email').execute();
      assert.deepEqual(rows.map((r) => [r.email, r.reason]).sort(), [['auto-author@example.com', 'author'], [commenter.email, 'commenter'], [voter.email, 'voter']].sort());
      assert.deepEqual(await state(post.id, await personHeaders(t, voter.id)), { isFollowing: true, reason: 'voter', canFollow: true });
      const mine = (await t.app.inject({ method: 'GET', url: '/api/v1/me/subscriptions', headers: await personHeaders(t, commenter.id) })).json();
      assert.deepEqual(mine.items.map((i: { postId: string; reason: string; url: string }) => [i.postId, i.reason, i.url]), [[post.id, 'commenter', `/p/${post.id}`]]);
    });

    test('follow and unfollow; an unfollow survives a later vote', async () => {
      const person = await createPerson(t.db, t.workspace.id);
      const headers = await personHeaders(t, person.id);
      const post = await createTestPost(t);
      assert.equal((await state(post.id, headers)).isFollowing, false);
      const followed = await t.app.inject({ method: 'PUT', url: `/api/v1/posts/${post.id}/subscription`, headers });
      assert.deepEqual(followed.json(), { isFollowing: true, reason: 'manual', canFollow: true });
      const unfollowed = await t.app.inject({ method: 'DELETE', url: `/api/v1/posts/${post.id}/subscription`, headers });
      assert.equal(unfollowed.json().isFollowing, false);
      await castVote(t, post.id, person.email);
      assert.equal((await state(post.id, headers)).isFollowing, false, 'voting does not undo an explicit unfollow');
      const list = (await t.app.inject({ method: 'GET', url: '/api/v1/me/subscriptions', headers })).json();
      assert.ok(!list.items.some((i: { postId: string }) => i.postId === post.id));
      for (const forged of [['yesterday', crypto.randomUUID()], ['2026-01-01T00:00:00.000000Z', 'not-a-uuid']]) {
        const cursor = Buffer.from(JSON.stringify(forged)).toString('base64url');
        const res = await t.app.inject({ method: 'GET', url: `/api/v1/me/subscriptions?cursor=${cursor}`, headers });
        assert.equal(res.statusCode, 400, `${forged.join(', ')}: ${res.body}`);
      }
    });

    test('who may follow: signed-in people and members; visitors are asked to sign in, API keys refused', async () => {
      const post = await createTestPost(t);
      assert.deepEqual(await state(post.id, {}), { isFollowing: false, reason: null, canFollow: false });
      assert.equal((await t.app.inject({ method: 'PUT', url: `/api/v1/posts/${post.id}/subscription` })).statusCode, 401);
      const byKey = await t.app.inject({ method: 'PUT', url: `/api/v1/posts/${post.id}/subscription`, headers: bearer(adminKey) });
      assert.equal(byKey.statusCode, 403);
      assert.equal(byKey.json().code, 'no_inbox');
      const member = await createMember(t.db, t.workspace.id);
      const asMember = await t.app.inject({ method: 'PUT', url: `/api/v1/posts/${post.id}/subscription`, headers: await memberHeaders(t, member.id) });
      assert.equal(asMember.json().isFollowing, true);
      assert.equal((await t.db.selectFrom('subscriptions').select('member_id').where('post_id', '=', post.id).where('member_id', '=', member.id).execute()).length, 1);
    });

    test('a private board post cannot be followed (or found) by an end user', async () => {
      const board = await createBoard(t, { visibility: 'private' });
      const post = await createTestPost(t, { boardId: board.id, author: null });
      const person = await createPerson(t.db, t.workspace.id);
      const res = await t.app.inject({ method: 'PUT', url: `/api/v1/posts/${post.id}/subscription`, headers: await personHeaders(t, person.id) });
      assert.equal(res.statusCode, 404);
      assert.equal((await t.db.selectFrom('subscriptions').select('id').where('post_id', '=', post.id).execute()).length, 0);
    });

    test('subscribers of a merged post follow the target; unfollowing the target stops both', async () => {
      const person = await createPerson(t.db, t.workspace.id);
      const headers = await personHeaders(t, person.id);
      const source = await createTestPost(t);
      const targetPost = await createTestPost(t);
      await castVote(t, source.id, person.email);
      await t.db.updateTable('posts').set({ merged_into_id: targetPost.id, merged_at: new Date() }).where('id', '=', source.id).execute();
      assert.deepEqual(await state(targetPost.id, headers), { isFollowing: true, reason: 'voter', canFollow: true });
      await t.app.inject({ method: 'DELETE', url: `/api/v1/posts/${targetPost.id}/subscription`, headers });
      assert.equal((await state(targetPost.id, headers)).isFollowing, false);
      const live = await t.db.selectFrom('subscriptions').select('post_id').where('person_id', '=', person.id).where('unsubscribed_at', 'is', null).execute();
      assert.deepEqual(live, []);
    });

    test('email-link tokens open the preferences, change them and list subscriptions without a session', async () => {
      const person = await createPerson(t.db, t.workspace.id, { email: 'prefs@example.com', name: 'Pria' });
      const post = await createTestPost(t);
      await castVote(t, post.id, person.email);
      const signer = await createTokenSigner(t.db);
      const subject = { personId: person.id, memberId: null };
      const all = signer.sign(subject, { type: 'all' });
      const view = (await t.app.inject({ method: 'GET', url: `/api/v1/preferences?token=${all}` })).json();
      assert.deepEqual(view.recipient, { kind: 'person', email: 'prefs@example.com', name: 'Pria' });
      assert.deepEqual(view.preferences, { statusUpdates: true, commentReplies: true, changelog: true, unsubscribedAll: false, digest: 'off' });
      const patched = await t.app.inject({ method: 'PATCH', url: `/api/v1/preferences?token=${all}`, payload: { changelog: false } });
      assert.equal(patched.statusCode, 200);
      assert.equal(patched.json().preferences.changelog, false);
      const subs = (await t.app.inject({ method: 'GET', url: `/api/v1/me/subscriptions?token=${all}` })).json();
      assert.deepEqual(subs.items.map((i: { postId: string }) => i.postId), [post.id]);
      const unfollow = await t.app.inject({ method: 'DELETE', url: `/api/v1/posts/${post.id}/subscription?token=${all}` });
      assert.equal(unfollow.json().isFollowing, false);

      const tampered = all.slice(0, -2) + (all.endsWith('AA') ? 'BB' : 'AA');
      const refused = await t.app.inject({ method: 'GET', url: `/api/v1/preferences?token=${tampered}` });
      assert.equal(refused.statusCode, 401);
      assert.equal(refused.json().code, 'invalid_token');
      const digest = await t.app.inject({ method: 'PATCH', url: `/api/v1/preferences?token=${all}`, payload: { digest: 'daily' } });
      assert.equal(digest.statusCode, 400);
      assert.equal(digest.json().errors[0].field, 'digest');
      for (const payload of [{}, { statusUpdates: 'yes' }, { somethingElse: true }]) {
        assert.equal((await t.app.inject({ method: 'PATCH', url: `/api/v1/preferences?token=${all}`, payload })).statusCode, 400, JSON.stringify(payload));
      }
      const stored = await t.db.selectFrom('notification_preferences').selectAll().where('person_id', '=', person.id).executeTakeFirstOrThrow();
      assert.equal(stored.digest, 'off');
      assert.equal(stored.status_updates, true);
    });

    test('one-click unsubscribe: a form POST with the token only, per scope; GET only opens the page', async () => {
      const person = await createPerson(t.db, t.workspace.id);
      const post = await createTestPost(t);
      await castVote(t, post.id, person.email);
      const signer = await createTokenSigner(t.db);
      const subject = { personId: person.id, memberId: null };
      const oneClick = (token: string) => t.app.inject({
        method: 'POST', url: `/api/v1/unsubscribe?token=${token}`,
        headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: 'List-Unsubscribe=One-Click',
      });
      const category = signer.sign(subject, { type: 'category', category: 'status_updates' });
      const page = await t.app.inject({ method: 'GET', url: `/api/v1/unsubscribe?token=${category}` });
      assert.equal(page.statusCode, 303);
      assert.equal(page.headers.location, `/preferences?token=${category}&unsubscribe=1`);
      assert.equal((await t.db.selectFrom('notification_preferences').select('id').where('person_id', '=', person.id).execute()).length, 0, 'a GET changes nothing');

      const res = await oneClick(category);
      assert.equal(res.statusCode, 200);
      assert.equal(res.json().ok, true);
      const multipart = await t.app.inject({
        method: 'POST', url: `/api/v1/unsubscribe?token=${category}`,
        headers: { 'content-type': 'multipart/form-data; boundary=x' }, payload: '--x\r\nContent-Disposition: form-data; name="List-Unsubscribe"\r\n\r\nOne-Click\r\n--x--\r\n',
      });
      assert.equal(multipart.statusCode, 200, 'idempotent, and multipart bodies are accepted too');
      let prefs = await t.db.selectFrom('notification_preferences').selectAll().where('person_id', '=', person.id).executeTakeFirstOrThrow();
      assert.equal(prefs.status_updates, false);
      assert.equal(prefs.comment_replies, true);

      assert.equal((await oneClick(signer.sign(subject, { type: 'post', postId: post.id }))).statusCode, 200);
      const sub = await t.db.selectFrom('subscriptions').select('unsubscribed_at').where('person_id', '=', person.id).where('post_id', '=', post.id).executeTakeFirstOrThrow();
      assert.ok(sub.unsubscribed_at);

      assert.equal((await oneClick(signer.sign(subject, { type: 'all' }))).statusCode, 200);
      prefs = await t.db.selectFrom('notification_preferences').selectAll().where('person_id', '=', person.id).executeTakeFirstOrThrow();
      assert.ok(prefs.unsubscribed_all_at);
      assert.equal((await oneClick('not-a-real-token-at-all')).statusCode, 401);
    });

    test('cookie sessions need the CSRF token to change subscriptions', async () => {
      const person = await createPerson(t.db, t.workspace.id);
      const post = await createTestPost(t);
      const { cookie } = await personHeaders(t, person.id);
      const forged = await t.app.inject({ method: 'PUT', url: `/api/v1/posts/${post.id}/subscription`, headers: { cookie } });
      assert.equal(forged.statusCode, 403);
      assert.equal((await t.db.selectFrom('subscriptions').select('id').where('person_id', '=', person.id).execute()).length, 0);
    });
  });
}
