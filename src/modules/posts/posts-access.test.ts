import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { testTargets } from '../../../test/db.ts';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import { bearer, createApiKey } from '../../../test/factories/team.ts';
import { createBoard, createCustomer, createTestPost, personHeaders, setAllowAnonymous } from '../../../test/factories/content.ts';
import { createWorkspace } from '../workspaces/index.ts';

for (const target of testTargets()) {
  describe(`posts access and validation [${target.name}]`, () => {
    let t: TestApp;
    let admin: Record<string, string>;
    let boardId: string;

    before(async () => {
      t = await createTestApp(target);
      admin = bearer(await createApiKey(t.db, t.workspace.id, 'admin'));
      boardId = (await createBoard(t)).id;
    });
    after(() => t.close());

    test('workspaces never cross: another workspace\'s key gets 404 for everything of ours', async () => {
      const post = await createTestPost(t, { boardId });
      const other = await createWorkspace(t.db, { name: 'Other', slug: 'other-ws' });
      const theirs = bearer(await createApiKey(t.db, other.workspace.id, 'admin'));
      const calls = [
        { method: 'GET', url: `/api/v1/posts/${post.id}` },
        { method: 'PATCH', url: `/api/v1/posts/${post.id}`, payload: { title: 'Hijacked' } },
        { method: 'DELETE', url: `/api/v1/posts/${post.id}` },
        { method: 'POST', url: `/api/v1/posts/${post.id}/restore` },
        { method: 'POST', url: `/api/v1/posts/${post.id}/votes`, payload: { voter: { email: 'x@example.com' } } },
        { method: 'DELETE', url: `/api/v1/posts/${post.id}/votes?email=x@example.com` },
        { method: 'GET', url: `/api/v1/posts/${post.id}/votes` },
        { method: 'GET', url: `/api/v1/posts/${post.id}/comments` },
        { method: 'POST', url: `/api/v1/posts/${post.id}/comments`, payload: { body: 'hi' } },
        { method: 'GET', url: `/api/v1/posts?boardId=${boardId}` },
      ] as const;
      for (const call of calls) {
        const res = await t.app.inject({ ...call, headers: theirs });
        assert.equal(res.statusCode, 404, `${call.method} ${call.url}: ${res.body}`);
      }
      const create = await t.app.inject({ method: 'POST', url: '/api/v1/posts', headers: theirs, payload: { boardId, title: 'Into their board' } });
      assert.equal(create.statusCode, 400);
      assert.equal(create.json().errors[0].field, 'boardId');
      const list = await t.app.inject({ method: 'GET', url: '/api/v1/posts?limit=100', headers: theirs });
      assert.deepEqual(list.json().items, []);
      const row = await t.db.selectFrom('posts').select(['title', 'vote_count', 'comment_count', 'deleted_at']).where('id', '=', post.id).executeTakeFirstOrThrow();
      assert.deepEqual(row, { title: post.title, vote_count: 1, comment_count: 0, deleted_at: null });
    });

    test('a private board\'s posts do not exist for anonymous visitors and end users', async () => {
      const secret = await createBoard(t, { visibility: 'private' });
      const post = await createTestPost(t, { boardId: secret.id });
      const person = await personHeaders(t, (await createCustomer(t)).id);
      for (const headers of [{}, person]) {
        assert.equal((await t.app.inject({ method: 'GET', url: `/api/v1/posts/${post.id}`, headers })).statusCode, 404);
        assert.equal((await t.app.inject({ method: 'GET', url: `/api/v1/posts/${post.id}/comments`, headers })).statusCode, 404);
        assert.equal((await t.app.inject({ method: 'POST', url: `/api/v1/posts/${post.id}/votes`, headers, payload: {} })).statusCode, 404);
        const listed = (await t.app.inject({ method: 'GET', url: '/api/v1/posts?limit=100', headers })).json().items;
        assert.ok(!listed.some((p: { id: string }) => p.id === post.id));
        const create = await t.app.inject({ method: 'POST', url: '/api/v1/posts', headers, payload: { boardId: secret.id, title: 'Sneaky', author: headers === person ? undefined : { email: 'a@example.com' } } });
        assert.equal(create.statusCode, 400);
        assert.equal(create.json().errors[0].field, 'boardId');
      }
      assert.equal((await t.app.inject({ method: 'GET', url: `/api/v1/posts/${post.id}`, headers: admin })).statusCode, 200);
    });

    test('anonymous posting follows the workspace flag and needs a name and email', async () => {
      await setAllowAnonymous(t, true);
      const ok = await t.app.inject({ method: 'POST', url: '/api/v1/posts', payload: { boardId, title: 'Anonymous idea', author: { email: ' Visitor@Example.com', name: 'Vic' } } });
      assert.equal(ok.statusCode, 400, 'an email with spaces is not an email');
      const created = await t.app.inject({ method: 'POST', url: '/api/v1/posts', payload: { boardId, title: 'Anonymous idea', author: { email: 'Visitor@Example.com', name: 'Vic', externalId: 'claimed' } } });
      assert.equal(created.statusCode, 201, created.body);
      assert.equal(created.json().source, 'portal');
      assert.equal(created.json().voteCount, 1);
      assert.equal(created.json().author.name, 'Vic');
      const person = await t.db.selectFrom('people').selectAll().where('id', '=', created.json().author.id).executeTakeFirstOrThrow();
      assert.equal(person.email, 'visitor@example.com');
      assert.equal(person.external_id, null, 'a visitor cannot claim an external id');
      assert.deepEqual(created.json().can, { edit: false, delete: false, changeStatus: false, vote: true, comment: true, comment_internal: false, merge: false, unmerge: false });

      const nameless = await t.app.inject({ method: 'POST', url: '/api/v1/posts', payload: { boardId, title: 'No identity' } });
      assert.equal(nameless.statusCode, 400);
      assert.equal(nameless.json().errors[0].field, 'author.email');

      await setAllowAnonymous(t, false);
      const refused = await t.app.inject({ method: 'POST', url: '/api/v1/posts', payload: { boardId, title: 'Anonymous idea 2', author: { email: 'visitor2@example.com' } } });
      assert.equal(refused.statusCode, 401);
      assert.equal(refused.json().code, 'sign_in_required');
      assert.equal(await t.db.selectFrom('people').select('id').where('email', '=', 'visitor2@example.com').executeTakeFirst(), undefined);
      const got = await t.app.inject({ method: 'GET', url: `/api/v1/posts/${created.json().id}` });
      assert.equal(got.json().can.vote, false, 'anonymous visitors may no longer vote');
      await setAllowAnonymous(t, true);
    });

    test('end users post as themselves, never for someone else; read-only keys cannot post', async () => {
      const me = await createCustomer(t, { name: 'Pat' });
      const headers = await personHeaders(t, me.id);
      const res = await t.app.inject({ method: 'POST', url: '/api/v1/posts', headers, payload: { boardId, title: 'My own request' } });
      assert.equal(res.statusCode, 201, res.body);
      assert.deepEqual(res.json().author, { id: me.id, name: 'Pat' });
      assert.equal(res.json().hasVoted, true);
      for (const payload of [
        { boardId, title: 'Impersonation', author: { email: 'ceo@example.com' } },
        { boardId, title: 'Self tagged', tags: [crypto.randomUUID()] },
        { boardId, title: 'Fake source', source: 'email' },
      ]) {
        const refused = await t.app.inject({ method: 'POST', url: '/api/v1/posts', headers, payload });
        assert.equal(refused.statusCode, 403, JSON.stringify(payload));
      }
      assert.equal((await t.app.inject({ method: 'PATCH', url: `/api/v1/posts/${res.json().id}`, headers, payload: { title: 'Edited by me' } })).statusCode, 403);
      const reader = bearer(await createApiKey(t.db, t.workspace.id, 'read'));
      assert.equal((await t.app.inject({ method: 'POST', url: '/api/v1/posts', headers: reader, payload: { boardId, title: 'Read only' } })).statusCode, 403);
      assert.equal((await t.app.inject({ method: 'GET', url: `/api/v1/posts/${res.json().id}`, headers: reader })).json().can.edit, false);
    });

    test('bad input gets field errors and stores nothing', async () => {
      const tag = (await t.app.inject({ method: 'POST', url: '/api/v1/tags', headers: admin, payload: { name: 'Valid' } })).json();
      const snapshot = async () => ({
        posts: (await t.db.selectFrom('posts').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n,
        people: (await t.db.selectFrom('people').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n,
        votes: (await t.db.selectFrom('votes').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n,
        boardCount: (await t.db.selectFrom('boards').select('post_count').where('id', '=', boardId).executeTakeFirstOrThrow()).post_count,
      });
      const before = await snapshot();
      const author = { email: 'new-person@example.com', name: 'New' };
      const cases: Array<[Record<string, unknown>, string]> = [
        [{ boardId, title: 'ab', author }, 'title'],
        [{ boardId, title: '   ab   ', author }, 'title'],
        [{ boardId, title: 'x'.repeat(201), author }, 'title'],
        [{ boardId, title: 'Fine title', body: 'b'.repeat(20001), author }, 'body'],
        [{ title: 'No board', author }, 'boardId'],
        [{ boardId: 'not-a-uuid', title: 'Bad board', author }, 'boardId'],
        [{ boardId: crypto.randomUUID(), title: 'Unknown board', author }, 'boardId'],
        [{ boardId, title: 'Bad email', author: { email: 'not-an-email' } }, 'author.email'],
        [{ boardId, title: 'Unknown tag', author, tags: [crypto.randomUUID()] }, 'tags'],
        [{ boardId, title: 'Bad tag id', author, tags: [tag.id, 'nope'] }, 'tags.1'],
        [{ boardId, title: 'Bad source', author, source: 'has spaces' }, 'source'],
      ];
      for (const [payload, field] of cases) {
        const res = await t.app.inject({ method: 'POST', url: '/api/v1/posts', headers: admin, payload });
        assert.equal(res.statusCode, 400, `${JSON.stringify(payload).slice(0, 80)} → ${res.body}`);
        assert.equal(res.json().errors[0].field, field, res.body);
      }
      const post = await createTestPost(t, { boardId });
      for (const [payload, field] of [[{}, 'body'], [{ title: 'no' }, 'title'], [{ status: 'nope' }, 'status'], [{ statusMessage: 'why' }, 'statusMessage'], [{ tags: [crypto.randomUUID()] }, 'tags'], [{ boardId: crypto.randomUUID() }, 'boardId']] as const) {
        const res = await t.app.inject({ method: 'PATCH', url: `/api/v1/posts/${post.id}`, headers: admin, payload });
        assert.equal(res.statusCode, 400, JSON.stringify(payload));
        assert.equal(res.json().errors[0].field, field);
      }
      const after = await snapshot();
      assert.deepEqual(after, { posts: before.posts + 1, people: before.people + 1, votes: before.votes + 1, boardCount: before.boardCount + 1 }, 'only the factory post was stored');
      const unchanged = await t.db.selectFrom('posts').select(['title', 'status_id', 'board_id']).where('id', '=', post.id).executeTakeFirstOrThrow();
      assert.equal(unchanged.title, post.title);
      assert.equal(unchanged.status_id, post.status.id);
      assert.equal(unchanged.board_id, boardId);
      assert.equal((await t.app.inject({ method: 'GET', url: '/api/v1/posts/not-a-uuid' })).statusCode, 400);
      assert.equal((await t.app.inject({ method: 'GET', url: `/api/v1/posts/${crypto.randomUUID()}` })).statusCode, 404);
    });

    test('an end user may create 20 posts a minute; the 21st is rate limited', async () => {
      const headers = await personHeaders(t, (await createCustomer(t)).id);
      for (let i = 0; i < 20; i++) {
        const res = await t.app.inject({ method: 'POST', url: '/api/v1/posts', headers, payload: { boardId, title: `Burst ${i}` } });
        assert.equal(res.statusCode, 201, res.body);
      }
      const limited = await t.app.inject({ method: 'POST', url: '/api/v1/posts', headers, payload: { boardId, title: 'One too many' } });
      assert.equal(limited.statusCode, 429);
      assert.equal(limited.json().code, 'rate_limited');
    });

    test('hostile markdown is rendered inert', async () => {
      const post = await createTestPost(t, { boardId, body: '<script>alert(1)</script> [x](javascript:alert(1)) <img src=x onerror=alert(1)>' });
      const got = (await t.app.inject({ method: 'GET', url: `/api/v1/posts/${post.id}` })).json();
      assert.ok(!/<script|<img|href="javascript/i.test(got.bodyHtml), got.bodyHtml);
      assert.match(got.bodyHtml, /&lt;script&gt;/);
    });
  });
}
