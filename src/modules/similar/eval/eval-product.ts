import { randomBytes } from 'node:crypto';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Config } from '../../../config.ts';
import type { Db } from '../../../db/database.ts';
import { openDatabase } from '../../../db/open-database.ts';
import { createMailer } from '../../../email/create-mailer.ts';
import type { Mailer } from '../../../email/mailer.ts';
import type { Context } from '../../context.ts';
import { createBoard } from '../../boards/index.ts';
import { createWorkspace } from '../../workspaces/index.ts';
import { findSimilarPosts } from '../find-similar-posts.ts';
import { createSimilarIndexes } from '../similar-indexes.ts';
import { cancelDuplicateChecks } from '../similar-jobs.ts';
import { importPost } from './import-post.ts';
import { loadDataset, type EvalItem } from './load-dataset.ts';
import { firstRelevantRank, percentile, summarizeRanks, type RankingMetrics } from './metrics.ts';

// `backboard eval duplicates <dir>`: the evaluation through the product path. The corpus becomes
// posts of a throw-away workspace (createPost as the system, creation times replayed), the index is
// built by the same service the server uses, and every query goes through findSimilarPosts — the
// function behind GET /api/v1/posts/similar — so the latency includes catching the index up with
// the database and reading the posts, as a visitor would see it.

export type ProductEvalSettings = { timeAware?: boolean; titleOnly?: boolean; concurrency?: number; progress?: (message: string) => void };

export type ProductEvalResult = RankingMetrics & {
  p50Ms: number;
  p99Ms: number;
  posts: number;
  skipped: number;
  importSeconds: number;
  indexSeconds: number;
  indexBytes: number;
};

const BOARDS = 4;
const LIMIT = 10;
const WARMUP_QUERIES = 20;

const silent = { info() {}, warn() {}, error() {} };

async function mapConcurrent<T>(items: readonly T[], concurrency: number, fn: (item: T, i: number) => Promise<void>): Promise<void> {
  let next = 0;
  const run = async () => {
    while (next < items.length) {
      const i = next++;
      await fn(items[i], i);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, concurrency) }, run));
}

const oneLine = (text: string): string => text.replace(/\s+/g, ' ').trim();

/** Runs the evaluation in a new workspace of `db` and deletes the workspace afterwards. */
export async function evaluateThroughProduct(db: Db, deps: { config: Config; mailer: Mailer }, dir: string, settings: ProductEvalSettings = {}): Promise<ProductEvalResult> {
  const data = loadDataset(dir);
  const progress = settings.progress ?? (() => {});
  const { workspace } = await createWorkspace(db, { name: 'Duplicate evaluation', slug: `eval-${randomBytes(6).toString('hex')}` });
  const system: Context = { actor: { kind: 'system', workspaceId: workspace.id }, db, now: new Date(), config: deps.config, mailer: deps.mailer, log: silent };
  try {
    // several boards: each post creation locks its board's counter row until it commits
    const boards: Array<{ id: string }> = [];
    for (let i = 0; i < BOARDS; i++) boards.push(await createBoard(system, { name: `Evaluation ${i + 1}`, visibility: 'public' }));
    const itemOf = new Map<string, string>();
    let skipped = 0;
    const importStarted = performance.now();
    await mapConcurrent(data.corpus, settings.concurrency ?? 4, async (item, i) => {
      const title = oneLine(item.title);
      // the product refuses titles under 3 characters; such items cannot be posts
      if (title.length < 3) {
        skipped++;
        return;
      }
      const postId = await importPost(system, {
        boardId: boards[i % BOARDS].id, title, body: item.body, createdAt: item.created === undefined ? undefined : new Date(item.created),
      });
      itemOf.set(postId, item.id);
      if ((i + 1) % 5000 === 0) progress(`imported ${i + 1} of ${data.corpus.length} posts`);
    });
    const importSeconds = (performance.now() - importStarted) / 1000;
    await cancelDuplicateChecks(db, workspace.id);

    const indexes = createSimilarIndexes(db);
    const indexStarted = performance.now();
    const index = await indexes.ready(workspace.id);
    const indexSeconds = (performance.now() - indexStarted) / 1000;
    progress(`index of ${index.size()} posts built in ${indexSeconds.toFixed(1)} s`);

    const anonymous: Context = { ...system, actor: { kind: 'anonymous', workspaceId: workspace.id } };
    const rank = async (q: EvalItem): Promise<string[]> => {
      const text = settings.titleOnly === true ? oneLine(q.title) : `${oneLine(q.title)}\n${q.body}`;
      const created = q.created === undefined ? undefined : new Date(q.created);
      const items = await findSimilarPosts(anonymous, indexes, {
        q: text, limit: LIMIT, before: settings.timeAware === true ? created : undefined, now: created,
      });
      return items.map((item) => itemOf.get(item.id) ?? item.id);
    };
    for (const q of data.queries.slice(0, WARMUP_QUERIES)) await rank(q); // JIT warm-up, not timed
    const ranks: number[] = [];
    const latencies: number[] = [];
    for (const q of data.queries) {
      const started = performance.now();
      const ids = await rank(q);
      latencies.push(performance.now() - started);
      ranks.push(firstRelevantRank(ids, data.relevant.get(q.id) ?? new Set()));
    }
    return {
      ...summarizeRanks(ranks), p50Ms: percentile(latencies, 0.5), p99Ms: percentile(latencies, 0.99),
      posts: index.size(), skipped, importSeconds, indexSeconds, indexBytes: index.memoryEstimate(),
    };
  } finally {
    await db.deleteFrom('workspaces').where('id', '=', workspace.id).execute();
  }
}

