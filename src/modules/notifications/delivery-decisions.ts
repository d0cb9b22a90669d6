// Why a recipient does or does not get an email: the reasons the audit shows, decided in one place.
import type { NotificationKind, SkipReason } from '../../db/schema.ts';
import { categoryOfKind, type Preferences } from '../subscriptions/index.ts';

export type EmailDecision = { state: 'queued'; skipReason: null } | { state: 'skipped'; skipReason: SkipReason };

const skipped = (skipReason: SkipReason): EmailDecision => ({ state: 'skipped', skipReason });

/** What the recipient's preferences say about mail of this kind (checked again right before sending). */
export function preferenceSkip(kind: NotificationKind, preferences: Preferences): SkipReason | null {
  if (preferences.unsubscribedAll) return 'unsubscribed';
  const category = categoryOfKind(kind);
  const isOn = category === 'status_updates' ? preferences.statusUpdates : category === 'comment_replies' ? preferences.commentReplies : preferences.changelog;
  return isOn ? null : 'preference_off';
}

export function hasUsableAddress(address: string | null | undefined): address is string {
  return typeof address === 'string' && /^[^\s@]+@[^\s@]+$/.test(address.trim());
}

export function decideEmail(input: { kind: NotificationKind; blocked: SkipReason | null; address: string | null; preferences: Preferences }): EmailDecision {
  if (input.blocked) return skipped(input.blocked);
  if (!hasUsableAddress(input.address)) return skipped('no_email');
  const skip = preferenceSkip(input.kind, input.preferences);
  return skip ? skipped(skip) : { state: 'queued', skipReason: null };
}
