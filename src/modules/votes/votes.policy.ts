import { isTeam, type Actor } from '../auth/index.ts';

/** Who voted, with emails and companies, is the team's prioritisation data; end users never see it. */
export function canListVoters(actor: Actor): boolean {
  return isTeam(actor);
}
