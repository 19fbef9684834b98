# shellcheck shell=bash
# The Compose stack: build the service images, start everything, wait until every container is healthy
# (with a progress line whenever something changes), explain failures with the containers' own logs, and
# take it all down again without leaving anything half-running.

AEGIS_PROJECT=${AEGIS_PROJECT:-aegisops}
AEGIS_UP_TIMEOUT=${AEGIS_UP_TIMEOUT:-600}
PROJECT_FILTER=label=com.docker.compose.project=$AEGIS_PROJECT
# The stack's name for the containers it looks after (docker-compose.yml, AEGIS_STACK): its Compose project.
export AEGIS_STACK=${AEGIS_STACK:-$AEGIS_PROJECT}

# Host port of each published service: the variable docker-compose.yml reads, and its default.
declare -A PORT_VARIABLE=(
  [dashboard]=AEGIS_DASHBOARD_PORT [buggy-app]=AEGIS_BUGGY_PORT [monitor-service]=AEGIS_MONITOR_PORT
  [diagnosis-service]=AEGIS_DIAGNOSIS_PORT [remediation-service]=AEGIS_REMEDIATION_PORT
  [approval-service]=AEGIS_APPROVAL_PORT [postgres]=AEGIS_POSTGRES_PORT [kafka]=AEGIS_KAFKA_PORT
  [slack-standin]=AEGIS_SLACK_STANDIN_PORT
)
declare -A DEFAULT_PORT=(
  [dashboard]=8080 [buggy-app]=8000 [monitor-service]=8081 [diagnosis-service]=8082
  [remediation-service]=8083 [approval-service]=8084 [postgres]=5432 [kafka]=29092 [slack-standin]=8085
)

# The end-to-end suite's own stack: another Compose project (so other containers, network and volumes), other host
# ports, and a scope that leaves alone every container it did not start (AEGIS_STACK_CLAIMED_ONLY), so
# ./aegisops test never touches, stops or deletes a stack that ./aegisops up is serving. Ports: the default + 10000.
use_test_stack() {
  AEGIS_PROJECT=${AEGIS_TEST_PROJECT:-aegisops-test}
  PROJECT_FILTER=label=com.docker.compose.project=$AEGIS_PROJECT
  export AEGIS_STACK=$AEGIS_PROJECT AEGIS_STACK_CLAIMED_ONLY=true
  # The suite's incidents resolve at their source after 3 s instead of a minute (AlertmanagerIT waits for it).
  export AEGIS_SOURCE_RESOLUTION_QUIET_PERIOD=${AEGIS_SOURCE_RESOLUTION_QUIET_PERIOD:-3s}
  local service
  for service in "${!PORT_VARIABLE[@]}"; do
    export "${PORT_VARIABLE[$service]}=$((DEFAULT_PORT[$service] + 10000))"
  done
}

host_port() {
  local var=${PORT_VARIABLE[$1]}
  printf '%s' "${!var:-${DEFAULT_PORT[$1]}}"
}

published_host() {
  case ${AEGIS_BIND_ADDRESS:-127.0.0.1} in
    127.0.0.1 | 0.0.0.0 | '') printf localhost ;;
    *) printf '%s' "$AEGIS_BIND_ADDRESS" ;;
  esac
}

service_url() { printf 'http://%s:%s' "$(published_host)" "$(host_port "$1")"; }

stack_services() { compose config --services; }

# One line per container of the project: service status health restarts exit-code id
# Health comes from `docker ps` (".. (healthy)") rather than an inspect template: .State.Health is absent
# for containers without a healthcheck, and some CLI versions reject templates that touch missing keys.
container_states() {
  local ids id service state status health count code
  local -A restarts=() codes=()
  ids=$(docker ps -aq --filter "$PROJECT_FILTER")
  [[ -z $ids ]] && return 0
  # shellcheck disable=SC2086
  while read -r id count code; do
    restarts[${id:0:12}]=$count
    codes[${id:0:12}]=$code
  done < <(docker inspect -f '{{ .Id }} {{ .RestartCount }} {{ .State.ExitCode }}' $ids 2>/dev/null)
  while IFS='|' read -r id service state status; do
    case $status in
      *'(healthy)'*) health=healthy ;;
      *'(unhealthy)'*) health=unhealthy ;;
      *'(health: starting)'*) health=starting ;;
      *) health=none ;;
    esac
    echo "${service:-unknown} ${state:-unknown} $health ${restarts[$id]:-0} ${codes[$id]:-0} $id"
  done < <(docker ps -a --filter "$PROJECT_FILTER" \
    --format '{{ .ID }}|{{ .Label "com.docker.compose.service" }}|{{ .State }}|{{ .Status }}')
}

# Image ids the last build replaced; removed once the new containers run (each is ~400 MB).
REPLACED_SERVICE_IMAGES=()

