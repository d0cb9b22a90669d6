import type { Updateable } from 'kysely';
import { withTransaction, type Tx } from '../../db/database.ts';
import type { WebhookDeliveriesTable, WebhookEndpointsTable, WebhookDisabledReason } from '../../db/schema.ts';
import { addJob } from '../../jobs/index.ts';
import type { OutboundPostResult } from '../../lib/outbound-post.ts';
import { nextRetryDelayMs, shouldDisableEndpoint } from './retry-schedule.ts';
import { endPendingDeliveries, findDeliveryById, listAdminRecipients, lockEndpoint, type WebhookEndpoint } from './webhooks.repo.ts';
import { DELIVER_WEBHOOK_TASK, WEBHOOK_DISABLED_EMAIL_TASK, type WebhookDeps } from './webhook-deps.ts';

export type AttemptOutcome = { kind: 'delivered' | 'gone' | 'failed'; error: string | null };

type AttemptRecord = {
  deliveryId: string;
  endpointId: string;
  headers: Record<string, string>;
  startedAt: Date;
  result: OutboundPostResult;
  outcome: AttemptOutcome;
};

/**
 * Logs the attempt and moves the delivery and its endpoint on, in one transaction with the endpoint
 * row locked (concurrent attempts on one endpoint count failures in turn): delivered → the failure
 * streak resets; 410 → the endpoint is disabled at once; otherwise the next retry is enqueued (same
 * job key) until the schedule is spent or the streak disables the endpoint, which emails the admins.
 */
export async function recordWebhookAttempt(deps: WebhookDeps, record: AttemptRecord): Promise<void> {
  const now = new Date();
  await withTransaction(deps.db, async (tx) => {
    const endpoint = await lockEndpoint(tx, record.endpointId);
    const delivery = await findDeliveryById(tx, record.deliveryId);
    if (!endpoint || !delivery) return; // deleted while the request was in flight
    const { result, outcome } = record;
    const attemptNumber = delivery.attempt_count + 1;
    const roundAttempts = delivery.round_attempts + 1;
    const headers = JSON.stringify(record.headers);
    const responseBody = result.body === null ? null : result.isBodyTruncated ? `${result.body}…[truncated]` : result.body;
    await tx.insertInto('webhook_attempts').values({
      delivery_id: delivery.id,
      attempt_number: attemptNumber,
      request_headers: headers,
      started_at: record.startedAt,
      duration_ms: result.durationMs,
      response_status: result.status,
      response_body: responseBody,
      error: outcome.error,
      is_success: outcome.kind === 'delivered',
    }).execute();

    const changes: Updateable<WebhookDeliveriesTable> = {
      attempt_count: attemptNumber,
      round_attempts: roundAttempts,
      request_headers: headers,
      response_status: result.status,
      response_time_ms: result.durationMs,
      response_body: responseBody,
      last_error: outcome.error,
      next_attempt_at: null,
      updated_at: now,
    };
    if (outcome.kind === 'delivered') {
      await updateDelivery(tx, delivery.id, { ...changes, status: 'delivered', delivered_at: now });
      await updateEndpoint(tx, endpoint.id, { consecutive_failures: 0, failing_since: null });
      return;
    }

    const failures = endpoint.consecutive_failures + 1;
    const failingSince = endpoint.failing_since ?? now;
    const disable: { reason: WebhookDisabledReason; detail: string } | null = !endpoint.enabled ? null
      : outcome.kind === 'gone' ? { reason: 'gone', detail: `The receiver answered 410 Gone on ${now.toISOString()}.` }
      : shouldDisableEndpoint(failures, failingSince, now)
        ? { reason: 'failing', detail: `${failures} failed attempts in a row since ${failingSince.toISOString()}; the last: ${outcome.error}.` }
        : null;
    await updateEndpoint(tx, endpoint.id, { consecutive_failures: failures, failing_since: failingSince });
    if (disable) {
      await updateDelivery(tx, delivery.id, { ...changes, status: 'dead' });
      await disableEndpoint(tx, endpoint, disable, now);
      return;
    }
    if (!endpoint.enabled) {
      await updateDelivery(tx, delivery.id, { ...changes, status: 'dead', last_error: `${outcome.error}; endpoint disabled` });
      return;
    }
    const delay = nextRetryDelayMs({ attemptsThisRound: roundAttempts, roundStartedAt: delivery.round_started_at, now, baseMs: deps.config.webhookRetryBaseMs });
    if (delay === null) {
      await updateDelivery(tx, delivery.id, { ...changes, status: 'dead', last_error: `${outcome.error}; gave up after ${roundAttempts} attempts` });
      return;
    }
    const runAt = new Date(now.getTime() + delay);
    await updateDelivery(tx, delivery.id, { ...changes, status: 'failed', next_attempt_at: runAt });
    await addJob(tx, DELIVER_WEBHOOK_TASK, { deliveryId: delivery.id }, { jobKey: delivery.id, runAt });
  });
}

async function updateDelivery(tx: Tx, id: string, changes: Updateable<WebhookDeliveriesTable>): Promise<void> {
  await tx.updateTable('webhook_deliveries').set(changes).where('id', '=', id).execute();
}

async function updateEndpoint(tx: Tx, id: string, changes: Updateable<WebhookEndpointsTable>): Promise<void> {
  await tx.updateTable('webhook_endpoints').set(changes).where('id', '=', id).execute();
}

/** Switched off automatically: pending deliveries end, and each owner/admin gets one email (own job, own key). */
async function disableEndpoint(tx: Tx, endpoint: WebhookEndpoint, disable: { reason: WebhookDisabledReason; detail: string }, now: Date): Promise<void> {
  await updateEndpoint(tx, endpoint.id, { enabled: false, disabled_reason: disable.reason, disabled_detail: disable.detail, disabled_at: now, updated_at: now });
  await endPendingDeliveries(tx, endpoint.id, 'endpoint disabled', now);
  for (const admin of await listAdminRecipients(tx, endpoint.workspace_id)) {
    await addJob(tx, WEBHOOK_DISABLED_EMAIL_TASK, { endpointId: endpoint.id, memberId: admin.id, disabledAt: now.toISOString() }, {
      jobKey: `webhook-disabled:${endpoint.id}:${now.getTime()}:${admin.id}`,
    });
  }
}
