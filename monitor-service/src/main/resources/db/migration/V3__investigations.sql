-- monitor-service: investigations of incident targets, asked for in the transaction of the alert that needs one and
-- completed (facts, claims, tool calls as JSON) by whichever replica gathers it first.

create table investigation (
    id               uuid primary key,
    incident_id      uuid not null references incident (id),
    trigger_alert_id uuid not null references alert (id),
    -- The alert type that was new on the incident: at most one investigation per type, even in an alert storm.
    alert_type       text not null,
    status           text not null,
    requested_at     timestamptz not null,
    completed_at     timestamptz,
    payload          text,
    constraint investigation_one_per_type unique (incident_id, alert_type)
);
create index investigation_incident on investigation (incident_id, requested_at desc);
-- The sweep's query: pending ones, oldest first.
create index investigation_pending on investigation (requested_at) where status = 'PENDING';
