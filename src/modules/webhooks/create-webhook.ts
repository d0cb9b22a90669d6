import type { Context } from '../context.ts';
import { withTransaction } from '../../db/database.ts';
import { forbidden } from '../../lib/errors.ts';
import { generateWebhookSecret } from '../../lib/webhook-signature.ts';
import { memberIdOf } from '../auth/index.ts';
import { canManageWebhooks } from './webhooks.policy.ts';
import { countEndpoints, type WebhookEndpoint } from './webhooks.repo.ts';
import { tooManyWebhooks } from './webhooks.errors.ts';
import type { CreateWebhookInput } from './webhooks.schemas.ts';
import { validateWebhookUrl } from './validate-webhook-url.ts';
import { addressPolicyOf } from './webhook-deps.ts';

/** Enough for every integration a team runs; a bound keeps one event's fan-out small. */
export const MAX_WEBHOOKS_PER_WORKSPACE = 20;

/** Adds an endpoint with a fresh secret, returned in full this once (the caller shows it to the admin). */
export async function createWebhook(ctx: Context, input: CreateWebhookInput): Promise<WebhookEndpoint> {
  if (!canManageWebhooks(ctx.actor)) throw forbidden('Only admins can manage webhooks');
  const url = await validateWebhookUrl(input.url, addressPolicyOf(ctx.config));
  const workspaceId = ctx.actor.workspaceId;
  return withTransaction(ctx.db, async (tx) => {
    // the workspace row lock makes the count check hold under concurrent creates
    await tx.selectFrom('workspaces').select('id').where('id', '=', workspaceId).forUpdate().execute();
    if ((await countEndpoints(tx, workspaceId)) >= MAX_WEBHOOKS_PER_WORKSPACE) throw tooManyWebhooks(MAX_WEBHOOKS_PER_WORKSPACE);
    return tx.insertInto('webhook_endpoints').values({
      workspace_id: workspaceId,
      url,
      description: input.description?.trim() ?? '',
      event_types: input.eventTypes ?? [],
      secret: generateWebhookSecret(),
      created_by_member_id: memberIdOf(ctx.actor),
      created_at: ctx.now,
      updated_at: ctx.now,
    }).returningAll().executeTakeFirstOrThrow();
  });
}
