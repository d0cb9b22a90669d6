-- Time-ordered ids for the rows written most (docs/adr/0007-vote-batching.md, addendum "Where a vote's
-- pages are"). A random uuid (v4) sends every insert to a random leaf of the primary key, and a
-- person's random id sends a new voter's rows to random leaves of every index keyed by person
-- (votes_person, subscriptions_person): at 1,000,000 votes those leaves are rarely in shared buffers,
-- each one is read from the file, and the first change to each after a checkpoint writes a full 8 KB
-- page image to the WAL. A UUID version 7 (RFC 9562) starts with the millisecond it was made, so new
-- ids land on the right-most leaf, which stays in memory. The format is still a uuid: no column,
-- API or existing row changes (old rows keep their ids; ids were never ordered before).
--
-- PostgreSQL 18 has uuidv7(); 15-17 do not, so the same function everywhere: the timestamp in
-- milliseconds over the first 48 bits of a random (v4) uuid, version bits set to 7. A SQL function
-- with one expression is inlined into each insert's plan (no function call per row).
create function backboard_uuidv7() returns uuid language sql volatile parallel safe as $$
  select encode(
    set_bit(set_bit(
      overlay(uuid_send(gen_random_uuid())
        placing substring(int8send(floor(extract(epoch from clock_timestamp()) * 1000)::bigint) from 3)
        from 1 for 6),
      52, 1), 53, 1),
    'hex')::uuid
$$;

-- Not for rows whose id could ever act as a secret (sessions, API keys): a v7 id has 74
-- random bits where a v4 has 122, and it tells when it was made.
alter table people alter column id set default backboard_uuidv7();
alter table votes alter column id set default backboard_uuidv7();
alter table subscriptions alter column id set default backboard_uuidv7();
alter table posts alter column id set default backboard_uuidv7();
alter table comments alter column id set default backboard_uuidv7();
alter table status_changes alter column id set default backboard_uuidv7();
alter table events alter column id set default backboard_uuidv7();
