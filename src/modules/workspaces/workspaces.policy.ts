import { canAdmin, type Actor } from '../auth/index.ts';

/** Settings change who may take part (allowAnonymous), so only admins touch them. */
export function canManageWorkspace(actor: Actor): boolean {
  return canAdmin(actor);
}
