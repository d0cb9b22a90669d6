import type { Context } from '../context.ts';
import { withTransaction } from '../../db/database.ts';
import { forbidden } from '../../lib/errors.ts';
import { addJob } from '../../jobs/index.ts';
import { canManageWebhooks } from './webhooks.policy.ts';
import { findDelivery, findEndpoint, updateDeliveryRow } from './webhooks.repo.ts';
import { webhookDeliveryNotFound, webhookDisabled } from './webhooks.errors.ts';
import { loadDeliveryWithAttempts, type DeliveryWithAttempts } from './list-webhook-deliveries.ts';
import { DELIVER_WEBHOOK_TASK } from './webhook-deps.ts';

/**
 * Sends a delivery again: the same body and the same webhook-id (receivers that already processed it
 * may drop it as a duplicate: that is the point of the id), freshly signed, with a new round of
 * retries. Works on delivered, failed and dead deliveries; the endpoint must be enabled.
 */
export async function replayWebhookDelivery(ctx: Context, deliveryId: string): Promise<DeliveryWithAttempts> {
  if (!canManageWebhooks(ctx.actor)) throw forbidden('Only admins can replay webhook deliveries');
  const workspaceId = ctx.actor.workspaceId;
  const delivery = await withTransaction(ctx.db, async (tx) => {
    const found = await findDelivery(tx, workspaceId, deliveryId);
    if (!found) throw webhookDeliveryNotFound();
    const endpoint = await findEndpoint(tx, workspaceId, found.endpoint_id);
    if (!endpoint) throw webhookDeliveryNotFound();
    if (!endpoint.enabled) throw webhookDisabled();
    await updateDeliveryRow(tx, found.id, {
      status: 'queued', round_attempts: 0, round_started_at: ctx.now, next_attempt_at: ctx.now, delivered_at: null, updated_at: ctx.now,
    });
    // the job key replaces a retry that was already waiting: one pending attempt per delivery
    await addJob(tx, DELIVER_WEBHOOK_TASK, { deliveryId: found.id }, { jobKey: found.id });
    return (await findDelivery(tx, workspaceId, found.id))!;
  });
  return loadDeliveryWithAttempts(ctx, delivery);
}
