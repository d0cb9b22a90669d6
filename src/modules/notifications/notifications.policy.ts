import { canAdmin, isTeam, type Actor } from '../auth/index.ts';

/** Who was notified and why not: the team (members and API keys) may see it. */
export function canViewDeliveries(actor: Actor): boolean {
  return isTeam(actor);
}

/** The mail configuration and test messages are for workspace admins. */
export function canManageMail(actor: Actor): boolean {
  return canAdmin(actor);
}
