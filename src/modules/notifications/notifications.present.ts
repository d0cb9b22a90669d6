import { markdownExcerpt } from '../../lib/markdown.ts';
import type { NotificationKind } from '../../db/schema.ts';
import type { EventDeliveryRow } from './deliveries.repo.ts';
import type { InboxRow } from './inbox.repo.ts';
import type { NotificationLogEntry } from './list-event-deliveries.ts';

export function presentNotification(row: InboxRow) {
  return {
    id: row.id,
    kind: row.kind as NotificationKind,
    title: row.title,
    excerpt: markdownExcerpt(row.body, 160),
    url: row.url,
    postId: row.post_id,
    isRead: row.read_at !== null,
    createdAt: row.created_at.toISOString(),
  };
}

export function presentDelivery(row: EventDeliveryRow) {
  const isPerson = row.person_id !== null;
  return {
    id: row.id,
    channel: row.channel,
    kind: row.kind,
    recipient: {
      kind: isPerson ? ('person' as const) : ('member' as const),
      id: (row.person_id ?? row.member_id) as string,
      name: isPerson ? row.person_name : row.member_name,
      email: isPerson ? row.person_email : row.member_email,
    },
    address: row.address,
    state: row.state,
    skipReason: row.skip_reason,
    attempts: row.attempts,
    lastError: row.last_error,
    messageId: row.message_id,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    sentAt: row.sent_at?.toISOString() ?? null,
  };
}

export function presentLogEntry(entry: NotificationLogEntry) {
  return { ...entry, createdAt: entry.createdAt.toISOString() };
}
