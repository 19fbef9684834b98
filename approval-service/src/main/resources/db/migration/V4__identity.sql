-- approval-service owns who may do what: people and machines (principals) and the credentials they present
-- (API tokens and dashboard sessions). Passwords are bcrypt hashes; tokens are kept only as their SHA-256, so the
-- table cannot be replayed. A token is never deleted, only revoked, so the audit can still say whose it was.
create table principal (
    name          varchar(64)  primary key,
    role          varchar(16)  not null,
    password_hash varchar(100),
    disabled      boolean      not null default false,
    created_at    timestamptz  not null,
    created_by    varchar(128) not null
);

create table api_token (
    id           uuid         primary key,
    principal    varchar(64)  not null references principal (name),
    token_hash   char(64)     not null unique,
    kind         varchar(16)  not null,
    label        varchar(128) not null,
    created_at   timestamptz  not null,
    expires_at   timestamptz,
    revoked_at   timestamptz,
    last_used_at timestamptz
);
create index api_token_principal on api_token (principal);
