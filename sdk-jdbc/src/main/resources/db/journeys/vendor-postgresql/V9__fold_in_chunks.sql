-- The fold goes in chunks, each its own transaction, so a backlog of millions (a big import, a seeded
-- history) never becomes one huge transaction whose row versions nothing can prune. A chunk may end
-- inside one writer's transaction, so the mark becomes a position in (tx_id, id) order: everything up to
-- (folded_to, folded_id) is folded; folded_id 0 means "every transaction below folded_to".
alter table dash_marks add column folded_id bigint not null default 0;
-- Chunks are read in (tx_id, id) order from the mark; the commit poller's look-ups by tx_id use it too.
create index transitions_tx_id on transitions (tx_id, id);
drop index transitions_tx;
-- Time to convert reads one pair of stages; the primary key leads with the cohort day instead. All the
-- key's columns, so that a planner without statistics that takes it for the fold's updates still finds
-- one row, not every row of the pair.
create index dash_conversions_pair on dash_conversions (journey_id, from_stage_id, to_stage_id, cohort_day, bucket);
-- Stalled contacts page through a stage oldest first, ties broken by contact. With the contact in the index
-- a page is read in order; without it H2, which has no incremental sort, sorted the whole stage per page.
drop index placements_age;
create index placements_age on placements (journey_id, stage_id, entered_at, contact_key);
