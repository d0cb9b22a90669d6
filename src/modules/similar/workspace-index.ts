import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import type { DbOrTx } from '../../db/database.ts';
import { createIndex, DEFAULT_OPTIONS, type EngineOptions, type SearchHit, type SimilarIndex } from './engine/index.ts';
import { readCatchUp, readHorizon, readLivePosts, type BoardRow, type PostRow, type SettingsRow } from './similar-index.repo.ts';
import { parseStoredOptions } from './stored-options.ts';
import { PostTable } from './post-table.ts';

// One workspace's similar-posts index: the engine over its live posts (not deleted, not merged),
// what the engine does not keep (board, last change), and the catch-up state. Derived from the
// database only; `sync` brings it up to date (see similar-index.repo.ts for why it reads from the
// horizon of the statement before the previous catch-up).

const BUILD_PAGE = 500;
const CATCH_UP_PAGE = 1000;
/** Clock skew allowance for writers that stamp updated_at themselves (the trigger never lets it go back). */
const SKEW_MARGIN_MICROS = 1_000_000;
const ZERO_UUID = '00000000-0000-0000-0000-000000000000';

type BoardInfo = { id: string; isPublic: boolean };

export type SimilarScope = {
  /** the team sees private boards; everyone else public boards only */
  isTeam: boolean;
  boardId?: string;
};

export type WorkspaceSearch = SimilarScope & { title: string; body?: string; limit: number; before?: number; now?: number; exclude?: ReadonlySet<string> };

export class WorkspaceIndex {
  readonly workspaceId: string;
  readonly engine: SimilarIndex;
  /** horizon read before the build's first page, microseconds since the epoch */
  builtFrom = 0;
  #posts = new PostTable();
  #boards = new Map<string, BoardInfo>();
  #horizons = { previous: 0, last: 0 };
  #settingsVersion = 0;
  #rebuildRequestedAt: number | null = null;
  #syncing: Promise<void> | null = null;
  #queued: Promise<void> | null = null;
  /** when the last catch-up started (performance.now), and whether a write is known to have happened since */
  #caughtUpAt = Number.NEGATIVE_INFINITY;
  #isStale = true;

  constructor(workspaceId: string, options?: Partial<EngineOptions>) {
    this.workspaceId = workspaceId;
    this.engine = createIndex(options);
  }

  /** Full build from the database; the caller publishes the index once this resolves. */
  async build(db: DbOrTx): Promise<void> {
    const horizon = await readHorizon(db);
    this.builtFrom = horizon;
    this.#horizons = { previous: horizon, last: horizon };
    let after: string | null = null;
    for (;;) {
      const page = await readLivePosts(db, this.workspaceId, after, BUILD_PAGE);
      this.apply(page);
      if (page.length < BUILD_PAGE) break;
      after = page[page.length - 1].id;
      await yieldToEventLoop();
    }
    this.engine.pack();
    await this.sync(db);
  }

