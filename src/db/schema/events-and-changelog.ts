// Kysely table types mirroring migrations/*.sql: Domain events and the changelog.
import type { ColumnType, Generated } from 'kysely';
import type { Timestamp, NullableTimestamp } from './column-types.ts';

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
