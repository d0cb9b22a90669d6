import type { FastifyRequest } from 'fastify';
import type { Config } from '../config.ts';
import type { Db } from '../db/database.ts';
import type { Mailer } from '../email/mailer.ts';
import type { Context } from '../modules/context.ts';
import type { PublicCache } from './public-cache.ts';
import type { ChangeNotifier } from '../db/change-notifier.ts';
import type { SimilarIndexes } from '../modules/similar/index.ts';
import type { VoteWriter } from '../modules/votes/index.ts';

export type AppDeps = {
  config: Config;
  db: Db;
  mailer: Mailer;
  /** The instance's default workspace: what anonymous visitors of the portal see. */
  defaultWorkspaceId: string;
  /** Signs cookies (CSRF secret); shared by every process on the database. */
  cookieSecret: string;
  /** Cached anonymous reads; the server shares it with the database change feed. */
  publicCache?: PublicCache;
  /** Announces committed writes to the other processes (default: NOTIFY through deps.db). */
  changeNotifier?: ChangeNotifier;
  /** In-memory similar-posts indexes (default: this app's own); the server shares them with its worker. */
  similarIndexes?: SimilarIndexes;
  /** Casts the votes arriving together in one transaction (default: one writer over deps.db). */
  voteWriter?: VoteWriter;
};

/** AppDeps after buildApp filled in the defaults. */
export type ResolvedAppDeps = AppDeps & { publicCache: PublicCache; changeNotifier: ChangeNotifier; similarIndexes: SimilarIndexes; voteWriter: VoteWriter };

/** The use-case context for one request. */
export function contextOf(request: FastifyRequest, deps: AppDeps): Context {
  return {
    actor: request.actor,
    db: deps.db,
    now: new Date(),
    config: deps.config,
    mailer: deps.mailer,
    log: request.log,
    requestId: request.id,
  };
}
