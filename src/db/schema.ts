// Kysely table types mirroring migrations/*.sql. Columns with defaults are Generated<…>.
// One file on purpose (longer than our usual limit): the whole database at a glance, next to the SQL.
import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
// numeric comes back from pg as a string; we parse it in presenters
type Numeric = ColumnType<string, number | string | undefined, number | string>;

export type StatusKind = 'open' | 'under_review' | 'planned' | 'in_progress' | 'shipped' | 'declined' | 'duplicate';
export type Role = 'owner' | 'admin' | 'member';
export type ApiScope = 'read' | 'write' | 'admin';
export type Visibility = 'public' | 'private';

export interface WorkspacesTable {
  id: Generated<string>;
  slug: string;
  name: string;
  allow_anonymous: Generated<boolean>;
  setup_token_hash: string | null;
  created_at: Timestamp;
  /** Demand score weights (migrations/20261123022000_demand.sql); null = the documented defaults. */
  demand_weights: ColumnType<Record<string, unknown> | null, string | null | undefined, string | null>;
}

export interface MembersTable {
  id: Generated<string>;
  workspace_id: string;
  email: string;
  name: string;
  role: Role;
  password_hash: string;
  created_at: Timestamp;
}

export interface CompaniesTable {
  id: Generated<string>;
  workspace_id: string;
  name: string;
  domain: string | null;
  monthly_revenue: Numeric;
  segment: string | null;
  created_at: Timestamp;
}

export interface PeopleTable {
  id: Generated<string>;
  workspace_id: string;
  email: string;
  name: string | null;
  external_id: string | null;
  company_id: string | null;
  created_at: Timestamp;
}

export interface BoardsTable {
  id: Generated<string>;
  workspace_id: string;
  name: string;
  slug: string;
  description: Generated<string>;
  visibility: Visibility;
  post_count: Generated<number>;
  created_at: Timestamp;
}

export interface TagsTable {
  id: Generated<string>;
  workspace_id: string;
  name: string;
  color: Generated<string>;
  created_at: Timestamp;
}

export interface StatusesTable {
  id: Generated<string>;
  workspace_id: string;
  name: string;
  slug: string;
  kind: StatusKind;
  color: Generated<string>;
  position: Generated<number>;
  is_default: Generated<boolean>;
  created_at: Timestamp;
}

export interface PostsTable {
  id: Generated<string>;
  workspace_id: string;
  board_id: string;
  title: string;
  body: Generated<string>;
  author_person_id: string | null;
  author_member_id: string | null;
  status_id: string;
  source: Generated<string>;
  vote_count: Generated<number>;
  comment_count: Generated<number>;
  hot_score: Generated<number>;
  search: ColumnType<string, never, never>;
  deleted_at: NullableTimestamp;
  created_at: Timestamp;
  updated_at: Timestamp;
  /** Final target of a merge (one hop); null when not merged. */
  merged_into_id: ColumnType<string | null, string | null | undefined, string | null>;
  merged_at: NullableTimestamp;
  /** Materialised demand score (src/modules/demand), the key of sort=demand. */
  demand_score: Generated<number>;
}

export interface PostDemandTable {
  post_id: string;
  workspace_id: string;
  unique_voters: number;
  unique_companies: number;
  monthly_revenue: Numeric;
  weighted_votes: number;
  momentum: number;
  computed_at: Timestamp;
}

export interface PostDemandSegmentsTable {
  post_id: string;
  workspace_id: string;
  segment: string;
  voters: number;
  companies: number;
  monthly_revenue: Numeric;
  weighted_votes: number;
  momentum: number;
  score: number;
}

export interface PostMergesTable {
  id: Generated<string>;
  workspace_id: string;
  source_post_id: string;
  target_post_id: string;
  actor_member_id: string | null;
  snapshot: ColumnType<Record<string, unknown>, string | undefined, string>;
  created_at: Timestamp;
  undone_at: NullableTimestamp;
  undone_by_member_id: string | null;
}

/** Duplicate queue (migrations/20261123070000_similar.sql): a likely duplicate pair, or a dismissed one. */
export interface DuplicateCandidatesTable {
  id: Generated<string>;
  workspace_id: string;
  post_id: string;
  similar_post_id: string;
  score: number;
  matched: ColumnType<string[], string[] | undefined, string[]>;
  state: ColumnType<'open' | 'dismissed', 'open' | 'dismissed' | undefined, 'open' | 'dismissed'>;
  decided_by_member_id: string | null;
  decided_at: NullableTimestamp;
  created_at: Timestamp;
}

/** Per-workspace similar-posts ranking options learned from decisions; a rebuild request. */
export interface SimilarSettingsTable {
  workspace_id: string;
  options: ColumnType<Record<string, unknown> | null, string | null | undefined, string | null>;
  decisions: Generated<number>;
  calibrated_at: NullableTimestamp;
  rebuild_requested_at: NullableTimestamp;
  version: Generated<number>;
}

