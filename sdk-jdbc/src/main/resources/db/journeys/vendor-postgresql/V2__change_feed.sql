-- The transaction that wrote each history row, so that other SDK instances can follow commits in
-- order of visibility (see PostgresChangePoller). Left null on H2, where one process owns the database.
alter table transitions add column tx_id bigint;
create index transitions_tx on transitions (tx_id);
