// Runs the job worker (in the web process by default, or alone via `backboard worker`). Several
// workers against one database are safe: graphile-worker locks each job (SKIP LOCKED).
import pg from 'pg';
import { run, type Runner, type TaskList } from 'graphile-worker';
import { workerLogger } from './worker-logger.ts';

export type WorkerHandle = { stop(): Promise<void> };

export async function startWorker(opts: {
  connectionString: string;
  taskList: TaskList;
  concurrency?: number;
  log: Parameters<typeof workerLogger>[0];
}): Promise<WorkerHandle> {
  const concurrency = opts.concurrency ?? 4;
  // Our own pool, so a connection dropped by a database restart is logged instead of crashing the
  // process, and so it is closed only after the runner has finished its jobs.
  const pool = new pg.Pool({ connectionString: opts.connectionString, max: concurrency + 2 });
  const onError = (error: Error) => opts.log.warn({ err: error, component: 'worker' }, 'job queue connection lost');
  pool.on('error', onError);
  pool.on('connect', (client) => client.on('error', onError));
  const runner: Runner = await run({
    pgPool: pool,
    taskList: opts.taskList,
    concurrency,
    noHandleSignals: true, // our process owns SIGINT/SIGTERM and stops the worker in order
    pollInterval: 1000,
    logger: workerLogger(opts.log),
  });
  return {
    async stop() {
      await runner.stop();
      await pool.end();
    },
  };
}
