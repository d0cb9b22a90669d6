// The on-disk cluster in DATA_DIR/pg: its superuser credentials, initdb, and spawning the postmaster.
// The lifecycle around it (attach, adopt, readiness, stop) lives in embedded.ts.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chown, open, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import path from 'node:path';
import { pickClusterLocale, type PostgresBinaries } from './embedded-binaries.ts';
import type { ServerUser } from './embedded-os-user.ts';

export type Credentials = { user: string; password: string };

export const SUPERUSER = 'backboard';

export const credentialsPath = (dataDir: string) => path.join(dataDir, 'pg-credentials.json');
export const logPath = (dataDir: string) => path.join(dataDir, 'postgres.log');

export async function isClusterInitialised(pgDir: string): Promise<boolean> {
  return stat(path.join(pgDir, 'PG_VERSION')).then(() => true, () => false);
}

export async function readCredentials(dataDir: string): Promise<Credentials> {
  const file = credentialsPath(dataDir);
  let parsed: Partial<Credentials>;
  try {
    parsed = JSON.parse(await readFile(file, 'utf8')) as Partial<Credentials>;
  } catch (error) {
    throw new Error(
      `Cannot read the embedded PostgreSQL credentials in ${file} (${(error as Error).message}). ` +
        `Restore that file, or move ${path.join(path.dirname(file), 'pg')} away to start with a new database.`,
    );
  }
  if (typeof parsed.user !== 'string' || typeof parsed.password !== 'string') {
    throw new Error(`${file} must hold {"user": ..., "password": ...}`);
  }
  return { user: parsed.user, password: parsed.password };
}

/** Reuses the stored credentials; a brand-new cluster (nothing stored yet) gets a random password. */
export async function loadOrCreateCredentials(dataDir: string, isInitialised: boolean): Promise<Credentials> {
  const exists = await stat(credentialsPath(dataDir)).then(() => true, () => false);
  if (exists || isInitialised) return readCredentials(dataDir);
  const credentials: Credentials = { user: SUPERUSER, password: randomBytes(24).toString('base64url') };
  await writeFile(credentialsPath(dataDir), `${JSON.stringify(credentials, null, 2)}\n`, { mode: 0o600, flag: 'wx' });
  return credentials;
}

/** Size of the log now, so errors can quote only what this start wrote. */
export async function logOffset(dataDir: string): Promise<number> {
  return stat(logPath(dataDir)).then((s) => s.size, () => 0);
}

export async function readLogSince(dataDir: string, offset: number, lines = 20): Promise<string> {
  const text = await readFile(logPath(dataDir)).then((b) => b.subarray(offset).toString('utf8'), () => '');
  return text.trimEnd().split('\n').slice(-lines).join('\n');
}

type SpawnUser = { uid?: number; gid?: number };
const asSpawnUser = (user: ServerUser | null): SpawnUser => (user ? { uid: user.uid, gid: user.gid } : {});

// A fixed, minimal environment: the user's PG* variables must not redirect the server, and secrets in
// Backboard's environment have no business in the database server's.
const serverEnv = (locale: string) => ({ LC_ALL: locale });

export async function runInitdb(opts: {
  binaries: PostgresBinaries;
  dataDir: string;
  pgDir: string;
  user: ServerUser | null;
  credentials: Credentials;
}): Promise<void> {
  const { dataDir, pgDir, user, credentials } = opts;
  const locale = pickClusterLocale();
  const pwFile = path.join(dataDir, `.initdb-pw-${randomBytes(6).toString('hex')}`);
  await writeFile(pwFile, `${credentials.password}\n`, { mode: 0o600 });
  const offset = await logOffset(dataDir);
  const log = await open(logPath(dataDir), 'a');
  try {
    if (user) await chown(pwFile, user.uid, user.gid);
    const args = [
      `--pgdata=${pgDir}`,
      `--username=${credentials.user}`,
      `--pwfile=${pwFile}`,
      '--auth=scram-sha-256',
      '--encoding=UTF8',
      `--locale=${locale}`,
      '--lc-messages=C',
    ];
    const child = spawn(opts.binaries.initdb, args, {
      ...asSpawnUser(user),
      env: serverEnv(locale),
      stdio: ['ignore', log.fd, log.fd],
    });
    const code = await new Promise<number | null>((resolve, reject) => {
      child.once('error', reject);
      child.once('exit', (exitCode) => resolve(exitCode));
    });
    if (code !== 0) {
      throw new Error(`initdb failed (exit ${code}) in ${pgDir}:\n${await readLogSince(dataDir, offset)}`);
    }
  } finally {
    await log.close();
    await rm(pwFile, { force: true });
  }
}

/** A port that was free a moment ago (the kernel picks it); the postmaster binds it right after. */
export async function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/**
 * Starts the postmaster in its own process group (detached), so a Ctrl-C in the terminal reaches
 * Backboard only and Backboard shuts the database down after the HTTP server, in order.
 */
export async function spawnPostmaster(opts: {
  binaries: PostgresBinaries;
  dataDir: string;
  pgDir: string;
  user: ServerUser | null;
  port: number;
}): Promise<ChildProcess> {
  const locale = pickClusterLocale();
  const args = [
    '-D', opts.pgDir,
    '-p', String(opts.port),
    '-c', 'listen_addresses=127.0.0.1',
    // No unix socket: it would need a short path outside DATA_DIR (/tmp); TCP on loopback suffices.
    '-c', 'unix_socket_directories=',
    '-c', 'shared_buffers=128MB',
    '-c', 'max_connections=100',
  ];
  const log = await open(logPath(opts.dataDir), 'a');
  try {
    const child = spawn(opts.binaries.postgres, args, {
      ...asSpawnUser(opts.user),
      env: serverEnv(locale),
      detached: true,
      stdio: ['ignore', log.fd, log.fd],
    });
    await new Promise<void>((resolve, reject) => {
      child.once('spawn', resolve);
      child.once('error', reject);
    });
    // The server outlives nothing on its own: stop() ends it, and a crash leaves it for adoption.
    child.unref();
    return child;
  } finally {
    await log.close();
  }
}
