// Opens the database the config names: an external PostgreSQL (DATABASE_URL) or the embedded server
// in DATA_DIR, which is started (or adopted, or shared with a running Backboard) here. Migrations are
// applied before anything else touches the schema.
import { mkdir } from 'node:fs/promises';
import type { Config } from '../config.ts';
import { createDatabase, type Db } from './database.ts';
import { startEmbeddedPostgres, type EmbeddedPostgres } from './embedded.ts';
import { migrateToLatest } from './migrate.ts';
import { migrateJobQueue } from '../jobs/migrate-job-queue.ts';

export type OpenedDatabase = {
  db: Db;
  /** For components that open their own connections (the job worker). */
  connectionString: string;
  /** Where the data lives, for logs: "embedded (./data)" or the external host. */
  description: string;
  appliedMigrations: string[];
  close(): Promise<void>;
};

type Log = { info(msg: string): void; warn(msg: string): void };

export async function openDatabase(config: Config, log: Log, opts: { migrate?: boolean; poolSize?: number } = {}): Promise<OpenedDatabase> {
  let embedded: EmbeddedPostgres | null = null;
  let url = config.databaseUrl;
  let description: string;
  if (url) {
    description = `PostgreSQL at ${new URL(url).host}`;
  } else {
    await mkdir(config.dataDir, { recursive: true });
    embedded = await startEmbeddedPostgres({ dataDir: config.dataDir, log });
    url = embedded.connectionString;
    description = `embedded PostgreSQL in ${config.dataDir}${embedded.owned ? '' : ' (shared with a running Backboard)'}`;
  }
  const db = createDatabase(url, { max: opts.poolSize ?? 20 });
  try {
    const { applied } = opts.migrate === false ? { applied: [] } : await migrateToLatest(db);
    if (opts.migrate !== false) await migrateJobQueue(url);
    return {
      db,
      connectionString: url,
      description,
      appliedMigrations: applied,
      async close() {
        await db.destroy();
        await embedded?.stop();
      },
    };
  } catch (error) {
    await db.destroy();
    await embedded?.stop();
    throw error;
  }
}
