-- The history by effective time, for the exact edges of dashboard ranges, filed by the fold instead of
-- indexed by every move: transitions_effective was one more index entry in each move's own transaction, and
-- on H2 file part of what the dashboard added to a move (benchmarks/README.md). The fold files the ids of
-- the transitions it folds under the hour they are effective in, packed (HourIds: mostly one run of ids per
-- journey, hour and fold). A read takes the folded part from here and the unfolded tail, which it reads
-- anyway, from the history; both in one snapshot, so they meet at the fold's mark. Repairs rebuild it with
-- the other aggregates. V18 files what is folded already and drops the index.
create table dash_hour_ids (
    journey_id bigint not null,
    hour_start timestamp with time zone not null,
    first_id   bigint not null,
    ids        varchar(1000000) not null,
    constraint dash_hour_ids_pk primary key (journey_id, hour_start, first_id)
);
