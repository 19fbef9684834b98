-- monitor-service: the latest diagnosis of each incident as received on aegis.diagnoses, so a postmortem (and past-
-- incident lookups) can show cause, action and citations without asking diagnosis-service.
-- A table of its own rather than a column on incident: storing a diagnosis never touches the incident row that alert
-- intake locks, nor its optimistic version.

create table incident_diagnosis (
    incident_id  uuid primary key references incident (id),
    diagnosis_id text not null,
    -- Only a higher revision (or the same revision diagnosed later) replaces the stored one: revisions may arrive
    -- out of order after a redelivery.
    revision     integer not null,
    diagnosed_at timestamptz not null,
    -- The contract's Diagnosis as JSON.
    payload      text not null
);
