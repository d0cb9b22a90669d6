// Who follows a post "group": the post itself plus every post merged into it (merged posts point at
// their final target, docs issue 3), deduplicated per recipient.
import type { SubscriptionReason } from '../../db/schema.ts';
import { recipientKey } from './recipient.ts';

export type GroupSubscriptionRow = {
  group_post_id: string;
  post_id: string;
  person_id: string | null;
  member_id: string | null;
  unsubscribed_at: Date | null;
  reason?: SubscriptionReason;
};

export type FollowDecision = { groupPostId: string; personId: string | null; memberId: string | null; isFollowing: boolean };

/**
 * One decision per group and recipient. A row on the group's own post decides when there is one (so
 * unfollowing the target beats a vote left on a post merged into it); otherwise any live subscription
 * in the group counts. Recipients whose every row is an unfollow come back with isFollowing false, so
 * the audit can say "unsubscribed".
 */
export function decideFollowers(rows: readonly GroupSubscriptionRow[]): FollowDecision[] {
  const decisions = new Map<string, FollowDecision & { isDecidedByTarget: boolean }>();
  for (const row of rows) {
    const key = `${row.group_post_id}|${recipientKey({ personId: row.person_id, memberId: row.member_id })}`;
    const isOwnRow = row.post_id === row.group_post_id;
    const isLive = row.unsubscribed_at === null;
    const current = decisions.get(key);
    if (!current) {
      decisions.set(key, { groupPostId: row.group_post_id, personId: row.person_id, memberId: row.member_id, isFollowing: isLive, isDecidedByTarget: isOwnRow });
    } else if (isOwnRow) {
      current.isFollowing = isLive;
      current.isDecidedByTarget = true;
    } else if (!current.isDecidedByTarget && isLive) {
      current.isFollowing = true;
    }
  }
  return [...decisions.values()].map(({ isDecidedByTarget: _, ...decision }) => decision);
}
