-- Measured (docs/PERFORMANCE.md): a transaction that NOTIFYs holds a cluster-wide lock until its
-- commit is flushed, so the per-statement triggers of 20261123060500 serialised every vote
-- (~200 votes/s instead of >1,000). The change feed now comes from the application after commit,
-- coalesced per workspace (src/db/change-notifier.ts); the triggers go.
do $$
declare
  t text;
begin
  foreach t in array array['posts', 'votes', 'comments', 'boards', 'tags', 'statuses', 'people', 'companies'] loop
    execute format('drop trigger if exists %1$s_notify_insert on %1$s', t);
    execute format('drop trigger if exists %1$s_notify_update on %1$s', t);
    execute format('drop trigger if exists %1$s_notify_delete on %1$s', t);
  end loop;
end $$;
drop trigger if exists post_tags_notify_insert on post_tags;
drop trigger if exists post_tags_notify_delete on post_tags;
drop trigger if exists workspaces_notify_update on workspaces;
drop function if exists backboard_notify_changes();
drop function if exists backboard_notify_post_tag_changes();
drop function if exists backboard_notify_workspace_changes();
