# shellcheck shell=bash
# Output conventions shared by ./aegisops and the deploy scripts: one line per step with the seconds elapsed
# since the command started, a heartbeat while a long step runs (CI logs must never look stuck), full
# output of noisy tools in log files under .aegisops/logs, and errors that end with what to do next.

AEGIS_ROOT=${AEGIS_ROOT:-$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)}
AEGIS_STATE_DIR=$AEGIS_ROOT/.aegisops
AEGIS_LOG_DIR=$AEGIS_STATE_DIR/logs
AEGIS_STARTED=${AEGIS_STARTED:-$SECONDS}
AEGIS_HEARTBEAT_SECONDS=${AEGIS_HEARTBEAT_SECONDS:-30}

mkdir -p "$AEGIS_LOG_DIR"

elapsed() { printf '%ss' "$((SECONDS - AEGIS_STARTED))"; }

step() { printf '[%5s] %s\n' "$(elapsed)" "$*"; }

note() { printf '        %s\n' "$*"; }

warn() { printf '[%5s] WARNING: %s\n' "$(elapsed)" "$*" >&2; }

# die <message> [next step ...]: the message, then one "next:" line per thing the user can do about it.
die() {
  local message=$1 hint
  shift
  printf '\n[%5s] ERROR: %s\n' "$(elapsed)" "$message" >&2
  for hint in "$@"; do
    printf '        next: %s\n' "$hint" >&2
  done
  exit 1
}

# The heartbeat of the step in progress, stopped by run_step and by the EXIT trap of ./aegisops.
AEGIS_HEARTBEAT_PID=

stop_heartbeat() {
  if [[ -n $AEGIS_HEARTBEAT_PID ]]; then
    kill "$AEGIS_HEARTBEAT_PID" 2>/dev/null || true
    wait "$AEGIS_HEARTBEAT_PID" 2>/dev/null || true
    AEGIS_HEARTBEAT_PID=
  fi
}

start_heartbeat() {
  local what=$1 started=$SECONDS
  stop_heartbeat
  (
    trap 'exit 0' TERM
    while sleep 5; do
      if (((SECONDS - started) % AEGIS_HEARTBEAT_SECONDS < 5)); then
        step "  ... still $what ($((SECONDS - started))s)"
      fi
    done
  ) &
  AEGIS_HEARTBEAT_PID=$!
}

# run_step <log name> <description> <command...>
# Runs the command in the foreground (so Ctrl-C reaches it) with its output in .aegisops/logs/<log name>.log.
# Prints a start line, a heartbeat, and the duration; on failure the last lines of the log and its path.
run_step() {
  local log=$AEGIS_LOG_DIR/$1.log what=$2 started=$SECONDS rc=0
  shift 2
  step "$what ..."
  start_heartbeat "$what"
  "$@" >"$log" 2>&1 || rc=$?
  stop_heartbeat
  if ((rc != 0)); then
    step "$what FAILED after $((SECONDS - started))s (exit $rc). Last lines of $log:"
    tail -n "${AEGIS_FAILURE_LINES:-40}" "$log" | sed 's/^/    | /'
    return "$rc"
  fi
  step "$what: done in $((SECONDS - started))s"
}

is_root() { [[ $(id -u) == 0 ]]; }

# apt_install <package...>: non-interactive, once-per-run index update; only as root.
AEGIS_APT_UPDATED=
apt_install() {
  is_root || die "missing packages: $*" "install them: sudo apt-get install -y $*" "or run ./aegisops as root"
  command -v apt-get >/dev/null || die "missing packages: $*, and this is not a Debian/Ubuntu system" \
    "install them with your package manager, then run the command again"
  export DEBIAN_FRONTEND=noninteractive
  if [[ -z $AEGIS_APT_UPDATED ]]; then
    run_step apt-update "apt-get update" apt-get update -q ||
      die "apt-get update failed" "check the network and /etc/apt/sources.list*, then run the command again"
    AEGIS_APT_UPDATED=1
  fi
  run_step "apt-install" "Installing $*" apt-get install -y -q --no-install-recommends "$@" ||
    die "could not install $*" "see $AEGIS_LOG_DIR/apt-install.log"
}
