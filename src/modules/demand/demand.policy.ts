import { canAdmin, isTeam, type Actor } from '../auth/index.ts';

/**
 * Demand exposes which companies voted and what they pay: the team only. End users and the public
 * portal get the anonymous daily-vote sparkline (GET /api/v1/posts/{id}/activity) and nothing else.
 */
export function canSeeDemand(actor: Actor): boolean {
  return isTeam(actor);
}

/** The weights reorder every board's demand ranking, so changing them is a workspace setting (admins). */
export function canChangeDemandWeights(actor: Actor): boolean {
  return canAdmin(actor);
}
