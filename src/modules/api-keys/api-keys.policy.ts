import { canAdmin, type Actor } from '../auth/index.ts';

/** API keys grant workspace-wide access, so only admins (and the CLI) see and issue them. */
export function canManageApiKeys(actor: Actor): boolean {
  return canAdmin(actor);
}
