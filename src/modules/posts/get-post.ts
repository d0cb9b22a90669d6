import type { Context } from '../context.ts';
import { canViewPost, postPermissions } from './posts.policy.ts';
import { findPostRow, loadHistoryRows, loadTagsByPost, loadVotedPostIds, workspaceAllowsAnonymous } from './posts.repo.ts';
import { postNotFound } from './posts.errors.ts';
import type { PostDetail } from './posts.present.ts';

/** One post with its body, tags, status history and what the actor may do with it. */
export async function getPost(ctx: Context, postId: string): Promise<PostDetail> {
  const { actor, db } = ctx;
  const row = await findPostRow(db, actor.workspaceId, postId);
  if (!row || !canViewPost(actor, row)) throw postNotFound();
  const [tags, voted, history, allowAnonymous] = await Promise.all([
    loadTagsByPost(db, [row.id]),
    actor.kind === 'person' ? loadVotedPostIds(db, actor.personId, [row.id]) : Promise.resolve(new Set<string>()),
    loadHistoryRows(db, row.id),
    workspaceAllowsAnonymous(db, actor.workspaceId),
  ]);
  return {
    row,
    tags: tags.get(row.id) ?? [],
    hasVoted: voted.has(row.id),
    history,
    can: postPermissions(actor, row, allowAnonymous),
  };
}
