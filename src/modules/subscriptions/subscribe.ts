import { sql } from 'kysely';
import type { DbOrTx } from '../../db/database.ts';
import type { SubscriptionReason } from '../../db/schema.ts';

export type SubscribeInput = { workspaceId: string; postId: string; personId?: string | null; memberId?: string | null; reason: SubscriptionReason };

/**
 * Subscribes the author, voter or commenter of a post, inside the caller's transaction. Insert-if-
 * absent: an existing subscription keeps its reason, and an earlier unfollow stands (a new vote does
 * not silently re-subscribe someone who said stop). A person wins over the member acting for them.
 */
export async function subscribe(tx: DbOrTx, input: SubscribeInput): Promise<void> {
  await subscribeMany(tx, [input]);
}

/** subscribe for many followers in one statement (a batch of votes). */
export async function subscribeMany(tx: DbOrTx, inputs: readonly SubscribeInput[]): Promise<void> {
  const rows = inputs.flatMap((input) => {
    const personId = input.personId ?? null;
    const memberId = personId ? null : (input.memberId ?? null);
    if (!personId && !memberId) return [];
    return [{ workspace_id: input.workspaceId, post_id: input.postId, person_id: personId, member_id: memberId, reason: input.reason }];
  });
  if (rows.length === 0) return;
  // one fixed statement (prepared) whatever the number of rows: the vote path calls this per batch
  await sql`/* prepared */
    insert into subscriptions (workspace_id, post_id, person_id, member_id, reason)
    select * from unnest(${rows.map((r) => r.workspace_id)}::uuid[], ${rows.map((r) => r.post_id)}::uuid[], ${rows.map((r) => r.person_id)}::uuid[],
                         ${rows.map((r) => r.member_id)}::uuid[], ${rows.map((r) => r.reason)}::text[])
    on conflict do nothing`.execute(tx);
}
