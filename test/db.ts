// Test databases: every DB-backed suite runs once per target — the embedded server (always) and the
// external PostgreSQL from TEST_DATABASE_URL (when set). test/run.ts starts the embedded server and
// prepares a migrated template database on each target; each test file clones the template into a
// fresh database of its own, so files run in parallel without seeing each other's rows.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { createDatabase, type Db } from '../src/db/database.ts';

export type TestTarget = { name: string; adminUrl: string; template: string };

export function testTargets(): TestTarget[] {
  const targets: TestTarget[] = [];
  const template = process.env.BB_TEST_TEMPLATE ?? 'bb_template';
  if (process.env.BB_TEST_EMBEDDED_URL) targets.push({ name: 'embedded', adminUrl: process.env.BB_TEST_EMBEDDED_URL, template });
  if (process.env.BB_TEST_EXTERNAL_URL) targets.push({ name: 'external', adminUrl: process.env.BB_TEST_EXTERNAL_URL, template });
  if (targets.length === 0) {
    throw new Error('No test database: run the suite with `npm test` (test/run.ts starts the embedded PostgreSQL), or set BB_TEST_EMBEDDED_URL/BB_TEST_EXTERNAL_URL.');
  }
  return targets;
}

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

export type TestDb = { db: Db; url: string; name: string; drop(): Promise<void> };

export async function createTestDb(target: TestTarget): Promise<TestDb> {
  const name = `bb_t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: target.adminUrl });
  await admin.connect();
  try {
    await admin.query(`create database ${name} template ${target.template}`);
  } finally {
    await admin.end();
  }
  const url = withDatabase(target.adminUrl, name);
  const db = createDatabase(url, { max: 30 });
  return {
    db,
    url,
    name,
    async drop() {
      await db.destroy();
      const client = new pg.Client({ connectionString: target.adminUrl });
      await client.connect();
      try {
        await client.query(`drop database if exists ${name} with (force)`);
      } finally {
        await client.end();
      }
    },
  };
}
