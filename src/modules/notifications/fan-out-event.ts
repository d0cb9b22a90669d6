// The event consumer (registered in src/task-list.ts): turns one domain event into in-app
// notifications, per-recipient delivery rows (sent, queued or skipped with the reason) and one email
// job per queued delivery — all in one transaction per batch of recipients, so a crash leaves either
// everything for a recipient or nothing. UNIQUE(event, recipient, channel) makes a second dispatch of
// the same event add nothing: no second notification, no second email.
import type { Insertable } from 'kysely';
import type { Config } from '../../config.ts';
import { withTransaction, type Db } from '../../db/database.ts';
import type { DeliveriesTable, NotificationsTable } from '../../db/schema.ts';
import { addJobs } from '../../jobs/index.ts';
import type { Logger } from '../context.ts';
import type { StoredEvent } from '../events/index.ts';
import { DEFAULT_PREFERENCES, loadPreferences, recipientColumns, recipientKey } from '../subscriptions/index.ts';
import { decideEmail } from './delivery-decisions.ts';
import { insertDeliveries, insertNotifications } from './deliveries.repo.ts';
import { loadContacts } from './notifications.repo.ts';
import { planNotifications, type Audience } from './plan-notifications.ts';

export const SEND_EMAIL_TASK = 'notification.send-email';

/** Recipients written per transaction: big fan-outs progress in steps, each step all-or-nothing. */
const BATCH = 500;

export async function fanOutEvent(deps: { db: Db; config: Config; log: Logger }, event: StoredEvent): Promise<void> {
  const plan = await planNotifications(deps.db, event);
  if (!plan || plan.audiences.length === 0) return;
  const recipients = plan.audiences.map((a) => a.recipient);
  const contacts = await loadContacts(deps.db, recipients);
  const preferences = await loadPreferences(deps.db, recipients);
  let queued = 0;
  for (let start = 0; start < plan.audiences.length; start += BATCH) {
    const batch = plan.audiences.slice(start, start + BATCH);
    queued += await withTransaction(deps.db, async (tx) => {
      const now = new Date();
      const notifications: Insertable<NotificationsTable>[] = [];
      const deliveries: Insertable<DeliveriesTable>[] = [];
      for (const audience of batch) {
        const message = plan.messages[audience.kind];
        if (!message) continue;
        const key = recipientKey(audience.recipient);
        const address = contacts.get(key)?.email ?? null;
        const base = { workspace_id: event.workspace_id, event_id: event.id, ...recipientColumns(audience.recipient), kind: audience.kind, post_id: audience.postId };
        if (!audience.blocked) {
          notifications.push({ ...base, title: message.title, body: message.body, url: message.path, created_at: event.created_at });
        }
        deliveries.push(inAppDelivery(base, audience, now));
        const email = decideEmail({ kind: audience.kind, blocked: audience.blocked, address, preferences: preferences.get(key) ?? DEFAULT_PREFERENCES });
        deliveries.push({ ...base, channel: 'email', address, state: email.state, skip_reason: email.skipReason });
      }
      await insertNotifications(tx, notifications);
      const created = await insertDeliveries(tx, deliveries);
      const toSend = created.filter((d) => d.channel === 'email' && d.state === 'queued');
      // job key = delivery id: even an add repeated by a retried dispatch is one job per delivery
      await addJobs(tx, toSend.map((delivery) => ({ task: SEND_EMAIL_TASK, payload: { deliveryId: delivery.id }, jobKey: delivery.id })));
      return toSend.length;
    });
  }
  deps.log.info({ eventId: event.id, type: event.type, recipients: plan.audiences.length, emailsQueued: queued }, 'notifications fanned out');
}

function inAppDelivery(base: Omit<Insertable<DeliveriesTable>, 'channel' | 'state'>, audience: Audience, now: Date): Insertable<DeliveriesTable> {
  return audience.blocked
    ? { ...base, channel: 'in_app', state: 'skipped', skip_reason: audience.blocked }
    : { ...base, channel: 'in_app', state: 'sent', sent_at: now };
}
