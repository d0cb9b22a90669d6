// Demand queries. A post's demand is that of its merge GROUP — the post plus every post with
// merged_into_id = it (migrations/20261123020000_merges.sql) — counting each person once with their
// highest importance and earliest vote date. Merge stubs (merged_into_id set) have no demand of their own.
import { sql } from 'kysely';
import type { DbOrTx } from '../../db/database.ts';
import {
  IMPORTANCE_WEIGHTS, MOMENTUM_HALF_LIFE_DAYS, MOMENTUM_WINDOW_DAYS, NO_COMPANY_SEGMENT, NO_SEGMENT,
  parseDemandSettings, type DemandComponents, type DemandSettings,
} from './demand-formula.ts';

/** The voter segment of a company joined as `c` (null when the voter has none). */
export const SEGMENT_OF_C = sql<string>`case when c.id is null then ${NO_COMPANY_SEGMENT}::text
  when coalesce(btrim(c.segment), '') = '' then ${NO_SEGMENT}::text
  else btrim(c.segment) end`;

export type SegmentAggregate = {
  head_id: string;
  segment: string;
  voters: number;
  companies: number;
  monthly_revenue: string;
  weighted_votes: number;
  momentum: number;
};

export async function loadDemandSettings(db: DbOrTx, workspaceId: string): Promise<DemandSettings> {
  const row = await db.selectFrom('workspaces').select('demand_weights').where('id', '=', workspaceId).executeTakeFirst();
  return parseDemandSettings(row?.demand_weights ?? null);
}

export async function saveDemandSettings(db: DbOrTx, workspaceId: string, settings: DemandSettings | null): Promise<void> {
  await db.updateTable('workspaces')
    .set({ demand_weights: settings ? JSON.stringify(settings) : null })
    .where('id', '=', workspaceId)
    .execute();
}

export type PostGroupRef = { id: string; board_id: string; merged_into_id: string | null; deleted_at: Date | null };

export async function findGroupRefs(db: DbOrTx, workspaceId: string, postIds: readonly string[]): Promise<PostGroupRef[]> {
  if (postIds.length === 0) return [];
  return db.selectFrom('posts')
    .select(['id', 'board_id', 'merged_into_id', 'deleted_at'])
    .where('workspace_id', '=', workspaceId)
    .where('id', 'in', [...postIds])
    .execute();
}

/** The posts merged into `headId` (its stubs), oldest merge first. */
export async function findGroupMemberIds(db: DbOrTx, headId: string): Promise<string[]> {
  const rows = await db.selectFrom('posts').select('id').where('merged_into_id', '=', headId).orderBy('merged_at').orderBy('id').execute();
  return rows.map((r) => r.id);
}

/**
 * Per group head and voter segment: voters, companies, their revenue (each company once), the
 * importance-weighted votes and the momentum, all over the whole merge group with one entry per person.
 * The totals of a group are the sums of its segments (a company has exactly one segment).
 */
export async function aggregateGroupSegments(db: DbOrTx, workspaceId: string, headIds: readonly string[], now: Date): Promise<SegmentAggregate[]> {
  if (headIds.length === 0) return [];
  const { rows } = await sql<SegmentAggregate>`
    with heads as (
      select id from posts where workspace_id = ${workspaceId} and id = any(${[...headIds]}::uuid[]) and merged_into_id is null
    ), grp as (
      select id as head_id, id as post_id from heads
      union all
      select p.merged_into_id, p.id from posts p join heads h on p.merged_into_id = h.id
    ), voters as (
      select g.head_id, v.person_id, max(v.importance) as importance, min(v.created_at) as first_at
      from grp g join votes v on v.post_id = g.post_id
      group by g.head_id, v.person_id
    ), enriched as (
      select vr.head_id, c.id as company_id, c.monthly_revenue,
        ${SEGMENT_OF_C} as segment,
        (${[...IMPORTANCE_WEIGHTS]}::float8[])[least(greatest(vr.importance, 0), 3) + 1] as weight,
        case when vr.first_at > ${now}::timestamptz - make_interval(days => ${MOMENTUM_WINDOW_DAYS}::int)
             then power(0.5::float8, greatest(extract(epoch from (${now}::timestamptz - vr.first_at))::float8, 0) / ${MOMENTUM_HALF_LIFE_DAYS * 86_400}::float8)
             else 0 end as momentum
      from voters vr
      -- one index lookup per voter (the limit keeps it a nested loop): hashing every person of the
      -- workspace would cost more than the votes of a few dozen posts, and grows with the workspace.
      -- The company is joined outside the lookup: inside it, the planner hashed the person and scanned
      -- every company once per voter.
      left join lateral (select pe.company_id from people pe where pe.id = vr.person_id limit 1) pe on true
      left join companies c on c.id = pe.company_id
    ), by_segment as (
      select head_id, segment, count(*)::int as voters, sum(weight)::float8 as weighted_votes, sum(momentum)::float8 as momentum
      from enriched group by head_id, segment
    ), companies_by_segment as (
      select head_id, segment, count(*)::int as companies, sum(monthly_revenue) as monthly_revenue
      from (select distinct head_id, segment, company_id, monthly_revenue from enriched where company_id is not null) c
      group by head_id, segment
    )
    select s.head_id, s.segment, s.voters, coalesce(c.companies, 0)::int as companies,
      coalesce(c.monthly_revenue, 0)::text as monthly_revenue, s.weighted_votes, s.momentum
    from by_segment s left join companies_by_segment c using (head_id, segment)
    order by s.head_id, s.segment`.execute(db);
  return rows;
}

