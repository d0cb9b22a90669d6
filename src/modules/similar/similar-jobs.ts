import { sql } from 'kysely';
import type { DbOrTx } from '../../db/database.ts';
import { addJob, JOB_PRIORITY } from '../../jobs/index.ts';
import { isUuid } from '../../lib/ids.ts';

// Background work of duplicate detection. Enqueued in the caller's transaction (a post that rolls
// back is never checked; a decision that commits is always learned from).

export const CHECK_POST_TASK = 'similar.check_post';
export const CALIBRATE_TASK = 'similar.calibrate';

/** Recalibration waits this long after the last decision, so a triage session costs one run. */
export const CALIBRATION_DEBOUNCE_MS = 5_000;


/** Checks a new post against the workspace's posts for likely duplicates (one pending job per post). */
export async function enqueueDuplicateCheck(db: DbOrTx, input: { workspaceId: string; postId: string }): Promise<void> {
  await addJob(db, CHECK_POST_TASK, { workspaceId: input.workspaceId, postId: input.postId }, { jobKey: `similar:check:${input.postId}`, priority: JOB_PRIORITY.analysis });
}

/** Drops the pending checks of a workspace's posts (an evaluation import is not new feedback). */
export async function cancelDuplicateChecks(db: DbOrTx, workspaceId: string): Promise<void> {
  await sql`select graphile_worker.remove_job('similar:check:' || p.id) from posts p where p.workspace_id = ${workspaceId}`.execute(db);
}

/** Re-learns the workspace's ranking from its decisions, debounced (one pending job per workspace). */
export async function enqueueCalibration(db: DbOrTx, workspaceId: string, now = new Date()): Promise<void> {
  await addJob(db, CALIBRATE_TASK, { workspaceId }, {
    jobKey: `similar:calibrate:${workspaceId}`, runAt: new Date(now.getTime() + CALIBRATION_DEBOUNCE_MS), priority: JOB_PRIORITY.analysis,
  });
}

export function readIds<K extends string>(payload: unknown, keys: readonly K[], task: string): Record<K, string> {
  const p = (payload ?? {}) as Record<string, unknown>;
  const out = {} as Record<K, string>;
  for (const key of keys) {
    const value = p[key];
    if (!isUuid(value)) throw new Error(`${task}: ${key} must be a uuid`);
    out[key] = value;
  }
  return out;
}
