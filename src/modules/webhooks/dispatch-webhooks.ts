import { withTransaction } from '../../db/database.ts';
import type { StoredEvent } from '../events/index.ts';
import { buildEventEnvelope } from './build-webhook-envelope.ts';
import { enqueueWebhookDelivery } from './enqueue-webhook-delivery.ts';
import { findSubscribedEndpoints } from './webhooks.repo.ts';
import type { WebhookDeps } from './webhook-deps.ts';

/**
 * The event consumer (registered in src/task-list.ts): one delivery + one job per subscribed,
 * enabled endpoint, all in one transaction. Idempotent: dispatching the same event again adds nothing
 * (UNIQUE(event_id, endpoint_id)). The body is built once here and every attempt sends those bytes.
 */
export async function dispatchWebhooks(deps: WebhookDeps, event: StoredEvent): Promise<void> {
  const endpoints = await findSubscribedEndpoints(deps.db, event.workspace_id, event.type);
  if (endpoints.length === 0) return;
  const payload = JSON.stringify(await buildEventEnvelope(deps, event));
  const now = new Date();
  await withTransaction(deps.db, async (tx) => {
    for (const endpoint of endpoints) {
      await enqueueWebhookDelivery(tx, {
        workspaceId: event.workspace_id, endpointId: endpoint.id, eventId: event.id, eventType: event.type, payload, now,
      });
    }
  });
}
