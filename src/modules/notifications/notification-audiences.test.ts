// Who hears about what: the fan-out of real events (made through the API) on a real database, run
// directly (the worker's part, without waiting for it), then read back through the API.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { testTargets } from '../../../test/db.ts';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import { createMember, createPerson } from '../../../test/factories/team.ts';
import { castVote, createBoard, createTestPost, memberHeaders, personHeaders } from '../../../test/factories/content.ts';
import { withTransaction } from '../../db/database.ts';
import { loadEvent, recordEvent } from '../events/index.ts';
import { fanOutEvent } from './index.ts';

const silent = { info() {}, warn() {}, error() {} };

for (const target of testTargets()) {
  describe(`notification audiences [${target.name}]`, () => {
    let t: TestApp;
    let adminHeaders: Record<string, string>;

    before(async () => {
      t = await createTestApp(target);
      adminHeaders = await memberHeaders(t, (await createMember(t.db, t.workspace.id, { name: 'Max Member' })).id);
    });
    after(() => t.close());

    const lastEvent = (type: string, postId?: string) => {
      let query = t.db.selectFrom('events').select('id').where('type', '=', type).where('workspace_id', '=', t.workspace.id);
      if (postId) query = query.where('post_id', '=', postId);
      return query.orderBy('created_at', 'desc').limit(1).executeTakeFirstOrThrow();
    };
    const fanOut = async (eventId: string) => {
      const event = await loadEvent(t.db, eventId);
      assert.ok(event);
      await fanOutEvent({ db: t.db, config: t.config, log: silent }, event);
      return (await t.app.inject({ method: 'GET', url: `/api/v1/events/${eventId}/deliveries`, headers: adminHeaders })).json();
    };
    type Delivery = { channel: string; state: string; skipReason: string | null; kind: string; recipient: { email: string } };
    const emailOutcome = (audit: { items: Delivery[] }) =>
      Object.fromEntries(audit.items.filter((d) => d.channel === 'email').map((d) => [d.recipient.email, `${d.kind}:${d.skipReason ?? d.state}`]));

    test('a team comment is an official reply to every follower; a reply notifies the parent comment author once', async () => {
      const [asker, follower] = await Promise.all(['asker', 'follower'].map((n) => createPerson(t.db, t.workspace.id, { email: `${n}-${target.name}@example.com` })));
      const post = await createTestPost(t, { author: null });
      await castVote(t, post.id, follower.email);
      const question = await t.app.inject({ method: 'POST', url: `/api/v1/posts/${post.id}/comments`, headers: await personHeaders(t, asker.id), payload: { body: 'Any news?' } });
      const questionEvent = await lastEvent('comment.created', post.id);
      assert.deepEqual((await fanOut(questionEvent.id)).items, [], 'a customer comment that replies to no one notifies no one');

      await t.app.inject({ method: 'POST', url: `/api/v1/posts/${post.id}/comments`, headers: adminHeaders, payload: { body: 'Working on it', parentId: question.json().id } });
      const audit = await fanOut((await lastEvent('comment.created', post.id)).id);
      assert.deepEqual(emailOutcome(audit), {
        [asker.email]: 'comment_reply:queued',
        [follower.email]: 'official_reply:queued',
        [(await t.db.selectFrom('members').select('email').where('name', '=', 'Max Member').executeTakeFirstOrThrow()).email]: 'official_reply:self',
      });

      await t.app.inject({ method: 'POST', url: `/api/v1/posts/${post.id}/comments`, headers: adminHeaders, payload: { body: 'Internal note', internal: true } });
      assert.deepEqual((await fanOut((await lastEvent('comment.created', post.id)).id)).items, [], 'internal notes notify nobody');
    });

    test('followers of merged posts hear about the target, once per person', async () => {
      const [both, onlySource] = await Promise.all(['both', 'only-source'].map((n) => createPerson(t.db, t.workspace.id, { email: `${n}-${target.name}@example.com` })));
      const targetPost = await createTestPost(t, { author: null });
      const source = await createTestPost(t, { author: null });
      await castVote(t, source.id, both.email);
      await castVote(t, source.id, onlySource.email);
      await castVote(t, targetPost.id, both.email);
      await t.db.updateTable('posts').set({ merged_into_id: targetPost.id, merged_at: new Date() }).where('id', '=', source.id).execute();
      await t.app.inject({ method: 'PATCH', url: `/api/v1/posts/${targetPost.id}`, headers: adminHeaders, payload: { status: 'planned' } });
      const audit = await fanOut((await lastEvent('post.status_changed', targetPost.id)).id);
      assert.deepEqual(emailOutcome(audit), { [both.email]: 'status_changed:queued', [onlySource.email]: 'status_changed:queued' });
      assert.equal(audit.items.length, 4, 'one email and one in-app delivery each');
    });

    test('private boards: end users are skipped (private_board), team followers are told', async () => {
      const board = await createBoard(t, { visibility: 'private' });
      const customer = await createPerson(t.db, t.workspace.id, { email: `private-${target.name}@example.com` });
      const watcher = await createMember(t.db, t.workspace.id, { email: `watcher-${target.name}@bb.test` });
      const post = await createTestPost(t, { boardId: board.id, author: customer.email });
      await t.app.inject({ method: 'PUT', url: `/api/v1/posts/${post.id}/subscription`, headers: await memberHeaders(t, watcher.id) });
      await t.app.inject({ method: 'PATCH', url: `/api/v1/posts/${post.id}`, headers: adminHeaders, payload: { status: 'planned' } });
      const audit = await fanOut((await lastEvent('post.status_changed', post.id)).id);
      assert.deepEqual(emailOutcome(audit), { [customer.email]: 'status_changed:private_board', [watcher.email]: 'status_changed:queued' });
      const inbox = (await t.app.inject({ method: 'GET', url: '/api/v1/notifications', headers: await personHeaders(t, customer.id) })).json();
      assert.equal(inbox.items.length, 0);
    });

    test('a published changelog entry tells the followers of its linked posts, once each; a republish tells no one', async () => {
      const [a, b] = await Promise.all(['cl-a', 'cl-b'].map((n) => createPerson(t.db, t.workspace.id, { email: `${n}-${target.name}@example.com` })));
      const p1 = await createTestPost(t, { author: a.email });
      const p2 = await createTestPost(t, { author: null });
      await castVote(t, p2.id, a.email);
      await castVote(t, p2.id, b.email);
      const entry = await t.db.insertInto('changelog_entries').values({ workspace_id: t.workspace.id, title: 'Dark mode', body: 'Now with **themes**.', type: 'new' }).returning('id').executeTakeFirstOrThrow();
      const publish = async (republished: boolean) => {
        const recorded = await withTransaction(t.db, (tx) => recordEvent(tx, {
          actor: { kind: 'system', workspaceId: t.workspace.id }, type: 'changelog.published',
          data: { entry: { id: entry.id, title: 'Dark mode', url: `${t.config.publicUrl}/changelog/${entry.id}` }, postIds: [p1.id, p2.id], republished },
        }));
        assert.ok(recorded, 'changelog events are always recorded');
        return recorded;
      };
      const audit = await fanOut((await publish(false)).id);
      assert.deepEqual(emailOutcome(audit), { [a.email]: 'changelog:queued', [b.email]: 'changelog:queued' });
      const inbox = (await t.app.inject({ method: 'GET', url: '/api/v1/notifications', headers: await personHeaders(t, b.id) })).json();
      assert.equal(inbox.items[0].title, 'You asked for it, it shipped: Dark mode');
      assert.equal(inbox.items[0].excerpt, 'Now with themes.');
      assert.equal(inbox.items[0].url, `${t.config.publicUrl}/changelog/${entry.id}`);
      assert.deepEqual((await fanOut((await publish(true)).id)).items, []);
    });

    test('the in-app inbox: newest first, paged, unread count, mark read (own notifications only)', async () => {
      const reader = await createPerson(t.db, t.workspace.id, { email: `reader-${target.name}@example.com` });
      const other = await createPerson(t.db, t.workspace.id);
      const post = await createTestPost(t, { author: reader.email });
      await castVote(t, post.id, other.email);
      for (const status of ['planned', 'in_progress', 'shipped']) {
        await t.app.inject({ method: 'PATCH', url: `/api/v1/posts/${post.id}`, headers: adminHeaders, payload: { status } });
        await fanOut((await lastEvent('post.status_changed', post.id)).id);
      }
      const headers = await personHeaders(t, reader.id);
      const page1 = (await t.app.inject({ method: 'GET', url: '/api/v1/notifications?limit=2', headers })).json();
      assert.equal(page1.unreadCount, 3);
      assert.deepEqual(page1.items.map((i: { title: string }) => i.title.replace(/^".*" is now /, '')), ['Shipped', 'In progress']);
      const page2 = (await t.app.inject({ method: 'GET', url: `/api/v1/notifications?limit=2&cursor=${page1.nextCursor}`, headers })).json();
      assert.equal(page2.items.length, 1);
      assert.equal(page2.nextCursor, null);

      const otherInbox = (await t.app.inject({ method: 'GET', url: '/api/v1/notifications', headers: await personHeaders(t, other.id) })).json();
      const foreign = await t.app.inject({ method: 'POST', url: '/api/v1/notifications/read', headers: await personHeaders(t, other.id), payload: { ids: [page1.items[0].id] } });
      assert.equal(foreign.json().unreadCount, otherInbox.unreadCount, "someone else's ids change nothing");
      const one = await t.app.inject({ method: 'POST', url: '/api/v1/notifications/read', headers, payload: { ids: [page1.items[0].id] } });
      assert.equal(one.json().unreadCount, 2);
      const all = await t.app.inject({ method: 'POST', url: '/api/v1/notifications/read', headers, payload: { all: true } });
      assert.equal(all.json().unreadCount, 0);
      assert.equal((await t.app.inject({ method: 'POST', url: '/api/v1/notifications/read', headers, payload: {} })).statusCode, 400);
      assert.equal((await t.app.inject({ method: 'GET', url: '/api/v1/notifications' })).statusCode, 401);
    });

    test('the audit and the log are for the team only', async () => {
      const customer = await createPerson(t.db, t.workspace.id);
      const post = await createTestPost(t, { author: customer.email });
      await t.app.inject({ method: 'PATCH', url: `/api/v1/posts/${post.id}`, headers: adminHeaders, payload: { status: 'declined', statusMessage: 'Not for now' } });
      const event = await lastEvent('post.status_changed', post.id);
      await fanOut(event.id);
      const log = (await t.app.inject({ method: 'GET', url: `/api/v1/notifications/log?postId=${post.id}`, headers: adminHeaders })).json();
      assert.equal(log.items.length, 1);
      assert.equal(log.items[0].id, event.id);
      assert.deepEqual(log.items[0].summary.email, { sent: 0, queued: 1, failed: 0, skipped: 0, skippedByReason: {} });
      const asCustomer = await personHeaders(t, customer.id);
      assert.equal((await t.app.inject({ method: 'GET', url: `/api/v1/events/${event.id}/deliveries`, headers: asCustomer })).statusCode, 403);
      assert.equal((await t.app.inject({ method: 'GET', url: '/api/v1/notifications/log', headers: asCustomer })).statusCode, 403);
      assert.equal((await t.app.inject({ method: 'GET', url: `/api/v1/events/${crypto.randomUUID()}/deliveries`, headers: adminHeaders })).statusCode, 404);
    });
  });
}
