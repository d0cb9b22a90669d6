// The per-event delivery audit on a big fan-out: recipients paged with a cursor, narrowed by state or
// searched, and totals that always count the same rows the page lists, even while emails go out.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { testTargets } from '../../../test/db.ts';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import { createMember, createPerson } from '../../../test/factories/team.ts';
import { castVote, createTestPost, memberHeaders, personHeaders } from '../../../test/factories/content.ts';
import { loadEvent } from '../events/index.ts';
import { fanOutEvent } from './index.ts';

const silent = { info() {}, warn() {}, error() {} };

type Delivery = { id: string; channel: string; state: string; skipReason: string | null; recipient: { id: string; name: string | null; email: string | null } };
type Audit = { summary: { email: Record<string, unknown> & { sent: number; queued: number; failed: number; skipped: number } }; items: Delivery[]; nextCursor: string | null };

for (const target of testTargets()) {
  describe(`event delivery audit [${target.name}]`, () => {
    let t: TestApp;
    let adminHeaders: Record<string, string>;
    let eventId: string;
    const VOTERS = 23;
    const QUIET = 4;

    before(async () => {
      t = await createTestApp(target);
      adminHeaders = await memberHeaders(t, (await createMember(t.db, t.workspace.id, { name: 'Ada Admin' })).id);
      const post = await createTestPost(t, { author: null, title: 'Offline mode' });
      for (let i = 0; i < VOTERS; i++) {
        const person = await createPerson(t.db, t.workspace.id, { email: `voter${String(i).padStart(2, '0')}@example.com`, name: i === 7 ? 'Grace Hopper' : `Voter ${i}` });
        await castVote(t, post.id, person.email);
        if (i < QUIET) {
          const res = await t.app.inject({ method: 'PATCH', url: '/api/v1/preferences', headers: await personHeaders(t, person.id), payload: { unsubscribedAll: true } });
          assert.equal(res.statusCode, 200, res.body);
        }
      }
      const changed = await t.app.inject({ method: 'PATCH', url: `/api/v1/posts/${post.id}`, headers: adminHeaders, payload: { status: 'planned' } });
      assert.equal(changed.statusCode, 200, changed.body);
      eventId = (await t.db.selectFrom('events').select('id').where('post_id', '=', post.id).where('type', '=', 'post.status_changed').executeTakeFirstOrThrow()).id;
      const event = await loadEvent(t.db, eventId);
      assert.ok(event);
      await fanOutEvent({ db: t.db, config: t.config, log: silent }, event);
    });
    after(() => t.close());

    const audit = async (query: Record<string, string | number> = {}) => {
      const search = new URLSearchParams(Object.entries(query).map(([k, v]) => [k, String(v)]));
      const res = await t.app.inject({ method: 'GET', url: `/api/v1/events/${eventId}/deliveries?${search}`, headers: adminHeaders });
      assert.equal(res.statusCode, 200, res.body);
      return res.json() as Audit;
    };
    const emails = (page: Audit) => page.items.filter((d) => d.channel === 'email');

    test('pages walk every recipient once, problems first, each with its in-app row; totals count everyone', async () => {
      const seen: Delivery[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const page: Audit = await audit({ limit: 5, ...(cursor ? { cursor } : {}) });
        pages++;
        assert.deepEqual(page.summary.email, { sent: 0, queued: VOTERS - QUIET, failed: 0, skipped: QUIET, skippedByReason: { unsubscribed: QUIET } });
        const pageEmails = emails(page);
        assert.ok(pageEmails.length <= 5);
        const inApp = page.items.filter((d) => d.channel === 'in_app');
        assert.deepEqual(inApp.map((d) => d.recipient.id).sort(), pageEmails.map((d) => d.recipient.id).sort(), 'each recipient on the page comes with its in-app delivery');
        seen.push(...pageEmails);
        cursor = page.nextCursor;
      } while (cursor);
      assert.equal(pages, Math.ceil(VOTERS / 5));
      assert.equal(new Set(seen.map((d) => d.id)).size, VOTERS, 'nobody twice, nobody missed');
      assert.deepEqual(seen.map((d) => d.state), [...Array(VOTERS - QUIET).fill('queued'), ...Array(QUIET).fill('skipped')], 'pending before skipped');
    });

    test('a state narrows the list and a search finds a recipient by name or address; the totals stay whole', async () => {
      const skipped = await audit({ state: 'skipped' });
      assert.deepEqual(emails(skipped).map((d) => d.recipient.email).sort(), ['voter00@example.com', 'voter01@example.com', 'voter02@example.com', 'voter03@example.com']);
      assert.equal(skipped.summary.email.queued, VOTERS - QUIET);
      assert.equal(skipped.nextCursor, null);

      assert.deepEqual(emails(await audit({ q: 'grace' })).map((d) => d.recipient.email), ['voter07@example.com']);
      assert.deepEqual(emails(await audit({ q: 'VOTER1' })).map((d) => d.recipient.email).sort(), Array.from({ length: 10 }, (_, i) => `voter1${i}@example.com`));
      assert.deepEqual(emails(await audit({ q: '%' })), [], 'wildcards are taken literally');
      assert.deepEqual(emails(await audit({ state: 'failed' })), []);
    });

    test('the totals and the page are one snapshot while emails go out', async () => {
      const queued = emails(await audit({ state: 'queued', limit: 200 })).map((d) => d.id);
      let sending = true;
      const sender = (async () => {
        for (const id of queued) {
          await t.db.updateTable('deliveries').set({ state: 'sent', sent_at: new Date(), updated_at: new Date() }).where('id', '=', id).execute();
        }
        sending = false;
      })();
      let reads = 0;
      while (sending || reads < 3) {
        const page = await audit({ limit: 200 });
        const listed = { sent: 0, queued: 0, failed: 0, skipped: 0 } as Record<string, number>;
        for (const d of emails(page)) listed[d.state]++;
        const { sent, queued: pending, failed, skipped } = page.summary.email;
        assert.deepEqual({ sent, queued: pending, failed, skipped }, listed, 'the summary counts what the list shows');
        reads++;
      }
      await sender;
      assert.equal((await audit()).summary.email.sent, VOTERS - QUIET);
    });

    test('bad queries get field errors', async () => {
      const forged = Buffer.from(JSON.stringify(['sent', '2026-01-01T00:00:00Z', 'not-a-uuid'])).toString('base64url');
      for (const [query, field] of [[`cursor=${forged}`, 'cursor'], ['cursor=nonsense', 'cursor'], ['limit=0', 'limit'], ['limit=201', 'limit'], ['state=lost', 'state']] as const) {
        const res = await t.app.inject({ method: 'GET', url: `/api/v1/events/${eventId}/deliveries?${query}`, headers: adminHeaders });
        assert.equal(res.statusCode, 400, `${query}: ${res.body}`);
        assert.ok(res.json().errors.some((e: { field: string }) => e.field === field), `${query}: ${res.body}`);
      }
      const log = await t.app.inject({ method: 'GET', url: `/api/v1/notifications/log?cursor=${Buffer.from(JSON.stringify(['2026-01-01T00:00:00Z', 'x'])).toString('base64url')}`, headers: adminHeaders });
      assert.equal(log.statusCode, 400, log.body);
    });
  });
}
