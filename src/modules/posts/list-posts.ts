import type { Context } from '../context.ts';
import { decodeCursor, encodeCursor, isTimeKey } from '../../lib/cursor.ts';
import { isTeam } from '../auth/index.ts';
import { boardNotFound, canViewBoard, findBoard } from '../boards/index.ts';
import { findStatusesMatching, isStatusKind } from '../statuses/index.ts';
import { loadTagsByPost, loadVotedPostIds } from './posts.repo.ts';
import { listPostRows, type PostListFilter, type PostListRow } from './post-list.repo.ts';
import { demandSortTeamOnly, invalidCursor, unknownStatus } from './posts.errors.ts';
import type { PostListItem } from './posts.present.ts';
import type { ListPostsInput, PostSortValue } from './posts.schemas.ts';
import { isUuid } from '../../lib/ids.ts';

export type PostPage = { items: PostListItem[]; nextCursor: string | null };

const DEFAULT_LIMIT = 20;
// Trending is what Canny and Fider open a board with: new posts with early votes rise.
const DEFAULT_SORT: PostSortValue = 'trending';

/**
 * A page of posts the actor may see, with tags, status and the actor's own votes batched for the
 * whole page (three queries, whatever the page size). Without boardId: every board the actor sees.
 */
export async function listPosts(ctx: Context, input: ListPostsInput): Promise<PostPage> {
  const { actor, db } = ctx;
  const sort = input.sort ?? DEFAULT_SORT;
  const limit = input.limit ?? DEFAULT_LIMIT;
  // demand weighs in customers' revenue: its order would leak it, so outsiders get a clear 400
  if (sort === 'demand' && !isTeam(actor)) throw demandSortTeamOnly();
  if (input.boardId) {
    const board = await findBoard(db, actor.workspaceId, input.boardId);
    if (!board || !canViewBoard(actor, board)) throw boardNotFound();
  }
  const filter: PostListFilter = {
    workspaceId: actor.workspaceId,
    boardId: input.boardId ?? null,
    publicOnly: !isTeam(actor),
    statusIds: input.status ? await resolveStatusFilter(ctx, input.status) : null,
    tagId: input.tag ?? null,
    q: input.q?.trim() || null,
    includeDeleted: Boolean(input.includeDeleted) && isTeam(actor),
    sort,
    after: input.cursor ? decodeAfter(input.cursor, sort) : null,
    limit: limit + 1,
  };
  const rows = await listPostRows(db, filter);
  const page = rows.slice(0, limit);
  const ids = page.map((r) => r.id);
  const [tags, voted] = await Promise.all([
    loadTagsByPost(db, ids),
    actor.kind === 'person' ? loadVotedPostIds(db, actor.personId, ids) : Promise.resolve(new Set<string>()),
  ]);
  const last = page.at(-1);
  return {
    items: page.map((row) => ({
      row, tags: tags.get(row.id) ?? [], hasVoted: voted.has(row.id), ...(isTeam(actor) ? { demandScore: row.demand_score } : {}),
    })),
    nextCursor: rows.length > limit && last ? encodeCursor([sort, sortKey(last, sort), last.id]) : null,
  };
}

function sortKey(row: PostListRow, sort: PostSortValue): number | string {
  if (sort === 'top') return row.vote_count;
  if (sort === 'new') return row.created_key;
  if (sort === 'demand') return row.demand_score;
  return row.hot_score;
}

/** A cursor only continues the sort it was issued for; anything else is the client's mistake. */
function decodeAfter(cursor: string, sort: PostSortValue): { key: number | string; id: string } {
  const values = decodeCursor(cursor, 3);
  if (!values) throw invalidCursor();
  const [cursorSort, key, id] = values;
  if (cursorSort !== sort || !isUuid(id)) throw invalidCursor();
  const ok = sort === 'top' ? Number.isInteger(key)
    : sort === 'new' ? isTimeKey(key)
    : typeof key === 'number' && Number.isFinite(key);
  if (!ok) throw invalidCursor();
  return { key: key as number | string, id };
}

/** "planned,in_progress" → the ids of every status named by id, slug or kind. */
async function resolveStatusFilter(ctx: Context, value: string): Promise<string[] | null> {
  const refs = [...new Set(value.split(',').map((s) => s.trim()).filter(Boolean))].slice(0, 20);
  if (refs.length === 0) return null;
  const ids = new Set<string>();
  for (const ref of refs) {
    const matches = await findStatusesMatching(ctx.db, ctx.actor.workspaceId, ref);
    // a kind with no status of that kind is a valid, empty filter; an unknown name is a mistake
    if (matches.length === 0 && !isStatusKind(ref.toLowerCase())) throw unknownStatus();
    for (const s of matches) ids.add(s.id);
  }
  return [...ids];
}
