import type { Context } from '../context.ts';
import { recipientOfActor, type Recipient } from '../subscriptions/index.ts';
import { decodeTimeCursor, nextTimeCursor } from './cursor-key.ts';
import { countUnread, listInboxRows, markRead, type InboxRow } from './inbox.repo.ts';
import { noInbox, signInForInbox } from './notifications.errors.ts';

export type InboxPage = { items: InboxRow[]; nextCursor: string | null; unreadCount: number };

function inboxOwner(ctx: Context): Recipient {
  const recipient = recipientOfActor(ctx.actor);
  if (recipient) return recipient;
  throw ctx.actor.kind === 'anonymous' ? signInForInbox() : noInbox();
}

/** The signed-in person's or member's in-app notifications, newest first, with the unread count. */
export async function listNotifications(ctx: Context, input: { cursor?: string; limit?: number }): Promise<InboxPage> {
  const recipient = inboxOwner(ctx);
  const limit = input.limit ?? 20;
  const rows = await listInboxRows(ctx.db, recipient, { before: decodeTimeCursor(input.cursor), limit: limit + 1 });
  return { ...nextTimeCursor(rows, limit), unreadCount: await countUnread(ctx.db, recipient) };
}

export async function markNotificationsRead(ctx: Context, input: { ids?: string[]; all?: boolean }): Promise<{ unreadCount: number }> {
  const recipient = inboxOwner(ctx);
  await markRead(ctx.db, recipient, input.all ? 'all' : (input.ids ?? []), ctx.now);
  return { unreadCount: await countUnread(ctx.db, recipient) };
}
