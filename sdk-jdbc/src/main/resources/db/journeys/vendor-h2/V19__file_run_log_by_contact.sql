-- The run log by contact, filed in the background instead of indexed by every event (RunLogContacts): the
-- index took each event's row to a random place in a tree of every run, inside the event's transaction, the
-- largest single cost an event added to its move on H2 (benchmarks/README.md). With each dashboard fold the
-- filer packs the ids of the rows past the mark per contact (HourIds' text), and a query reads the filed ids
-- and the tail past the mark. PostgreSQL keeps run_log_contact: no JVM lock holds its writers off.
create table run_log_contacts (
    tenant_id   varchar(64)  not null,
    contact_key varchar(255) not null,
    first_id    bigint       not null,
    ids         varchar(1000000) not null,
    constraint run_log_contacts_pk primary key (tenant_id, contact_key, first_id)
);
create table run_log_filed (
    id        integer primary key,
    filed_to  bigint  not null
);
-- What is there already, one id a row (a single id is a valid packing); migrations run before anything writes.
insert into run_log_contacts (tenant_id, contact_key, first_id, ids)
select tenant_id, contact_key, id, cast(id as varchar) from run_log where decisions <> '';
insert into run_log_filed (id, filed_to) select 1, coalesce(max(id), 0) from run_log;
drop index run_log_contact;
