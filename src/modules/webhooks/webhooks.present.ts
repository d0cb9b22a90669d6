import type { WebhookDeliveryStatus, WebhookDisabledReason } from '../../db/schema.ts';
import type { WebhookAttempt, WebhookDelivery, WebhookEndpoint } from './webhooks.repo.ts';

export type WebhookEndpointJson = {
  id: string;
  url: string;
  description: string;
  eventTypes: string[];
  enabled: boolean;
  disabledReason: WebhookDisabledReason | null;
  disabledDetail: string | null;
  disabledAt: string | null;
  consecutiveFailures: number;
  /** "whsec_AbCd…": enough to tell secrets apart, never the secret. */
  secretHint: string;
  /** When the previous secret (still signing during a rotation) stops being sent. */
  previousSecretExpiresAt: string | null;
  createdAt: string;
  updatedAt: string;
};

export type WebhookSecretJson = { secret: string; previousSecret: string | null; previousSecretExpiresAt: string | null };

export type WebhookAttemptJson = {
  attemptNumber: number;
  startedAt: string;
  durationMs: number;
  requestHeaders: Record<string, string>;
  responseStatus: number | null;
  responseBody: string | null;
  error: string | null;
  isSuccess: boolean;
};

export type WebhookDeliveryJson = {
  id: string;
  endpointId: string;
  eventId: string | null;
  eventType: string;
  status: WebhookDeliveryStatus;
  attemptCount: number;
  request: { headers: Record<string, string>; body: string };
  responseStatus: number | null;
  responseTimeMs: number | null;
  responseBody: string | null;
  lastError: string | null;
  nextAttemptAt: string | null;
  deliveredAt: string | null;
  createdAt: string;
  updatedAt: string;
  attempts: WebhookAttemptJson[];
};

const iso = (date: Date | null) => (date ? date.toISOString() : null);

/** The previous secret counts only until its grace period ends. */
export function isPreviousSecretActive(endpoint: WebhookEndpoint, now: Date): boolean {
  return Boolean(endpoint.previous_secret && endpoint.previous_secret_expires_at && endpoint.previous_secret_expires_at > now);
}

export function presentWebhookEndpoint(endpoint: WebhookEndpoint, now = new Date()): WebhookEndpointJson {
  return {
    id: endpoint.id,
    url: endpoint.url,
    description: endpoint.description,
    eventTypes: endpoint.event_types,
    enabled: endpoint.enabled,
    disabledReason: endpoint.disabled_reason,
    disabledDetail: endpoint.disabled_detail,
    disabledAt: iso(endpoint.disabled_at),
    consecutiveFailures: endpoint.consecutive_failures,
    secretHint: `${endpoint.secret.slice(0, 10)}…`,
    previousSecretExpiresAt: isPreviousSecretActive(endpoint, now) ? iso(endpoint.previous_secret_expires_at) : null,
    createdAt: endpoint.created_at.toISOString(),
    updatedAt: endpoint.updated_at.toISOString(),
  };
}

export function presentWebhookSecret(endpoint: WebhookEndpoint, now = new Date()): WebhookSecretJson {
  const isActive = isPreviousSecretActive(endpoint, now);
  return {
    secret: endpoint.secret,
    previousSecret: isActive ? endpoint.previous_secret : null,
    previousSecretExpiresAt: isActive ? iso(endpoint.previous_secret_expires_at) : null,
  };
}

function presentAttempt(attempt: WebhookAttempt): WebhookAttemptJson {
  return {
    attemptNumber: attempt.attempt_number,
    startedAt: attempt.started_at.toISOString(),
    durationMs: attempt.duration_ms,
    requestHeaders: attempt.request_headers,
    responseStatus: attempt.response_status,
    responseBody: attempt.response_body,
    error: attempt.error,
    isSuccess: attempt.is_success,
  };
}

export function presentWebhookDelivery(delivery: WebhookDelivery, attempts: WebhookAttempt[]): WebhookDeliveryJson {
  return {
    id: delivery.id,
    endpointId: delivery.endpoint_id,
    eventId: delivery.event_id,
    eventType: delivery.event_type,
    status: delivery.status,
    attemptCount: delivery.attempt_count,
    request: { headers: delivery.request_headers, body: delivery.payload },
    responseStatus: delivery.response_status,
    responseTimeMs: delivery.response_time_ms,
    responseBody: delivery.response_body,
    lastError: delivery.last_error,
    nextAttemptAt: iso(delivery.next_attempt_at),
    deliveredAt: iso(delivery.delivered_at),
    createdAt: delivery.created_at.toISOString(),
    updatedAt: delivery.updated_at.toISOString(),
    attempts: attempts.map(presentAttempt),
  };
}
