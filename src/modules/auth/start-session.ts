import type { DbOrTx } from '../../db/database.ts';
import { hashToken, randomToken } from '../../lib/tokens.ts';

export const SESSION_TTL_DAYS = 30;

export type NewSession = { token: string; expiresAt: Date };
/** What a sign-in use-case returns: its result plus the new session for the cookie. */
export type SignedIn<T> = T & { session: NewSession };

/**
 * Signs someone in: a new random session token, stored hashed. Any session the browser had before is
 * deleted (rotation on login defeats session fixation).
 */
export async function startSession(
  db: DbOrTx,
  input: { workspaceId: string; memberId?: string; personId?: string; previousSessionId: string | null; now: Date },
): Promise<NewSession> {
  if (input.previousSessionId) await db.deleteFrom('sessions').where('id', '=', input.previousSessionId).execute();
  const token = randomToken();
  const expiresAt = new Date(input.now.getTime() + SESSION_TTL_DAYS * 86_400_000);
  await db
    .insertInto('sessions')
    .values({
      token_hash: hashToken(token),
      workspace_id: input.workspaceId,
      member_id: input.memberId ?? null,
      person_id: input.personId ?? null,
      expires_at: expiresAt,
    })
    .execute();
  // opportunistic clean-up of expired sessions keeps the table small without a scheduler
  await db.deleteFrom('sessions').where('expires_at', '<', input.now).execute();
  return { token, expiresAt };
}

export async function endSession(db: DbOrTx, sessionId: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', sessionId).execute();
}
