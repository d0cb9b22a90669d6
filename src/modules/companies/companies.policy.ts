import { canWrite, isTeam, type Actor } from '../auth/index.ts';

/** Companies carry revenue figures: team eyes only. */
export function canViewCompanies(actor: Actor): boolean {
  return isTeam(actor);
}

/** Team members and write/admin API keys (CRM syncs) keep companies current; read-only keys may not. */
export function canManageCompanies(actor: Actor): boolean {
  return canWrite(actor);
}
