// Notification email end to end on real parts: API change → event → worker fan-out → email job →
// a real SMTP server, parsed back with mailparser.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { ParsedMail } from 'mailparser';
import { testTargets } from '../../../test/db.ts';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import { startSmtpServer, type ReceivedMail, type TestSmtpServer } from '../../../test/smtp-server.ts';
import { startTestWorker, waitForJobsDone, waitUntil } from '../../../test/worker.ts';
import { createMember, createPerson } from '../../../test/factories/team.ts';
import { castVote, createTestPost, memberHeaders, personHeaders } from '../../../test/factories/content.ts';
import { createSmtpMailer } from '../../email/create-mailer.ts';
import { addJob } from '../../jobs/index.ts';
import type { WorkerHandle } from '../../jobs/start-worker.ts';
import type { Mailer } from '../../email/mailer.ts';

const HOSTILE = 'Shipped in **v2**! <img src=x onerror=alert(1)> [x](javascript:alert(2))';

for (const target of testTargets()) {
  describe(`notification emails over SMTP [${target.name}]`, () => {
    let t: TestApp;
    let smtp: TestSmtpServer;
    let mailer: Mailer;
    let worker: WorkerHandle;
    let admin: { id: string; email: string };
    let adminHeaders: Record<string, string>;

    before(async () => {
      smtp = await startSmtpServer();
      mailer = createSmtpMailer(smtp.url, 'Backboard <no-reply@bb.test>');
      t = await createTestApp(target, { mailer, config: { publicUrl: 'https://feedback.bb.test' } });
      worker = await startTestWorker(t, { mailer });
      admin = await createMember(t.db, t.workspace.id, { email: 'admin@bb.test', name: 'Ada Admin' });
      adminHeaders = await memberHeaders(t, admin.id);
    });
    after(async () => {
      await worker.stop();
      await mailer.close();
      await t.close();
      await smtp.close();
    });

    const changeStatus = async (postId: string, status: string, statusMessage?: string) => {
      const res = await t.app.inject({ method: 'PATCH', url: `/api/v1/posts/${postId}`, headers: adminHeaders, payload: { status, ...(statusMessage ? { statusMessage } : {}) } });
      assert.equal(res.statusCode, 200, res.body);
      const event = await t.db.selectFrom('events').select('id').where('post_id', '=', postId).where('type', '=', 'post.status_changed')
        .orderBy('created_at', 'desc').executeTakeFirstOrThrow();
      return event.id;
    };
    const audit = async (eventId: string) => (await t.app.inject({ method: 'GET', url: `/api/v1/events/${eventId}/deliveries`, headers: adminHeaders })).json();
    const settled = (eventId: string) => waitUntil(async () => {
      const result = await audit(eventId);
      return result.items.length > 0 && result.summary.email.queued === 0 ? result : undefined;
    }, { what: `deliveries of ${eventId}` });
    const mailTo = (address: string, received: ReceivedMail[] = smtp.received) => received.filter((m) => m.envelope.to.includes(address));
    // the raw header line (mailparser turns List-* headers into objects)
    const header = (mail: ParsedMail, name: string) => {
      const line = mail.headerLines.find((h) => h.key === name)?.line ?? '';
      return line.slice(line.indexOf(':') + 1).replace(/\r?\n\s+/g, ' ').trim();
    };

    test('a status change with a message emails each subscriber once, with stable ids and unsubscribe headers', async () => {
      const [voter, commenter, unfollower, quiet] = await Promise.all(['voter', 'commenter', 'unfollower', 'quiet'].map((n) => createPerson(t.db, t.workspace.id, { email: `${n}@example.com`, name: n })));
      const post = await createTestPost(t, { author: 'author@example.com', title: 'Dark mode <please>' });
      for (const p of [voter, unfollower, quiet]) await castVote(t, post.id, p.email);
      await t.app.inject({ method: 'POST', url: `/api/v1/posts/${post.id}/comments`, headers: await personHeaders(t, commenter.id), payload: { body: 'Yes!' } });
      await t.app.inject({ method: 'DELETE', url: `/api/v1/posts/${post.id}/subscription`, headers: await personHeaders(t, unfollower.id) });
      await t.app.inject({ method: 'PATCH', url: '/api/v1/preferences', headers: await personHeaders(t, quiet.id), payload: { unsubscribedAll: true } });
      await t.app.inject({ method: 'PUT', url: `/api/v1/posts/${post.id}/subscription`, headers: adminHeaders });

      const eventId = await changeStatus(post.id, 'shipped', HOSTILE);
      const result = await settled(eventId);
      const byAddress = Object.fromEntries(result.items.filter((d: { channel: string }) => d.channel === 'email').map((d: { address: string; state: string; skipReason: string | null }) => [d.address, d.skipReason ?? d.state]));
      assert.deepEqual(byAddress, {
        'author@example.com': 'sent', 'voter@example.com': 'sent', 'commenter@example.com': 'sent',
        'unfollower@example.com': 'unsubscribed', 'quiet@example.com': 'unsubscribed', 'admin@bb.test': 'self',
      });
      assert.deepEqual(result.summary.email, { sent: 3, queued: 0, failed: 0, skipped: 3, skippedByReason: { unsubscribed: 2, self: 1 } });
      assert.equal(result.summary.inApp.sent, 4, 'the globally unsubscribed person still gets the in-app notification');

      for (const address of ['author@example.com', 'voter@example.com', 'commenter@example.com']) {
        const delivery = result.items.find((d: { address: string; channel: string }) => d.address === address && d.channel === 'email');
        const [mail] = mailTo(address);
        assert.ok(mail, `mail for ${address}`);
        assert.equal(mailTo(address).length, 1);
        assert.equal(mail.parsed.messageId, `<${delivery.id}@feedback.bb.test>`);
        assert.equal(delivery.messageId, mail.parsed.messageId);
        assert.equal(mail.parsed.subject, '"Dark mode <please>" is now Shipped');
        assert.match(header(mail.parsed, 'list-unsubscribe'), /^<https:\/\/feedback\.bb\.test\/api\/v1\/unsubscribe\?token=[\w.-]+>$/);
        assert.equal(header(mail.parsed, 'list-unsubscribe-post'), 'List-Unsubscribe=One-Click');
        const html = String(mail.parsed.html);
        assert.ok(html.includes('<strong>v2</strong>'), 'markdown is rendered');
        assert.ok(!/<img|href="javascript:|<script/i.test(html), 'user content is inert');
        assert.ok(html.includes('&lt;img src=x onerror=alert(1)&gt;'), 'raw HTML in markdown stays text');
        assert.ok(html.includes('&quot;Dark mode &lt;please&gt;&quot; is now Shipped'), 'titles are escaped');
        assert.ok(html.includes('https://feedback.bb.test/preferences?token='), 'a manage-preferences link');
        assert.ok(mail.parsed.text?.includes(`https://feedback.bb.test/p/${post.id}`));
      }
      assert.equal(mailTo('unfollower@example.com').length + mailTo('quiet@example.com').length + mailTo('admin@bb.test').length, 0);
    });

    test('the one-click List-Unsubscribe POST stops mail of that kind, other kinds still arrive', async () => {
      const fan = await createPerson(t.db, t.workspace.id, { email: 'fan@example.com' });
      const post = await createTestPost(t, { author: null });
      await castVote(t, post.id, fan.email);
      await settled(await changeStatus(post.id, 'planned'));
      const [first] = mailTo(fan.email);
      const unsubscribeUrl = new URL(/^<([^>]+)>$/.exec(header(first.parsed, 'list-unsubscribe'))![1]);
      const oneClick = await t.app.inject({
        method: 'POST', url: unsubscribeUrl.pathname + unsubscribeUrl.search,
        headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: 'List-Unsubscribe=One-Click',
      });
      assert.equal(oneClick.statusCode, 200, oneClick.body);

      const after = await settled(await changeStatus(post.id, 'in_progress'));
      const fanEmail = after.items.find((d: { address: string; channel: string }) => d.address === fan.email && d.channel === 'email');
      assert.equal(fanEmail.skipReason, 'preference_off');
      assert.equal(mailTo(fan.email).length, 1, 'no second status email');

      // a reply to their comment is another kind of mail, still on
      const comment = await t.app.inject({ method: 'POST', url: `/api/v1/posts/${post.id}/comments`, headers: await personHeaders(t, fan.id), payload: { body: 'When?' } });
      await t.app.inject({ method: 'POST', url: `/api/v1/posts/${post.id}/comments`, headers: adminHeaders, payload: { body: 'Next **week**.', parentId: comment.json().id } });
      const reply = await smtp.waitFor((m) => m.envelope.to.includes(fan.email) && m.parsed.subject === `Ada Admin replied to your comment on "${post.title}"`);
      assert.ok(String(reply.parsed.html).includes('Next <strong>week</strong>.'));
    });

    test('publishing a changelog entry that ships the post sends one "it shipped" email, not a status email too', async () => {
      const asker = await createPerson(t.db, t.workspace.id, { email: 'asker@example.com' });
      const post = await createTestPost(t, { author: null, title: 'Bulk export' });
      await castVote(t, post.id, asker.email);
      const entry = await t.app.inject({ method: 'POST', url: '/api/v1/changelog', headers: adminHeaders, payload: { title: 'Bulk export is here', body: 'Export **everything**.', type: 'new', postIds: [post.id] } });
      assert.equal(entry.statusCode, 201, entry.body);
      const published = await t.app.inject({ method: 'POST', url: `/api/v1/changelog/${entry.json().id}/publish`, headers: adminHeaders, payload: { moveLinkedPostsToStatus: 'shipped' } });
      assert.equal(published.statusCode, 200, published.body);
      const mail = await smtp.waitFor((m) => m.envelope.to.includes(asker.email));
      assert.equal(mail.parsed.subject, 'You asked for it, it shipped: Bulk export is here');
      assert.ok(String(mail.parsed.html).includes('Export <strong>everything</strong>.'));
      assert.ok(mail.parsed.text?.includes(`https://feedback.bb.test/changelog/${entry.json().id}`));
      await waitForJobsDone(t, ['event.dispatch', 'notification.send-email']);
      assert.equal(mailTo(asker.email).length, 1, 'the status change it made is not announced a second time');
      assert.equal((await t.db.selectFrom('posts').innerJoin('statuses', 'statuses.id', 'posts.status_id').select('statuses.kind').where('posts.id', '=', post.id).executeTakeFirstOrThrow()).kind, 'shipped');
    });

    test('dispatching the same event again never sends a second email or notification', async () => {
      const person = await createPerson(t.db, t.workspace.id, { email: 'once@example.com' });
      const post = await createTestPost(t, { author: null });
      await castVote(t, post.id, person.email);
      const eventId = await changeStatus(post.id, 'planned', 'Soon.');
      const first = await settled(eventId);
      await addJob(t.db, 'event.dispatch', { eventId });
      await addJob(t.db, 'event.dispatch', { eventId }, { jobKey: `again-${eventId}` });
      await waitForJobsDone(t, ['event.dispatch', 'notification.send-email']);
      const again = await audit(eventId);
      assert.deepEqual(again.items.map((d: { id: string }) => d.id).sort(), first.items.map((d: { id: string }) => d.id).sort());
      assert.equal(mailTo('once@example.com').length, 1);
      const inbox = (await t.app.inject({ method: 'GET', url: '/api/v1/notifications', headers: await personHeaders(t, person.id) })).json();
      assert.equal(inbox.items.length, 1);
      assert.equal(inbox.unreadCount, 1);
    });
  });
}
