-- Where a principal came from: 'local' (added by an admin or the bootstrap, may have a password) or 'oidc' (made on
-- its first sign-in through the OIDC provider, which then owns its role). A provider's user never takes over a local
-- principal of the same name.
alter table principal add column source varchar(16) not null default 'local';
