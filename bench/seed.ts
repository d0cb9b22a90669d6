// Benchmark data generator (issue 2, "Benchmark"): 1 workspace (the default one), 5 boards, 20,000
// people, 100,000 posts and 1,000,000 votes, written with set-based SQL (insert … select from
// generate_series) into the real schema, then counters recomputed by the same code the demo uses.
//   node bench/seed.ts [--data-dir bench/.data] [--reseed]
// As a script it prepares the embedded database in the data dir: seeds it when it is empty, otherwise
// removes what earlier benchmark runs added (voters, posts) so every run starts from the same data.
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { loadConfig } from '../src/config.ts';
import type { Db } from '../src/db/database.ts';
import { readLivePostmaster } from '../src/db/embedded-owner.ts';
import { openDatabase } from '../src/db/open-database.ts';
import { recountWorkspace } from '../src/modules/demo/index.ts';
import { ensureDefaultWorkspace } from '../src/modules/workspaces/index.ts';

export type SeedScale = { boards: number; people: number; posts: number; votes: number };
export const FULL_SCALE: SeedScale = { boards: 5, people: 20_000, posts: 100_000, votes: 1_000_000 };
export type SeedSummary = SeedScale & { workspaceId: string; seconds: number };

/** Rows a benchmark run adds are recognisable by these, so the next run can remove them. */
export const RUN_VOTER_DOMAIN = 'voters.bench.example';
export const RUN_POST_TITLE_PREFIX = 'Bench run post';
export const DEFAULT_DATA_DIR = path.join(import.meta.dirname, '.data');

// Popularity by rank r (1 = most voted): weight 1/(r + 10). At full scale the top post gets ~10,000
// votes, rank 100 ~1,000, rank 10,000 ~11 and the tail 1: the long tail of real feedback boards.
const RANK_OFFSET = 10;

/** Votes per post rank: skewed, summing exactly to `votes`, never more than `cap` (people) per post. */
export function allocateVotes(posts: number, votes: number, cap: number): number[] {
  if (votes > posts * cap) throw new Error(`${votes} votes cannot fit on ${posts} posts with ${cap} people`);
  const weights = Array.from({ length: posts }, (_, i) => 1 / (i + 1 + RANK_OFFSET));
  const total = weights.reduce((a, b) => a + b, 0);
  const counts = weights.map((w) => Math.min(cap, Math.floor((votes * w) / total)));
  let left = votes - counts.reduce((a, b) => a + b, 0);
  // the rounding remainder goes one by one to the most popular posts that still have room
  while (left > 0) {
    for (let i = 0; i < posts && left > 0; i++) {
      if (counts[i] < cap) {
        counts[i]++;
        left--;
      }
    }
  }
  return counts;
}

/** Seeds the default workspace of an empty, migrated database. Refuses a workspace that has boards. */
export async function seedBenchmark(db: Db, scale: SeedScale = FULL_SCALE, opts: { now?: Date } = {}): Promise<SeedSummary> {
  const started = Date.now();
  const now = opts.now ?? new Date();
  const { workspace } = await ensureDefaultWorkspace(db);
  const ws = workspace.id;
  const voteCounts = allocateVotes(scale.posts, scale.votes, scale.people);
  await db.transaction().execute(async (tx) => {
    const existing = await tx.selectFrom('boards').select('id').where('workspace_id', '=', ws).limit(1).executeTakeFirst();
    if (existing) throw new Error('The default workspace already has boards; benchmark data goes into an empty database');
    await sql`
      insert into boards (workspace_id, name, slug, description, visibility, created_at)
      select ${ws}, 'Bench board ' || i, 'bench-' || i, 'Benchmark board ' || i, 'public', ${now}::timestamptz - interval '400 days'
      from generate_series(1, ${scale.boards}::int) i`.execute(tx);
    // person n (0-based) is bench-person-<n>; votes and authors address people by that index
    await sql`
      insert into people (workspace_id, email, name, created_at)
      select ${ws}, 'bench-person-' || n || '@people.bench.example', 'Person ' || n, ${now}::timestamptz - interval '400 days'
      from generate_series(0, ${scale.people - 1}::int) n`.execute(tx);
    await sql`
      with b as (select array_agg(id order by slug) as ids from boards where workspace_id = ${ws}),
      st as (select array_agg(id order by position) as ids from statuses where workspace_id = ${ws}),
      ppl as (select id, (row_number() over (order by created_at, email))::int - 1 as n from people where workspace_id = ${ws}),
      g as (select i, random() as age, random() as st from generate_series(1, ${scale.posts}::int) i)
      insert into posts (workspace_id, board_id, title, body, author_person_id, status_id, source, created_at, updated_at)
      select ${ws}, b.ids[1 + g.i % array_length(b.ids, 1)],
        (array['Dark mode', 'CSV export', 'Bulk edit', 'Keyboard shortcuts', 'SAML single sign-on', 'Custom fields',
               'Recurring tasks', 'Audit log', 'Saved filters', 'Slack integration', 'Webhooks', 'Offline mode'])[1 + g.i % 12]
          || (array[' for admins', ' in reports', ' on the dashboard', ' via the API', ' for teams', ' on mobile'])[1 + (g.i / 12) % 6]
          || ' #' || g.i,
        'We would like this because our team runs into it every week. It would save time for admins and for '
          || 'the people they support. Idea number ' || g.i || ' from the benchmark generator.',
        ppl.id,
        -- most feedback stays open; a minority moves through the workflow
        st.ids[least(array_length(st.ids, 1), case when g.st < 0.6 then 1 when g.st < 0.75 then 2 when g.st < 0.85 then 3
                                                   when g.st < 0.9 then 4 when g.st < 0.97 then 5 else 6 end)],
        'portal', ${now}::timestamptz - g.age * interval '365 days', ${now}::timestamptz - g.age * interval '365 days'
      from g cross join b cross join st
      join ppl on ppl.n = (g.i * 7919) % ${scale.people}::int`.execute(tx);
    // post of rank r gets counts[r] votes from the consecutive people starting at (r * 7919) mod N,
    // so (post, person) pairs are unique as long as counts[r] <= N (allocateVotes guarantees it)
    await sql`
      with ranked as (select id, created_at, row_number() over (order by id) as r from posts where workspace_id = ${ws}),
      alloc as (select c.n, c.r from unnest(${voteCounts}::int[]) with ordinality as c(n, r)),
      ppl as (select id, (row_number() over (order by created_at, email))::int - 1 as n from people where workspace_id = ${ws})
      insert into votes (workspace_id, post_id, person_id, importance, created_at)
      select ${ws}, p.id, ppl.id, ((p.r + j) % 4)::smallint, p.created_at + random() * (${now}::timestamptz - p.created_at)
      from ranked p
      join alloc on alloc.r = p.r
      cross join lateral generate_series(0, alloc.n - 1) j
      join ppl on ppl.n = ((p.r * 7919 + j) % ${scale.people}::int)::int`.execute(tx);
    await recountWorkspace(tx, ws);
  });
  // outside the transaction: VACUUM sets the visibility map (index-only scans), ANALYZE the statistics,
  // and the dead row versions the seed left (recountWorkspace and the demand computation rewrite every
  // post, post_demand and segment row) go, as autovacuum would have removed them on a live install
  await vacuumAnalyze(db);
  return { ...scale, workspaceId: ws, seconds: (Date.now() - started) / 1000 };
}

