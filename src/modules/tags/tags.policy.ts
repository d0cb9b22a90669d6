import { canAdmin, type Actor } from '../auth/index.ts';

/** The tag vocabulary is workspace configuration: admins only. Tagging a post is a triage right (posts.policy). */
export function canManageTags(actor: Actor): boolean {
  return canAdmin(actor);
}
