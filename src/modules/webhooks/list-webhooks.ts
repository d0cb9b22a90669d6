import type { Context } from '../context.ts';
import { forbidden } from '../../lib/errors.ts';
import { canManageWebhooks } from './webhooks.policy.ts';
import { findEndpoint, listEndpointRows, type WebhookEndpoint } from './webhooks.repo.ts';
import { webhookNotFound } from './webhooks.errors.ts';

export async function listWebhooks(ctx: Context): Promise<WebhookEndpoint[]> {
  if (!canManageWebhooks(ctx.actor)) throw forbidden('Only admins can see webhooks');
  return listEndpointRows(ctx.db, ctx.actor.workspaceId);
}

export async function getWebhook(ctx: Context, endpointId: string): Promise<WebhookEndpoint> {
  if (!canManageWebhooks(ctx.actor)) throw forbidden('Only admins can see webhooks');
  const endpoint = await findEndpoint(ctx.db, ctx.actor.workspaceId, endpointId);
  if (!endpoint) throw webhookNotFound();
  return endpoint;
}
