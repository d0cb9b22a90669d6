// The job handlers every worker runs (composition root for background work, like app.ts for HTTP).
// Modules enqueue with src/jobs addJob(tx, name, payload); handlers are registered here by name.
import type { TaskList } from 'graphile-worker';
import type { Config } from './config.ts';
import type { Db } from './db/database.ts';
import type { Mailer } from './email/mailer.ts';
import type { Logger } from './modules/context.ts';
import { DISPATCH_EVENT_TASK, loadEvent, type StoredEvent } from './modules/events/index.ts';
import { dispatchWebhooks, webhookTasks } from './modules/webhooks/index.ts';
import { PUBLISH_CHANGELOG_TASK, publishScheduledEntry } from './modules/changelog/index.ts';
import { DEMAND_REFRESH_TASK, refreshDemandForMergeEvent, runDemandRefreshJob } from './modules/demand/index.ts';
import { fanOutEvent, notificationTasks, NOTIFICATION_CRONTAB } from './modules/notifications/index.ts';
import { createSimilarIndexes, learnFromMergeEvent, similarTasks, type SimilarIndexes } from './modules/similar/index.ts';

/** Recurring jobs (graphile-worker crontab format), for startWorker. */
export const CRONTAB = [NOTIFICATION_CRONTAB].join('\n');

export type TaskDeps = {
  config: Config; db: Db; mailer: Mailer; log: Logger;
  /** The similar-posts indexes; the server shares its web process's (default: the worker's own). */
  similarIndexes?: SimilarIndexes;
};

/** Reacts to one domain event, e.g. by enqueueing per-recipient deliveries. Must be idempotent. */
export type EventConsumer = (deps: TaskDeps, event: StoredEvent) => Promise<void>;

export function buildTaskList(deps: TaskDeps): TaskList {
  // Each consumer fans an event out to its channel; registered here so modules stay independent.
  const consumers: EventConsumer[] = [fanOutEvent, dispatchWebhooks, (d, event) => refreshDemandForMergeEvent(d.db, event), (d, event) => learnFromMergeEvent(d.db, event)];
  return {
    ...webhookTasks(deps),
    ...notificationTasks(deps),
    ...similarTasks(deps.db, deps.similarIndexes ?? createSimilarIndexes(deps.db, { log: deps.log })),
    [DISPATCH_EVENT_TASK]: async (payload) => {
      const { eventId } = payload as { eventId: string };
      const event = await loadEvent(deps.db, eventId);
      if (!event) return; // the workspace was deleted since
      for (const consume of consumers) await consume(deps, event);
    },
    [PUBLISH_CHANGELOG_TASK]: async (payload) => {
      await publishScheduledEntry(deps, payload);
    },
    [DEMAND_REFRESH_TASK]: async (payload) => {
      await runDemandRefreshJob(deps.db, payload);
    },
  };
}
