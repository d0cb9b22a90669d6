import type { Context } from '../context.ts';
import { withTransaction } from '../../db/database.ts';
import type { Member } from '../../db/schema.ts';
import { hashPassword, hashToken } from '../../lib/tokens.ts';
import { startSession, type SignedIn } from './start-session.ts';
import { findMemberByEmail, findWorkspaceBySetupToken, hasOwner } from './auth.repo.ts';
import { alreadySetUp, memberEmailTaken, setupTokenInvalid } from './auth.errors.ts';
import type { SetupInput } from './auth.schemas.ts';

/** First start: the holder of the setup link becomes the workspace owner and is signed in. */
export async function setUpOwner(
  ctx: Context,
  input: SetupInput & { previousSessionId: string | null },
): Promise<SignedIn<{ member: Member }>> {
  const tokenHash = hashToken(input.token);
  // cheap checks first, so a bad token never costs a password hash
  const candidate = await findWorkspaceBySetupToken(ctx.db, tokenHash);
  if (!candidate) throw setupTokenInvalid();
  if (await hasOwner(ctx.db, candidate.id)) throw alreadySetUp();
  const passwordHash = await hashPassword(input.password);

  return withTransaction(ctx.db, async (tx) => {
    // the row lock serialises two people racing with the same link: the second sees the owner
    const workspace = await findWorkspaceBySetupToken(tx, tokenHash, { lock: true });
    if (!workspace) throw setupTokenInvalid();
    if (await hasOwner(tx, workspace.id)) throw alreadySetUp();
    if (await findMemberByEmail(tx, workspace.id, input.email)) throw memberEmailTaken();
    const member = await tx
      .insertInto('members')
      .values({
        workspace_id: workspace.id,
        email: input.email.trim().toLowerCase(),
        name: input.name.trim(),
        role: 'owner',
        password_hash: passwordHash,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await tx.updateTable('workspaces').set({ setup_token_hash: null }).where('id', '=', workspace.id).execute();
    const session = await startSession(tx, { workspaceId: workspace.id, memberId: member.id, previousSessionId: input.previousSessionId, now: ctx.now });
    return { member, session };
  });
}
