-- Subscriptions, notification preferences, in-app notifications and the per-recipient delivery audit
-- (issue 4). A recipient is either an end user (person_id) or a team member (member_id), never both.

-- Who follows a post. Authors, voters and commenters are subscribed automatically (reason), anyone
-- may follow by hand. An unfollow is kept as a row with unsubscribed_at set, so a later vote or
-- comment (auto-subscribe = insert-if-absent) never silently re-subscribes someone who said stop.
create table subscriptions (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references workspaces(id) on delete cascade,
  post_id uuid not null references posts(id) on delete cascade,
  person_id uuid references people(id) on delete cascade,
  member_id uuid references members(id) on delete cascade,
  reason text not null check (reason in ('author', 'voter', 'commenter', 'manual')),
  unsubscribed_at timestamptz,
  created_at timestamptz not null default now(),
  check (num_nonnulls(person_id, member_id) = 1),
  unique nulls not distinct (post_id, person_id, member_id)
);
create index subscriptions_person on subscriptions (person_id, created_at desc) where person_id is not null;
create index subscriptions_member on subscriptions (member_id, created_at desc) where member_id is not null;

-- Email preferences per recipient; no row = the defaults (everything on, no digest).
create table notification_preferences (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references workspaces(id) on delete cascade,
  person_id uuid references people(id) on delete cascade,
  member_id uuid references members(id) on delete cascade,
  status_updates boolean not null default true,
  comment_replies boolean not null default true,
  changelog boolean not null default true,
  -- global "no more email" (one-click unsubscribe with the all scope)
  unsubscribed_all_at timestamptz,
  -- team members only: a summary of new feedback by email
  digest text not null default 'off' check (digest in ('off', 'daily', 'weekly')),
  digest_sent_at timestamptz,
  updated_at timestamptz not null default now(),
  check (num_nonnulls(person_id, member_id) = 1),
  unique nulls not distinct (person_id, member_id)
);
create index notification_preferences_digest on notification_preferences (digest) where digest <> 'off';

-- In-app notifications: one per event and recipient, with the text snapshotted at fan-out time.
create table notifications (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references workspaces(id) on delete cascade,
  event_id uuid not null references events(id) on delete cascade,
  person_id uuid references people(id) on delete cascade,
  member_id uuid references members(id) on delete cascade,
  post_id uuid references posts(id) on delete cascade,
  kind text not null check (kind in ('status_changed', 'official_reply', 'comment_reply', 'changelog')),
  title text not null,
  body text not null default '',
  url text not null,
  read_at timestamptz,
  created_at timestamptz not null default now(),
  check (num_nonnulls(person_id, member_id) = 1),
  unique nulls not distinct (event_id, person_id, member_id)
);
create index notifications_person on notifications (person_id, created_at desc, id desc) where person_id is not null;
create index notifications_member on notifications (member_id, created_at desc, id desc) where member_id is not null;
create index notifications_unread_person on notifications (person_id) where read_at is null and person_id is not null;
create index notifications_unread_member on notifications (member_id) where read_at is null and member_id is not null;

-- The audit: one row per event × recipient × channel, whether it was delivered or why not. The unique
-- key is what makes a re-dispatched event harmless: it can never create a second delivery.
create table deliveries (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references workspaces(id) on delete cascade,
  event_id uuid not null references events(id) on delete cascade,
  person_id uuid references people(id) on delete cascade,
  member_id uuid references members(id) on delete cascade,
  channel text not null check (channel in ('email', 'in_app')),
  kind text not null check (kind in ('status_changed', 'official_reply', 'comment_reply', 'changelog')),
  post_id uuid references posts(id) on delete set null,
  address text,
  state text not null check (state in ('queued', 'sent', 'failed', 'skipped')),
  skip_reason text check (skip_reason in ('unsubscribed', 'no_email', 'private_board', 'self', 'preference_off')),
  attempts integer not null default 0,
  last_error text,
  message_id text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  sent_at timestamptz,
  check (num_nonnulls(person_id, member_id) = 1),
  check ((state = 'skipped') = (skip_reason is not null)),
  unique nulls not distinct (event_id, person_id, member_id, channel)
);
create index deliveries_event on deliveries (event_id);
create index deliveries_workspace_created on deliveries (workspace_id, created_at desc);
