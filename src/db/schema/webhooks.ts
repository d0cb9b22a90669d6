// Kysely table types mirroring migrations/*.sql: Webhooks for integrators.
import type { ColumnType, Generated } from 'kysely';
import type { Timestamp, NullableTimestamp } from './column-types.ts';

export type WebhookDeliveryStatus = 'queued' | 'delivered' | 'failed' | 'dead';
export type WebhookDisabledReason = 'manual' | 'gone' | 'failing';

export interface WebhookEndpointsTable {
  id: Generated<string>;
  workspace_id: string;
  url: string;
  description: Generated<string>;
  event_types: ColumnType<string[], string[] | undefined, string[]>;
  secret: string;
  previous_secret: string | null;
  previous_secret_expires_at: NullableTimestamp;
  enabled: Generated<boolean>;
  disabled_reason: WebhookDisabledReason | null;
  disabled_detail: string | null;
  disabled_at: NullableTimestamp;
  consecutive_failures: Generated<number>;
  failing_since: NullableTimestamp;
  created_by_member_id: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface WebhookDeliveriesTable {
  id: string;
  workspace_id: string;
  endpoint_id: string;
  event_id: string | null;
  event_type: string;
  payload: string;
  request_headers: ColumnType<Record<string, string>, string | undefined, string>;
  status: ColumnType<WebhookDeliveryStatus, WebhookDeliveryStatus | undefined, WebhookDeliveryStatus>;
  attempt_count: Generated<number>;
  round_attempts: Generated<number>;
  round_started_at: Timestamp;
  response_status: number | null;
  response_time_ms: number | null;
  response_body: string | null;
  last_error: string | null;
  next_attempt_at: NullableTimestamp;
  delivered_at: NullableTimestamp;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface WebhookAttemptsTable {
  id: Generated<number>;
  delivery_id: string;
  attempt_number: number;
  request_headers: ColumnType<Record<string, string>, string, string>;
  started_at: Timestamp;
  duration_ms: number;
  response_status: number | null;
  response_body: string | null;
  error: string | null;
  is_success: boolean;
}
