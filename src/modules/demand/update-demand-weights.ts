import type { Context } from '../context.ts';
import { withTransaction } from '../../db/database.ts';
import { DEMAND_COMPONENT_KEYS, DEFAULT_DEMAND_SETTINGS, type DemandSettings } from './demand-formula.ts';
import { loadDemandSettings, saveDemandSettings } from './demand.repo.ts';
import { enqueueDemandRefresh } from './demand-jobs.ts';
import { canChangeDemandWeights } from './demand.policy.ts';
import { allWeightsZero, demandWeightsAdminOnly } from './demand.errors.ts';
import type { PutDemandWeightsInput } from './demand.schemas.ts';

/** Replaces the workspace's weights (admins); every post is re-scored by the refresh job. */
export async function updateDemandWeights(ctx: Context, input: PutDemandWeightsInput): Promise<DemandSettings> {
  if (!canChangeDemandWeights(ctx.actor)) throw demandWeightsAdminOnly();
  // all zero would make every score 0 — no order at all, which is never what an admin means
  if (DEMAND_COMPONENT_KEYS.every((key) => input.weights[key] === 0)) throw allWeightsZero();
  const settings: DemandSettings = {
    weights: Object.fromEntries(DEMAND_COMPONENT_KEYS.map((key) => [key, input.weights[key]])) as DemandSettings['weights'],
    revenueUnit: input.revenueUnit ?? DEFAULT_DEMAND_SETTINGS.revenueUnit,
  };
  return storeDemandSettings(ctx, settings);
}

/**
 * Saves the settings (null = back to the defaults) and, in the same transaction, enqueues the
 * re-scoring of the whole workspace, so the stored order can never stay on the old weights.
 */
export async function storeDemandSettings(ctx: Context, settings: DemandSettings | null): Promise<DemandSettings> {
  const workspaceId = ctx.actor.workspaceId;
  return withTransaction(ctx.db, async (tx) => {
    await saveDemandSettings(tx, workspaceId, settings);
    await enqueueDemandRefresh(tx, { scope: 'workspace', workspaceId });
    return loadDemandSettings(tx, workspaceId);
  });
}
