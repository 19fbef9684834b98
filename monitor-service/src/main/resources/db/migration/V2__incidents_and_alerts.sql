-- monitor-service: incidents, the alerts that opened or joined them, and every status transition.

create table incident (
    id          uuid primary key,
    target      text not null,
    service     text,
    container   text,
    status      text not null,
    severity    text not null,
    alert_types text not null,
    alert_count integer not null,
    first_seen  timestamptz not null,
    last_seen   timestamptz not null,
    opened_at   timestamptz not null,
    closed_at   timestamptz,
    version     bigint not null default 0
);
-- The grouping invariant, enforced by the database so concurrent intakes (or replicas) cannot open two
-- incidents for one target: at most one incident per target that is not closed.
create unique index incident_one_open_per_target on incident (target)
    where status not in ('RESOLVED', 'REJECTED');
create index incident_status_opened on incident (status, opened_at desc);
create index incident_opened on incident (opened_at desc);

create table alert (
    id          uuid primary key,
    incident_id uuid references incident (id),
    type        text not null,
    source      text not null,
    severity    text not null,
    firing      boolean not null,
    service     text,
    container   text,
    summary     text not null,
    metrics     text not null,
    evidence    text not null,
    fingerprint text not null,
    -- Set for sources that redeliver (Alertmanager retries): the same notification is stored once.
    dedup_key   text unique,
    observed_at timestamptz not null,
    received_at timestamptz not null
);
create index alert_incident on alert (incident_id, received_at);

create table incident_transition (
    id          bigserial primary key,
    incident_id uuid not null references incident (id),
    from_status text,
    to_status   text not null,
    actor       text not null,
    reason      text not null,
    at          timestamptz not null
);
create index incident_transition_incident on incident_transition (incident_id, id);
