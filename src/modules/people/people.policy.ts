import { canWrite, isTeam, type Actor } from '../auth/index.ts';

/** The customer list (emails, companies) is for the team only. */
export function canViewPeople(actor: Actor): boolean {
  return isTeam(actor);
}

export function canManagePeople(actor: Actor): boolean {
  return canWrite(actor);
}