build_service_images() {
  require_packaged_services
  local module id
  local -A before=()
  for module in "${SERVICE_MODULES[@]}"; do
    before[$module]=$(image_id "aegisops/$module:dev" 2>/dev/null || true)
  done
  run_step compose-build "Building the service images on ${AEGIS_JRE_IMAGE}" compose build ||
    die "building the service images failed" "see the log above ($AEGIS_LOG_DIR/compose-build.log)"
  for module in "${SERVICE_MODULES[@]}"; do
    id=$(image_id "aegisops/$module:dev" 2>/dev/null || true)
    if [[ -n ${before[$module]} && ${before[$module]} != "$id" ]]; then
      REPLACED_SERVICE_IMAGES+=("${before[$module]}")
    fi
  done
}

remove_replaced_service_images() {
  local id
  for id in "${REPLACED_SERVICE_IMAGES[@]}"; do
    docker image rm "$id" >/dev/null 2>&1 || true
  done
  REPLACED_SERVICE_IMAGES=()
}

port_hints() {
  local log=$1 line port service var
  line=$(grep -m 1 -iE 'port is already allocated|address already in use' "$log") || return 0
  port=$(grep -oE ':[0-9]{2,5}: bind|[0-9.]+:[0-9]{2,5} failed' <<<"$line" | grep -oE ':[0-9]+' | tr -d :)
  service=$(grep -oE "endpoint ${AEGIS_PROJECT}[_-][a-z-]+[_-][0-9]+" <<<"$line" |
    sed -E "s/^endpoint ${AEGIS_PROJECT}[_-]//; s/[_-][0-9]+$//")
  var=${PORT_VARIABLE[${service:-none}]:-AEGIS_<SERVICE>_PORT}
  echo "host port ${port:-?} is taken${service:+ (wanted by $service)}; see who has it: ss -ltnp | grep ':${port:-PORT}'"
  echo "stop that process, or publish ${service:-the service} elsewhere: $var=<free port> ./aegisops up"
}

