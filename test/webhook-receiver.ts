// A real HTTP receiver for webhook tests: node:http on 127.0.0.1 with a random port. It records every
// request (headers + raw body) and every TCP connection, and answers from a script of responses
// (then the default), so tests can play "500 then 200", "410", a redirect, a huge or a slow body.
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export type ReceivedRequest = { path: string; headers: http.IncomingHttpHeaders; body: string; receivedAt: number };
export type ScriptedResponse = { status: number; body?: string; headers?: Record<string, string>; delayMs?: number };

export type WebhookReceiver = {
  url: (path?: string) => string;
  port: number;
  requests: ReceivedRequest[];
  connections: () => number;
  /** Answers for the next requests to `path`, in order; afterwards `fallback` answers. */
  script: (path: string, ...responses: ScriptedResponse[]) => void;
  setFallback: (response: ScriptedResponse) => void;
  /** Resolves with the requests to `path` once there are `count` of them (rejects after timeoutMs). */
  waitForPath: (path: string, count: number, timeoutMs?: number) => Promise<ReceivedRequest[]>;
  close: () => Promise<void>;
};

export async function startWebhookReceiver(): Promise<WebhookReceiver> {
  const requests: ReceivedRequest[] = [];
  const queues = new Map<string, ScriptedResponse[]>();
  let fallback: ScriptedResponse = { status: 200, body: 'ok' };
  let connections = 0;
  const waiters: Array<() => void> = [];

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      requests.push({ path: req.url ?? '/', headers: req.headers, body: Buffer.concat(chunks).toString('utf8'), receivedAt: Date.now() });
      for (const wake of waiters.splice(0)) wake();
      const answer = queues.get(req.url ?? '/')?.shift() ?? fallback;
      const send = () => {
        if (res.destroyed) return;
        res.writeHead(answer.status, answer.headers ?? { 'content-type': 'text/plain' }).end(answer.body ?? '');
      };
      if (answer.delayMs) setTimeout(send, answer.delayMs);
      else send();
    });
  });
  server.on('connection', () => connections++);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;

  return {
    port,
    url: (path = '/hooks') => `http://127.0.0.1:${port}${path}`,
    requests,
    connections: () => connections,
    script: (path, ...responses) => void queues.set(path, [...(queues.get(path) ?? []), ...responses]),
    setFallback: (response) => void (fallback = response),
    async waitForPath(path, count, timeoutMs = 15_000) {
      const deadline = Date.now() + timeoutMs;
      const matching = () => requests.filter((r) => r.path === path);
      while (matching().length < count) {
        const left = deadline - Date.now();
        if (left <= 0) throw new Error(`expected ${count} webhook requests to ${path}, got ${matching().length}`);
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, left);
          waiters.push(() => {
            clearTimeout(timer);
            resolve();
          });
        });
      }
      return matching();
    },
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
