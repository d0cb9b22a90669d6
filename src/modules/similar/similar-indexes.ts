import type { DbOrTx } from '../../db/database.ts';
import { WorkspaceIndex } from './workspace-index.ts';

// The similar-posts index service of one process: one in-memory index per workspace, built on first
// use and brought up to date with the database before every use (`ready`). Every process (web
// servers, workers) keeps its own; they agree because each one is derived from, and caught up with,
// the same PostgreSQL. A rebuild (CLI `backboard similar rebuild`, or `rebuild` here) builds a fresh
// index next to the serving one and swaps it in when complete.

export type Log = { info(obj: unknown, msg?: string): void; warn(obj: unknown, msg?: string): void };

export type SimilarIndexes = {
  /**
   * The workspace's index, built if needed and caught up with the database: with `fresh`, with every
   * change committed before the call; otherwise it may skip the catch-up for `maxStalenessMs` after
   * the previous one, unless a write was announced since (`invalidate`).
   */
  ready(workspaceId: string, opts?: { fresh?: boolean }): Promise<WorkspaceIndex>;
  /** A write to the workspace committed: the next search catches up first. */
  invalidate(workspaceId: string): void;
  /** The change feed reconnected (notifications may have been missed): every index catches up next time. */
  invalidateAll(): void;
  /** Builds a fresh index from the database and swaps it in. */
  rebuild(workspaceId: string): Promise<WorkspaceIndex>;
  /** Starts building in the background (server start-up), so the first visitor does not wait. */
  warm(workspaceId: string): void;
  /** Indexes held now, for memory reports. */
  loaded(): WorkspaceIndex[];
};

type Entry = { index: WorkspaceIndex | null; building: Promise<WorkspaceIndex> | null };

const DEFAULT_MAX_WORKSPACES = 50;

/** Default of `maxStalenessMs` (config SIMILAR_MAX_STALENESS_MS in the server). */
export const DEFAULT_MAX_STALENESS_MS = 250;

export function createSimilarIndexes(db: DbOrTx, opts: { log?: Log; maxWorkspaces?: number; maxStalenessMs?: number } = {}): SimilarIndexes {
  const entries = new Map<string, Entry>();
  const maxWorkspaces = opts.maxWorkspaces ?? DEFAULT_MAX_WORKSPACES;
  const maxStalenessMs = opts.maxStalenessMs ?? DEFAULT_MAX_STALENESS_MS;

  const build = (workspaceId: string, entry: Entry): Promise<WorkspaceIndex> => {
    entry.building ??= (async () => {
      const started = Date.now();
      const fresh = new WorkspaceIndex(workspaceId);
      try {
        await fresh.build(db);
        entry.index = fresh;
        opts.log?.info({ workspaceId, posts: fresh.size(), ms: Date.now() - started, bytes: fresh.memoryEstimate() }, 'similar-posts index built');
        return fresh;
      } finally {
        entry.building = null;
      }
    })();
    return entry.building;
  };

  const entryOf = (workspaceId: string): Entry => {
    let entry = entries.get(workspaceId);
    if (entry) {
      // most recently used last, so eviction takes the longest unused
      entries.delete(workspaceId);
      entries.set(workspaceId, entry);
      return entry;
    }
    entry = { index: null, building: null };
    entries.set(workspaceId, entry);
    for (const [id, other] of entries) {
      if (entries.size <= maxWorkspaces) break;
      if (other !== entry && other.building === null) entries.delete(id);
    }
    return entry;
  };

  const ready = async (workspaceId: string, readyOpts: { fresh?: boolean } = {}): Promise<WorkspaceIndex> => {
    const entry = entryOf(workspaceId);
    const index = entry.index ?? (await build(workspaceId, entry));
    await (readyOpts.fresh === true ? index.sync(db) : index.syncIfStale(db, maxStalenessMs));
    if (index.isRebuildRequested() && entry.building === null) {
      // the serving index stays correct (it keeps catching up); the fresh one replaces it when done
      build(workspaceId, entry).catch((error: unknown) => opts.log?.warn({ err: error, workspaceId }, 'similar-posts index rebuild failed'));
    }
    return index;
  };

  return {
    ready,
    invalidate(workspaceId) {
      entries.get(workspaceId)?.index?.markStale();
    },
    invalidateAll() {
      for (const entry of entries.values()) entry.index?.markStale();
    },
    async rebuild(workspaceId) {
      const entry = entryOf(workspaceId);
      if (entry.building) await entry.building.catch(() => {});
      const index = await build(workspaceId, entry);
      await index.sync(db);
      return index;
    },
    warm(workspaceId) {
      ready(workspaceId).catch((error: unknown) => opts.log?.warn({ err: error, workspaceId }, 'similar-posts index warm-up failed'));
    },
    loaded: () => [...entries.values()].flatMap((e) => (e.index ? [e.index] : [])),
  };
}
