-- What is folded already (every transaction below folded_to, and of transaction folded_to the rows up to
-- folded_id), one id a row: a single id is a valid packing. Hours in UTC, as the fold files them.
insert into dash_hour_ids (journey_id, hour_start, first_id, ids)
select t.journey_id, date_trunc('hour', t.effective_at, 'UTC'), t.id, t.id::text from transitions t, dash_marks m
 where m.id = 1 and (t.tx_id, t.id) <= (m.folded_to, m.folded_id);
drop index transitions_effective;
