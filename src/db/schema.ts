// Kysely table types mirroring migrations/*.sql (columns with defaults are Generated<…>), one file per
// area under src/db/schema/, assembled here into the Database type every query is checked against.
import type { Insertable, Selectable } from 'kysely';
import type { WorkspacesTable, MembersTable, CompaniesTable, PeopleTable, BoardsTable, TagsTable, StatusesTable, PostsTable, PostRankTable, PostTagsTable, VotesTable, CommentsTable, StatusChangesTable, SessionsTable, MagicLinksTable, ApiKeysTable, InstanceSettingsTable } from './schema/core.ts';
import type { PostDemandTable, PostDemandSegmentsTable, PostMergesTable, DuplicateCandidatesTable, SimilarSettingsTable, DemandDirtyTable, DemandDrainsTable, DemandDecaysTable } from './schema/demand-and-duplicates.ts';
import type { EventsTable, ChangelogEntriesTable, ChangelogEntryPostsTable } from './schema/events-and-changelog.ts';
import type { WebhookEndpointsTable, WebhookDeliveriesTable, WebhookAttemptsTable } from './schema/webhooks.ts';
import type { SubscriptionsTable, NotificationPreferencesTable, NotificationsTable, DeliveriesTable } from './schema/notifications.ts';
export type * from './schema/core.ts';
export type * from './schema/demand-and-duplicates.ts';
export type * from './schema/events-and-changelog.ts';
export type * from './schema/webhooks.ts';
export type * from './schema/notifications.ts';

export interface Database {
  demand_dirty: DemandDirtyTable;
  demand_drains: DemandDrainsTable;
  demand_decays: DemandDecaysTable;
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
  post_rank: PostRankTable;
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
