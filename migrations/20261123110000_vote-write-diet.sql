-- Less row work per vote (docs/adr/0007-vote-batching.md, addendum "Less work per vote row").
--
-- 1. post_demand is rewritten by every new vote (its counters and momentum). The partial index
--    `post_demand_momentum (workspace_id) where momentum > 0` made each of those rewrites a non-HOT
--    update (a column in an index predicate changed), inserting into both indexes and leaving dead
--    entries behind. An index on (workspace_id, post_id) serves the same readers (the decay's keyset
--    walk over a workspace's posts, "does any post still have momentum") without naming momentum,
--    and free space on each page lets the rewrite stay on its page.
drop index post_demand_momentum;
create index post_demand_workspace on post_demand (workspace_id, post_id);
alter table post_demand set (fillfactor = 90);

-- 2. Rows written per vote checked their workspace_id against workspaces (a `for key share` lock on
--    the one workspace row, from every batch at once). These rows already reference a post, which
--    belongs to the workspace and removes them with it (on delete cascade), so the check added
--    nothing a post's own foreign key does not: it goes. people keeps its own (a person has no post).
alter table votes drop constraint votes_workspace_id_fkey;
alter table subscriptions drop constraint subscriptions_workspace_id_fkey;
alter table post_demand drop constraint post_demand_workspace_id_fkey;
alter table post_demand_segments drop constraint post_demand_segments_workspace_id_fkey;
