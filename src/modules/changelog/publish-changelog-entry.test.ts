import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { testTargets } from '../../../test/db.ts';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import { bearer, createApiKey, createMember } from '../../../test/factories/team.ts';
import { contextFor, createTestPost, memberHeaders } from '../../../test/factories/content.ts';
import { updatePost } from '../posts/index.ts';

for (const target of testTargets()) {
  describe(`publishing a changelog entry [${target.name}]`, () => {
    let t: TestApp;
    let admin: Record<string, string>;
    let editor: Record<string, string>;
    let memberId: string;
    let shippedId: string;

    before(async () => {
      t = await createTestApp(target, { config: { publicUrl: 'https://feedback.example.com' } });
      admin = bearer(await createApiKey(t.db, t.workspace.id, 'admin'));
      memberId = (await createMember(t.db, t.workspace.id, { role: 'member', name: 'Sam Shipper' })).id;
      editor = await memberHeaders(t, memberId);
      shippedId = (await t.db.selectFrom('statuses').select('id').where('workspace_id', '=', t.workspace.id).where('slug', '=', 'shipped').executeTakeFirstOrThrow()).id;
    });
    after(() => t.close());

    async function draft(payload: Record<string, unknown>) {
      const res = await t.app.inject({ method: 'POST', url: '/api/v1/changelog', headers: editor, payload });
      assert.equal(res.statusCode, 201, res.body);
      return res.json() as { id: string };
    }
    async function publish(id: string, payload: Record<string, unknown> = {}) {
      return t.app.inject({ method: 'POST', url: `/api/v1/changelog/${id}/publish`, headers: editor, payload });
    }
    const eventsOf = (type: string) => t.db.selectFrom('events').selectAll().where('workspace_id', '=', t.workspace.id).where('type', '=', type).orderBy('created_at').execute();
    const statusOf = async (postId: string) => (await t.db.selectFrom('posts').select('status_id').where('id', '=', postId).executeTakeFirstOrThrow()).status_id;

    test('moves linked posts to Shipped with history and events, in one publish', async () => {
      const planned = await createTestPost(t, { title: 'Bulk edit' });
      await updatePost(contextFor(t), planned.id, { status: 'planned' });
      const fresh = await createTestPost(t, { title: 'Keyboard shortcuts' });
      const alreadyShipped = await createTestPost(t, { title: 'Already out' });
      await updatePost(contextFor(t), alreadyShipped.id, { status: 'shipped' });
      const gone = await createTestPost(t, { title: 'Deleted idea' });
      const entry = await draft({
        title: 'Power tools', type: 'new', body: 'Edit many posts at once. <script>alert(1)</script>',
        postIds: [planned.id, fresh.id, alreadyShipped.id, gone.id],
      });
      await t.db.updateTable('posts').set({ deleted_at: new Date() }).where('id', '=', gone.id).execute();
      const historyBefore = await t.db.selectFrom('status_changes').select('post_id').where('post_id', '=', alreadyShipped.id).execute();

      const res = await publish(entry.id, { moveLinkedPostsToStatus: 'shipped' });
      assert.equal(res.statusCode, 200, res.body);
      const published = res.json();
      assert.equal(published.state, 'published');
      assert.ok(published.publishedAt);
      assert.deepEqual(published.posts.map((p: { status: { slug: string } }) => p.status.slug), ['shipped', 'shipped', 'shipped']);

      for (const post of [planned, fresh]) {
        assert.equal(await statusOf(post.id), shippedId);
        const history = await t.db.selectFrom('status_changes').selectAll().where('post_id', '=', post.id).orderBy('created_at', 'desc').executeTakeFirstOrThrow();
        assert.equal(history.to_status_id, shippedId);
        assert.equal(history.actor_member_id, memberId, 'the history names who shipped it');
      }
      const historyAfter = await t.db.selectFrom('status_changes').select('post_id').where('post_id', '=', alreadyShipped.id).execute();
      assert.equal(historyAfter.length, historyBefore.length, 'a post already shipped gets no second history row');
      assert.notEqual(await statusOf(gone.id), shippedId, 'deleted posts are left alone');

      const statusEvents = (await eventsOf('post.status_changed')).filter((e) => (e.data as { viaChangelogId?: string }).viaChangelogId === entry.id);
      assert.deepEqual(statusEvents.map((e) => e.post_id).sort(), [planned.id, fresh.id].sort());
      for (const e of statusEvents) {
        assert.equal((e.data as { statusId: string }).statusId, shippedId);
        assert.equal(e.actor_member_id, memberId);
      }
      const [event, ...more] = (await eventsOf('changelog.published')).filter((e) => (e.data as { entry: { id: string } }).entry.id === entry.id);
      assert.ok(event);
      assert.equal(more.length, 0);
      const data = event.data as { entry: Record<string, string>; postIds: string[]; movedPostIds: string[]; republished: boolean };
      assert.deepEqual(Object.keys(data.entry).sort(), ['bodyHtml', 'id', 'publishedAt', 'title', 'type', 'url']);
      assert.equal(data.entry.title, 'Power tools');
      assert.equal(data.entry.type, 'new');
      assert.equal(data.entry.url, `https://feedback.example.com/changelog/${entry.id}`);
      assert.equal(data.entry.publishedAt, published.publishedAt);
      assert.doesNotMatch(data.entry.bodyHtml, /<script/);
      assert.deepEqual([...data.postIds].sort(), [planned.id, fresh.id, alreadyShipped.id].sort(), 'every live linked post: their subscribers hear it shipped');
      assert.deepEqual([...data.movedPostIds].sort(), [planned.id, fresh.id].sort());
      assert.equal(data.republished, false);
      // every event is fanned out by a job enqueued in the same transaction
      // (the public jobs view has no payload column; the queue's own table does)
      const jobs = await sql<{ payload: { eventId: string } }>`select j.payload from graphile_worker._private_jobs j
        join graphile_worker._private_tasks k on k.id = j.task_id where k.identifier = 'event.dispatch'`.execute(t.db);
      const queued = new Set(jobs.rows.map((j) => j.payload.eventId));
      for (const e of [event, ...statusEvents]) assert.ok(queued.has(e.id), `dispatch job for ${e.type}`);

      const roadmap = (await t.app.inject({ method: 'GET', url: '/api/v1/roadmap' })).json();
      const shippedColumn = roadmap.columns.find((c: { kind: string }) => c.kind === 'shipped');
      assert.ok(shippedColumn.items.some((c: { id: string }) => c.id === planned.id), 'the roadmap shows it shipped');
    });

    test('without moveLinkedPostsToStatus statuses stay; a republish is marked as such', async () => {
      const post = await createTestPost(t);
      const before = await statusOf(post.id);
      const entry = await draft({ title: 'Small fix', type: 'fixed', postIds: [post.id] });
      // no body at all means no options
      const bare = await t.app.inject({ method: 'POST', url: `/api/v1/changelog/${entry.id}/publish`, headers: editor });
      assert.equal(bare.statusCode, 200, bare.body);
      assert.equal(await statusOf(post.id), before);
      assert.equal((await t.db.selectFrom('status_changes').select('id').where('post_id', '=', post.id).execute()).length, 0);
      await t.app.inject({ method: 'POST', url: `/api/v1/changelog/${entry.id}/unpublish`, headers: editor });
      assert.equal((await publish(entry.id)).statusCode, 200);
      const events = (await eventsOf('changelog.published')).filter((e) => (e.data as { entry: { id: string } }).entry.id === entry.id);
      assert.deepEqual(events.map((e) => (e.data as { republished: boolean }).republished), [false, true]);
    });

    test('a status that is not a shipped one is refused and nothing changes', async () => {
      const post = await createTestPost(t);
      const entry = await draft({ title: 'Careful', type: 'new', postIds: [post.id] });
      const eventsBefore = (await eventsOf('changelog.published')).length;
      for (const ref of ['planned', 'declined', 'no-such-status']) {
        const res = await publish(entry.id, { moveLinkedPostsToStatus: ref });
        assert.equal(res.statusCode, 400, ref);
        assert.equal(res.json().errors[0].field, 'moveLinkedPostsToStatus');
      }
      const state = await t.app.inject({ method: 'GET', url: `/api/v1/changelog/${entry.id}`, headers: admin });
      assert.equal(state.json().state, 'draft');
      assert.equal((await eventsOf('changelog.published')).length, eventsBefore);
      // by id works as well as by slug or kind
      const ok = await publish(entry.id, { moveLinkedPostsToStatus: shippedId });
      assert.equal(ok.statusCode, 200, ok.body);
      assert.equal(await statusOf(post.id), shippedId);
    });

    test('a status change made by hand carries no viaChangelogId', async () => {
      const post = await createTestPost(t);
      await t.app.inject({ method: 'PATCH', url: `/api/v1/posts/${post.id}`, headers: admin, payload: { status: 'in-progress' } });
      const [event] = await t.db.selectFrom('events').selectAll().where('post_id', '=', post.id).where('type', '=', 'post.status_changed').execute();
      assert.ok(event);
      assert.equal('viaChangelogId' in (event.data as object), false);
    });
  });
}
