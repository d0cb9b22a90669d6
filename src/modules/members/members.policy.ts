import type { Role } from '../../db/schema.ts';
import { canAdmin, isTeam, type Actor } from '../auth/index.ts';

export function canViewMembers(actor: Actor): boolean {
  return isTeam(actor);
}

export function canManageMembers(actor: Actor): boolean {
  return canAdmin(actor);
}

/** Owners hold the keys to the workspace: only an owner (or the CLI) makes, unmakes or removes one. */
export function canManageOwners(actor: Actor): boolean {
  return actor.kind === 'system' || (actor.kind === 'member' && actor.role === 'owner');
}

/** Giving `role` to someone who has `currentRole` (undefined for a new member). */
export function canAssignRole(actor: Actor, role: Role, currentRole?: Role): boolean {
  if (!canManageMembers(actor)) return false;
  if (role === 'owner' || currentRole === 'owner') return canManageOwners(actor);
  return true;
}

export function canRemoveMember(actor: Actor, target: { role: Role }): boolean {
  if (!canManageMembers(actor)) return false;
  return target.role !== 'owner' || canManageOwners(actor);
}
