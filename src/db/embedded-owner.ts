// Who runs the embedded server: the postmaster's own lock file (`pg/postmaster.pid`) and our owner
// file (`backboard-owner.json`). Together they tell a fresh start, a server another live Backboard
// process owns (attach), and a server orphaned by a crashed one (adopt). See ADR 0001.
import { readFileSync } from 'node:fs';
import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

export type Postmaster = {
  pid: number;
  port: number;
  /** Line 8 of postmaster.pid: starting | ready | stopping (absent while it is being written). */
  status: string;
};

export type OwnerRecord = { pid: number; startedAt: string };

export const ownerFilePath = (dataDir: string) => path.join(dataDir, 'backboard-owner.json');

/** True while `pid` runs. A zombie (exited, not yet reaped by its parent) counts as gone. */
export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    // EPERM: it exists but belongs to another user (the server runs as `postgres` under root).
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
  return processState(pid) !== 'Z';
}

/** The one-letter state from /proc (Linux); null where /proc is not available. */
function processState(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) is in parentheses and may hold spaces: the state follows the last ')'.
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
  } catch {
    return null;
  }
}

// After a reboot or in a fresh container a stale postmaster.pid may name a pid that now belongs to
// an unrelated process. On Linux we can tell; elsewhere a live pid is trusted.
function isPostgresProcess(pid: number): boolean {
  let cmdline: string;
  try {
    cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
  } catch {
    return true;
  }
  return cmdline.includes('postgres');
}

/** The live postmaster serving `pgDir`, or null when there is none (no lock file, or a stale one). */
export async function readLivePostmaster(pgDir: string): Promise<Postmaster | null> {
  let text: string;
  try {
    text = await readFile(path.join(pgDir, 'postmaster.pid'), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  const lines = text.split('\n');
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (!Number.isInteger(pid) || pid <= 0) return null;
  if (!isProcessAlive(pid) || !isPostgresProcess(pid)) return null;
  return { pid, port: Number.isInteger(port) ? port : 0, status: (lines[7] ?? '').trim() };
}

/**
 * PostgreSQL clears a lock file whose pid is dead, but refuses one whose pid was reused by an unrelated
 * process (common after a reboot or in a fresh container). Only that case is removed here.
 */
export async function removeReusedLockFile(pgDir: string): Promise<void> {
  const file = path.join(pgDir, 'postmaster.pid');
  const pid = Number((await readFile(file, 'utf8').catch(() => '')).split('\n')[0]);
  if (Number.isInteger(pid) && pid > 0 && isProcessAlive(pid) && !isPostgresProcess(pid)) await rm(file, { force: true });
}

export async function readOwner(dataDir: string): Promise<OwnerRecord | null> {
  try {
    const parsed = JSON.parse(await readFile(ownerFilePath(dataDir), 'utf8')) as Partial<OwnerRecord>;
    if (typeof parsed.pid !== 'number') return null;
    return { pid: parsed.pid, startedAt: String(parsed.startedAt ?? '') };
  } catch {
    // Missing or half-written (crash while writing): same as no owner.
    return null;
  }
}

export async function writeOwner(dataDir: string): Promise<void> {
  const record: OwnerRecord = { pid: process.pid, startedAt: new Date().toISOString() };
  await writeFile(ownerFilePath(dataDir), `${JSON.stringify(record)}\n`, { mode: 0o644 });
}

/** Removes the owner file if it still names this process (a later owner may have replaced it). */
export async function removeOwner(dataDir: string): Promise<void> {
  const owner = await readOwner(dataDir);
  if (owner && owner.pid !== process.pid) return;
  await rm(ownerFilePath(dataDir), { force: true });
}

/** Polls until `pid` is gone; false on timeout. */
export async function waitForProcessExit(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (isProcessAlive(pid)) {
    if (Date.now() > deadline) return false;
    await sleep(50);
  }
  return true;
}
