export type RankingMetrics = { hit1: number; hit5: number; hit10: number; mrr10: number; queries: number };

/** Hit@k and MRR@10 from the 1-based rank of the first relevant result (0 = not found). */
export function summarizeRanks(ranks: readonly number[]): RankingMetrics {
  const n = Math.max(ranks.length, 1);
  const hit = (k: number): number => ranks.filter((r) => r > 0 && r <= k).length / n;
  const mrr = ranks.reduce((sum, r) => sum + (r > 0 && r <= 10 ? 1 / r : 0), 0) / n;
  return { hit1: hit(1), hit5: hit(5), hit10: hit(10), mrr10: mrr, queries: ranks.length };
}

export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))];
}

export function firstRelevantRank(ids: readonly string[], relevant: ReadonlySet<string>): number {
  const at = ids.findIndex((id) => relevant.has(id));
  return at < 0 ? 0 : at + 1;
}
