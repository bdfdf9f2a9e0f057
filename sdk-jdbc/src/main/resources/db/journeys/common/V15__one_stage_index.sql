-- Contacts in a stage are listed longest in it first, the order stalled contacts page in, so placements_age
-- (journey, stage, entry time, contact) serves both listings and this index, ordered by contact, serves
-- nothing. Every move changes the stage and entry time, so no placement update is ever HOT on PostgreSQL:
-- each one writes an entry into every index of the table, and this was one of four.
drop index placements_stage;
