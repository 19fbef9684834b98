-- diagnosis-service learning: which alert type decided each diagnosis, what each approval request was
-- about, every human decision (first per request), and the running counts per pattern.

-- The deciding alert's type: with the service and the action it names the pattern decisions teach.
alter table diagnosis add column primary_alert_type text;

-- From APPROVAL_REQUESTED: the diagnosis a human was asked about, so the decision counts against the pattern
-- that person actually saw even if the incident was re-diagnosed meanwhile.
create table approval_subject (
    request_id   uuid primary key,
    incident_id  uuid not null,
    diagnosis_id uuid,
    received_at  timestamptz not null
);

-- One row per approval request: the first decision, as remediation-service honours only the first.
-- counted = an APPROVE, REJECT or OVERRIDE that went into learned_pattern.
create table human_decision (
    request_id   uuid primary key,
    incident_id  uuid not null,
    diagnosis_id uuid,
    service      text,
    alert_type   text,
    action       text,
    decision     text not null,
    chosen_action text,
    actor        text,
    reason       text,
    decided_at   timestamptz,
    counted      boolean not null,
    recorded_at  timestamptz not null
);
create index human_decision_incident on human_decision (incident_id);

-- The history of a pattern (service + deciding alert type + proposed action) in three counts.
create table learned_pattern (
    service          text not null,
    alert_type       text not null,
    action           text not null,
    approved         integer not null default 0,
    rejected         integer not null default 0,
    overridden       integer not null default 0,
    base_confidence  double precision not null check (base_confidence between 0 and 1),
    last_decision_at timestamptz,
    updated_at       timestamptz not null,
    primary key (service, alert_type, action)
);
