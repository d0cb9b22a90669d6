import type { Context } from '../context.ts';
import type { Board, Status } from '../../db/schema.ts';
import { decodeCursor, encodeCursor, isTimeKey } from '../../lib/cursor.ts';
import { isTeam } from '../auth/index.ts';
import { boardNotFound, canViewBoard, findBoard } from '../boards/index.ts';
import { listRoadmapRows, listRoadmapStatuses, type RoadmapRow } from './roadmap.repo.ts';
import { invalidRoadmapCursor } from './roadmap.errors.ts';
import { ROADMAP_KINDS, type RoadmapInput, type RoadmapKind } from './roadmap.schemas.ts';
import { isUuid } from '../../lib/ids.ts';

export type RoadmapColumn = { kind: RoadmapKind; statuses: Status[]; rows: RoadmapRow[]; nextCursor: string | null };
export type Roadmap = { board: Board | null; columns: RoadmapColumn[] };

// Planned and in-progress work is what visitors come for; shipped is a tail of recent wins.
const DEFAULT_PAGE: Record<RoadmapKind, number> = { planned: 50, in_progress: 50, shipped: 10 };

/**
 * The public roadmap: columns planned, in progress and shipped, for one board or every board the
 * actor may see (private boards only for the team). Two queries (statuses, cards) plus the board
 * lookup when filtered. With a cursor, only that column's next page.
 */
export async function getRoadmap(ctx: Context, input: RoadmapInput): Promise<Roadmap> {
  const { actor, db } = ctx;
  let board: Board | null = null;
  if (input.boardId) {
    const found = await findBoard(db, actor.workspaceId, input.boardId);
    if (!found || !canViewBoard(actor, found)) throw boardNotFound();
    board = found;
  }
  const after = input.cursor ? decodeAfter(input.cursor) : null;
  const kinds = after ? [after.kind] : ROADMAP_KINDS;
  const pageSize = (kind: RoadmapKind) => input.limit ?? DEFAULT_PAGE[kind];
  const [statuses, rows] = await Promise.all([
    listRoadmapStatuses(db, actor.workspaceId, kinds),
    listRoadmapRows(db, {
      workspaceId: actor.workspaceId,
      boardId: board?.id ?? null,
      publicOnly: !isTeam(actor),
      personId: actor.kind === 'person' ? actor.personId : null,
      kinds,
      rowsPerKind: { planned: pageSize('planned') + 1, in_progress: pageSize('in_progress') + 1, shipped: pageSize('shipped') + 1 },
      after,
    }),
  ]);
  const columns = kinds.map((kind): RoadmapColumn => {
    const all = rows.filter((row) => row.status_kind === kind);
    const page = all.slice(0, pageSize(kind));
    const last = page.at(-1);
    return {
      kind,
      statuses: statuses.filter((status) => status.kind === kind),
      rows: page,
      nextCursor: all.length > page.length && last ? encodeCursor([kind, sortKey(last), last.id]) : null,
    };
  });
  return { board, columns };
}

function sortKey(row: RoadmapRow): number | string {
  return row.status_kind === 'shipped' ? (row.shipped_key ?? '') : row.vote_count;
}

function decodeAfter(cursor: string): { kind: RoadmapKind; key: number | string; id: string } {
  const values = decodeCursor(cursor, 3);
  if (!values) throw invalidRoadmapCursor();
  const [kind, key, id] = values;
  if (!ROADMAP_KINDS.includes(kind as RoadmapKind) || !isUuid(id)) throw invalidRoadmapCursor();
  const ok = kind === 'shipped' ? isTimeKey(key) : Number.isInteger(key);
  if (!ok) throw invalidRoadmapCursor();
  return { kind: kind as RoadmapKind, key: key as number | string, id };
}
