import type { Context } from '../context.ts';
import { forbidden } from '../../lib/errors.ts';
import { canManageApiKeys } from './api-keys.policy.ts';
import { revokeApiKeyRow } from './api-keys.repo.ts';
import { apiKeyNotFound } from './api-keys.errors.ts';
import { forgetApiKeys } from '../auth/index.ts';

/** Revoked, not deleted: the row stays so audit trails (created_by, last_used_at) keep their meaning. */
export async function revokeApiKey(ctx: Context, apiKeyId: string): Promise<void> {
  if (!canManageApiKeys(ctx.actor)) throw forbidden('Only admins can revoke API keys');
  if (!(await revokeApiKeyRow(ctx.db, ctx.actor.workspaceId, apiKeyId, ctx.now))) throw apiKeyNotFound();
  // this process stops accepting the key at once; others within the auth module's short cache time
  forgetApiKeys();
}
