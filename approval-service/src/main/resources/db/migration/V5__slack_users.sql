-- A Slack click counts only when its Slack user is mapped to an AegisOps principal that may decide (approver or
-- admin). Slack user ids (U…) are stable; display names are not, so the mapping is by id.
create table slack_user (
    slack_user_id varchar(32)  primary key,
    principal     varchar(64)  not null references principal (name),
    created_at    timestamptz  not null,
    created_by    varchar(128) not null
);
