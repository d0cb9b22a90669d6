import type { Context } from '../context.ts';
import { forbidden } from '../../lib/errors.ts';
import { hashToken, randomToken } from '../../lib/tokens.ts';
import { memberIdOf } from '../auth/index.ts';
import { canManageApiKeys } from './api-keys.policy.ts';
import type { ApiKey } from './api-keys.repo.ts';
import type { CreateApiKeyInput } from './api-keys.schemas.ts';

/** "bb_" + 8 characters: enough to recognise a key in a list, far too little to guess the rest. */
const PREFIX_LENGTH = 11;

/**
 * Issues an API key. The plaintext key is returned this once; only its SHA-256 hash is stored
 * (the admin UI and `backboard api-key create` both call this).
 */
export async function createApiKey(ctx: Context, input: CreateApiKeyInput): Promise<ApiKey & { key: string }> {
  if (!canManageApiKeys(ctx.actor)) throw forbidden('Only admins can create API keys');
  const key = randomToken('bb_');
  const row = await ctx.db
    .insertInto('api_keys')
    .values({
      workspace_id: ctx.actor.workspaceId,
      name: input.name.trim(),
      prefix: key.slice(0, PREFIX_LENGTH),
      key_hash: hashToken(key),
      scope: input.scope,
      created_by_member_id: memberIdOf(ctx.actor),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return { ...row, key };
}
