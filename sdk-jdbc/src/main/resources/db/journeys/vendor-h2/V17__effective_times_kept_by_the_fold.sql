-- The history by effective time, for the exact edges of dashboard ranges, now written by the fold instead of
-- indexed by every move: transitions_effective was one more index entry in each move's own transaction, and
-- on H2 file the largest part of what the dashboard added to a move (benchmarks/README.md). A read takes the
-- folded part from here and the unfolded tail, which it reads anyway, from the history itself; both in one
-- snapshot, so they meet at the fold's mark. Repairs rebuild it with the other aggregates.
create table dash_effective_times (
    journey_id    bigint not null,
    effective_at  timestamp with time zone not null,
    transition_id bigint not null,
    constraint dash_effective_times_pk primary key (journey_id, effective_at, transition_id)
);
-- On H2 the mark is the highest folded transition id.
insert into dash_effective_times (journey_id, effective_at, transition_id)
select t.journey_id, t.effective_at, t.id from transitions t
 where t.id <= (select folded_to from dash_marks where id = 1);
drop index transitions_effective;
