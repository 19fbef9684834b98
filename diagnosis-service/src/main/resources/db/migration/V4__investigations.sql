-- diagnosis-service: every diagnosis rests on the facts monitor-service observed (the investigation) and says
-- whether the claim it acts on is corroborated by them.

-- The latest investigation of the incident (Investigation JSON) and the incident as last described (IncidentView
-- JSON): an investigation arriving on its own can be diagnosed without waiting for another alert.
alter table incident_case add column investigation text;
alter table incident_case add column incident_view text;
-- Part of the current conclusion: a claim that facts come to show (or stop showing) earns a revision.
alter table incident_case add column corroborated boolean not null default false;

alter table diagnosis add column corroborated boolean not null default false;
alter table diagnosis add column investigation_id uuid;
-- JSON array of Citation.
alter table diagnosis add column citations text not null default '[]';
