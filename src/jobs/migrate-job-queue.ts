import { runMigrations } from 'graphile-worker';
import { silentLogger } from './worker-logger.ts';

/** Installs or upgrades graphile-worker's own schema (graphile_worker.*), idempotent. */
export async function migrateJobQueue(connectionString: string): Promise<void> {
  await runMigrations({ connectionString, logger: silentLogger });
}
