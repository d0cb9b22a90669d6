import { randomBytes } from 'node:crypto';
import type { DbOrTx } from '../../db/database.ts';
import { addJob } from '../../jobs/index.ts';
import { DELIVER_WEBHOOK_TASK } from './webhook-deps.ts';

/** "msg_" + 128 random bits: the Standard Webhooks message id, unique per event × endpoint. */
export function newDeliveryId(): string {
  return `msg_${randomBytes(16).toString('base64url')}`;
}

/**
 * Writes the delivery row and its job in the caller's transaction. A second call for the same
 * event × endpoint (a re-run dispatch) finds the row and adds nothing, so a retry never becomes a
 * second message. Returns the new delivery's id, or null when it already existed.
 */
export async function enqueueWebhookDelivery(
  tx: DbOrTx,
  input: { workspaceId: string; endpointId: string; eventId: string | null; eventType: string; payload: string; now: Date },
): Promise<string | null> {
  const row = await tx.insertInto('webhook_deliveries')
    .values({
      id: newDeliveryId(),
      workspace_id: input.workspaceId,
      endpoint_id: input.endpointId,
      event_id: input.eventId,
      event_type: input.eventType,
      payload: input.payload,
      round_started_at: input.now,
      next_attempt_at: input.now,
      created_at: input.now,
      updated_at: input.now,
    })
    .onConflict((oc) => oc.columns(['event_id', 'endpoint_id']).doNothing())
    .returning('id')
    .executeTakeFirst();
  if (!row) return null;
  await addJob(tx, DELIVER_WEBHOOK_TASK, { deliveryId: row.id }, { jobKey: row.id });
  return row.id;
}
