import { sql } from 'kysely';
import type { DbOrTx } from '../../db/database.ts';

/**
 * What a merge changed, kept in post_merges.snapshot so unmerge restores exactly that (and nothing
 * a later edit did). Votes and comments are not in it: they never move.
 */
export type MergeSnapshot = {
  /** The source's status before the merge. */
  sourceStatusId: string;
  /** The `duplicate` status the merge gave the source, if the workspace has one. */
  statusSetTo: string | null;
  /** Tags the merge added to the target (the source's tags the target did not have). */
  addedTagIds: string[];
  /** Posts that were merged into the source and now point at the target (one hop). */
  repointedPostIds: string[];
  /** The post named in the request, when it was itself merged and resolved to its target. */
  requestedTargetId: string;
};

export function parseSnapshot(raw: unknown): MergeSnapshot | null {
  if (!raw || typeof raw !== 'object') return null;
  const s = raw as Partial<MergeSnapshot>;
  if (typeof s.sourceStatusId !== 'string') return null;
  const ids = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
  return {
    sourceStatusId: s.sourceStatusId,
    statusSetTo: typeof s.statusSetTo === 'string' ? s.statusSetTo : null,
    addedTagIds: ids(s.addedTagIds),
    repointedPostIds: ids(s.repointedPostIds),
    requestedTargetId: typeof s.requestedTargetId === 'string' ? s.requestedTargetId : '',
  };
}

/** The fields a merge decides on, read fresh (call again after taking the group locks). */
export async function readMergePost(db: DbOrTx, workspaceId: string, postId: string) {
  return db
    .selectFrom('posts')
    .select(['id', 'title', 'body', 'board_id', 'status_id', 'merged_into_id', 'deleted_at'])
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', postId)
    .executeTakeFirst();
}
export type MergePost = NonNullable<Awaited<ReturnType<typeof readMergePost>>>;

/** The first status of kind `duplicate`, if the workspace made one (a merge never creates it). */
export async function findDuplicateStatus(db: DbOrTx, workspaceId: string) {
  return db.selectFrom('statuses').select('id').where('workspace_id', '=', workspaceId).where('kind', '=', 'duplicate')
    .orderBy('position').orderBy('created_at').executeTakeFirst();
}

export async function statusExists(db: DbOrTx, workspaceId: string, statusId: string): Promise<boolean> {
  const row = await db.selectFrom('statuses').select('id').where('workspace_id', '=', workspaceId).where('id', '=', statusId).executeTakeFirst();
  return row !== undefined;
}

/** Gives the target the source's tags it lacks; returns the tag ids added. */
export async function unionTags(db: DbOrTx, sourceId: string, targetId: string): Promise<string[]> {
  const { rows } = await sql<{ tag_id: string }>`
    insert into post_tags (post_id, tag_id)
    select ${targetId}::uuid, tag_id from post_tags where post_id = ${sourceId}::uuid
    on conflict do nothing
    returning tag_id`.execute(db);
  return rows.map((r) => r.tag_id).sort();
}

export async function removeTags(db: DbOrTx, postId: string, tagIds: readonly string[]): Promise<void> {
  if (tagIds.length === 0) return;
  await db.deleteFrom('post_tags').where('post_id', '=', postId).where('tag_id', 'in', [...tagIds]).execute();
}

/** Moves every post merged into `fromId` to `toId` (keeping their merged_at); returns their ids. */
export async function repointMerged(db: DbOrTx, fromId: string, toId: string): Promise<string[]> {
  const rows = await db.updateTable('posts').set({ merged_into_id: toId }).where('merged_into_id', '=', fromId).returning('id').execute();
  return rows.map((r) => r.id).sort();
}

/** Undoes repointMerged for the posts still merged into `toId` (one unmerged on its own stays so). */
export async function restoreRepointed(db: DbOrTx, postIds: readonly string[], fromId: string, toId: string): Promise<void> {
  if (postIds.length === 0) return;
  await db.updateTable('posts').set({ merged_into_id: fromId }).where('id', 'in', [...postIds]).where('merged_into_id', '=', toId).execute();
}

export async function insertMergeLog(
  db: DbOrTx,
  m: { workspaceId: string; sourceId: string; targetId: string; actorMemberId: string | null; snapshot: MergeSnapshot; now: Date },
): Promise<string> {
  const row = await db.insertInto('post_merges').values({
    workspace_id: m.workspaceId,
    source_post_id: m.sourceId,
    target_post_id: m.targetId,
    actor_member_id: m.actorMemberId,
    snapshot: JSON.stringify(m.snapshot),
    created_at: m.now,
  }).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

/** The merge that made the post what it is now: its latest merge not undone. */
export async function findActiveMerge(db: DbOrTx, sourceId: string) {
  return db.selectFrom('post_merges').select(['id', 'target_post_id', 'snapshot'])
    .where('source_post_id', '=', sourceId).where('undone_at', 'is', null)
    .orderBy('created_at', 'desc').orderBy('id', 'desc').executeTakeFirst();
}

export async function markMergeUndone(db: DbOrTx, mergeId: string, memberId: string | null, now: Date): Promise<void> {
  await db.updateTable('post_merges').set({ undone_at: now, undone_by_member_id: memberId }).where('id', '=', mergeId).execute();
}
