import type { Context } from '../context.ts';
import { forbidden } from '../../lib/errors.ts';
import { generateWebhookSecret } from '../../lib/webhook-signature.ts';
import { canManageWebhooks } from './webhooks.policy.ts';
import { findEndpoint, updateEndpointRow, type WebhookEndpoint } from './webhooks.repo.ts';
import { webhookNotFound } from './webhooks.errors.ts';
import type { RotateSecretInput } from './webhooks.schemas.ts';

export const DEFAULT_ROTATION_GRACE_HOURS = 24;

/**
 * A new secret signs from now on; the current one keeps signing too (a second signature in the same
 * header) for the grace period, so receivers can switch over without dropping a message. Rotating
 * again during a grace period retires the oldest secret: at most two ever sign.
 */
export async function rotateWebhookSecret(ctx: Context, endpointId: string, input: RotateSecretInput): Promise<WebhookEndpoint> {
  if (!canManageWebhooks(ctx.actor)) throw forbidden('Only admins can manage webhooks');
  const endpoint = await findEndpoint(ctx.db, ctx.actor.workspaceId, endpointId);
  if (!endpoint) throw webhookNotFound();
  const graceHours = input.gracePeriodHours ?? DEFAULT_ROTATION_GRACE_HOURS;
  const rotated = await updateEndpointRow(ctx.db, ctx.actor.workspaceId, endpointId, {
    secret: generateWebhookSecret(),
    previous_secret: graceHours > 0 ? endpoint.secret : null,
    previous_secret_expires_at: graceHours > 0 ? new Date(ctx.now.getTime() + graceHours * 3600_000) : null,
    updated_at: ctx.now,
  });
  if (!rotated) throw webhookNotFound();
  return rotated;
}
