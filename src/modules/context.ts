// The plain context every use-case receives: never a Fastify request, so the CLI, workers and tests
// call use-cases the same way the HTTP layer does (STYLE.md "The request pipeline").
import type { Config } from '../config.ts';
import type { DbOrTx } from '../db/database.ts';
import type { Mailer } from '../email/mailer.ts';
import type { Actor } from './auth/actor.ts';

export type Logger = {
  info(obj: unknown, msg?: string): void;
  warn(obj: unknown, msg?: string): void;
  error(obj: unknown, msg?: string): void;
};

export type Context = {
  actor: Actor;
  db: DbOrTx;
  now: Date;
  config: Config;
  mailer: Mailer;
  log: Logger;
  requestId?: string;
};
