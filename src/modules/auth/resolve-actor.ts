import type { DbOrTx } from '../../db/database.ts';
import { hashToken } from '../../lib/tokens.ts';
import { unauthenticated } from '../../lib/errors.ts';
import type { Actor } from './actor.ts';
import type { ApiScope } from '../../db/schema.ts';

export type ResolvedActor = { actor: Actor; sessionId: string | null; viaApiKey: boolean };

// Server-to-server callers send the same key with every request, so a valid key is remembered for a
// few seconds instead of costing a query each time. A revocation clears the process's cache at once
// (forgetApiKeys, called by the api-keys module); other processes stop accepting the key within
// API_KEY_TTL_MS. Wrong or revoked keys are never remembered.
const API_KEY_TTL_MS = 5_000;
const MAX_REMEMBERED_KEYS = 1_000;
type RememberedKey = { id: string; workspace_id: string; scope: ApiScope; last_used_at: Date | null; until: number };
const rememberedKeys = new Map<string, RememberedKey>();

/** Forgets every remembered API key (after a revocation: the next request checks the database again). */
export function forgetApiKeys(): void {
  rememberedKeys.clear();
}

async function findApiKey(db: DbOrTx, hash: string, now: Date): Promise<RememberedKey | null> {
  const remembered = rememberedKeys.get(hash);
  if (remembered && remembered.until > now.getTime()) return remembered;
  const key = await db
    .selectFrom('api_keys')
    .select(['id', 'workspace_id', 'scope', 'last_used_at'])
    .where('key_hash', '=', hash)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  if (!key) {
    rememberedKeys.delete(hash);
    return null;
  }
  if (rememberedKeys.size >= MAX_REMEMBERED_KEYS) rememberedKeys.clear();
  const entry = { ...key, until: now.getTime() + API_KEY_TTL_MS };
  rememberedKeys.set(hash, entry);
  return entry;
}

/**
 * Turns request credentials into an Actor. An API key that is wrong or revoked is an error (a
 * server-to-server caller must know); a stale session cookie simply means "anonymous".
 */
export async function resolveActor(
  db: DbOrTx,
  input: { bearer: string | null; sessionToken: string | null; defaultWorkspaceId: string; now: Date },
): Promise<ResolvedActor> {
  if (input.bearer) {
    const key = await findApiKey(db, hashToken(input.bearer), input.now);
    if (!key) throw unauthenticated('The API key is invalid or has been revoked', 'invalid_api_key');
    // "last used" is informational: written at most once a minute per key, off the request's path
    if (!key.last_used_at || input.now.getTime() - key.last_used_at.getTime() > 60_000) {
      key.last_used_at = input.now;
      void db.updateTable('api_keys').set({ last_used_at: input.now }).where('id', '=', key.id).execute().catch(() => {});
    }
    return { actor: { kind: 'api_key', workspaceId: key.workspace_id, apiKeyId: key.id, scope: key.scope }, sessionId: null, viaApiKey: true };
  }
  if (input.sessionToken) {
    const session = await db
      .selectFrom('sessions')
      .leftJoin('members', 'members.id', 'sessions.member_id')
      .select(['sessions.id', 'sessions.workspace_id', 'sessions.member_id', 'sessions.person_id', 'members.role'])
      .where('sessions.token_hash', '=', hashToken(input.sessionToken))
      .where('sessions.expires_at', '>', input.now)
      .executeTakeFirst();
    if (session?.member_id && session.role) {
      return { actor: { kind: 'member', workspaceId: session.workspace_id, memberId: session.member_id, role: session.role }, sessionId: session.id, viaApiKey: false };
    }
    if (session?.person_id) {
      return { actor: { kind: 'person', workspaceId: session.workspace_id, personId: session.person_id }, sessionId: session.id, viaApiKey: false };
    }
  }
  return { actor: { kind: 'anonymous', workspaceId: input.defaultWorkspaceId }, sessionId: null, viaApiKey: false };
}
