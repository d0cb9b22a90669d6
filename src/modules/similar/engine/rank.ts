import { feedbackTerms, type Ranked } from './feedback.ts';
import { bm25Params, contribution, FirstPass, type Bm25Params, type Job } from './first-pass.ts';
import type { IndexState } from './index-state.ts';
import { chainPairs } from './pair-sketch.ts';
import type { PlanTerm, QueryPlan } from './query-plan.ts';
import type { EngineOptions, FeatureWeights } from './types.ts';

// Two stages. (1) BM25F words, title match, typo/synonym expansions and the recency prior,
// pruned MaxScore-style: terms run from most to least valuable, and once the terms left could
// not lift an unseen post into the top `rerankDepth`, they only update surviving candidates —
// the top `rerankDepth` stays exact. (2) Phrase and pseudo-relevance-feedback evidence re-rank
// those candidates.

const DAY_MS = 86_400_000;
const UNIT_WEIGHTS: FeatureWeights = { text: 1, titleMatch: 1, phrase: 1, expansion: 1, feedback: 1, recency: 1 };

export type Eligibility = {
  before?: number;
  now?: number;
  exclude?: ReadonlySet<string>;
  filter?: (id: string) => boolean;
  /** slot of the query post itself when it is in the index */
  selfSlot?: number;
};

/** Per-candidate evidence; each text feature is the share of the query's evidence it covers. */
export type Features = { text: number; titleMatch: number; phrase: number; expansion: number; feedback: number; recency: number };

function wordJobs(plan: QueryPlan, opts: EngineOptions, w: FeatureWeights): Job[] {
  const k = opts.k1 + 1;
  const jobs: Job[] = [];
  for (const t of plan.words) {
    jobs.push({
      id: t.id,
      unit: plan.wordMass > 0 ? w.text * t.weight * t.idf * k / plan.wordMass : 0,
      titleUnit: t.inTitle && plan.titleMass > 0 ? w.titleMatch * t.idf * k / plan.titleMass : 0,
    });
  }
  for (const t of plan.expansions) {
    jobs.push({ id: t.id, unit: plan.wordMass > 0 ? w.expansion * t.weight * t.idf * k / plan.wordMass : 0, titleUnit: 0 });
  }
  return jobs.filter((j) => j.unit + j.titleUnit > 0);
}

function feedbackJobs(terms: readonly PlanTerm[], mass: number, opts: EngineOptions, weight: number): Job[] {
  return terms.map((t) => ({ id: t.id, unit: mass > 0 ? weight * t.weight * t.idf * (opts.k1 + 1) / mass : 0, titleUnit: 0 }));
}

export class Ranker {
  readonly state: IndexState;
  readonly pass = new FirstPass();
  #reference = 0;
  #feedback: { terms: PlanTerm[]; mass: number } = { terms: [], mass: 0 };

  constructor(state: IndexState) {
    this.state = state;
  }

  /** Ranks candidates; `withFeedback` computes feedback terms even when their weight is 0 (for calibration). */
  run(plan: QueryPlan, opts: EngineOptions, elig: Eligibility, limit: number, withFeedback = false): Ranked[] {
    const state = this.state;
    this.pass.reset(state.capacity);
    this.#reference = elig.now ?? elig.before ?? Date.now();
    this.#feedback = { terms: [], mass: 0 };
    const p = bm25Params(state, opts);
    const w = opts.weights;
    const depth = Math.max(limit, opts.rerankDepth);
    const candidates = this.#firstPass(wordJobs(plan, opts, w), p, opts, elig, depth);
    if (w.phrase > 0 && plan.phrases.length > 0) {
      for (const c of candidates) c.score += this.#phraseScore(plan, c.slot, w.phrase);
      candidates.sort((a, b) => b.score - a.score);
    }
    if ((w.feedback > 0 || withFeedback) && opts.feedbackDocs > 0 && opts.feedbackTerms > 0 && candidates.length > 0) {
      this.#feedback = feedbackTerms(state, plan, candidates.slice(0, opts.feedbackDocs), opts);
      const jobs = feedbackJobs(this.#feedback.terms, this.#feedback.mass, opts, w.feedback);
      for (const c of candidates) {
        for (const job of jobs) {
          const tf = state.forward.tfOf(c.slot, job.id);
          if (tf >= 0) c.score += contribution(state, p, job, tf, c.slot);
        }
      }
      candidates.sort((a, b) => b.score - a.score);
    }
    return candidates.slice(0, limit);
  }

  #firstPass(jobs: Job[], p: Bm25Params, opts: EngineOptions, elig: Eligibility, depth: number): Ranked[] {
    const bound = (j: Job): number => j.unit + j.titleUnit;
    jobs.sort((a, b) => bound(b) - bound(a));
    let remaining = jobs.reduce((sum, j) => sum + bound(j), 0);
    // An untouched post scores at most its recency, so it can still enter while remaining + this ≥ θ.
    const unseenMax = opts.weights.recency;
    let candidates: Int32Array | null = null;
    let candidateCount = 0;
    for (const job of jobs) {
      remaining -= bound(job);
      if (candidates !== null) {
        // Whichever is cheaper: walk the postings, or look the term up in each candidate.
        if (this.state.pool.length(job.id) <= candidateCount * 8) this.pass.scan(this.state, p, job);
        else this.pass.lookup(this.state, p, job, candidates, candidateCount);
        if (candidateCount > depth * 4) candidateCount = this.#prune(candidates, candidateCount, depth, remaining, elig, opts);
        continue;
      }
      this.pass.scan(this.state, p, job);
      if (this.pass.touchedCount < depth) continue;
      // Any `depth` eligible posts give a lower bound for the final cut-off θ; the first touched
      // posts (those holding the most valuable terms) give a tight one at a small cost.
      const theta = this.#theta(this.pass.touched, Math.min(this.pass.touchedCount, depth * 8), depth, elig, opts);
      if (remaining + unseenMax >= theta) continue;
      candidates = this.pass.touched.slice(0, this.pass.touchedCount);
      candidateCount = this.#prune(candidates, candidates.length, depth, remaining, elig, opts, theta);
    }
    return candidates !== null
      ? this.#top(candidates, candidateCount, depth, elig, opts)
      : this.#top(this.pass.touched, this.pass.touchedCount, depth, elig, opts);
  }

