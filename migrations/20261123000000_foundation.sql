-- Foundation schema: workspaces, team, people, boards, posts, votes, comments, statuses, auth.
-- Every tenant-owned row carries workspace_id; queries always filter by it (docs/adr/0002-query-layer.md).

create table workspaces (
  id uuid primary key default gen_random_uuid(),
  slug text not null unique,
  name text not null,
  allow_anonymous boolean not null default true,
  setup_token_hash text,
  created_at timestamptz not null default now()
);

create table members (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references workspaces(id) on delete cascade,
  email text not null,
  name text not null,
  role text not null check (role in ('owner', 'admin', 'member')),
  password_hash text not null,
  created_at timestamptz not null default now()
);
create unique index members_workspace_email on members (workspace_id, lower(email));

create table companies (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references workspaces(id) on delete cascade,
  name text not null,
  domain text,
  monthly_revenue numeric(14, 2) not null default 0 check (monthly_revenue >= 0),
  segment text,
  created_at timestamptz not null default now()
);
create unique index companies_workspace_name on companies (workspace_id, lower(name));
create unique index companies_workspace_domain on companies (workspace_id, lower(domain)) where domain is not null;

create table people (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references workspaces(id) on delete cascade,
  email text not null,
  name text,
  external_id text,
  company_id uuid references companies(id) on delete set null,
  created_at timestamptz not null default now()
);
create unique index people_workspace_email on people (workspace_id, lower(email));
create unique index people_workspace_external on people (workspace_id, external_id) where external_id is not null;
create index people_company on people (company_id) where company_id is not null;

create table boards (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references workspaces(id) on delete cascade,
  name text not null,
  slug text not null,
  description text not null default '',
  visibility text not null check (visibility in ('public', 'private')),
  post_count integer not null default 0,
  created_at timestamptz not null default now(),
  unique (workspace_id, slug)
);

create table tags (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references workspaces(id) on delete cascade,
  name text not null,
  color text not null default '#64748b',
  created_at timestamptz not null default now()
);
create unique index tags_workspace_name on tags (workspace_id, lower(name));

create table statuses (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references workspaces(id) on delete cascade,
  name text not null,
  slug text not null,
  kind text not null check (kind in ('open', 'under_review', 'planned', 'in_progress', 'shipped', 'declined', 'duplicate')),
  color text not null default '#64748b',
  position integer not null default 0,
  is_default boolean not null default false,
  created_at timestamptz not null default now(),
  unique (workspace_id, slug)
);
create unique index statuses_one_default on statuses (workspace_id) where is_default;

create table posts (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references workspaces(id) on delete cascade,
  board_id uuid not null references boards(id) on delete cascade,
  title text not null,
  body text not null default '',
  author_person_id uuid references people(id) on delete set null,
  author_member_id uuid references members(id) on delete set null,
  status_id uuid not null references statuses(id),
  source text not null default 'portal',
  vote_count integer not null default 0 check (vote_count >= 0),
  comment_count integer not null default 0 check (comment_count >= 0),
  -- "hot" rank for sort=trending: log10(votes) + created_epoch/45000, kept current on every vote
  hot_score double precision not null default 0,
  search tsvector generated always as (
    setweight(to_tsvector('english', title), 'A') || setweight(to_tsvector('english', body), 'B')
  ) stored,
  deleted_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index posts_board_top on posts (board_id, vote_count desc, id desc) where deleted_at is null;
create index posts_board_new on posts (board_id, created_at desc, id desc) where deleted_at is null;
create index posts_board_hot on posts (board_id, hot_score desc, id desc) where deleted_at is null;
create index posts_workspace_top on posts (workspace_id, vote_count desc, id desc) where deleted_at is null;
create index posts_workspace_new on posts (workspace_id, created_at desc, id desc);
create index posts_status on posts (status_id);
create index posts_search on posts using gin (search);
create index posts_author on posts (author_person_id);

create table post_tags (
  post_id uuid not null references posts(id) on delete cascade,
  tag_id uuid not null references tags(id) on delete cascade,
  primary key (post_id, tag_id)
);
create index post_tags_tag on post_tags (tag_id);

create table votes (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references workspaces(id) on delete cascade,
  post_id uuid not null references posts(id) on delete cascade,
  person_id uuid not null references people(id) on delete cascade,
  importance smallint not null default 1 check (importance between 0 and 3),
  voted_by_member_id uuid references members(id) on delete set null,
  created_at timestamptz not null default now(),
  unique (post_id, person_id)
);
create index votes_person on votes (person_id);
create index votes_post_created on votes (post_id, created_at desc);

create table comments (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references workspaces(id) on delete cascade,
  post_id uuid not null references posts(id) on delete cascade,
  parent_id uuid references comments(id) on delete cascade,
  author_person_id uuid references people(id) on delete set null,
  author_member_id uuid references members(id) on delete set null,
  body text not null,
  internal boolean not null default false,
  deleted_at timestamptz,
  created_at timestamptz not null default now()
);
create index comments_post on comments (post_id, created_at);

create table status_changes (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references workspaces(id) on delete cascade,
  post_id uuid not null references posts(id) on delete cascade,
  from_status_id uuid references statuses(id) on delete set null,
  to_status_id uuid not null references statuses(id),
  actor_member_id uuid references members(id) on delete set null,
  message text,
  created_at timestamptz not null default now()
);
create index status_changes_post on status_changes (post_id, created_at);

create table sessions (
  id uuid primary key default gen_random_uuid(),
  token_hash text not null unique,
  workspace_id uuid not null references workspaces(id) on delete cascade,
  member_id uuid references members(id) on delete cascade,
  person_id uuid references people(id) on delete cascade,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  check ((member_id is null) <> (person_id is null))
);
create index sessions_expires on sessions (expires_at);

create table magic_links (
  token_hash text primary key,
  workspace_id uuid not null references workspaces(id) on delete cascade,
  email text not null,
  name text,
  return_to text,
  expires_at timestamptz not null,
  used_at timestamptz,
  created_at timestamptz not null default now()
);

create table api_keys (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references workspaces(id) on delete cascade,
  name text not null,
  prefix text not null,
  key_hash text not null unique,
  scope text not null check (scope in ('read', 'write', 'admin')),
  created_by_member_id uuid references members(id) on delete set null,
  created_at timestamptz not null default now(),
  last_used_at timestamptz,
  revoked_at timestamptz
);

-- Instance-wide secrets and settings shared by every process that uses this database
-- (e.g. the cookie-signing secret), so several servers behind a load balancer agree.
create table instance_settings (
  key text primary key,
  value text not null
);
