import type { Context } from '../context.ts';
import { findVisiblePost } from '../posts/index.ts';
import { SPARKLINE_DAYS } from './demand-formula.ts';
import { findGroupMemberIds, findGroupRefs } from './demand.repo.ts';
import { loadSparkline, type SparklinePoint } from './get-post-demand.ts';

export type PostActivity = { postId: string; mergedIntoId: string | null; days: number; sparkline: SparklinePoint[] };

/**
 * The public side of demand: new voters per day over the last 30 days, for anyone who can see the
 * post. Vote counts are public already; who voted and what they pay is not, so nothing else is here.
 * A merge stub shows no activity of its own (its voters count on the post it was merged into).
 */
export async function getPostActivity(ctx: Context, postId: string): Promise<PostActivity> {
  const post = await findVisiblePost(ctx, postId);
  const [ref] = await findGroupRefs(ctx.db, ctx.actor.workspaceId, [post.id]);
  const mergedIntoId = ref?.merged_into_id ?? null;
  const groupIds = mergedIntoId ? [] : [post.id, ...(await findGroupMemberIds(ctx.db, post.id))];
  return { postId: post.id, mergedIntoId, days: SPARKLINE_DAYS, sparkline: await loadSparkline(ctx.db, groupIds, ctx.now) };
}
