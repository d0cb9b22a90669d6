-- Sort keys off `posts` (docs/adr/0008-post-rank.md): every vote rewrote vote_count and hot_score,
-- and the demand drain demand_score, on a wide row with 14 indexes; the sort indexes contain those
-- columns, so each counter update was a non-HOT update that inserted into all 14 (the GIN full-text
-- index too). The sort keys now live in this narrow table with the sort indexes; a trigger keeps it
-- in step with posts, whatever the write path, and posts keeps its columns for display. Counter
-- updates on posts touch no indexed column any more and stay on their page (HOT, fillfactor 85).
-- Queries that order or page by a sort key walk these indexes and join posts by id.
create table post_rank (
  post_id uuid primary key references posts(id) on delete cascade,
  workspace_id uuid not null,
  board_id uuid not null,
  status_id uuid not null,
  -- deleted_at is null
  listed boolean not null,
  -- merged_into_id is null: a merge stub is reachable by id but never listed or ranked
  head boolean not null,
  created_at timestamptz not null,
  vote_count integer not null,
  hot_score double precision not null,
  demand_score double precision not null
) with (fillfactor = 90);

-- No write may slip between the copy below and the triggers that take over from it.
lock table posts in share row exclusive mode;

insert into post_rank (post_id, workspace_id, board_id, status_id, listed, head, created_at, vote_count, hot_score, demand_score)
select id, workspace_id, board_id, status_id, deleted_at is null, merged_into_id is null, created_at, vote_count, hot_score, demand_score
from posts;

-- The sort indexes that were on posts, keyed the same way. Every reader of them (lists, Top demand,
-- a post's rank in its board, the roadmap) skips merge stubs, so they stay out of every index.
create index post_rank_board_top on post_rank (board_id, vote_count desc, post_id desc) where listed and head;
create index post_rank_board_hot on post_rank (board_id, hot_score desc, post_id desc) where listed and head;
create index post_rank_board_demand on post_rank (board_id, demand_score desc, post_id desc) where listed and head;
create index post_rank_workspace_top on post_rank (workspace_id, vote_count desc, post_id desc) where listed and head;
create index post_rank_workspace_demand on post_rank (workspace_id, demand_score desc, post_id desc) where listed and head;
create index post_rank_roadmap on post_rank (workspace_id, status_id, vote_count desc, post_id desc) where listed and head;

create function backboard_insert_post_rank() returns trigger language plpgsql as $$
begin
  insert into post_rank (post_id, workspace_id, board_id, status_id, listed, head, created_at, vote_count, hot_score, demand_score)
  select id, workspace_id, board_id, status_id, deleted_at is null, merged_into_id is null, created_at, vote_count, hot_score, demand_score
  from new_posts;
  return null;
end $$;
-- per statement: a bulk load (bench seed, demo, import) copies its rows in one insert
create trigger posts_rank_insert after insert on posts referencing new table as new_posts
  for each statement execute function backboard_insert_post_rank();

-- per statement, after any update: it writes only the rows whose sort keys or filters changed. A
-- statement trigger cannot have a column list when it has a transition table, and a row trigger
-- costs a PL/pgSQL call per row: more than the whole HOT update it follows (a batch of votes, the
-- demand drain and recounts update many rows in one statement).
create function backboard_update_post_rank() returns trigger language plpgsql as $$
begin
  update post_rank r set
    workspace_id = n.workspace_id, board_id = n.board_id, status_id = n.status_id,
    listed = n.deleted_at is null, head = n.merged_into_id is null, created_at = n.created_at,
    vote_count = n.vote_count, hot_score = n.hot_score, demand_score = n.demand_score
  from new_posts n
  where r.post_id = n.id
    and (r.workspace_id, r.board_id, r.status_id, r.listed, r.head, r.created_at, r.vote_count, r.hot_score, r.demand_score)
      is distinct from (n.workspace_id, n.board_id, n.status_id, n.deleted_at is null, n.merged_into_id is null, n.created_at,
                        n.vote_count, n.hot_score, n.demand_score);
  return null;
end $$;
create trigger posts_rank_update after update on posts referencing new table as new_posts
  for each statement execute function backboard_update_post_rank();

-- posts.search was a stored generated column. PostgreSQL recomputes every stored generated column on
-- every UPDATE of a table that has a BEFORE ROW UPDATE trigger (posts_touch, even with its column
-- list), so each vote re-parsed the title and body into a tsvector (~0.1-0.2 ms). It becomes a plain
-- column (same values, same GIN index) that this trigger writes when the text is written.
alter table posts alter column search drop expression;
create function backboard_post_search() returns trigger language plpgsql as $$
begin
  new.search := setweight(to_tsvector('english', new.title), 'A') || setweight(to_tsvector('english', new.body), 'B');
  return new;
end $$;
create trigger posts_search before insert or update of title, body on posts
  for each row execute function backboard_post_search();

drop index posts_board_top;
drop index posts_board_hot;
drop index posts_board_demand;
drop index posts_workspace_top;
drop index posts_workspace_demand;
drop index posts_roadmap;

-- room on each page for the new version of a row, so counter updates stay HOT (applies to pages
-- written from now on; VACUUM FULL or a rewrite applies it to existing ones)
alter table posts set (fillfactor = 85);

-- statistics for the planner now rather than at autovacuum's next round
analyze post_rank;
