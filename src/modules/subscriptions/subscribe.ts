import { sql, type RawBuilder } from 'kysely';
import type { DbOrTx } from '../../db/database.ts';
import type { SubscriptionReason } from '../../db/schema.ts';

export type SubscribeInput = { workspaceId: string; postId: string; personId?: string | null; memberId?: string | null; reason: SubscriptionReason };

/**
 * Subscribes the author, voter or commenter of a post, inside the caller's transaction. Insert-if-
 * absent: an existing subscription keeps its reason, and an earlier unfollow stands (a new vote does
 * not silently re-subscribe someone who said stop). A person wins over the member acting for them.
 */
export async function subscribe(tx: DbOrTx, input: SubscribeInput): Promise<void> {
  const personId = input.personId ?? null;
  const memberId = personId ? null : (input.memberId ?? null);
  if (!personId && !memberId) return;
  await tx.insertInto('subscriptions')
    .values({ workspace_id: input.workspaceId, post_id: input.postId, person_id: personId, member_id: memberId, reason: input.reason })
    .onConflict((oc) => oc.doNothing())
    .execute();
}

/**
 * The same insert-if-absent, as a statement to run inside another one (a data-modifying CTE): every
 * row of `source` (a CTE with workspace_id, post_id and person_id) follows its post for `reason`,
 * in (post, person) order like every batch insert here. The vote batch inserts its votes and their
 * voters' subscriptions in one statement this way.
 */
export function subscribePeopleFrom(source: RawBuilder<unknown>, reason: SubscriptionReason): RawBuilder<unknown> {
  return sql`insert into subscriptions (workspace_id, post_id, person_id, reason)
    select workspace_id, post_id, person_id, ${sql.lit(reason)} from ${source}
    order by post_id, person_id
    on conflict do nothing`;
}
