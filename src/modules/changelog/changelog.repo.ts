import { sql } from 'kysely';
import type { DbOrTx } from '../../db/database.ts';
import type { ChangelogEntry, ChangelogState, StatusKind } from '../../db/schema.ts';

/** An entry with what every view of it shows: the author's name and the status a scheduled publish moves posts to. */
export type EntryRow = ChangelogEntry & {
  author_name: string | null;
  move_status_name: string | null;
  move_status_slug: string | null;
  move_status_kind: StatusKind | null;
  move_status_color: string | null;
  /** created_at, or published_at for published lists, as microsecond ISO text for exact cursors. */
  sort_key: string;
};

function selectEntries(db: DbOrTx, sortBy: 'created' | 'published') {
  const sortColumn = sortBy === 'published' ? sql.ref('changelog_entries.published_at') : sql.ref('changelog_entries.created_at');
  return db
    .selectFrom('changelog_entries')
    .leftJoin('members', 'members.id', 'changelog_entries.author_member_id')
    .leftJoin('statuses as ms', 'ms.id', 'changelog_entries.publish_status_id')
    .selectAll('changelog_entries')
    .select([
      'members.name as author_name',
      'ms.name as move_status_name', 'ms.slug as move_status_slug', 'ms.kind as move_status_kind', 'ms.color as move_status_color',
    ])
    .select(sql<string>`to_char(${sortColumn} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`.as('sort_key'));
}

export async function findEntryRow(db: DbOrTx, workspaceId: string, entryId: string): Promise<EntryRow | undefined> {
  return selectEntries(db, 'created')
    .where('changelog_entries.workspace_id', '=', workspaceId)
    .where('changelog_entries.id', '=', entryId)
    .executeTakeFirst() as Promise<EntryRow | undefined>;
}

/** Row-locks the entry for a state change: publish, schedule and the scheduled job serialise here. */
export async function lockEntry(db: DbOrTx, workspaceId: string, entryId: string): Promise<ChangelogEntry | undefined> {
  return db.selectFrom('changelog_entries').selectAll()
    .where('workspace_id', '=', workspaceId).where('id', '=', entryId)
    .forUpdate().executeTakeFirst();
}

export type EntryListFilter = {
  workspaceId: string;
  state: ChangelogState | null;
  /** Published lists go newest-published first; the team's mixed list newest-written first. */
  sortBy: 'created' | 'published';
  after: { key: string; id: string } | null;
  limit: number;
};

export async function listEntryRows(db: DbOrTx, f: EntryListFilter): Promise<EntryRow[]> {
  const column = f.sortBy === 'published' ? 'changelog_entries.published_at' : 'changelog_entries.created_at';
  let query = selectEntries(db, f.sortBy).where('changelog_entries.workspace_id', '=', f.workspaceId);
  if (f.state) query = query.where('changelog_entries.state', '=', f.state);
  if (f.after) query = query.where(sql<boolean>`(${sql.ref(column)}, changelog_entries.id) < (${f.after.key}::timestamptz, ${f.after.id}::uuid)`);
  return query.orderBy(column, 'desc').orderBy('changelog_entries.id', 'desc').limit(f.limit).execute() as Promise<EntryRow[]>;
}

export type LinkedPostRow = {
  entry_id: string;
  id: string;
  title: string;
  vote_count: number;
  board_id: string;
  board_name: string;
  board_slug: string;
  status_id: string;
  status_name: string;
  status_slug: string;
  status_kind: StatusKind;
  status_color: string;
};

/** The linked posts of a page of entries in one query; deleted posts never, private boards only for the team. */
export async function loadLinkedPosts(db: DbOrTx, entryIds: readonly string[], publicOnly: boolean): Promise<Map<string, LinkedPostRow[]>> {
  const byEntry = new Map<string, LinkedPostRow[]>();
  if (entryIds.length === 0) return byEntry;
  let query = db
    .selectFrom('changelog_entry_posts as ep')
    .innerJoin('posts', 'posts.id', 'ep.post_id')
    .innerJoin('boards', 'boards.id', 'posts.board_id')
    .innerJoin('statuses', 'statuses.id', 'posts.status_id')
    .select([
      'ep.entry_id', 'posts.id', 'posts.title', 'posts.vote_count',
      'boards.id as board_id', 'boards.name as board_name', 'boards.slug as board_slug',
      'statuses.id as status_id', 'statuses.name as status_name', 'statuses.slug as status_slug',
      'statuses.kind as status_kind', 'statuses.color as status_color',
    ])
    .where('ep.entry_id', 'in', [...entryIds])
    .where('posts.deleted_at', 'is', null);
  if (publicOnly) query = query.where('boards.visibility', '=', 'public');
  const rows = await query.orderBy('ep.entry_id').orderBy('ep.position').execute();
  for (const row of rows) {
    const list = byEntry.get(row.entry_id) ?? [];
    list.push(row);
    byEntry.set(row.entry_id, list);
  }
  return byEntry;
}

/** The posts named for linking, as stored: to check they exist here and to follow merges. */
export async function findLinkablePosts(db: DbOrTx, workspaceId: string, postIds: readonly string[]) {
  if (postIds.length === 0) return [];
  return db.selectFrom('posts').select(['id', 'merged_into_id', 'deleted_at'])
    .where('workspace_id', '=', workspaceId).where('id', 'in', [...postIds]).execute();
}

export async function replaceEntryPosts(db: DbOrTx, entryId: string, postIds: readonly string[]): Promise<void> {
  await db.deleteFrom('changelog_entry_posts').where('entry_id', '=', entryId).execute();
  if (postIds.length) {
    await db.insertInto('changelog_entry_posts')
      .values(postIds.map((post_id, position) => ({ entry_id: entryId, post_id, position })))
      .execute();
  }
}

/** The live (not deleted) posts an entry links to, in the order the author listed them. */
export async function listLinkedPostIds(db: DbOrTx, entryId: string): Promise<string[]> {
  const rows = await db.selectFrom('changelog_entry_posts as ep')
    .innerJoin('posts', 'posts.id', 'ep.post_id')
    .select('ep.post_id')
    .where('ep.entry_id', '=', entryId)
    .where('posts.deleted_at', 'is', null)
    .orderBy('ep.position')
    .execute();
  return rows.map((r) => r.post_id);
}

export const PUBLISH_CHANGELOG_TASK = 'changelog.publish';

/** One pending publish job per entry: scheduling again replaces it (graphile-worker job_key). */
export function publishJobKey(entryId: string): string {
  return `changelog.publish:${entryId}`;
}

/**
 * Drops the entry's pending publish job in the caller's transaction (graphile-worker's remove_job;
 * a job already running is left to finish, and the handler re-checks the entry's state).
 */
export async function removePublishJob(db: DbOrTx, entryId: string): Promise<void> {
  await sql`select graphile_worker.remove_job(${publishJobKey(entryId)})`.execute(db);
}
