import type { Features } from './rank.ts';
import type { SimilarIndex } from './similar-index.ts';
import { FEATURE_NAMES, resolveOptions, type EngineOptions, type FeatureWeights } from './types.ts';

// Learning from a workspace's own decisions. Every merge is a labelled duplicate pair and every
// "not a duplicate" a labelled non-duplicate. From them:
// 1. ranking constraints: a post's merge target should outrank (a) posts explicitly marked "not
//    a duplicate" of it and (b) the posts the engine ranked above or next to the target but the
//    admin did not choose (implicit negatives, as in learning to rank from clicks);
// 2. feature weights fitted by pairwise logistic regression, regularised towards the current
//    weights so that a handful of decisions only nudges them, and kept ≥ 0 so scores stay
//    explainable;
// 3. the scale of the recency prior and the title/body field weight tried at a few settings;
//    a setting is kept only if it ranks the decided targets higher than the current options do
//    (judged by full searches, so weights that please the mined pairs but flood the top with
//    other posts are rejected);
// 4. the suggestion threshold that best separates the labelled pairs (F1).

export type LabelledPair = { a: string; b: string; duplicate: boolean };

export type CalibrationSettings = {
  /** L2 pull towards the current weights; larger = more decisions needed to move them */
  regularization?: number;
  /** implicit negatives taken per merged post from the engine's own suggestions */
  competitors?: number;
};

type Constraint = { better: Features; worse: Features };

const MINING_ROUNDS = 2;
const ITERATIONS = 400;
const STEP = 0.5;

function toVector(f: Features): number[] {
  return FEATURE_NAMES.map((name) => f[name]);
}

function fitWeights(constraints: Constraint[], prior: FeatureWeights, lambda: number): { weights: FeatureWeights; loss: number } {
  const w0 = FEATURE_NAMES.map((name) => prior[name]);
  const diffs = constraints.map((c) => {
    const a = toVector(c.better);
    const b = toVector(c.worse);
    return a.map((x, i) => x - b[i]);
  });
  const w = [...w0];
  let loss = 0;
  for (let iter = 0; iter < ITERATIONS; iter++) {
    const grad = w.map((wi, i) => 2 * lambda * (wi - w0[i]));
    loss = w.reduce((sum, wi, i) => sum + lambda * (wi - w0[i]) ** 2, 0);
    for (const d of diffs) {
      const margin = d.reduce((sum, x, i) => sum + x * w[i], 0);
      loss += Math.log1p(Math.exp(-margin)) / diffs.length;
      const g = -1 / (1 + Math.exp(margin)) / diffs.length;
      for (let i = 0; i < w.length; i++) grad[i] += g * d[i];
    }
    for (let i = 0; i < w.length; i++) w[i] = Math.max(0, w[i] - STEP * grad[i]);
  }
  const weights = { ...prior };
  FEATURE_NAMES.forEach((name, i) => {
    weights[name] = w[i];
  });
  return { weights, loss };
}

function score(f: Features, w: FeatureWeights): number {
  return FEATURE_NAMES.reduce((sum, name) => sum + f[name] * w[name], 0);
}

// Threshold with the best F1 on the labelled pairs; with no negatives, one that keeps 90% recall.
function chooseThreshold(positives: number[], negatives: number[], fallback: number): number {
  if (positives.length === 0) return fallback;
  const sortedPos = [...positives].sort((a, b) => a - b);
  if (negatives.length === 0) return sortedPos[Math.floor(sortedPos.length * 0.1)];
  let best = { f1: -1, threshold: fallback };
  for (const t of [...positives, ...negatives]) {
    const tp = positives.filter((s) => s >= t).length;
    const fp = negatives.filter((s) => s >= t).length;
    const f1 = (2 * tp) / (2 * tp + fp + (positives.length - tp));
    if (f1 > best.f1) best = { f1, threshold: t };
  }
  return best.threshold;
}

type Query = { a: string; positives: string[]; negatives: string[]; explicit: Set<string> };

function groupDecisions(index: SimilarIndex, pairs: readonly LabelledPair[]): Query[] {
  const byA = new Map<string, Query>();
  for (const pair of pairs) {
    if (!index.has(pair.a) || !index.has(pair.b) || pair.a === pair.b) continue;
    const query = byA.get(pair.a) ?? { a: pair.a, positives: [], negatives: [], explicit: new Set<string>() };
    if (pair.duplicate) query.positives.push(pair.b);
    else {
      query.negatives.push(pair.b);
      query.explicit.add(pair.b);
    }
    byA.set(pair.a, query);
  }
  return [...byA.values()].filter((q) => q.positives.length > 0 || q.negatives.length > 0);
}

