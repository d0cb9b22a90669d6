import type { Context } from '../context.ts';
import { forbidden } from '../../lib/errors.ts';
import { canManageWebhooks } from './webhooks.policy.ts';
import { webhookNotFound } from './webhooks.errors.ts';

/** Removes the endpoint with its delivery log; its pending jobs find nothing and end quietly. */
export async function deleteWebhook(ctx: Context, endpointId: string): Promise<void> {
  if (!canManageWebhooks(ctx.actor)) throw forbidden('Only admins can manage webhooks');
  const row = await ctx.db.deleteFrom('webhook_endpoints')
    .where('workspace_id', '=', ctx.actor.workspaceId).where('id', '=', endpointId)
    .returning('id').executeTakeFirst();
  if (!row) throw webhookNotFound();
}
