import { execFile } from 'node:child_process';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { sql } from 'kysely';
import { loadConfig } from '../../../config.ts';
import { createDatabase, type Db } from '../../../db/database.ts';
import { openDatabase } from '../../../db/open-database.ts';
import { createWorkspace } from '../../workspaces/index.ts';
import { readLivePosts } from '../similar-index.repo.ts';
import { WorkspaceIndex } from '../workspace-index.ts';
import { heapBytes, residentBytes, resetPeak } from './measure-service-memory.ts';
import { createSyntheticWriter } from './synthetic-corpus.ts';

// What building a workspace's similar-posts index costs a server process, end to end: the posts are
// read from PostgreSQL by the server's own build (WorkspaceIndex.build: pages of rows through the
// pg driver), in a fresh process. The parent seeds an embedded PostgreSQL in a temporary directory
// with synthetic posts; each child reports its heap growth after a full GC and its peak RSS growth
// during the build (VmHWM, reset just before). Two children:
// - fresh: nothing ran before the build;
// - warm: the child first reads every post once, as a server that has served traffic has done:
//   V8's young generation then already has the size such work gives it (reading 100k rows through
//   the driver alone grows it from 1 MiB to its maximum), so the growth is the build's own.
// Usage: measure-build-rss.ts [--docs 100000] [--node-flags '--max-semi-space-size=8'] [--json]

const SEED_BATCH = 5000;
const READ_PAGE = 500;

async function seed(db: Db, docs: number): Promise<string> {
  const { workspace } = await createWorkspace(db, { name: 'Memory measurement', slug: `memory-${Date.now()}` });
  await sql`insert into boards (workspace_id, name, slug, visibility)
    select ${workspace.id}, 'Board ' || i, 'board-' || i, 'public' from generate_series(1, 5) i`.execute(db);
  const writer = createSyntheticWriter({ docs, queries: 0 });
  for (let from = 0; from < docs; from += SEED_BATCH) {
    const titles: string[] = [];
    const bodies: string[] = [];
    const created: string[] = [];
    for (let i = from; i < Math.min(docs, from + SEED_BATCH); i++) {
      const { item } = writer.post(i);
      titles.push(item.title);
      bodies.push(item.body);
      created.push(new Date(item.created ?? Date.now()).toISOString());
    }
    await sql`
      with b as (select array_agg(id order by slug) as ids from boards where workspace_id = ${workspace.id}),
      st as (select min(id::text)::uuid as id from statuses where workspace_id = ${workspace.id})
      insert into posts (workspace_id, board_id, title, body, status_id, created_at, updated_at)
      select ${workspace.id}, b.ids[1 + (p.n % 5)], p.title, p.body, st.id, p.created, p.created
      from unnest(${titles}::text[], ${bodies}::text[], ${created}::timestamptz[]) with ordinality as p(title, body, created, n)
      cross join b cross join st`.execute(db);
  }
  // statistics, as a live database has them (the build's page query then uses its index)
  await sql`vacuum analyze posts`.execute(db);
  return workspace.id;
}

async function readEveryPost(db: Db, workspaceId: string): Promise<void> {
  for (let after: string | null = null; ;) {
    const page = await readLivePosts(db, workspaceId, after, READ_PAGE);
    if (page.length < READ_PAGE) return;
    after = page[page.length - 1].id;
  }
}

/** The child: build the workspace's index the way the server does and report what it cost. */
async function measureBuild(url: string, workspaceId: string, warm: boolean): Promise<Record<string, number>> {
  const db = createDatabase(url, { max: 2 });
  try {
    await sql`select 1`.execute(db); // connect before measuring
    if (warm) await readEveryPost(db, workspaceId);
    const heapBefore = heapBytes();
    const rssBefore = residentBytes().rss;
    resetPeak();
    const started = performance.now();
    const index = new WorkspaceIndex(workspaceId);
    await index.build(db);
    const seconds = (performance.now() - started) / 1000;
    const peak = residentBytes().peak;
    const heap = heapBytes() - heapBefore;
    const rssAfter = residentBytes().rss;
    const mib = (bytes: number): number => bytes / 2 ** 20;
    return {
      docs: index.size(), heapMiB: mib(heap), estimateMiB: mib(index.memoryEstimate()),
      peakRssMiB: mib(peak - rssBefore), rssAfterMiB: mib(rssAfter - rssBefore), rssBeforeMiB: mib(rssBefore), seconds,
    };
  } finally {
    await db.destroy();
  }
}

async function measureThroughDatabase(docs: number, nodeFlags: string[]): Promise<Record<string, Record<string, number>>> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'backboard-memory-'));
  // run as root, the embedded server drops to the postgres OS user, which must reach the directory
  await chmod(dataDir, 0o711);
  try {
    const opened = await openDatabase(loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'warn' }), { info: () => {}, warn: () => {} }, { poolSize: 2 });
    try {
      const workspaceId = await seed(opened.db, docs);
      const results: Record<string, Record<string, number>> = {};
      for (const mode of ['fresh', 'warm']) {
        const { stdout } = await promisify(execFile)(process.execPath, [...nodeFlags, import.meta.filename, '--child', mode, opened.connectionString, workspaceId]);
        results[mode] = JSON.parse(stdout) as Record<string, number>;
      }
      return results;
    } finally {
      await opened.close();
    }
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
}

if (import.meta.main) {
  const args = process.argv.slice(2);
  const value = (flag: string): string | undefined => (args.indexOf(flag) >= 0 ? args[args.indexOf(flag) + 1] : undefined);
  if (args[0] === '--child') {
    console.log(JSON.stringify(await measureBuild(args[2], args[3], args[1] === 'warm')));
  } else {
    const result = await measureThroughDatabase(Number(value('--docs') ?? 100_000), (value('--node-flags') ?? '').split(' ').filter(Boolean));
    if (args.includes('--json')) console.log(JSON.stringify(result));
    else for (const [mode, r] of Object.entries(result)) for (const [k, v] of Object.entries(r)) console.log(`${mode} ${k.padEnd(16)} ${v.toFixed(2)}`);
  }
}
