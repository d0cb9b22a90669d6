-- Change feed for caches (docs/adr/0006-public-read-cache.md): every committed write to what the
-- portal shows sends NOTIFY backboard_changes '<workspace id>', once per statement and workspace.
-- NOTIFY is transactional (delivered on commit only), and a trigger cannot be forgotten by a new write
-- path, a CLI command or a worker — so every server process can drop its cached public reads.
create function backboard_notify_changes() returns trigger language plpgsql as $$
declare
  w text;
begin
  if tg_op = 'DELETE' then
    for w in select distinct workspace_id::text from old_rows loop
      perform pg_notify('backboard_changes', w);
    end loop;
  else
    for w in select distinct workspace_id::text from new_rows loop
      perform pg_notify('backboard_changes', w);
    end loop;
  end if;
  return null;
end $$;

-- post_tags has no workspace_id of its own: notify through the post
create function backboard_notify_post_tag_changes() returns trigger language plpgsql as $$
declare
  w text;
begin
  if tg_op = 'DELETE' then
    for w in select distinct p.workspace_id::text from old_rows r join posts p on p.id = r.post_id loop
      perform pg_notify('backboard_changes', w);
    end loop;
  else
    for w in select distinct p.workspace_id::text from new_rows r join posts p on p.id = r.post_id loop
      perform pg_notify('backboard_changes', w);
    end loop;
  end if;
  return null;
end $$;

do $$
declare
  t text;
begin
  foreach t in array array['posts', 'votes', 'comments', 'boards', 'tags', 'statuses', 'people', 'companies'] loop
    execute format('create trigger %1$s_notify_insert after insert on %1$s referencing new table as new_rows for each statement execute function backboard_notify_changes()', t);
    execute format('create trigger %1$s_notify_update after update on %1$s referencing new table as new_rows for each statement execute function backboard_notify_changes()', t);
    execute format('create trigger %1$s_notify_delete after delete on %1$s referencing old table as old_rows for each statement execute function backboard_notify_changes()', t);
  end loop;
end $$;

create trigger post_tags_notify_insert after insert on post_tags referencing new table as new_rows for each statement execute function backboard_notify_post_tag_changes();
create trigger post_tags_notify_delete after delete on post_tags referencing old table as old_rows for each statement execute function backboard_notify_post_tag_changes();
-- workspaces: the id is the workspace
create function backboard_notify_workspace_changes() returns trigger language plpgsql as $$
begin
  perform pg_notify('backboard_changes', new.id::text);
  return null;
end $$;
create trigger workspaces_notify_update after update on workspaces for each row execute function backboard_notify_workspace_changes();
