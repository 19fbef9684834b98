-- remediation-service: one remediation per incident, its steps (the audit trail), the diagnoses and approval
-- requests behind it, and the container events that tell an operator's stop from a crash.

create table remediation (
    id                  uuid primary key,
    -- One fault = one incident = one decision = at most one action, enforced here so replicas cannot both decide.
    incident_id         uuid not null unique,
    target              text not null,
    diagnosis_id        text not null,
    diagnosis_revision  integer not null,
    proposed_action     text not null,
    confidence          double precision not null,
    root_cause          text,
    action              text,
    container_id        text,
    container_name      text,
    state               text not null,
    reason              text,
    approval_request_id uuid,
    decided_by          text not null,
    decided_at          timestamptz not null,
    intended_at         timestamptz,
    action_started_at   timestamptz,
    action_ended_at     timestamptz,
    verified_at         timestamptz,
    started_at_before   text,
    started_at_after    text,
    stop_timeout_s      integer,
    owner               text,
    lease_until         timestamptz,
    version             bigint not null default 0
);
-- At most one action in flight per container, whichever replica claims it.
create unique index remediation_one_in_flight_per_container on remediation (container_id)
    where state in ('ACTING', 'VERIFYING');
create index remediation_pending on remediation (intended_at) where state = 'PENDING';
-- The restart budget is accounted from these rows.
create index remediation_restarts on remediation (container_name, intended_at)
    where action in ('RESTART', 'START') and intended_at is not null;
create index remediation_decided on remediation (decided_at desc);

create table remediation_step (
    id             bigserial primary key,
    remediation_id uuid not null references remediation (id),
    stage          text not null,
    actor          text not null,
    reason         text not null,
    at             timestamptz not null,
    details        text not null,
    event_id       uuid not null
);
create index remediation_step_remediation on remediation_step (remediation_id, id);

create table diagnosis_record (
    diagnosis_id   text primary key,
    incident_id    uuid not null,
    remediation_id uuid references remediation (id),
    revision       integer not null,
    action         text not null,
    confidence     double precision not null,
    received_at    timestamptz not null,
    disposition    text not null,
    note           text,
    -- The diagnosis as received, so a revision that arrived early can be decided once a human asks for changes.
    payload        text not null
);
create index diagnosis_record_incident on diagnosis_record (incident_id, received_at);

create table approval_request (
    request_id     uuid primary key,
    remediation_id uuid not null references remediation (id),
    incident_id    uuid not null,
    action         text not null,
    reason         text not null,
    requested_at   timestamptz not null,
    -- Filled by the first decision only: later decisions for the same request are ignored.
    decision       text,
    decided_action text,
    decided_by     text,
    decision_reason text,
    decided_at     timestamptz
);
create index approval_request_remediation on approval_request (remediation_id, requested_at);

create table container_event (
    container_id   text not null,
    time_nanos     bigint not null,
    action         text not null,
    container_name text not null,
    signal         text,
    -- The action of ours that caused it (RESTART, STOP), or null when someone else did.
    caused_by      text,
    primary key (container_id, time_nanos, action)
);
create index container_event_time on container_event (time_nanos);
