-- New voters now add to the stored demand in the vote's own transaction (docs/adr/0005, addendum),
-- and a vote that gives a post momentum must make sure the workspace's hourly decay job is pending.
-- Adding a job NOTIFYs, which holds a cluster-wide lock until the commit is flushed (see
-- 20261123080000_demand-dirty.sql), so the job is added only when this row is inserted; the decay job
-- deletes the row when it starts, and re-arms itself while any post still has momentum.
create table demand_decays (
  workspace_id uuid primary key references workspaces(id) on delete cascade,
  scheduled_at timestamptz not null default now()
);