  #theta(slots: Int32Array, count: number, depth: number, elig: Eligibility, opts: EngineOptions): number {
    const top = this.#top(slots, count, depth, elig, opts);
    return top.length === depth ? top[depth - 1].score : -Infinity;
  }

  // Keeps (in place) the candidates that can still reach the top `depth` with the evidence left.
  #prune(slots: Int32Array, count: number, depth: number, remaining: number, elig: Eligibility, opts: EngineOptions, known?: number): number {
    const theta = known ?? this.#theta(slots, count, depth, elig, opts);
    let kept = 0;
    for (let i = 0; i < count; i++) {
      const slot = slots[i];
      if (this.#score(slot, opts) + remaining >= theta) slots[kept++] = slot;
    }
    return kept;
  }

  #recency(slot: number, opts: EngineOptions): number {
    const created = this.state.createdAt[slot];
    if (Number.isNaN(created)) return 0;
    return 1 / (1 + Math.abs(this.#reference - created) / (opts.recencyDays * DAY_MS));
  }

  #score(slot: number, opts: EngineOptions): number {
    return this.pass.total[slot] + opts.weights.recency * this.#recency(slot, opts);
  }

  #phraseScore(plan: QueryPlan, slot: number, weight: number): number {
    if (plan.phraseMass <= 0) return 0;
    const doc = chainPairs(this.state.forward.chain(slot));
    let sum = 0;
    for (const phrase of plan.phrases) if (doc.has(phrase.key)) sum += phrase.weight * phrase.idf;
    return weight * sum / plan.phraseMass;
  }

  #eligible(slot: number, elig: Eligibility): boolean {
    const state = this.state;
    if (state.alive[slot] === 0 || slot === elig.selfSlot) return false;
    const created = state.createdAt[slot];
    if (elig.before !== undefined && !Number.isNaN(created) && !(created < elig.before)) return false;
    const id = state.ids.idOf(slot);
    if (id === null) return false;
    if (elig.exclude?.has(id) === true) return false;
    return elig.filter === undefined || elig.filter(id);
  }

  // Top `k` eligible slots; the (possibly costly) eligibility check runs only for slots that
  // would enter the current top k.
  #top(slots: Int32Array, count: number, k: number, elig: Eligibility, opts: EngineOptions): Ranked[] {
    const scores = new Float64Array(k).fill(-Infinity);
    const best = new Int32Array(k).fill(-1);
    for (let i = 0; i < count; i++) {
      const slot = slots[i];
      const score = this.#score(slot, opts);
      if (score <= scores[k - 1] || !this.#eligible(slot, elig)) continue;
      let at = k - 1;
      while (at > 0 && scores[at - 1] < score) {
        scores[at] = scores[at - 1];
        best[at] = best[at - 1];
        at--;
      }
      scores[at] = score;
      best[at] = slot;
    }
    const out: Ranked[] = [];
    for (let i = 0; i < k && best[i] >= 0; i++) out.push({ slot: best[i], score: scores[i] });
    return out;
  }

  /** Evidence of one slot for the plan of the last `run` (feedback terms included), unweighted. */
  features(plan: QueryPlan, slot: number, opts: EngineOptions): Features {
    const state = this.state;
    const p = bm25Params(state, opts);
    const sum = (jobs: Job[]): number => {
      let total = 0;
      for (const job of jobs) {
        const tf = state.forward.tfOf(slot, job.id);
        if (tf >= 0) total += contribution(state, p, job, tf, slot);
      }
      return total;
    };
    const only = (name: keyof FeatureWeights): FeatureWeights => ({ ...UNIT_WEIGHTS, text: 0, titleMatch: 0, expansion: 0, [name]: 1 });
    return {
      text: sum(wordJobs({ ...plan, expansions: [] }, opts, only('text'))),
      titleMatch: sum(wordJobs({ ...plan, expansions: [] }, opts, only('titleMatch'))),
      expansion: sum(wordJobs({ ...plan, words: [] }, opts, only('expansion'))),
      phrase: this.#phraseScore(plan, slot, 1),
      feedback: sum(feedbackJobs(this.#feedback.terms, this.#feedback.mass, opts, 1)),
      recency: this.#recency(slot, opts),
    };
  }
}
