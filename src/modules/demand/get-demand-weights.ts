import type { Context } from '../context.ts';
import type { DemandSettings } from './demand-formula.ts';
import { loadDemandSettings } from './demand.repo.ts';
import { canSeeDemand } from './demand.policy.ts';
import { demandTeamOnly } from './demand.errors.ts';

export async function getDemandWeights(ctx: Context): Promise<DemandSettings> {
  if (!canSeeDemand(ctx.actor)) throw demandTeamOnly();
  return loadDemandSettings(ctx.db, ctx.actor.workspaceId);
}
