import type { Context } from '../context.ts';
import { forbidden } from '../../lib/errors.ts';
import { decodeCursor, encodeCursor, isTimeKey } from '../../lib/cursor.ts';
import { canManageWebhooks } from './webhooks.policy.ts';
import { findEndpoint, listDeliveryRows, loadAttempts, type WebhookAttempt, type WebhookDelivery } from './webhooks.repo.ts';
import { invalidCursor, webhookNotFound } from './webhooks.errors.ts';
import type { ListDeliveriesInput } from './webhooks.schemas.ts';

/** Attempts shown per delivery: the latest ones (a delivery replayed many times keeps them all in the table). */
export const ATTEMPTS_SHOWN = 20;

const DELIVERY_ID = /^msg_[A-Za-z0-9_-]{1,64}$/;

export type DeliveryWithAttempts = { delivery: WebhookDelivery; attempts: WebhookAttempt[] };

/** The delivery log of one endpoint, newest first, with each delivery's attempts. */
export async function listWebhookDeliveries(
  ctx: Context, endpointId: string, input: ListDeliveriesInput,
): Promise<{ items: DeliveryWithAttempts[]; nextCursor: string | null }> {
  if (!canManageWebhooks(ctx.actor)) throw forbidden('Only admins can see webhook deliveries');
  if (!(await findEndpoint(ctx.db, ctx.actor.workspaceId, endpointId))) throw webhookNotFound();
  const limit = input.limit ?? 20;
  let after: { createdKey: string; id: string } | null = null;
  if (input.cursor) {
    const values = decodeCursor(input.cursor, 2);
    if (!values || !isTimeKey(values[0]) || typeof values[1] !== 'string' || !DELIVERY_ID.test(values[1])) {
      throw invalidCursor();
    }
    after = { createdKey: values[0], id: values[1] };
  }
  const rows = await listDeliveryRows(ctx.db, ctx.actor.workspaceId, endpointId, { limit: limit + 1, status: input.status, after });
  const page = rows.slice(0, limit);
  const attempts = await loadAttempts(ctx.db, page.map((row) => row.id), ATTEMPTS_SHOWN);
  const last = page[page.length - 1];
  return {
    items: page.map(({ created_key: _key, ...delivery }) => ({ delivery, attempts: attempts.get(delivery.id) ?? [] })),
    nextCursor: rows.length > limit && last ? encodeCursor([last.created_key, last.id]) : null,
  };
}

/** One delivery with its attempts, e.g. after a replay or a test ping. */
export async function loadDeliveryWithAttempts(ctx: Context, delivery: WebhookDelivery): Promise<DeliveryWithAttempts> {
  const attempts = await loadAttempts(ctx.db, [delivery.id], ATTEMPTS_SHOWN);
  return { delivery, attempts: attempts.get(delivery.id) ?? [] };
}
