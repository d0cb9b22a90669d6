import type { Context } from '../context.ts';
import { withTransaction } from '../../db/database.ts';
import { forbidden } from '../../lib/errors.ts';
import { normalizeEmail } from '../people/index.ts';
import { adjustVoteCount, canActOnBehalf, findVisiblePost, groupPostIds, onBehalfForbidden, recountGroup, recountOwn, retryOnDeadlock, signInRequired } from '../posts/index.ts';
import { currentVoteCount, deleteVotes } from './votes.repo.ts';
import { emailRequired } from './votes.errors.ts';
import { lockVoteTarget } from './vote-target.ts';
import { recordEvent } from '../events/index.ts';
import { enqueueDemandRefresh } from '../demand/index.ts';
import type { VoteResult } from './votes.present.ts';
import type { UnvoteInput } from './votes.schemas.ts';

/**
 * Takes a vote back: an end user their own, the team anyone's by email. Removing a vote that does
 * not exist is not an error (idempotent); vote_count drops only when a row was deleted. On a post
 * others were merged into, the person's votes on every post of the group go (they were counted as
 * one vote, so taking it back takes back all of them); on a merged post, the same happens on its target.
 */
export async function removeVote(ctx: Context, postId: string, input: UnvoteInput): Promise<VoteResult> {
  const { actor } = ctx;
  const post = await findVisiblePost(ctx, postId, { live: true });
  let who: { personId: string } | { workspaceId: string; email: string };
  if (actor.kind === 'person') {
    if (input.email) throw onBehalfForbidden('email');
    who = { personId: actor.personId };
  } else if (actor.kind === 'anonymous') {
    // an email alone proves nothing, so anonymous visitors cannot remove anyone's vote
    throw signInRequired('Sign in to change your vote');
  } else {
    if (!canActOnBehalf(actor)) throw forbidden('This API key is read-only');
    if (!input.email) throw emailRequired();
    who = { workspaceId: actor.workspaceId, email: normalizeEmail(input.email) };
  }
  return retryOnDeadlock(ctx.db, () => withTransaction(ctx.db, async (tx) => {
    const group = await lockVoteTarget(ctx, tx, post);
    const targetId = group.rootId;
    const postIds = group.rootHasMerged ? await groupPostIds(tx, targetId) : [targetId];
    const deletedFrom = await deleteVotes(tx, postIds, who);
    let voteCount: number;
    if (deletedFrom.length === 0) voteCount = await currentVoteCount(tx, targetId);
    else if (!group.rootHasMerged) voteCount = await adjustVoteCount(tx, targetId, -1);
    else {
      await recountOwn(tx, deletedFrom.filter((id) => id !== targetId));
      voteCount = (await recountGroup(tx, targetId)).vote_count;
    }
    if (deletedFrom.length) {
      await recordEvent(tx, { actor, type: 'vote.deleted', postId: targetId, data: { vote: { postId: targetId, ...who }, voteCount, fromPostIds: [...new Set(deletedFrom)] } });
      await enqueueDemandRefresh(tx, { scope: 'posts', workspaceId: actor.workspaceId, postIds: [targetId] });
    }
    return { voteCount, hasVoted: false };
  }));
}
