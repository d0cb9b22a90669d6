// The hourly digest scan (graphile-worker crontab, one run per hour however many workers): each team
// member whose daily or weekly period is over gets a digest job. Claiming the period and adding the
// job happen in one transaction, so a period is digested exactly once.
import { withTransaction, type Db } from '../../db/database.ts';
import { addJob } from '../../jobs/index.ts';
import type { Logger } from '../context.ts';
import { claimDigest, DIGEST_PERIOD_MS, listDueDigests } from './digest.repo.ts';

// crontab task names may not contain dots
export const DIGEST_SCAN_TASK = 'notification:digest-scan';
export const SEND_DIGEST_TASK = 'notification.send-digest';

export async function scanDigests(deps: { db: Db; log: Logger }, now = new Date()): Promise<number> {
  let queued = 0;
  for (const due of await listDueDigests(deps.db, now)) {
    if (due.digest === 'off' || !due.member_id) continue;
    const memberId = due.member_id;
    const since = due.digest_sent_at ?? new Date(now.getTime() - DIGEST_PERIOD_MS[due.digest]);
    const isClaimed = await withTransaction(deps.db, async (tx) => {
      if (!(await claimDigest(tx, memberId, due.digest_sent_at, now))) return false;
      await addJob(tx, SEND_DIGEST_TASK, { memberId, since: since.toISOString(), until: now.toISOString() }, { jobKey: `digest:${memberId}:${now.toISOString()}` });
      return true;
    });
    if (isClaimed) queued++;
  }
  if (queued) deps.log.info({ digests: queued }, 'digests queued');
  return queued;
}