export function formatProductEval(dir: string, settings: ProductEvalSettings, r: ProductEvalResult): string {
  const f = (x: number): string => x.toFixed(3);
  const mode = [settings.timeAware === true ? 'time-aware' : 'all items', settings.titleOnly === true ? 'title only' : 'title+body'].join(', ');
  return [
    `${dir} (${mode}; ${r.posts} posts${r.skipped ? `, ${r.skipped} items skipped: title under 3 characters` : ''}; ${r.queries} queries)`,
    `Hit@1 ${f(r.hit1)}  Hit@5 ${f(r.hit5)}  Hit@10 ${f(r.hit10)}  MRR@10 ${f(r.mrr10)}`,
    `latency p50 ${r.p50Ms.toFixed(2)} ms  p99 ${r.p99Ms.toFixed(2)} ms  (findSimilarPosts: catch-up, ranking, reading the posts)`,
    `import ${r.importSeconds.toFixed(0)} s through createPost; index built in ${r.indexSeconds.toFixed(1)} s, ≈ ${(r.indexBytes / 2 ** 20).toFixed(0)} MiB`,
  ].join('\n');
}

/**
 * The CLI's entry: on DATABASE_URL when the config names one, otherwise on an embedded PostgreSQL
 * in a temporary data directory that is removed afterwards.
 */
export async function runDuplicateEval(config: Config, dir: string, settings: ProductEvalSettings): Promise<ProductEvalResult> {
  const tempDir = config.databaseUrl ? null : await mkdtemp(path.join(os.tmpdir(), 'backboard-eval-'));
  // run as root, the embedded server drops to the postgres OS user, which must reach the directory
  if (tempDir) await chmod(tempDir, 0o711);
  const effective: Config = tempDir ? { ...config, dataDir: tempDir } : config;
  const log = { info: () => {}, warn: (m: string) => settings.progress?.(m) };
  try {
    const opened = await openDatabase(effective, log, { poolSize: 8 });
    const mailer = createMailer(effective, silent);
    try {
      settings.progress?.(`database: ${opened.description}`);
      return await evaluateThroughProduct(opened.db, { config: effective, mailer }, dir, settings);
    } finally {
      await mailer.close();
      await opened.close();
    }
  } finally {
    if (tempDir) await rm(tempDir, { recursive: true, force: true });
  }
}
