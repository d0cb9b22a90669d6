// The notification jobs, for src/task-list.ts: email sends and digests retry with exponential
// backoff and jitter (src/jobs/with-retry.ts); the digest scan runs hourly from the crontab.
import type { TaskList } from 'graphile-worker';
import type { Config } from '../../config.ts';
import type { Db } from '../../db/database.ts';
import type { Mailer } from '../../email/mailer.ts';
import { withRetry, type RetryPolicy } from '../../jobs/with-retry.ts';
import type { Logger } from '../context.ts';
import { SEND_EMAIL_TASK } from './fan-out-event.ts';
import { sendNotificationEmail } from './send-notification-email.ts';
import { DIGEST_SCAN_TASK, scanDigests, SEND_DIGEST_TASK } from './scan-digests.ts';
import { sendDigest, type DigestPayload } from './send-digest.ts';

/** 14 attempts: with the defaults (30 s doubling, capped at 6 h) an email keeps trying for about a day. */
export const EMAIL_MAX_ATTEMPTS = 14;

export function emailRetryPolicy(config: Pick<Config, 'jobRetryBaseMs' | 'jobRetryMaxMs'>): RetryPolicy {
  return { baseMs: config.jobRetryBaseMs, maxMs: config.jobRetryMaxMs, maxAttempts: EMAIL_MAX_ATTEMPTS };
}

/** Recurring jobs (graphile-worker crontab syntax); passed to startWorker. */
export const NOTIFICATION_CRONTAB = `0 * * * * ${DIGEST_SCAN_TASK} ?max=3`;

export function notificationTasks(deps: { config: Config; db: Db; mailer: Mailer; log: Logger }): TaskList {
  const policy = emailRetryPolicy(deps.config);
  return {
    [SEND_EMAIL_TASK]: withRetry<{ deliveryId: string }>({
      task: SEND_EMAIL_TASK, db: deps.db, policy, log: deps.log,
      run: (payload, attempt) => sendNotificationEmail(deps, payload.deliveryId, attempt),
    }),
    [SEND_DIGEST_TASK]: withRetry<DigestPayload>({
      task: SEND_DIGEST_TASK, db: deps.db, policy, log: deps.log,
      run: async (payload) => {
        await sendDigest(deps, payload);
      },
    }),
    [DIGEST_SCAN_TASK]: async () => {
      await scanDigests(deps);
    },
  };
}
