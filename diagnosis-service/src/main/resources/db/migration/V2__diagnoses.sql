-- diagnosis-service: what it knows about each incident, the alerts it diagnoses from, and every diagnosis
-- revision it issued.

-- One row per incident this service has heard of: the latest known status (closed incidents are not
-- re-diagnosed) and the conclusion of the latest revision (a new revision is issued only when it changes).
create table incident_case (
    incident_id          uuid primary key,
    target               text,
    service              text,
    container            text,
    status               text not null,
    revision             integer not null default 0,
    current_diagnosis_id uuid,
    engine               text,
    rule_id              text,
    action               text,
    updated_at           timestamptz not null
);

-- The alerts of each incident as received on aegis.alerts (AlertView JSON), newest few per type only.
create table observed_alert (
    id          text primary key,
    seq         bigserial not null unique,
    incident_id uuid not null references incident_case (incident_id),
    type        text not null,
    payload     text not null,
    received_at timestamptz not null
);
create index observed_alert_incident_type on observed_alert (incident_id, type, seq desc);

create table diagnosis (
    id              uuid primary key,
    incident_id     uuid not null references incident_case (incident_id),
    revision        integer not null check (revision >= 1),
    target          text,
    service         text,
    container       text,
    alert_types     text not null,
    root_cause      text not null,
    action          text not null,
    confidence      double precision not null check (confidence between 0 and 1),
    base_confidence double precision not null check (base_confidence between 0 and 1),
    evidence        text not null,
    justification   text not null,
    engine          text not null,
    rule_id         text,
    diagnosed_at    timestamptz not null,
    -- A revision number is issued once per incident, whatever the number of replicas.
    unique (incident_id, revision)
);
