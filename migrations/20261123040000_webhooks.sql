-- Webhooks for integrators (issue 4): endpoints configured per workspace, one delivery row per
-- event × endpoint (its id is the Standard Webhooks `webhook-id`, stable across retries), and a log
-- of every HTTP attempt. Retries are scheduled by re-enqueueing the job with run_at (see
-- src/modules/webhooks/retry-schedule.ts), so the schedule lives in our code, not in the queue.
create table webhook_endpoints (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references workspaces(id) on delete cascade,
  url text not null,
  description text not null default '',
  -- empty = every event type
  event_types text[] not null default '{}',
  -- "whsec_" + base64 key; the previous one is still sent (second signature) until it expires
  secret text not null,
  previous_secret text,
  previous_secret_expires_at timestamptz,
  enabled boolean not null default true,
  -- manual | gone (the receiver answered 410) | failing (too many consecutive failures)
  disabled_reason text check (disabled_reason in ('manual', 'gone', 'failing')),
  disabled_detail text,
  disabled_at timestamptz,
  -- failed attempts in a row across all deliveries; reset by any success
  consecutive_failures int not null default 0,
  failing_since timestamptz,
  created_by_member_id uuid references members(id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (enabled = (disabled_reason is null))
);
create index webhook_endpoints_workspace on webhook_endpoints (workspace_id, created_at);

create table webhook_deliveries (
  -- "msg_…": sent as the webhook-id header, so receivers can drop a retried duplicate
  id text primary key,
  workspace_id uuid not null references workspaces(id) on delete cascade,
  endpoint_id uuid not null references webhook_endpoints(id) on delete cascade,
  -- null for test pings (webhook.test), which are not domain events
  event_id uuid references events(id) on delete cascade,
  event_type text not null,
  -- the exact request body: every retry sends (and signs) the same bytes
  payload text not null,
  -- headers of the latest attempt
  request_headers jsonb not null default '{}',
  status text not null default 'queued' check (status in ('queued', 'delivered', 'failed', 'dead')),
  attempt_count int not null default 0,
  -- the retry schedule restarts when an admin replays the delivery
  round_attempts int not null default 0,
  round_started_at timestamptz not null default now(),
  response_status int,
  response_time_ms int,
  -- capped (see MAX_KEPT_RESPONSE_BYTES)
  response_body text,
  last_error text,
  next_attempt_at timestamptz,
  delivered_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (event_id, endpoint_id)
);
create index webhook_deliveries_endpoint on webhook_deliveries (endpoint_id, created_at desc, id desc);

create table webhook_attempts (
  id bigint generated always as identity primary key,
  delivery_id text not null references webhook_deliveries(id) on delete cascade,
  attempt_number int not null,
  request_headers jsonb not null,
  started_at timestamptz not null,
  duration_ms int not null,
  response_status int,
  response_body text,
  error text,
  is_success boolean not null
);
create index webhook_attempts_delivery on webhook_attempts (delivery_id, attempt_number);
