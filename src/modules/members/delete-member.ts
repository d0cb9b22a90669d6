import type { Context } from '../context.ts';
import { withTransaction } from '../../db/database.ts';
import { forbidden } from '../../lib/errors.ts';
import { canManageMembers, canRemoveMember } from './members.policy.ts';
import { findMember, lockOwners } from './members.repo.ts';
import { actingMemberNow } from './acting-member.ts';
import { lastOwner, memberNotFound, ownerOnly } from './members.errors.ts';

/** Removes a member and signs them out everywhere; their posts and comments stay (authorship is set null). */
export async function deleteMember(ctx: Context, memberId: string): Promise<void> {
  if (!canManageMembers(ctx.actor)) throw forbidden('Only admins can remove team members');
  const workspaceId = ctx.actor.workspaceId;
  await withTransaction(ctx.db, async (tx) => {
    const owners = await lockOwners(tx, workspaceId);
    const actor = await actingMemberNow(tx, ctx.actor, owners);
    if (!canManageMembers(actor)) throw forbidden('Only admins can remove team members');
    const member = await findMember(tx, workspaceId, memberId, { lock: true });
    if (!member) throw memberNotFound();
    if (!canRemoveMember(actor, member)) throw ownerOnly();
    if (member.role === 'owner' && owners.length <= 1) throw lastOwner();
    await tx.deleteFrom('sessions').where('member_id', '=', member.id).execute();
    await tx.deleteFrom('members').where('id', '=', member.id).execute();
  });
}
