import type { DbOrTx } from '../../db/database.ts';
import { findLinkablePosts } from './changelog.repo.ts';
import { unknownPosts } from './changelog.errors.ts';

/**
 * The posts an entry will link, in the author's order: each must be a live post of the workspace; a
 * post merged into another links its target instead (that is where votes and subscribers gather).
 */
export async function resolveLinkedPosts(db: DbOrTx, workspaceId: string, postIds: readonly string[]): Promise<string[]> {
  const wanted = [...new Set(postIds)];
  const rows = await findLinkablePosts(db, workspaceId, wanted);
  const byId = new Map(rows.map((r) => [r.id, r]));
  const resolved: string[] = [];
  for (const id of wanted) {
    const post = byId.get(id);
    if (!post || post.deleted_at) throw unknownPosts();
    const target = post.merged_into_id ?? post.id;
    if (!resolved.includes(target)) resolved.push(target);
  }
  return resolved;
}
