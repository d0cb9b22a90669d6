import type { Context } from '../context.ts';
import { withTransaction } from '../../db/database.ts';
import { forbidden } from '../../lib/errors.ts';
import { canManageWebhooks } from './webhooks.policy.ts';
import { endPendingDeliveries, findEndpoint, updateEndpointRow, type WebhookEndpoint } from './webhooks.repo.ts';
import { webhookNotFound } from './webhooks.errors.ts';

/**
 * Enabling clears the failure streak and the disabled notice; deliveries that ended while the
 * endpoint was off stay in the log to be replayed. Disabling ends the pending ones at once; disabling
 * an endpoint that is already off keeps its reason (e.g. "gone").
 */
export async function setWebhookEnabled(ctx: Context, endpointId: string, enabled: boolean): Promise<WebhookEndpoint> {
  if (!canManageWebhooks(ctx.actor)) throw forbidden('Only admins can manage webhooks');
  return withTransaction(ctx.db, async (tx) => {
    const endpoint = await findEndpoint(tx, ctx.actor.workspaceId, endpointId);
    if (!endpoint) throw webhookNotFound();
    if (endpoint.enabled === enabled) return endpoint;
    const updated = await updateEndpointRow(tx, ctx.actor.workspaceId, endpointId, enabled
      ? { enabled: true, disabled_reason: null, disabled_detail: null, disabled_at: null, consecutive_failures: 0, failing_since: null, updated_at: ctx.now }
      : { enabled: false, disabled_reason: 'manual', disabled_detail: 'Disabled by an admin.', disabled_at: ctx.now, updated_at: ctx.now });
    if (!updated) throw webhookNotFound();
    if (!enabled) await endPendingDeliveries(tx, updated.id, 'endpoint disabled', ctx.now);
    return updated;
  });
}
