import type { Context } from '../context.ts';
import { withTransaction } from '../../db/database.ts';
import type { Member } from '../../db/schema.ts';
import { forbidden } from '../../lib/errors.ts';
import { canAssignRole, canManageMembers } from './members.policy.ts';
import { findMember, lockOwners } from './members.repo.ts';
import { actingMemberNow } from './acting-member.ts';
import { lastOwner, memberNotFound, ownerOnly } from './members.errors.ts';
import type { UpdateMemberInput } from './members.schemas.ts';

export async function updateMember(ctx: Context, memberId: string, input: UpdateMemberInput): Promise<Member> {
  if (!canManageMembers(ctx.actor)) throw forbidden('Only admins can change team members');
  const workspaceId = ctx.actor.workspaceId;
  return withTransaction(ctx.db, async (tx) => {
    const owners = await lockOwners(tx, workspaceId);
    const actor = await actingMemberNow(tx, ctx.actor, owners);
    if (!canManageMembers(actor)) throw forbidden('Only admins can change team members');
    const member = await findMember(tx, workspaceId, memberId, { lock: true });
    if (!member) throw memberNotFound();
    const role = input.role ?? member.role;
    if (role !== member.role) {
      if (!canAssignRole(actor, role, member.role)) throw ownerOnly();
      if (member.role === 'owner' && owners.length <= 1) throw lastOwner();
    }
    return tx
      .updateTable('members')
      .set({ role, ...(input.name !== undefined ? { name: input.name.trim() } : {}) })
      .where('id', '=', member.id)
      .returningAll()
      .executeTakeFirstOrThrow();
  });
}
