-- On H2 the fold's mark is a transition id, so chunks need no second coordinate; the column is kept
-- for the same schema on both databases (see vendor-postgresql V9).
alter table dash_marks add column folded_id bigint default 0 not null;
