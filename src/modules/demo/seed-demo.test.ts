import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { testTargets } from '../../../test/db.ts';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import { seedDemo } from './seed-demo.ts';
import { recountWorkspace } from './recount-workspace.ts';
import { mergePost } from '../merges/index.ts';

for (const target of testTargets()) {
  describe(`demo seed [${target.name}]`, () => {
    let t: TestApp;
    before(async () => {
      t = await createTestApp(target);
    });
    after(() => t.close());

    test('seeds a living workspace once, with exact counters', async () => {
      const summary = await seedDemo(t.db, t.workspace.id);
      assert.ok(summary);
      assert.equal(summary.posts, 200);
      assert.equal(summary.boards, 5);
      assert.ok(summary.votes > 1000, `votes: ${summary.votes}`);
      assert.equal(await seedDemo(t.db, t.workspace.id), null, 'a workspace with boards is left alone');

      const mismatched = await sql<{ n: number }>`
        select count(*)::int as n from posts p
        where p.vote_count <> (select count(*) from votes v where v.post_id = p.id)
           or p.comment_count <> (select count(*) from comments c where c.post_id = p.id and not c.internal and c.deleted_at is null)`.execute(t.db);
      assert.equal(mismatched.rows[0].n, 0);
      const boards = await t.db.selectFrom('boards').select(['slug', 'post_count', 'visibility']).where('workspace_id', '=', t.workspace.id).execute();
      assert.equal(boards.reduce((n, b) => n + b.post_count, 0), 200);
      assert.ok(boards.some((b) => b.visibility === 'private'));

      // every post past the default status has the history of how it got there, ending where it is
      const unexplained = await sql<{ n: number }>`select count(*)::int as n from posts p
        join statuses s on s.id = p.status_id
        where p.workspace_id = ${t.workspace.id} and not s.is_default
          and p.status_id is distinct from (select c.to_status_id from status_changes c where c.post_id = p.id order by c.created_at desc limit 1)`.execute(t.db);
      assert.equal(unexplained.rows[0].n, 0);
      const future = await sql<{ n: number }>`select count(*)::int as n from status_changes c join posts p on p.id = c.post_id
        where p.workspace_id = ${t.workspace.id} and (c.created_at < p.created_at or c.created_at > now())`.execute(t.db);
      assert.equal(future.rows[0].n, 0, 'history happens between the post and now');
      const seenAfterVoting = await sql<{ n: number }>`select count(*)::int as n from votes v join people pe on pe.id = v.person_id
        where v.workspace_id = ${t.workspace.id} and pe.created_at > v.created_at`.execute(t.db);
      assert.equal(seenAfterVoting.rows[0].n, 0, 'people are first seen at (or before) their first vote');

      // the changelog announces shipped posts, linked to them
      const changelog = (await t.app.inject({ method: 'GET', url: '/api/v1/changelog' })).json() as { items: Array<{ title: string; posts?: unknown[] }> };
      assert.ok(changelog.items.length >= 3, JSON.stringify(changelog.items.map((e) => e.title)));
      const unlinked = await sql<{ n: number }>`select count(*)::int as n from changelog_entries e
        where e.workspace_id = ${t.workspace.id} and not exists (select 1 from changelog_entry_posts l join posts p on p.id = l.post_id
          join statuses s on s.id = p.status_id where l.entry_id = e.id and s.kind = 'shipped')`.execute(t.db);
      assert.equal(unlinked.rows[0].n, 0, 'each entry links a shipped post');
      const internal = await sql<{ n: number }>`select count(*)::int as n from changelog_entry_posts l join posts p on p.id = l.post_id
        join boards b on b.id = p.board_id where p.workspace_id = ${t.workspace.id} and b.visibility = 'private'`.execute(t.db);
      assert.equal(internal.rows[0].n, 0, 'the public changelog does not announce the internal backlog');

      // demand that tells posts apart: every company has people, and the most-voted posts differ in
      // how many companies (and how much revenue) ask for them
      const emptyCompanies = await sql<{ n: number }>`select count(*)::int as n from companies c
        where c.workspace_id = ${t.workspace.id} and not exists (select 1 from people p where p.company_id = c.id)`.execute(t.db);
      assert.equal(emptyCompanies.rows[0].n, 0);
      const top = await sql<{ companies: number; mrr: number }>`
        select count(distinct pe.company_id)::int as companies, coalesce(sum(distinct c.monthly_revenue), 0)::int as mrr
        from posts po join votes v on v.post_id = po.id join people pe on pe.id = v.person_id left join companies c on c.id = pe.company_id
        where po.workspace_id = ${t.workspace.id} group by po.id order by count(*) desc limit 10`.execute(t.db);
      assert.ok(new Set(top.rows.map((r) => r.companies)).size >= 3, JSON.stringify(top.rows));
      assert.ok(new Set(top.rows.map((r) => r.mrr)).size >= 5, JSON.stringify(top.rows));

      // the portal lists them through the public API, top first
      const res = await t.app.inject({ method: 'GET', url: '/api/v1/posts?sort=top&limit=5' });
      const items = res.json().items as Array<{ voteCount: number }>;
      assert.equal(items.length, 5);
      assert.deepEqual([...items].sort((a, b) => b.voteCount - a.voteCount), items);
    });

    test('a recount after bulk loads agrees with the live counters, also across merges', async () => {
      const [a, b] = await t.db.selectFrom('posts').select('id').where('workspace_id', '=', t.workspace.id)
        .where('merged_into_id', 'is', null).orderBy('vote_count', 'desc').limit(2).execute();
      await mergePost({ actor: { kind: 'system', workspaceId: t.workspace.id }, db: t.db, now: new Date(), config: t.config, mailer: t.mailer, log: console }, b.id, { into: a.id });
      const snapshot = () => t.db.selectFrom('posts').select(['id', 'vote_count', 'comment_count']).where('workspace_id', '=', t.workspace.id).orderBy('id').execute();
      const boards = () => t.db.selectFrom('boards').select(['id', 'post_count']).where('workspace_id', '=', t.workspace.id).orderBy('id').execute();
      const [livePosts, liveBoards] = [await snapshot(), await boards()];
      await recountWorkspace(t.db, t.workspace.id);
      assert.deepEqual(await snapshot(), livePosts);
      assert.deepEqual(await boards(), liveBoards);
    });
  });
}
