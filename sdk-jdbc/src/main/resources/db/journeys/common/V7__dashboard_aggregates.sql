-- The dashboard's aggregates, folded from the history by one folder at a time (DashboardFold): they grow
-- with stages, hours, days and sources, never with contacts. Moves pay nothing for them.

-- How far the history is folded: a transition id on H2, a transaction id on PostgreSQL.
create table dash_marks (
    id        integer primary key,
    folded_to bigint  not null
);
insert into dash_marks (id, folded_to) values (1, 0);

create table dash_populations (
    journey_id bigint not null,
    stage_id   bigint not null,
    population bigint not null,
    constraint dash_populations_pk primary key (journey_id, stage_id)
);

create table dash_flows_hourly (
    journey_id bigint not null,
    stage_id   bigint not null,
    bucket     timestamp with time zone not null,
    entered    bigint not null,
    exited     bigint not null,
    constraint dash_flows_hourly_pk primary key (journey_id, stage_id, bucket)
);

create table dash_flows_daily (
    journey_id bigint not null,
    stage_id   bigint not null,
    bucket     timestamp with time zone not null,
    entered    bigint not null,
    exited     bigint not null,
    constraint dash_flows_daily_pk primary key (journey_id, stage_id, bucket)
);

-- 0 stands for "outside the journey" in from_stage_id and to_stage_id.
create table dash_moves_hourly (
    journey_id    bigint       not null,
    bucket        timestamp with time zone not null,
    source_kind   varchar(16)  not null,
    source_ref    varchar(200) not null,
    from_stage_id bigint       not null,
    to_stage_id   bigint       not null,
    moves         bigint       not null,
    constraint dash_moves_hourly_pk primary key (journey_id, bucket, source_kind, source_ref, from_stage_id, to_stage_id)
);

-- Exact edges of dashboard ranges (and the reference replay) read the history by effective time.
create index transitions_effective on transitions (journey_id, effective_at);
