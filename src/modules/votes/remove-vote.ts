import type { Context } from '../context.ts';
import { withTransaction } from '../../db/database.ts';
import { forbidden } from '../../lib/errors.ts';
import { normalizeEmail } from '../people/index.ts';
import { adjustVoteCount, canActOnBehalf, findVisiblePost, onBehalfForbidden, signInRequired } from '../posts/index.ts';
import { currentVoteCount, deleteVote } from './votes.repo.ts';
import { emailRequired } from './votes.errors.ts';
import { recordEvent } from '../events/index.ts';
import type { VoteResult } from './votes.present.ts';
import type { UnvoteInput } from './votes.schemas.ts';

/**
 * Takes a vote back: an end user their own, the team anyone's by email. Removing a vote that does
 * not exist is not an error (idempotent); vote_count drops only when a row was deleted.
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
  return withTransaction(ctx.db, async (tx) => {
    const deleted = await deleteVote(tx, post.id, who);
    const voteCount = deleted ? await adjustVoteCount(tx, post.id, -1) : await currentVoteCount(tx, post.id);
    if (deleted) {
      await recordEvent(tx, { actor, type: 'vote.deleted', postId: post.id, data: { vote: { postId: post.id, ...who }, voteCount } });
    }
    return { voteCount, hasVoted: false };
  });
}
