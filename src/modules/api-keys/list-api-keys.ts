import type { Context } from '../context.ts';
import { forbidden } from '../../lib/errors.ts';
import { canManageApiKeys } from './api-keys.policy.ts';
import { listActiveApiKeys, type ApiKey } from './api-keys.repo.ts';

/** The workspace's keys that still work (revoked keys disappear from the list). */
export async function listApiKeys(ctx: Context): Promise<ApiKey[]> {
  if (!canManageApiKeys(ctx.actor)) throw forbidden('Only admins can see API keys');
  return listActiveApiKeys(ctx.db, ctx.actor.workspaceId);
}