export interface PostTagsTable {
  post_id: string;
  tag_id: string;
}

export interface VotesTable {
  id: Generated<string>;
  workspace_id: string;
  post_id: string;
  person_id: string;
  importance: Generated<number>;
  voted_by_member_id: string | null;
  created_at: Timestamp;
}

export interface CommentsTable {
  id: Generated<string>;
  workspace_id: string;
  post_id: string;
  parent_id: string | null;
  author_person_id: string | null;
  author_member_id: string | null;
  body: string;
  internal: Generated<boolean>;
  deleted_at: NullableTimestamp;
  created_at: Timestamp;
}

export interface StatusChangesTable {
  id: Generated<string>;
  workspace_id: string;
  post_id: string;
  from_status_id: string | null;
  to_status_id: string;
  actor_member_id: string | null;
  message: string | null;
  created_at: Timestamp;
}

export interface SessionsTable {
  id: Generated<string>;
  token_hash: string;
  workspace_id: string;
  member_id: string | null;
  person_id: string | null;
  created_at: Timestamp;
  expires_at: Timestamp;
}

export interface MagicLinksTable {
  token_hash: string;
  workspace_id: string;
  email: string;
  name: string | null;
  return_to: string | null;
  expires_at: Timestamp;
  used_at: NullableTimestamp;
  created_at: Timestamp;
}

export interface ApiKeysTable {
  id: Generated<string>;
  workspace_id: string;
  name: string;
  prefix: string;
  key_hash: string;
  scope: ApiScope;
  created_by_member_id: string | null;
  created_at: Timestamp;
  last_used_at: NullableTimestamp;
  revoked_at: NullableTimestamp;
}

export interface InstanceSettingsTable {
  key: string;
  value: string;
}

export interface EventsTable {
  id: Generated<string>;
  workspace_id: string;
  type: string;
  post_id: string | null;
  actor_member_id: string | null;
  actor_person_id: string | null;
  data: ColumnType<Record<string, unknown>, string, string>;
  previous: ColumnType<Record<string, unknown> | null, string | null, string | null>;
  created_at: Timestamp;
}

export type ChangelogType = 'new' | 'improved' | 'fixed';
export type ChangelogState = 'draft' | 'scheduled' | 'published';

export interface ChangelogEntriesTable {
  id: Generated<string>;
  workspace_id: string;
  title: string;
  body: Generated<string>;
  type: ChangelogType;
  state: Generated<ChangelogState>;
  scheduled_for: NullableTimestamp;
  publish_status_id: string | null;
  published_at: NullableTimestamp;
  first_published_at: NullableTimestamp;
  author_member_id: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface ChangelogEntryPostsTable {
  entry_id: string;
  post_id: string;
  position: Generated<number>;
}

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

export interface DemandDirtyTable {
  post_id: string;
  workspace_id: string;
  marked_at: Timestamp;
}

export interface DemandDrainsTable {
  workspace_id: string;
  scheduled_at: Timestamp;
}

export interface Database {
  demand_dirty: DemandDirtyTable;
  demand_drains: DemandDrainsTable;
  post_demand: PostDemandTable;
  post_demand_segments: PostDemandSegmentsTable;
  subscriptions: SubscriptionsTable;
  notification_preferences: NotificationPreferencesTable;
  notifications: NotificationsTable;
  deliveries: DeliveriesTable;
  webhook_endpoints: WebhookEndpointsTable;
  webhook_deliveries: WebhookDeliveriesTable;
  webhook_attempts: WebhookAttemptsTable;
  post_merges: PostMergesTable;
  duplicate_candidates: DuplicateCandidatesTable;
  similar_settings: SimilarSettingsTable;
  events: EventsTable;
  changelog_entries: ChangelogEntriesTable;
  changelog_entry_posts: ChangelogEntryPostsTable;
  instance_settings: InstanceSettingsTable;
  workspaces: WorkspacesTable;
  members: MembersTable;
  companies: CompaniesTable;
  people: PeopleTable;
  boards: BoardsTable;
  tags: TagsTable;
  statuses: StatusesTable;
  posts: PostsTable;
  post_tags: PostTagsTable;
  votes: VotesTable;
  comments: CommentsTable;
  status_changes: StatusChangesTable;
  sessions: SessionsTable;
  magic_links: MagicLinksTable;
  api_keys: ApiKeysTable;
}

export type Board = Selectable<BoardsTable>;
export type Post = Selectable<PostsTable>;
export type Status = Selectable<StatusesTable>;
export type Tag = Selectable<TagsTable>;
export type Member = Selectable<MembersTable>;
export type Person = Selectable<PeopleTable>;
export type Company = Selectable<CompaniesTable>;
export type Comment = Selectable<CommentsTable>;
export type Workspace = Selectable<WorkspacesTable>;
export type NewPost = Insertable<PostsTable>;
export type ChangelogEntry = Selectable<ChangelogEntriesTable>;
