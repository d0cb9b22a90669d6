-- Changelog (issue 4): entries written by the team, draft → scheduled → published, each optionally
-- linked to the posts it ships. A scheduled entry is published by a graphile-worker job whose
-- job_key names the entry (src/modules/changelog/schedule-changelog-entry.ts).
create table changelog_entries (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references workspaces(id) on delete cascade,
  title text not null,
  body text not null default '',
  type text not null check (type in ('new', 'improved', 'fixed')),
  state text not null default 'draft' check (state in ('draft', 'scheduled', 'published')),
  scheduled_for timestamptz,
  -- the shipped status linked posts move to when a scheduled entry publishes itself
  publish_status_id uuid references statuses(id) on delete set null,
  published_at timestamptz,
  -- set once: a re-publish after an unpublish is not news to subscribers again
  first_published_at timestamptz,
  author_member_id uuid references members(id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (state <> 'scheduled' or scheduled_for is not null),
  check (state <> 'published' or published_at is not null)
);
-- the public list and the Atom feed: newest published first
create index changelog_entries_published on changelog_entries (workspace_id, published_at desc, id desc) where state = 'published';
create index changelog_entries_workspace_created on changelog_entries (workspace_id, created_at desc, id desc);

create table changelog_entry_posts (
  entry_id uuid not null references changelog_entries(id) on delete cascade,
  post_id uuid not null references posts(id) on delete cascade,
  position integer not null default 0,
  primary key (entry_id, post_id)
);
create index changelog_entry_posts_post on changelog_entry_posts (post_id);

-- The roadmap reads live (not deleted, not merged) posts by status; this keeps it one index scan.
create index posts_roadmap on posts (workspace_id, status_id, vote_count desc, id desc)
  where deleted_at is null and merged_into_id is null;
