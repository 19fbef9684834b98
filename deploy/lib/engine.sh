# shellcheck shell=bash
# The Docker engine and Compose: found if present, installed from Debian's own packages if not (docker.io,
# docker-compose; the machines AegisOps targets reach Debian's mirror but no Docker repository), and the
# daemon started in the background when no init system runs it (containers, CI runners).

AEGIS_ENGINE_TIMEOUT=${AEGIS_ENGINE_TIMEOUT:-60}
AEGIS_DOCKERD_PIDFILE=${AEGIS_DOCKERD_PIDFILE:-/var/run/docker.pid}
COMPOSE=()

engine_reachable() { docker info >/dev/null 2>&1; }

# Why `docker info` fails, in words a user can act on.
engine_problem() {
  local out
  out=$(docker info 2>&1 >/dev/null) || true
  if [[ $out == *"permission denied"* ]]; then
    echo "permission-denied"
  elif [[ $out == *"Cannot connect"* || $out == *"Is the docker daemon running"* || $out == *"no such file"* ]]; then
    echo "not-running"
  else
    echo "other: ${out%%$'\n'*}"
  fi
}

dockerd_running() {
  local pid
  [[ -r $AEGIS_DOCKERD_PIDFILE ]] && pid=$(<"$AEGIS_DOCKERD_PIDFILE") && [[ -n $pid ]] && kill -0 "$pid" 2>/dev/null
}

# ensure_engine [--no-install]: returns with `docker info` working, or dies saying why.
ensure_engine() {
  local install=1
  [[ ${1:-} == --no-install ]] && install=0
  command -v docker >/dev/null && engine_reachable && return 0

  if ((install == 0)); then
    return 1
  fi
  if command -v docker >/dev/null && [[ $(engine_problem) == permission-denied ]]; then
    die "the Docker engine runs but this user may not use it" \
      "add yourself to the docker group (sudo usermod -aG docker \$USER, then log in again)" \
      "or run ./aegisops with sudo"
  fi

  step "Docker engine not reachable: setting it up"
  if ! command -v dockerd >/dev/null || ! command -v docker >/dev/null; then
    apt_install docker.io
  fi
  if ! dockerd_running; then
    is_root || die "the Docker engine is installed but not running" "start it: sudo systemctl start docker" \
      "or run ./aegisops as root and it will start dockerd itself"
    if command -v systemctl >/dev/null && [[ -d /run/systemd/system ]]; then
      step "Starting the engine: systemctl start docker"
      systemctl start docker || warn "systemctl start docker failed; starting dockerd directly"
    fi
    if ! dockerd_running; then
      step "Starting dockerd in the background (log: $AEGIS_STATE_DIR/dockerd.log)"
      # setsid + nohup: the engine must outlive this command and its terminal.
      setsid nohup dockerd >>"$AEGIS_STATE_DIR/dockerd.log" 2>&1 </dev/null &
    fi
  fi

  local waited=0
  until engine_reachable; do
    if ((waited >= AEGIS_ENGINE_TIMEOUT)); then
      tail -n 20 "$AEGIS_STATE_DIR/dockerd.log" 2>/dev/null | sed 's/^/    | /'
      die "the Docker engine did not answer within ${AEGIS_ENGINE_TIMEOUT}s ($(engine_problem))" \
        "read $AEGIS_STATE_DIR/dockerd.log (containers without privileges cannot run dockerd)" \
        "or start the engine yourself, then run the command again"
    fi
    sleep 2
    waited=$((waited + 2))
  done
  step "Docker engine ready ($(docker version -f '{{.Server.Version}}' 2>/dev/null), after ${waited}s)"
}

# ensure_compose [--install|--no-install]: sets COMPOSE to the command that runs this project's Compose file.
# `docker compose` (v2) when available, else docker-compose (v1.29); both read docker-compose.yml (2.4).
ensure_compose() {
  local install=1
  [[ ${1:-} == --no-install ]] && install=0
  if docker compose version >/dev/null 2>&1; then
    COMPOSE=(docker compose)
  elif command -v docker-compose >/dev/null && docker-compose version >/dev/null 2>&1; then
    COMPOSE=(docker-compose)
  elif ((install)); then
    apt_install docker-compose
    COMPOSE=(docker-compose)
  else
    return 1
  fi
  COMPOSE+=(-p "$AEGIS_PROJECT" -f "$AEGIS_ROOT/docker-compose.yml")
  # The Docker socket proxies (not root) reach the socket through this group, whatever its number here.
  if [[ -S /var/run/docker.sock ]]; then
    AEGIS_DOCKER_GID=$(stat -c %g /var/run/docker.sock)
    export AEGIS_DOCKER_GID
  fi
}

compose() { "${COMPOSE[@]}" "$@"; }
