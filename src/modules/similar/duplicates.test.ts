import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { testTargets } from '../../../test/db.ts';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import { startTestWorker, waitForJobsDone } from '../../../test/worker.ts';
import { bearer, createApiKey, createMember } from '../../../test/factories/team.ts';
import { createBoard, createCustomer, createTestPost, memberHeaders, personHeaders } from '../../../test/factories/content.ts';
import type { WorkerHandle } from '../../jobs/start-worker.ts';
import { createSimilarIndexes } from './similar-indexes.ts';
import { checkNewPost } from './check-new-post.ts';
import { CALIBRATE_TASK, CHECK_POST_TASK } from './similar-jobs.ts';

// Issue 3 §1 "admin duplicate queue": new posts are checked by a job that stores likely pairs; the
// team lists them (best first, with reasons and clusters), merges or dismisses; a dismissed pair is
// never suggested again and, like every merge, becomes a decision the workspace learns from.
for (const target of testTargets()) {
  describe(`duplicate queue [${target.name}]`, () => {
    let t: TestApp;
    let worker: WorkerHandle;
    let admin: Record<string, string>;
    let team: Record<string, string>;
    let boardId: string;

    before(async () => {
      t = await createTestApp(target);
      worker = await startTestWorker(t);
      admin = bearer(await createApiKey(t.db, t.workspace.id, 'admin'));
      team = await memberHeaders(t, (await createMember(t.db, t.workspace.id, { name: 'Quinn Queue' })).id);
      boardId = (await createBoard(t)).id;
    });
    after(async () => {
      await worker.stop();
      await t.close();
    });

    type Pair = { id: string; score: number; matched: string[]; post: { id: string; title: string }; similarPost: { id: string }; cluster: { id: string; size: number } };
    async function queue(headers = team): Promise<Pair[]> {
      const res = await t.app.inject({ method: 'GET', url: '/api/v1/duplicates?limit=100', headers });
      assert.equal(res.statusCode, 200, res.body);
      return res.json().items;
    }
    const pairOf = (items: Pair[], a: string, b: string) => items.find((p) => (p.post.id === a && p.similarPost.id === b) || (p.post.id === b && p.similarPost.id === a));
    const checked = () => waitForJobsDone(t, [CHECK_POST_TASK]);

    test('a new near-duplicate post is checked by a job and lands in the queue with its reasons', async () => {
      const original = await createTestPost(t, { boardId, title: 'Export invoices to CSV', body: 'Our accountant needs a spreadsheet of all invoices.' });
      await createTestPost(t, { boardId, title: 'Dark mode for the dashboard', body: 'Easier on the eyes at night.' });
      const copy = await createTestPost(t, { boardId, title: 'CSV export of invoices', body: 'We need to export invoices as a CSV spreadsheet for accounting.' });
      await checked();
      const items = await queue();
      const pair = pairOf(items, copy.id, original.id);
      assert.ok(pair, JSON.stringify(items));
      assert.equal(pair.post.id, copy.id, 'the newer post is the one checked');
      assert.ok(pair.score > 0);
      assert.ok(pair.matched.some((m) => m.includes('csv')) && pair.matched.some((m) => m.includes('invoices')), JSON.stringify(pair.matched));
      assert.deepEqual(pair.cluster, { id: [copy.id, original.id].sort()[0], size: 2 });
      assert.ok(!items.some((p) => p.post.title.startsWith('Dark') || p.similarPost.id === copy.id && p.post.title.startsWith('Dark')));

      // a third report of the same idea joins the cluster
      const third = await createTestPost(t, { boardId, title: 'Invoices CSV export', body: 'Download invoices as CSV for the accountant.' });
      await checked();
      const grown = (await queue()).filter((p) => [p.post.id, p.similarPost.id].includes(third.id));
      assert.ok(grown.length >= 1);
      assert.ok(grown.every((p) => p.cluster.size === 3), JSON.stringify(grown));
    });

    test('best first, paged with a cursor; the queue is the team\'s', async () => {
      for (const word of ['alpha', 'beta', 'gamma']) {
        await createTestPost(t, { boardId, title: `Sync ${word} calendars with Outlook`, body: `Two-way ${word} calendar sync with Outlook.` });
      }
      await checked();
      const all = await queue();
      assert.ok(all.length >= 3);
      for (let i = 1; i < all.length; i++) assert.ok(all[i - 1].score >= all[i].score, 'best first');
      const seen: string[] = [];
      const fetchPage = (after: string | null) => t.app.inject({ method: 'GET', url: `/api/v1/duplicates?limit=2${after ? `&cursor=${after}` : ''}`, headers: admin });
      let cursor: string | null = null;
      do {
        const res = await fetchPage(cursor);
        assert.equal(res.statusCode, 200, res.body);
        const page = res.json() as { items: Pair[]; nextCursor: string | null };
        seen.push(...page.items.map((p) => p.id));
        cursor = page.nextCursor;
      } while (cursor);
      assert.deepEqual(seen, all.map((p) => p.id));
      assert.equal((await t.app.inject({ method: 'GET', url: '/api/v1/duplicates?cursor=garbage', headers: admin })).statusCode, 400);
      const forged = Buffer.from(JSON.stringify([0.5, 'not-a-uuid'])).toString('base64url');
      assert.equal((await t.app.inject({ method: 'GET', url: `/api/v1/duplicates?cursor=${forged}`, headers: admin })).statusCode, 400, 'a forged id is refused, not sent to SQL');
      assert.equal((await t.app.inject({ method: 'GET', url: '/api/v1/duplicates' })).statusCode, 403);
      const person = await personHeaders(t, (await createCustomer(t)).id);
      assert.equal((await t.app.inject({ method: 'GET', url: '/api/v1/duplicates', headers: person })).statusCode, 403);
    });

    test('"not a duplicate" is remembered: never suggested again, and learned from', async () => {
      const a = await createTestPost(t, { boardId, title: 'Bulk edit tags on posts', body: 'Select many posts and change their tags.' });
      const b = await createTestPost(t, { boardId, title: 'Bulk edit tags of people', body: 'Select many people and change their tags.' });
      await checked();
      const pair = pairOf(await queue(), b.id, a.id);
      assert.ok(pair);
      const reader = bearer(await createApiKey(t.db, t.workspace.id, 'read'));
      const dismiss = (id: string, headers = team) => t.app.inject({ method: 'POST', url: `/api/v1/duplicates/${id}/dismiss`, headers, payload: {} });
      assert.equal((await dismiss(pair.id, reader)).statusCode, 403, 'read-only keys may look, not decide');
      const res = await dismiss(pair.id);
      assert.equal(res.statusCode, 200, res.body);
      assert.deepEqual(res.json(), { id: pair.id, state: 'dismissed' });
      assert.equal((await dismiss(pair.id)).statusCode, 200, 'idempotent');
      assert.equal(pairOf(await queue(), a.id, b.id), undefined);

      // checking either post again (here: directly, as the job would) never brings the pair back
      const indexes = createSimilarIndexes(t.db);
      assert.equal(await checkNewPost(t.db, indexes, { workspaceId: t.workspace.id, postId: b.id }), 0);
      assert.equal(await checkNewPost(t.db, indexes, { workspaceId: t.workspace.id, postId: a.id }), 0);
      assert.equal(pairOf(await queue(), a.id, b.id), undefined);
      const rows = await t.db.selectFrom('duplicate_candidates').select(['state', 'decided_by_member_id']).where('id', '=', pair.id).execute();
      assert.equal(rows.length, 1);
      assert.equal(rows[0].state, 'dismissed');
      assert.ok(rows[0].decided_by_member_id);

      // the decision schedules a (debounced) recalibration, which stores the workspace's decisions
      const { rows: jobs } = await sql<{ n: number }>`select count(*)::int as n from graphile_worker.jobs where task_identifier = ${CALIBRATE_TASK}`.execute(t.db);
      assert.equal(jobs[0].n, 1);
      await waitForJobsDone(t, [CALIBRATE_TASK], { timeoutMs: 30_000 });
      const settings = await t.db.selectFrom('similar_settings').selectAll().where('workspace_id', '=', t.workspace.id).executeTakeFirstOrThrow();
      assert.ok(settings.decisions >= 1);
      assert.ok(settings.calibrated_at);

      assert.equal((await dismiss(crypto.randomUUID())).statusCode, 404);
      assert.equal((await dismiss('nope')).statusCode, 400);
    });

    test('merging from the queue takes the pair out; posts deleted or merged leave the queue', async () => {
      const a = await createTestPost(t, { boardId, title: 'Two factor authentication', body: 'Log in with a code from an authenticator app.' });
      const b = await createTestPost(t, { boardId, title: 'Two-factor authentication with an app', body: 'Authenticator app codes at log in.' });
      await checked();
      assert.ok(pairOf(await queue(), a.id, b.id));
      const merged = await t.app.inject({ method: 'POST', url: `/api/v1/posts/${b.id}/merge`, headers: team, payload: { into: a.id } });
      assert.equal(merged.statusCode, 200, merged.body);
      assert.equal(pairOf(await queue(), a.id, b.id), undefined);
      assert.equal((await t.app.inject({ method: 'POST', url: `/api/v1/posts/${b.id}/unmerge`, headers: team, payload: {} })).statusCode, 200);
      assert.ok(pairOf(await queue(), a.id, b.id), 'unmerged: the suggestion stands again');
      assert.equal((await t.app.inject({ method: 'DELETE', url: `/api/v1/posts/${a.id}`, headers: team })).statusCode, 204);
      assert.equal(pairOf(await queue(), a.id, b.id), undefined);
    });
  });
}
