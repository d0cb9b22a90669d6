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
  /**
   * Evidence for indexed posts as candidate duplicates of indexed post `a`, judged as when `a`
   * was written (null for unknown ids); `opts` overrides the index options for this call.
   */
  pairFeatures(a: string, candidates: readonly string[], opts?: Partial<EngineOptions>): Array<Features | null>;
  /** candidates for an indexed post, scored as if it had just been written */
  searchById(id: string, query?: Omit<SearchQuery, 'title' | 'body'>): SearchHit[];
  options(): EngineOptions;
  configure(opts: Partial<EngineOptions>): void;
  /** Trims the storage to its content after a bulk load (a build from the database); adding afterwards still works. */
  pack(): void;
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
      id: state.ids.idOf(slot) ?? '',
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
    has: (id) => state.ids.has(id),
    size: () => state.liveCount,
    search: (query) => searchPlan(planFromText(state, query.title, query.body ?? '', options), query),
    searchById: (id, query = {}) => {
      const slot = state.ids.get(id);
      if (slot === undefined) return [];
      const created = state.createdAt[slot];
      const now = query.now ?? (Number.isNaN(created) ? undefined : created);
      return searchPlan(planFromSlot(state, slot, options), { ...query, now }, slot);
    },
    pairFeatures: (a, candidates, opts) => {
      const slotA = state.ids.get(a);
      if (slotA === undefined) return candidates.map(() => null);
      const effective = opts === undefined ? options : resolveOptions({ ...options, ...opts, weights: { ...options.weights, ...opts.weights } });
      const created = state.createdAt[slotA];
      const plan = planFromSlot(state, slotA, effective);
      ranker.run(plan, effective, { selfSlot: slotA, now: Number.isNaN(created) ? undefined : created }, 1, true);
      return candidates.map((id) => {
        const slot = state.ids.get(id);
        return slot === undefined ? null : ranker.features(plan, slot, effective);
      });
    },
    options: () => options,
    configure: (next) => {
      options = resolveOptions({ ...options, ...next, weights: { ...options.weights, ...next.weights } });
    },
    pack: () => state.pack(),
    memoryEstimate: () => state.byteEstimate(),
  };
}
