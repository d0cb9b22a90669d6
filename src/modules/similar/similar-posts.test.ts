import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { testTargets } from '../../../test/db.ts';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import { bearer, createApiKey } from '../../../test/factories/team.ts';
import { contextFor, createBoard, createCustomer, createTestPost, personHeaders } from '../../../test/factories/content.ts';
import { buildApp, type App } from '../../app.ts';
import { createDatabase, type Db } from '../../db/database.ts';
import { getInstanceSecret } from '../../db/instance-secret.ts';
import { createWorkspace } from '../workspaces/index.ts';
import { createSimilarIndexes } from './similar-indexes.ts';
import { findSimilarPosts } from './find-similar-posts.ts';

// Issue 3 §1 "while typing": GET /api/v1/posts/similar over the in-memory index, kept current with
// the database — also when the write comes from another process (a second app on its own pool).
for (const target of testTargets()) {
  describe(`similar posts [${target.name}]`, () => {
    let t: TestApp;
    let other: App;
    let otherDb: Db;
    let admin: Record<string, string>;
    let boardId: string;

    before(async () => {
      // strict: every search catches up first (the default window is tested on its own below)
      t = await createTestApp(target, { config: { similarMaxStalenessMs: 0 } });
      admin = bearer(await createApiKey(t.db, t.workspace.id, 'admin'));
      boardId = (await createBoard(t)).id;
      // "another server process": its own connection pool, its own indexes
      otherDb = createDatabase(t.testDb.url, { max: 4 });
      other = await buildApp({
        config: t.config, db: otherDb, mailer: t.mailer, defaultWorkspaceId: t.workspace.id, cookieSecret: await getInstanceSecret(t.db, 'cookie_secret'),
      }, { logger: false });
      await other.ready();
    });
    after(async () => {
      await other.close();
      await otherDb.destroy();
      await t.close();
    });

    type Item = { id: string; title: string; status: { kind: string }; voteCount: number; hasVoted: boolean; score: number; matched: string[] };
    async function similar(app: App, q: string, headers: Record<string, string> = {}, extra = ''): Promise<Item[]> {
      const res = await app.inject({ method: 'GET', url: `/api/v1/posts/similar?q=${encodeURIComponent(q)}${extra}`, headers });
      assert.equal(res.statusCode, 200, res.body);
      return res.json().items;
    }
    const ids = (items: Item[]) => items.map((i) => i.id);
    const patch = (app: App, id: string, payload: Record<string, unknown>) => app.inject({ method: 'PATCH', url: `/api/v1/posts/${id}`, headers: admin, payload });

    test('finds a post by its words, with status, votes, score and what matched', async () => {
      const post = await createTestPost(t, { boardId, title: 'Export invoices to CSV', body: 'Our accountant needs a spreadsheet of all invoices.' });
      await createTestPost(t, { boardId, title: 'Dark mode for the dashboard', body: 'Easier on the eyes at night.' });
      const items = await similar(t.app, 'csv export of invoices');
      assert.equal(items[0].id, post.id);
      assert.equal(items[0].title, 'Export invoices to CSV');
      assert.equal(items[0].status.kind, 'open');
      assert.equal(items[0].voteCount, 1);
      assert.ok(items[0].score > 0);
      assert.ok(items[0].matched.some((m) => /csv/i.test(m)), JSON.stringify(items[0].matched));
      assert.ok(!ids(items).some((id) => id !== post.id && items.find((i) => i.id === id)?.title.startsWith('Export')));
    });

    test('the index follows create, edit, delete, restore, merge and unmerge made by another instance', async () => {
      // both instances have built their index before the writes
      await similar(t.app, 'warm up');
      await similar(other, 'warm up');
      const started = Date.now();
      const created = await other.inject({ method: 'POST', url: '/api/v1/posts', headers: admin, payload: { boardId, title: 'Zebra stripes theme', body: 'A bold colour scheme.' } });
      assert.equal(created.statusCode, 201, created.body);
      const id = created.json().id as string;
      assert.deepEqual(ids(await similar(t.app, 'zebra stripes')), [id], 'created elsewhere, found here');

      assert.equal((await patch(other, id, { title: 'Giraffe pattern theme' })).statusCode, 200);
      assert.deepEqual(ids(await similar(t.app, 'zebra stripes')).includes(id), false, 'the old title no longer matches');
      assert.deepEqual(ids(await similar(t.app, 'giraffe pattern')), [id], 'the new title does');

      assert.equal((await other.inject({ method: 'DELETE', url: `/api/v1/posts/${id}`, headers: admin })).statusCode, 204);
      assert.deepEqual(await similar(t.app, 'giraffe pattern', admin), [], 'deleted posts are excluded, for the team too');
      assert.equal((await other.inject({ method: 'POST', url: `/api/v1/posts/${id}/restore`, headers: admin })).statusCode, 200);
      assert.deepEqual(ids(await similar(t.app, 'giraffe pattern')), [id], 'restored posts come back');

      const into = await createTestPost(t, { boardId, title: 'Animal print themes', body: 'Giraffe, zebra and leopard patterns.' });
      assert.equal((await other.inject({ method: 'POST', url: `/api/v1/posts/${id}/merge`, headers: admin, payload: { into: into.id } })).statusCode, 200);
      const afterMerge = ids(await similar(t.app, 'giraffe pattern theme'));
      assert.ok(!afterMerge.includes(id), 'merged posts are excluded');
      assert.ok(afterMerge.includes(into.id), 'their target is found');
      assert.equal((await other.inject({ method: 'POST', url: `/api/v1/posts/${id}/unmerge`, headers: admin, payload: {} })).statusCode, 200);
      assert.ok(ids(await similar(t.app, 'giraffe pattern theme')).includes(id), 'unmerged posts come back');
      assert.ok(Date.now() - started < 10_000);
    });

    test('with the default staleness window, a change made elsewhere is visible within a second', async () => {
      // another process with the production default, and no change feed telling it about writes
      const elsewhere = createSimilarIndexes(otherDb);
      const anyone = contextFor(t, { kind: 'anonymous', workspaceId: t.workspace.id });
      await findSimilarPosts(anyone, elsewhere, { q: 'warm up' });
      for (const word of ['quokka', 'axolotl', 'pangolin']) {
        const post = await createTestPost(t, { boardId, title: `Stickers with a ${word}`, body: '' });
        const written = Date.now();
        let found = false;
        while (!found && Date.now() - written < 1000) found = (await findSimilarPosts(anyone, elsewhere, { q: word })).some((i) => i.id === post.id);
        assert.ok(found, `${word}: visible after ${Date.now() - written} ms`);
      }
    });

    test('writes through the same server, or announced by the change feed, apply at the next search', async () => {
      // a window far longer than the test: only the announcements can make the index catch up
      const indexes = createSimilarIndexes(otherDb, { maxStalenessMs: 600_000 });
      const lazy = await buildApp({
        config: t.config, db: otherDb, mailer: t.mailer, defaultWorkspaceId: t.workspace.id,
        cookieSecret: await getInstanceSecret(t.db, 'cookie_secret'), similarIndexes: indexes,
      }, { logger: false });
      try {
        await similar(lazy, 'warm up');
        const created = await lazy.inject({ method: 'POST', url: '/api/v1/posts', headers: admin, payload: { boardId, title: 'Narwhal notifications', body: '' } });
        assert.equal(created.statusCode, 201);
        assert.deepEqual(ids(await similar(lazy, 'narwhal')), [created.json().id], 'its own write: at once');
        const elsewhere = await createTestPost(t, { boardId, title: 'Narwhal digest emails', body: '' });
        assert.ok(!ids(await similar(lazy, 'narwhal digest')).includes(elsewhere.id), 'a write it was not told about waits for the window');
        // what the server's change feed does when another process announces a write (src/server.ts)
        indexes.invalidate(t.workspace.id);
        assert.ok(ids(await similar(lazy, 'narwhal digest')).includes(elsewhere.id), 'announced: at once');
      } finally {
        await lazy.close();
      }
    });

    test('only posts the caller may see: private boards for the team, never another workspace', async () => {
      const secret = await createBoard(t, { visibility: 'private' });
      const hidden = await createTestPost(t, { boardId: secret.id, title: 'Kangaroo internal roadmap', body: '' });
      const elsewhere = await createWorkspace(t.db, { name: 'Other', slug: `other-${target.name}` });
      const theirBoard = await createBoard(t, { workspaceId: elsewhere.workspace.id });
      const theirs = await createTestPost(t, { workspaceId: elsewhere.workspace.id, boardId: theirBoard.id, title: 'Kangaroo roadmap elsewhere', body: '' });
      const person = await personHeaders(t, (await createCustomer(t)).id);

      assert.deepEqual(await similar(t.app, 'kangaroo roadmap'), [], 'anonymous: no private board');
      assert.deepEqual(await similar(t.app, 'kangaroo roadmap', person), [], 'end user: no private board');
      assert.deepEqual(ids(await similar(t.app, 'kangaroo roadmap', admin)), [hidden.id], 'team: private board, own workspace only');
      const theirKey = bearer(await createApiKey(t.db, elsewhere.workspace.id, 'read'));
      assert.deepEqual(ids(await similar(t.app, 'kangaroo roadmap', theirKey)), [theirs.id], 'the other workspace sees only its own');

      // a board turning private, or being deleted, applies at once
      const open = await createBoard(t);
      const post = await createTestPost(t, { boardId: open.id, title: 'Wombat widget', body: '' });
      assert.deepEqual(ids(await similar(t.app, 'wombat widget')), [post.id]);
      const hide = await t.app.inject({ method: 'PATCH', url: `/api/v1/boards/${open.id}`, headers: admin, payload: { visibility: 'private' } });
      assert.equal(hide.statusCode, 200, hide.body);
      assert.deepEqual(await similar(t.app, 'wombat widget'), []);
      assert.deepEqual(ids(await similar(t.app, 'wombat widget', admin)), [post.id]);
      assert.equal((await t.app.inject({ method: 'DELETE', url: `/api/v1/boards/${open.id}`, headers: admin })).statusCode, 204);
      assert.deepEqual(await similar(t.app, 'wombat widget', admin), []);
    });

    test('boardId narrows to one board; a board the caller cannot see is refused', async () => {
      const a = await createBoard(t);
      const b = await createBoard(t);
      const inA = await createTestPost(t, { boardId: a.id, title: 'Platypus picker', body: '' });
      const inB = await createTestPost(t, { boardId: b.id, title: 'Platypus picker too', body: '' });
      assert.deepEqual(new Set(ids(await similar(t.app, 'platypus picker'))), new Set([inA.id, inB.id]));
      assert.deepEqual(ids(await similar(t.app, 'platypus picker', {}, `&boardId=${a.id}`)), [inA.id]);
      assert.deepEqual(new Set(ids(await similar(t.app, 'platypus picker', {}, '&boardId='))), new Set([inA.id, inB.id]), 'empty = every board');
      const secret = await createBoard(t, { visibility: 'private' });
      const refused = await t.app.inject({ method: 'GET', url: `/api/v1/posts/similar?q=platypus&boardId=${secret.id}` });
      assert.equal(refused.statusCode, 400);
      assert.equal(refused.json().errors[0].field, 'boardId');
      assert.equal((await t.app.inject({ method: 'GET', url: `/api/v1/posts/similar?q=platypus&boardId=${secret.id}`, headers: admin })).statusCode, 200);
    });

    test('the body after the first line counts; hasVoted for the signed-in voter; limit', async () => {
      const post = await createTestPost(t, { boardId, title: 'Calendar sync', body: 'Two-way synchronisation with Outlook calendars.' });
      const items = await similar(t.app, 'Calendar integration\nsync with outlook please');
      assert.equal(items[0].id, post.id);
      const customer = await createCustomer(t);
      const headers = await personHeaders(t, customer.id);
      assert.equal((await similar(t.app, 'outlook calendar', headers))[0].hasVoted, false);
      assert.equal((await t.app.inject({ method: 'POST', url: `/api/v1/posts/${post.id}/votes`, headers })).statusCode, 200);
      const voted = (await similar(t.app, 'outlook calendar', headers))[0];
      assert.deepEqual([voted.id, voted.hasVoted, voted.voteCount], [post.id, true, 2]);
      for (let i = 0; i < 4; i++) await createTestPost(t, { boardId, title: `Outlook calendar ${i}`, body: '' });
      assert.equal((await similar(t.app, 'outlook calendar', {}, '&limit=2')).length, 2);
    });

    test('bad input gets field errors; /posts/similar is never taken for a post id', async () => {
      for (const url of ['/api/v1/posts/similar', '/api/v1/posts/similar?q=', '/api/v1/posts/similar?q=x&limit=0', '/api/v1/posts/similar?q=x&limit=500', '/api/v1/posts/similar?q=x&boardId=nope']) {
        const res = await t.app.inject({ method: 'GET', url });
        assert.equal(res.statusCode, 400, `${url}: ${res.body}`);
        assert.ok(Array.isArray(res.json().errors) && res.json().errors.length > 0, url);
      }
      assert.equal((await t.app.inject({ method: 'GET', url: `/api/v1/posts/similar?q=${'long '.repeat(999)}` })).statusCode, 200);
      assert.deepEqual(await similar(t.app, '!!! ???'), [], 'nothing to match on');
    });

    test('anonymous callers are rate-limited', async () => {
      const statuses: number[] = [];
      for (let i = 0; i < 125; i++) {
        const res = await t.app.inject({ method: 'GET', url: `/api/v1/posts/similar?q=limit${i}`, remoteAddress: '203.0.113.9' });
        statuses.push(res.statusCode);
      }
      assert.ok(statuses.slice(0, 120).every((s) => s === 200));
      assert.equal(statuses.at(-1), 429);
      // an API key (server-to-server) is far from its limit
      assert.equal((await t.app.inject({ method: 'GET', url: '/api/v1/posts/similar?q=limit', headers: admin, remoteAddress: '203.0.113.9' })).statusCode, 200);
    });
  });
}
