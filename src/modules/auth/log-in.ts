import type { Context } from '../context.ts';
import type { Member } from '../../db/schema.ts';
import { verifyPassword } from '../../lib/tokens.ts';
import { startSession, type SignedIn } from './start-session.ts';
import { findMemberByEmail } from './auth.repo.ts';
import { invalidCredentials } from './auth.errors.ts';
import type { LoginInput } from './auth.schemas.ts';

// The hash of a random password nobody knows, with our scrypt parameters: verifying against it when
// the email is unknown makes that answer take as long as a wrong password (no account enumeration
// by timing).
const DUMMY_HASH = 'scrypt$32768$8$1$oPp1wdQXUz87ptxpht2qQg==$+AP7U08NJ2v6K+g32oW5TErRdeW83Qb8wTuOlr3kHOQ=';

/** Team sign-in with email and password; the browser's previous session is replaced (rotation). */
export async function logIn(ctx: Context, input: LoginInput & { previousSessionId: string | null }): Promise<SignedIn<{ member: Member }>> {
  const member = await findMemberByEmail(ctx.db, ctx.actor.workspaceId, input.email);
  const matches = await verifyPassword(input.password, member?.password_hash ?? DUMMY_HASH);
  if (!member || !matches) throw invalidCredentials();
  const session = await startSession(ctx.db, {
    workspaceId: member.workspace_id, memberId: member.id, previousSessionId: input.previousSessionId, now: ctx.now,
  });
  return { member, session };
}
