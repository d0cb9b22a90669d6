import { sql } from 'kysely';
import type { DbOrTx } from '../../db/database.ts';
import type { Status, StatusKind } from '../../db/schema.ts';
import type { RoadmapKind } from './roadmap.schemas.ts';

export type RoadmapRow = {
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
  comment_count: number;
  /** When a shipped post reached its status (microsecond ISO text, exact for cursors); null otherwise. */
  shipped_key: string | null;
  tags: Array<{ id: string; name: string; color: string }>;
  has_voted: boolean;
};

export type RoadmapFilter = {
  workspaceId: string;
  boardId: string | null;
  /** Anyone outside the team sees public boards only. */
  publicOnly: boolean;
  /** Whose votes fill hasVoted (an end user), or null. A vote on a post merged into a card counts for the card. */
  personId: string | null;
  kinds: readonly RoadmapKind[];
  /** Rows to read per column (the page size plus one, to know whether there is more). */
  rowsPerKind: Record<RoadmapKind, number>;
  /** Keyset position inside one column: shipped columns go by shipped time, the others by votes. */
  after: { kind: RoadmapKind; key: number | string; id: string } | null;
};

/**
 * Every column's cards in ONE query: live posts (not deleted, not merged) of the roadmap kinds, ranked
 * per kind and cut to each column's page, with tags and the viewer's vote folded in — the cost does not
 * grow with the number of cards (no per-card queries). Planned and in-progress columns go by votes:
 * for each of their statuses a walk along post_rank_roadmap reads one page
 * (migrations/20261123090000_post-rank.sql). Shipped goes by when the post reached its status, which
 * no index holds: all its live posts are ranked.
 */
export async function listRoadmapRows(db: DbOrTx, f: RoadmapFilter): Promise<RoadmapRow[]> {
  if (f.kinds.length === 0) return [];
  const { after } = f;
  const votedKinds = f.kinds.filter((kind) => kind !== 'shipped');
  // one page per status is enough: a column's page is within the union of its statuses' pages
  const votedRows = Math.max(0, ...votedKinds.map((kind) => f.rowsPerKind[kind]));
  const onRank = sql`
    r.workspace_id = ${f.workspaceId} and r.listed and r.head
    ${f.boardId ? sql`and r.board_id = ${f.boardId}` : sql``}
    ${f.publicOnly ? sql`and r.board_id in (select b.id from boards b where b.workspace_id = ${f.workspaceId} and b.visibility = 'public')` : sql``}`;
  const result = await sql<RoadmapRow>`
    with column_statuses as (
      select s.id, s.kind from statuses s where s.workspace_id = ${f.workspaceId} and s.kind in (${sql.join(f.kinds)})
    ), voted as (
      select r.post_id as id, r.board_id, r.status_id, c.kind, r.vote_count, null::timestamptz as shipped_at
      from column_statuses c
      cross join lateral (
        select r.post_id, r.board_id, r.status_id, r.vote_count from post_rank r
        where r.status_id = c.id and ${onRank}
          ${after && after.kind !== 'shipped' ? sql`and (r.vote_count, r.post_id) < (${after.key}::int, ${after.id}::uuid)` : sql``}
        order by r.vote_count desc, r.post_id desc
        limit ${votedRows}::int
      ) r
      where c.kind <> 'shipped'
    ), shipped as (
      select * from (
        select r.post_id as id, r.board_id, r.status_id, c.kind, r.vote_count, coalesce(
          (select max(sc.created_at) from status_changes sc where sc.post_id = r.post_id and sc.to_status_id = r.status_id),
          (select p.updated_at from posts p where p.id = r.post_id)) as shipped_at
        from column_statuses c
        join post_rank r on r.status_id = c.id
        where c.kind = 'shipped' and ${onRank}
      ) s
      ${after?.kind === 'shipped' ? sql`where (shipped_at, id) < (${after.key}::timestamptz, ${after.id}::uuid)` : sql``}
    ), ranked as (
      select live.*, row_number() over (
        partition by kind
        order by shipped_at desc nulls last, case when kind = 'shipped' then 0 else vote_count end desc, id desc
      ) as rank
      from (select * from voted union all select * from shipped) live
    )
    select r.id, p.title, r.board_id, b.name as board_name, b.slug as board_slug,
      r.status_id, s.name as status_name, s.slug as status_slug, s.kind as status_kind, s.color as status_color,
      r.vote_count, p.comment_count,
      to_char(r.shipped_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as shipped_key,
      coalesce((
        select json_agg(json_build_object('id', t.id, 'name', t.name, 'color', t.color) order by lower(t.name), t.id)
        from post_tags pt join tags t on t.id = pt.tag_id where pt.post_id = r.id
      ), '[]'::json) as tags,
      ${f.personId ? sql`exists (
        select 1 from votes v join posts vp on vp.id = v.post_id
        where v.person_id = ${f.personId} and (v.post_id = r.id or vp.merged_into_id = r.id)
      )` : sql`false`} as has_voted
    from ranked r
    join posts p on p.id = r.id
    join boards b on b.id = r.board_id
    join statuses s on s.id = r.status_id
    where r.rank <= case r.kind
      when 'planned' then ${f.rowsPerKind.planned}::int
      when 'in_progress' then ${f.rowsPerKind.in_progress}::int
      else ${f.rowsPerKind.shipped}::int end
    order by r.kind, r.rank
  `.execute(db);
  return result.rows;
}

/** The statuses that make up the roadmap's columns, in the workspace's order. */
export async function listRoadmapStatuses(db: DbOrTx, workspaceId: string, kinds: readonly RoadmapKind[]): Promise<Status[]> {
  if (kinds.length === 0) return [];
  return db.selectFrom('statuses').selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('kind', 'in', [...kinds])
    .orderBy('position').orderBy('created_at').orderBy('id')
    .execute();
}
