-- An actor is a person or an integration. History keeps the kind of the actor that a source carries beside
-- its reference (undo, system, stage removal); a person's or an integration's own move says it in source_kind.
-- Rows written before have no kind: they were persons'.
alter table transitions add column actor_kind varchar(16);
alter table status_changes add column actor_kind varchar(16) default 'PERSON' not null;
alter table import_jobs add column actor_kind varchar(16) default 'PERSON' not null;

-- journey.stage_changed's "source" attribute is spelled as the SourceKind names, as everywhere else.
update automation_operands set operand = upper(operand)
 where operand in ('manual', 'automation', 'import', 'undo', 'system')
   and exists (select 1 from automation_conditions c join automations a on a.id = c.automation_id
                where c.automation_id = automation_operands.automation_id
                  and c.position = automation_operands.condition_position
                  and c.attribute = 'source' and a.trigger_type = 'journey.stage_changed');
