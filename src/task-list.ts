// The job handlers every worker runs (composition root for background work, like app.ts for HTTP).
// Modules enqueue with src/jobs addJob(tx, name, payload); handlers are registered here by name.
import type { TaskList } from 'graphile-worker';
import type { Config } from './config.ts';
import type { Db } from './db/database.ts';
import type { Mailer } from './email/mailer.ts';
import type { Logger } from './modules/context.ts';
import { DISPATCH_EVENT_TASK, loadEvent, type StoredEvent } from './modules/events/index.ts';

export type TaskDeps = { config: Config; db: Db; mailer: Mailer; log: Logger };

/** Reacts to one domain event, e.g. by enqueueing per-recipient deliveries. Must be idempotent. */
export type EventConsumer = (deps: TaskDeps, event: StoredEvent) => Promise<void>;

export function buildTaskList(deps: TaskDeps): TaskList {
  // Each consumer fans an event out to its channel; registered here so modules stay independent.
  const consumers: EventConsumer[] = [];
  return {
    [DISPATCH_EVENT_TASK]: async (payload) => {
      const { eventId } = payload as { eventId: string };
      const event = await loadEvent(deps.db, eventId);
      if (!event) return; // the workspace was deleted since
      for (const consume of consumers) await consume(deps, event);
    },
  };
}
