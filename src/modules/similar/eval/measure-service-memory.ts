import { performance } from 'node:perf_hooks';
import { runInNewContext } from 'node:vm';
import { setFlagsFromString } from 'node:v8';
import { createIndex } from '../engine/index.ts';
import { WorkspaceIndex } from '../workspace-index.ts';
import type { PostRow } from '../similar-index.repo.ts';
import { createSyntheticWorkspace } from './synthetic-corpus.ts';

// Memory of the similar-posts index service per workspace size (docs/DUPLICATES.md "In the
// product"): the engine alone, and the service's WorkspaceIndex (engine + per-post board and change
// stamp, fed the rows a build reads), measured as the growth of the V8 heap after a full GC.
// Usage: measure-service-memory.ts [--docs 100000] [--part engine|service] [--json]

setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

function heapBytes(): number {
  collectGarbage();
  const usage = process.memoryUsage();
  return usage.heapUsed + usage.arrayBuffers;
}

function buildEngine(rows: readonly PostRow[]) {
  const engine = createIndex();
  for (const r of rows) engine.add({ id: r.id, title: r.title, body: r.body, createdAt: r.createdAt });
  return engine;
}

function buildService(rows: readonly PostRow[], boards: readonly string[]) {
  const service = new WorkspaceIndex('00000000-0000-0000-0000-000000000001');
  service.applyBoards(boards.map((id) => ({ id, isPublic: true })));
  for (let i = 0; i < rows.length; i += 500) service.apply(rows.slice(i, i + 500)); // pages, as a build reads them
  return service;
}

/** Heap growth of building one index of `docs` synthetic posts: the engine alone, or the service's WorkspaceIndex. */
export function measureServiceMemory(docs: number, part: 'engine' | 'service'): Record<string, number> {
  const data = createSyntheticWorkspace({ docs, queries: 0 });
  const boards = Array.from({ length: 5 }, () => crypto.randomUUID());
  const rows: PostRow[] = data.corpus.map((d, i) => ({
    id: crypto.randomUUID(), boardId: boards[i % boards.length], title: d.title, body: d.body,
    createdAt: d.created ?? Date.now(), updatedMicros: Date.now() * 1000 + i, isLive: true,
  }));
  const before = heapBytes();
  const started = performance.now();
  const built = part === 'engine' ? buildEngine(rows) : buildService(rows, boards);
  const seconds = (performance.now() - started) / 1000;
  const bytes = heapBytes() - before;
  // `built` and the rows are used after the measurement, so the collector cannot drop them before it
  const size = built.size();
  const estimate = built.memoryEstimate();
  if (rows.length !== size) throw new Error(`indexed ${size} of ${rows.length} posts`);
  return { docs: size, heapMiB: bytes / 2 ** 20, estimateMiB: estimate / 2 ** 20, seconds, heapMiBPer100k: (bytes / 2 ** 20) * (100_000 / docs) };
}

if (import.meta.main) {
  const args = process.argv.slice(2);
  const value = (flag: string): string | undefined => (args.indexOf(flag) >= 0 ? args[args.indexOf(flag) + 1] : undefined);
  // one part per process: V8 does not give memory back between two builds reliably enough to measure both in one
  const part = value('--part') === 'engine' ? 'engine' : 'service';
  const result = measureServiceMemory(Number(value('--docs') ?? 100_000), part);
  if (args.includes('--json')) console.log(JSON.stringify({ part, ...result }));
  else for (const [k, v] of Object.entries(result)) console.log(`${part} ${k.padEnd(16)} ${v.toFixed(2)}`);
}
