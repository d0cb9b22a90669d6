import {
  DEFAULT_DEMAND_SETTINGS, IMPORTANCE_WEIGHTS, isDefaultDemandSettings, MOMENTUM_HALF_LIFE_DAYS, MOMENTUM_WINDOW_DAYS, round4,
  type DemandComponents, type DemandSettings,
} from './demand-formula.ts';
import type { PostDemandDetail } from './get-post-demand.ts';
import type { TopDemandItem } from './list-top-demand.ts';

export function presentDemandSettings(settings: DemandSettings) {
  return {
    weights: { ...settings.weights },
    revenueUnit: settings.revenueUnit,
    isDefault: isDefaultDemandSettings(settings),
    defaults: { weights: { ...DEFAULT_DEMAND_SETTINGS.weights }, revenueUnit: DEFAULT_DEMAND_SETTINGS.revenueUnit },
    formula: {
      score: 'score = Σ contribution; contribution = weight × normalized',
      normalized: 'normalized = log2(1 + value / unit); unit = revenueUnit for monthly revenue, else 1',
      importanceWeights: { low: IMPORTANCE_WEIGHTS[0], normal: IMPORTANCE_WEIGHTS[1], important: IMPORTANCE_WEIGHTS[2], critical: IMPORTANCE_WEIGHTS[3] },
      momentumHalfLifeDays: MOMENTUM_HALF_LIFE_DAYS,
      momentumWindowDays: MOMENTUM_WINDOW_DAYS,
    },
  };
}

/** Revenue to the cent, the fractional components to 4 decimals. */
function presentComponents(c: DemandComponents): DemandComponents {
  return { ...c, monthlyRevenue: Math.round(c.monthlyRevenue * 100) / 100, importanceWeightedVotes: round4(c.importanceWeightedVotes), momentum: round4(c.momentum) };
}

export function presentPostDemand(d: PostDemandDetail) {
  return {
    postId: d.postId,
    boardId: d.boardId,
    mergedIntoId: d.mergedIntoId,
    mergedPostIds: d.mergedPostIds,
    score: d.demand.score,
    rank: d.rank,
    rankedPosts: d.rankedPosts,
    components: presentComponents(d.demand.components),
    contributions: d.demand.contributions.map((c) => ({ ...c })),
    segments: d.demand.segments.map((s) => ({
      segment: s.segment,
      voters: s.voters,
      companies: s.companies,
      monthlyRevenue: s.monthlyRevenue,
      importanceWeightedVotes: round4(s.weightedVotes),
      momentum: round4(s.momentum),
      score: s.score,
    })),
    weights: { ...d.settings.weights },
    revenueUnit: d.settings.revenueUnit,
    sparkline: d.sparkline,
    computedAt: d.computedAt.toISOString(),
  };
}

export function presentTopDemandItem(item: TopDemandItem) {
  const { row } = item;
  return {
    rank: item.rank,
    post: {
      id: row.id,
      title: row.title,
      board: { id: row.board_id, name: row.board_name, slug: row.board_slug },
      status: { id: row.status_id, name: row.status_name, slug: row.status_slug, kind: row.status_kind, color: row.status_color },
      voteCount: row.vote_count,
    },
    score: row.score,
    totalScore: row.total_score,
    segment: item.segment,
    components: presentComponents(item.components),
  };
}
