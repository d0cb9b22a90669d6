// Read-side demand queries: the sparkline, a post's rank in its board, the Top demand list, segments.
import { sql } from 'kysely';
import type { DbOrTx } from '../../db/database.ts';
import type { StatusKind } from '../../db/schema.ts';
import { NO_COMPANY_SEGMENT, NO_SEGMENT } from './demand-formula.ts';

/**
 * New voters per UTC day since `since`, over a merge group: a person counts on the day of their
 * earliest vote in the group, so a voter of two merged posts appears once. Only recent votes are read
 * (votes_post_created), and a person with an older vote in the group is dropped.
 */
export async function countNewVotersByDay(db: DbOrTx, groupPostIds: readonly string[], since: Date): Promise<Map<string, number>> {
  const { rows } = await sql<{ day: string; votes: number }>`
    with recent as (
      select person_id, min(created_at) as first_at from votes
      where post_id = any(${[...groupPostIds]}::uuid[]) and created_at >= ${since}::timestamptz
      group by person_id
    )
    select to_char(r.first_at at time zone 'UTC', 'YYYY-MM-DD') as day, count(*)::int as votes
    from recent r
    where not exists (
      select 1 from votes v where v.person_id = r.person_id and v.post_id = any(${[...groupPostIds]}::uuid[]) and v.created_at < ${since}::timestamptz
    )
    group by 1`.execute(db);
  return new Map(rows.map((r) => [r.day, r.votes]));
}

/**
 * Live, unmerged posts of a board ranked ahead of (score, id) by the sort=demand order, and how many
 * there are, counted on the narrow post_rank (migrations/20261123090000_post-rank.sql).
 */
export async function rankInBoard(db: DbOrTx, boardId: string, postId: string, score: number): Promise<{ ahead: number; total: number }> {
  const { rows } = await sql<{ ahead: number; total: number }>`
    select
      count(*) filter (where post_id <> ${postId}::uuid and (demand_score > ${score}::float8 or (demand_score = ${score}::float8 and post_id > ${postId}::uuid)))::int as ahead,
      count(*)::int as total
    from post_rank where board_id = ${boardId}::uuid and listed and head`.execute(db);
  return rows[0] ?? { ahead: 0, total: 0 };
}

export type TopDemandRow = {
  id: string;
  title: string;
  board_id: string;
  board_name: string;
  board_slug: string;
  status_id: string;
  status_name: string;
  status_slug: string;
  status_kind: StatusKind;
  status_color: string;
  vote_count: number;
  score: number;
  total_score: number;
  voters: number | null;
  companies: number | null;
  monthly_revenue: string | null;
  weighted_votes: number | null;
  momentum: number | null;
};

export type TopDemandFilter = {
  workspaceId: string;
  segment: string | null;
  boardId: string | null;
  after: { key: number; id: string } | null;
  limit: number;
};

/**
 * Live, unmerged posts with demand, best first. With a segment: ranked by the score of that segment's
 * voters only (post_demand_segments_top); without: by the post's demand score, walking post_rank's
 * post_rank_workspace_demand or post_rank_board_demand (migrations/20261123090000_post-rank.sql).
 */
export async function listTopDemandRows(db: DbOrTx, f: TopDemandFilter): Promise<TopDemandRow[]> {
  if (f.segment !== null) {
    const board = f.boardId ? sql`and p.board_id = ${f.boardId}::uuid` : sql``;
    const after = f.after ? sql`and (ds.score, ds.post_id) < (${f.after.key}::float8, ${f.after.id}::uuid)` : sql``;
    const { rows } = await sql<TopDemandRow>`
      select ${postColumns}, ds.score, p.demand_score as total_score, ds.voters, ds.companies, ds.monthly_revenue::text as monthly_revenue,
        ds.weighted_votes, ds.momentum
      from post_demand_segments ds
      join posts p on p.id = ds.post_id
      join boards b on b.id = p.board_id
      join statuses s on s.id = p.status_id
      where ds.workspace_id = ${f.workspaceId}::uuid and ds.segment = ${f.segment} and ds.score > 0
        and p.deleted_at is null and p.merged_into_id is null ${board} ${after}
      order by ds.score desc, ds.post_id desc
      limit ${f.limit}`.execute(db);
    return rows;
  }
  const board = f.boardId ? sql`and r.board_id = ${f.boardId}::uuid` : sql``;
  const after = f.after ? sql`and (r.demand_score, r.post_id) < (${f.after.key}::float8, ${f.after.id}::uuid)` : sql``;
  // the page's ids as an array (an initplan: the outer join plans without post_rank, see listPostRows);
  // one snapshot, so posts.demand_score equals post_rank's and orders the page
  const { rows } = await sql<TopDemandRow>`
    select ${postColumns}, p.demand_score as score, p.demand_score as total_score, d.unique_voters as voters, d.unique_companies as companies,
      d.monthly_revenue::text as monthly_revenue, d.weighted_votes, d.momentum
    from posts p
    join boards b on b.id = p.board_id
    join statuses s on s.id = p.status_id
    left join post_demand d on d.post_id = p.id
    where p.id = any(array(
      select r.post_id from post_rank r
      where r.workspace_id = ${f.workspaceId}::uuid and r.listed and r.head and r.demand_score > 0 ${board} ${after}
      order by r.demand_score desc, r.post_id desc
      limit ${f.limit}))
    order by p.demand_score desc, p.id desc`.execute(db);
  return rows;
}

const postColumns = sql`p.id, p.title, p.board_id, b.name as board_name, b.slug as board_slug, s.id as status_id, s.name as status_name,
  s.slug as status_slug, s.kind as status_kind, s.color as status_color, p.vote_count`;

/** Every segment a voter can be in: the companies' segments, then "No segment" and "No company". */
export async function listSegments(db: DbOrTx, workspaceId: string): Promise<Array<{ segment: string; companies: number }>> {
  const { rows } = await sql<{ segment: string; companies: number }>`
    select coalesce(nullif(btrim(segment), ''), ${NO_SEGMENT}::text) as segment, count(*)::int as companies
    from companies where workspace_id = ${workspaceId}::uuid group by 1`.execute(db);
  const named = rows.filter((r) => r.segment !== NO_SEGMENT).sort((a, b) => a.segment.localeCompare(b.segment));
  const unsegmented = rows.find((r) => r.segment === NO_SEGMENT);
  return [...named, ...(unsegmented ? [unsegmented] : []), { segment: NO_COMPANY_SEGMENT, companies: 0 }];
}
