import { canWrite, isTeam, type Actor } from '../auth/index.ts';

// Who may use what of duplicate detection. Pure functions of the actor.

/** Anyone who can read the portal may look for similar posts; what they see follows board visibility. */
export function canSeePrivateBoards(actor: Actor): boolean {
  return isTeam(actor);
}

/** The duplicate queue is the team's triage tool. */
export function canViewDuplicates(actor: Actor): boolean {
  return isTeam(actor);
}

/** Deciding "not a duplicate" changes what the workspace learns from: members and write/admin keys. */
export function canDecideDuplicates(actor: Actor): boolean {
  return canWrite(actor);
}
