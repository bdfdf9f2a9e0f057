-- What is folded already (on H2 every id up to the mark), one id a row: a single id is a valid packing.
insert into dash_hour_ids (journey_id, hour_start, first_id, ids)
select t.journey_id, date_trunc('hour', t.effective_at), t.id, cast(t.id as varchar) from transitions t
 where t.id <= (select folded_to from dash_marks where id = 1);
drop index transitions_effective;
