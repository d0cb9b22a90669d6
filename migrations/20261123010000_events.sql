-- Domain events: one row per thing that happened (post.status_changed, comment.created, …), written in
-- the same transaction as the change. Consumers (notifications, webhooks) fan out from here through
-- the job queue; the row is the stable identity every delivery refers to (docs/adr/0004-job-queue.md).
create table events (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references workspaces(id) on delete cascade,
  type text not null,
  post_id uuid references posts(id) on delete set null,
  actor_member_id uuid references members(id) on delete set null,
  actor_person_id uuid references people(id) on delete set null,
  data jsonb not null,
  previous jsonb,
  created_at timestamptz not null default now()
);
create index events_workspace_created on events (workspace_id, created_at desc);
create index events_post on events (post_id, created_at desc) where post_id is not null;
