import { sql, type Insertable } from 'kysely';
import type { DbOrTx } from '../../db/database.ts';
import type { DeliveriesTable, NotificationsTable } from '../../db/schema.ts';
import { containsPattern } from '../../lib/like-pattern.ts';

/** In-app rows; an event's second dispatch finds them already there and adds nothing. */
export async function insertNotifications(tx: DbOrTx, rows: Insertable<NotificationsTable>[]): Promise<void> {
  if (rows.length === 0) return;
  await tx.insertInto('notifications').values(rows).onConflict((oc) => oc.doNothing()).execute();
}

/** Delivery rows; returns only the rows this call created (UNIQUE(event, recipient, channel)). */
export async function insertDeliveries(tx: DbOrTx, rows: Insertable<DeliveriesTable>[]) {
  if (rows.length === 0) return [];
  return tx
    .insertInto('deliveries')
    .values(rows)
    .onConflict((oc) => oc.doNothing())
    .returning(['id', 'channel', 'state'])
    .execute();
}

/**
 * The email delivery, row-locked for the send. SKIP LOCKED: if another worker holds it (a job that
 * ran twice), that worker finishes or reschedules it, and this one has nothing to do.
 */
export async function lockEmailDelivery(tx: DbOrTx, deliveryId: string) {
  return tx
    .selectFrom('deliveries')
    .selectAll()
    .where('id', '=', deliveryId)
    .where('channel', '=', 'email')
    .forUpdate()
    .skipLocked()
    .executeTakeFirst();
}

export type EmailDeliveryRow = NonNullable<Awaited<ReturnType<typeof lockEmailDelivery>>>;

export async function findNotificationFor(db: DbOrTx, delivery: Pick<EmailDeliveryRow, 'event_id' | 'person_id' | 'member_id'>) {
  let query = db.selectFrom('notifications').select(['id', 'kind', 'title', 'body', 'url', 'post_id']).where('event_id', '=', delivery.event_id);
  query = delivery.person_id ? query.where('person_id', '=', delivery.person_id) : query.where('member_id', '=', delivery.member_id);
  return query.executeTakeFirst();
}

export async function markDeliverySent(tx: DbOrTx, deliveryId: string, messageId: string, now: Date): Promise<void> {
  await tx.updateTable('deliveries')
    .set((eb) => ({ state: 'sent', message_id: messageId, sent_at: now, updated_at: now, last_error: null, attempts: eb('attempts', '+', 1) }))
    .where('id', '=', deliveryId)
    .execute();
}

export async function markDeliveryAttemptFailed(tx: DbOrTx, deliveryId: string, error: string, isFinal: boolean, now: Date): Promise<void> {
  await tx.updateTable('deliveries')
    .set((eb) => ({ state: isFinal ? 'failed' : 'queued', last_error: error.slice(0, 2000), updated_at: now, attempts: eb('attempts', '+', 1) }))
    .where('id', '=', deliveryId)
    .execute();
}

export async function markDeliverySkipped(tx: DbOrTx, deliveryId: string, reason: NonNullable<DeliveriesTable['skip_reason']>, now: Date): Promise<void> {
  await tx.updateTable('deliveries').set({ state: 'skipped', skip_reason: reason, updated_at: now }).where('id', '=', deliveryId).execute();
}

/** Where a page of an event's audit ends: the last email delivery's sort key. */
export type DeliveryPageKey = { state: string; createdAt: string; id: string };

/**
 * One page of an event's per-recipient audit. A page is a run of recipients, taken by their email
 * delivery (failed, queued, sent, skipped; then oldest first), optionally of one state or matching a
 * name or address; each comes with its in-app delivery. Returns up to `limit + 1` email rows (the
 * extra one says there is a next page) and the in-app rows of the first `limit`.
 */
