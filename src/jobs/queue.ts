// Enqueue API for modules (docs/adr/0004-job-queue.md): jobs are rows written by graphile-worker's
// add_job() in the CALLER's transaction, so a change and the work it triggers commit or roll back
// together — no lost notification if the process dies right after the commit.
import { sql } from 'kysely';
import type { DbOrTx } from '../db/database.ts';

export type JobOptions = {
  /** At most one pending job per key; a newer add replaces the pending one (debounce, dedupe). */
  jobKey?: string;
  /** With a jobKey: 'preserve_run_at' keeps a pending job's run_at (throttle instead of postpone). */
  jobKeyMode?: 'replace' | 'preserve_run_at';
  runAt?: Date;
  maxAttempts?: number;
  /** Jobs in one queue run one at a time, in order. */
  queueName?: string;
  /** Lower runs first (graphile-worker); see JOB_PRIORITY. */
  priority?: number;
};

/**
 * Which jobs the worker takes first when it has a backlog. Work someone is waiting for (emails,
 * webhooks, event fan-out) runs before analysis that may lag a little (duplicate checks, demand
 * scores): a burst of new posts or votes must not hold back the email telling customers their
 * request shipped.
 */
export const JOB_PRIORITY = { waitedFor: 0, analysis: 10 } as const;

export async function addJob(db: DbOrTx, task: string, payload: Record<string, unknown>, opts: JobOptions = {}): Promise<void> {
  await sql`select graphile_worker.add_job(
    ${task},
    ${JSON.stringify(payload)}::json,
    queue_name => ${opts.queueName ?? null}::text,
    run_at => ${opts.runAt ?? null}::timestamptz,
    max_attempts => ${opts.maxAttempts ?? null}::int,
    job_key => ${opts.jobKey ?? null}::text,
    priority => ${opts.priority ?? JOB_PRIORITY.waitedFor}::int,
    job_key_mode => ${opts.jobKeyMode ?? 'replace'}::text
  )`.execute(db);
}

/** One job of an addJobs batch. */
export type JobSpec = { task: string; payload: Record<string, unknown> } & Pick<JobOptions, 'jobKey' | 'runAt' | 'maxAttempts' | 'queueName' | 'priority'>;

/**
 * Many jobs in one statement (graphile-worker's add_jobs), in the caller's transaction: a fan-out to
 * thousands of recipients is one round trip per batch instead of one per job. A job key replaces a
 * pending job with the same key, as addJob does by default.
 */
export async function addJobs(db: DbOrTx, jobs: readonly JobSpec[]): Promise<void> {
  if (jobs.length === 0) return;
  const specs = jobs.map((job) => ({
    identifier: job.task,
    payload: job.payload,
    queue_name: job.queueName ?? null,
    run_at: job.runAt?.toISOString() ?? null,
    max_attempts: job.maxAttempts ?? null,
    job_key: job.jobKey ?? null,
    priority: job.priority ?? JOB_PRIORITY.waitedFor,
    flags: null,
  }));
  await sql`select count(*) from graphile_worker.add_jobs(
    array(select json_populate_recordset(null::graphile_worker.job_spec, ${JSON.stringify(specs)}::json)),
    false
  )`.execute(db);
}
