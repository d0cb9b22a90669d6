import type { Context } from '../context.ts';
import { withTransaction, type DbOrTx } from '../../db/database.ts';
import { createBatcher, type Batcher } from '../../lib/batcher.ts';
import { planParticipant, retryOnDeadlock } from '../posts/index.ts';
import { castVotes, type VoteCommand } from './cast-votes.ts';
import type { VoteResult } from './votes.present.ts';
import type { VoteInput } from './votes.schemas.ts';

/** Gathers the votes arriving together into one transaction (group commit: docs/adr/0007-vote-batching.md). */
export type VoteWriter = Batcher<VoteCommand, VoteResult>;

/**
 * Votes that must be waiting before a second batch runs beside the first. Measured on the benchmark
 * (50 connections, 2 cores): 1 → ~1,000 votes/s, 16 → 1,144, 20 → 1,217–1,231, 24 → 1,331–1,350,
 * 32 → 1,034–1,165, 48 → 1,013 (docs/PERFORMANCE.md).
 */
export const MIN_PARALLEL_VOTE_BATCH = 24;

export function createVoteWriter(
  db: DbOrTx,
  opts: { maxBatch?: number; concurrency?: number; minParallelBatch?: number; onBatch?: (size: number) => void } = {},
): VoteWriter {
  return createBatcher({
    run: (commands) => {
      opts.onBatch?.(commands.length);
      return retryOnDeadlock(db, () => withTransaction(db, (tx) => castVotes(tx, commands)));
    },
    maxBatch: opts.maxBatch ?? 100,
    // inside a caller's transaction there is one connection: one batch at a time
    concurrency: db.isTransaction ? 1 : (opts.concurrency ?? 2),
    // a second transaction only for a full batch: below that, waiting for the running one costs less
    // than a transaction's fixed work (ADR 0007, "Fuller batches")
    minParallelBatch: opts.minParallelBatch ?? MIN_PARALLEL_VOTE_BATCH,
    retryError: () => new Error('the merge group of the post kept changing while the vote was cast'),
  });
}

/**
 * Idempotent vote: voting twice keeps one vote (a repeat may change its importance). The vote goes
 * on the group's root (a merged post redirects to its target); see castVotes for the rules. Who may
 * vote for whom is decided here, before any query; the rest runs in the writer's next batch (the
 * server's shared writer), or alone when the caller brings its own transaction or no writer.
 */
export async function voteForPost(ctx: Context, postId: string, input: VoteInput, writer?: VoteWriter): Promise<VoteResult> {
  const command: VoteCommand = { actor: ctx.actor, postId, voter: planParticipant(ctx.actor, input.voter, 'voter'), importance: input.importance };
  const into = writer && !ctx.db.isTransaction ? writer : createVoteWriter(ctx.db);
  return into.submit(command);
}
