import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { testTargets } from '../../../test/db.ts';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import { createMember } from '../../../test/factories/team.ts';
import { createTestPost, memberHeaders } from '../../../test/factories/content.ts';
import { startWorker } from '../../jobs/start-worker.ts';
import { buildTaskList } from '../../task-list.ts';
import { publishScheduledEntry } from './publish-scheduled-entry.ts';

const silent = { info() {}, warn() {}, error() {} };

for (const target of testTargets()) {
  describe(`scheduling a changelog entry [${target.name}]`, () => {
    let t: TestApp;
    let editor: Record<string, string>;

    before(async () => {
      t = await createTestApp(target);
      editor = await memberHeaders(t, (await createMember(t.db, t.workspace.id, { role: 'admin' })).id);
    });
    after(() => t.close());

    async function call(url: string, payload?: Record<string, unknown>, method: 'POST' | 'GET' | 'DELETE' = 'POST') {
      return t.app.inject({ method, url, headers: editor, ...(payload ? { payload } : {}) });
    }
    async function draft(postIds: string[] = []) {
      const res = await call('/api/v1/changelog', { title: 'Scheduled release', type: 'improved', body: 'Faster **everything**.', postIds });
      assert.equal(res.statusCode, 201, res.body);
      return res.json() as { id: string };
    }
    /** The pending publish jobs of an entry, straight from the queue's table. */
    async function jobsOf(entryId: string) {
      const { rows } = await sql<{ run_at: Date; payload: { entryId: string } }>`
        select run_at, payload from graphile_worker._private_jobs where key = ${`changelog.publish:${entryId}`}`.execute(t.db);
      return rows;
    }
    const inSeconds = (s: number) => new Date(Date.now() + s * 1000);

    test('schedule, reschedule and unschedule keep exactly one job (or none) for the entry', async () => {
      const entry = await draft();
      const first = inSeconds(3600);
      const res = await call(`/api/v1/changelog/${entry.id}/schedule`, { at: first.toISOString(), moveLinkedPostsToStatus: 'shipped' });
      assert.equal(res.statusCode, 200, res.body);
      const scheduled = res.json();
      assert.equal(scheduled.state, 'scheduled');
      assert.equal(scheduled.scheduledFor, first.toISOString());
      assert.equal(scheduled.moveLinkedPostsToStatus.slug, 'shipped');
      let jobs = await jobsOf(entry.id);
      assert.equal(jobs.length, 1);
      assert.equal(jobs[0]!.run_at.toISOString(), first.toISOString());
      assert.equal(jobs[0]!.payload.entryId, entry.id);

      const later = inSeconds(7200);
      assert.equal((await call(`/api/v1/changelog/${entry.id}/schedule`, { at: later.toISOString() })).statusCode, 200);
      jobs = await jobsOf(entry.id);
      assert.equal(jobs.length, 1, 'rescheduling replaces the job');
      assert.equal(jobs[0]!.run_at.toISOString(), later.toISOString());
      const publicView = await t.app.inject({ method: 'GET', url: `/api/v1/changelog/${entry.id}` });
      assert.equal(publicView.statusCode, 404, 'scheduled entries are not public yet');

      const back = await call(`/api/v1/changelog/${entry.id}/unschedule`);
      assert.equal(back.statusCode, 200);
      assert.equal(back.json().state, 'draft');
      assert.equal(back.json().scheduledFor, null);
      assert.equal((await jobsOf(entry.id)).length, 0, 'unscheduling removes the job');
    });

    test('deleting or publishing a scheduled entry by hand removes its job', async () => {
      const toDelete = await draft();
      await call(`/api/v1/changelog/${toDelete.id}/schedule`, { at: inSeconds(600).toISOString() });
      assert.equal((await call(`/api/v1/changelog/${toDelete.id}`, undefined, 'DELETE')).statusCode, 204);
      assert.equal((await jobsOf(toDelete.id)).length, 0);

      const toPublish = await draft();
      await call(`/api/v1/changelog/${toPublish.id}/schedule`, { at: inSeconds(600).toISOString() });
      const res = await call(`/api/v1/changelog/${toPublish.id}/publish`, {});
      assert.equal(res.json().state, 'published');
      assert.equal((await jobsOf(toPublish.id)).length, 0);
      const again = await call(`/api/v1/changelog/${toPublish.id}/schedule`, { at: inSeconds(600).toISOString() });
      assert.equal(again.statusCode, 409, 'a published entry cannot be scheduled');
    });

    test('a time in the past, a bad time or a non-shipped status is refused and nothing is queued', async () => {
      const entry = await draft();
      for (const [payload, field] of [
        [{ at: new Date(Date.now() - 60_000).toISOString() }, 'at'],
        [{ at: 'next tuesday' }, 'at'],
        [{ at: inSeconds(600).toISOString(), moveLinkedPostsToStatus: 'planned' }, 'moveLinkedPostsToStatus'],
      ] as const) {
        const res = await call(`/api/v1/changelog/${entry.id}/schedule`, payload);
        assert.equal(res.statusCode, 400, JSON.stringify(payload));
        assert.ok(res.json().errors.some((e: { field: string }) => e.field.replace(/^\//, '') === field), res.body);
      }
      assert.equal((await jobsOf(entry.id)).length, 0);
      assert.equal((await call(`/api/v1/changelog/${entry.id}`, undefined, 'GET')).json().state, 'draft');
    });

    test('the job handler leaves alone what is no longer due', async () => {
      const deps = { db: t.db, config: t.config, log: silent };
      assert.equal(await publishScheduledEntry(deps, { nonsense: true }), 'skipped');
      const entry = await draft();
      assert.equal(await publishScheduledEntry(deps, { entryId: entry.id, workspaceId: t.workspace.id }), 'skipped', 'a draft');
      await call(`/api/v1/changelog/${entry.id}/schedule`, { at: inSeconds(3600).toISOString() });
      assert.equal(await publishScheduledEntry(deps, { entryId: entry.id, workspaceId: t.workspace.id }), 'skipped', 'rescheduled later');
      assert.equal((await call(`/api/v1/changelog/${entry.id}`, undefined, 'GET')).json().state, 'scheduled');
    });

    test('a real worker publishes the entry at its time and ships the linked posts', async () => {
      const post = await createTestPost(t, { title: 'Offline mode' });
      const entry = await draft([post.id]);
      const at = inSeconds(2);
      const res = await call(`/api/v1/changelog/${entry.id}/schedule`, { at: at.toISOString(), moveLinkedPostsToStatus: 'shipped' });
      assert.equal(res.statusCode, 200, res.body);
      const worker = await startWorker({
        connectionString: t.testDb.url,
        taskList: buildTaskList({ config: t.config, db: t.db, mailer: t.mailer, log: silent }),
        concurrency: 2,
        log: silent,
      });
      try {
        const deadline = Date.now() + 30_000;
        let state = 'scheduled';
        while (state !== 'published' && Date.now() < deadline) {
          await new Promise((resolve) => setTimeout(resolve, 250));
          state = (await t.db.selectFrom('changelog_entries').select('state').where('id', '=', entry.id).executeTakeFirstOrThrow()).state;
        }
        assert.equal(state, 'published');
      } finally {
        await worker.stop();
      }
      const row = await t.db.selectFrom('changelog_entries').selectAll().where('id', '=', entry.id).executeTakeFirstOrThrow();
      assert.ok(row.published_at && row.published_at.getTime() >= at.getTime() - 1000, 'not published before its time');
      assert.equal(row.scheduled_for, null);
      const status = await t.db.selectFrom('posts').innerJoin('statuses', 'statuses.id', 'posts.status_id')
        .select('statuses.kind').where('posts.id', '=', post.id).executeTakeFirstOrThrow();
      assert.equal(status.kind, 'shipped');
      const history = await t.db.selectFrom('status_changes').selectAll().where('post_id', '=', post.id).execute();
      assert.equal(history.length, 1);
      assert.equal(history[0]!.actor_member_id, null, 'the system published it');
      const events = await t.db.selectFrom('events').select(['type', 'data']).where('workspace_id', '=', t.workspace.id)
        .where('type', 'in', ['changelog.published', 'post.status_changed']).execute();
      const published = events.filter((e) => e.type === 'changelog.published' && (e.data as { entry: { id: string } }).entry.id === entry.id);
      assert.equal(published.length, 1);
      assert.deepEqual((published[0]!.data as { postIds: string[] }).postIds, [post.id]);
      assert.ok(events.some((e) => e.type === 'post.status_changed' && (e.data as { viaChangelogId?: string }).viaChangelogId === entry.id));
      assert.equal((await jobsOf(entry.id)).length, 0, 'the job is done');
      const publicView = await t.app.inject({ method: 'GET', url: `/api/v1/changelog/${entry.id}` });
      assert.equal(publicView.statusCode, 200);
    });
  });
}
