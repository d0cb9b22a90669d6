import type { DbOrTx } from '../../db/database.ts';
import type { SubscriptionReason } from '../../db/schema.ts';

/**
 * Subscribes the author, voter or commenter of a post, inside the caller's transaction. Insert-if-
 * absent: an existing subscription keeps its reason, and an earlier unfollow stands (a new vote does
 * not silently re-subscribe someone who said stop). A person wins over the member acting for them.
 */
export async function subscribe(
  tx: DbOrTx,
  input: { workspaceId: string; postId: string; personId?: string | null; memberId?: string | null; reason: SubscriptionReason },
): Promise<void> {
  const personId = input.personId ?? null;
  const memberId = personId ? null : (input.memberId ?? null);
  if (!personId && !memberId) return;
  await tx
    .insertInto('subscriptions')
    .values({ workspace_id: input.workspaceId, post_id: input.postId, person_id: personId, member_id: memberId, reason: input.reason })
    .onConflict((oc) => oc.doNothing())
    .execute();
}
