// A worker killed with SIGKILL (or on a machine that died) leaves the jobs it was running locked, and
// graphile-worker frees such locks only after 4 hours. So every worker pool holds a PostgreSQL
// session advisory lock named after its pool id for as long as it lives — the lock disappears with
// its connection — and every worker regularly looks for jobs locked by a pool whose advisory lock is
// free (a dead pool) and unlocks them, so another worker runs them within seconds.
// Handlers stay safe to run twice (docs/adr/0004-job-queue.md): in the rare case a live pool loses
// its connection long enough to be declared dead, one of its jobs may run twice.
import pg from 'pg';

type Log = { info(obj: unknown, msg?: string): void; warn(obj: unknown, msg?: string): void };

export type CrashRecovery = { stop(): Promise<void> };

const LOCK_KEY = `hashtextextended('backboard-worker-pool:' || $1::text, 0)`;

export async function startCrashRecovery(opts: {
  connectionString: string;
  poolId: string;
  log: Log;
  /** How often to look for jobs of dead pools. */
  intervalMs?: number;
  /** Jobs locked more recently than this are left alone (a pool takes its lock right after starting). */
  graceMs?: number;
}): Promise<CrashRecovery> {
  const intervalMs = opts.intervalMs ?? 5_000;
  const graceMs = opts.graceMs ?? 5_000;
  let client: pg.Client | null = null;
  let stopped = false;

  const connect = async (): Promise<pg.Client> => {
    const next = new pg.Client({ connectionString: opts.connectionString });
    next.on('error', (error) => {
      opts.log.warn({ err: error, component: 'worker' }, 'worker liveness connection lost; reconnecting');
      if (client === next) client = null;
    });
    await next.connect();
    await next.query(`select pg_advisory_lock(${LOCK_KEY})`, [opts.poolId]);
    return next;
  };

  const sweep = async (): Promise<void> => {
    client ??= await connect();
    const { rows } = await client.query<{ locked_by: string }>(
      `select distinct locked_by from graphile_worker.jobs
        where locked_by is not null and locked_by <> $1 and locked_at < now() - make_interval(secs => $2::double precision)`,
      [opts.poolId, graceMs / 1000],
    );
    const dead: string[] = [];
    for (const { locked_by: poolId } of rows) {
      const { rows: [probe] } = await client.query<{ free: boolean }>(`select pg_try_advisory_lock(${LOCK_KEY}) as free`, [poolId]);
      if (!probe.free) continue;
      await client.query(`select pg_advisory_unlock(${LOCK_KEY})`, [poolId]);
      dead.push(poolId);
    }
    if (dead.length === 0) return;
    await client.query('select graphile_worker.force_unlock_workers($1::text[])', [dead]);
    opts.log.warn({ component: 'worker', pools: dead }, 'released the jobs of worker pools that died');
  };

  client = await connect();
  let running: Promise<void> = Promise.resolve();
  const tick = () => {
    running = sweep().catch((error) => opts.log.warn({ err: error, component: 'worker' }, 'crash recovery sweep failed'));
  };
  tick();
  const timer = setInterval(() => {
    if (!stopped) tick();
  }, intervalMs);
  timer.unref();

  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
      await client?.end().catch(() => {});
      client = null;
    },
  };
}
