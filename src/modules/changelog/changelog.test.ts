import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { testTargets } from '../../../test/db.ts';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import { bearer, createApiKey, createMember } from '../../../test/factories/team.ts';
import { createBoard, createCustomer, createTestPost, memberHeaders, personHeaders } from '../../../test/factories/content.ts';
import { createWorkspace } from '../workspaces/index.ts';

type Entry = {
  id: string; title: string; body: string; bodyHtml: string; type: string; state: string; publishedAt: string | null;
  author: { name: string } | null; posts: Array<{ id: string; title: string }>; url: string; can: { edit: boolean; publish: boolean };
};

for (const target of testTargets()) {
  describe(`changelog entries: CRUD and policies [${target.name}]`, () => {
    let t: TestApp;
    let admin: Record<string, string>;
    let reader: Record<string, string>;
    let editor: Record<string, string>;
    let customer: Record<string, string>;

    before(async () => {
      t = await createTestApp(target, { config: { publicUrl: 'https://feedback.example.com' } });
      admin = bearer(await createApiKey(t.db, t.workspace.id, 'admin'));
      reader = bearer(await createApiKey(t.db, t.workspace.id, 'read'));
      const member = await createMember(t.db, t.workspace.id, { role: 'member', name: 'Mia Member' });
      editor = await memberHeaders(t, member.id);
      customer = await personHeaders(t, (await createCustomer(t)).id);
    });
    after(() => t.close());

    async function call(method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, headers: Record<string, string> = {}, payload?: unknown) {
      return t.app.inject({ method, url, headers, ...(payload === undefined ? {} : { payload: payload as object }) });
    }
    async function create(payload: Record<string, unknown>, headers = editor): Promise<Entry> {
      const res = await call('POST', '/api/v1/changelog', headers, payload);
      assert.equal(res.statusCode, 201, res.body);
      return res.json() as Entry;
    }
    const countEntries = async () => Number((await t.db.selectFrom('changelog_entries').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

    test('a member writes a draft with linked posts; it is the team\'s only', async () => {
      const post = await createTestPost(t, { title: 'Export to CSV' });
      const entry = await create({ title: '  CSV export  ', body: 'You can now **export**.', type: 'new', postIds: [post.id] });
      assert.equal(entry.title, 'CSV export');
      assert.equal(entry.state, 'draft');
      assert.equal(entry.publishedAt, null);
      assert.equal(entry.author?.name, 'Mia Member');
      assert.equal(entry.bodyHtml, '<p>You can now <strong>export</strong>.</p>\n');
      assert.deepEqual(entry.posts.map((p) => p.title), ['Export to CSV']);
      assert.equal(entry.url, `https://feedback.example.com/changelog/${entry.id}`);
      assert.deepEqual(entry.can, { edit: true, publish: true });

      assert.equal((await call('GET', `/api/v1/changelog/${entry.id}`)).statusCode, 404, 'anonymous: a draft does not exist');
      assert.equal((await call('GET', `/api/v1/changelog/${entry.id}`, customer)).statusCode, 404, 'end user: same');
      const asReader = await call('GET', `/api/v1/changelog/${entry.id}`, reader);
      assert.equal(asReader.statusCode, 200);
      assert.deepEqual(asReader.json().can, { edit: false, publish: false });
      const publicList = (await call('GET', '/api/v1/changelog')).json();
      assert.ok(!publicList.items.some((e: Entry) => e.id === entry.id));
      assert.equal((await call('GET', '/api/v1/changelog?state=draft')).statusCode, 403);
      const drafts = (await call('GET', '/api/v1/changelog?state=draft', reader)).json();
      assert.ok(drafts.items.some((e: Entry) => e.id === entry.id));
    });

    test('only the team with write access may write', async () => {
      const payload = { title: 'Sneaky', type: 'fixed' };
      const before = await countEntries();
      assert.equal((await call('POST', '/api/v1/changelog', {}, payload)).statusCode, 403);
      assert.equal((await call('POST', '/api/v1/changelog', customer, payload)).statusCode, 403);
      assert.equal((await call('POST', '/api/v1/changelog', reader, payload)).statusCode, 403);
      const entry = await create({ title: 'Mine', type: 'fixed' });
      for (const headers of [{}, customer, reader]) {
        assert.ok([403, 404].includes((await call('PATCH', `/api/v1/changelog/${entry.id}`, headers, { title: 'x' })).statusCode));
        assert.ok([403, 404].includes((await call('POST', `/api/v1/changelog/${entry.id}/publish`, headers, {})).statusCode));
        assert.ok([403, 404].includes((await call('DELETE', `/api/v1/changelog/${entry.id}`, headers)).statusCode));
      }
      assert.equal(await countEntries(), before + 1);
      assert.equal((await call('GET', `/api/v1/changelog/${entry.id}`, admin)).json().title, 'Mine');
    });

    test('bad input gets field errors and stores nothing', async () => {
      const deletedPost = await createTestPost(t);
      await t.db.updateTable('posts').set({ deleted_at: new Date() }).where('id', '=', deletedPost.id).execute();
      const other = await createWorkspace(t.db, { name: 'Elsewhere', slug: 'elsewhere-crud' });
      const foreignPost = await createTestPost(t, { workspaceId: other.workspace.id });
      const before = await countEntries();
      const cases: Array<[Record<string, unknown>, string]> = [
        [{ type: 'new' }, 'title'],
        [{ title: '', type: 'new' }, 'title'],
        [{ title: '   ', type: 'new' }, 'title'],
        [{ title: 'x'.repeat(201), type: 'new' }, 'title'],
        [{ title: 'Ok', type: 'breaking' }, 'type'],
        [{ title: 'Ok', type: 'new', postIds: ['not-a-uuid'] }, 'postIds'],
        [{ title: 'Ok', type: 'new', postIds: [deletedPost.id] }, 'postIds'],
        [{ title: 'Ok', type: 'new', postIds: [foreignPost.id] }, 'postIds'],
        [{ title: 'Ok', type: 'new', postIds: ['00000000-0000-4000-8000-000000000000'] }, 'postIds'],
      ];
      for (const [payload, field] of cases) {
        const res = await call('POST', '/api/v1/changelog', editor, payload);
        assert.equal(res.statusCode, 400, JSON.stringify(payload));
        const body = res.json();
        assert.ok(body.code && body.message);
        assert.ok(body.errors.some((e: { field: string }) => e.field.replace(/^\//, '').startsWith(field)), `${JSON.stringify(payload)} → ${res.body}`);
      }
      assert.equal(await countEntries(), before);
    });

    test('edit, relink (a merged post links its target), delete', async () => {
      const target = await createTestPost(t, { title: 'Dark mode' });
      const source = await createTestPost(t, { title: 'Night theme please' });
      await t.db.updateTable('posts').set({ merged_into_id: target.id, merged_at: new Date() }).where('id', '=', source.id).execute();
      const entry = await create({ title: 'Draft', type: 'improved' });
      const res = await call('PATCH', `/api/v1/changelog/${entry.id}`, editor, { title: 'Dark mode is here', type: 'new', postIds: [source.id, target.id] });
      assert.equal(res.statusCode, 200, res.body);
      const edited = res.json() as Entry;
      assert.equal(edited.title, 'Dark mode is here');
      assert.equal(edited.type, 'new');
      assert.deepEqual(edited.posts.map((p) => p.id), [target.id]);
      assert.equal((await call('PATCH', `/api/v1/changelog/${entry.id}`, editor, {})).statusCode, 400, 'an empty patch');

      assert.equal((await call('DELETE', `/api/v1/changelog/${entry.id}`, editor)).statusCode, 204);
      assert.equal((await call('GET', `/api/v1/changelog/${entry.id}`, admin)).statusCode, 404);
      assert.equal((await call('DELETE', `/api/v1/changelog/${entry.id}`, editor)).statusCode, 404);
    });

    test('other workspaces see and touch nothing', async () => {
      const entry = await create({ title: 'Private matter', type: 'fixed' });
      await call('POST', `/api/v1/changelog/${entry.id}/publish`, editor, {});
      const other = await createWorkspace(t.db, { name: 'Other', slug: 'other-crud' });
      const otherKey = bearer(await createApiKey(t.db, other.workspace.id, 'admin'));
      assert.equal((await call('GET', `/api/v1/changelog/${entry.id}`, otherKey)).statusCode, 404);
      assert.equal((await call('PATCH', `/api/v1/changelog/${entry.id}`, otherKey, { title: 'hijacked' })).statusCode, 404);
      assert.equal((await call('POST', `/api/v1/changelog/${entry.id}/unpublish`, otherKey)).statusCode, 404);
      assert.equal((await call('DELETE', `/api/v1/changelog/${entry.id}`, otherKey)).statusCode, 404);
      const list = (await call('GET', '/api/v1/changelog', otherKey)).json();
      assert.ok(!list.items.some((e: Entry) => e.id === entry.id));
    });

    test('the public list: published only, newest first, paged; unpublish takes an entry back', async () => {
      const ids: string[] = [];
      for (let i = 0; i < 5; i++) {
        const entry = await create({ title: `Release ${i}`, type: 'improved' });
        const res = await call('POST', `/api/v1/changelog/${entry.id}/publish`, editor, {});
        assert.equal(res.statusCode, 200, res.body);
        ids.push(entry.id);
      }
      await create({ title: 'Still a draft', type: 'new' });
      const seen: Entry[] = [];
      let cursor: string | null = null;
      do {
        const res = await call('GET', `/api/v1/changelog?limit=2${cursor ? `&cursor=${cursor}` : ''}`);
        assert.equal(res.statusCode, 200, res.body);
        const page = res.json() as { items: Entry[]; nextCursor: string | null };
        seen.push(...page.items);
        cursor = page.nextCursor;
      } while (cursor);
      assert.ok(seen.every((e) => e.state === 'published'));
      const mine = seen.filter((e) => ids.includes(e.id)).map((e) => e.id);
      assert.deepEqual(mine, [...ids].reverse(), 'newest published first, each once');
      const times = seen.map((e) => Date.parse(e.publishedAt!));
      assert.deepEqual(times, [...times].sort((a, b) => b - a));

      const again = await call('POST', `/api/v1/changelog/${ids[0]}/publish`, editor, {});
      assert.equal(again.statusCode, 409);
      const unpublished = await call('POST', `/api/v1/changelog/${ids[0]}/unpublish`, editor);
      assert.equal(unpublished.statusCode, 200);
      assert.equal(unpublished.json().state, 'draft');
      assert.equal((await call('GET', `/api/v1/changelog/${ids[0]}`)).statusCode, 404);
      assert.equal((await call('POST', `/api/v1/changelog/${ids[0]}/unpublish`, editor)).statusCode, 409);
      assert.equal((await call('POST', `/api/v1/changelog/${ids[0]}/unschedule`, editor)).statusCode, 409);
      const bad = await call('GET', '/api/v1/changelog?cursor=nope');
      assert.equal(bad.statusCode, 400);
    });

    test('linked posts on private boards show to the team only', async () => {
      const privateBoard = await createBoard(t, { name: 'Secret plans', visibility: 'private' });
      const hidden = await createTestPost(t, { boardId: privateBoard.id, title: 'Internal tooling' });
      const shown = await createTestPost(t, { title: 'Public idea' });
      const entry = await create({ title: 'Mixed', type: 'new', postIds: [hidden.id, shown.id] });
      await call('POST', `/api/v1/changelog/${entry.id}/publish`, editor, {});
      const publicView = (await call('GET', `/api/v1/changelog/${entry.id}`)).json() as Entry;
      assert.deepEqual(publicView.posts.map((p) => p.title), ['Public idea']);
      const teamView = (await call('GET', `/api/v1/changelog/${entry.id}`, reader)).json() as Entry;
      assert.deepEqual(teamView.posts.map((p) => p.title), ['Internal tooling', 'Public idea']);
    });

    test('hostile markdown comes back sanitized', async () => {
      const body = ['<script>alert(1)</script>', '<img src=x onerror="alert(2)">', '[x](javascript:alert(3))', '**fine**'].join('\n\n');
      const entry = await create({ title: '<b>Title</b>', body, type: 'fixed' });
      assert.equal(entry.title, '<b>Title</b>', 'titles are text, escaped by whoever renders them');
      // the tags survive only as escaped text: no element, attribute or link that could run
      assert.doesNotMatch(entry.bodyHtml, /<script|<img|<[^>]*\sonerror=|href="javascript:/i);
      assert.match(entry.bodyHtml, /&lt;script&gt;/);
      assert.match(entry.bodyHtml, /<strong>fine<\/strong>/);
      const preview = await call('POST', '/api/v1/changelog/preview', editor, { body });
      assert.equal(preview.statusCode, 200);
      assert.equal(preview.json().bodyHtml, entry.bodyHtml, 'the editor previews exactly what will be published');
      assert.equal((await call('POST', '/api/v1/changelog/preview', {}, { body })).statusCode, 403);
    });
  });
}
