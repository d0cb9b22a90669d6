import type { Context } from '../context.ts';
import type { DemandSettings } from './demand-formula.ts';
import { canChangeDemandWeights } from './demand.policy.ts';
import { demandWeightsAdminOnly } from './demand.errors.ts';
import { storeDemandSettings } from './update-demand-weights.ts';

/** Back to the documented defaults (admins). */
export async function resetDemandWeights(ctx: Context): Promise<DemandSettings> {
  if (!canChangeDemandWeights(ctx.actor)) throw demandWeightsAdminOnly();
  return storeDemandSettings(ctx, null);
}
