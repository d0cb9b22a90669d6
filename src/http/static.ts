// Serves the built web app (web/dist) with an SPA fallback: any GET that is not /api/* gets index.html.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';

export const WEB_DIST = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../web/dist');

export async function registerWebApp(app: FastifyInstance): Promise<void> {
  const hasBuild = existsSync(path.join(WEB_DIST, 'index.html'));
  if (hasBuild) {
    await app.register(fastifyStatic, { root: WEB_DIST, prefix: '/', wildcard: false, index: false, maxAge: '1h', immutable: false });
  }
  app.get('/*', { schema: { hide: true } }, async (request, reply) => {
    const url = request.url.split('?')[0];
    if (url.startsWith('/api/')) {
      return reply.status(404).send({ code: 'route_not_found', message: `No route GET ${url}`, errors: [] });
    }
    if (!hasBuild) {
      return reply.type('text/plain').status(503).send('The web app is not built. Run `npm run build:web` (npm start does it for you).');
    }
    if (url.startsWith('/assets/')) return reply.status(404).send({ code: 'not_found', message: 'Not found', errors: [] });
    return reply.header('cache-control', 'no-cache').sendFile('index.html');
  });
}
