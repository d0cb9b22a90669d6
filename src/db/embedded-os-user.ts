// PostgreSQL refuses to run as root. When Backboard is started as root (containers, `sudo npm start`)
// the server runs as an unprivileged OS user instead: the owner of an existing cluster, else an
// existing `postgres` user, else a `backboard` system user created here. See ADR 0001.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdir, stat } from 'node:fs/promises';
import path from 'node:path';

export type ServerUser = { name: string; uid: number; gid: number };

const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;

/**
 * Creates `pgDir` (mode 0700, as PostgreSQL demands) and returns the OS user the server must run
 * as, or null to run as the current user. As root, the directory is handed to that user.
 */
export async function prepareServerUser(pgDir: string, isInitialised: boolean): Promise<ServerUser | null> {
  await mkdir(pgDir, { recursive: true, mode: 0o700 });
  if (!isRoot()) return null;

  const current = await stat(pgDir);
  // A cluster already owned by a non-root user keeps that user, so adding a `postgres` user to the
  // machine later never forces a re-chown of the whole cluster.
  if (isInitialised && current.uid !== 0) return { name: `uid ${current.uid}`, uid: current.uid, gid: current.gid };

  const user = lookUpUser('postgres') ?? createSystemUser('backboard');
  if (current.uid !== user.uid || current.gid !== user.gid) {
    execFileSync('chown', ['-R', `${user.uid}:${user.gid}`, pgDir], { stdio: ['ignore', 'ignore', 'pipe'] });
  }
  return user;
}

function lookUpUser(name: string): ServerUser | null {
  try {
    const uid = Number(execFileSync('id', ['-u', name], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }));
    const gid = Number(execFileSync('id', ['-g', name], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }));
    return Number.isInteger(uid) && Number.isInteger(gid) ? { name, uid, gid } : null;
  } catch {
    return null;
  }
}

function createSystemUser(name: string): ServerUser {
  const existing = lookUpUser(name);
  if (existing) return existing;
  try {
    execFileSync('useradd', ['--system', '--no-create-home', '--shell', '/usr/sbin/nologin', name], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
  } catch (error) {
    throw new Error(
      `Backboard runs as root, and PostgreSQL must not: creating the system user "${name}" failed ` +
        `(${(error as Error).message.trim()}). Create it yourself or run Backboard as a normal user.`,
    );
  }
  const created = lookUpUser(name);
  if (!created) throw new Error(`Created the system user "${name}" but cannot look it up with \`id\``);
  return created;
}

/**
 * Fails with a clear message when `user` cannot reach the data directory or the binaries, e.g.
 * DATA_DIR under /root (mode 0700) while the server runs as `postgres`.
 */
export function assertUserCanReach(user: ServerUser, dirs: string[], executables: string[]): void {
  const checks = [...new Set(dirs.flatMap(ancestorsOf)), ...executables];
  // One shell run as that user tests every path in order and prints the first it cannot pass.
  const script = 'for p; do [ -x "$p" ] || { echo "$p"; exit 1; }; done';
  const result = spawnSync('/bin/sh', ['-c', script, 'sh', ...checks], {
    uid: user.uid,
    gid: user.gid,
    encoding: 'utf8',
  });
  if (result.error) throw new Error(`Cannot run a check as OS user ${user.name}: ${result.error.message}`);
  if (result.status === 0) return;
  const blocked = result.stdout.trim();
  throw new Error(
    `The embedded PostgreSQL server runs as OS user ${user.name} (Backboard runs as root), which cannot ` +
      `traverse or execute ${blocked}. Allow it (e.g. chmod o+x ${blocked}) or put DATA_DIR and Backboard elsewhere.`,
  );
}

// "/a/b/c" → ["/", "/a", "/a/b", "/a/b/c"]: the top-most blocked directory is the one to report.
function ancestorsOf(dir: string): string[] {
  const list: string[] = [];
  for (let current = path.resolve(dir); ; current = path.dirname(current)) {
    list.unshift(current);
    if (path.dirname(current) === current) return list;
  }
}
