import type { Context } from '../context.ts';
import { withTransaction } from '../../db/database.ts';
import { adjustVoteCount, findVisiblePost, resolveParticipant } from '../posts/index.ts';
import { currentVoteCount, upsertVote } from './votes.repo.ts';
import { recordEvent } from '../events/index.ts';
import { voterRequired } from './votes.errors.ts';
import type { VoteResult } from './votes.present.ts';
import type { VoteInput } from './votes.schemas.ts';

/**
 * Idempotent vote: voting twice keeps one vote (a repeat may change its importance). vote_count and
 * hot_score move in the same transaction as the vote row, and only when a row was really inserted,
 * so the count stays exact under any number of concurrent votes and unvotes.
 */
export async function voteForPost(ctx: Context, postId: string, input: VoteInput): Promise<VoteResult> {
  const post = await findVisiblePost(ctx, postId, { live: true });
  return withTransaction(ctx.db, async (tx) => {
    const voter = await resolveParticipant({ ...ctx, db: tx }, input.voter, 'voter');
    if (!voter.personId) throw voterRequired();
    const { inserted } = await upsertVote(tx, {
      workspaceId: ctx.actor.workspaceId,
      postId: post.id,
      personId: voter.personId,
      importance: input.importance,
      memberId: voter.memberId,
    });
    const voteCount = inserted ? await adjustVoteCount(tx, post.id, 1) : await currentVoteCount(tx, post.id);
    if (inserted) {
      await recordEvent(tx, {
        actor: ctx.actor, type: 'vote.created', postId: post.id,
        data: { vote: { postId: post.id, personId: voter.personId, importance: input.importance ?? 1, votedByMemberId: voter.memberId }, voteCount },
      });
    }
    return { voteCount, hasVoted: true };
  });
}
