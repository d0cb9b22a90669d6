// The group mutex (issue 3): every change to a group's counters or shape — a vote, an unvote, a
// comment, a merge, an unmerge — first takes the lock of the group's root, then writes rows. Votes
// and merges racing each other therefore serialise per group and the root's distinct-voter count
// stays exact.
//
// Why an advisory lock and not `select … for update` on the root row: the root can change while a
// transaction waits (a merge turns it into a merged post). A waiter then holds the row lock of a post
// that has joined another group, whose holder must update exactly that row (recount, re-point) —
// a deadlock under the very load the concurrency test makes. Nobody writes a row under an advisory
// key, so a stale one costs a moment of waiting, never a cycle with row locks.
import type { DbOrTx, Tx } from '../../db/database.ts';
import { readGroupPosition, takeGroupLock, takeGroupLocks } from './post-group.repo.ts';
import { postNotFound } from './posts.errors.ts';

export type GroupLock = {
  postId: string;
  /** The group's root: the post itself, or the post it is merged into. */
  rootId: string;
  isMerged: boolean;
  /** The root has posts merged into it (counters must be recounted over the group). */
  rootHasMerged: boolean;
  deletedAt: Date | null;
};

const MAX_ATTEMPTS = 20;

/**
 * Locks the group `postId` belongs to for the rest of the transaction and says where the post stands.
 * `seenMergedIntoId`, when the caller just read the post, saves the first read (it is checked again
 * under the lock all the same).
 */
export async function lockPostGroup(tx: Tx, workspaceId: string, postId: string, seenMergedIntoId?: string | null): Promise<GroupLock> {
  let seen = seenMergedIntoId === undefined
    ? await readGroupPosition(tx, workspaceId, postId)
    : { id: postId, merged_into_id: seenMergedIntoId };
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    if (!seen) throw postNotFound();
    const rootId = seen.merged_into_id ?? seen.id;
    await takeGroupLock(tx, rootId);
    // read again: what we read before waiting may have been merged or unmerged meanwhile
    const now = await readGroupPosition(tx, workspaceId, postId);
    if (!now) throw postNotFound();
    if ((now.merged_into_id ?? now.id) === rootId) {
      const isMerged = now.merged_into_id !== null;
      return { postId, rootId, isMerged, rootHasMerged: isMerged || Boolean(now.has_merged), deletedAt: now.deleted_at };
    }
    seen = now;
  }
  throw new Error(`the merge group of post ${postId} kept changing while it was being locked`);
}

/** Locks several groups by root id, in one global order so two merges never wait on each other in a cycle. */
export async function lockGroupRoots(tx: Tx, rootIds: readonly string[]): Promise<void> {
  await takeGroupLocks(tx, [...new Set(rootIds)].sort());
}

const DEADLOCK = '40P01';

/**
 * Runs a use-case's transaction again when PostgreSQL broke a deadlock by aborting it. The group
 * lock order makes one unlikely (it needs two merges of the same posts racing a stale waiter), but
 * a vote must never be lost to it. Inside a caller's transaction there is nothing to retry.
 */
export async function retryOnDeadlock<T>(db: DbOrTx, fn: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn();
    } catch (error) {
      if (db.isTransaction || attempt >= 3 || (error as { code?: string }).code !== DEADLOCK) throw error;
    }
  }
}
