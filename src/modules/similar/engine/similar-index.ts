import { IndexState } from './index-state.ts';
import { planFromSlot, planFromText } from './query-plan.ts';
import { explainMatch } from './explain.ts';
import { Ranker, type Features } from './rank.ts';
import { resolveOptions, type Doc, type EngineOptions, type SearchHit, type SearchQuery } from './types.ts';

const DEFAULT_LIMIT = 10;

export interface SimilarIndex {
  add(doc: Doc): void;
  /** same as add: replaces the post's text if it is already indexed */
  update(doc: Doc): void;
  remove(id: string): void;
  has(id: string): boolean;
  size(): number;
  search(query: SearchQuery): SearchHit[];
  /** evidence for one indexed post (b) as a candidate duplicate of another indexed post (a) */
  pairFeatures(a: string, b: string): Features | null;
  /** candidates for an indexed post, scored as if it had just been written */
  searchById(id: string, query?: Omit<SearchQuery, 'title' | 'body'>): SearchHit[];
  options(): EngineOptions;
  configure(opts: Partial<EngineOptions>): void;
  memoryEstimate(): number;
}

/** One in-memory index per workspace; all options apply at query time, so `configure` is instant. */
export function createIndex(opts?: Partial<EngineOptions>): SimilarIndex {
  const state = new IndexState();
  const ranker = new Ranker(state);
  let options = resolveOptions(opts);

  const searchPlan = (plan: ReturnType<typeof planFromText>, query: Omit<SearchQuery, 'title' | 'body'>, selfSlot?: number): SearchHit[] => {
    const limit = Math.max(1, query.limit ?? DEFAULT_LIMIT);
    const ranked = ranker.run(plan, options, { ...query, selfSlot }, limit);
    return ranked.map(({ slot, score }) => ({
      id: state.ids[slot] ?? '',
      score,
      matched: explainMatch(state, plan, slot),
    }));
  };

  return {
    add: (doc) => state.add(doc),
    update: (doc) => state.add(doc),
    remove: (id) => {
      state.remove(id);
    },
    has: (id) => state.slotOf.has(id),
    size: () => state.liveCount,
    search: (query) => searchPlan(planFromText(state, query.title, query.body ?? '', options), query),
    searchById: (id, query = {}) => {
      const slot = state.slotOf.get(id);
      if (slot === undefined) return [];
      return searchPlan(planFromSlot(state, slot, options), query, slot);
    },
    pairFeatures: (a, b) => {
      const slotA = state.slotOf.get(a);
      const slotB = state.slotOf.get(b);
      if (slotA === undefined || slotB === undefined) return null;
      const created = state.createdAt[slotA];
      // Evidence is judged as when `a` was written: the recency prior counts from its creation.
      const plan = planFromSlot(state, slotA, options);
      ranker.run(plan, options, { selfSlot: slotA, now: Number.isNaN(created) ? undefined : created }, 1);
      return ranker.features(plan, slotB, options);
    },
    options: () => options,
    configure: (next) => {
      options = resolveOptions({ ...options, ...next, weights: { ...options.weights, ...next.weights } });
    },
    memoryEstimate: () => state.byteEstimate(),
  };
}
