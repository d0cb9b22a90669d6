import type { Config } from '../../config.ts';
import type { DbOrTx } from '../../db/database.ts';
import type { Mailer } from '../../email/mailer.ts';
import type { Context, Logger } from '../context.ts';

/** What the background side of webhooks needs (the worker's TaskDeps, or a request's Context). */
export type WebhookDeps = { config: Config; db: DbOrTx; mailer: Mailer; log: Logger };

export const DELIVER_WEBHOOK_TASK = 'webhook.deliver';
export const WEBHOOK_DISABLED_EMAIL_TASK = 'webhook.disabled-email';

/** The system acting inside one workspace: used to load what an event is about. */
export function systemContext(deps: WebhookDeps, workspaceId: string): Context {
  return { actor: { kind: 'system', workspaceId }, db: deps.db, now: new Date(), config: deps.config, mailer: deps.mailer, log: deps.log };
}

export function addressPolicyOf(config: Config) {
  return { allowLoopback: config.webhooksAllowLoopback };
}
