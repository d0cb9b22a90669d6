import type { Context } from '../context.ts';
import { getWebhook } from './list-webhooks.ts';
import type { WebhookEndpoint } from './webhooks.repo.ts';

/**
 * The full secret(s) for an admin who lost them (lists only show a hint). Same policy as every
 * webhook action; each reveal is logged with who asked.
 */
export async function revealWebhookSecret(ctx: Context, endpointId: string): Promise<WebhookEndpoint> {
  const endpoint = await getWebhook(ctx, endpointId);
  ctx.log.info({ endpointId, actor: ctx.actor, requestId: ctx.requestId }, 'webhook secret revealed');
  return endpoint;
}
