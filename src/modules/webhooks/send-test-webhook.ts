import { randomUUID } from 'node:crypto';
import type { Context } from '../context.ts';
import { forbidden } from '../../lib/errors.ts';
import { canManageWebhooks } from './webhooks.policy.ts';
import { findDelivery, findEndpoint } from './webhooks.repo.ts';
import { webhookDisabled, webhookNotFound } from './webhooks.errors.ts';
import { buildTestEnvelope } from './build-webhook-envelope.ts';
import { newDeliveryId } from './enqueue-webhook-delivery.ts';
import { attemptWebhookDelivery } from './attempt-webhook-delivery.ts';
import { loadDeliveryWithAttempts, type DeliveryWithAttempts } from './list-webhook-deliveries.ts';

/**
 * Sends a `webhook.test` ping now, through the same signing, SSRF policy and logging as real events,
 * and returns the delivery with the receiver's answer so the admin sees at once what went wrong. A
 * failed ping is retried on the normal schedule like any delivery.
 */
export async function sendTestWebhook(ctx: Context, endpointId: string): Promise<DeliveryWithAttempts> {
  if (!canManageWebhooks(ctx.actor)) throw forbidden('Only admins can test webhooks');
  const workspaceId = ctx.actor.workspaceId;
  const endpoint = await findEndpoint(ctx.db, workspaceId, endpointId);
  if (!endpoint) throw webhookNotFound();
  if (!endpoint.enabled) throw webhookDisabled();
  const id = newDeliveryId();
  const envelope = buildTestEnvelope({ id: randomUUID(), workspaceId, endpointId: endpoint.id, now: ctx.now });
  await ctx.db.insertInto('webhook_deliveries').values({
    id, workspace_id: workspaceId, endpoint_id: endpoint.id, event_id: null, event_type: envelope.type,
    payload: JSON.stringify(envelope), round_started_at: ctx.now, next_attempt_at: ctx.now, created_at: ctx.now, updated_at: ctx.now,
  }).execute();
  await attemptWebhookDelivery(ctx, id);
  const delivery = await findDelivery(ctx.db, workspaceId, id);
  if (!delivery) throw webhookNotFound(); // the endpoint was deleted meanwhile
  return loadDeliveryWithAttempts(ctx, delivery);
}
