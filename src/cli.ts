// `backboard serve | migrate | api-key create | …` — every command builds on the same pieces as the
// server (config, openDatabase, use-cases), so it works on the embedded database (even while the
// server runs: it attaches to the running embedded PostgreSQL) and on an external PostgreSQL.
import { Command, InvalidArgumentError, Option } from 'commander';
import pino from 'pino';
import { loadConfig, type Config } from './config.ts';
import { openDatabase, type OpenedDatabase } from './db/open-database.ts';
import { startServer, runWorkerProcess } from './server.ts';
import { createMailer } from './email/create-mailer.ts';
import type { Actor } from './modules/auth/index.ts';
import type { Context } from './modules/context.ts';
import { createApiKey } from './modules/api-keys/index.ts';
import { sendTestMail } from './modules/notifications/index.ts';
import { ensureDefaultWorkspace } from './modules/workspaces/index.ts';
import { checkAllPosts, createSimilarIndexes, requestRebuild } from './modules/similar/index.ts';
import { formatProductEval, runDuplicateEval } from './modules/similar/eval/eval-product.ts';

function port(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new InvalidArgumentError('must be a port number 0-65535');
  return n;
}

function cliLogger(config: Config) {
  return pino({ level: config.logLevel === 'info' ? 'warn' : config.logLevel });
}

/** Opens the database, runs fn with a system context in the chosen workspace, closes everything. */
async function withSystemContext<T>(workspaceSlug: string | undefined, fn: (ctx: Context) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const log = cliLogger(config);
  const opened: OpenedDatabase = await openDatabase(config, { info: (m) => log.info(m), warn: (m) => log.warn(m) }, { poolSize: 2 });
  const mailer = createMailer(config, log);
  try {
    const { workspace: defaultWs } = await ensureDefaultWorkspace(opened.db);
    const workspace = workspaceSlug
      ? await opened.db.selectFrom('workspaces').selectAll().where('slug', '=', workspaceSlug).executeTakeFirst()
      : defaultWs;
    if (!workspace) throw new Error(`No workspace with the slug "${workspaceSlug}"`);
    const actor: Actor = { kind: 'system', workspaceId: workspace.id };
    return await fn({ actor, db: opened.db, now: new Date(), config, mailer, log });
  } finally {
    await mailer.close();
    await opened.close();
  }
}

