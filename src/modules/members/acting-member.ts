import type { Tx } from '../../db/database.ts';
import { forbidden } from '../../lib/errors.ts';
import type { Actor } from '../auth/index.ts';
import { findMember } from './members.repo.ts';

/**
 * The acting member as they are now, inside the change's transaction, after `lockOwners`: a role
 * changed since the request was authenticated counts (an owner demoted a moment ago by another owner
 * can no longer demote anyone). Owners' rows are locked by then, so an owner's standing cannot change
 * before the transaction ends. Other actors (API keys, the CLI) are returned as they are.
 */
export async function actingMemberNow(tx: Tx, actor: Actor, lockedOwnerIds: readonly string[]): Promise<Actor> {
  if (actor.kind !== 'member') return actor;
  if (lockedOwnerIds.includes(actor.memberId)) return { ...actor, role: 'owner' };
  const me = await findMember(tx, actor.workspaceId, actor.memberId);
  if (!me) throw forbidden('You are no longer a member of this workspace');
  return { ...actor, role: me.role };
}