/** Removes what benchmark runs added (voters and their votes, created posts) and recounts if needed. */
export async function resetBenchRuns(db: Db): Promise<{ voters: number; posts: number }> {
  const { workspace } = await ensureDefaultWorkspace(db);
  const removed = await db.transaction().execute(async (tx) => {
    const posts = await tx.deleteFrom('posts').where('workspace_id', '=', workspace.id)
      .where('title', 'like', `${RUN_POST_TITLE_PREFIX}%`).executeTakeFirst();
    const voters = await tx.deleteFrom('people').where('workspace_id', '=', workspace.id)
      .where('email', 'like', `%@${RUN_VOTER_DOMAIN}`).executeTakeFirst();
    const result = { voters: Number(voters.numDeletedRows), posts: Number(posts.numDeletedRows) };
    if (result.voters || result.posts) await recountWorkspace(tx, workspace.id);
    return result;
  });
  if (removed.voters || removed.posts) await vacuumAnalyze(db);
  return removed;
}

/**
 * The whole database: a run's votes also rewrite post_demand, post_demand_segments and add
 * subscriptions, and a run that starts on another's dead row versions measures the bloat, not the code.
 */
async function vacuumAnalyze(db: Db): Promise<void> {
  await sql`vacuum analyze`.execute(db);
}

/** Script entry: seed the data dir's embedded database, or clean it for a new run. */
async function prepareDataDir(dataDir: string, reseed: boolean): Promise<void> {
  if (reseed) {
    const running = await readLivePostmaster(path.join(dataDir, 'pg'));
    if (running) throw new Error(`PostgreSQL (pid ${running.pid}) is running on ${dataDir}; stop it before --reseed`);
    await rm(dataDir, { recursive: true, force: true });
  }
  const config = loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'warn' });
  const log = { info: () => {}, warn: (m: string) => console.warn(m) };
  const opened = await openDatabase(config, log, { poolSize: 2 }).catch((error: unknown) => {
    // a migration added with an older timestamp than one this data dir already ran: the data must be rebuilt
    if (/corrupted migrations/.test(String(error))) console.error(`The bench data in ${dataDir} predates a migration; run again with --reseed.`);
    throw error;
  });
  try {
    const { workspace } = await ensureDefaultWorkspace(opened.db);
    const hasBoards = await opened.db.selectFrom('boards').select('id').where('workspace_id', '=', workspace.id).limit(1).executeTakeFirst();
    if (hasBoards) {
      const removed = await resetBenchRuns(opened.db);
      console.log(`bench data present in ${dataDir}; removed ${removed.voters} voters and ${removed.posts} posts left by earlier runs`);
    } else {
      console.log(`seeding ${dataDir}: ${FULL_SCALE.boards} boards, ${FULL_SCALE.people} people, ${FULL_SCALE.posts} posts, ${FULL_SCALE.votes} votes…`);
      const summary = await seedBenchmark(opened.db);
      console.log(`seeded in ${summary.seconds.toFixed(1)} s`);
    }
  } finally {
    await opened.close();
  }
}

if (import.meta.main) {
  const { values } = parseArgs({ options: { 'data-dir': { type: 'string' }, reseed: { type: 'boolean', default: false } } });
  const dataDir = path.resolve(values['data-dir'] ?? DEFAULT_DATA_DIR);
  await prepareDataDir(dataDir, values.reseed);
}
