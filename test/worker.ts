// A real graphile-worker for DB tests: the same task list the server runs, on the test database.
import { sql } from 'kysely';
import type { TestApp } from './app.ts';
import type { Mailer } from '../src/email/mailer.ts';
import { startWorker, type WorkerHandle } from '../src/jobs/start-worker.ts';
import { buildTaskList, CRONTAB } from '../src/task-list.ts';

const silent = { info() {}, warn() {}, error() {}, debug() {} };

export async function startTestWorker(t: TestApp, opts: { mailer?: Mailer; concurrency?: number } = {}): Promise<WorkerHandle> {
  return startWorker({
    connectionString: t.testDb.url,
    taskList: buildTaskList({ config: t.config, db: t.db, mailer: opts.mailer ?? t.mailer, log: silent }),
    crontab: CRONTAB,
    concurrency: opts.concurrency ?? 4,
    log: silent,
  });
}

/** Polls `check` until it returns a value other than undefined/false, or fails after `timeoutMs`. */
export async function waitUntil<T>(check: () => Promise<T | undefined | false>, opts: { timeoutMs?: number; what?: string } = {}): Promise<T> {
  const deadline = Date.now() + (opts.timeoutMs ?? 15_000);
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${opts.what ?? 'a condition'}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Resolves once no job of the given tasks is waiting, scheduled or running (failed-for-good ones aside). */
export async function waitForJobsDone(t: TestApp, tasks: string[], opts: { timeoutMs?: number } = {}): Promise<void> {
  await waitUntil(async () => {
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from graphile_worker.jobs
      where task_identifier = any(${tasks}) and attempts < max_attempts`.execute(t.db);
    return rows[0].n === 0;
  }, { timeoutMs: opts.timeoutMs, what: `jobs ${tasks.join(', ')} to finish` });
}
