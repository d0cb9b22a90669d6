// Cached anonymous reads must never outlive a change: writes through the app invalidate at once,
// writes by another process (here: plain SQL on another connection) through the NOTIFY change feed.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { testTargets } from '../../test/db.ts';
import { createTestApp, type TestApp } from '../../test/app.ts';
import { bearer, createApiKey } from '../../test/factories/team.ts';
import { startChangeFeed, type ChangeFeed } from '../db/change-feed.ts';
import { createDatabase } from '../db/database.ts';
import { gunzipSync } from 'node:zlib';
import { createServer as createHttpServer, request as httpRequest, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { acceptsGzip, createPublicCache, publicCacheServerFactory } from './public-cache.ts';
import { buildApp } from '../app.ts';
import { getInstanceSecret } from '../db/instance-secret.ts';

async function eventually(check: () => Promise<boolean>, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  assert.fail('condition not met in time');
}

for (const target of testTargets()) {
  describe(`public read cache [${target.name}]`, () => {
    let t: TestApp;
    let feed: ChangeFeed;
    let key: string;
    let boardId: string;
    const cache = createPublicCache();

    before(async () => {
      t = await createTestApp(target, { publicCache: cache });
      feed = startChangeFeed({ connectionString: t.testDb.url, onChange: (ws) => cache.invalidate(ws), onReset: () => cache.clear(), log: { warn: () => {} } });
      key = await createApiKey(t.db, t.workspace.id, 'admin');
      const board = await t.app.inject({ method: 'POST', url: '/api/v1/boards', headers: bearer(key), payload: { name: 'Ideas' } });
      boardId = board.json().id;
      await new Promise((r) => setTimeout(r, 200)); // let the feed connect
    });
    after(async () => {
      await feed.stop();
      await t.close();
    });

    const list = async () => (await t.app.inject({ method: 'GET', url: `/api/v1/posts?boardId=${boardId}&sort=top` })).json().items as Array<{ id: string; title: string; voteCount: number }>;

    test('anonymous listings are cached and invalidated by writes through the app', async () => {
      assert.equal((await list()).length, 0);
      assert.ok(cache.size > 0, 'the anonymous listing was cached');
      const created = await t.app.inject({ method: 'POST', url: '/api/v1/posts', headers: bearer(key), payload: { boardId, title: 'Dark mode', author: { email: 'a@example.com' } } });
      assert.equal(created.statusCode, 201);
      assert.deepEqual((await list()).map((p) => p.title), ['Dark mode'], 'the write invalidated the cached listing at once');
    });

    test('a write by another server process reaches the cache through the change feed', async () => {
      const [post] = await list();
      // a second app on the same database stands for another server process: its own cache and notifier
      const otherProcess = await buildApp(
        { config: t.config, db: t.db, mailer: t.mailer, defaultWorkspaceId: t.workspace.id, cookieSecret: await getInstanceSecret(t.db, 'cookie_secret') },
        { logger: false },
      );
      try {
        const patched = await otherProcess.inject({ method: 'PATCH', url: `/api/v1/posts/${post.id}`, headers: bearer(key), payload: { title: 'Dark mode everywhere' } });
        assert.equal(patched.statusCode, 200);
      } finally {
        await otherProcess.close();
      }
      await eventually(async () => (await list())[0].title === 'Dark mode everywhere');
      const single = await t.app.inject({ method: 'GET', url: `/api/v1/posts/${post.id}` });
      assert.equal(single.json().title, 'Dark mode everywhere');
    });

    test('signed-in and team callers are never served from the cache', async () => {
      const [post] = await list();
      const other = createDatabase(t.testDb.url, { max: 1 });
      await feed.stop(); // without the feed, only uncached reads can see this change
      try {
        await other.updateTable('posts').set({ title: 'Renamed quietly' }).where('id', '=', post.id).execute();
      } finally {
        await other.destroy();
      }
      const team = await t.app.inject({ method: 'GET', url: `/api/v1/posts?boardId=${boardId}`, headers: bearer(key) });
      assert.equal(team.json().items[0].title, 'Renamed quietly');
    });

    test('a cached listing is sent gzipped to clients that accept it, with the same JSON and the usual headers', async () => {
      cache.clear();
      const url = `/api/v1/posts?boardId=${boardId}&sort=new`;
      const plain = await t.app.inject({ method: 'GET', url }); // a miss: computed by the route, then stored
      const again = await t.app.inject({ method: 'GET', url }); // a hit: answered before routing
      const zipped = await t.app.inject({ method: 'GET', url, headers: { 'accept-encoding': 'gzip, deflate, br' } });
      for (const res of [plain, again, zipped]) {
        assert.equal(res.statusCode, 200);
        assert.equal(res.headers['content-type'], 'application/json; charset=utf-8');
        assert.equal(res.headers.vary, 'accept-encoding');
        assert.match(String(res.headers['content-security-policy']), /default-src 'none'/, 'security headers on hits too');
      }
      assert.equal(plain.headers['content-encoding'], undefined);
      assert.equal(again.body, plain.body);
      assert.equal(zipped.headers['content-encoding'], 'gzip');
      assert.deepEqual(JSON.parse(gunzipSync(zipped.rawPayload).toString('utf8')), plain.json());
      // a bad query is still refused (only URLs the route answered are ever in the cache)
      const bad = await t.app.inject({ method: 'GET', url: `/api/v1/posts?boardId=${boardId}&sort=sideways` });
      assert.equal(bad.statusCode, 400);
    });

    test('over real HTTP, a hit answered in front of Fastify is the response Fastify gave, and writes still invalidate it', async () => {
      cache.clear();
      await t.app.listen({ port: 0, host: '127.0.0.1' });
      const port = (t.app.server.address() as AddressInfo).port;
      const url = `/api/v1/posts?boardId=${boardId}&sort=top&limit=5`;
      const miss = await get(port, url);
      const hit = await get(port, url);
      assert.equal(miss.status, 200);
      assert.equal(hit.body.toString(), miss.body.toString());
      const volatile = new Set(['date', 'connection', 'keep-alive']);
      const stable = (h: IncomingHttpHeaders) => Object.fromEntries(Object.entries(h).filter(([k]) => !volatile.has(k)).sort());
      assert.deepEqual(stable(hit.headers), stable(miss.headers), 'same headers as the route sent (security headers, type, vary, length)');
      const zipped = await get(port, url, { 'accept-encoding': 'gzip' });
      assert.equal(zipped.headers['content-encoding'], 'gzip');
      assert.equal(gunzipSync(zipped.body).toString(), miss.body.toString());
      const created = await t.app.inject({ method: 'POST', url: '/api/v1/posts', headers: bearer(key), payload: { boardId, title: 'Over the wire', author: { email: 'w@example.com' } } });
      assert.equal(created.statusCode, 201);
      const after = JSON.parse((await get(port, url)).body.toString()) as { items: Array<{ title: string }> };
      assert.ok(after.items.some((p) => p.title === 'Over the wire'), 'the write invalidated the entry the raw edge serves');
    });
  });
}

function get(port: number, path: string, headers: Record<string, string> = {}, method = 'GET'): Promise<{ status: number; headers: IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, path, method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('publicCacheServerFactory', () => {
  const workspace = '00000000-0000-4000-8000-000000000001';
  const cache = createPublicCache();
  const passedOn: string[] = [];
  let server: Server;
  let port: number;
  before(async () => {
    const factory = publicCacheServerFactory(cache, { defaultWorkspaceId: workspace, headers: { 'x-content-type-options': 'nosniff' } });
    // the handler stands for Fastify: it records what it was given
    server = factory((req, res) => {
      passedOn.push(`${req.method} ${req.url}`);
      res.writeHead(404).end();
    }, {}) as Server;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
    cache.set(workspace, '/api/v1/boards', { json: Buffer.from('{"items":[]}'), gzip: null }, cache.versionOf(workspace));
  });
  after(() => new Promise<void>((resolve) => server.close(() => resolve())));

  test('answers a credential-less GET of a cached URL itself, with the usual headers', async () => {
    passedOn.length = 0;
    const res = await get(port, '/api/v1/boards');
    assert.equal(res.status, 200);
    assert.equal(res.body.toString(), '{"items":[]}');
    assert.equal(res.headers['content-type'], 'application/json; charset=utf-8');
    assert.equal(res.headers['content-length'], '12');
    assert.equal(res.headers.vary, 'accept-encoding');
    assert.equal(res.headers['x-content-type-options'], 'nosniff');
    const zipped = await get(port, '/api/v1/boards', { 'accept-encoding': 'gzip, br' });
    assert.equal(zipped.headers['content-encoding'], 'gzip');
    assert.equal(gunzipSync(zipped.body).toString(), '{"items":[]}');
    assert.deepEqual(passedOn, []);
  });

  test('passes on misses, credentials, other methods and non-API paths', async () => {
    passedOn.length = 0;
    await get(port, '/api/v1/boards?x=1');
    await get(port, '/api/v1/boards', { cookie: 'bb_session=abc' });
    await get(port, '/api/v1/boards', { authorization: 'Bearer k' });
    await get(port, '/api/v1/boards', {}, 'HEAD');
    await get(port, '/boards');
    assert.deepEqual(passedOn, ['GET /api/v1/boards?x=1', 'GET /api/v1/boards', 'GET /api/v1/boards', 'HEAD /api/v1/boards', 'GET /boards']);
  });

  test('an invalidated entry is no longer answered', async () => {
    passedOn.length = 0;
    cache.invalidate(workspace);
    assert.equal((await get(port, '/api/v1/boards')).status, 404);
    assert.deepEqual(passedOn, ['GET /api/v1/boards']);
  });
});

describe('acceptsGzip', () => {
  test('reads Accept-Encoding as browsers and HTTP clients send it', () => {
    assert.equal(acceptsGzip(undefined), false);
    assert.equal(acceptsGzip(''), false);
    assert.equal(acceptsGzip('gzip, deflate, br, zstd'), true);
    assert.equal(acceptsGzip('br;q=1.0, gzip;q=0.8'), true);
    assert.equal(acceptsGzip('identity'), false);
    assert.equal(acceptsGzip('gzip;q=0'), false);
    assert.equal(acceptsGzip('*'), true);
    assert.equal(acceptsGzip('deflate, br'), false);
  });
});
