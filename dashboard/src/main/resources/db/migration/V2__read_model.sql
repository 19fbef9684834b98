-- dashboard: the war room's read model, built from the AegisOps topics, and the activity feed.

-- Every event the war room has applied, once per event id. The incident summaries below are a fold of these
-- rows in time order, so events that arrive late, out of order or twice still give the same view, and the
-- view can be rebuilt from here after a change of the fold.
create table incident_event (
    event_id    text primary key,
    incident_id text not null,
    type        text not null,
    source      text not null,
    occurred_at timestamptz not null,
    received_at timestamptz not null,
    data        text not null
);
create index incident_event_incident on incident_event (incident_id, occurred_at, event_id);

-- One row per incident: the folded view as JSON (what the page shows) plus the columns lists sort and filter by.
create table incident_summary (
    id          text primary key,
    target      text,
    status      text not null,
    opened_at   timestamptz not null,
    updated_at  timestamptz not null,
    closed      boolean not null,
    view        text not null
);
create index incident_summary_opened on incident_summary (opened_at desc);
create index incident_summary_status on incident_summary (status);

-- Who did what through the dashboard (and who came and went), newest first on the page.
create table activity (
    id      bigserial primary key,
    at      timestamptz not null,
    actor   text not null,
    action  text not null,
    target  text,
    detail  text,
    outcome text not null
);
create index activity_at on activity (at desc);
