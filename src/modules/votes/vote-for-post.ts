import type { Context } from '../context.ts';
import { withTransaction } from '../../db/database.ts';
import { adjustVoteCount, findVisiblePost, recountGroup, resolveParticipant, retryOnDeadlock } from '../posts/index.ts';
import { currentVoteCount, upsertVote } from './votes.repo.ts';
import { recordEvent } from '../events/index.ts';
import { enqueueDemandRefresh } from '../demand/index.ts';
import { subscribe } from '../subscriptions/index.ts';
import { voterRequired } from './votes.errors.ts';
import { lockVoteTarget } from './vote-target.ts';
import type { VoteResult } from './votes.present.ts';
import type { VoteInput } from './votes.schemas.ts';

/**
 * Idempotent vote: voting twice keeps one vote (a repeat may change its importance). The vote goes
 * on the group's root (a merged post redirects to its target) under the group lock; vote_count
 * moves in the same transaction: +1 when a row was inserted on a post nothing was merged into (the
 * fast path), else a recount of the distinct people voting anywhere in the group, so someone who
 * voted on a merged post and votes again on its target is counted once.
 */
export async function voteForPost(ctx: Context, postId: string, input: VoteInput): Promise<VoteResult> {
  const post = await findVisiblePost(ctx, postId, { live: true });
  return retryOnDeadlock(ctx.db, () => withTransaction(ctx.db, async (tx) => {
    const voter = await resolveParticipant({ ...ctx, db: tx }, input.voter, 'voter');
    if (!voter.personId) throw voterRequired();
    const group = await lockVoteTarget(ctx, tx, post);
    const targetId = group.rootId;
    const { inserted } = await upsertVote(tx, {
      workspaceId: ctx.actor.workspaceId,
      postId: targetId,
      personId: voter.personId,
      importance: input.importance,
      memberId: voter.memberId,
    });
    const voteCount = !inserted ? await currentVoteCount(tx, targetId)
      : group.rootHasMerged ? (await recountGroup(tx, targetId)).vote_count
      : await adjustVoteCount(tx, targetId, 1);
    if (inserted) {
      await subscribe(tx, { workspaceId: ctx.actor.workspaceId, postId: targetId, personId: voter.personId, reason: 'voter' });
      await recordEvent(tx, {
        actor: ctx.actor, type: 'vote.created', postId: targetId,
        data: {
          vote: { postId: targetId, personId: voter.personId, importance: input.importance ?? 1, votedByMemberId: voter.memberId },
          voteCount,
          ...(targetId !== post.id ? { redirectedFromPostId: post.id } : {}),
        },
      });
    }
    // a repeated vote that sets the importance moves the demand score too
    if (inserted || input.importance !== undefined) {
      await enqueueDemandRefresh(tx, { scope: 'posts', workspaceId: ctx.actor.workspaceId, postIds: [targetId] });
    }
    return { voteCount, hasVoted: true };
  }));
}
