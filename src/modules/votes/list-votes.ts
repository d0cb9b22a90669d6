import type { Context } from '../context.ts';
import { decodeCursor, encodeCursor, isTimeKey } from '../../lib/cursor.ts';
import { forbidden } from '../../lib/errors.ts';
import { findVisiblePost, groupPostIds } from '../posts/index.ts';
import { canListVoters } from './votes.policy.ts';
import { listGroupVoteRows, listVoteRows, type VoteRow } from './votes.repo.ts';
import { invalidVotesCursor } from './votes.errors.ts';
import type { ListVotesInput } from './votes.schemas.ts';
import { isUuid } from '../../lib/ids.ts';


/**
 * The voters of a post, newest first, with their companies and who voted on their behalf (team
 * only). On a post others were merged into: one entry per person over the whole group, with the
 * merged post they came from (`via_post_id`) when they did not vote on this one.
 */
export async function listVotes(ctx: Context, postId: string, input: ListVotesInput): Promise<{ items: VoteRow[]; nextCursor: string | null }> {
  if (!canListVoters(ctx.actor)) throw forbidden('Only the team can see who voted');
  const post = await findVisiblePost(ctx, postId);
  const limit = input.limit ?? 50;
  let after: { key: string; id: string } | null = null;
  if (input.cursor) {
    const values = decodeCursor(input.cursor, 2);
    const [key, id] = values ?? [];
    if (!isTimeKey(key) || !isUuid(id)) throw invalidVotesCursor();
    after = { key, id };
  }
  const group = post.merged_into_id ? [post.id] : await groupPostIds(ctx.db, post.id);
  const rows = group.length > 1
    ? await listGroupVoteRows(ctx.db, post.id, group, after, limit + 1)
    : await listVoteRows(ctx.db, post.id, after, limit + 1);
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return { items: page, nextCursor: rows.length > limit && last ? encodeCursor([last.created_key, last.id]) : null };
}
