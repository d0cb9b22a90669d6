import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { testTargets } from '../../../test/db.ts';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import { bearer, createApiKey, createMember } from '../../../test/factories/team.ts';
import { createBoard, createCustomer, createTestPost, memberHeaders, personHeaders, setAllowAnonymous } from '../../../test/factories/content.ts';

type CommentJson = { id: string; parentId: string | null; body: string; bodyHtml: string; internal: boolean; author: { name: string; isTeam: boolean }; deletedAt: string | null };

for (const target of testTargets()) {
  describe(`comments [${target.name}]`, () => {
    let t: TestApp;
    let admin: Record<string, string>;
    let boardId: string;
    let team: Record<string, string>;
    let pat: Record<string, string>;
    let patId: string;

    before(async () => {
      t = await createTestApp(target);
      admin = bearer(await createApiKey(t.db, t.workspace.id, 'admin'));
      boardId = (await createBoard(t)).id;
      team = await memberHeaders(t, (await createMember(t.db, t.workspace.id, { role: 'member', name: 'Tess Team' })).id);
      patId = (await createCustomer(t, { name: 'Pat' })).id;
      pat = await personHeaders(t, patId);
    });
    after(() => t.close());

    const url = (postId: string) => `/api/v1/posts/${postId}/comments`;
    const commentCount = async (postId: string) => (await t.db.selectFrom('posts').select('comment_count').where('id', '=', postId).executeTakeFirstOrThrow()).comment_count;
    const listAs = async (postId: string, headers: Record<string, string>) => (await t.app.inject({ method: 'GET', url: url(postId), headers })).json().items as CommentJson[];

    test('people and the team comment in markdown; internal notes stay inside the team', async () => {
      const post = await createTestPost(t, { boardId });
      const mine = await t.app.inject({ method: 'POST', url: url(post.id), headers: pat, payload: { body: 'Me **too**! <script>alert(1)</script>' } });
      assert.equal(mine.statusCode, 201, mine.body);
      assert.deepEqual(mine.json().author, { name: 'Pat', isTeam: false });
      assert.equal(mine.json().bodyHtml, '<p>Me <strong>too</strong>! &lt;script&gt;alert(1)&lt;/script&gt;</p>\n');
      const reply = await t.app.inject({ method: 'POST', url: url(post.id), headers: team, payload: { body: 'Thanks Pat', parentId: mine.json().id } });
      assert.deepEqual(reply.json().author, { name: 'Tess Team', isTeam: true });
      const note = await t.app.inject({ method: 'POST', url: url(post.id), headers: team, payload: { body: 'Big customer, prioritise', internal: true } });
      assert.equal(note.json().internal, true);
      const viaKey = await t.app.inject({ method: 'POST', url: url(post.id), headers: admin, payload: { body: 'Logged from the API' } });
      assert.deepEqual(viaKey.json().author, { name: 'Team', isTeam: true });
      assert.equal(await commentCount(post.id), 3, 'internal notes are not counted');

      const publicIds = (await listAs(post.id, {})).map((c) => c.id);
      assert.deepEqual(publicIds, [mine.json().id, reply.json().id, viaKey.json().id]);
      assert.deepEqual((await listAs(post.id, pat)).map((c) => c.id), publicIds);
      assert.equal((await listAs(post.id, admin)).length, 4);
      assert.equal((await listAs(post.id, team)).find((c) => c.internal)?.body, 'Big customer, prioritise');

      const sneaky = await t.app.inject({ method: 'POST', url: url(post.id), headers: pat, payload: { body: 'psst', internal: true } });
      assert.equal(sneaky.statusCode, 403);
      assert.equal(sneaky.json().errors[0].field, 'internal');
      const intoInternal = await t.app.inject({ method: 'POST', url: url(post.id), headers: pat, payload: { body: 'reply', parentId: note.json().id } });
      assert.equal(intoInternal.statusCode, 400, 'an internal note is no parent the public can see');
      const teamReply = await t.app.inject({ method: 'POST', url: url(post.id), headers: team, payload: { body: 'agreed', parentId: note.json().id } });
      assert.equal(teamReply.json().internal, true, 'a reply in an internal thread stays internal');
      assert.equal(await commentCount(post.id), 3);
      assert.equal((await t.app.inject({ method: 'GET', url: `/api/v1/posts/${post.id}` })).json().commentCount, 3);
    });

    test('threads are one level deep and stay on their post', async () => {
      const post = await createTestPost(t, { boardId });
      const other = await createTestPost(t, { boardId });
      const top = (await t.app.inject({ method: 'POST', url: url(post.id), headers: pat, payload: { body: 'top' } })).json();
      const reply = (await t.app.inject({ method: 'POST', url: url(post.id), headers: pat, payload: { body: 'reply', parentId: top.id } })).json();
      assert.equal(reply.parentId, top.id);
      const elsewhere = (await t.app.inject({ method: 'POST', url: url(other.id), headers: pat, payload: { body: 'other post' } })).json();
      for (const parentId of [reply.id, elsewhere.id, crypto.randomUUID()]) {
        const res = await t.app.inject({ method: 'POST', url: url(post.id), headers: pat, payload: { body: 'nested', parentId } });
        assert.equal(res.statusCode, 400);
        assert.deepEqual(res.json().errors.map((e: { field: string }) => e.field), ['parentId']);
      }
      assert.equal(await commentCount(post.id), 2);
    });

    test('authors delete their own comments, the team any; a deleted comment with replies stays as an empty anchor', async () => {
      const post = await createTestPost(t, { boardId });
      const top = (await t.app.inject({ method: 'POST', url: url(post.id), headers: pat, payload: { body: 'first' } })).json();
      const lone = (await t.app.inject({ method: 'POST', url: url(post.id), headers: team, payload: { body: 'lonely' } })).json();
      await t.app.inject({ method: 'POST', url: url(post.id), headers: team, payload: { body: 'answer', parentId: top.id } });
      assert.equal(await commentCount(post.id), 3);

      const stranger = await personHeaders(t, (await createCustomer(t)).id);
      assert.equal((await t.app.inject({ method: 'DELETE', url: `/api/v1/comments/${top.id}`, headers: stranger })).statusCode, 403);
      assert.equal((await t.app.inject({ method: 'DELETE', url: `/api/v1/comments/${lone.id}`, headers: pat })).statusCode, 403);
      assert.equal((await t.app.inject({ method: 'DELETE', url: `/api/v1/comments/${top.id}`, headers: pat })).statusCode, 204);
      assert.equal((await t.app.inject({ method: 'DELETE', url: `/api/v1/comments/${top.id}`, headers: pat })).statusCode, 204, 'idempotent');
      assert.equal((await t.app.inject({ method: 'DELETE', url: `/api/v1/comments/${lone.id}`, headers: admin })).statusCode, 204);
      assert.equal(await commentCount(post.id), 1);

      const items = await listAs(post.id, {});
      assert.equal(items.length, 2, 'the lone deleted comment is gone, the anchor stays');
      assert.equal(items[0].id, top.id);
      assert.equal(items[0].body, '');
      assert.equal(items[0].bodyHtml, '');
      assert.ok(items[0].deletedAt);
      assert.equal(items[1].parentId, top.id);
      assert.equal((await t.app.inject({ method: 'DELETE', url: `/api/v1/comments/${crypto.randomUUID()}`, headers: admin })).statusCode, 404);
    });

    test('anonymous comments follow the workspace flag; bad bodies store nothing', async () => {
      const post = await createTestPost(t, { boardId });
      await setAllowAnonymous(t, true);
      const anon = await t.app.inject({ method: 'POST', url: url(post.id), payload: { body: 'Drive-by idea', author: { email: 'drive@example.com', name: 'Dee' } } });
      assert.equal(anon.statusCode, 201, anon.body);
      assert.deepEqual(anon.json().author, { name: 'Dee', isTeam: false });
      await setAllowAnonymous(t, false);
      assert.equal((await t.app.inject({ method: 'POST', url: url(post.id), payload: { body: 'Nope', author: { email: 'drive@example.com' } } })).statusCode, 401);
      await setAllowAnonymous(t, true);
      for (const [payload, field] of [[{ body: '' }, 'body'], [{ body: '   \n ' }, 'body'], [{ body: 'x'.repeat(10001) }, 'body'], [{}, 'body'], [{ body: 'ok', parentId: 'nope' }, 'parentId']] as const) {
        const res = await t.app.inject({ method: 'POST', url: url(post.id), headers: pat, payload });
        assert.equal(res.statusCode, 400, JSON.stringify(payload).slice(0, 60));
        assert.equal(res.json().errors[0].field, field);
      }
      assert.equal((await t.db.selectFrom('comments').select('id').where('post_id', '=', post.id).execute()).length, 1);
      assert.equal(await commentCount(post.id), 1);
    });
  });
}
