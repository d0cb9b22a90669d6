import type { Updateable } from 'kysely';
import type { Context } from '../context.ts';
import type { WebhookEndpointsTable } from '../../db/schema.ts';
import { forbidden } from '../../lib/errors.ts';
import { canManageWebhooks } from './webhooks.policy.ts';
import { updateEndpointRow, type WebhookEndpoint } from './webhooks.repo.ts';
import { webhookNotFound } from './webhooks.errors.ts';
import type { UpdateWebhookInput } from './webhooks.schemas.ts';
import { validateWebhookUrl } from './validate-webhook-url.ts';
import { addressPolicyOf } from './webhook-deps.ts';

/** Changes the URL, description or event types; deliveries already made keep their bodies. */
export async function updateWebhook(ctx: Context, endpointId: string, input: UpdateWebhookInput): Promise<WebhookEndpoint> {
  if (!canManageWebhooks(ctx.actor)) throw forbidden('Only admins can manage webhooks');
  const changes: Updateable<WebhookEndpointsTable> = { updated_at: ctx.now };
  if (input.url !== undefined) changes.url = await validateWebhookUrl(input.url, addressPolicyOf(ctx.config));
  if (input.description !== undefined) changes.description = input.description.trim();
  if (input.eventTypes !== undefined) changes.event_types = input.eventTypes;
  const updated = await updateEndpointRow(ctx.db, ctx.actor.workspaceId, endpointId, changes);
  if (!updated) throw webhookNotFound();
  return updated;
}
