// The two-command promise, as a user meets it: `backboard serve` on a fresh DATA_DIR initialises the
// embedded PostgreSQL, prints the setup link, serves the API; the CLI works beside it; SIGTERM stops
// everything; after a kill -9 the next start takes the orphaned database over.
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { chmod, mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { isProcessAlive } from '../src/db/embedded-owner.ts';
import { runCli, startServerProcess } from './process.ts';

// zombies (exited, not reaped by a non-reaping init) count as gone
const pidAlive = isProcessAlive;

async function postmasterPid(dataDir: string): Promise<number> {
  return Number((await readFile(path.join(dataDir, 'pg', 'postmaster.pid'), 'utf8')).split('\n')[0]);
}

describe('backboard serve on the embedded database', () => {
  const dirs: string[] = [];
  // PostgreSQL runs as an unprivileged user when the tests run as root: it must be able to enter the dir
  async function dataDirFor(prefix: string): Promise<string> {
    const dir = await mkdtemp(path.join(os.tmpdir(), prefix));
    await chmod(dir, 0o755);
    dirs.push(dir);
    return dir;
  }
  after(async () => {
    for (const dir of dirs) await rm(dir, { recursive: true, force: true });
  });

  test('first start, setup link, CLI api key beside the server, contract call, clean SIGTERM', async () => {
    const dataDir = await dataDirFor('bb-serve-');
    const server = await startServerProcess({ DATA_DIR: dataDir });
    try {
      assert.deepEqual(await (await fetch(`${server.url}/api/health`)).json(), { status: 'ok' });
      assert.match(server.output(), /\/setup\/[A-Za-z0-9_-]{20,}/, 'prints the one-time setup link');

      const created = await runCli(['api-key', 'create', '--name', 'ci', '--scope', 'admin'], { DATA_DIR: dataDir });
      assert.equal(created.code, 0, created.stderr);
      const key = created.stdout.trim();
      assert.match(key, /^bb_/);

      const board = await fetch(`${server.url}/api/v1/boards`, {
        method: 'POST',
        headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
        body: JSON.stringify({ name: 'Feature Requests', visibility: 'public' }),
      });
      assert.equal(board.status, 201);

      const pgPid = await postmasterPid(dataDir);
      assert.ok(pidAlive(pgPid), 'the CLI left the shared embedded server running');
      server.child.kill('SIGTERM');
      assert.equal(await server.exited, 0);
      assert.equal(pidAlive(pgPid), false, 'PostgreSQL stopped with the server');
      assert.equal(existsSync(path.join(dataDir, 'pg', 'postmaster.pid')), false);
    } finally {
      server.child.kill('SIGKILL');
    }
  });

  test('serve --demo: a living board, and its duplicates already in the queue', async () => {
    const dataDir = await dataDirFor('bb-demo-');
    const server = await startServerProcess({ DATA_DIR: dataDir }, ['--demo']);
    try {
      const boards = (await (await fetch(`${server.url}/api/v1/boards`)).json()) as { items: Array<{ postCount: number }> };
      assert.equal(boards.items.length, 4, 'four public boards (the fifth is private)');
      const top = (await (await fetch(`${server.url}/api/v1/posts?sort=top&limit=3`)).json()) as { items: Array<{ voteCount: number; commentCount: number }> };
      assert.ok(top.items.every((p) => p.voteCount > 20), JSON.stringify(top.items));
      const key = (await runCli(['api-key', 'create', '--name', 'demo', '--scope', 'admin'], { DATA_DIR: dataDir })).stdout.trim();
      const queue = (await (await fetch(`${server.url}/api/v1/duplicates?limit=5`, { headers: { authorization: `Bearer ${key}` } })).json()) as { items: unknown[] };
      assert.equal(queue.items.length, 5, 'the seeded rephrasings are waiting in Admin → Duplicates');
      server.child.kill('SIGTERM');
      assert.equal(await server.exited, 0);
    } finally {
      server.child.kill('SIGKILL');
    }
  });

  test('after kill -9 the next start takes over the orphaned database and keeps the data', async () => {
    const dataDir = await dataDirFor('bb-orphan-');
    const first = await startServerProcess({ DATA_DIR: dataDir });
    const created = await runCli(['api-key', 'create', '--name', 'ci', '--scope', 'admin'], { DATA_DIR: dataDir });
    const key = created.stdout.trim();
    await fetch(`${first.url}/api/v1/boards`, {
      method: 'POST', headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Survivor' }),
    });
    const orphanPid = await postmasterPid(dataDir);
    first.child.kill('SIGKILL');
    await first.exited;
    assert.ok(pidAlive(orphanPid), 'kill -9 leaves PostgreSQL orphaned');

    const second = await startServerProcess({ DATA_DIR: dataDir });
    try {
      const boards = (await (await fetch(`${second.url}/api/v1/boards`)).json()) as { items: Array<{ slug: string }> };
      assert.ok(boards.items.some((b) => b.slug === 'survivor'));
      second.child.kill('SIGTERM');
      assert.equal(await second.exited, 0);
      assert.equal(pidAlive(orphanPid), false, 'the adopted server is stopped on shutdown');
    } finally {
      second.child.kill('SIGKILL');
    }
  });
});
