import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { testTargets } from '../../../../test/db.ts';
import { createTestApp, type TestApp } from '../../../../test/app.ts';
import { runCli } from '../../../../test/process.ts';
import { waitUntil } from '../../../../test/worker.ts';
import { createTestPost } from '../../../../test/factories/content.ts';
import { sql } from 'kysely';
import { createSimilarIndexes } from '../similar-indexes.ts';
import { CHECK_POST_TASK } from '../similar-jobs.ts';

// `backboard eval duplicates <dir>` and `backboard similar rebuild`, run as a user runs them (a
// separate process), on a tiny synthetic dataset written for the test.

const DAY = 86_400_000;
const T0 = Date.UTC(2024, 0, 1);
const iso = (ms: number) => new Date(ms).toISOString();

// Six ideas, each with an original in the corpus and a later report of it among the queries; one
// original (P-6) was written after its "duplicate" query, so time-aware ranking cannot find it.
const IDEAS = [
  ['Export invoices to CSV', 'Download all invoices as a spreadsheet.', 'CSV export of invoices', 'We need invoices as CSV for accounting.'],
  ['Dark mode', 'A dark colour theme for the dashboard.', 'Night theme for the dashboard', 'Dark colours are easier at night.'],
  ['Slack notifications', 'Post new ideas to a Slack channel.', 'Notify our Slack channel', 'Send each new idea to Slack.'],
  ['Single sign-on with SAML', 'Log in through Okta using SAML.', 'SAML SSO login', 'Okta single sign-on please.'],
  ['Keyboard shortcuts', 'Navigate the board without a mouse.', 'Shortcut keys for navigation', 'Keyboard navigation of the board.'],
  ['Webhooks for status changes', 'Call a URL when a status changes.', 'Webhook on status change', 'Notify my server over a URL on status change.'],
] as const;
const FILLER = ['Bulk edit posts', 'Custom fields on posts', 'Audit log of changes', 'Recurring tasks', 'Saved filters', 'Offline mode', 'Mobile app', 'Two-factor login'];

function writeDataset(dir: string): void {
  const corpus: Array<{ id: string; title: string; body: string; created: string }> =
    IDEAS.map(([title, body], i) => ({ id: `P-${i + 1}`, title, body, created: iso(T0 + (i === 5 ? 90 : i) * DAY) }));
  FILLER.forEach((title, i) => corpus.push({ id: `F-${i + 1}`, title, body: `Please add ${title.toLowerCase()}.`, created: iso(T0 + (i + 10) * DAY) }));
  corpus.push({ id: 'X-1', title: 'ab', body: 'a title too short to be a post', created: iso(T0) });
  const queries = IDEAS.map(([, , title, body], i) => ({ id: `Q-${i + 1}`, title, body, created: iso(T0 + 60 * DAY) }));
  writeFileSync(join(dir, 'corpus.jsonl'), corpus.map((d) => JSON.stringify(d)).join('\n') + '\n');
  writeFileSync(join(dir, 'queries.jsonl'), queries.map((d) => JSON.stringify(d)).join('\n') + '\n');
  writeFileSync(join(dir, 'qrels.tsv'), `query_id\tcorpus_id\n${IDEAS.map((_, i) => `Q-${i + 1}\tP-${i + 1}`).join('\n')}\n`);
}

type EvalJson = { hit1: number; hit5: number; hit10: number; mrr10: number; queries: number; p50Ms: number; p99Ms: number; posts: number; skipped: number };

let dir = '';
before(() => {
  dir = mkdtempSync(join(tmpdir(), 'bb-eval-fixture-'));
  writeDataset(dir);
});
after(() => rmSync(dir, { recursive: true, force: true }));

