// Kysely table types mirroring migrations/*.sql: True demand (issue 3): merges, demand, duplicate detection.
import type { ColumnType, Generated } from 'kysely';
import type { Timestamp, NullableTimestamp, Numeric } from './column-types.ts';

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


export interface DemandDirtyTable {
  post_id: string;
  workspace_id: string;
  marked_at: Timestamp;
}

export interface DemandDrainsTable {
  workspace_id: string;
  scheduled_at: Timestamp;
}

/** A pending hourly demand decay job (migrations/20261123100000_demand-decay-gate.sql). */
export interface DemandDecaysTable {
  workspace_id: string;
  scheduled_at: Timestamp;
}
