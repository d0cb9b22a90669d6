import type { Context } from '../context.ts';
import { withTransaction } from '../../db/database.ts';
import { forbidden } from '../../lib/errors.ts';
import { memberIdOf } from '../auth/index.ts';
import { canDecideDuplicates } from './similar.policy.ts';
import { findCandidate, markDismissed } from './similar.repo.ts';
import { duplicateNotFound } from './similar.errors.ts';
import { enqueueCalibration } from './similar-jobs.ts';

/**
 * "Not a duplicate": the pair leaves the queue for good (the check of new posts never stores it
 * again) and becomes a labelled non-duplicate the workspace's ranking learns from. Idempotent.
 */
export async function dismissDuplicate(ctx: Context, candidateId: string): Promise<{ id: string; state: 'dismissed' }> {
  const { actor } = ctx;
  if (!canDecideDuplicates(actor)) throw forbidden('Only the team can decide about duplicates');
  await withTransaction(ctx.db, async (tx) => {
    const candidate = await findCandidate(tx, actor.workspaceId, candidateId);
    if (!candidate) throw duplicateNotFound();
    if (candidate.state === 'dismissed') return;
    await markDismissed(tx, candidate.id, memberIdOf(actor), ctx.now);
    await enqueueCalibration(tx, actor.workspaceId, ctx.now);
  });
  return { id: candidateId, state: 'dismissed' };
}