  /**
   * Catches up with every change committed before this call (single flight: callers arriving while
   * a catch-up runs share the next one, which starts after the running one ends).
   */
  sync(db: DbOrTx): Promise<void> {
    if (this.#syncing === null) {
      this.#syncing = this.#catchUp(db).finally(() => {
        this.#syncing = null;
      });
      return this.#syncing;
    }
    this.#queued ??= this.#syncing.catch(() => {}).then(() => {
      this.#queued = null;
      return this.sync(db);
    });
    return this.#queued;
  }

  /**
   * Catches up unless a catch-up started less than `maxStalenessMs` ago and no write was announced
   * since (markStale): what a search may skip, bounded in time.
   */
  syncIfStale(db: DbOrTx, maxStalenessMs: number): Promise<void> {
    if (!this.#isStale && performance.now() - this.#caughtUpAt < maxStalenessMs) return Promise.resolve();
    return this.sync(db);
  }

  /** A write to this workspace committed (told by this process or the change feed): catch up next time. */
  markStale(): void {
    this.#isStale = true;
  }

  async #catchUp(db: DbOrTx): Promise<void> {
    // stamped before reading: a write announced from now on marks the index stale again
    this.#caughtUpAt = performance.now();
    this.#isStale = false;
    let from = { micros: this.#horizons.previous - SKEW_MARGIN_MICROS, id: ZERO_UUID };
    let horizon = this.#horizons.last;
    for (;;) {
      const page = await readCatchUp(db, this.workspaceId, from, CATCH_UP_PAGE);
      horizon = page.horizon;
      this.applyBoards(page.boards);
      this.applySettings(page.settings);
      this.apply(page.changes);
      if (page.changes.length < CATCH_UP_PAGE) break;
      const last = page.changes[page.changes.length - 1];
      // the next page starts at the last row again (>=): re-reading it is harmless, skipping is not
      from = { micros: last.updatedMicros, id: last.id };
      await yieldToEventLoop();
    }
    this.#horizons = { previous: this.#horizons.last, last: horizon };
  }

  /** Applies post rows (from a build page or a catch-up); returns how many changed the index. */
  apply(rows: readonly PostRow[]): number {
    let changed = 0;
    for (const row of rows) {
      const known = this.#posts.updatedMicros(row.id);
      if (known === row.updatedMicros && row.isLive) continue;
      if (!row.isLive) {
        if (known !== undefined) this.remove(row.id);
        continue;
      }
      this.engine.add({ id: row.id, title: row.title, body: row.body, createdAt: row.createdAt });
      this.#posts.set(row.id, row.updatedMicros, row.boardId);
      changed++;
    }
    return changed;
  }

  remove(id: string): void {
    this.engine.remove(id);
    this.#posts.delete(id);
  }

  /** The workspace's boards as they are now: visibility changes apply at once, deleted boards' posts leave. */
  applyBoards(boards: readonly BoardRow[]): void {
    const vanished = [...this.#boards.keys()].filter((id) => !boards.some((b) => b.id === id));
    for (const b of boards) {
      const known = this.#boards.get(b.id);
      if (known) known.isPublic = b.isPublic;
      else this.#boards.set(b.id, { id: b.id, isPublic: b.isPublic });
    }
    if (vanished.length === 0) return;
    const gone = new Set(vanished);
    for (const id of gone) this.#boards.delete(id);
    // a deleted board takes its posts with it (on delete cascade): no post row tells us so
    for (const postId of this.#posts.onBoards(gone)) this.remove(postId);
  }

  applySettings(settings: SettingsRow | null): void {
    this.#rebuildRequestedAt = settings?.rebuildRequestedAt ?? null;
    const version = settings?.version ?? 0;
    if (version === this.#settingsVersion) return;
    this.#settingsVersion = version;
    this.engine.configure(parseStoredOptions(settings?.options ?? null) ?? DEFAULT_OPTIONS);
  }

  /** True once someone asked for a rebuild after this index started building. */
  isRebuildRequested(): boolean {
    return this.#rebuildRequestedAt !== null && this.#rebuildRequestedAt > this.builtFrom;
  }

  isVisible(postId: string, scope: SimilarScope): boolean {
    const boardId = this.#posts.boardOf(postId);
    if (boardId === undefined) return false;
    const board = this.#boards.get(boardId);
    if (board === undefined) return false;
    if (!scope.isTeam && !board.isPublic) return false;
    return scope.boardId === undefined || scope.boardId === boardId;
  }

  hasBoard(boardId: string, scope: SimilarScope): boolean {
    const board = this.#boards.get(boardId);
    return board !== undefined && (scope.isTeam || board.isPublic);
  }

  postIds(): string[] {
    return this.#posts.ids();
  }

  has(postId: string): boolean {
    return this.#posts.has(postId);
  }

  size(): number {
    return this.#posts.size;
  }

  search(query: WorkspaceSearch): SearchHit[] {
    return this.engine.search({
      title: query.title, body: query.body, limit: query.limit, before: query.before, now: query.now, exclude: query.exclude,
      filter: (id) => this.isVisible(id, query),
    });
  }

  /** Engine estimate plus this wrapper's per-post table. */
  memoryEstimate(): number {
    return this.engine.memoryEstimate() + this.#posts.byteEstimate();
  }
}
