-- The transaction that wrote each history row, so that other SDK instances can follow commits in
-- order of visibility (see PostgresCommitPoller).
alter table transitions add column tx_id bigint;
create index transitions_tx on transitions (tx_id);
