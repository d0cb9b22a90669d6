// The embedded PostgreSQL server in DATA_DIR: initialised, started and stopped by Backboard itself
// (ADR docs/adr/0001-embedded-postgresql.md). Layout of DATA_DIR:
//   pg/                    the cluster (initdb), owned by the server's OS user
//   pg-credentials.json    superuser name + random password (0600)
//   backboard-owner.json   {pid, startedAt} of the Backboard process that must stop the server
//   postgres.log           initdb and server output
import type { ChildProcess } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { resolvePostgresBinaries } from './embedded-binaries.ts';
import {
  findFreePort,
  isClusterInitialised,
  loadOrCreateCredentials,
  logOffset,
  logPath,
  readCredentials,
  readLogSince,
  runInitdb,
  spawnPostmaster,
  type Credentials,
} from './embedded-cluster.ts';
import {
  isProcessAlive,
  readLivePostmaster,
  readOwner,
  removeOwner,
  removeReusedLockFile,
  waitForProcessExit,
  writeOwner,
  type Postmaster,
} from './embedded-owner.ts';
import { assertUserCanReach, prepareServerUser } from './embedded-os-user.ts';

export type EmbeddedPostgres = {
  /** postgres://backboard:<pw>@127.0.0.1:<port>/backboard */
  connectionString: string;
  /** True if this process owns (started or adopted) the server and must stop it. */
  owned: boolean;
  /** Owner: fast shutdown (SIGINT to the postmaster) and wait until it is gone. Non-owner: no-op. */
  stop(): Promise<void>;
};

export type EmbeddedPostgresLog = { info(msg: string): void; warn(msg: string): void };

const DATABASE = 'backboard';
const READY_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 30_000;
const START_ATTEMPTS = 3;

const defaultLog: EmbeddedPostgresLog = { info: () => {}, warn: (msg) => console.warn(msg) };

/** A start that lost a race (port taken, another process started the server): look again. */
class StartRaceError extends Error {}

export async function startEmbeddedPostgres(opts: { dataDir: string; log?: EmbeddedPostgresLog }): Promise<EmbeddedPostgres> {
  const dataDir = path.resolve(opts.dataDir);
  const pgDir = path.join(dataDir, 'pg');
  const log = opts.log ?? defaultLog;
  await mkdir(dataDir, { recursive: true });
  for (let attempt = 1; ; attempt++) {
    const running = await findRunningPostmaster(pgDir, log);
    if (running) return joinRunningServer(dataDir, running, log);
    try {
      return await launchServer(dataDir, pgDir, log);
    } catch (error) {
      if (!(error instanceof StartRaceError) || attempt >= START_ATTEMPTS) throw error;
      log.warn(`Embedded PostgreSQL: ${error.message}; trying again`);
    }
  }
}

async function findRunningPostmaster(pgDir: string, log: EmbeddedPostgresLog): Promise<Postmaster | null> {
  const postmaster = await readLivePostmaster(pgDir);
  if (postmaster?.status !== 'stopping') return postmaster;
  // Another process is shutting it down (e.g. the server stopping while the CLI starts): wait it out.
  log.info(`Embedded PostgreSQL (pid ${postmaster.pid}) is shutting down; waiting before starting it again`);
  if (!(await waitForProcessExit(postmaster.pid, READY_TIMEOUT_MS))) {
    throw new Error(`Embedded PostgreSQL (pid ${postmaster.pid}) has been shutting down for over 60 s`);
  }
  return readLivePostmaster(pgDir);
}

/** A server is already running on this DATA_DIR: share it with its live owner, or adopt an orphan. */
async function joinRunningServer(dataDir: string, postmaster: Postmaster, log: EmbeddedPostgresLog): Promise<EmbeddedPostgres> {
  const credentials = await readCredentials(dataDir);
  const owner = await readOwner(dataDir);
  const hasLiveOwner = owner !== null && isProcessAlive(owner.pid);
  if (hasLiveOwner) {
    log.info(`Embedded PostgreSQL (pid ${postmaster.pid}) is run by Backboard process ${owner.pid}; using it`);
  } else {
    log.warn(
      `Embedded PostgreSQL (pid ${postmaster.pid}) was left running by a Backboard process that is gone ` +
        `(${owner ? `pid ${owner.pid}` : 'no owner recorded'}), probably killed; taking it over`,
    );
    await writeOwner(dataDir);
  }
  await waitUntilReady(connectionUrl(credentials, postmaster.port, 'postgres'), () =>
    isProcessAlive(postmaster.pid) ? null : `the server (pid ${postmaster.pid}) exited`,
  );
  const connectionString = connectionUrl(credentials, postmaster.port, DATABASE);
  if (hasLiveOwner) return { connectionString, owned: false, stop: async () => {} };
  await ensureDatabase(connectionUrl(credentials, postmaster.port, 'postgres'));
  return ownedServer({ dataDir, pid: postmaster.pid, child: null, connectionString, log });
}

