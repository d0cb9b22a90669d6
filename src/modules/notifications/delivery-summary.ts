import type { SkipReason } from '../../db/schema.ts';
import type { DeliveryCounts } from './deliveries.repo.ts';

/** "Notified: 12 sent · 3 skipped (unsubscribed 2, no email 1)": email counts, plus in-app ones. */
export type DeliverySummary = {
  email: { sent: number; queued: number; failed: number; skipped: number; skippedByReason: Partial<Record<SkipReason, number>> };
  inApp: { sent: number; skipped: number };
};

export function summarizeDeliveries(counts: readonly DeliveryCounts[]): DeliverySummary {
  const summary: DeliverySummary = { email: { sent: 0, queued: 0, failed: 0, skipped: 0, skippedByReason: {} }, inApp: { sent: 0, skipped: 0 } };
  for (const row of counts) {
    const n = Number(row.count);
    if (row.channel === 'in_app') {
      if (row.state === 'sent') summary.inApp.sent += n;
      else if (row.state === 'skipped') summary.inApp.skipped += n;
      continue;
    }
    const state = row.state as 'sent' | 'queued' | 'failed' | 'skipped';
    summary.email[state] += n;
    if (state === 'skipped' && row.skip_reason) {
      const reason = row.skip_reason as SkipReason;
      summary.email.skippedByReason[reason] = (summary.email.skippedByReason[reason] ?? 0) + n;
    }
  }
  return summary;
}
