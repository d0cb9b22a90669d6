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
 * per kind by a window function and cut to each column's page, with tags and the viewer's vote
 * folded in — the cost does not grow with the number of cards (no per-card queries).
 */
export async function listRoadmapRows(db: DbOrTx, f: RoadmapFilter): Promise<RoadmapRow[]> {
  if (f.kinds.length === 0) return [];
  const { after } = f;
  const cursorCondition = !after ? sql``
    : after.kind === 'shipped'
      ? sql`where (shipped_at, id) < (${after.key}::timestamptz, ${after.id}::uuid)`
      : sql`where (vote_count, id) < (${after.key}::int, ${after.id}::uuid)`;
  const result = await sql<RoadmapRow>`
    with live as (
      select p.id, p.title, p.board_id, p.status_id, p.vote_count, p.comment_count, s.kind,
        case when s.kind = 'shipped' then coalesce(
          (select max(sc.created_at) from status_changes sc where sc.post_id = p.id and sc.to_status_id = p.status_id),
          p.updated_at) end as shipped_at
      from posts p
      join statuses s on s.id = p.status_id
      join boards b on b.id = p.board_id
      where p.workspace_id = ${f.workspaceId}
        and p.deleted_at is null
        and p.merged_into_id is null
        and s.kind in (${sql.join(f.kinds)})
        ${f.boardId ? sql`and p.board_id = ${f.boardId}` : sql``}
        ${f.publicOnly ? sql`and b.visibility = 'public'` : sql``}
    ), ranked as (
      select live.*, row_number() over (
        partition by kind
        order by shipped_at desc nulls last, case when kind = 'shipped' then 0 else vote_count end desc, id desc
      ) as rank
      from live
      ${cursorCondition}
    )
    select r.id, r.title, r.board_id, b.name as board_name, b.slug as board_slug,
      r.status_id, s.name as status_name, s.slug as status_slug, s.kind as status_kind, s.color as status_color,
      r.vote_count, r.comment_count,
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
