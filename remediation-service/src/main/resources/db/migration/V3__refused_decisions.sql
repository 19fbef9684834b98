-- Decision events on aegis.approvals that approval-service did not produce (unsigned, signed by another key, altered
-- after signing, another source): never applied, kept here so an operator can see what was tried and from where.
create table refused_decision (
    event_id     text primary key,
    source       text,
    incident_id  text,
    request_id   text,
    decision     text,
    actor        text,
    reason       text not null,
    received_at  timestamptz not null
);
create index refused_decision_received on refused_decision (received_at desc);
create index refused_decision_incident on refused_decision (incident_id, received_at desc);
