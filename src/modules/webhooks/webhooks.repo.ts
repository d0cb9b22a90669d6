import { sql, type Selectable, type Updateable } from 'kysely';
import type { DbOrTx } from '../../db/database.ts';
import type { WebhookAttemptsTable, WebhookDeliveriesTable, WebhookDeliveryStatus, WebhookEndpointsTable } from '../../db/schema.ts';

export type WebhookEndpoint = Selectable<WebhookEndpointsTable>;
export type WebhookDelivery = Selectable<WebhookDeliveriesTable>;
export type WebhookAttempt = Selectable<WebhookAttemptsTable>;
/** A delivery with created_at at microsecond precision, for keyset cursors. */
export type WebhookDeliveryRow = WebhookDelivery & { created_key: string };

export async function findEndpoint(db: DbOrTx, workspaceId: string, id: string): Promise<WebhookEndpoint | undefined> {
  return db.selectFrom('webhook_endpoints').selectAll().where('workspace_id', '=', workspaceId).where('id', '=', id).executeTakeFirst();
}

/** The row, locked until the transaction ends: attempts on one endpoint update its counters in turn. */
export async function lockEndpoint(db: DbOrTx, id: string): Promise<WebhookEndpoint | undefined> {
  return db.selectFrom('webhook_endpoints').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export async function listEndpointRows(db: DbOrTx, workspaceId: string): Promise<WebhookEndpoint[]> {
  return db.selectFrom('webhook_endpoints').selectAll().where('workspace_id', '=', workspaceId)
    .orderBy('created_at').orderBy('id').execute();
}

export async function countEndpoints(db: DbOrTx, workspaceId: string): Promise<number> {
  const row = await db.selectFrom('webhook_endpoints').select((eb) => eb.fn.countAll<number>().as('n'))
    .where('workspace_id', '=', workspaceId).executeTakeFirstOrThrow();
  return row.n;
}

export async function updateEndpointRow(
  db: DbOrTx, workspaceId: string, id: string, changes: Updateable<WebhookEndpointsTable>,
): Promise<WebhookEndpoint | undefined> {
  return db.updateTable('webhook_endpoints').set(changes).where('workspace_id', '=', workspaceId).where('id', '=', id)
    .returningAll().executeTakeFirst();
}

/** Enabled endpoints of the workspace that want this event type (an empty list means every type). */
export async function findSubscribedEndpoints(db: DbOrTx, workspaceId: string, eventType: string): Promise<WebhookEndpoint[]> {
  return db.selectFrom('webhook_endpoints').selectAll()
    .where('workspace_id', '=', workspaceId).where('enabled', '=', true)
    .where((eb) => eb.or([eb('event_types', '=', sql<string[]>`'{}'::text[]`), sql<boolean>`${eventType} = any(event_types)`]))
    .orderBy('created_at').execute();
}

export async function findDelivery(db: DbOrTx, workspaceId: string, id: string): Promise<WebhookDelivery | undefined> {
  return db.selectFrom('webhook_deliveries').selectAll().where('workspace_id', '=', workspaceId).where('id', '=', id).executeTakeFirst();
}

/** For the worker, which acts for no particular workspace. */
export async function findDeliveryById(db: DbOrTx, id: string): Promise<WebhookDelivery | undefined> {
  return db.selectFrom('webhook_deliveries').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function updateDeliveryRow(db: DbOrTx, id: string, changes: Updateable<WebhookDeliveriesTable>): Promise<void> {
  await db.updateTable('webhook_deliveries').set(changes).where('id', '=', id).execute();
}

export async function listDeliveryRows(
  db: DbOrTx,
  workspaceId: string,
  endpointId: string,
  opts: { limit: number; status?: WebhookDeliveryStatus; after: { createdKey: string; id: string } | null },
): Promise<WebhookDeliveryRow[]> {
  let query = db.selectFrom('webhook_deliveries').selectAll()
    .select(sql<string>`to_char(created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`.as('created_key'))
    .where('workspace_id', '=', workspaceId).where('endpoint_id', '=', endpointId);
  if (opts.status) query = query.where('status', '=', opts.status);
  if (opts.after) {
    const { createdKey, id } = opts.after;
    query = query.where(sql<boolean>`(created_at, id) < (${createdKey}::timestamptz, ${id})`);
  }
  return query.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(opts.limit).execute();
}

/** The latest attempts of each delivery, oldest first (a replayed delivery can collect many). */
export async function loadAttempts(db: DbOrTx, deliveryIds: string[], perDelivery: number): Promise<Map<string, WebhookAttempt[]>> {
  const byDelivery = new Map<string, WebhookAttempt[]>();
  if (deliveryIds.length === 0) return byDelivery;
  const rows = await db.selectFrom('webhook_attempts').selectAll()
    .select(sql<number>`row_number() over (partition by delivery_id order by attempt_number desc)`.as('recency'))
    .where('delivery_id', 'in', deliveryIds).execute();
  for (const row of rows.filter((r) => Number(r.recency) <= perDelivery).sort((a, b) => a.attempt_number - b.attempt_number)) {
    const { recency: _recency, ...attempt } = row;
    const list = byDelivery.get(attempt.delivery_id) ?? [];
    list.push(attempt);
    byDelivery.set(attempt.delivery_id, list);
  }
  return byDelivery;
}

/** Deliveries still waiting for an attempt end when their endpoint is disabled; admins may replay them later. */
export async function endPendingDeliveries(db: DbOrTx, endpointId: string, reason: string, now: Date): Promise<void> {
  await db.updateTable('webhook_deliveries')
    .set({ status: 'dead', last_error: reason, next_attempt_at: null, updated_at: now })
    .where('endpoint_id', '=', endpointId).where('status', 'in', ['queued', 'failed']).execute();
}

/** Owners and admins: who hears about an endpoint that was switched off automatically. */
export async function listAdminRecipients(db: DbOrTx, workspaceId: string): Promise<Array<{ id: string; email: string; name: string }>> {
  return db.selectFrom('members').select(['id', 'email', 'name'])
    .where('workspace_id', '=', workspaceId).where('role', 'in', ['owner', 'admin'])
    .orderBy('created_at').execute();
}
