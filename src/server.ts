// Starting and stopping the web server process: database (embedded or external) → migrations →
// default workspace → app → listen; SIGINT/SIGTERM close everything in reverse order.
import pino from 'pino';
import type { Config } from './config.ts';
import { buildApp } from './app.ts';
import { openDatabase } from './db/open-database.ts';
import { getInstanceSecret } from './db/instance-secret.ts';
import { createMailer } from './email/create-mailer.ts';
import { ensureDefaultWorkspace } from './modules/workspaces/index.ts';
import { seedDemo } from './modules/demo/index.ts';
import { startWorker, type WorkerHandle } from './jobs/start-worker.ts';
import { buildTaskList, CRONTAB } from './task-list.ts';
import { startChangeFeed } from './db/change-feed.ts';
import { createPublicCache } from './http/public-cache.ts';
import { checkAllPosts, createSimilarIndexes } from './modules/similar/index.ts';

export async function startServer(config: Config, opts: { demo: boolean; worker: boolean }): Promise<void> {
  const logger = pino({ level: config.logLevel });
  const opened = await openDatabase(config, { info: (m) => logger.info(m), warn: (m) => logger.warn(m) });
  logger.info({ migrations: opened.appliedMigrations }, `database: ${opened.description}`);
  const mailer = createMailer(config, logger);
  // Everything started so far is stopped again in reverse order, also when start-up fails half-way
  // (an embedded PostgreSQL must never be left running by a failed start).
  const stack: Array<() => Promise<void>> = [() => opened.close(), () => mailer.close()];
  const unwind = async () => {
    for (const stop of stack.reverse()) await stop().catch((error) => logger.error({ err: error }, 'error while stopping'));
    stack.length = 0;
  };
  try {
    const { workspace, setupToken } = await ensureDefaultWorkspace(opened.db);
    const seeded = opts.demo ? await seedDemo(opened.db, workspace.id) : null;
    if (opts.demo) {
      logger.info(seeded ? `demo workspace seeded: ${seeded.boards} boards, ${seeded.posts} posts, ${seeded.votes} votes` : 'demo: the workspace already has boards, nothing seeded');
    }
    // Cached public reads stay correct across processes: committed writes are announced per workspace.
    const publicCache = createPublicCache();
    // one set of in-memory similar-posts indexes for the web routes and this process's worker
    const similarIndexes = createSimilarIndexes(opened.db, { log: logger, maxStalenessMs: config.similarMaxStalenessMs });
    if (seeded) {
      // the demo's posts arrived in bulk, not one by one: check them all now, so the duplicate queue shows them
      const pairs = await checkAllPosts(opened.db, similarIndexes, workspace.id);
      logger.info(`demo: ${pairs} likely duplicate pairs in the queue (Admin → Duplicates)`);
    }
    const changeFeed = startChangeFeed({
      connectionString: opened.connectionString,
      onChange: (workspaceId) => {
        publicCache.invalidate(workspaceId);
        similarIndexes.invalidate(workspaceId);
      },
      onReset: () => {
        publicCache.clear();
        similarIndexes.invalidateAll();
      },
      log: logger,
    });
    stack.push(() => changeFeed.stop());
    const app = await buildApp(
      { config, db: opened.db, mailer, defaultWorkspaceId: workspace.id, cookieSecret: await getInstanceSecret(opened.db, 'cookie_secret'), publicCache, similarIndexes },
      { loggerInstance: logger },
    );
    // Background jobs run in this process unless told otherwise (`backboard worker` runs them alone).
    if (opts.worker) {
      const worker: WorkerHandle = await startWorker({
        connectionString: opened.connectionString, taskList: buildTaskList({ config, db: opened.db, mailer, log: logger, similarIndexes }), crontab: CRONTAB, log: logger,
      });
      stack.push(() => worker.stop());
    }
    stack.push(() => app.close());

    let stopping = false;
    const stop = async (signal: string) => {
      if (stopping) return;
      stopping = true;
      logger.info(`${signal} received, shutting down`);
      await unwind();
      process.exit(0);
    };
    process.on('SIGINT', () => void stop('SIGINT'));
    process.on('SIGTERM', () => void stop('SIGTERM'));

    await app.listen({ host: config.host, port: config.port });
    // built in the background, so the first visitor typing a title does not wait for it
    similarIndexes.warm(workspace.id);
    const lines = [`Backboard is running at ${config.publicUrl}`];
    if (setupToken) lines.push('', 'Create the owner account (one-time link):', `  ${config.publicUrl}/setup/${setupToken}`);
    lines.push('', `API docs: ${config.publicUrl}/api/docs`);
    console.log(`\n${lines.map((l) => `  ${l}`).join('\n')}\n`);
  } catch (error) {
    await unwind();
    throw error;
  }
}

/** `backboard worker`: background jobs only, for scaling them apart from the web process. */
export async function runWorkerProcess(config: Config, concurrency: number): Promise<void> {
  const logger = pino({ level: config.logLevel });
  const opened = await openDatabase(config, { info: (m) => logger.info(m), warn: (m) => logger.warn(m) });
  const mailer = createMailer(config, logger);
  const worker = await startWorker({
    connectionString: opened.connectionString, concurrency,
    taskList: buildTaskList({ config, db: opened.db, mailer, log: logger }), crontab: CRONTAB, log: logger,
  });
  logger.info(`worker running (concurrency ${concurrency}) on ${opened.description}`);
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    try {
      await worker.stop();
      await mailer.close();
      await opened.close();
    } finally {
      process.exit(0);
    }
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}
