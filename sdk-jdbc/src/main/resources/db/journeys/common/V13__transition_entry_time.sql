-- When the contact entered the stage a transition leaves: the effective time of the transition one
-- placement version earlier, which the mover holds anyway (its compare-and-set read the placement). The
-- dashboard fold needs it for every move out of a stage and used to look each one up by the unique index,
-- the largest part of its cost. Rows written before this migration keep null and are still looked up.
alter table transitions add column from_entered_at timestamp with time zone;
