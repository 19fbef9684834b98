-- approval-service: what the diagnosis behind an approval cites (facts, runbook sections, past incidents), so the
-- person asked can check it. A JSON array of Citation like evidence; approvals stored before it cite nothing.
alter table approval add column citations text not null default '[]';
