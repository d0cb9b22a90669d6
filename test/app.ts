// A real app on a real database for HTTP tests (app.inject, or app.listen for real sockets).
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { buildApp, type App } from '../src/app.ts';
import { loadConfig, type Config } from '../src/config.ts';
import { getInstanceSecret } from '../src/db/instance-secret.ts';
import { createFileMailer } from '../src/email/create-mailer.ts';
import type { Mailer } from '../src/email/mailer.ts';
import type { Workspace } from '../src/db/schema.ts';
import { ensureDefaultWorkspace } from '../src/modules/workspaces/index.ts';
import { createTestDb, type TestDb, type TestTarget } from './db.ts';
import type { PublicCache } from '../src/http/public-cache.ts';

export type TestApp = {
  app: App;
  testDb: TestDb;
  db: TestDb['db'];
  config: Config;
  mailer: Mailer;
  workspace: Workspace;
  setupToken: string | null;
  dataDir: string;
  close(): Promise<void>;
};

export async function createTestApp(
  target: TestTarget,
  opts: { config?: Partial<Config>; mailer?: Mailer; publicCache?: PublicCache } = {},
): Promise<TestApp> {
  const testDb = await createTestDb(target);
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'bb-test-'));
  const config = loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent', PORT: '0' }, opts.config);
  const mailer = opts.mailer ?? createFileMailer(path.join(dataDir, 'mail'), config.mailFrom);
  const { workspace, setupToken } = await ensureDefaultWorkspace(testDb.db);
  const app = await buildApp(
    { config, db: testDb.db, mailer, defaultWorkspaceId: workspace.id, cookieSecret: await getInstanceSecret(testDb.db, 'cookie_secret'), publicCache: opts.publicCache },
    { logger: false },
  );
  await app.ready();
  return {
    app, testDb, db: testDb.db, config, mailer, workspace, setupToken, dataDir,
    async close() {
      await app.close();
      await testDb.drop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
