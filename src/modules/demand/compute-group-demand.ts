import type { DbOrTx } from '../../db/database.ts';
import { scoreDemand, sumComponents, type DemandComponents, type DemandScore, type DemandSettings } from './demand-formula.ts';
import { aggregateGroupSegments, type SegmentAggregate } from './demand.repo.ts';

export type SegmentDemand = {
  segment: string;
  voters: number;
  companies: number;
  monthlyRevenue: number;
  weightedVotes: number;
  momentum: number;
  /** The demand score counting only this segment's voters (same formula and weights). */
  score: number;
};

export type GroupDemand = DemandScore & { postId: string; components: DemandComponents; segments: SegmentDemand[] };

/** Biggest segment first (by voters, then revenue), so tables and charts read top-down. */
function bySize(a: SegmentDemand, b: SegmentDemand): number {
  return b.voters - a.voters || b.monthlyRevenue - a.monthlyRevenue || a.segment.localeCompare(b.segment);
}

/**
 * The demand of each group head, as of `now`: components, score with contributions, and the per-segment
 * breakdown. Heads without votes get zero components (score 0). One aggregate query for all heads.
 */
export async function computeGroupDemand(
  db: DbOrTx,
  workspaceId: string,
  headIds: readonly string[],
  settings: DemandSettings,
  now: Date,
): Promise<Map<string, GroupDemand>> {
  const rows = await aggregateGroupSegments(db, workspaceId, headIds, now);
  const byHead = new Map<string, SegmentAggregate[]>();
  for (const row of rows) {
    const list = byHead.get(row.head_id) ?? [];
    list.push(row);
    byHead.set(row.head_id, list);
  }
  const result = new Map<string, GroupDemand>();
  for (const postId of headIds) {
    const segments = (byHead.get(postId) ?? []).map((row): SegmentDemand => {
      const parts = {
        voters: row.voters,
        companies: row.companies,
        monthlyRevenue: Number(row.monthly_revenue),
        weightedVotes: row.weighted_votes,
        momentum: row.momentum,
      };
      return { segment: row.segment, ...parts, score: scoreDemand(sumComponents([parts]), settings).score };
    }).sort(bySize);
    const components = sumComponents(segments);
    result.set(postId, { postId, components, segments, ...scoreDemand(components, settings) });
  }
  return result;
}
