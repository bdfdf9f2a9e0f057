-- The history by effective time, for the exact edges of dashboard ranges, now filed by the fold instead of
-- indexed by every move: transitions_effective was one more index entry in each move's own transaction, and
-- on H2 file part of what the dashboard added to a move (benchmarks/README.md). The fold files the ids of
-- the transitions it folds under the hour they are effective in, packed (HourIds: mostly one run of ids per
-- journey, hour and fold). A read takes the folded part from here and the unfolded tail, which it reads
-- anyway, from the history; both in one snapshot, so they meet at the fold's mark. Repairs rebuild it with
-- the other aggregates.
create table dash_hour_ids (
    journey_id bigint not null,
    hour_start timestamp with time zone not null,
    first_id   bigint not null,
    ids        varchar(1000000) not null,
    constraint dash_hour_ids_pk primary key (journey_id, hour_start, first_id)
);
-- What is folded already (on H2 every id up to the mark), one id a row: a single id is a valid packing.
insert into dash_hour_ids (journey_id, hour_start, first_id, ids)
select t.journey_id, date_trunc('hour', t.effective_at), t.id, cast(t.id as varchar) from transitions t
 where t.id <= (select folded_to from dash_marks where id = 1);
drop index transitions_effective;
