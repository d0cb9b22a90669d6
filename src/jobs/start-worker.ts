// Runs the job worker (in the web process by default, or alone via `backboard worker`). Several
// workers against one database are safe: graphile-worker locks each job (SKIP LOCKED).
import { EventEmitter } from 'node:events';
import pg from 'pg';
import { run, type Runner, type TaskList, type WorkerEvents } from 'graphile-worker';
import { workerLogger } from './worker-logger.ts';
import { startCrashRecovery } from './crash-recovery.ts';

export type WorkerHandle = { stop(): Promise<void> };

export async function startWorker(opts: {
  connectionString: string;
  taskList: TaskList;
  /** Recurring jobs in graphile-worker's crontab format (each fires once however many workers run). */
  crontab?: string;
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
  // The pool id is what graphile-worker writes into jobs.locked_by; crash recovery needs it.
  const events = new EventEmitter() as WorkerEvents;
  let poolId: string | null = null;
  events.on('pool:create', ({ workerPool }) => {
    poolId = workerPool.id;
  });
  const runner: Runner = await run({
    pgPool: pool,
    taskList: opts.taskList,
    crontab: opts.crontab ?? '',
    events,
    concurrency,
    noHandleSignals: true, // our process owns SIGINT/SIGTERM and stops the worker in order
    pollInterval: 1000,
    logger: workerLogger(opts.log),
  });
  if (!poolId) throw new Error('graphile-worker started without announcing its worker pool');
  const recovery = await startCrashRecovery({ connectionString: opts.connectionString, poolId, log: opts.log });
  return {
    async stop() {
      await runner.stop();
      await recovery.stop();
      await pool.end();
    },
  };
}
