// The benchmark's own look at the database while the server runs: fixtures (ids, an admin API key)
// and the "no vote lost" check after the vote scenario.
import { sql } from 'kysely';
import type { Db } from '../src/db/database.ts';
import { hashToken, randomToken } from '../src/lib/tokens.ts';
import type { Fixture, VoteLedger } from './scenarios.ts';

const POST_SAMPLE = 20_000;

export async function loadFixture(db: Db): Promise<Fixture & { workspaceId: string }> {
  // the default workspace is the oldest (src/modules/workspaces/ensure-default-workspace.ts)
  const ws = await db.selectFrom('workspaces').select('id').orderBy('created_at').orderBy('id').limit(1).executeTakeFirstOrThrow();
  const boards = await db.selectFrom('boards').select(['id', 'post_count']).where('workspace_id', '=', ws.id)
    .where('visibility', '=', 'public').orderBy('slug').execute();
  if (boards.length === 0) throw new Error('No public boards: the bench data dir is not seeded');
  const { rows } = await sql<{ id: string }>`
    select id from posts
    where workspace_id = ${ws.id} and deleted_at is null and board_id in (${sql.join(boards.map((b) => b.id))})
    order by random() limit ${POST_SAMPLE}`.execute(db);
  // replace earlier runs' keys; the new one is shown only to this process
  await db.deleteFrom('api_keys').where('workspace_id', '=', ws.id).where('name', '=', 'bench').execute();
  const adminKey = randomToken('bb_');
  await db.insertInto('api_keys')
    .values({ workspace_id: ws.id, name: 'bench', prefix: adminKey.slice(0, 10), key_hash: hashToken(adminKey), scope: 'admin' })
    .execute();
  const biggest = boards.reduce((a, b) => (b.post_count > a.post_count ? b : a));
  return { workspaceId: ws.id, listBoardId: biggest.id, boardIds: boards.map((b) => b.id), postIds: rows.map((r) => r.id), adminKey };
}

export async function countVotes(db: Db, workspaceId: string): Promise<number> {
  const row = await db.selectFrom('votes').select((eb) => eb.fn.countAll<number>().as('n')).where('workspace_id', '=', workspaceId).executeTakeFirstOrThrow();
  return Number(row.n);
}

export type VoteCheck = {
  ok: boolean;
  votesAdded: number;
  responses2xx: number;
  /** Requests still in flight when the run's time was up: autocannon closes those sockets unread. */
  cutOffAtEnd: number;
  /** Stored votes whose request was cut off (the server finished them after the socket closed). */
  storedFromCutOff: number;
  /** 2xx responses whose vote is not in the database: must be 0. */
  lost: number;
  /** Stored votes nobody sent (must be 0). */
  unexplained: number;
  sumVoteCount: number;
  countVotes: number;
  postsWithWrongCount: number;
  /** WAL the whole server wrote during the run, per vote added (full-page images: first change to a page after a checkpoint). */
  walPerVote?: { bytes: number; fullPageImages: number };
};

/**
 * Every 2xx vote must be in the database, nothing else may appear, and the denormalised counters
 * must equal the rows: sum(vote_count) = count(*), and per post.
 */
export async function checkVotes(db: Db, workspaceId: string, ledger: VoteLedger, before: number, responses: number): Promise<VoteCheck> {
  const stored = await db.selectFrom('votes').innerJoin('people', 'people.id', 'votes.person_id')
    .select('people.email').where('votes.workspace_id', '=', workspaceId)
    .where('people.email', 'like', `${ledger.emailPrefix}%`).execute();
  const storedEmails = new Set(stored.map((r) => r.email));
  const lost = [...ledger.confirmed].filter((e) => !storedEmails.has(e)).length;
  const unexplained = [...storedEmails].filter((e) => !ledger.sent.has(e)).length;
  const after = await countVotes(db, workspaceId);
  const { rows: [counters] } = await sql<{ sum: number; count: number; wrong: number }>`
    select (select coalesce(sum(vote_count), 0)::bigint from posts where workspace_id = ${workspaceId}) as sum,
           (select count(*) from votes where workspace_id = ${workspaceId}) as count,
           (select count(*) from posts p
              left join (select post_id, count(*) as n from votes where workspace_id = ${workspaceId} group by post_id) v on v.post_id = p.id
              where p.workspace_id = ${workspaceId} and p.vote_count <> coalesce(v.n, 0)) as wrong`.execute(db);
  const cutOffAtEnd = Math.max(0, ledger.sent.size - responses);
  const storedFromCutOff = storedEmails.size - (ledger.confirmed.size - lost);
  const check = {
    votesAdded: after - before,
    responses2xx: ledger.confirmed.size,
    cutOffAtEnd,
    storedFromCutOff,
    lost,
    unexplained,
    sumVoteCount: Number(counters.sum),
    countVotes: Number(counters.count),
    postsWithWrongCount: Number(counters.wrong),
  };
  const ok = lost === 0 && unexplained === 0 && check.votesAdded === storedEmails.size && storedFromCutOff <= cutOffAtEnd
    && check.sumVoteCount === check.countVotes && check.postsWithWrongCount === 0;
  return { ok, ...check };
}

export type WalCounters = { bytes: number; fullPageImages: number };

/** The server's WAL written so far (pg_stat_wal, PostgreSQL 14+): bytes and full-page images. */
export async function readWalCounters(db: Db): Promise<WalCounters> {
  const { rows: [row] } = await sql<{ bytes: string; fpi: string }>`select wal_bytes::text as bytes, wal_fpi::text as fpi from pg_stat_wal`.execute(db);
  return { bytes: Number(row.bytes), fullPageImages: Number(row.fpi) };
}

export async function readPostgresVersion(db: Db): Promise<string> {
  const { rows: [row] } = await sql<{ v: string }>`select current_setting('server_version') as v`.execute(db);
  return row.v;
}

/** Background jobs that could run now (queued or running), e.g. the demand refreshes the reset at start queued. */
export async function countRunnableJobs(db: Db): Promise<number> {
  const { rows } = await sql<{ n: number }>`
    select count(*)::int as n from graphile_worker.jobs where run_at <= now() and attempts < max_attempts`.execute(db);
  return rows[0]?.n ?? 0;
}

/**
 * Waits until the server's worker has no job it could run now (at most `timeoutMs`), so the first
 * scenario does not share the machine with, or have its cached reads invalidated by, work queued
 * before it. Returns the jobs found at the start and the seconds waited.
 */
export async function waitForIdleQueue(db: Db, timeoutMs = 180_000): Promise<{ jobs: number; seconds: number; idle: boolean }> {
  const started = Date.now();
  const jobs = await countRunnableJobs(db);
  let left = jobs;
  while (left > 0 && Date.now() - started < timeoutMs) {
    await new Promise((resolve) => setTimeout(resolve, 500));
    left = await countRunnableJobs(db);
  }
  return { jobs, seconds: (Date.now() - started) / 1000, idle: left === 0 };
}
