// The vote path's reads and writes of stored demand (addNewVotersToDemand, ADR 0005 second addendum,
// ADR 0007 "fewer round trips"): each new voter's facts in one query, and the new totals, segment rows
// and decay gate in one statement. The rows they work on are locked first (lockPostDemand).
import { sql, type RawBuilder } from 'kysely';
import type { DbOrTx } from '../../db/database.ts';
import { SEGMENT_OF_C } from './demand.repo.ts';

/** What a new vote adds to its post's demand: the voter's company and segment, and that segment's stored row. */
export type NewVoterFacts = {
  ord: number;
  company_id: string | null;
  company_revenue: string;
  segment: string;
  /** Some other voter of the post already counts the company (votes of this batch left out). */
  company_counted: boolean;
  seg_voters: number | null;
  seg_companies: number | null;
  seg_revenue: string | null;
  seg_weighted: number | null;
  seg_momentum: number | null;
  demand_weights: unknown;
};

/**
 * One row per new vote (`ord` = its index in `votes`), in one query, with the workspace's weights.
 * Read after lockPostDemand, so the segment rows are those of the last committed refresh.
 */
export async function readNewVoterFacts(
  tx: DbOrTx, workspaceId: string, votes: ReadonlyArray<{ postId: string; personId: string }>,
): Promise<NewVoterFacts[]> {
  if (votes.length === 0) return [];
  const postIds = votes.map((v) => v.postId);
  const personIds = votes.map((v) => v.personId);
  const { rows } = await sql<NewVoterFacts>`/* prepared */
    with nv as (
      select u.post_id, u.person_id, (u.ord - 1)::int as ord
      from unnest(${postIds}::uuid[], ${personIds}::uuid[]) with ordinality as u(post_id, person_id, ord)
    ), voter as (
      select nv.ord, nv.post_id, c.id as company_id, coalesce(c.monthly_revenue, 0)::text as company_revenue, ${SEGMENT_OF_C} as segment
      from nv join people pe on pe.id = nv.person_id and pe.workspace_id = ${workspaceId}
      left join companies c on c.id = pe.company_id
    )
    select voter.ord, voter.company_id, voter.company_revenue, voter.segment,
      (voter.company_id is not null and exists (
        select 1 from votes v join people p on p.id = v.person_id
        where v.post_id = voter.post_id and p.company_id = voter.company_id
          and not exists (select 1 from nv where nv.post_id = v.post_id and nv.person_id = v.person_id)
      )) as company_counted,
      s.voters as seg_voters, s.companies as seg_companies, s.monthly_revenue::text as seg_revenue,
      s.weighted_votes as seg_weighted, s.momentum as seg_momentum,
      (select demand_weights from workspaces where id = ${workspaceId}) as demand_weights
    from voter
    left join post_demand_segments s on s.post_id = voter.post_id and s.segment = voter.segment
    order by voter.ord`.execute(tx);
  return rows;
}

export type PostDemandUpdate = {
  postId: string;
  uniqueVoters: number;
  uniqueCompanies: number;
  monthlyRevenue: number;
  weightedVotes: number;
  momentum: number;
};
export type SegmentDemandUpdate = PostDemandUpdate & { segment: string; score: number };

/**
 * Writes new totals for existing post_demand rows (locked by lockPostDemand) and their segments' rows,
 * and, when `armDecay`, inserts the workspace's decay gate (demand_decays: at most one pending decay):
 * one statement, one round trip on the vote path. Returns whether the gate was inserted, i.e. whether
 * the caller must schedule the decay job (scheduleDecay).
 */
export async function writePostDemandUpdates(
  tx: DbOrTx, workspaceId: string, posts: readonly PostDemandUpdate[], segments: readonly SegmentDemandUpdate[], now: Date,
  opts: { armDecay: boolean },
): Promise<{ decayArmed: boolean }> {
  if (posts.length === 0 && !opts.armDecay) return { decayArmed: false };
  // fixed text (prepared): empty arrays write nothing, `armDecay` false inserts no gate
  const { rows } = await sql<{ armed: boolean }>`/* prepared */
    with totals as (
      update post_demand d set
        unique_voters = u.voters, unique_companies = u.companies, monthly_revenue = u.revenue,
        weighted_votes = u.weighted, momentum = u.momentum, computed_at = ${now}::timestamptz
      from unnest(${posts.map((p) => p.postId)}::uuid[], ${posts.map((p) => p.uniqueVoters)}::int[], ${posts.map((p) => p.uniqueCompanies)}::int[],
        ${posts.map((p) => p.monthlyRevenue.toFixed(2))}::numeric[], ${posts.map((p) => p.weightedVotes)}::float8[], ${posts.map((p) => p.momentum)}::float8[])
        as u(id, voters, companies, revenue, weighted, momentum)
      where d.post_id = u.id
    ), segments as (
      insert into post_demand_segments (post_id, workspace_id, segment, voters, companies, monthly_revenue, weighted_votes, momentum, score)
      select u.id, ${workspaceId}::uuid, u.segment, u.voters, u.companies, u.revenue, u.weighted, u.momentum, u.score
      from unnest(${segments.map((s) => s.postId)}::uuid[], ${segments.map((s) => s.segment)}::text[], ${segments.map((s) => s.uniqueVoters)}::int[],
        ${segments.map((s) => s.uniqueCompanies)}::int[], ${segments.map((s) => s.monthlyRevenue.toFixed(2))}::numeric[],
        ${segments.map((s) => s.weightedVotes)}::float8[], ${segments.map((s) => s.momentum)}::float8[], ${segments.map((s) => s.score)}::float8[])
        as u(id, segment, voters, companies, revenue, weighted, momentum, score)
      order by u.id, u.segment
      on conflict (post_id, segment) do update set
        voters = excluded.voters, companies = excluded.companies, monthly_revenue = excluded.monthly_revenue,
        weighted_votes = excluded.weighted_votes, momentum = excluded.momentum, score = excluded.score
    ), gate as (
      ${insertDecayGate(workspaceId, sql`where ${opts.armDecay}::boolean`)}
    )
    select exists (select 1 from gate) as armed`.execute(tx);
  return { decayArmed: rows[0]?.armed ?? false };
}

/**
 * The workspace's decay gate (demand_decays), inserted unless a decay is already pending; returns the
 * workspace id when inserted. `condition` (a where clause) lets a caller's statement skip it.
 */
export function insertDecayGate(workspaceId: string, condition: RawBuilder<unknown> = sql``): RawBuilder<unknown> {
  return sql`insert into demand_decays (workspace_id) select ${workspaceId}::uuid ${condition}
    on conflict (workspace_id) do nothing returning workspace_id`;
}
