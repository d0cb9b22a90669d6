// THE composition root: main.ts, the CLI and the tests all build the app here.
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { registerErrorHandling } from './http/errors.ts';
import { registerSecurity, securityHeaders } from './http/security.ts';
import { registerAuth } from './http/auth.ts';
import { registerOpenApi } from './http/openapi.ts';
import { registerWebApp } from './http/static.ts';
import type { AppDeps } from './http/context.ts';
import { createPublicCache, publicCacheServerFactory, registerPublicCacheEdge, registerPublicCacheInvalidation } from './http/public-cache.ts';
import { createChangeNotifier } from './db/change-notifier.ts';
import { healthRoutes } from './modules/health/health.routes.ts';
import { authRoutes } from './modules/auth/auth.routes.ts';
import { boardsRoutes } from './modules/boards/boards.routes.ts';
import { statusesRoutes } from './modules/statuses/statuses.routes.ts';
import { tagsRoutes } from './modules/tags/tags.routes.ts';
import { postsRoutes } from './modules/posts/posts.routes.ts';
import { votesRoutes } from './modules/votes/votes.routes.ts';
import { commentsRoutes } from './modules/comments/comments.routes.ts';
import { mergesRoutes } from './modules/merges/merges.routes.ts';
import { workspacesRoutes } from './modules/workspaces/workspaces.routes.ts';
import { membersRoutes } from './modules/members/members.routes.ts';
import { companiesRoutes } from './modules/companies/companies.routes.ts';
import { peopleRoutes } from './modules/people/people.routes.ts';
import { apiKeysRoutes } from './modules/api-keys/api-keys.routes.ts';
import { webhooksRoutes } from './modules/webhooks/webhooks.routes.ts';
import { roadmapRoutes } from './modules/roadmap/roadmap.routes.ts';
import { changelogRoutes } from './modules/changelog/changelog.routes.ts';
import { demandRoutes } from './modules/demand/demand.routes.ts';
import { subscriptionsRoutes } from './modules/subscriptions/subscriptions.routes.ts';
import { notificationsRoutes } from './modules/notifications/notifications.routes.ts';
import { registerSimilarIndexInvalidation, similarRoutes } from './modules/similar/similar.routes.ts';
import { createSimilarIndexes } from './modules/similar/index.ts';
import { createVoteWriter } from './modules/votes/index.ts';

export type { AppDeps } from './http/context.ts';
export type App = FastifyInstance;

export const BODY_LIMIT_BYTES = 256 * 1024;

export async function buildApp(inputDeps: AppDeps, opts: { logger?: boolean; loggerInstance?: FastifyBaseLogger } = {}): Promise<App> {
  const deps = {
    ...inputDeps,
    publicCache: inputDeps.publicCache ?? createPublicCache(),
    changeNotifier: inputDeps.changeNotifier ?? createChangeNotifier(inputDeps.db),
    similarIndexes: inputDeps.similarIndexes ?? createSimilarIndexes(inputDeps.db, { maxStalenessMs: inputDeps.config.similarMaxStalenessMs }),
    voteWriter: inputDeps.voteWriter ?? createVoteWriter(inputDeps.db),
  };
  const headers = securityHeaders(deps.config);
  const app = Fastify({
    // cached anonymous reads are answered in front of Fastify (ADR 0006)
    serverFactory: publicCacheServerFactory(deps.publicCache, { defaultWorkspaceId: deps.defaultWorkspaceId, headers: headers.api }),
    ...(opts.loggerInstance ? { loggerInstance: opts.loggerInstance } : { logger: opts.logger ?? { level: deps.config.logLevel } }),
    bodyLimit: BODY_LIMIT_BYTES,
    trustProxy: deps.config.trustProxy,
    ajv: { customOptions: { removeAdditional: true, coerceTypes: 'array', useDefaults: true, allErrors: true } },
    routerOptions: { ignoreTrailingSlash: true },
  }).withTypeProvider<TypeBoxTypeProvider>();

  // Only JSON bodies: a cross-site <form> can send text/plain without a CORS preflight, JSON it cannot.
  app.removeContentTypeParser('text/plain');

  registerErrorHandling(app);
  await app.register(cookie, { secret: deps.cookieSecret });
  await registerSecurity(app, deps.config, headers);
  await registerOpenApi(app, deps.config);
  await registerAuth(app, deps);
  registerPublicCacheEdge(app, deps.publicCache);
  registerPublicCacheInvalidation(app, deps.publicCache, deps.changeNotifier);
  registerSimilarIndexInvalidation(app, deps.similarIndexes);

  await app.register(healthRoutes(deps));
  await app.register(authRoutes(deps));
  await app.register(boardsRoutes(deps));
  await app.register(statusesRoutes(deps));
  await app.register(tagsRoutes(deps));
  // before the posts routes: GET /api/v1/posts/similar is not a post id
  await app.register(similarRoutes(deps));
  await app.register(postsRoutes(deps));
  await app.register(votesRoutes(deps));
  await app.register(commentsRoutes(deps));
  await app.register(mergesRoutes(deps));
  await app.register(workspacesRoutes(deps));
  await app.register(membersRoutes(deps));
  await app.register(companiesRoutes(deps));
  await app.register(peopleRoutes(deps));
  await app.register(apiKeysRoutes(deps));
  await app.register(webhooksRoutes(deps));
  await app.register(roadmapRoutes(deps));
  await app.register(changelogRoutes(deps));
  await app.register(demandRoutes(deps));
  await app.register(subscriptionsRoutes(deps));
  await app.register(notificationsRoutes(deps));

  await registerWebApp(app);
  return app;
}