export function buildCli(): Command {
  const program = new Command()
    .name('backboard')
    .description('Backboard: feedback boards and product backlog, self-hosted.\nConfiguration comes from environment variables (see README "Configuration").')
    .showHelpAfterError()
    .exitOverride();

  program
    .command('serve')
    .description('Start the web server (embedded PostgreSQL in DATA_DIR unless DATABASE_URL is set)')
    .option('--demo', 'seed a demo workspace (boards, ~200 posts, votes, comments, companies) when it has no boards yet')
    .option('--no-worker', 'do not run background jobs in this process (run `backboard worker` separately)')
    .addOption(new Option('--host <host>', 'interface to bind (overrides HOST)'))
    .addOption(new Option('--port <port>', 'port to listen on (overrides PORT)').argParser(port))
    .action(async (opts: { demo?: boolean; worker: boolean; host?: string; port?: number }) => {
      // flags win over HOST/PORT; PUBLIC_URL is derived from them unless set
      const config = loadConfig({
        ...process.env,
        ...(opts.host ? { HOST: opts.host } : {}),
        ...(opts.port !== undefined ? { PORT: String(opts.port) } : {}),
      });
      await startServer(config, { demo: Boolean(opts.demo), worker: opts.worker });
    });

  program
    .command('worker')
    .description('Run only the background job worker (emails, webhooks); several may run at once')
    .option('--concurrency <n>', 'jobs run in parallel', (v) => Number.parseInt(v, 10), 4)
    .action(async (opts: { concurrency: number }) => {
      await runWorkerProcess(loadConfig(), opts.concurrency);
    });

  program
    .command('migrate')
    .description('Apply pending database migrations and exit')
    .action(async () => {
      const config = loadConfig();
      const log = cliLogger(config);
      const opened = await openDatabase(config, { info: (m) => log.info(m), warn: (m) => log.warn(m) }, { poolSize: 2 });
      try {
        console.log(opened.appliedMigrations.length
          ? `Applied ${opened.appliedMigrations.length} migration(s): ${opened.appliedMigrations.join(', ')}`
          : 'The database is up to date.');
      } finally {
        await opened.close();
      }
    });

  const apiKey = program.command('api-key').description('Manage API keys');
  apiKey
    .command('create')
    .description('Create an API key and print it (it is shown only once)')
    .requiredOption('--name <name>', 'a label, e.g. "Zapier" or "CRM sync"')
    .addOption(new Option('--scope <scope>', 'what the key may do').choices(['read', 'write', 'admin']).default('write'))
    .option('--workspace <slug>', 'workspace slug (default: the default workspace)')
    .action(async (opts: { name: string; scope: 'read' | 'write' | 'admin'; workspace?: string }) => {
      const created = await withSystemContext(opts.workspace, (ctx) => createApiKey(ctx, { name: opts.name, scope: opts.scope }));
      console.log(created.key);
      console.error(`Created API key "${created.name}" (${created.scope}). Store it now: it cannot be shown again.`);
    });

  program
    .command('mail')
    .description('Mail: `backboard mail test --to you@example.com` sends a test message with the configured SMTP_URL')
    .command('test')
    .description("Send a test message now and print the mail server's answer (or its exact error)")
    .requiredOption('--to <address>', 'where to send it')
    .action(async (opts: { to: string }) => {
      const result = await withSystemContext(undefined, (ctx) => sendTestMail(ctx, { to: opts.to }));
      if (!result.ok) throw new Error(`the test message failed: ${result.error}`);
      console.log(result.location ? `Written to ${result.location} (SMTP_URL is not set)` : `Sent: the mail server accepted ${result.messageId}`);
    });

  const similar = program.command('similar').description('Duplicate detection (similar posts)');
  similar
    .command('rebuild')
    .description('Rebuild the similar-posts index of a workspace from the database; running servers rebuild theirs on their next search')
    .option('--workspace <slug>', 'workspace slug (default: the default workspace)')
    .action(async (opts: { workspace?: string }) => {
      await withSystemContext(opts.workspace, async (ctx) => {
        await requestRebuild(ctx.db, ctx.actor.workspaceId);
        const started = Date.now();
        const index = await createSimilarIndexes(ctx.db).rebuild(ctx.actor.workspaceId);
        console.log(`Rebuilt the similar-posts index: ${index.size()} posts in ${((Date.now() - started) / 1000).toFixed(1)} s, ≈ ${(index.memoryEstimate() / 2 ** 20).toFixed(0)} MiB.`);
        console.log('Running servers rebuild their own copy on their next search.');
      });
    });
  similar
    .command('scan')
    .description('Check every post of a workspace for likely duplicates (as new posts are): fills the duplicate queue after an import')
    .option('--workspace <slug>', 'workspace slug (default: the default workspace)')
    .action(async (opts: { workspace?: string }) => {
      await withSystemContext(opts.workspace, async (ctx) => {
        const pairs = await checkAllPosts(ctx.db, createSimilarIndexes(ctx.db), ctx.actor.workspaceId, (done, total) => console.error(`checked ${done} of ${total} posts`));
        console.log(`Added ${pairs} likely duplicate pair(s) to the queue (Admin → Duplicates).`);
      });
    });

  program
    .command('eval')
    .description('Measure Backboard on labelled data')
    .command('duplicates <dir>')
    .description('Duplicate detection: import corpus.jsonl as posts of a throw-away workspace (embedded PostgreSQL in a temporary directory, or DATABASE_URL), rank queries.jsonl through the similar-posts search, score against qrels.tsv')
    .option('--time-aware', 'only posts created before each query are eligible')
    .option('--title-only', 'rank by the query title alone')
    .option('--json', 'print the result as JSON')
    .option('--concurrency <n>', 'posts imported in parallel', (v) => Number.parseInt(v, 10), 4)
    .action(async (dir: string, opts: { timeAware?: boolean; titleOnly?: boolean; json?: boolean; concurrency: number }) => {
      const settings = {
        timeAware: Boolean(opts.timeAware), titleOnly: Boolean(opts.titleOnly), concurrency: opts.concurrency,
        progress: (message: string) => console.error(`[eval] ${message}`),
      };
      const result = await runDuplicateEval(loadConfig(), dir, settings);
      console.log(opts.json ? JSON.stringify(result) : formatProductEval(dir, settings, result));
    });

  return program;
}

export async function runCli(argv: string[]): Promise<void> {
  const program = buildCli();
  try {
    await program.parseAsync(argv);
  } catch (error) {
    const code = (error as { code?: string; exitCode?: number }).code;
    if (code === 'commander.helpDisplayed' || code === 'commander.version' || code === 'commander.help') process.exit(0);
    if (typeof code === 'string' && code.startsWith('commander.')) process.exit((error as { exitCode?: number }).exitCode ?? 1);
    console.error(`backboard: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}
