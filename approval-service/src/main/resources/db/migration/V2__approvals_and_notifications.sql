-- approval-service: approvals and their decisions, the audit trail (decisions, comments, timeouts), what is
-- known about each incident for messages, and the durable queue of Slack notifications.

-- One row per ApprovalRequest; the id is the request id, so a redelivered request cannot be stored twice.
create table approval (
    id              uuid primary key,
    incident_id     uuid not null,
    remediation_id  text,
    diagnosis_id    text,
    target          text,
    container       text,
    proposed_action text not null,
    confidence      double precision not null,
    root_cause      text,
    evidence        text not null,
    reason          text,
    requested_at    timestamptz not null,
    received_at     timestamptz not null,
    status          text not null check (status in ('PENDING', 'ESCALATED', 'APPROVED', 'REJECTED', 'OVERRIDDEN',
                                                    'CHANGES_REQUESTED', 'EXPIRED')),
    escalated_at    timestamptz,
    decision        text,
    decided_action  text,
    decided_by      text,
    decision_reason text,
    feedback        text,
    decided_at      timestamptz,
    -- Decidable (PENDING, ESCALATED) exactly when no decision is recorded: one decision per approval.
    check ((status in ('PENDING', 'ESCALATED')) = (decision is null))
);
create index approval_open on approval (received_at) where status in ('PENDING', 'ESCALATED');
create index approval_incident on approval (incident_id);
create index approval_status on approval (status, received_at desc);

-- Who did what and why: requests, decisions, comments, escalations and expiries. Append-only.
create table audit_entry (
    id          uuid primary key,
    seq         bigserial not null unique,
    incident_id uuid not null,
    approval_id uuid not null references approval (id),
    kind        text not null,
    actor       text not null,
    decision    text,
    action      text,
    text        text,
    at          timestamptz not null
);
create index audit_entry_incident on audit_entry (incident_id, seq);
create index audit_entry_approval on audit_entry (approval_id, kind, seq);

-- The latest facts about an incident from every topic, so each Slack message can name the service, cause,
-- action and confidence even when its own event does not carry them.
create table incident_brief (
    incident_id uuid primary key,
    target      text,
    service     text,
    container   text,
    root_cause  text,
    action      text,
    confidence  double precision,
    updated_at  timestamptz not null
);

-- Outbox-like queue of notifications: consumers only insert; the sender delivers with bounded retries.
create table notification (
    id              uuid primary key,
    seq             bigserial not null unique,
    incident_id     uuid not null,
    approval_id     uuid,
    stage           text not null,
    text            text not null,
    blocks          text not null,
    broadcast       boolean not null default false,
    occurred_at     timestamptz not null,
    created_at      timestamptz not null,
    status          text not null check (status in ('PENDING', 'DELIVERED', 'FAILED', 'LOGGED')),
    channel         text,
    attempts        integer not null default 0,
    next_attempt_at timestamptz not null,
    last_error      text,
    delivered_at    timestamptz,
    slack_channel   text,
    slack_ts        text
);
-- The sender's query: due rows, and for each incident whether an earlier one is still pending.
create index notification_pending on notification (incident_id, occurred_at, seq) where status = 'PENDING';
create index notification_due on notification (next_attempt_at, seq) where status = 'PENDING';
create index notification_incident on notification (incident_id, seq);
create index notification_approval on notification (approval_id) where approval_id is not null;

-- The first message posted about an incident: every later message is a reply in its thread.
create table slack_thread (
    incident_id uuid primary key,
    channel     text not null,
    ts          text not null,
    created_at  timestamptz not null
);
