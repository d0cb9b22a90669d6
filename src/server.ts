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

export async function startServer(config: Config, opts: { demo: boolean }): Promise<void> {
  const logger = pino({ level: config.logLevel });
  const opened = await openDatabase(config, { info: (m) => logger.info(m), warn: (m) => logger.warn(m) });
  logger.info({ migrations: opened.appliedMigrations }, `database: ${opened.description}`);
  const mailer = createMailer(config, logger);
  const { workspace, setupToken } = await ensureDefaultWorkspace(opened.db);
  if (opts.demo) {
    const seeded = await seedDemo(opened.db, workspace.id);
    logger.info(seeded ? `demo workspace seeded: ${seeded.boards} boards, ${seeded.posts} posts, ${seeded.votes} votes` : 'demo: the workspace already has boards, nothing seeded');
  }
  const app = await buildApp(
    { config, db: opened.db, mailer, defaultWorkspaceId: workspace.id, cookieSecret: await getInstanceSecret(opened.db, 'cookie_secret') },
    { loggerInstance: logger },
  );

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info(`${signal} received, shutting down`);
    try {
      await app.close();
      await mailer.close();
      await opened.close();
    } finally {
      process.exit(0);
    }
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));

  await app.listen({ host: config.host, port: config.port });
  const lines = [`Backboard is running at ${config.publicUrl}`];
  if (setupToken) lines.push('', 'Create the owner account (one-time link):', `  ${config.publicUrl}/setup/${setupToken}`);
  lines.push('', `API docs: ${config.publicUrl}/api/docs`);
  console.log(`\n${lines.map((l) => `  ${l}`).join('\n')}\n`);
}
