-- monitor-service: investigations a person asked for without an incident (POST /api/investigations), each written
-- once with its report (tool calls, facts, conclusion, citations as JSON). Nothing is announced for them.

create table on_demand_investigation (
    id           uuid primary key,
    -- The logical service and the container investigated, and the question as asked.
    target       text not null,
    container    text not null,
    question     text not null,
    requested_at timestamptz not null,
    completed_at timestamptz not null,
    payload      text not null
);
-- GET /api/investigations: newest first.
create index on_demand_investigation_recent on on_demand_investigation (requested_at desc, id desc);
