-- On H2 the fold's mark is a transition id, so chunks need no second coordinate; the column is kept
-- for the same schema on both databases (see vendor-postgresql V9).
alter table dash_marks add column folded_id bigint default 0 not null;
-- Time to convert reads one pair of stages; the primary key leads with the cohort day instead. All the
-- key's columns, so that a planner without statistics that takes it for the fold's updates still finds
-- one row, not every row of the pair.
create index dash_conversions_pair on dash_conversions (journey_id, from_stage_id, to_stage_id, cohort_day, bucket);
-- Stalled contacts page through a stage oldest first, ties broken by contact. With the contact in the index
-- a page is read in order; without it H2, which has no incremental sort, sorted the whole stage per page.
drop index placements_age;
create index placements_age on placements (journey_id, stage_id, entered_at, contact_key);
