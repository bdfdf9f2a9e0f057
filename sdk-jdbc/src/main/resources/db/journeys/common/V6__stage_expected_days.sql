-- How many days a contact is expected to stay in a stage; the dashboard counts longer stays as stalled.
alter table stages add column expected_days integer;
