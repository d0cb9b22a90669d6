import { canAdmin, type Actor } from '../auth/index.ts';

/**
 * Webhook endpoints hold signing secrets and receive every event (private boards and internal
 * comments included), so only admins (and admin API keys, the CLI) configure them.
 */
export function canManageWebhooks(actor: Actor): boolean {
  return canAdmin(actor);
}
