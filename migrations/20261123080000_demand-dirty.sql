-- Votes mark posts whose demand needs recomputing here instead of adding one job per vote: adding a
-- graphile-worker job NOTIFYs inside the transaction, and a transaction that NOTIFYs holds a
-- cluster-wide lock until its commit is flushed, which serialised every vote (docs/PERFORMANCE.md).
-- One drain job per workspace is scheduled only when demand_drains gains a row (rare), and it
-- refreshes all marked posts in batches.
create table demand_dirty (
  post_id uuid primary key references posts(id) on delete cascade,
  workspace_id uuid not null references workspaces(id) on delete cascade,
  marked_at timestamptz not null default now()
);
create index demand_dirty_workspace on demand_dirty (workspace_id, marked_at);

create table demand_drains (
  workspace_id uuid primary key references workspaces(id) on delete cascade,
  scheduled_at timestamptz not null default now()
);
