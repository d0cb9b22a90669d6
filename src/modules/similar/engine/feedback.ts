import type { IndexState } from './index-state.ts';
import { idfOf, type PlanTerm, type QueryPlan } from './query-plan.ts';
import type { EngineOptions } from './types.ts';

// Pseudo-relevance feedback (RM3-style): the best first-pass matches vote for words the query
// did not use; each word's weight is its expected share in those posts, weighted by the post's
// score and the word's idf. Only words that occur in at least two of the feedback posts are
// kept, so a single near-copy cannot drag the query towards its own off-topic details.

export type Ranked = { slot: number; score: number };

export function feedbackTerms(state: IndexState, plan: QueryPlan, top: readonly Ranked[], opts: EngineOptions): { terms: PlanTerm[]; mass: number } {
  const vocab = state.vocab;
  const n = Math.max(state.liveCount, 1);
  const used = new Set<number>([...plan.words, ...plan.expansions].map((t) => t.id));
  const totalScore = top.reduce((sum, r) => sum + Math.max(r.score, 0), 0);
  if (totalScore <= 0) return { terms: [], mass: 0 };
  const value = new Map<number, number>();
  const support = new Map<number, number>();
  for (const { slot, score } of top) {
    const terms = state.forward.terms(slot);
    const tfs = state.forward.tfs(slot);
    const share = Math.max(score, 0) / totalScore;
    const length = opts.titleWeight * state.titleLength[slot] + opts.bodyWeight * state.bodyLength[slot] + 1;
    for (let i = 0; i < terms.length; i++) {
      const id = terms[i];
      if (used.has(id) || vocab.df(id) < 2) continue;
      const tf = opts.titleWeight * (tfs[i] >>> 8) + opts.bodyWeight * (tfs[i] & 255);
      value.set(id, (value.get(id) ?? 0) + share * tf / length);
      support.set(id, (support.get(id) ?? 0) + 1);
    }
  }
  const minSupport = top.length >= 3 ? 2 : 1;
  const scored: PlanTerm[] = [];
  for (const [id, v] of value) {
    if ((support.get(id) ?? 0) < minSupport) continue;
    const idf = idfOf(vocab.df(id), n);
    scored.push({ id, weight: v * idf, idf, inTitle: false, surface: vocab.wordOf(id) });
  }
  scored.sort((a, b) => b.weight - a.weight);
  const terms = scored.slice(0, opts.feedbackTerms);
  const max = terms.length > 0 ? terms[0].weight : 1;
  let mass = 0;
  for (const term of terms) {
    term.weight /= max;
    mass += term.weight * term.idf;
  }
  return { terms, mass };
}
