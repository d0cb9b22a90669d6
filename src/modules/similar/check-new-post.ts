import type { DbOrTx } from '../../db/database.ts';
import { insertCandidate } from './similar.repo.ts';
import { readPostsById } from './similar-index.repo.ts';
import type { SimilarIndexes } from './similar-indexes.ts';

/** At most this many suggestions per new post: the queue is for the likeliest pairs. */
export const MAX_CANDIDATES_PER_POST = 5;

/**
 * The job run when a post is created: ranks the workspace's posts against it (its own text, as when
 * it was written, every board: the team's view) and stores the pairs scoring at or above the
 * workspace's calibrated threshold in the duplicate queue. Pairs decided before are left as they
 * are. Returns how many new pairs were stored.
 */
export async function checkNewPost(db: DbOrTx, indexes: SimilarIndexes, input: { workspaceId: string; postId: string }): Promise<number> {
  const index = await indexes.ready(input.workspaceId, { fresh: true });
  if (!index.has(input.postId)) return 0; // deleted or merged since, or not this workspace's
  const [post] = await readPostsById(db, input.workspaceId, [input.postId]);
  if (!post) return 0;
  const threshold = index.engine.options().threshold;
  // searching with the post's text (not by id) explains matches with the words as people wrote them
  const hits = index.search({
    isTeam: true, title: post.title, body: post.body, limit: MAX_CANDIDATES_PER_POST, now: post.createdAt, exclude: new Set([post.id]),
  }).filter((h) => h.score >= threshold);
  let stored = 0;
  for (const hit of hits) {
    const isNew = await insertCandidate(db, {
      workspaceId: input.workspaceId, postId: input.postId, similarPostId: hit.id, score: hit.score, matched: hit.matched,
    });
    if (isNew) stored++;
  }
  return stored;
}

/**
 * Checks every live post of a workspace, as if each had just been posted (`backboard similar scan`):
 * fills the queue for posts that existed before duplicate detection, or were imported. Returns the
 * number of new pairs.
 */
export async function checkAllPosts(db: DbOrTx, indexes: SimilarIndexes, workspaceId: string, progress?: (done: number, total: number) => void): Promise<number> {
  const ids = (await indexes.ready(workspaceId, { fresh: true })).postIds();
  let stored = 0;
  for (const [i, postId] of ids.entries()) {
    stored += await checkNewPost(db, indexes, { workspaceId, postId });
    if ((i + 1) % 1000 === 0) progress?.(i + 1, ids.length);
  }
  return stored;
}