# start_stack: `compose up -d` plus a wait until every service's container is healthy.
start_stack() {
  local log=$AEGIS_LOG_DIR/compose-up.log up_pid up_rc='' started=$SECONDS deadline
  local -a services
  mapfile -t services < <(stack_services)
  deadline=$((SECONDS + AEGIS_UP_TIMEOUT))

  step "Starting ${#services[@]} containers (compose up; timeout ${AEGIS_UP_TIMEOUT}s, AEGIS_UP_TIMEOUT)"
  compose up -d --remove-orphans >"$log" 2>&1 &
  up_pid=$!

  local last_report='' last_print=0 service status health restarts code id
  local -A seen
  while :; do
    if [[ -z $up_rc ]] && ! kill -0 "$up_pid" 2>/dev/null; then
      up_rc=0
      wait "$up_pid" || up_rc=$?
    fi

    seen=()
    while read -r service status health restarts code id; do
      seen[$service]="$status $health $restarts $code"
    done < <(container_states)

    local -a healthy=() failed=() waiting_states=()
    local -A waiting=()
    local label
    for service in "${services[@]}"; do
      read -r status health restarts code <<<"${seen[$service]:-absent none 0 0}"
      if [[ $health == healthy ]]; then
        healthy+=("$service")
        continue
      elif [[ -n $up_rc ]] && { [[ $health == unhealthy || $status == exited || $status == dead ]] || ((restarts >= 3)); }; then
        # Only once compose up has returned: while it recreates a container, the old one briefly shows "exited".
        failed+=("$service ($status, health $health, exit code $code, restarts $restarts)")
        continue
      elif [[ $status == absent ]]; then
        label="not created yet"
      elif [[ $status == restarting ]] || ((restarts > 0)); then
        label="restarting"
      elif [[ $health == none ]]; then
        label=$status
      else
        label=$health
      fi
      [[ -z ${waiting[$label]:-} ]] && waiting_states+=("$label")
      waiting[$label]+="${waiting[$label]:+, }$service"
    done

    if ((${#failed[@]})); then
      [[ -z $up_rc ]] && kill "$up_pid" 2>/dev/null
      step "Not healthy: ${failed[*]}"
      dump_diagnostics
      die "the stack did not come up" "read the container logs above, or: ./aegisops logs <service>" \
        "fix it and run ./aegisops up again (it is safe to repeat), or ./aegisops down to remove everything"
    fi
    if [[ -n $up_rc && $up_rc != 0 ]]; then
      step "compose up failed (exit $up_rc):"
      tail -n 20 "$log" | sed 's/^/    | /'
      local -a hints
      mapfile -t hints < <(port_hints "$log")
      die "the stack did not start" "${hints[@]}" "full log: $log; then ./aegisops down and ./aegisops up"
    fi
    if ((${#healthy[@]} == ${#services[@]})) && [[ -n $up_rc ]]; then
      step "All ${#services[@]} containers healthy after $((SECONDS - started))s"
      return 0
    fi

    local report="healthy ${#healthy[@]}/${#services[@]}"
    for label in "${waiting_states[@]}"; do
      report+="; $label: ${waiting[$label]}"
    done
    ((${#waiting_states[@]})) || report+="; waiting for compose up to finish"
    if [[ $report != "$last_report" ]] || ((SECONDS - last_print >= 15)); then
      step "  $report"
      last_report=$report
      last_print=$SECONDS
    fi
    if ((SECONDS >= deadline)); then
      [[ -z $up_rc ]] && kill "$up_pid" 2>/dev/null
      dump_diagnostics
      die "not every container was healthy within ${AEGIS_UP_TIMEOUT}s" \
        "read the logs above; a slow machine may need AEGIS_UP_TIMEOUT=900 ./aegisops up"
    fi
    sleep 2
  done
}

# What CI needs to see when something failed: every container's state, and the last log lines (plus the
# last healthcheck output) of each container that is not healthy. With no such container, the failure
# was in the tests, so the services' latest log lines are shown instead.
dump_diagnostics() {
  local service status health restarts code id lines=${AEGIS_DIAGNOSTIC_LINES:-100}
  local -a suspects=() others=()
  step "Diagnostics: containers of project $AEGIS_PROJECT"
  compose ps 2>&1 | sed 's/^/    | /' || true
  while read -r service status health restarts code id; do
    if [[ $health == healthy ]] || [[ $health == none && $status == running ]]; then
      others+=("$service:$health:$id")
    else
      suspects+=("$service:$health:$id")
    fi
  done < <(container_states)
  if ((${#suspects[@]} == 0)); then
    suspects=("${others[@]}")
    lines=${AEGIS_DIAGNOSTIC_LINES_HEALTHY:-40}
  fi
  local entry
  for entry in "${suspects[@]}"; do
    IFS=: read -r service health id <<<"$entry"
    step "Diagnostics: last $lines log lines of $service"
    docker logs --tail "$lines" "$id" 2>&1 | sed 's/^/    | /' || true
    if [[ $health != none ]]; then
      docker inspect -f '{{ range .State.Health.Log }}{{ .Output }}{{ end }}' "$id" 2>/dev/null |
        grep . | tail -n 4 | sed 's/^/    | last healthcheck: /' || true
    fi
  done
}

# stack_down [--volumes]: removes containers, network and (with --volumes) the data; then makes sure.
stack_down() {
  local -a args=(down --remove-orphans --timeout 20)
  [[ ${1:-} == --volumes ]] && args+=(--volumes)
  # Stopping needs no secret, but compose refuses to read the file without one: a placeholder serves when the
  # secrets were not loaded (./aegisops test removes the previous stack before it generates any).
  local variable
  local -a placeholders=()
  for variable in "${AEGIS_SECRET_VARIABLES[@]}"; do
    [[ -n ${!variable:-} ]] || placeholders+=("$variable=not-needed-to-stop")
  done
  env "${placeholders[@]}" "${COMPOSE[@]}" "${args[@]}" >"$AEGIS_LOG_DIR/compose-down.log" 2>&1 ||
    warn "compose down reported an error (see $AEGIS_LOG_DIR/compose-down.log); removing leftovers directly"
  local leftovers
  leftovers=$(docker ps -aq --filter "$PROJECT_FILTER")
  if [[ -n $leftovers ]]; then
    # shellcheck disable=SC2086
    docker rm -f $leftovers >/dev/null
  fi
  leftovers=$(docker network ls -q --filter "$PROJECT_FILTER")
  if [[ -n $leftovers ]]; then
    # shellcheck disable=SC2086
    docker network rm $leftovers >/dev/null || true
  fi
  if [[ ${1:-} == --volumes ]]; then
    leftovers=$(docker volume ls -q --filter "$PROJECT_FILTER")
    if [[ -n $leftovers ]]; then
      # shellcheck disable=SC2086
      docker volume rm $leftovers >/dev/null || true
    fi
  fi
}

print_urls() {
  local host service
  host=$(published_host)
  echo
  echo "AegisOps is up:"
  for service in dashboard buggy-app monitor-service diagnosis-service remediation-service approval-service; do
    printf '  %-20s %-24s API docs: %s/q/swagger-ui\n' "$service" "$(service_url "$service")" "$(service_url "$service")"
  done
  printf '  %-20s %s:%s (from the host; kafka:9092 inside the stack)\n' kafka "$host" "$(host_port kafka)"
  printf '  %-20s %s:%s (user aegis; databases monitor, diagnosis, remediation, approval, dashboard)\n' \
    postgres "$host" "$(host_port postgres)"
  echo
  echo "Sign in as admin: the password (AEGIS_ADMIN_PASSWORD) and an API token (AEGIS_ADMIN_TOKEN) are in"
  echo "  $AEGIS_SECRETS_FILE (readable by $(id -un) only); add people with ./aegisops user add <name> <role>"
  echo "  curl with a token:  export AEGIS_TOKEN=\$(sed -n 's/^AEGIS_ADMIN_TOKEN=//p' $AEGIS_SECRETS_FILE)"
  echo
  echo "  ./aegisops status | ./aegisops logs [service] [-f] | ./aegisops user list | ./aegisops down"
}
