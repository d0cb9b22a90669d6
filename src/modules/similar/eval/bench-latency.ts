import { performance } from 'node:perf_hooks';
import { runInNewContext } from 'node:vm';
import { setFlagsFromString } from 'node:v8';
import { createIndex } from '../engine/index.ts';
import { loadDataset, type EvalItem } from './load-dataset.ts';
import { firstRelevantRank, percentile, summarizeRanks } from './metrics.ts';
import { createSyntheticWorkspace } from './synthetic-corpus.ts';

// Latency and memory of the engine at workspace scale (issue 3: 100k posts, p50 ≤ 5 ms, p99 ≤ 20 ms).
// Usage: bench-latency.ts [--docs 100000] [--queries 1000] [--from <dataset dir>] [--json]
// --from tiles a real corpus (ids suffixed per copy) up to --docs and queries it with its queries.

setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

function heapBytes(): number {
  // twice: array buffers freed by one collection are swept in the background, the next finishes that
  collectGarbage();
  collectGarbage();
  const usage = process.memoryUsage();
  return usage.heapUsed + usage.arrayBuffers;
}

function tile(items: EvalItem[], count: number): EvalItem[] {
  return Array.from({ length: count }, (_, i) => {
    const item = items[i % items.length];
    return { ...item, id: i < items.length ? item.id : `${item.id}#${Math.floor(i / items.length)}` };
  });
}

export function benchLatency(opts: { docs: number; queries: number; from?: string }): Record<string, number | string> {
  const data = opts.from !== undefined ? loadDataset(opts.from) : createSyntheticWorkspace({ docs: opts.docs, queries: opts.queries });
  const corpus = opts.from !== undefined ? tile(data.corpus, opts.docs) : data.corpus;
  const queries = data.queries.slice(0, opts.queries);
  const before = heapBytes();
  const t0 = performance.now();
  const index = createIndex();
  for (const d of corpus) index.add({ id: d.id, title: d.title, body: d.body, createdAt: d.created });
  index.pack(); // as the product does after a build
  const indexMs = performance.now() - t0;
  const heapDelta = heapBytes() - before;
  const result: Record<string, number | string> = {
    corpus: opts.from ?? 'synthetic', docs: index.size(), queries: queries.length,
    indexSeconds: indexMs / 1000, heapMiB: heapDelta / 2 ** 20, estimateMiB: index.memoryEstimate() / 2 ** 20,
  };
  for (const titleOnly of [false, true]) {
    for (const q of queries.slice(0, 50)) index.search({ title: q.title, body: titleOnly ? '' : q.body });
    const latencies: number[] = [];
    const cpuTimes: number[] = [];
    const ranks: number[] = [];
    for (const q of queries) {
      const cpu0 = process.cpuUsage();
      const start = performance.now();
      const hits = index.search({ title: q.title, body: titleOnly ? '' : q.body, limit: 10, now: q.created });
      latencies.push(performance.now() - start);
      const cpu = process.cpuUsage(cpu0);
      cpuTimes.push((cpu.user + cpu.system) / 1000);
      // A tiled copy "X#2" of a relevant item is as relevant as X.
      ranks.push(firstRelevantRank(hits.map((h) => h.id.split('#')[0]), data.relevant.get(q.id) ?? new Set()));
    }
    const mode = titleOnly ? 'titleOnly' : 'titleBody';
    result[`${mode}P50Ms`] = percentile(latencies, 0.5);
    result[`${mode}P99Ms`] = percentile(latencies, 0.99);
    result[`${mode}CpuP50Ms`] = percentile(cpuTimes, 0.5);
    result[`${mode}CpuP99Ms`] = percentile(cpuTimes, 0.99);
    result[`${mode}Hit10`] = summarizeRanks(ranks).hit10;
  }
  return result;
}

if (import.meta.main) {
  const args = process.argv.slice(2);
  const value = (flag: string): string | undefined => {
    const at = args.indexOf(flag);
    return at >= 0 ? args[at + 1] : undefined;
  };
  const result = benchLatency({ docs: Number(value('--docs') ?? 100_000), queries: Number(value('--queries') ?? 1000), from: value('--from') });
  if (args.includes('--json')) console.log(JSON.stringify(result));
  else for (const [k, v] of Object.entries(result)) console.log(`${k.padEnd(16)} ${typeof v === 'number' ? v.toFixed(2) : v}`);
}
