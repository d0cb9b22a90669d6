import type { Context } from '../context.ts';
import { decodeCursor, encodeCursor, isTimeKey } from '../../lib/cursor.ts';
import { forbidden } from '../../lib/errors.ts';
import { isTeam } from '../auth/index.ts';
import { canManageChangelog } from './changelog.policy.ts';
import { listEntryRows, loadLinkedPosts } from './changelog.repo.ts';
import { invalidChangelogCursor } from './changelog.errors.ts';
import { entryUrl, type EntryDetail } from './changelog.present.ts';
import type { ListChangelogInput } from './changelog.schemas.ts';
import { isUuid } from '../../lib/ids.ts';

export type EntryPage = { items: EntryDetail[]; nextCursor: string | null };

const DEFAULT_LIMIT = 20;

/**
 * A page of entries with their linked posts (two queries). Outside the team only published entries,
 * newest first; the team may filter by state, and its unfiltered list runs newest-written first.
 */
export async function listChangelogEntries(ctx: Context, input: ListChangelogInput): Promise<EntryPage> {
  const { actor, db } = ctx;
  const team = isTeam(actor);
  if (!team && input.state && input.state !== 'published') throw forbidden('Only the team can see unpublished entries');
  const state = team ? (input.state ?? null) : 'published';
  const sortBy = state === 'published' ? 'published' : 'created';
  const limit = input.limit ?? DEFAULT_LIMIT;
  const rows = await listEntryRows(db, {
    workspaceId: actor.workspaceId,
    state,
    sortBy,
    after: input.cursor ? decodeAfter(input.cursor, sortBy) : null,
    limit: limit + 1,
  });
  const page = rows.slice(0, limit);
  const posts = await loadLinkedPosts(db, page.map((r) => r.id), !team);
  const canManage = canManageChangelog(actor);
  const last = page.at(-1);
  return {
    items: page.map((row) => ({
      row, posts: posts.get(row.id) ?? [], url: entryUrl(ctx.config.publicUrl, row.id), can: { edit: canManage, publish: canManage },
    })),
    nextCursor: rows.length > limit && last ? encodeCursor([sortBy, last.sort_key, last.id]) : null,
  };
}

/** A cursor continues only the ordering it was issued for. */
function decodeAfter(cursor: string, sortBy: 'created' | 'published'): { key: string; id: string } {
  const values = decodeCursor(cursor, 3);
  if (!values) throw invalidChangelogCursor();
  const [cursorSort, key, id] = values;
  if (cursorSort !== sortBy || !isTimeKey(key) || !isUuid(id)) {
    throw invalidChangelogCursor();
  }
  return { key, id };
}
