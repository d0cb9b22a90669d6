import type { SubscriptionReason } from '../../db/schema.ts';
import type { SubscriptionListRow } from './subscriptions.repo.ts';

export type SubscriptionJson = {
  id: string;
  postId: string;
  title: string;
  url: string;
  reason: SubscriptionReason;
  mergedIntoId: string | null;
  createdAt: string;
};

/** Links are app-relative: the portal page, or the admin view for a private board's post. */
export function presentSubscription(row: SubscriptionListRow): SubscriptionJson {
  const target = row.merged_into_id ?? row.post_id;
  return {
    id: row.id,
    postId: row.post_id,
    title: row.title,
    url: row.board_visibility === 'private' ? `/admin/posts/${target}` : `/p/${target}`,
    reason: row.reason as SubscriptionReason,
    mergedIntoId: row.merged_into_id,
    createdAt: row.created_at.toISOString(),
  };
}
