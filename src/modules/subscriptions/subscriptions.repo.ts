import { sql } from 'kysely';
import type { DbOrTx } from '../../db/database.ts';
import type { GroupSubscriptionRow } from './followers.ts';
import { recipientColumns, type Recipient } from './recipient.ts';

/** Every subscription row of the groups of `postIds`: each post and the posts merged into it. */
export async function listGroupSubscriptionRows(db: DbOrTx, workspaceId: string, postIds: readonly string[]): Promise<GroupSubscriptionRow[]> {
  if (postIds.length === 0) return [];
  const own = db
    .selectFrom('subscriptions as s')
    .select(['s.post_id as group_post_id', 's.post_id', 's.person_id', 's.member_id', 's.unsubscribed_at', 's.reason'])
    .where('s.workspace_id', '=', workspaceId)
    .where('s.post_id', 'in', postIds);
  const merged = db
    .selectFrom('subscriptions as s')
    .innerJoin('posts as m', 'm.id', 's.post_id')
    .select([sql<string>`m.merged_into_id`.as('group_post_id'), 's.post_id', 's.person_id', 's.member_id', 's.unsubscribed_at', 's.reason'])
    .where('s.workspace_id', '=', workspaceId)
    .where('m.merged_into_id', 'in', postIds);
  return own.unionAll(merged).execute();
}

/** The recipient's rows in the group of one post (for "am I following?"). */
export async function listRecipientGroupRows(db: DbOrTx, recipient: Recipient, postId: string): Promise<GroupSubscriptionRow[]> {
  const rows = await listGroupSubscriptionRows(db, recipient.workspaceId, [postId]);
  return rows.filter((r) => (recipient.personId ? r.person_id === recipient.personId : r.member_id === recipient.memberId));
}

/**
 * Follow: the post's own row becomes live (created as "manual" when absent). Unfollow: every live row
 * of the recipient in the post's group stops, and the post's own row records the unfollow, so later
 * auto-subscriptions (insert-if-absent) and merges do not bring them back.
 */
export async function setFollowing(tx: DbOrTx, recipient: Recipient, postId: string, isFollowing: boolean, now: Date): Promise<void> {
  const who = recipientColumns(recipient);
  const unsubscribedAt = isFollowing ? null : now;
  if (!isFollowing) {
    let stop = tx
      .updateTable('subscriptions')
      .set({ unsubscribed_at: now })
      .where('unsubscribed_at', 'is', null)
      .where((eb) => eb.or([
        eb('post_id', '=', postId),
        eb('post_id', 'in', eb.selectFrom('posts').select('id').where('merged_into_id', '=', postId)),
      ]));
    stop = who.person_id ? stop.where('person_id', '=', who.person_id) : stop.where('member_id', '=', who.member_id);
    await stop.execute();
  }
  await tx
    .insertInto('subscriptions')
    .values({ workspace_id: recipient.workspaceId, post_id: postId, ...who, reason: 'manual', unsubscribed_at: unsubscribedAt })
    .onConflict((oc) => oc.columns(['post_id', 'person_id', 'member_id']).doUpdateSet({ unsubscribed_at: unsubscribedAt }))
    .execute();
}

export type SubscriptionListRow = {
  id: string;
  post_id: string;
  reason: string;
  created_at: Date;
  /** created_at to the microsecond, for cursors */
  created_key: string;
  title: string;
  merged_into_id: string | null;
  board_visibility: 'public' | 'private';
};

/** A recipient's live subscriptions, newest first, on posts that still exist; keyset-paged. */
export async function listRecipientSubscriptionRows(
  db: DbOrTx,
  recipient: Recipient,
  opts: { includePrivate: boolean; after: { createdAt: string; id: string } | null; limit: number },
): Promise<SubscriptionListRow[]> {
  let query = db
    .selectFrom('subscriptions as s')
    .innerJoin('posts as p', 'p.id', 's.post_id')
    .innerJoin('boards as b', 'b.id', 'p.board_id')
    .select(['s.id', 's.post_id', 's.reason', 's.created_at', 'p.title', 'p.merged_into_id', 'b.visibility as board_visibility'])
    .select(sql<string>`to_char(s.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`.as('created_key'))
    .where('s.workspace_id', '=', recipient.workspaceId)
    .where('s.unsubscribed_at', 'is', null)
    .where('p.deleted_at', 'is', null);
  query = recipient.personId ? query.where('s.person_id', '=', recipient.personId) : query.where('s.member_id', '=', recipient.memberId);
  if (!opts.includePrivate) query = query.where('b.visibility', '=', 'public');
  if (opts.after) {
    const { createdAt, id } = opts.after;
    query = query.where((eb) => eb.or([
      eb('s.created_at', '<', sql<Date>`${createdAt}::timestamptz`),
      eb.and([eb('s.created_at', '=', sql<Date>`${createdAt}::timestamptz`), eb('s.id', '<', id)]),
    ]));
  }
  return query.orderBy('s.created_at', 'desc').orderBy('s.id', 'desc').limit(opts.limit).execute();
}
