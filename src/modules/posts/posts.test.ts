import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { testTargets } from '../../../test/db.ts';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import { bearer, createApiKey, createMember } from '../../../test/factories/team.ts';
import { memberHeaders } from '../../../test/factories/content.ts';

// The stable contract of issue 2, end to end over HTTP with an API key.
for (const target of testTargets()) {
  describe(`posts API contract [${target.name}]`, () => {
    let t: TestApp;
    let admin: Record<string, string>;
    let boardId: string;

    before(async () => {
      t = await createTestApp(target);
      admin = bearer(await createApiKey(t.db, t.workspace.id, 'admin'));
      const board = await t.app.inject({ method: 'POST', url: '/api/v1/boards', headers: admin, payload: { name: 'Ideas', visibility: 'public' } });
      boardId = board.json().id;
    });
    after(() => t.close());

    test('create, list, get, patch status, vote, unvote, comment', async () => {
      const created = await t.app.inject({
        method: 'POST', url: '/api/v1/posts', headers: admin,
        payload: { boardId, title: 'Dark mode for the dashboard', body: 'Our team works at **night**.', author: { email: 'Ana@Example.com', name: 'Ana' } },
      });
      assert.equal(created.statusCode, 201, created.body);
      const post = created.json();
      assert.match(post.id, /^[0-9a-f-]{36}$/);
      assert.equal(post.voteCount, 1, 'the author votes for their own post');
      assert.equal(post.status.slug, 'open');
      assert.equal(post.source, 'api');
      assert.deepEqual(post.author, { id: post.author.id, name: 'Ana' });
      assert.equal(post.bodyHtml, '<p>Our team works at <strong>night</strong>.</p>\n');
      assert.equal((await t.db.selectFrom('boards').select('post_count').where('id', '=', boardId).executeTakeFirstOrThrow()).post_count, 1);

      const list = await t.app.inject({ method: 'GET', url: `/api/v1/posts?boardId=${boardId}&sort=top&status=open&q=dark&limit=10`, headers: admin });
      assert.equal(list.statusCode, 200, list.body);
      const page = list.json();
      assert.equal(page.nextCursor, null);
      assert.equal(page.items.length, 1);
      const item = page.items[0];
      for (const key of ['id', 'title', 'status', 'voteCount', 'commentCount', 'createdAt']) assert.ok(key in item, key);
      assert.equal(item.id, post.id);
      assert.equal(item.excerpt, 'Our team works at night.');
      // the contract's URL with every parameter present but empty is a plain listing
      const empty = await t.app.inject({ method: 'GET', url: '/api/v1/posts?boardId=&sort=top&status=&q=&limit=&cursor=', headers: admin });
      assert.equal(empty.statusCode, 200, empty.body);
      assert.equal(empty.json().items.length, 1);

      const got = await t.app.inject({ method: 'GET', url: `/api/v1/posts/${post.id}`, headers: admin });
      assert.equal(got.statusCode, 200);
      assert.deepEqual(got.json().can, { edit: true, delete: true, changeStatus: true, vote: true, comment: true, comment_internal: true, merge: true, unmerge: false });

      const patched = await t.app.inject({ method: 'PATCH', url: `/api/v1/posts/${post.id}`, headers: admin, payload: { status: 'planned', statusMessage: 'Coming in **Q3**' } });
      assert.equal(patched.statusCode, 200, patched.body);
      assert.equal(patched.json().status.slug, 'planned');
      const [change] = patched.json().history;
      assert.equal(change.from.slug, 'open');
      assert.equal(change.to.slug, 'planned');
      assert.equal(change.message, 'Coming in **Q3**');
      assert.equal(change.bodyHtml, '<p>Coming in <strong>Q3</strong></p>\n');

      const vote = () => t.app.inject({ method: 'POST', url: `/api/v1/posts/${post.id}/votes`, headers: admin, payload: { voter: { email: 'bo@example.com', name: 'Bo' }, importance: 2 } });
      assert.deepEqual((await vote()).json(), { voteCount: 2, hasVoted: true });
      assert.deepEqual((await vote()).json(), { voteCount: 2, hasVoted: true }, 'voting twice keeps one vote');
      const unvote = await t.app.inject({ method: 'DELETE', url: `/api/v1/posts/${post.id}/votes?email=BO@example.com`, headers: admin });
      assert.deepEqual(unvote.json(), { voteCount: 1, hasVoted: false });
      const again = await t.app.inject({ method: 'DELETE', url: `/api/v1/posts/${post.id}/votes?email=bo@example.com`, headers: admin });
      assert.deepEqual(again.json(), { voteCount: 1, hasVoted: false }, 'removing a missing vote changes nothing');

      const comment = await t.app.inject({ method: 'POST', url: `/api/v1/posts/${post.id}/comments`, headers: admin, payload: { body: 'Thanks, noted!', author: { email: 'cy@example.com' } } });
      assert.equal(comment.statusCode, 201, comment.body);
      assert.equal(comment.json().bodyHtml, '<p>Thanks, noted!</p>\n');
      const final = (await t.app.inject({ method: 'GET', url: `/api/v1/posts/${post.id}`, headers: admin })).json();
      assert.equal(final.commentCount, 1);
      assert.equal(final.voteCount, 1);
    });

    test('the routes are documented in the OpenAPI document', async () => {
      const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
      for (const path of ['/api/v1/posts', '/api/v1/posts/{id}', '/api/v1/posts/{id}/votes', '/api/v1/posts/{id}/comments', '/api/v1/comments/{id}', '/api/v1/statuses', '/api/v1/tags']) {
        assert.ok(doc.paths[path], path);
      }
      assert.ok(doc.paths['/api/v1/posts'].get.parameters.some((p: { name: string }) => p.name === 'cursor'));
    });

    test('PATCH edits title, body and tags, and moves the post between boards with both counts right', async () => {
      const other = (await t.app.inject({ method: 'POST', url: '/api/v1/boards', headers: admin, payload: { name: 'Bugs' } })).json();
      const tag = (await t.app.inject({ method: 'POST', url: '/api/v1/tags', headers: admin, payload: { name: 'UX', color: '#112233' } })).json();
      const post = (await t.app.inject({ method: 'POST', url: '/api/v1/posts', headers: admin, payload: { boardId, title: 'Move me' } })).json();
      assert.equal(post.voteCount, 0, 'an API key without an author is nobody who could vote');
      assert.equal(post.author, null);
      const counts = async () => Object.fromEntries((await t.db.selectFrom('boards').select(['id', 'post_count']).execute()).map((b) => [b.id, b.post_count]));
      const before = await counts();
      const res = await t.app.inject({
        method: 'PATCH', url: `/api/v1/posts/${post.id}`, headers: admin,
        payload: { title: '  Moved and renamed  ', body: 'New body', tags: [tag.id], boardId: other.id },
      });
      assert.equal(res.statusCode, 200, res.body);
      const moved = res.json();
      assert.equal(moved.title, 'Moved and renamed');
      assert.equal(moved.body, 'New body');
      assert.deepEqual(moved.tags, [{ id: tag.id, name: 'UX', color: '#112233' }]);
      assert.equal(moved.board.id, other.id);
      assert.deepEqual(moved.history, [], 'no status change, no history');
      const afterMove = await counts();
      assert.equal(afterMove[boardId], before[boardId] - 1);
      assert.equal(afterMove[other.id], before[other.id] + 1);

      const tagged = await t.app.inject({ method: 'GET', url: `/api/v1/posts?tag=${tag.id}`, headers: admin });
      assert.deepEqual(tagged.json().items.map((p: { id: string }) => p.id), [post.id]);
    });

    test('a status may be named by id, slug, kind or name, when setting and when filtering', async () => {
      const post = (await t.app.inject({ method: 'POST', url: '/api/v1/posts', headers: admin, payload: { boardId, title: 'Status naming' } })).json();
      const setTo = async (status: string) => (await t.app.inject({ method: 'PATCH', url: `/api/v1/posts/${post.id}`, headers: admin, payload: { status } })).json().status.slug;
      assert.equal(await setTo('in_progress'), 'in-progress');
      assert.equal(await setTo('Under review'), 'under-review');
      assert.equal(await setTo('SHIPPED'), 'shipped');
      const listed = await t.app.inject({ method: 'GET', url: `/api/v1/posts?status=${encodeURIComponent('Shipped')}`, headers: admin });
      assert.deepEqual(listed.json().items.map((p: { id: string }) => p.id), [post.id]);
      const history = (await t.app.inject({ method: 'GET', url: `/api/v1/posts/${post.id}`, headers: admin })).json().history;
      assert.deepEqual(history.map((h: { from: { slug: string }; to: { slug: string } }) => [h.from.slug, h.to.slug]),
        [['open', 'in-progress'], ['in-progress', 'under-review'], ['under-review', 'shipped']], 'oldest first');
    });

    test('soft delete hides the post and restore brings it back, with the board count following', async () => {
      const post = (await t.app.inject({ method: 'POST', url: '/api/v1/posts', headers: admin, payload: { boardId, title: 'Short lived' } })).json();
      const count = async () => (await t.db.selectFrom('boards').select('post_count').where('id', '=', boardId).executeTakeFirstOrThrow()).post_count;
      const start = await count();
      assert.equal((await t.app.inject({ method: 'DELETE', url: `/api/v1/posts/${post.id}`, headers: admin })).statusCode, 204);
      assert.equal((await t.app.inject({ method: 'DELETE', url: `/api/v1/posts/${post.id}`, headers: admin })).statusCode, 204, 'idempotent');
      assert.equal(await count(), start - 1);
      assert.equal((await t.app.inject({ method: 'GET', url: `/api/v1/posts/${post.id}` })).statusCode, 404, 'gone for the public');
      const team = await t.app.inject({ method: 'GET', url: `/api/v1/posts/${post.id}`, headers: admin });
      assert.ok(team.json().deletedAt, 'the team still sees it, marked deleted');
      const listed = async (query: string) => (await t.app.inject({ method: 'GET', url: `/api/v1/posts?boardId=${boardId}${query}`, headers: admin })).json().items.some((p: { id: string }) => p.id === post.id);
      assert.equal(await listed(''), false);
      assert.equal(await listed('&includeDeleted=true'), true);
      const vote = await t.app.inject({ method: 'POST', url: `/api/v1/posts/${post.id}/votes`, headers: admin, payload: { voter: { email: 'x@example.com' } } });
      assert.equal(vote.statusCode, 409);
      assert.equal(vote.json().code, 'post_deleted');

      const restored = await t.app.inject({ method: 'POST', url: `/api/v1/posts/${post.id}/restore`, headers: admin });
      assert.equal(restored.statusCode, 200);
      assert.equal(restored.json().deletedAt, null);
      assert.equal(await count(), start);
    });

    test('team members post on behalf of customers with a source channel, and history names the member', async () => {
      const member = await createMember(t.db, t.workspace.id, { role: 'member', name: 'Mia Member' });
      const headers = await memberHeaders(t, member.id);

      const onBehalf = await t.app.inject({ method: 'POST', url: '/api/v1/posts', headers, payload: { boardId, title: 'From a call', author: { email: 'dee@example.com', name: 'Dee' }, source: 'Intercom' } });
      assert.equal(onBehalf.statusCode, 201, onBehalf.body);
      assert.equal(onBehalf.json().source, 'intercom');
      assert.equal(onBehalf.json().author.name, 'Dee');
      const vote = await t.db.selectFrom('votes').innerJoin('people', 'people.id', 'votes.person_id').select(['people.email', 'votes.voted_by_member_id'])
        .where('votes.post_id', '=', onBehalf.json().id).executeTakeFirstOrThrow();
      assert.deepEqual(vote, { email: 'dee@example.com', voted_by_member_id: member.id });

      const own = await t.app.inject({ method: 'POST', url: '/api/v1/posts', headers, payload: { boardId, title: 'My own idea' } });
      assert.equal(own.json().source, 'admin');
      assert.deepEqual(own.json().author, { id: member.id, name: 'Mia Member' });

      const patched = await t.app.inject({ method: 'PATCH', url: `/api/v1/posts/${own.json().id}`, headers, payload: { status: 'shipped' } });
      assert.deepEqual(patched.json().history.map((h: { actor: unknown }) => h.actor), [{ name: 'Mia Member' }]);
    });
  });
}
