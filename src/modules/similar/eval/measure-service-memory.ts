import { readFileSync, writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { runInNewContext } from 'node:vm';
import { setFlagsFromString } from 'node:v8';
import { createIndex } from '../engine/index.ts';
import { WorkspaceIndex } from '../workspace-index.ts';
import type { PostRow } from '../similar-index.repo.ts';
import { createSyntheticWriter } from './synthetic-corpus.ts';

// Memory of the similar-posts index service per workspace size (docs/DUPLICATES.md "In the
// product"): the engine alone, or the service's WorkspaceIndex (engine + per-post board and change
// stamp), built from pages of 500 rows generated on the fly, as a server reads them from the
// database (so only a page of text is alive at a time, and the ids are the index's own). Reports
// - heapMiB: growth of the V8 heap (plus array buffers) after a full GC: what the index keeps;
// - peakRssMiB: the process's peak RSS during the build (VmHWM, reset just before it) minus its RSS
//   before: what the build costs the machine, transient garbage included;
// - rssAfterMiB: RSS growth after the build and a full GC.
// Usage: measure-service-memory.ts [--docs 100000] [--part engine|service] [--json]

setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

const PAGE = 500;

export function heapBytes(): number {
  // twice: array buffers freed by one collection are swept in the background, the next finishes that
  collectGarbage();
  collectGarbage();
  const usage = process.memoryUsage();
  return usage.heapUsed + usage.arrayBuffers;
}

/** VmRSS and VmHWM of this process, in bytes (Linux). */
export function residentBytes(): { rss: number; peak: number } {
  const status = readFileSync('/proc/self/status', 'utf8');
  const kib = (name: string): number => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? Number.NaN) * 1024;
  return { rss: kib('VmRSS'), peak: kib('VmHWM') };
}

/** Makes VmHWM start again from the current RSS (Linux ≥ 4.0), so it tells the build's own peak. */
export function resetPeak(): void {
  writeFileSync('/proc/self/clear_refs', '5');
}

type Built = { size(): number; memoryEstimate(): number };

/** A uuid as the database driver gives it: one flat string (randomUUID builds a tree of ~14 pieces, ~450 bytes). */
function flatUuid(): string {
  return Buffer.from(crypto.randomUUID(), 'latin1').toString('latin1');
}

/** Heap and RSS growth of building one index of `docs` synthetic posts: the engine alone, or the service's WorkspaceIndex. */
export function measureServiceMemory(docs: number, part: 'engine' | 'service'): Record<string, number> {
  const writer = createSyntheticWriter({ docs, queries: 0 });
  const boards = Array.from({ length: 5 }, flatUuid);
  const page = (from: number): PostRow[] => {
    const rows: PostRow[] = [];
    for (let i = from; i < Math.min(docs, from + PAGE); i++) {
      const { item } = writer.post(i);
      rows.push({
        id: flatUuid(), boardId: boards[i % boards.length], title: item.title, body: item.body,
        createdAt: item.created ?? Date.now(), updatedMicros: Date.now() * 1000 + i, isLive: true,
      });
    }
    return rows;
  };
  const heapBefore = heapBytes();
  const rssBefore = residentBytes().rss;
  resetPeak();
  const started = performance.now();
  let built: Built;
  if (part === 'engine') {
    const engine = createIndex();
    for (let from = 0; from < docs; from += PAGE) {
      for (const r of page(from)) engine.add({ id: r.id, title: r.title, body: r.body, createdAt: r.createdAt });
    }
    engine.pack();
    built = engine;
  } else {
    const service = new WorkspaceIndex('00000000-0000-0000-0000-000000000001');
    service.applyBoards(boards.map((id) => ({ id, isPublic: true })));
    for (let from = 0; from < docs; from += PAGE) service.apply(page(from));
    service.engine.pack(); // as WorkspaceIndex.build does after its last page
    built = service;
  }
  const seconds = (performance.now() - started) / 1000;
  const peak = residentBytes().peak;
  const heap = heapBytes() - heapBefore;
  const rssAfter = residentBytes().rss;
  // `built` is used after the measurement, so the collector cannot drop it before
  const size = built.size();
  if (size !== docs) throw new Error(`indexed ${size} of ${docs} posts`);
  const mib = (bytes: number): number => bytes / 2 ** 20;
  return {
    docs: size, heapMiB: mib(heap), estimateMiB: mib(built.memoryEstimate()),
    peakRssMiB: mib(peak - rssBefore), rssAfterMiB: mib(rssAfter - rssBefore), seconds,
  };
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