async function launchServer(dataDir: string, pgDir: string, log: EmbeddedPostgresLog): Promise<EmbeddedPostgres> {
  const binaries = await resolvePostgresBinaries();
  const isInitialised = await isClusterInitialised(pgDir);
  const user = await prepareServerUser(pgDir, isInitialised);
  if (user) assertUserCanReach(user, [pgDir, binaries.nativeDir], [binaries.initdb, binaries.postgres]);
  const credentials = await loadOrCreateCredentials(dataDir, isInitialised);
  if (!isInitialised) {
    log.info(`Embedded PostgreSQL: creating a new cluster in ${pgDir}`);
    await runInitdb({ binaries, dataDir, pgDir, user, credentials });
  }
  await removeReusedLockFile(pgDir);

  const port = await findFreePort();
  const offset = await logOffset(dataDir);
  const child = await spawnPostmaster({ binaries, dataDir, pgDir, user, port });
  // Recorded before readiness: if we die while it starts, the next start adopts the orphan.
  await writeOwner(dataDir);
  const adminUrl = connectionUrl(credentials, port, 'postgres');
  try {
    await waitUntilReady(adminUrl, () => (hasExited(child) ? `the server exited (${exitText(child)})` : null));
  } catch (error) {
    if (!hasExited(child)) {
      child.kill('SIGQUIT');
      await waitForChildExit(child, 10_000);
    }
    await removeOwner(dataDir);
    const tail = await readLogSince(dataDir, offset);
    if (/could not bind|could not create any TCP\/IP sockets|lock file .* already exists/i.test(tail)) {
      throw new StartRaceError(`port ${port} or the data directory was taken by another process`);
    }
    throw new Error(`Embedded PostgreSQL did not start: ${(error as Error).message}\n--- ${logPath(dataDir)} ---\n${tail}`);
  }
  await ensureDatabase(adminUrl);
  log.info(`Embedded PostgreSQL listening on 127.0.0.1:${port} (data in ${pgDir})`);
  const connectionString = connectionUrl(credentials, port, DATABASE);
  return ownedServer({ dataDir, pid: child.pid as number, child, connectionString, log });
}

function ownedServer(opts: {
  dataDir: string;
  pid: number;
  child: ChildProcess | null;
  connectionString: string;
  log: EmbeddedPostgresLog;
}): EmbeddedPostgres {
  let stopping: Promise<void> | null = null;
  return {
    connectionString: opts.connectionString,
    owned: true,
    stop: () => (stopping ??= stopServer(opts)),
  };
}

async function stopServer(opts: { dataDir: string; pid: number; child: ChildProcess | null; log: EmbeddedPostgresLog }) {
  const { pid, child, log } = opts;
  const waitForExit = (ms: number) => (child ? waitForChildExit(child, ms) : waitForProcessExit(pid, ms));
  // SIGINT is PostgreSQL's "fast" shutdown: roll back open transactions, checkpoint, exit.
  if (sendSignal(pid, 'SIGINT') && !(await waitForExit(STOP_TIMEOUT_MS))) {
    log.warn(`Embedded PostgreSQL (pid ${pid}) did not stop within 30 s; sending SIGQUIT (immediate shutdown)`);
    sendSignal(pid, 'SIGQUIT');
    if (!(await waitForExit(10_000))) throw new Error(`Embedded PostgreSQL (pid ${pid}) does not stop`);
  }
  await removeOwner(opts.dataDir);
  log.info('Embedded PostgreSQL stopped');
}

function sendSignal(pid: number, signal: NodeJS.Signals): boolean {
  try {
    process.kill(pid, signal);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ESRCH') return false;
    throw error;
  }
}

const hasExited = (child: ChildProcess) => child.exitCode !== null || child.signalCode !== null;
const exitText = (child: ChildProcess) => (child.signalCode ? `signal ${child.signalCode}` : `exit code ${child.exitCode}`);

// Our own child is reaped by Node; waiting for that (not just for the pid to stop answering) means no
// zombie is left behind when stop() resolves.
async function waitForChildExit(child: ChildProcess, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (!hasExited(child)) {
    if (Date.now() > deadline) return false;
    await sleep(50);
  }
  return true;
}

function connectionUrl(credentials: Credentials, port: number, database: string): string {
  const user = encodeURIComponent(credentials.user);
  return `postgres://${user}:${encodeURIComponent(credentials.password)}@127.0.0.1:${port}/${database}`;
}

/** Polls until the server accepts a login; fails at once if it died or rejects our credentials. */
async function waitUntilReady(url: string, whyDead: () => string | null): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  for (;;) {
    const dead = whyDead();
    if (dead) throw new Error(dead);
    try {
      await withClient(url, (client) => client.query('select 1'));
      return;
    } catch (error) {
      const code = (error as { code?: string }).code;
      // 28P01 wrong password, 28000 no pg_hba entry: waiting will not fix either.
      if (code === '28P01' || code === '28000') throw new Error(`the server rejects our login: ${(error as Error).message}`);
      if (Date.now() > deadline) throw new Error(`no answer within 60 s (${(error as Error).message})`);
    }
    await sleep(100);
  }
}

async function ensureDatabase(adminUrl: string): Promise<void> {
  await withClient(adminUrl, async (client) => {
    const found = await client.query('select 1 from pg_database where datname = $1', [DATABASE]);
    if (found.rowCount) return;
    try {
      await client.query(`create database ${DATABASE}`);
    } catch (error) {
      // 42P04: another process created it between our check and now.
      if ((error as { code?: string }).code !== '42P04') throw error;
    }
  });
}

async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2_000 });
  client.on('error', () => {}); // a server going away mid-check surfaces through the awaited calls
  try {
    await client.connect();
    return await work(client);
  } finally {
    await client.end().catch(() => {});
  }
}
