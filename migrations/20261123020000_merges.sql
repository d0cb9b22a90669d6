-- Lossless merges (issue 3). Votes, comments and subscriptions stay on the post they were made on;
-- a merged post points at its FINAL target (one hop: merging into a post that is itself merged
-- resolves to that post's target, and re-merging a target re-points its sources), so the "group" of a
-- target T is T plus every post with merged_into_id = T. Unmerge clears the pointer: nothing to undo.
alter table posts add column merged_into_id uuid references posts(id) on delete set null;
alter table posts add column merged_at timestamptz;
create index posts_merged_into on posts (merged_into_id) where merged_into_id is not null;

-- The merge log: who merged what into what, and what the merge changed on the target so unmerge can
-- restore it exactly (e.g. tags the merge added; the source's status before it became a stub).
create table post_merges (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references workspaces(id) on delete cascade,
  source_post_id uuid not null references posts(id) on delete cascade,
  target_post_id uuid not null references posts(id) on delete cascade,
  actor_member_id uuid references members(id) on delete set null,
  snapshot jsonb not null default '{}',
  created_at timestamptz not null default now(),
  undone_at timestamptz,
  undone_by_member_id uuid references members(id) on delete set null
);
create index post_merges_source on post_merges (source_post_id, created_at desc);
create index post_merges_target on post_merges (target_post_id, created_at desc);
