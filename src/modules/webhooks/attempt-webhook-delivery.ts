// One HTTP attempt of one delivery: the `webhook.deliver` job handler (and the test ping, inline).
// Signed per Standard Webhooks; the SSRF policy, timeout, redirect refusal and body cap live in
// src/lib/outbound-post.ts. What happens next (retry, dead, endpoint disabled) is decided in
// record-webhook-attempt.ts, in one transaction with the attempt's log row.
import { postOutbound, type OutboundPostResult } from '../../lib/outbound-post.ts';
import { webhookSignatureHeader } from '../../lib/webhook-signature.ts';
import { recordWebhookAttempt, type AttemptOutcome } from './record-webhook-attempt.ts';
import { isPreviousSecretActive } from './webhooks.present.ts';
import { findDeliveryById, findEndpoint, updateDeliveryRow } from './webhooks.repo.ts';
import { addressPolicyOf, type WebhookDeps } from './webhook-deps.ts';

export const WEBHOOK_USER_AGENT = 'Backboard-Webhooks/1';
/** Response bytes kept in the delivery log; a receiver's error page beyond that is noise. */
export const MAX_KEPT_RESPONSE_BYTES = 4096;

export function classifyResponse(result: OutboundPostResult): AttemptOutcome {
  if (result.status === null) return { kind: 'failed', error: result.error ?? 'no response' };
  if (result.status >= 200 && result.status < 300) return { kind: 'delivered', error: null };
  if (result.status === 410) return { kind: 'gone', error: 'answered 410 Gone' };
  if (result.status >= 300 && result.status < 400) {
    return { kind: 'failed', error: `answered ${result.status} redirecting to ${result.location ?? '(no location)'}; redirects are not followed` };
  }
  return { kind: 'failed', error: `answered ${result.status}` };
}

export async function attemptWebhookDelivery(deps: WebhookDeps, deliveryId: string): Promise<void> {
  const delivery = await findDeliveryById(deps.db, deliveryId);
  // delivered, dead, or gone with its endpoint: a stale job (a replay re-queues it explicitly)
  if (!delivery || delivery.status === 'delivered' || delivery.status === 'dead') return;
  const endpoint = await findEndpoint(deps.db, delivery.workspace_id, delivery.endpoint_id);
  if (!endpoint) return;
  if (!endpoint.enabled) {
    await updateDeliveryRow(deps.db, delivery.id, { status: 'dead', last_error: 'endpoint disabled', next_attempt_at: null, updated_at: new Date() });
    return;
  }

  const startedAt = new Date();
  const timestamp = Math.floor(startedAt.getTime() / 1000);
  const secrets = isPreviousSecretActive(endpoint, startedAt) && endpoint.previous_secret ? [endpoint.secret, endpoint.previous_secret] : [endpoint.secret];
  const headers = {
    'content-type': 'application/json',
    'user-agent': WEBHOOK_USER_AGENT,
    'webhook-id': delivery.id,
    'webhook-timestamp': String(timestamp),
    'webhook-signature': webhookSignatureHeader(secrets, delivery.id, timestamp, delivery.payload),
  };
  const result = await postOutbound({
    url: endpoint.url,
    headers,
    body: delivery.payload,
    timeoutMs: deps.config.webhookTimeoutMs,
    maxResponseBytes: MAX_KEPT_RESPONSE_BYTES,
    policy: addressPolicyOf(deps.config),
  });
  await recordWebhookAttempt(deps, { deliveryId: delivery.id, endpointId: endpoint.id, headers, startedAt, result, outcome: classifyResponse(result) });
  deps.log.info({ deliveryId: delivery.id, endpointId: endpoint.id, status: result.status, ms: result.durationMs, error: result.error }, 'webhook attempt');
}
