import { canAdmin, type Actor } from '../auth/index.ts';

/** Statuses are workspace configuration: admins only. Everyone may read them (the portal filters by them). */
export function canManageStatuses(actor: Actor): boolean {
  return canAdmin(actor);
}
