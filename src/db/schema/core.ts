// Kysely table types mirroring migrations/*.sql: Workspaces, the team, people and companies, boards, posts, votes, comments, statuses, auth.
import type { ColumnType, Generated } from 'kysely';
import type { Timestamp, NullableTimestamp, Numeric } from './column-types.ts';

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
  /** Full-text vector of title and body, written by the posts_search trigger (migrations/20261123090000_post-rank.sql). */
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

/** Read-only: the trigger on posts writes it (migrations/20261123090000_post-rank.sql). */
type Derived<T> = ColumnType<T, never, never>;

/**
 * The sort keys of a post and the sort indexes over them, off the wide posts row so vote and demand
 * updates on posts stay HOT (migrations/20261123090000_post-rank.sql). Kept in step with posts by
 * triggers; queries ordered by votes, hot or demand walk its indexes and join posts by id.
 */
export interface PostRankTable {
  post_id: Derived<string>;
  workspace_id: Derived<string>;
  board_id: Derived<string>;
  status_id: Derived<string>;
  /** deleted_at is null */
  listed: Derived<boolean>;
  /** merged_into_id is null */
  head: Derived<boolean>;
  created_at: Derived<Date>;
  vote_count: Derived<number>;
  hot_score: Derived<number>;
  demand_score: Derived<number>;
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