// Implicit negatives: what the engine (with `opts`) suggests above or near the chosen target.
function mineCompetitors(index: SimilarIndex, queries: Query[], opts: EngineOptions, count: number): Query[] {
  const saved = index.options();
  index.configure(opts);
  const mined = queries.map((q) => {
    if (q.positives.length === 0) return q;
    const known = new Set([...q.positives, ...q.negatives]);
    const fresh = index.searchById(q.a, { limit: count + known.size }).map((h) => h.id).filter((id) => !known.has(id)).slice(0, count);
    return { ...q, negatives: [...q.negatives, ...fresh] };
  });
  index.configure(saved);
  return mined;
}

// Mean reciprocal rank of the chosen targets when each decided post is searched with `opts`.
function rankDecisions(index: SimilarIndex, queries: Query[], opts: EngineOptions): number {
  const saved = index.options();
  index.configure(opts);
  let sum = 0;
  let n = 0;
  for (const q of queries) {
    if (q.positives.length === 0) continue;
    const targets = new Set(q.positives);
    const at = index.searchById(q.a, { limit: 10 }).findIndex((h) => targets.has(h.id));
    sum += at < 0 ? 0 : 1 / (at + 1);
    n++;
  }
  index.configure(saved);
  return n === 0 ? 0 : sum / n;
}

function collect(index: SimilarIndex, queries: Query[], trial: Partial<EngineOptions>): { constraints: Constraint[]; labelled: Array<{ features: Features; duplicate: boolean }> } {
  const constraints: Constraint[] = [];
  const labelled: Array<{ features: Features; duplicate: boolean }> = [];
  for (const q of queries) {
    const features = index.pairFeatures(q.a, [...q.positives, ...q.negatives], trial);
    const pos = features.slice(0, q.positives.length).filter((f): f is Features => f !== null);
    for (const f of pos) labelled.push({ features: f, duplicate: true });
    features.slice(q.positives.length).forEach((worse, i) => {
      if (worse === null) return;
      for (const better of pos) constraints.push({ better, worse });
      if (q.explicit.has(q.negatives[i])) labelled.push({ features: worse, duplicate: false });
    });
  }
  return { constraints, labelled };
}

/**
 * Options calibrated on the labelled pairs (ids must be in the index); apply with index.configure.
 * The result is kept only if it ranks the decided targets better than the current options do.
 */
export function calibrate(index: SimilarIndex, pairs: readonly LabelledPair[], settings: CalibrationSettings = {}): EngineOptions {
  const current = index.options();
  const lambda = settings.regularization ?? 0.05;
  const competitors = settings.competitors ?? 3;
  const queries = groupDecisions(index, pairs);
  if (queries.every((q) => q.positives.length === 0)) return current;
  let best = { options: current, mrr: rankDecisions(index, queries, current) };
  const recencies = new Set([current.recencyDays, current.recencyDays / 10, current.recencyDays * 6]);
  const titleWeights = new Set([current.titleWeight, current.titleWeight / 2, current.titleWeight * 1.7]);
  for (const recencyDays of recencies) {
    for (const titleWeight of titleWeights) {
      const trial = { recencyDays, titleWeight };
      let candidate = resolveOptions({ ...current, ...trial });
      let mined = queries;
      // Hard-negative rounds: re-mine what the newly fitted weights would wrongly suggest.
      for (let round = 0; round < MINING_ROUNDS; round++) {
        mined = mineCompetitors(index, mined, candidate, competitors);
        const fit = fitWeights(collect(index, mined, trial).constraints, current.weights, lambda);
        candidate = resolveOptions({ ...current, ...trial, weights: fit.weights });
      }
      const mrr = rankDecisions(index, queries, candidate);
      if (mrr > best.mrr) best = { options: candidate, mrr };
    }
  }
  const { labelled } = collect(index, queries, { recencyDays: best.options.recencyDays, titleWeight: best.options.titleWeight });
  const w = best.options.weights;
  const threshold = chooseThreshold(
    labelled.filter((l) => l.duplicate).map((l) => score(l.features, w)),
    labelled.filter((l) => !l.duplicate).map((l) => score(l.features, w)),
    current.threshold,
  );
  return { ...best.options, threshold };
}
