#!/usr/bin/env bash
# First-start initialisation of the shared PostgreSQL server: one database per stateful service, each owned
# by the platform user (POSTGRES_USER), so a service can only ever run migrations in its own database.
# Works in the official postgres image and in the local fallback image; both run it once, on an empty
# data directory, either executing it (if executable) or sourcing it. Idempotent all the same, so a
# restore or a manual re-run cannot fail on an existing database.
aegis_create_databases() {
  local db
  for db in monitor diagnosis remediation approval dashboard; do
    psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --no-password --no-psqlrc --dbname postgres \
      --set db="$db" --set owner="$POSTGRES_USER" <<'SQL' || return 1
SELECT format('CREATE DATABASE %I OWNER %I', :'db', :'owner')
WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = :'db')\gexec
SQL
  done
}
aegis_create_databases || exit 1
