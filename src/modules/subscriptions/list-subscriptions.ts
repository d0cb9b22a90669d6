import type { Context } from '../context.ts';
import { decodeCursor, encodeCursor, isTimeKey } from '../../lib/cursor.ts';
import { isUuid } from '../../lib/ids.ts';
import { invalid } from '../../lib/errors.ts';
import { canHearAboutPrivateBoards } from './subscriptions.policy.ts';
import { listRecipientSubscriptionRows, type SubscriptionListRow } from './subscriptions.repo.ts';
import { resolveRecipient } from './resolve-recipient.ts';

export type SubscriptionPage = { items: SubscriptionListRow[]; nextCursor: string | null };

/** The posts the recipient follows (directly), newest first. End users never see private boards' posts. */
export async function listSubscriptions(ctx: Context, input: { token?: string; cursor?: string; limit?: number }): Promise<SubscriptionPage> {
  const who = await resolveRecipient(ctx, input.token);
  const limit = input.limit ?? 50;
  let after: { createdAt: string; id: string } | null = null;
  if (input.cursor !== undefined) {
    const values = decodeCursor(input.cursor, 2);
    if (!values || !isTimeKey(values[0]) || !isUuid(values[1])) throw invalid('cursor', 'is not a valid cursor for this list', 'invalid_cursor');
    after = { createdAt: values[0], id: values[1] };
  }
  const rows = await listRecipientSubscriptionRows(ctx.db, who.recipient, {
    includePrivate: canHearAboutPrivateBoards(who.recipient), after, limit: limit + 1,
  });
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > limit && last ? encodeCursor([last.created_key, last.id]) : null };
}
