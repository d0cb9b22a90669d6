// `npm test` runner: starts an embedded PostgreSQL for the run, prepares a migrated template database
// on it (and on TEST_DATABASE_URL when set), then runs every *.test.ts with node's test runner.
//   node test/run.ts [--no-e2e | --only-e2e] [files…]
import { spawn } from 'node:child_process';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { glob } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { startEmbeddedPostgres } from '../src/db/embedded.ts';
import { createDatabase } from '../src/db/database.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { migrateJobQueue } from '../src/jobs/migrate-job-queue.ts';
import { withDatabase } from './db.ts';

const args = process.argv.slice(2);
const noE2e = args.includes('--no-e2e');
const onlyE2e = args.includes('--only-e2e');
const explicit = args.filter((a) => !a.startsWith('--'));
const template = `bb_template_${process.pid}`;

async function prepareTemplate(adminUrl: string): Promise<void> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`drop database if exists ${template} with (force)`);
    await admin.query(`create database ${template}`);
  } finally {
    await admin.end();
  }
  const db = createDatabase(withDatabase(adminUrl, template), { max: 2 });
  try {
    await migrateToLatest(db);
  } finally {
    await db.destroy();
  }
  await migrateJobQueue(withDatabase(adminUrl, template));
}

async function dropTestDatabases(adminUrl: string): Promise<void> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    const { rows } = await admin.query<{ datname: string }>(`select datname from pg_database where datname = $1`, [template]);
    for (const row of rows) await admin.query(`drop database if exists ${row.datname} with (force)`);
  } finally {
    await admin.end();
  }
}

async function listFiles(): Promise<string[]> {
  if (explicit.length) return explicit;
  const files: string[] = [];
  for await (const f of glob(['src/**/*.test.ts', 'test/**/*.test.ts', 'bench/**/*.test.ts'])) files.push(f);
  return files
    .filter((f) => !f.includes('node_modules'))
    .filter((f) => (onlyE2e ? f.startsWith('test/e2e/') : noE2e ? !f.startsWith('test/e2e/') : true))
    .sort();
}

const dataDir = await mkdtemp(path.join(os.tmpdir(), 'bb-test-pg-'));
// mkdtemp makes a 0700 dir; when we run as root, PostgreSQL runs as an unprivileged user that must enter it
await chmod(dataDir, 0o755);
const embedded = await startEmbeddedPostgres({ dataDir, log: { info: () => {}, warn: (m) => console.warn(m) } });
let code = 1;
try {
  await prepareTemplate(embedded.connectionString);
  const env: Record<string, string | undefined> = { ...process.env, BB_TEST_EMBEDDED_URL: embedded.connectionString, BB_TEST_TEMPLATE: template };
  const external = process.env.TEST_DATABASE_URL;
  if (external) {
    await prepareTemplate(external);
    env.BB_TEST_EXTERNAL_URL = external;
    console.log(`DB-backed suites run on the embedded PostgreSQL and on TEST_DATABASE_URL (${new URL(external).host})`);
  } else {
    console.log('DB-backed suites run on the embedded PostgreSQL (set TEST_DATABASE_URL to also run them on an external server)');
  }
  const files = await listFiles();
  code = await new Promise<number>((resolve) => {
    const child = spawn(process.execPath, ['--test', '--test-concurrency=2', '--test-timeout=240000', ...files], { stdio: 'inherit', env });
    child.on('exit', (c, signal) => resolve(c ?? (signal ? 1 : 0)));
  });
  await dropTestDatabases(embedded.connectionString);
  if (external) await dropTestDatabases(external);
} finally {
  await embedded.stop();
  await rm(dataDir, { recursive: true, force: true });
}
process.exit(code);
