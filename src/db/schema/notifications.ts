// Kysely table types mirroring migrations/*.sql: Subscriptions, preferences, notifications and deliveries.
import type { Generated } from 'kysely';
import type { Timestamp, NullableTimestamp } from './column-types.ts';

export type NotificationKind = 'status_changed' | 'official_reply' | 'comment_reply' | 'changelog';
export type DeliveryChannel = 'email' | 'in_app';
export type DeliveryState = 'queued' | 'sent' | 'failed' | 'skipped';
export type SkipReason = 'unsubscribed' | 'no_email' | 'private_board' | 'self' | 'preference_off';
export type SubscriptionReason = 'author' | 'voter' | 'commenter' | 'manual';
export type DigestFrequency = 'off' | 'daily' | 'weekly';

/** A post's follower: an end user (person_id) or a team member (member_id). */
export interface SubscriptionsTable {
  id: Generated<string>;
  workspace_id: string;
  post_id: string;
  person_id: string | null;
  member_id: string | null;
  reason: SubscriptionReason;
  unsubscribed_at: NullableTimestamp;
  created_at: Timestamp;
}

export interface NotificationPreferencesTable {
  id: Generated<string>;
  workspace_id: string;
  person_id: string | null;
  member_id: string | null;
  status_updates: Generated<boolean>;
  comment_replies: Generated<boolean>;
  changelog: Generated<boolean>;
  unsubscribed_all_at: NullableTimestamp;
  digest: Generated<DigestFrequency>;
  digest_sent_at: NullableTimestamp;
  updated_at: Timestamp;
}

export interface NotificationsTable {
  id: Generated<string>;
  workspace_id: string;
  event_id: string;
  person_id: string | null;
  member_id: string | null;
  post_id: string | null;
  kind: NotificationKind;
  title: string;
  body: Generated<string>;
  url: string;
  read_at: NullableTimestamp;
  created_at: Timestamp;
}

export interface DeliveriesTable {
  id: Generated<string>;
  workspace_id: string;
  event_id: string;
  person_id: string | null;
  member_id: string | null;
  channel: DeliveryChannel;
  kind: NotificationKind;
  post_id: string | null;
  address: string | null;
  state: DeliveryState;
  skip_reason: SkipReason | null;
  attempts: Generated<number>;
  last_error: string | null;
  message_id: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  sent_at: NullableTimestamp;
}
