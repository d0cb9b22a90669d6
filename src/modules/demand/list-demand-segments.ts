import type { Context } from '../context.ts';
import { listSegments } from './demand-views.repo.ts';
import { canSeeDemand } from './demand.policy.ts';
import { demandTeamOnly } from './demand.errors.ts';

/** The segments the Top demand view can filter by (company segments, "No segment", "No company"). */
export async function listDemandSegments(ctx: Context): Promise<Array<{ segment: string; companies: number }>> {
  if (!canSeeDemand(ctx.actor)) throw demandTeamOnly();
  return listSegments(ctx.db, ctx.actor.workspaceId);
}
