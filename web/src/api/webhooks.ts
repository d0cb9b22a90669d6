import { http } from './client.ts';
import type { ItemList, Page } from './types.ts';

const seg = encodeURIComponent;

export type WebhookEventType =
  | 'post.created' | 'post.updated' | 'post.status_changed' | 'post.merged'
  | 'vote.created' | 'vote.deleted' | 'comment.created' | 'changelog.published';

export type WebhookDisabledReason = 'manual' | 'gone' | 'failing';

export type WebhookEndpoint = {
  id: string;
  url: string;
  description: string;
  eventTypes: WebhookEventType[];
  enabled: boolean;
  disabledReason: WebhookDisabledReason | null;
  disabledDetail: string | null;
  disabledAt: string | null;
  consecutiveFailures: number;
  secretHint: string;
  previousSecretExpiresAt: string | null;
  createdAt: string;
  updatedAt: string;
};

export type WebhookEndpointWithSecret = WebhookEndpoint & { secret: string };
export type WebhookSecret = { secret: string; previousSecret: string | null; previousSecretExpiresAt: string | null };
export type WebhookInput = { url: string; description: string; eventTypes: WebhookEventType[] };

export type WebhookAttempt = {
  attemptNumber: number;
  startedAt: string;
  durationMs: number;
  requestHeaders: Record<string, string>;
  responseStatus: number | null;
  responseBody: string | null;
  error: string | null;
  isSuccess: boolean;
};

export type WebhookDeliveryStatus = 'queued' | 'delivered' | 'failed' | 'dead';

export type WebhookDelivery = {
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
  attempts: WebhookAttempt[];
};

export const listWebhooks = (signal?: AbortSignal) => http.get<ItemList<WebhookEndpoint>>('/api/v1/webhooks', undefined, signal);
export const getWebhook = (id: string, signal?: AbortSignal) => http.get<WebhookEndpoint>(`/api/v1/webhooks/${seg(id)}`, undefined, signal);
export const createWebhook = (input: WebhookInput) => http.post<WebhookEndpointWithSecret>('/api/v1/webhooks', input);
export const updateWebhook = (id: string, input: Partial<WebhookInput>) => http.patch<WebhookEndpoint>(`/api/v1/webhooks/${seg(id)}`, input);
export const deleteWebhook = (id: string) => http.delete(`/api/v1/webhooks/${seg(id)}`);
export const setWebhookEnabled = (id: string, enabled: boolean) =>
  http.post<WebhookEndpoint>(`/api/v1/webhooks/${seg(id)}/${enabled ? 'enable' : 'disable'}`);
export const rotateWebhookSecret = (id: string) => http.post<WebhookEndpointWithSecret>(`/api/v1/webhooks/${seg(id)}/rotate-secret`, {});
export const revealWebhookSecret = (id: string) => http.get<WebhookSecret>(`/api/v1/webhooks/${seg(id)}/secret`);
export const sendTestWebhook = (id: string) => http.post<WebhookDelivery>(`/api/v1/webhooks/${seg(id)}/test`);
export const listWebhookDeliveries = (id: string, cursor: string | null, signal?: AbortSignal) =>
  http.get<Page<WebhookDelivery>>(`/api/v1/webhooks/${seg(id)}/deliveries`, { cursor }, signal);
export const replayWebhookDelivery = (deliveryId: string) => http.post<WebhookDelivery>(`/api/v1/webhook-deliveries/${seg(deliveryId)}/replay`);
