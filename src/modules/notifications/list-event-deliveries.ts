import type { Context } from '../context.ts';
import { loadEvent } from '../events/index.ts';
import { countDeliveries, listEventDeliveryRows, listNotifiedEventRows, type EventDeliveryRow } from './deliveries.repo.ts';
import { summarizeDeliveries, type DeliverySummary } from './delivery-summary.ts';
import { decodeTimeCursor, nextTimeCursor } from './cursor-key.ts';
import { canViewDeliveries } from './notifications.policy.ts';
import { eventNotFound, teamOnly } from './notifications.errors.ts';

export type EventDeliveries = {
  event: { id: string; type: string; postId: string | null; createdAt: Date };
  summary: DeliverySummary;
  items: EventDeliveryRow[];
};

/** The per-recipient audit of one event: who was notified on which channel, when, and why not. */
export async function listEventDeliveries(ctx: Context, eventId: string): Promise<EventDeliveries> {
  if (!canViewDeliveries(ctx.actor)) throw teamOnly();
  const event = await loadEvent(ctx.db, eventId);
  if (!event || event.workspace_id !== ctx.actor.workspaceId) throw eventNotFound();
  const items = await listEventDeliveryRows(ctx.db, ctx.actor.workspaceId, event.id);
  // The summary is counted from these same rows, not by a second query: a second statement sees a
  // later snapshot, and a delivery sent in between would be "queued" in the list and "sent" in the sum.
  const counts = items.map((row) => ({ event_id: event.id, channel: row.channel, state: row.state, skip_reason: row.skip_reason, count: 1 }));
  return {
    event: { id: event.id, type: event.type, postId: event.post_id, createdAt: event.created_at },
    summary: summarizeDeliveries(counts),
    items,
  };
}

export type NotificationLogEntry = { id: string; type: string; postId: string | null; postTitle: string | null; headline: string | null; createdAt: Date; summary: DeliverySummary };

/** Recent events that notified someone (optionally of one post), each with its delivery summary. */
export async function listNotificationLog(ctx: Context, input: { postId?: string; cursor?: string; limit?: number }) {
  if (!canViewDeliveries(ctx.actor)) throw teamOnly();
  const limit = input.limit ?? 20;
  const rows = await listNotifiedEventRows(ctx.db, { workspaceId: ctx.actor.workspaceId, postId: input.postId, before: decodeTimeCursor(input.cursor), limit: limit + 1 });
  const page = nextTimeCursor(rows, limit);
  const counts = await countDeliveries(ctx.db, page.items.map((r) => r.id));
  const items: NotificationLogEntry[] = page.items.map((row) => {
    const entry = (row.data as { entry?: { title?: unknown } }).entry;
    return {
      id: row.id,
      type: row.type,
      postId: row.post_id,
      postTitle: row.post_title,
      headline: typeof entry?.title === 'string' ? entry.title : row.post_title,
      createdAt: row.created_at,
      summary: summarizeDeliveries(counts.filter((c) => c.event_id === row.id)),
    };
  });
  return { items, nextCursor: page.nextCursor };
}
