// Queries over a merge group: a root post (merged_into_id is null) plus every post merged into it
// (migrations/20261123020000_merges.sql). Votes and comments stay on the post they were made on; the
// root's counters are computed over the whole group, a merged post's counters over its own rows.
import { sql, type RawBuilder } from 'kysely';
import type { DbOrTx } from '../../db/database.ts';

// Namespace of the group mutex among advisory locks (two-key form, so it cannot meet a bigint key).
const GROUP_LOCK_NAMESPACE = 0x6d657267; // "merg"

/** Waits for the group mutex of `rootId` until the end of the transaction (re-entrant). */
export async function takeGroupLock(db: DbOrTx, rootId: string): Promise<void> {
  await takeGroupLocks(db, [rootId]);
}

/**
 * Waits for the group mutexes of several roots, one after the other in one statement, in the order
 * given (callers sort them: one global order means two lockers never wait on each other in a cycle).
 * `unnest` yields the array in order and nothing sorts above it, so the locks are taken in that order.
 */
export async function takeGroupLocks(db: DbOrTx, rootIds: readonly string[]): Promise<void> {
  if (rootIds.length === 0) return;
  await sql`/* prepared */ select count(pg_advisory_xact_lock(${GROUP_LOCK_NAMESPACE}::int, hashtext(root))) from unnest(${[...rootIds]}::text[]) as root`.execute(db);
}

/** Where a post stands in its group, read fresh (a new snapshot: call it after taking a lock). */
export async function readGroupPosition(db: DbOrTx, workspaceId: string, postId: string) {
  return db
    .selectFrom('posts')
    .select(['posts.id', 'posts.merged_into_id', 'posts.deleted_at'])
    .select((eb) => eb.exists(eb.selectFrom('posts as c').select('c.id').whereRef('c.merged_into_id', '=', 'posts.id')).as('has_merged'))
    .where('posts.workspace_id', '=', workspaceId)
    .where('posts.id', '=', postId)
    .executeTakeFirst();
}

/** readGroupPosition for many posts at once (any workspace: the caller has checked each post's); prepared (the vote path). */
export async function readGroupPositions(db: DbOrTx, postIds: readonly string[]) {
  if (postIds.length === 0) return [];
  const { rows } = await sql<{ id: string; merged_into_id: string | null; deleted_at: Date | null; has_merged: boolean }>`/* prepared */
    select posts.id, posts.merged_into_id, posts.deleted_at,
      exists (select 1 from posts c where c.merged_into_id = posts.id) as has_merged
    from posts where posts.id = any(${[...postIds]}::uuid[])`.execute(db);
  return rows;
}

/** The ids of a group: the root first, then the posts merged into it. */
export async function groupPostIds(db: DbOrTx, rootId: string): Promise<string[]> {
  const rows = await db.selectFrom('posts').select('id').where('merged_into_id', '=', rootId).orderBy('merged_at').orderBy('id').execute();
  return [rootId, ...rows.map((r) => r.id)];
}

const hotScore = (count: RawBuilder<number>) =>
  sql<number>`log(greatest(${count}, 1)::float8) + extract(epoch from posts.created_at)::float8 / 45000`;

/**
 * A root's counters from scratch: vote_count = distinct people with a vote anywhere in the group
 * (one vote per person), comment_count = public live comments of the group. Same hot formula as
 * adjustVoteCount. Run it holding the group lock.
 */
export async function recountGroup(db: DbOrTx, rootId: string): Promise<{ vote_count: number; comment_count: number }> {
  const group = sql`(select ${rootId}::uuid union all select id from posts where merged_into_id = ${rootId})`;
  const votes = sql<number>`(select count(distinct person_id)::int from votes where post_id in ${group})`;
  return db
    .updateTable('posts')
    .set({
      vote_count: votes,
      hot_score: hotScore(votes),
      comment_count: sql<number>`(select count(*)::int from comments where post_id in ${group} and not internal and deleted_at is null)`,
    })
    .where('id', '=', rootId)
    .returning(['vote_count', 'comment_count'])
    .executeTakeFirstOrThrow();
}

/** A merged post's own counters (its stub shows what was made on it). */
export async function recountOwn(db: DbOrTx, postIds: readonly string[]): Promise<void> {
  if (postIds.length === 0) return;
  const votes = sql<number>`(select count(*)::int from votes where post_id = posts.id)`;
  await db
    .updateTable('posts')
    .set({
      vote_count: votes,
      hot_score: hotScore(votes),
      comment_count: sql<number>`(select count(*)::int from comments where post_id = posts.id and not internal and deleted_at is null)`,
    })
    .where('id', 'in', [...postIds])
    .execute();
}

/** The post a merged post points at, for its stub (title only when the reader may see it: the caller decides). */
export async function findMergeTarget(db: DbOrTx, workspaceId: string, targetId: string) {
  return db
    .selectFrom('posts')
    .innerJoin('boards', 'boards.id', 'posts.board_id')
    .select(['posts.id', 'posts.title', 'posts.workspace_id', 'posts.deleted_at', 'boards.visibility as board_visibility'])
    .where('posts.workspace_id', '=', workspaceId)
    .where('posts.id', '=', targetId)
    .executeTakeFirst();
}

/** The posts merged into a root, with what each brought (its own votes and public comments). */
export async function listMergedPosts(db: DbOrTx, rootId: string) {
  return db
    .selectFrom('posts')
    .innerJoin('boards', 'boards.id', 'posts.board_id')
    .select([
      'posts.id', 'posts.title', 'posts.vote_count', 'posts.comment_count', 'posts.merged_at',
      'posts.workspace_id', 'posts.deleted_at', 'boards.visibility as board_visibility',
    ])
    .where('posts.merged_into_id', '=', rootId)
    .orderBy('posts.merged_at')
    .orderBy('posts.id')
    .execute();
}
export type MergedPostRow = Awaited<ReturnType<typeof listMergedPosts>>[number];

/** The merge log entries where the post was the source or the target, newest first. */
export async function listMergeLog(db: DbOrTx, postId: string) {
  return db
    .selectFrom('post_merges')
    .innerJoin('posts as s', 's.id', 'post_merges.source_post_id')
    .leftJoin('members', 'members.id', 'post_merges.actor_member_id')
    .select([
      'post_merges.id', 'post_merges.source_post_id', 'post_merges.target_post_id', 'post_merges.created_at',
      'post_merges.undone_at', 's.title as source_title', 'members.name as actor_name',
    ])
    .where((eb) => eb.or([eb('post_merges.source_post_id', '=', postId), eb('post_merges.target_post_id', '=', postId)]))
    .orderBy('post_merges.created_at', 'desc')
    .orderBy('post_merges.id', 'desc')
    .limit(100)
    .execute();
}
export type MergeLogRow = Awaited<ReturnType<typeof listMergeLog>>[number];