// Refreshes lock one of a fixed number of slots per post rather than the post itself, so a rebuild of
// 100,000 posts inside one outer transaction (a bulk load's recount) holds at most this many locks.
const LOCK_SLOTS = 128;

/**
 * Serialises demand refreshes of the same posts (transaction-scoped advisory locks, taken in one
 * sorted order so two refreshes never deadlock). Only refreshers take them: votes and merges never
 * wait on a refresh, and each of them enqueues its own refresh, which runs after it commits.
 */
export async function lockDemandOf(tx: DbOrTx, postIds: readonly string[]): Promise<void> {
  if (postIds.length === 0) return;
  await sql`
    select pg_advisory_xact_lock(hashtext('backboard.demand'), slot)
    from (select distinct abs(hashtext(x) % ${LOCK_SLOTS}::int) as slot from unnest(${[...postIds]}::text[]) as x order by 1) slots`.execute(tx);
}

export type StoredPostDemand = {
  post_id: string;
  unique_voters: number;
  unique_companies: number;
  monthly_revenue: string;
  weighted_votes: number;
  momentum: number;
  computed_at: Date;
};

/**
 * Locks the stored demand rows of these posts (in id order) and returns them. Whoever writes a
 * post's demand holds this lock from before it reads the votes until it commits: the full refresh
 * and a vote adding its voter (addNewVotersToDemand), so neither overwrites the other with a stale
 * sum. Posts without a row are not locked (a vote then leaves the post to the refresh).
 */
export async function lockPostDemand(tx: DbOrTx, postIds: readonly string[]): Promise<StoredPostDemand[]> {
  if (postIds.length === 0) return [];
  const { rows } = await sql<StoredPostDemand>`/* prepared */
    select post_id, unique_voters, unique_companies, monthly_revenue::text, weighted_votes, momentum, computed_at
    from post_demand where post_id = any(${[...postIds]}::uuid[]) order by post_id for update`.execute(tx);
  return rows;
}

export type GroupDemandRow = {
  postId: string;
  components: DemandComponents;
  score: number;
  segments: Array<{ segment: string; voters: number; companies: number; monthlyRevenue: number; weightedVotes: number; momentum: number; score: number }>;
};

/** Writes the components, the segment rows and the sort key of group heads (one statement each). */
export async function writeGroupDemand(tx: DbOrTx, workspaceId: string, groups: readonly GroupDemandRow[], now: Date): Promise<void> {
  if (groups.length === 0) return;
  const ids = groups.map((g) => g.postId);
  const c = groups.map((g) => g.components);
  await sql`
    insert into post_demand (post_id, workspace_id, unique_voters, unique_companies, monthly_revenue, weighted_votes, momentum, computed_at)
    select u.id, ${workspaceId}::uuid, u.voters, u.companies, u.revenue, u.weighted, u.momentum, ${now}::timestamptz
    from unnest(${ids}::uuid[], ${c.map((x) => x.uniqueVoters)}::int[], ${c.map((x) => x.uniqueCompanies)}::int[],
      ${c.map((x) => x.monthlyRevenue.toFixed(2))}::numeric[], ${c.map((x) => x.importanceWeightedVotes)}::float8[], ${c.map((x) => x.momentum)}::float8[])
      as u(id, voters, companies, revenue, weighted, momentum)
    on conflict (post_id) do update set
      unique_voters = excluded.unique_voters, unique_companies = excluded.unique_companies, monthly_revenue = excluded.monthly_revenue,
      weighted_votes = excluded.weighted_votes, momentum = excluded.momentum, computed_at = excluded.computed_at`.execute(tx);
  await tx.deleteFrom('post_demand_segments').where('post_id', 'in', ids).execute();
  const segs = groups.flatMap((g) => g.segments.map((s) => ({ postId: g.postId, ...s })));
  if (segs.length) {
    await sql`
      insert into post_demand_segments (post_id, workspace_id, segment, voters, companies, monthly_revenue, weighted_votes, momentum, score)
      select u.id, ${workspaceId}::uuid, u.segment, u.voters, u.companies, u.revenue, u.weighted, u.momentum, u.score
      from unnest(${segs.map((s) => s.postId)}::uuid[], ${segs.map((s) => s.segment)}::text[], ${segs.map((s) => s.voters)}::int[],
        ${segs.map((s) => s.companies)}::int[], ${segs.map((s) => s.monthlyRevenue.toFixed(2))}::numeric[],
        ${segs.map((s) => s.weightedVotes)}::float8[], ${segs.map((s) => s.momentum)}::float8[], ${segs.map((s) => s.score)}::float8[])
        as u(id, segment, voters, companies, revenue, weighted, momentum, score)`.execute(tx);
  }
  await setDemandScores(tx, ids, groups.map((g) => g.score));
}

