-- monitor-service: where the Docker event stream stood when its last event was processed, per stack, so a
-- restarted monitor asks the engine for what happened while it was down instead of starting from its boot.

create table docker_event_cursor (
    stack       text primary key,
    since_nanos bigint not null,
    saved_at    timestamptz not null
);
