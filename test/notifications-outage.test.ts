// The outage test (issue 4): the mail server is down, a status change goes out to a post's 50
// subscribers, the worker process is killed (SIGKILL) mid-way through its retries — while it holds
// jobs — and started again, then the mail server comes back: every subscriber gets exactly one
// message for the event.
// Real processes: `backboard serve --no-worker` and a separate `backboard worker` on one DATA_DIR
// (the worker attaches to the server's embedded PostgreSQL), or both on TEST_DATABASE_URL's server.
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Socket } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { runCli, startServerProcess, startWorkerProcess, type ServerProcess, type WorkerProcess } from './process.ts';
import { startSmtpServer, type TestSmtpServer } from './smtp-server.ts';
import { createTestDb, testTargets, type TestDb } from './db.ts';

const SUBSCRIBERS = 50;

type Setup = { name: string; env: () => Promise<Record<string, string>>; cleanup: () => Promise<void> };

function setups(): Setup[] {
  const list: Setup[] = [];
  let dataDir = '';
  list.push({
    name: 'embedded, shared DATA_DIR',
    env: async () => {
      dataDir = await mkdtemp(path.join(os.tmpdir(), 'bb-outage-'));
      await chmod(dataDir, 0o755);
      return { DATA_DIR: dataDir };
    },
    cleanup: () => rm(dataDir, { recursive: true, force: true }),
  });
  const external = testTargets().find((t) => t.name === 'external');
  if (external) {
    let testDb: TestDb | null = null;
    let externalDir = '';
    list.push({
      name: 'external PostgreSQL',
      env: async () => {
        testDb = await createTestDb(external);
        externalDir = await mkdtemp(path.join(os.tmpdir(), 'bb-outage-ext-'));
        return { DATABASE_URL: testDb.url, DATA_DIR: externalDir };
      },
      cleanup: async () => {
        await testDb?.drop();
        await rm(externalDir, { recursive: true, force: true });
      },
    });
  }
  return list;
}

for (const setup of setups()) {
  describe(`notifications survive a mail outage and a killed worker [${setup.name}]`, () => {
    let server: ServerProcess | null = null;
    let worker: WorkerProcess | null = null;
    let smtp: TestSmtpServer | null = null;

    after(async () => {
      worker?.child.kill('SIGKILL');
      await worker?.exited;
      server?.child.kill('SIGTERM');
      await server?.exited;
      await smtp?.close();
      await setup.cleanup();
    });

    test('every subscriber gets exactly one message for the event', async () => {
      // a port for the mail server, which is down for now
      const probe = await startSmtpServer();
      const smtpPort = probe.port;
      await probe.close();
      const env = {
        ...(await setup.env()),
        SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
        MAIL_FROM: 'Backboard <no-reply@outage.test>',
        // fast retries so the test takes seconds: 0.4 s doubling, at most 2.5 s apart (×0.5–1.5 jitter)
        JOB_RETRY_BASE_MS: '400',
        JOB_RETRY_MAX_MS: '2500',
      };
      server = await startServerProcess(env, ['--no-worker']);
      const created = await runCli(['api-key', 'create', '--name', 'outage', '--scope', 'admin'], env);
      assert.equal(created.code, 0, created.stderr);
      const key = created.stdout.trim();
      const api = async (method: string, url: string, body?: unknown) => {
        const res = await fetch(`${server!.url}${url}`, {
          method, headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body),
        });
        const text = await res.text();
        assert.ok(res.ok, `${method} ${url} → ${res.status} ${text}`);
        return text ? JSON.parse(text) : null;
      };

      const emails = Array.from({ length: SUBSCRIBERS }, (_, i) => `subscriber-${i}@example.com`);
      const board = await api('POST', '/api/v1/boards', { name: 'Ideas' });
      const post = await api('POST', '/api/v1/posts', { boardId: board.id, title: 'Offline mode', author: { email: emails[0] } });
      for (const email of emails.slice(1)) await api('POST', `/api/v1/posts/${post.id}/votes`, { voter: { email } });

      worker = await startWorkerProcess(env);
      await api('PATCH', `/api/v1/posts/${post.id}`, { status: 'shipped', statusMessage: 'Offline mode is **live**.' });
      const eventId = await poll(async () => (await api('GET', `/api/v1/notifications/log?postId=${post.id}`)).items[0]?.id as string | undefined, 'the fan-out');
      const deliveries = () => api('GET', `/api/v1/events/${eventId}/deliveries?limit=200`); // every recipient on one page

      // let the worker fail against the dead mail server a few times…
      await poll(async () => {
        const { items } = await deliveries();
        const emailRows = items.filter((d: { channel: string }) => d.channel === 'email');
        return emailRows.length === SUBSCRIBERS && emailRows.filter((d: { attempts: number }) => d.attempts >= 2).length >= 10 ? true : undefined;
      }, 'failed attempts');
      const midway = (await deliveries()).items.filter((d: { channel: string }) => d.channel === 'email');
      assert.ok(midway.every((d: { state: string }) => d.state === 'queued'), 'nothing was sent or given up while the mail server was down');
      assert.ok(midway.some((d: { lastError: string | null }) => d.lastError?.includes('ECONNREFUSED')), 'the audit shows why');
      // …then let its next attempts hang on a server that never answers, and kill it mid-send: the
      // jobs it holds stay locked by a process that is gone
      const hang = await startSilentListener(smtpPort);
      await new Promise((resolve) => setTimeout(resolve, 4500));
      worker.child.kill('SIGKILL');
      await worker.exited;
      await hang.close();

      worker = await startWorkerProcess(env);
      smtp = await startSmtpServer({ port: smtpPort });
      const final = await poll(async () => {
        const result = await deliveries();
        return result.summary.email.sent === SUBSCRIBERS ? result : undefined;
      }, 'every email to be sent', 60_000);
      await new Promise((resolve) => setTimeout(resolve, 1500)); // room for a duplicate to show up

      const received = smtp.received.filter((m) => m.parsed.subject === '"Offline mode" is now Shipped');
      for (const email of emails) {
        const mine = received.filter((m) => m.envelope.to.includes(email));
        const ids = new Set(mine.map((m) => m.parsed.messageId));
        assert.equal(ids.size, 1, `${email}: ${ids.size} distinct messages`);
        assert.equal(mine.length, 1, `${email}: received ${mine.length} times`);
        const delivery = final.items.find((d: { address: string; channel: string }) => d.address === email && d.channel === 'email');
        assert.equal(delivery.messageId, mine[0].parsed.messageId, 'the audit names the message that arrived');
      }
      assert.equal(received.length, SUBSCRIBERS);
      assert.ok(worker.output().includes('released the jobs of worker pools that died'), 'the killed worker held jobs, and they were recovered');
    });
  });
}

/** A TCP listener that accepts connections and never says a word (an SMTP server hung mid-outage). */
async function startSilentListener(port: number): Promise<{ close(): Promise<void> }> {
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on('error', () => {});
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  return {
    close: () => new Promise<void>((resolve) => {
      for (const socket of sockets) socket.destroy();
      server.close(() => resolve());
    }),
  };
}

async function poll<T>(check: () => Promise<T | undefined>, what: string, timeoutMs = 40_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