for (const target of testTargets()) {
  describe(`backboard eval duplicates / similar rebuild [${target.name}]`, () => {
    let t: TestApp;
    before(async () => {
      t = await createTestApp(target);
    });
    after(() => t.close());

    test('imports the corpus as posts, ranks every query through the search and prints the metrics', async () => {
      const env = { DATABASE_URL: t.testDb.url };
      const text = await runCli(['eval', 'duplicates', dir], env);
      assert.equal(text.code, 0, text.stderr);
      for (const label of ['Hit@1', 'Hit@5', 'Hit@10', 'MRR@10', 'p50', 'p99']) assert.match(text.stdout, new RegExp(label), text.stdout);
      assert.match(text.stdout, /14 posts, 1 items skipped/);

      const plain = await runCli(['eval', 'duplicates', dir, '--json'], env);
      assert.equal(plain.code, 0, plain.stderr);
      const all = JSON.parse(plain.stdout) as EvalJson;
      assert.deepEqual([all.queries, all.posts, all.skipped, all.hit10], [6, 14, 1, 1]);
      assert.ok(all.hit1 >= 4 / 6 && all.mrr10 >= all.hit1, plain.stdout);
      assert.ok(all.p50Ms > 0 && all.p99Ms >= all.p50Ms);

      const timed = JSON.parse((await runCli(['eval', 'duplicates', dir, '--time-aware', '--json'], env)).stdout) as EvalJson;
      assert.equal(timed.hit10, 5 / 6, 'the original written after its query is not eligible');
      const titles = JSON.parse((await runCli(['eval', 'duplicates', dir, '--time-aware', '--title-only', '--json'], env)).stdout) as EvalJson;
      assert.equal(titles.queries, 6);
      assert.ok(titles.hit10 <= 5 / 6);

      // the throw-away workspace is gone, and nothing was left to check in the job queue
      const left = await t.db.selectFrom('workspaces').select('slug').where('slug', 'like', 'eval-%').execute();
      assert.deepEqual(left, []);
      assert.deepEqual(await t.db.selectFrom('posts').select('id').where('workspace_id', '!=', t.workspace.id).execute(), []);
      const { rows } = await sql<{ n: number }>`select count(*)::int as n from graphile_worker.jobs where task_identifier = ${CHECK_POST_TASK}`.execute(t.db);
      assert.equal(rows[0].n, 0, 'imported posts are no new feedback to check');
    });

    test('similar rebuild builds the index and makes running servers rebuild theirs', async () => {
      await createTestPost(t, { title: 'Rebuild me please', body: '' });
      const indexes = createSimilarIndexes(t.db);
      const serving = await indexes.ready(t.workspace.id);
      const res = await runCli(['similar', 'rebuild'], { DATABASE_URL: t.testDb.url });
      assert.equal(res.code, 0, res.stderr);
      assert.match(res.stdout, /Rebuilt the similar-posts index: 1 posts/);
      await indexes.ready(t.workspace.id, { fresh: true });
      const rebuilt = await waitUntil(async () => {
        const [current] = indexes.loaded();
        return current !== serving ? current : undefined;
      }, { what: 'the rebuilt index' });
      assert.equal(rebuilt.size(), serving.size());
      await indexes.ready(t.workspace.id, { fresh: true });
      assert.equal(indexes.loaded()[0], rebuilt, 'one rebuild per request');
    });

    test('similar scan checks the posts that are already there', async () => {
      // no worker runs here: the checks enqueued at creation never ran
      const a = await createTestPost(t, { title: 'Export invoices to CSV', body: 'All invoices as a spreadsheet.' });
      const b = await createTestPost(t, { title: 'CSV export of invoices', body: 'Invoices as CSV for accounting.' });
      const res = await runCli(['similar', 'scan'], { DATABASE_URL: t.testDb.url });
      assert.equal(res.code, 0, res.stderr);
      assert.match(res.stdout, /Added [1-9]\d* likely duplicate pair/);
      const pairs = await t.db.selectFrom('duplicate_candidates').select(['post_id', 'similar_post_id']).execute();
      assert.ok(pairs.some((p) => [p.post_id, p.similar_post_id].sort().join() === [a.id, b.id].sort().join()), JSON.stringify(pairs));
      assert.match((await runCli(['similar', 'scan'], { DATABASE_URL: t.testDb.url })).stdout, /Added 0 likely/, 'known pairs are not added twice');
    });
  });
}

describe('backboard eval duplicates without DATABASE_URL', () => {
  test('runs on an embedded PostgreSQL in a temporary directory', async () => {
    const res = await runCli(['eval', 'duplicates', dir, '--json'], { DATABASE_URL: '' });
    assert.equal(res.code, 0, res.stderr);
    assert.equal((JSON.parse(res.stdout) as EvalJson).hit10, 1);
    assert.match(res.stderr, /embedded PostgreSQL in .*backboard-eval-/);
  });
});
