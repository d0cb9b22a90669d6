-- Duplicate detection (issue 3 §1, src/modules/similar). The ranking index lives in each server
-- process's memory and is derived from posts; these are the database pieces it needs.

-- 1. Catch-up. Every search first reads the posts of its workspace changed since a watermark
-- (updated_at, id). Not partial: rows that LEFT the index (deleted, merged) must be seen too.
create index posts_workspace_updated on posts (workspace_id, updated_at, id);

-- updated_at moves whenever what the index reads changes (text, board, deleted, merged), whatever
-- the write path (use-case, CLI, a future importer): a trigger cannot be forgotten. It is never set
-- earlier than the writing transaction's start, which the catch-up horizon relies on (see
-- src/modules/similar/similar-index.repo.ts).
create function backboard_touch_post() returns trigger language plpgsql as $$
begin
  new.updated_at := greatest(new.updated_at, now());
  return new;
end $$;
-- "update of <columns>": vote counters and demand scores (the hot writes) never run it
create trigger posts_touch before update of title, body, board_id, deleted_at, merged_into_id on posts
  for each row
  when ((new.title, new.body, new.board_id, new.deleted_at, new.merged_into_id)
        is distinct from (old.title, old.body, old.board_id, old.deleted_at, old.merged_into_id))
  execute function backboard_touch_post();

-- 2. The duplicate queue: pairs found by the check of a new post (`post_id`, the newer one) against
-- an existing post. A pair is stored once whatever its order; "not a duplicate" keeps the row as
-- dismissed, so the pair is never suggested again and is a labelled negative for calibration.
create table duplicate_candidates (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references workspaces(id) on delete cascade,
  post_id uuid not null references posts(id) on delete cascade,
  similar_post_id uuid not null references posts(id) on delete cascade,
  score double precision not null,
  matched text[] not null default '{}',
  state text not null default 'open' check (state in ('open', 'dismissed')),
  decided_by_member_id uuid references members(id) on delete set null,
  decided_at timestamptz,
  created_at timestamptz not null default now(),
  check (post_id <> similar_post_id)
);
create unique index duplicate_candidates_pair on duplicate_candidates
  (least(post_id, similar_post_id), greatest(post_id, similar_post_id));
create index duplicate_candidates_queue on duplicate_candidates (workspace_id, score desc, id) where state = 'open';
create index duplicate_candidates_dismissed on duplicate_candidates (workspace_id, decided_at desc) where state = 'dismissed';
create index duplicate_candidates_similar on duplicate_candidates (similar_post_id);

-- 3. Per-workspace ranking options learned from the team's decisions (merges and dismissals), and
-- a rebuild request every server process sees on its next catch-up.
create table similar_settings (
  workspace_id uuid primary key references workspaces(id) on delete cascade,
  options jsonb,
  decisions integer not null default 0,
  calibrated_at timestamptz,
  rebuild_requested_at timestamptz,
  version integer not null default 1
);
