import type { Context } from '../context.ts';
import { loadEvent } from '../events/index.ts';
import { withSnapshot } from '../../db/database.ts';
import type { DeliveryState } from '../../db/schema/notifications.ts';
import { countDeliveries, listEventDeliveryRows, listNotifiedEventRows, type EventDeliveryRow } from './deliveries.repo.ts';
import { summarizeDeliveries, type DeliverySummary } from './delivery-summary.ts';
import { decodeDeliveryCursor, decodeTimeCursor, nextDeliveryCursor, nextTimeCursor } from './cursor-key.ts';
import { canViewDeliveries } from './notifications.policy.ts';
import { eventNotFound, teamOnly } from './notifications.errors.ts';

export type EventDeliveries = {
  event: { id: string; type: string; postId: string | null; createdAt: Date };
  /** Counts over every recipient of the event, whatever the page and filters. */
  summary: DeliverySummary;
  /** This page's recipients: each one's email delivery, then their in-app ones. */
  items: EventDeliveryRow[];
  nextCursor: string | null;
};

export type EventDeliveriesQuery = { state?: DeliveryState; q?: string; cursor?: string; limit?: number };

/** The per-recipient audit of one event: who was notified on which channel, when, and why not. */
export async function listEventDeliveries(ctx: Context, eventId: string, query: EventDeliveriesQuery = {}): Promise<EventDeliveries> {
  if (!canViewDeliveries(ctx.actor)) throw teamOnly();
  const event = await loadEvent(ctx.db, eventId);
  if (!event || event.workspace_id !== ctx.actor.workspaceId) throw eventNotFound();
  const limit = query.limit ?? 50;
  const after = decodeDeliveryCursor(query.cursor);
  // One snapshot for the page and the totals: a delivery sent while they are read is counted the
  // way it is listed, never "queued" in the list and "sent" in the sum.
  const { emailRows, inAppRows, counts } = await withSnapshot(ctx.db, async (tx) => ({
    ...(await listEventDeliveryRows(tx, { workspaceId: ctx.actor.workspaceId, eventId: event.id, state: query.state, q: query.q?.trim() || undefined, after, limit })),
    counts: await countDeliveries(tx, [event.id]),
  }));
  const page = nextDeliveryCursor(emailRows, limit);
  return {
    event: { id: event.id, type: event.type, postId: event.post_id, createdAt: event.created_at },
    summary: summarizeDeliveries(counts),
    items: [...page.items, ...inAppRows],
    nextCursor: page.nextCursor,
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