/** Stubs rank by nothing of their own: no components, score 0. */
export async function clearStubDemand(tx: DbOrTx, stubIds: readonly string[]): Promise<void> {
  if (stubIds.length === 0) return;
  await tx.deleteFrom('post_demand').where('post_id', 'in', [...stubIds]).execute();
  await tx.deleteFrom('post_demand_segments').where('post_id', 'in', [...stubIds]).execute();
  await setDemandScores(tx, stubIds, stubIds.map(() => 0));
}

// Only rows whose score really changes are written (no needless row versions or change
// notifications), and they are locked in id order so two writers cannot deadlock on each other.
async function setDemandScores(tx: DbOrTx, ids: readonly string[], scores: readonly number[]): Promise<void> {
  const { rows } = await sql<{ id: string }>`
    select p.id from posts p join unnest(${[...ids]}::uuid[], ${[...scores]}::float8[]) as u(id, score) on p.id = u.id
    where p.demand_score is distinct from u.score order by p.id for update of p`.execute(tx);
  if (rows.length === 0) return;
  await sql`
    update posts p set demand_score = u.score
    from unnest(${[...ids]}::uuid[], ${[...scores]}::float8[]) as u(id, score)
    where p.id = u.id and p.id = any(${rows.map((r) => r.id)}::uuid[])`.execute(tx);
}

/** Posts (any member of a group) a person voted for. */
export async function findPostIdsVotedByPerson(db: DbOrTx, workspaceId: string, personId: string): Promise<string[]> {
  const rows = await db.selectFrom('votes').select('post_id').distinct()
    .where('workspace_id', '=', workspaceId).where('person_id', '=', personId).execute();
  return rows.map((r) => r.post_id);
}

/** Posts (any member of a group) that people of a company voted for. */
export async function findPostIdsVotedByCompany(db: DbOrTx, workspaceId: string, companyId: string): Promise<string[]> {
  const rows = await db.selectFrom('votes').innerJoin('people', 'people.id', 'votes.person_id')
    .select('votes.post_id').distinct()
    .where('votes.workspace_id', '=', workspaceId).where('people.company_id', '=', companyId).execute();
  return rows.map((r) => r.post_id);
}

/** One page of a workspace's post ids, keyset on id (the full rebuild walks them all). */
export async function pageWorkspacePostIds(db: DbOrTx, workspaceId: string, afterId: string | null, limit: number): Promise<string[]> {
  let query = db.selectFrom('posts').select('id').where('workspace_id', '=', workspaceId);
  if (afterId) query = query.where('id', '>', afterId);
  const rows = await query.orderBy('id').limit(limit).execute();
  return rows.map((r) => r.id);
}

/** One page of the posts whose stored momentum is still above zero (the decay refresh). */
export async function pageMomentumPostIds(db: DbOrTx, workspaceId: string, afterId: string | null, limit: number): Promise<string[]> {
  let query = db.selectFrom('post_demand').select('post_id').where('workspace_id', '=', workspaceId).where('momentum', '>', 0);
  if (afterId) query = query.where('post_id', '>', afterId);
  const rows = await query.orderBy('post_id').limit(limit).execute();
  return rows.map((r) => r.post_id);
}

export async function hasMomentum(db: DbOrTx, workspaceId: string): Promise<boolean> {
  const row = await db.selectFrom('post_demand').select('post_id').where('workspace_id', '=', workspaceId).where('momentum', '>', 0).limit(1).executeTakeFirst();
  return Boolean(row);
}
