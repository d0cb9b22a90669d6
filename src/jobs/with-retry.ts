// Retries with exponential backoff and jitter — the one place background jobs get them
// (docs/adr/0004-job-queue.md "Retries"). graphile-worker's own retry waits e^attempts seconds, with
// no jitter and no way to tune it for tests; so a failed attempt instead re-adds its job with the
// SAME job key, to run at now + min(maxMs, baseMs·2^(n-1)) × random(0.5…1.5), and completes. If even
// that re-add fails (the database is down), the error propagates and graphile-worker's built-in
// backoff retries the attempt later, so no job is ever dropped.
import type { JobHelpers, Task } from 'graphile-worker';
import type { DbOrTx } from '../db/database.ts';
import { addJob } from './queue.ts';

export type RetryPolicy = {
  /** Delay after the first failure. */
  baseMs: number;
  /** The longest delay between two attempts. */
  maxMs: number;
  /** Attempts in all (the first one included); after the last failure `onGiveUp` runs. */
  maxAttempts: number;
};

export type Attempt = { number: number; isLast: boolean };

type Log = { warn(obj: unknown, msg?: string): void; error(obj: unknown, msg?: string): void };

/** Delay before attempt `failedAttempt + 1`; `random` returns [0, 1) (injectable for tests). */
export function retryDelayMs(failedAttempt: number, policy: Pick<RetryPolicy, 'baseMs' | 'maxMs'>, random: () => number = Math.random): number {
  const exponential = Math.min(policy.maxMs, policy.baseMs * 2 ** Math.max(0, failedAttempt - 1));
  return Math.max(1, Math.round(exponential * (0.5 + random())));
}

/** The schedule for documentation and the admin UI: the nominal (jitter-free) delay before each retry. */
export function retrySchedule(policy: RetryPolicy): number[] {
  return Array.from({ length: policy.maxAttempts - 1 }, (_, i) => Math.min(policy.maxMs, policy.baseMs * 2 ** i));
}

/**
 * Wraps a task handler with the retry policy. The attempt number travels in the payload (`attempt`,
 * absent on the first run). `onGiveUp` runs once, after the last attempt failed.
 */
export function withRetry<P extends Record<string, unknown>>(opts: {
  task: string;
  db: DbOrTx;
  policy: RetryPolicy;
  log: Log;
  run: (payload: P, attempt: Attempt, helpers: JobHelpers) => Promise<void>;
  onGiveUp?: (payload: P, error: unknown) => Promise<void>;
}): Task {
  return async (rawPayload, helpers) => {
    const payload = rawPayload as P & { attempt?: number };
    const number = typeof payload.attempt === 'number' && payload.attempt >= 1 ? payload.attempt : 1;
    const attempt = { number, isLast: number >= opts.policy.maxAttempts };
    try {
      await opts.run(payload, attempt, helpers);
    } catch (error) {
      if (attempt.isLast) {
        opts.log.error({ err: error, task: opts.task, attempt: number }, 'job failed for the last time; giving up');
        await opts.onGiveUp?.(payload, error);
        return;
      }
      const delayMs = retryDelayMs(number, opts.policy);
      opts.log.warn({ err: error, task: opts.task, attempt: number, retryInMs: delayMs }, 'job failed; retrying later');
      await addJob(opts.db, opts.task, { ...payload, attempt: number + 1 }, {
        jobKey: helpers.job.key ?? undefined,
        runAt: new Date(Date.now() + delayMs),
        priority: helpers.job.priority, // a retry keeps its place (JOB_PRIORITY)
      });
    }
  };
}
