import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { postOutbound, type OutboundPostInput } from './outbound-post.ts';

// A real receiver on loopback; each path behaves differently.
type Seen = { path: string; headers: http.IncomingHttpHeaders; body: string };

describe('postOutbound against a real local server', () => {
  const seen: Seen[] = [];
  let connections = 0;
  let server: http.Server;
  let base: string;

  before(async () => {
    server = http.createServer((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        seen.push({ path: req.url ?? '', headers: req.headers, body });
        if (req.url === '/ok') res.writeHead(200, { 'content-type': 'text/plain' }).end('thanks');
        else if (req.url === '/redirect') res.writeHead(302, { location: '/ok' }).end();
        else if (req.url === '/big') res.writeHead(200).end('x'.repeat(100_000));
        else if (req.url === '/slow') setTimeout(() => res.writeHead(200).end('late'), 2000);
        else res.writeHead(500).end('boom');
      });
    });
    server.on('connection', () => connections++);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  const post = (path: string, over: Partial<OutboundPostInput> = {}) => postOutbound({
    url: `${base}${path}`, headers: { 'content-type': 'application/json', 'x-test': '1' }, body: '{"hello":"wörld"}',
    timeoutMs: 1000, maxResponseBytes: 4096, policy: { allowLoopback: true }, ...over,
  });

  test('posts the body and headers and reports status, body and timing', async () => {
    const result = await post('/ok');
    assert.equal(result.status, 200);
    assert.equal(result.body, 'thanks');
    assert.equal(result.error, null);
    assert.ok(result.durationMs >= 0);
    const request = seen.at(-1)!;
    assert.equal(request.body, '{"hello":"wörld"}');
    assert.equal(request.headers['x-test'], '1');
    assert.equal(request.headers['content-length'], String(Buffer.byteLength('{"hello":"wörld"}')));
  });

  test('a redirect is reported, never followed', async () => {
    const before = seen.length;
    const result = await post('/redirect');
    assert.equal(result.status, 302);
    assert.equal(result.location, '/ok');
    assert.equal(seen.length, before + 1, 'only the redirecting request was made');
  });

  test('only the first maxResponseBytes of the body are kept', async () => {
    const result = await post('/big', { maxResponseBytes: 4096 });
    assert.equal(result.status, 200);
    assert.equal(result.body?.length, 4096);
    assert.equal(result.isBodyTruncated, true);
  });

  test('a slow receiver times out', async () => {
    const result = await post('/slow', { timeoutMs: 200 });
    assert.equal(result.status, null);
    assert.equal(result.errorCode, 'timeout');
    assert.ok(result.durationMs < 1500, `gave up after ${result.durationMs} ms`);
  });

  test('a closed port is a network error', async () => {
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const result = await postOutbound({ url: `http://127.0.0.1:${port}/`, headers: {}, body: '{}', timeoutMs: 1000, maxResponseBytes: 10, policy: { allowLoopback: true } });
    assert.equal(result.errorCode, 'network');
    assert.match(result.error ?? '', /ECONNREFUSED/);
  });

  test('refused addresses fail before any connection is made', async () => {
    const port = (server.address() as AddressInfo).port;
    const before = connections;
    const strict = { allowLoopback: false };
    // a hostname resolving to loopback (the DNS-rebinding shape): refused inside the connect-time lookup
    const viaName = await postOutbound({ url: `http://localhost:${port}/ok`, headers: {}, body: '{}', timeoutMs: 1000, maxResponseBytes: 10, policy: strict });
    assert.equal(viaName.errorCode, 'address_refused');
    assert.match(viaName.error ?? '', /localhost resolves to/);
    // literals, including ones that would leave this machine: refused without a packet being sent
    for (const url of [`http://127.0.0.1:${port}/ok`, `http://[::1]:${port}/ok`, 'http://169.254.169.254/latest/meta-data/', 'http://10.0.0.1/', 'http://[::ffff:10.0.0.1]/', 'http://0x7f.1/']) {
      const result = await postOutbound({ url, headers: {}, body: '{}', timeoutMs: 1000, maxResponseBytes: 10, policy: strict });
      assert.equal(result.errorCode, 'address_refused', url);
      assert.ok(result.durationMs < 50, `${url} refused at once`);
    }
    const loopbackAllowed = await postOutbound({ url: 'http://169.254.169.254/', headers: {}, body: '{}', timeoutMs: 1000, maxResponseBytes: 10, policy: { allowLoopback: true } });
    assert.equal(loopbackAllowed.errorCode, 'address_refused', 'allowing loopback does not open link-local');
    assert.equal(connections, before, 'the receiver saw no connection');
  });
});