export async function listEventDeliveryRows(
  db: DbOrTx,
  opts: { workspaceId: string; eventId: string; state?: DeliveriesTable['state']; q?: string; after: DeliveryPageKey | null; limit: number },
) {
  const ofEvent = () => db
    .selectFrom('deliveries as d')
    .leftJoin('people as p', 'p.id', 'd.person_id')
    .leftJoin('members as m', 'm.id', 'd.member_id')
    .select([
      'd.id', 'd.channel', 'd.kind', 'd.state', 'd.skip_reason', 'd.attempts', 'd.last_error', 'd.message_id', 'd.address',
      'd.created_at', 'd.updated_at', 'd.sent_at', 'd.person_id', 'd.member_id',
      'p.name as person_name', 'p.email as person_email', 'm.name as member_name', 'm.email as member_email',
    ])
    .where('d.workspace_id', '=', opts.workspaceId)
    .where('d.event_id', '=', opts.eventId);

  let emails = ofEvent()
    .select(sql<string>`to_char(d.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`.as('created_key'))
    .where('d.channel', '=', 'email');
  if (opts.state) emails = emails.where('d.state', '=', opts.state);
  if (opts.q) {
    const pattern = containsPattern(opts.q);
    emails = emails.where((eb) => eb.or([
      eb('p.name', 'ilike', pattern), eb('p.email', 'ilike', pattern), eb('m.name', 'ilike', pattern), eb('m.email', 'ilike', pattern), eb('d.address', 'ilike', pattern),
    ]));
  }
  if (opts.after) {
    const { state, createdAt, id } = opts.after;
    emails = emails.where(sql<boolean>`(d.state, d.created_at, d.id) > (${state}, ${createdAt}::timestamptz, ${id}::uuid)`);
  }
  const emailRows = await emails.orderBy('d.state').orderBy('d.created_at').orderBy('d.id').limit(opts.limit + 1).execute();

  const onPage = emailRows.slice(0, opts.limit);
  const personIds = onPage.flatMap((row) => (row.person_id ? [row.person_id] : []));
  const memberIds = onPage.flatMap((row) => (row.member_id ? [row.member_id] : []));
  const inAppRows = onPage.length === 0 ? [] : await ofEvent()
    .where('d.channel', '=', 'in_app')
    .where((eb) => eb.or([
      ...(personIds.length ? [eb('d.person_id', 'in', personIds)] : []),
      ...(memberIds.length ? [eb('d.member_id', 'in', memberIds)] : []),
    ]))
    .execute();
  return { emailRows, inAppRows };
}

export type EventDeliveryRow = Awaited<ReturnType<typeof listEventDeliveryRows>>['inAppRows'][number];

export type DeliveryCounts = { event_id: string; channel: string; state: string; skip_reason: string | null; count: number };

/** Per-event counts by channel, state and skip reason: the "12 sent · 3 skipped" summaries. */
export async function countDeliveries(db: DbOrTx, eventIds: readonly string[]): Promise<DeliveryCounts[]> {
  if (eventIds.length === 0) return [];
  return db
    .selectFrom('deliveries')
    .select(['event_id', 'channel', 'state', 'skip_reason'])
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('event_id', 'in', eventIds)
    .groupBy(['event_id', 'channel', 'state', 'skip_reason'])
    .execute();
}

/** Events that produced deliveries, newest first (the admin notification log), keyset-paged. */
export async function listNotifiedEventRows(
  db: DbOrTx,
  opts: { workspaceId: string; postId?: string; before: { createdAt: string; id: string } | null; limit: number },
) {
  let query = db
    .selectFrom('events as e')
    .leftJoin('posts as p', 'p.id', 'e.post_id')
    .select(['e.id', 'e.type', 'e.post_id', 'e.created_at', 'e.data', 'p.title as post_title'])
    .select(sql<string>`to_char(e.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`.as('created_key'))
    .where('e.workspace_id', '=', opts.workspaceId)
    .where((eb) => eb.exists(eb.selectFrom('deliveries as d').select('d.id').whereRef('d.event_id', '=', 'e.id')));
  if (opts.postId) query = query.where('e.post_id', '=', opts.postId);
  if (opts.before) {
    const at = sql<Date>`${opts.before.createdAt}::timestamptz`;
    const id = opts.before.id;
    query = query.where((eb) => eb.or([eb('e.created_at', '<', at), eb.and([eb('e.created_at', '=', at), eb('e.id', '<', id)])]));
  }
  return query.orderBy('e.created_at', 'desc').orderBy('e.id', 'desc').limit(opts.limit).execute();
}
