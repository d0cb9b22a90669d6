import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { testTargets } from '../../../test/db.ts';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import { bearer, createApiKey, createMember } from '../../../test/factories/team.ts';
import { castVote, contextFor, createBoard, createCustomer, createTestPost, memberHeaders, personHeaders } from '../../../test/factories/content.ts';
import { updatePost } from '../posts/index.ts';
import { encodeCursor } from '../../lib/cursor.ts';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Database } from '../../db/schema.ts';
import { getRoadmap } from './get-roadmap.ts';

type Card = { id: string; title: string; voteCount: number; hasVoted: boolean; status: { kind: string }; board: { id: string }; tags: Array<{ name: string }> };
type Column = { kind: string; statuses: Array<{ slug: string; kind: string }>; items: Card[]; nextCursor: string | null };
type Roadmap = { board: { id: string } | null; columns: Column[] };

for (const target of testTargets()) {
  describe(`roadmap [${target.name}]`, () => {
    let t: TestApp;
    let admin: Record<string, string>;
    let publicBoard: { id: string; slug: string };
    let privateBoard: { id: string; slug: string };
    const post: Record<string, string> = {};

    async function setStatus(postId: string, status: string) {
      await updatePost(contextFor(t), postId, { status });
    }

    before(async () => {
      t = await createTestApp(target);
      admin = bearer(await createApiKey(t.db, t.workspace.id, 'admin'));
      publicBoard = await createBoard(t, { name: 'Ideas' });
      privateBoard = await createBoard(t, { name: 'Internal', visibility: 'private' });
      const tag = await t.db.insertInto('tags').values({ workspace_id: t.workspace.id, name: 'Mobile' }).returningAll().executeTakeFirstOrThrow();
      const make = async (key: string, status: string, opts: { boardId?: string; votes?: number; tags?: string[] } = {}) => {
        const created = await createTestPost(t, { boardId: opts.boardId ?? publicBoard.id, title: `Roadmap ${key}`, author: null, tags: opts.tags });
        for (let v = 0; v < (opts.votes ?? 0); v++) await castVote(t, created.id, `${key}-voter-${v}@example.com`);
        if (status !== 'open') await setStatus(created.id, status);
        post[key] = created.id;
      };
      await make('popular', 'planned', { votes: 3, tags: [tag.id] });
      await make('quiet', 'planned', { votes: 1 });
      await make('building', 'in-progress');
      await make('shippedOld', 'shipped');
      await make('shippedNew', 'shipped');
      await make('open', 'open', { votes: 9 });
      await make('secret', 'planned', { boardId: privateBoard.id, votes: 5 });
      await make('deleted', 'planned', { votes: 7 });
      await make('merged', 'planned', { votes: 8 });
      await t.db.updateTable('posts').set({ deleted_at: new Date() }).where('id', '=', post.deleted!).execute();
      await t.db.updateTable('posts').set({ merged_into_id: post.popular!, merged_at: new Date() }).where('id', '=', post.merged!).execute();
      // shippedOld reached Shipped a day before shippedNew, whatever order the rows were written in
      await t.db.updateTable('status_changes').set({ created_at: new Date(Date.now() - 86_400_000) }).where('post_id', '=', post.shippedOld!).execute();
    });
    after(() => t.close());

    async function roadmap(query = '', headers: Record<string, string> = {}): Promise<Roadmap> {
      const res = await t.app.inject({ method: 'GET', url: `/api/v1/roadmap${query}`, headers });
      assert.equal(res.statusCode, 200, res.body);
      return res.json() as Roadmap;
    }
    const column = (r: Roadmap, kind: string) => r.columns.find((c) => c.kind === kind)!;
    const titles = (c: Column) => c.items.map((i) => i.title);

    test('three columns by status kind, each with its statuses; live posts only, ordered', async () => {
      const r = await roadmap();
      assert.deepEqual(r.columns.map((c) => c.kind), ['planned', 'in_progress', 'shipped']);
      assert.equal(r.board, null);
      assert.deepEqual(column(r, 'planned').statuses.map((s) => s.slug), ['planned']);
      assert.deepEqual(column(r, 'shipped').statuses.map((s) => s.kind), ['shipped']);
      // by votes; no open, deleted, merged or private-board posts
      assert.deepEqual(titles(column(r, 'planned')), ['Roadmap popular', 'Roadmap quiet']);
      assert.deepEqual(titles(column(r, 'in_progress')), ['Roadmap building']);
      // most recently shipped first
      assert.deepEqual(titles(column(r, 'shipped')), ['Roadmap shippedNew', 'Roadmap shippedOld']);
      const popular = column(r, 'planned').items[0]!;
      assert.equal(popular.voteCount, 3);
      assert.deepEqual(popular.tags.map((tag) => tag.name), ['Mobile']);
      assert.equal(popular.board.id, publicBoard.id);
      assert.equal(popular.hasVoted, false);
      assert.ok(r.columns.every((c) => c.nextCursor === null));
    });

    test('private boards: hidden from anonymous visitors and end users, shown to the team', async () => {
      const person = await createCustomer(t, { email: 'reader@example.com' });
      for (const headers of [{}, await personHeaders(t, person.id)]) {
        const r = await roadmap('', headers);
        assert.ok(!titles(column(r, 'planned')).includes('Roadmap secret'));
        const byBoard = await t.app.inject({ method: 'GET', url: `/api/v1/roadmap?boardId=${privateBoard.id}`, headers });
        assert.equal(byBoard.statusCode, 404, 'a private board is not even acknowledged');
      }
      const member = await createMember(t.db, t.workspace.id, { role: 'member' });
      for (const headers of [admin, await memberHeaders(t, member.id)]) {
        const r = await roadmap('', headers);
        assert.deepEqual(titles(column(r, 'planned')), ['Roadmap secret', 'Roadmap popular', 'Roadmap quiet']);
        const only = await roadmap(`?boardId=${privateBoard.id}`, headers);
        assert.equal(only.board?.id, privateBoard.id);
        assert.deepEqual(titles(column(only, 'planned')), ['Roadmap secret']);
        assert.deepEqual(titles(column(only, 'shipped')), []);
      }
    });

    test('one board by id or slug', async () => {
      const bySlug = await roadmap(`?boardId=${publicBoard.slug}`);
      assert.equal(bySlug.board?.id, publicBoard.id);
      assert.deepEqual(titles(column(bySlug, 'planned')), ['Roadmap popular', 'Roadmap quiet']);
      const missing = await t.app.inject({ method: 'GET', url: '/api/v1/roadmap?boardId=no-such-board' });
      assert.equal(missing.statusCode, 404);
    });

    test("an end user's own votes show, including a vote on a post merged into the card", async () => {
      const voter = await createCustomer(t, { email: 'fan@example.com' });
      await castVote(t, post.quiet!, 'fan@example.com');
      await castVote(t, post.merged!, 'fan@example.com');
      const r = await roadmap('', await personHeaders(t, voter.id));
      const planned = column(r, 'planned').items;
      assert.equal(planned.find((c) => c.id === post.quiet)?.hasVoted, true);
      assert.equal(planned.find((c) => c.id === post.popular)?.hasVoted, true, 'voted on a post merged into it');
    });

    test('each column pages with its own cursor', async () => {
      const first = await roadmap('?limit=1');
      const shipped = column(first, 'shipped');
      assert.deepEqual(titles(shipped), ['Roadmap shippedNew']);
      assert.ok(shipped.nextCursor);
      const more = await roadmap(`?limit=1&cursor=${shipped.nextCursor}`);
      assert.deepEqual(more.columns.map((c) => c.kind), ['shipped'], 'only the column that was continued');
      assert.deepEqual(titles(more.columns[0]!), ['Roadmap shippedOld']);
      assert.equal(more.columns[0]!.nextCursor, null);

      const planned = column(first, 'planned');
      assert.deepEqual(titles(planned), ['Roadmap popular']);
      const next = await roadmap(`?limit=1&cursor=${planned.nextCursor}`);
      assert.deepEqual(titles(next.columns[0]!), ['Roadmap quiet']);
      assert.equal(column(first, 'in_progress').nextCursor, null);
    });

    test('the cards cost one query however many there are (no per-card queries)', async () => {
      const pool = new pg.Pool({ connectionString: t.testDb.url, max: 2 });
      let queries = 0;
      const counted = new Kysely<Database>({ dialect: new PostgresDialect({ pool }), log: () => { queries += 1; } });
      try {
        const ctx = { ...contextFor(t, { kind: 'anonymous', workspaceId: t.workspace.id }), db: counted };
        const before = await getRoadmap(ctx, {});
        assert.equal(queries, 2, 'statuses + cards');
        for (let i = 0; i < 15; i++) {
          const extra = await createTestPost(t, { boardId: publicBoard.id, title: `Bulk planned ${i}`, author: null });
          await setStatus(extra.id, i % 2 ? 'planned' : 'shipped');
        }
        queries = 0;
        const after = await getRoadmap(ctx, {});
        assert.equal(queries, 2);
        const cards = (r: typeof after) => r.columns.reduce((n, c) => n + c.rows.length, 0);
        assert.ok(cards(after) >= cards(before) + 15);
      } finally {
        await counted.destroy();
      }
    });

    test('bad cursors are field errors', async () => {
      for (const cursor of ['garbage', encodeCursor(['open', 1, post.quiet]), encodeCursor(['shipped', 3, post.quiet]), encodeCursor(['planned', 'x', post.quiet])]) {
        const res = await t.app.inject({ method: 'GET', url: `/api/v1/roadmap?cursor=${cursor}` });
        assert.equal(res.statusCode, 400, cursor);
        assert.equal(res.json().errors[0].field, 'cursor');
      }
    });
  });
}
