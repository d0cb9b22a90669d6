// Child processes of the benchmark: the real Backboard server and the bare-Fastify ceiling each run in
// their own process, so load crosses real HTTP between processes and their memory can be read apart.
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { findFreePort } from '../src/db/embedded-cluster.ts';

export const ROOT = path.resolve(import.meta.dirname, '..');

export type Served = { child: ChildProcess; pid: number; baseUrl: string; stop(): Promise<void>; assertAlive(during: string): void };

const START_TIMEOUT_MS = 180_000;

/** Spawns `node <args>` from the repository root, its output appended to logFile. */
function spawnNode(args: string[], env: NodeJS.ProcessEnv, logFile: string): ChildProcess {
  const child = spawn(process.execPath, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const log = createWriteStream(logFile, { flags: 'a' });
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  return child;
}

const hasExited = (child: ChildProcess) => child.exitCode !== null || child.signalCode !== null;

async function waitForOk(url: string, child: ChildProcess, logFile: string): Promise<void> {
  const deadline = Date.now() + START_TIMEOUT_MS;
  for (;;) {
    if (hasExited(child)) {
      const tail = (await readFile(logFile, 'utf8').catch(() => '')).trimEnd().split('\n').slice(-5).join('\n');
      throw new Error(`${url}: the process exited (code ${child.exitCode}); end of ${logFile}:\n${tail}`);
    }
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`${url} did not answer within ${START_TIMEOUT_MS / 1000} s; see ${logFile}`);
    await sleep(200);
  }
}

/** SIGTERM (the server then stops its embedded PostgreSQL too) and wait; SIGKILL after 60 s. */
async function stopChild(child: ChildProcess): Promise<void> {
  if (hasExited(child)) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timedOut = await Promise.race([exited.then(() => false), sleep(60_000).then(() => true)]);
  if (timedOut) {
    child.kill('SIGKILL');
    await exited;
  }
}

function served(child: ChildProcess, baseUrl: string): Served {
  return {
    child, pid: child.pid as number, baseUrl,
    stop: () => stopChild(child),
    assertAlive(during) {
      if (!hasExited(child)) return;
      const how = child.signalCode ? `signal ${child.signalCode} (sent by another process)` : `exit code ${child.exitCode}`;
      throw new Error(`The server process (pid ${child.pid}) ended during ${during}: ${how}; the results would be meaningless`);
    },
  };
}

/**
 * The real server: `node src/main.ts serve` on the embedded PostgreSQL in dataDir, its job worker in
 * the same process (the default). `env` adds settings such as SMTP_URL (the benchmark's mail sink).
 */
export async function startBackboard(dataDir: string, logFile: string, env: NodeJS.ProcessEnv = {}): Promise<Served> {
  const port = await findFreePort();
  const childEnv: NodeJS.ProcessEnv = {
    ...process.env,
    ...env,
    DATA_DIR: dataDir,
    DATABASE_URL: '', // always the embedded server in dataDir, whatever the caller's shell has
    HOST: '127.0.0.1',
    PORT: String(port),
    LOG_LEVEL: 'warn',
    RATE_LIMIT_DISABLED: '1',
  };
  // BENCH_SERVER_NODE_ARGS: extra node flags for the server only, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof"
  const nodeArgs = (process.env.BENCH_SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const child = spawnNode([...await startScriptNodeFlags(), ...nodeArgs, 'src/main.ts', 'serve'], childEnv, logFile);
  const baseUrl = `http://127.0.0.1:${port}`;
  try {
    await waitForOk(`${baseUrl}/api/health`, child, logFile);
  } catch (error) {
    await stopChild(child);
    throw error;
  }
  return served(child, baseUrl);
}

/** The node flags `npm start` runs the server with (package.json), so the benchmark measures the same thing. */
export async function startScriptNodeFlags(): Promise<string[]> {
  const pkg = JSON.parse(await readFile(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
  const match = /\bnode((?: --\S+)*) src\/main\.ts serve\b/.exec(pkg.scripts.start ?? '');
  if (!match) throw new Error('package.json: the start script no longer runs `node [flags] src/main.ts serve`; update bench/processes.ts');
  return match[1]!.split(' ').filter(Boolean);
}

/** The ceiling: bench/ceiling-server.ts (bare Fastify, one fixed JSON route). */
export async function startCeiling(logFile: string): Promise<Served> {
  const port = await findFreePort();
  const child = spawnNode(['bench/ceiling-server.ts', String(port)], { ...process.env }, logFile);
  const baseUrl = `http://127.0.0.1:${port}`;
  try {
    await waitForOk(`${baseUrl}/ceiling`, child, logFile);
  } catch (error) {
    await stopChild(child);
    throw error;
  }
  return served(child, baseUrl);
}

/** Peak resident set size (VmHWM) of a live process, in MB. */
export async function readPeakRssMb(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const match = /^VmHWM:\s+(\d+)\s+kB/m.exec(status);
  if (!match) throw new Error(`no VmHWM in /proc/${pid}/status`);
  return Number(match[1]) / 1024;
}

/** Runs `node <script> <args>` to completion with inherited output (used for bench/seed.ts). */
export async function runNodeScript(args: string[]): Promise<void> {
  const child = spawn(process.execPath, args, { cwd: ROOT, stdio: 'inherit' });
  const code = await new Promise<number>((resolve) => child.on('exit', (c, signal) => resolve(c ?? (signal ? 1 : 0))));
  if (code !== 0) throw new Error(`node ${args.join(' ')} exited with code ${code}`);
}

const TICK_MS = 10; // USER_HZ is 100 on Linux

/** CPU time (user + system) a process has used so far, in ms; 0 when it is gone. */
async function readCpuMs(pid: number): Promise<number> {
  try {
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
    // fields after the command name (which may contain spaces): utime is the 14th field, stime the 15th
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * TICK_MS;
  } catch {
    return 0;
  }
}

/** The postmaster of the embedded cluster in dataDir and all its children (backends, WAL writer…). */
async function listPostgresPids(dataDir: string): Promise<number[]> {
  const pidFile = path.join(dataDir, 'pg', 'postmaster.pid');
  const text = await readFile(pidFile, 'utf8').catch(() => {
    throw new Error(`PostgreSQL is not running on ${dataDir} any more (no ${pidFile}); was the server stopped?`);
  });
  const postmaster = Number(text.split('\n')[0]);
  const pids = [postmaster];
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = await readFile(`/proc/${entry}/stat`, 'utf8').catch(() => '');
    const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    if (ppid === postmaster) pids.push(Number(entry));
  }
  return pids;
}

export type CpuSample = { serverMs: number; postgresMs: number };

/** CPU used by the server process and by PostgreSQL between two calls (pass the first result back). */
export async function sampleCpu(serverPid: number, dataDir: string | null): Promise<CpuSample> {
  const pgPids = dataDir ? await listPostgresPids(dataDir) : [];
  const pg = await Promise.all(pgPids.map(readCpuMs));
  return { serverMs: await readCpuMs(serverPid), postgresMs: pg.reduce((a, b) => a + b, 0) };
}
