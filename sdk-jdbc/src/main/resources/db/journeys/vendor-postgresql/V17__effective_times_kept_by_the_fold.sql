-- The history by effective time, for the exact edges of dashboard ranges, now written by the fold instead of
-- indexed by every move: transitions_effective was one more index entry in each move's own transaction (see
-- vendor-h2 V17). A read takes the folded part from here and the unfolded tail from the history itself, in
-- one snapshot, so they meet at the fold's mark. Repairs rebuild it with the other aggregates.
create table dash_effective_times (
    journey_id    bigint not null,
    effective_at  timestamp with time zone not null,
    transition_id bigint not null,
    constraint dash_effective_times_pk primary key (journey_id, effective_at, transition_id)
);
-- Folded: every transaction below folded_to, and of transaction folded_to the rows up to folded_id.
insert into dash_effective_times (journey_id, effective_at, transition_id)
select t.journey_id, t.effective_at, t.id from transitions t, dash_marks m
 where m.id = 1 and (t.tx_id, t.id) <= (m.folded_to, m.folded_id);
drop index transitions_effective;
