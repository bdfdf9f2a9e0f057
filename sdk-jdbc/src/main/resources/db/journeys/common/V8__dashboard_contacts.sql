-- Per-contact dashboard state and what it adds up to, folded with the rest (DashboardFold). The contacts
-- table grows with contacts but is only read by the fold; queries read the sums, which grow with cohort
-- days, paths through the journey, stage pairs, duration buckets and entry hours.

-- When the contact first entered the journey, and first entered each stage ("stageId:epochMicros,...").
create table dash_contacts (
    journey_id  bigint        not null,
    contact_key varchar(255)  not null,
    cohort      timestamp with time zone not null,
    reached     varchar(4000) not null,
    constraint dash_contacts_pk primary key (journey_id, contact_key)
);

-- Contacts per cohort day and set of stages reached (sorted stage ids): every funnel is a sum of these.
create table dash_paths (
    journey_id bigint        not null,
    cohort_day timestamp with time zone not null,
    path       varchar(4000) not null,
    contacts   bigint        not null,
    constraint dash_paths_pk primary key (journey_id, cohort_day, path)
);

-- Time from first entering one stage to first entering another, in buckets 5% wide.
create table dash_conversions (
    journey_id    bigint  not null,
    cohort_day    timestamp with time zone not null,
    from_stage_id bigint  not null,
    to_stage_id   bigint  not null,
    bucket        integer not null,
    contacts      bigint  not null,
    seconds       bigint  not null,
    constraint dash_conversions_pk primary key (journey_id, cohort_day, from_stage_id, to_stage_id, bucket)
);

-- Contacts now in each stage by the hour they entered it: stalls and time in stage.
create table dash_occupancy (
    journey_id   bigint not null,
    stage_id     bigint not null,
    entered_hour timestamp with time zone not null,
    contacts     bigint not null,
    constraint dash_occupancy_pk primary key (journey_id, stage_id, entered_hour)
);

-- Stalled contacts, oldest first.
create index placements_age on placements (journey_id, stage_id, entered_at);
