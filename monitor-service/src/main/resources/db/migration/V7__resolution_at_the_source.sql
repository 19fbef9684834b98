-- monitor-service: when every alert of an open incident had resolved at its source (Alertmanager "resolved", an app's
-- all-clear). Null while any alert fires; the incident resolves itself once this is older than the quiet period.

alter table incident add column sources_resolved_at timestamptz;
create index incident_sources_resolved on incident (sources_resolved_at) where sources_resolved_at is not null;
