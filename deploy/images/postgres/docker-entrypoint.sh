#!/usr/bin/env bash
# Entry point of the local PostgreSQL image. It re-implements the parts of the official postgres image's
# entry point that AegisOps relies on, so the two images are interchangeable in docker-compose.yml:
#   - POSTGRES_USER (default postgres), POSTGRES_PASSWORD (required), POSTGRES_DB (default: the user),
#     their *_FILE variants, POSTGRES_INITDB_ARGS, POSTGRES_HOST_AUTH_METHOD (default scram-sha-256), PGDATA;
#   - on the first start only: initdb, then /docker-entrypoint-initdb.d/*.sh|*.sql|*.sql.gz in name order
#     against a server that listens on the Unix socket only (so nothing sees a half-initialised database);
#   - then `exec postgres` listening on all interfaces, as user postgres, so it receives stop signals.
set -Eeo pipefail

# Reads VAR or VAR_FILE (Docker secrets), never both, as the official image does.
file_env() {
  local var=$1 file_var="${1}_FILE" def=${2:-}
  if [[ -n ${!var:-} && -n ${!file_var:-} ]]; then
    echo >&2 "error: both $var and $file_var are set (but are exclusive)"
    exit 1
  fi
  local val=$def
  if [[ -n ${!var:-} ]]; then
    val=${!var}
  elif [[ -n ${!file_var:-} ]]; then
    val=$(<"${!file_var}")
  fi
  export "$var"="$val"
  unset "$file_var"
}

# `docker run image -c shared_buffers=256MB` means "postgres with these flags".
if [[ ${1:0:1} == '-' ]]; then
  set -- postgres "$@"
fi

if [[ $1 != postgres ]]; then
  exec "$@"
fi

if [[ $(id -u) == 0 ]]; then
  # A fresh bind mount or volume may be owned by root; PostgreSQL refuses a data directory it does not own.
  mkdir -p "$PGDATA" /var/run/postgresql
  chown postgres:postgres "$PGDATA" /var/run/postgresql
  chmod 700 "$PGDATA"
  export HOME=/var/lib/postgresql
  exec setpriv --reuid=postgres --regid=postgres --init-groups "${BASH_SOURCE[0]}" "$@"
fi

file_env POSTGRES_USER postgres
file_env POSTGRES_PASSWORD
file_env POSTGRES_DB "$POSTGRES_USER"
file_env POSTGRES_INITDB_ARGS
: "${POSTGRES_HOST_AUTH_METHOD:=scram-sha-256}"

psql_init=(psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --no-password --no-psqlrc)

run_init_files() {
  local f
  for f in /docker-entrypoint-initdb.d/*; do
    case $f in
      *.sh)
        if [[ -x $f ]]; then
          echo "$0: running $f"; "$f"
        else
          echo "$0: sourcing $f"; # shellcheck disable=SC1090
          . "$f"
        fi ;;
      *.sql) echo "$0: running $f"; "${psql_init[@]}" --dbname "$POSTGRES_DB" -f "$f" ;;
      *.sql.gz) echo "$0: running $f"; gunzip -c "$f" | "${psql_init[@]}" --dbname "$POSTGRES_DB" ;;
      */\*) ;; # empty directory
      *) echo "$0: ignoring $f" ;;
    esac
  done
}

if [[ ! -s $PGDATA/PG_VERSION ]]; then
  if [[ -z $POSTGRES_PASSWORD && $POSTGRES_HOST_AUTH_METHOD != trust ]]; then
    cat >&2 <<'EOF'
error: database is uninitialized and the superuser password is not specified.
       Set POSTGRES_PASSWORD (or POSTGRES_PASSWORD_FILE) to a non-empty value.
EOF
    exit 1
  fi

  # Passed through a pipe, never on a command line, so the password does not show up in `ps`.
  # shellcheck disable=SC2086
  initdb --username="$POSTGRES_USER" --pwfile=<(printf '%s\n' "$POSTGRES_PASSWORD") $POSTGRES_INITDB_ARGS
  printf '\nlisten_addresses = '"'*'"'\n' >>"$PGDATA/postgresql.conf"
  printf '\nhost all all all %s\n' "$POSTGRES_HOST_AUTH_METHOD" >>"$PGDATA/pg_hba.conf"

  pg_ctl -D "$PGDATA" -o "-c listen_addresses='' -p ${PGPORT:-5432}" -w start
  export PGPASSWORD=${PGPASSWORD:-$POSTGRES_PASSWORD}
  if [[ $POSTGRES_DB != postgres ]]; then
    "${psql_init[@]}" --dbname postgres --set db="$POSTGRES_DB" <<'SQL'
SELECT format('CREATE DATABASE %I', :'db') WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = :'db')\gexec
SQL
  fi
  run_init_files
  pg_ctl -D "$PGDATA" -m fast -w stop
  unset PGPASSWORD
  echo "PostgreSQL init process complete; ready for start up."
fi

exec "$@"
