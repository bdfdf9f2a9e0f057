-- Led by the journey, placements_age also matched "journey_id = ? and contact_key = ?", the compare-and-set
-- update's and the placement read's condition, with the contact as a filter. PostgreSQL without statistics
-- on the table (new, or autovacuum off) costed it like the primary key and, depending on the index sizes
-- when it planned, took it: a scan of the journey's whole index range per move (seen: 1,041 buffers against
-- a handful, and half the moves/s at 8 threads). Stage ids are unique across journeys, so the stage leads
-- alone and only a query naming a stage can use this index.
drop index placements_age;
create index placements_age on placements (stage_id, entered_at, contact_key);
