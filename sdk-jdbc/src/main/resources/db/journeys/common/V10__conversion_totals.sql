-- Time to convert over all cohorts, the common question: dash_conversions keeps a row per cohort day and
-- duration bucket, so answering it there read every cohort day's rows (145 ms on H2 at a year of cohorts).
-- These are the same sums without the cohort day, folded alongside (ContactFolding).
create table dash_conversion_totals (
    journey_id    bigint  not null,
    from_stage_id bigint  not null,
    to_stage_id   bigint  not null,
    bucket        integer not null,
    contacts      bigint  not null,
    seconds       bigint  not null,
    constraint dash_conversion_totals_pk primary key (journey_id, from_stage_id, to_stage_id, bucket)
);

-- Holds the fold's mark, as every folder does, so that no fold of another instance commits between the
-- fill below and the end of this migration. (An instance of an earlier version that keeps folding after
-- this migration does not add to these sums: upgrade every instance, then run repair on each journey.)
select id from dash_marks where id = 1 for update;

insert into dash_conversion_totals (journey_id, from_stage_id, to_stage_id, bucket, contacts, seconds)
select journey_id, from_stage_id, to_stage_id, bucket, sum(contacts), sum(seconds)
  from dash_conversions
 group by journey_id, from_stage_id, to_stage_id, bucket;
