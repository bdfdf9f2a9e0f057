-- The history by effective time, for the exact edges of dashboard ranges, now filed by the fold instead of
-- indexed by every move (see vendor-h2 V17): the fold files the ids of the transitions it folds under the
-- hour they are effective in, packed (HourIds). A read takes the folded part from here and the unfolded tail
-- from the history, in one snapshot, so they meet at the fold's mark. Repairs rebuild it with the other
-- aggregates.
create table dash_hour_ids (
    journey_id bigint not null,
    hour_start timestamp with time zone not null,
    first_id   bigint not null,
    ids        varchar(1000000) not null,
    constraint dash_hour_ids_pk primary key (journey_id, hour_start, first_id)
);
-- What is folded already (every transaction below folded_to, and of transaction folded_to the rows up to
-- folded_id), one id a row: a single id is a valid packing. Hours in UTC, as the fold files them.
insert into dash_hour_ids (journey_id, hour_start, first_id, ids)
select t.journey_id, date_trunc('hour', t.effective_at, 'UTC'), t.id, t.id::text from transitions t, dash_marks m
 where m.id = 1 and (t.tx_id, t.id) <= (m.folded_to, m.folded_id);
drop index transitions_effective;
