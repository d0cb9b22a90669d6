import { performance } from 'node:perf_hooks';
import { createIndex } from '../engine/index.ts';
import type { EngineOptions } from '../engine/types.ts';
import { createBaselineIndex } from './baseline-bm25.ts';
import { loadDataset, type Dataset, type EvalItem } from './load-dataset.ts';
import { firstRelevantRank, percentile, summarizeRanks, type RankingMetrics } from './metrics.ts';

export type EvalSettings = {
  timeAware?: boolean;
  titleOnly?: boolean;
  /** rank with the plain-BM25 reference instead of the engine */
  baseline?: boolean;
  options?: Partial<EngineOptions>;
  /** only evaluate queries for which this returns true (e.g. a cross-validation fold) */
  queryFilter?: (query: EvalItem) => boolean;
};

export type EvalResult = RankingMetrics & {
  p50Ms: number;
  p99Ms: number;
  /** the same percentiles in CPU time of this process: robust when other jobs share the cores */
  cpuP50Ms: number;
  cpuP99Ms: number;
  indexMs: number;
  docs: number;
  memoryBytes?: number;
};

const LIMIT = 10;
const WARMUP_QUERIES = 50;

function rankerFor(data: Dataset, settings: EvalSettings): { rank: (q: EvalItem) => string[]; memory?: () => number } {
  if (settings.baseline === true) {
    const baseline = createBaselineIndex(data.corpus.map((d) => ({ ...d, createdAt: d.created })));
    return {
      rank: (q) => baseline.search(q.title, settings.titleOnly === true ? '' : q.body, LIMIT,
        settings.timeAware === true ? q.created : undefined),
    };
  }
  const index = createIndex(settings.options);
  // The same add() the product calls when a post is created.
  for (const doc of data.corpus) index.add({ id: doc.id, title: doc.title, body: doc.body, createdAt: doc.created });
  return {
    rank: (q) => index.search({
      title: q.title,
      body: settings.titleOnly === true ? '' : q.body,
      limit: LIMIT,
      before: settings.timeAware === true ? q.created : undefined,
      now: q.created,
    }).map((hit) => hit.id),
    memory: () => index.memoryEstimate(),
  };
}

/** Ranks every query of a dataset folder and reports Hit@k, MRR@10 and per-query latency. */
export function evaluateDataset(data: Dataset, settings: EvalSettings = {}): EvalResult {
  const started = performance.now();
  const ranker = rankerFor(data, settings);
  const indexMs = performance.now() - started;
  const queries = data.queries.filter((q) => settings.queryFilter?.(q) ?? true);
  for (const q of queries.slice(0, WARMUP_QUERIES)) ranker.rank(q); // JIT warm-up, not timed
  const ranks: number[] = [];
  const latencies: number[] = [];
  const cpuTimes: number[] = [];
  for (const q of queries) {
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    const ids = ranker.rank(q);
    latencies.push(performance.now() - t0);
    const cpu = process.cpuUsage(cpu0);
    cpuTimes.push((cpu.user + cpu.system) / 1000);
    ranks.push(firstRelevantRank(ids, data.relevant.get(q.id) ?? new Set()));
  }
  return {
    ...summarizeRanks(ranks),
    p50Ms: percentile(latencies, 0.5),
    p99Ms: percentile(latencies, 0.99),
    cpuP50Ms: percentile(cpuTimes, 0.5),
    cpuP99Ms: percentile(cpuTimes, 0.99),
    indexMs,
    docs: data.corpus.length,
    memoryBytes: ranker.memory?.(),
  };
}

export function evaluateDuplicates(dir: string, settings: EvalSettings = {}): EvalResult {
  return evaluateDataset(loadDataset(dir), settings);
}

function formatResult(dir: string, settings: EvalSettings, r: EvalResult): string {
  const mode = [settings.baseline === true ? 'plain BM25' : 'engine', settings.timeAware === true ? 'time-aware' : 'all items',
    settings.titleOnly === true ? 'title only' : 'title+body'].join(', ');
  const f = (x: number): string => x.toFixed(3);
  return [
    `${dir} (${mode}; ${r.docs} items, ${r.queries} queries)`,
    `Hit@1 ${f(r.hit1)}  Hit@5 ${f(r.hit5)}  Hit@10 ${f(r.hit10)}  MRR@10 ${f(r.mrr10)}`,
    `latency p50 ${r.p50Ms.toFixed(2)} ms  p99 ${r.p99Ms.toFixed(2)} ms  (CPU time p50 ${r.cpuP50Ms.toFixed(2)} ms  p99 ${r.cpuP99Ms.toFixed(2)} ms)`,
    `(indexing ${(r.indexMs / 1000).toFixed(1)} s` +
      (r.memoryBytes !== undefined ? `, index ≈ ${(r.memoryBytes / 2 ** 20).toFixed(0)} MiB)` : ')'),
  ].join('\n');
}

if (import.meta.main) {
  const args = process.argv.slice(2);
  const optionsAt = args.indexOf('--options');
  const dir = args.find((a, i) => !a.startsWith('--') && (optionsAt < 0 || i !== optionsAt + 1));
  if (dir === undefined) {
    console.error("usage: run-eval.ts <dir> [--time-aware] [--title-only] [--baseline] [--json] [--options '<EngineOptions JSON>']");
    process.exit(2);
  }
  const settings: EvalSettings = {
    timeAware: args.includes('--time-aware'),
    titleOnly: args.includes('--title-only'),
    baseline: args.includes('--baseline'),
    // e.g. --options '{"weights":{"phrase":0}}' for an ablation
    options: optionsAt >= 0 ? (JSON.parse(args[optionsAt + 1]) as Partial<EngineOptions>) : undefined,
  };
  const result = evaluateDuplicates(dir, settings);
  console.log(args.includes('--json') ? JSON.stringify(result) : formatResult(dir, settings, result));
}
