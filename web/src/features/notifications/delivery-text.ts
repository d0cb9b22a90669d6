import type { Delivery, DeliverySummary, SkipReason } from '../../api/notifications.ts';

export const SKIP_REASON_LABELS: Record<SkipReason, string> = {
  unsubscribed: 'unsubscribed',
  no_email: 'no email',
  private_board: 'private board',
  self: 'made the change',
  preference_off: 'turned this off',
};

/** "12 sent · 3 skipped (unsubscribed 2, no email 1)" — the email channel, which is what people ask about. */
export function describeSummary(summary: DeliverySummary): string {
  const { email } = summary;
  const parts = [`${email.sent} sent`];
  if (email.queued) parts.push(`${email.queued} pending`);
  if (email.failed) parts.push(`${email.failed} failed`);
  if (email.skipped) {
    const reasons = Object.entries(email.skippedByReason)
      .filter(([, n]) => n)
      .map(([reason, n]) => `${SKIP_REASON_LABELS[reason as SkipReason]} ${n}`);
    parts.push(`${email.skipped} skipped (${reasons.join(', ')})`);
  }
  return parts.join(' · ');
}

export function describeDeliveryState(delivery: Delivery): string {
  if (delivery.state === 'skipped') return `skipped: ${delivery.skipReason ? SKIP_REASON_LABELS[delivery.skipReason] : 'unknown'}`;
  if (delivery.state === 'queued') return delivery.attempts ? `retrying (${delivery.attempts} failed ${delivery.attempts === 1 ? 'attempt' : 'attempts'})` : 'pending';
  if (delivery.state === 'failed') return `failed after ${delivery.attempts} attempts`;
  return 'sent';
}

export const EVENT_LABELS: Record<string, string> = {
  'post.status_changed': 'Status change',
  'comment.created': 'Reply',
  'changelog.published': 'Changelog',
};
