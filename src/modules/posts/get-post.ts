import type { Context } from '../context.ts';
import { isTeam } from '../auth/index.ts';
import { canViewPost, postPermissions } from './posts.policy.ts';
import { findPostRow, loadHistoryRows, loadTagsByPost, loadVotedPostIds, workspaceAllowsAnonymous } from './posts.repo.ts';
import { findMergeTarget, listMergedPosts, listMergeLog } from './post-group.repo.ts';
import { postNotFound } from './posts.errors.ts';
import type { PostDetail } from './posts.present.ts';

/**
 * One post with its body, tags, status history and what the actor may do with it; for a merged post
 * the post it lives on in (the portal redirects there), for a target the posts merged into it.
 */
export async function getPost(ctx: Context, postId: string): Promise<PostDetail> {
  const { actor, db } = ctx;
  const row = await findPostRow(db, actor.workspaceId, postId);
  if (!row || !canViewPost(actor, row)) throw postNotFound();
  const [tags, voted, history, allowAnonymous, target, mergedPosts, merges] = await Promise.all([
    loadTagsByPost(db, [row.id]),
    actor.kind === 'person' ? loadVotedPostIds(db, actor.personId, [row.id]) : Promise.resolve(new Set<string>()),
    loadHistoryRows(db, row.id),
    workspaceAllowsAnonymous(db, actor.workspaceId),
    row.merged_into_id ? findMergeTarget(db, actor.workspaceId, row.merged_into_id) : Promise.resolve(undefined),
    row.merged_into_id ? Promise.resolve([]) : listMergedPosts(db, row.id),
    // who merged what is triage history; a source's title may also come from a private board
    isTeam(actor) ? listMergeLog(db, row.id) : Promise.resolve([]),
  ]);
  return {
    row,
    tags: tags.get(row.id) ?? [],
    hasVoted: voted.has(row.id),
    history,
    can: postPermissions(actor, row, allowAnonymous),
    mergedInto: row.merged_into_id ? { id: row.merged_into_id, title: target && canViewPost(actor, target) ? target.title : null } : null,
    mergedPosts: mergedPosts.filter((p) => canViewPost(actor, p)),
    merges,
  };
}
