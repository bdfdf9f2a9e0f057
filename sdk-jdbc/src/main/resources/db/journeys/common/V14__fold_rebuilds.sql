-- Counts rebuilds of the dashboard's aggregates. A folder keeps the per-contact states it wrote and
-- trusts them only while the mark and this count are where its own last commit left them: a fold by
-- another instance moves the mark, and a repair, which rewrites states without moving it, moves this.
-- Anything else that rewrites dash_contacts must add one here too, holding the mark's lock. An instance of
-- an earlier version does not: upgrade every instance before running a repair.
alter table dash_marks add column rebuilds bigint default 0 not null;
