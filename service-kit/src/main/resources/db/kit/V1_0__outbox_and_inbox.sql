-- Shared by every stateful service (service-kit). Versions V1_x are reserved for service-kit; services
-- number their own migrations from V2. out-of-order is enabled so a later kit migration still applies.

create table outbox_message (
    id           uuid primary key,
    seq          bigserial not null unique,
    topic        text not null,
    record_key   text,
    event_type   text not null,
    payload      text not null,
    created_at   timestamptz not null,
    published_at timestamptz,
    attempts     integer not null default 0,
    last_error   text
);
-- The relay's query: unpublished rows in insertion order.
create index outbox_message_pending on outbox_message (seq) where published_at is null;

create table processed_event (
    consumer     text not null,
    event_id     text not null,
    processed_at timestamptz not null,
    primary key (consumer, event_id)
);
