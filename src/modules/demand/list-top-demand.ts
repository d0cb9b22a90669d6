import type { Context } from '../context.ts';
import { decodeCursor, encodeCursor } from '../../lib/cursor.ts';
import { boardNotFound, canViewBoard, findBoard } from '../boards/index.ts';
import type { DemandComponents } from './demand-formula.ts';
import { listTopDemandRows, type TopDemandRow } from './demand-views.repo.ts';
import { canSeeDemand } from './demand.policy.ts';
import { demandTeamOnly, invalidDemandCursor } from './demand.errors.ts';
import type { TopDemandInput } from './demand.schemas.ts';
import { isUuid } from '../../lib/ids.ts';

export type TopDemandItem = { rank: number; row: TopDemandRow; segment: string | null; components: DemandComponents };
export type TopDemandPage = { items: TopDemandItem[]; nextCursor: string | null };

const DEFAULT_LIMIT = 25;

/**
 * The workspace's posts by demand, best first (keyset-paginated like the post lists). With `segment`,
 * each post is ranked by the score of that segment's voters alone and posts without such voters drop
 * out: "what do our Enterprise customers want most?".
 */
export async function listTopDemand(ctx: Context, input: TopDemandInput): Promise<TopDemandPage> {
  if (!canSeeDemand(ctx.actor)) throw demandTeamOnly();
  const workspaceId = ctx.actor.workspaceId;
  const segment = input.segment?.trim() || null;
  const boardId = input.boardId ?? null;
  if (boardId) {
    const board = await findBoard(ctx.db, workspaceId, boardId);
    if (!board || !canViewBoard(ctx.actor, board)) throw boardNotFound();
  }
  const limit = input.limit ?? DEFAULT_LIMIT;
  const after = input.cursor ? decodeAfter(input.cursor, segment, boardId) : null;
  const rows = await listTopDemandRows(ctx.db, { workspaceId, segment, boardId, after, limit: limit + 1 });
  const page = rows.slice(0, limit);
  const offset = after?.rank ?? 0;
  const items = page.map((row, i): TopDemandItem => ({ rank: offset + i + 1, row, segment, components: componentsOf(row) }));
  const last = items.at(-1);
  return {
    items,
    nextCursor: rows.length > limit && last ? encodeCursor([segment, boardId, last.row.score, last.row.id, last.rank]) : null,
  };
}

function componentsOf(row: TopDemandRow): DemandComponents {
  return {
    uniqueVoters: row.voters ?? 0,
    uniqueCompanies: row.companies ?? 0,
    monthlyRevenue: Number(row.monthly_revenue ?? 0),
    importanceWeightedVotes: row.weighted_votes ?? 0,
    momentum: row.momentum ?? 0,
  };
}

/** A cursor continues only the list (segment and board) it was issued for. */
function decodeAfter(cursor: string, segment: string | null, boardId: string | null): { key: number; id: string; rank: number } {
  const values = decodeCursor(cursor, 5);
  if (!values) throw invalidDemandCursor();
  const [cursorSegment, cursorBoard, key, id, rank] = values;
  const ok = cursorSegment === segment && cursorBoard === boardId && typeof key === 'number' && Number.isFinite(key)
    && isUuid(id) && Number.isInteger(rank) && (rank as number) >= 0;
  if (!ok) throw invalidDemandCursor();
  return { key: key as number, id, rank: rank as number };
}
