import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { chmod, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { startEmbeddedPostgres, type EmbeddedPostgresLog } from './embedded.ts';
import { isProcessAlive } from './embedded-owner.ts';

const childScript = path.resolve(import.meta.dirname, '../../test/fixtures/embedded-child.ts');

/** A fresh DATA_DIR for one test; afterwards any server still running in it is killed and it is removed. */
async function withDataDir(work: (dataDir: string) => Promise<void>): Promise<void> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'backboard-embedded-'));
  // mkdtemp makes it 0700; when the tests run as root the server runs as another OS user.
  await chmod(dataDir, 0o755);
  try {
    await work(dataDir);
  } finally {
    const pid = await readPostmasterPid(dataDir).catch(() => null);
    if (pid && isProcessAlive(pid)) {
      process.kill(pid, 'SIGQUIT');
      while (isProcessAlive(pid)) await sleep(50);
    }
    await rm(dataDir, { recursive: true, force: true });
  }
}

async function readPostmasterPid(dataDir: string): Promise<number> {
  return Number((await readFile(path.join(dataDir, 'pg', 'postmaster.pid'), 'utf8')).split('\n')[0]);
}

async function query(connectionString: string, sql: string): Promise<Record<string, unknown>[]> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    return (await client.query(sql)).rows;
  } finally {
    await client.end();
  }
}

function recordingLog(): EmbeddedPostgresLog & { warnings: string[] } {
  const warnings: string[] = [];
  return { warnings, info: () => {}, warn: (msg) => warnings.push(msg) };
}

test('starts a server in DATA_DIR, answers queries, and stop() ends it', { timeout: 60_000 }, () =>
  withDataDir(async (dataDir) => {
    const db = await startEmbeddedPostgres({ dataDir });
    assert.equal(db.owned, true);
    assert.match(db.connectionString, /^postgres:\/\/backboard:[^@]{20,}@127\.0\.0\.1:\d+\/backboard$/);
    assert.deepEqual(await query(db.connectionString, 'select 1 as one'), [{ one: 1 }]);

    assert.equal((await stat(path.join(dataDir, 'pg-credentials.json'))).mode & 0o777, 0o600);
    const owner = JSON.parse(await readFile(path.join(dataDir, 'backboard-owner.json'), 'utf8'));
    assert.equal(owner.pid, process.pid);

    const pid = await readPostmasterPid(dataDir);
    await db.stop();
    assert.throws(() => process.kill(pid, 0), { code: 'ESRCH' });
    await assert.rejects(stat(path.join(dataDir, 'backboard-owner.json')), { code: 'ENOENT' });
  }),
);

test('listens on 127.0.0.1 only, with no unix socket and fsync on', { timeout: 60_000 }, () =>
  withDataDir(async (dataDir) => {
    const db = await startEmbeddedPostgres({ dataDir });
    try {
      const [row] = await query(
        db.connectionString,
        `select current_setting('listen_addresses') as listen, current_setting('unix_socket_directories') as sockets,
                current_setting('fsync') as fsync, current_setting('server_encoding') as encoding`,
      );
      assert.deepEqual(row, { listen: '127.0.0.1', sockets: '', fsync: 'on', encoding: 'UTF8' });
    } finally {
      await db.stop();
    }
  }),
);

test('a restart reuses the cluster and its data', { timeout: 60_000 }, () =>
  withDataDir(async (dataDir) => {
    const first = await startEmbeddedPostgres({ dataDir });
    await query(first.connectionString, `create table kept (v text); insert into kept values ('still here')`);
    await first.stop();

    const second = await startEmbeddedPostgres({ dataDir });
    try {
      assert.deepEqual(await query(second.connectionString, 'select v from kept'), [{ v: 'still here' }]);
    } finally {
      await second.stop();
    }
  }),
);

test('a stale postmaster.pid (its server died) does not block the next start', { timeout: 60_000 }, () =>
  withDataDir(async (dataDir) => {
    const first = await startEmbeddedPostgres({ dataDir });
    const lockFile = path.join(dataDir, 'pg', 'postmaster.pid');
    const leftover = await readFile(lockFile, 'utf8');
    await first.stop();
    // What a server killed by a power cut leaves behind: the lock file naming a pid that is gone.
    await writeFile(lockFile, leftover);

    const second = await startEmbeddedPostgres({ dataDir });
    try {
      assert.equal(second.owned, true);
      assert.deepEqual(await query(second.connectionString, 'select 1 as one'), [{ one: 1 }]);
    } finally {
      await second.stop();
    }
  }),
);

test('adopts a server orphaned by a Backboard process killed with SIGKILL', { timeout: 60_000 }, () =>
  withDataDir(async (dataDir) => {
    const child = spawn(process.execPath, [childScript, dataDir], { stdio: ['ignore', 'pipe', 'inherit'] });
    const [line] = (await once(createInterface({ input: child.stdout }), 'line')) as [string];
    const started = JSON.parse(line) as { connectionString: string; owned: boolean };
    assert.equal(started.owned, true);
    const orphanPid = await readPostmasterPid(dataDir);

    child.kill('SIGKILL');
    await once(child, 'exit');
    assert.ok(isProcessAlive(orphanPid), 'the server outlives the killed process');

    const log = recordingLog();
    const db = await startEmbeddedPostgres({ dataDir, log });
    assert.equal(db.owned, true);
    assert.equal(db.connectionString, started.connectionString);
    assert.match(log.warnings.join('\n'), /taking it over/);
    assert.equal(await readPostmasterPid(dataDir), orphanPid);
    assert.deepEqual(await query(db.connectionString, 'select 1 as one'), [{ one: 1 }]);
    const owner = JSON.parse(await readFile(path.join(dataDir, 'backboard-owner.json'), 'utf8'));
    assert.equal(owner.pid, process.pid);

    await db.stop();
    assert.equal(isProcessAlive(orphanPid), false);
  }),
);

test('a second start while the owner runs attaches without owning the server', { timeout: 60_000 }, () =>
  withDataDir(async (dataDir) => {
    const owner = await startEmbeddedPostgres({ dataDir });
    try {
      const pid = await readPostmasterPid(dataDir);
      const attached = await startEmbeddedPostgres({ dataDir });
      assert.equal(attached.owned, false);
      assert.equal(attached.connectionString, owner.connectionString);
      assert.deepEqual(await query(attached.connectionString, 'select 2 as two'), [{ two: 2 }]);

      await attached.stop();
      assert.ok(isProcessAlive(pid), 'a non-owner stop() leaves the server running');
      assert.deepEqual(await query(owner.connectionString, 'select 3 as three'), [{ three: 3 }]);
    } finally {
      await owner.stop();
    }
  }),
);
