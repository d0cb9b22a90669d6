import type { Context } from '../context.ts';
import type { Member } from '../../db/schema.ts';
import { forbidden } from '../../lib/errors.ts';
import { hashPassword } from '../../lib/tokens.ts';
import { canAssignRole, canManageMembers } from './members.policy.ts';
import { withTransaction } from '../../db/database.ts';
import { isMemberEmailTaken, lockOwners } from './members.repo.ts';
import { actingMemberNow } from './acting-member.ts';
import { memberEmailTaken, ownerOnly } from './members.errors.ts';
import type { CreateMemberInput } from './members.schemas.ts';

const UNIQUE_VIOLATION = '23505';

/** Adds a team member with an initial password (they can sign in at once). */
export async function createMember(ctx: Context, input: CreateMemberInput): Promise<Member> {
  if (!canManageMembers(ctx.actor)) throw forbidden('Only admins can add team members');
  if (!canAssignRole(ctx.actor, input.role)) throw ownerOnly();
  const workspaceId = ctx.actor.workspaceId;
  const email = input.email.trim().toLowerCase();
  if (await isMemberEmailTaken(ctx.db, workspaceId, email)) throw memberEmailTaken();
  const passwordHash = await hashPassword(input.password);
  return withTransaction(ctx.db, async (tx) => {
    // making an owner: the actor must still be one now (not demoted since the request began)
    if (input.role === 'owner' && !canAssignRole(await actingMemberNow(tx, ctx.actor, await lockOwners(tx, workspaceId)), input.role)) throw ownerOnly();
    try {
      return await tx
        .insertInto('members')
        .values({ workspace_id: workspaceId, email, name: input.name.trim(), role: input.role, password_hash: passwordHash })
        .returningAll()
        .executeTakeFirstOrThrow();
    } catch (error) {
      // two admins adding the same email at once: the unique index decides, the loser gets the same 409
      if ((error as { code?: string }).code === UNIQUE_VIOLATION) throw memberEmailTaken();
      throw error;
    }
  });
}
