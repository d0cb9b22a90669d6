-- Explainable demand score (issue 3 §3, docs/adr/0005-demand-score.md). Components are computed over
-- a post's merge group (the post plus every post merged into it, one vote per person) by the demand
-- module and materialised here, so sort=demand is an index walk; the formula lives in TypeScript only
-- (src/modules/demand/demand-formula.ts) and the score is written next to the other sort keys.

-- null = the documented defaults; otherwise {"weights": {...}, "revenueUnit": n}
alter table workspaces add column demand_weights jsonb;

-- The sort key, kept on the post like hot_score so every list filter combines with it.
alter table posts add column demand_score double precision not null default 0;
create index posts_board_demand on posts (board_id, demand_score desc, id desc) where deleted_at is null;
create index posts_workspace_demand on posts (workspace_id, demand_score desc, id desc) where deleted_at is null;

-- The components behind the score, as of computed_at. Merge stubs have no row (no demand of their own).
create table post_demand (
  post_id uuid primary key references posts(id) on delete cascade,
  workspace_id uuid not null references workspaces(id) on delete cascade,
  unique_voters integer not null default 0,
  unique_companies integer not null default 0,
  monthly_revenue numeric(20, 2) not null default 0,
  weighted_votes double precision not null default 0,
  momentum double precision not null default 0,
  computed_at timestamptz not null default now()
);
-- the hourly decay refresh revisits only posts that still have momentum
create index post_demand_momentum on post_demand (workspace_id) where momentum > 0;

-- The same components per voter segment (a company's segment, "No segment", "No company"), with the
-- score restricted to that segment's voters: the "Top demand" view filtered by segment walks this index.
create table post_demand_segments (
  post_id uuid not null references posts(id) on delete cascade,
  workspace_id uuid not null references workspaces(id) on delete cascade,
  segment text not null,
  voters integer not null,
  companies integer not null,
  monthly_revenue numeric(20, 2) not null,
  weighted_votes double precision not null,
  momentum double precision not null,
  score double precision not null,
  primary key (post_id, segment)
);
create index post_demand_segments_top on post_demand_segments (workspace_id, segment, score desc, post_id desc);
