#!/usr/bin/env bash
# Measures AegisOps on the running stack (./aegisops up first). Not a test: it prints figures for the README.
#
#   deploy/benchmark.sh detection [tries]   fault → incident persisted, per fault type (memory, cpu, latency, crash)
#   deploy/benchmark.sh mttr [tries]        fault → verified healthy, for crash and memory, against the floor:
#                                           the same fix done by hand with the engine alone (`docker start` of
#                                           the crashed container, `docker restart -t 10` of the leaking one) on
#                                           a twin that is not opted in, until its health URL answers UP; also
#                                           each incident's investigations (gathering time, facts gathered)
#
# Each mode starts its own buggy-app instance on the stack's network, so the Compose buggy-app and its restart
# budget are left alone: detection uses aegis.policy=manual (nothing heals it mid-measurement), mttr uses
# aegis.policy=auto with a budget large enough for every try. Times come from monitor-service's incident
# timeline (server clock, same machine) minus the moment just before the fault was triggered.
set -euo pipefail

MODE=${1:-}
TRIES=${2:-10}
MONITOR=${AEGIS_MONITOR_URL:-http://localhost:8081}
FAULTS=${AEGIS_BENCH_FAULTS:-memory cpu latency crash}   # detection: which faults, e.g. AEGIS_BENCH_FAULTS=latency
case $MODE in detection | mttr) ;; *)
  echo "usage: $0 detection|mttr [tries]" >&2
  exit 2
  ;;
esac
command -v python3 >/dev/null || { echo "python3 is needed to read the JSON answers" >&2; exit 2; }
# Credentials from ./aegisops's .env unless given: the admin's token to read and resolve incidents, the intake's
# for the measured app's webhook.
SECRETS=${AEGIS_SECRETS_FILE:-$(dirname "$0")/../.env}
secret() { local v=${!1:-}; [[ -n $v ]] || v=$(sed -n "s/^$1=//p" "$SECRETS" 2>/dev/null | tail -1); printf '%s' "$v"; }
TOKEN=$(secret AEGIS_ADMIN_TOKEN)
INTAKE_TOKEN=$(secret AEGIS_INTAKE_TOKEN)
[[ -n $TOKEN && -n $INTAKE_TOKEN ]] || { echo "no AEGIS_ADMIN_TOKEN/AEGIS_INTAKE_TOKEN in the environment or $SECRETS: start the stack with ./aegisops up" >&2; exit 2; }
AUTH="Authorization: Bearer $TOKEN"

log() { printf '[%s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
now_ms() { date +%s%3N; }

buggy=$(docker ps -q --filter label=com.docker.compose.service=buggy-app | head -1)
[ -n "$buggy" ] || { echo "no buggy-app container: start the stack with ./aegisops up" >&2; exit 1; }
image=$(docker inspect --format '{{.Config.Image}}' "$buggy")
network=$(docker inspect --format '{{range $k, $v := .NetworkSettings.Networks}}{{$k}}{{end}}' "$buggy")
name="bench-$MODE-$(date +%s)"
policy=manual
[ "$MODE" = mttr ] && policy=auto

floor_name="$name-floor"
cleanup() { docker rm -f "$name" "$floor_name" >/dev/null 2>&1 || true; }
trap cleanup EXIT

log "starting $name ($image, policy $policy) on $network"
docker run -d --name "$name" --network "$network" -p 127.0.0.1::8080 --memory 512m --cpus 1 \
  -e AEGIS_MONITOR_URL=http://monitor-service:8080 -e AEGIS_SERVICE_NAME="$name" -e JAVA_OPTS=-Xmx256m \
  -e AEGIS_INTAKE_TOKEN="$INTAKE_TOKEN" \
  -l aegis.enable=true -l aegis.service="$name" -l aegis.policy=$policy -l aegis.restart-budget=1000/15m \
  -l aegis.health-url="http://$name:8080/q/health/ready" -l aegis.test=true "$image" >/dev/null
if [ "$MODE" = mttr ]; then
  # The floor's patient: the same app in the same limits, not opted in, so AegisOps never touches it.
  log "starting $floor_name (not opted in) for the floor"
  docker run -d --name "$floor_name" --network "$network" -p 127.0.0.1::8080 --memory 512m --cpus 1 \
    -e AEGIS_MONITOR_URL= -e AEGIS_SERVICE_NAME="$floor_name" -e JAVA_OPTS=-Xmx256m "$image" >/dev/null
fi
APP=''

# The engine publishes the container on a new ephemeral host port every time it starts: look it up again.
find_app() { # [container], default the measured instance; sets APP
  local port
  port=$(docker port "${1:-$name}" 8080/tcp 2>/dev/null | head -1 | sed 's/.*://') || port=''
  APP=${port:+http://127.0.0.1:$port}
}

wait_ready() { # [container]
  local c=${1:-$name} deadline=$(($(date +%s) + 120))
  find_app "$c"
  until [ -n "$APP" ] && curl -fsS -o /dev/null "$APP/q/health/ready" 2>/dev/null; do
    [ "$(date +%s)" -lt "$deadline" ] || { echo "$c did not become ready; docker logs $c" >&2; exit 1; }
    sleep 0.1
    find_app "$c"
  done
}

# Prints the id of the newest incident of the instance whose first alert was observed at or after $1 (ms).
incident_since() {
  curl -fsS -H "$AUTH" "$MONITOR/api/incidents?target=$name&limit=5" | python3 -c '
import json, sys, datetime
since = int(sys.argv[1]) / 1000
for i in json.load(sys.stdin):
    if datetime.datetime.fromisoformat(i["firstSeen"].replace("Z", "+00:00")).timestamp() >= since - 0.001:
        print(i["id"]); break' "$1"
}

# Prints "<ms from $2 to the first timeline entry with status $3> <status of the incident>" for incident $1.
timeline_ms() {
  curl -fsS -H "$AUTH" "$MONITOR/api/incidents/$1" | python3 -c '
import json, sys, datetime
t0, wanted = int(sys.argv[1]), sys.argv[2]
d = json.load(sys.stdin)
for t in d["timeline"]:
    if t["to"] == wanted:
        at = datetime.datetime.fromisoformat(t["at"].replace("Z", "+00:00")).timestamp() * 1000
        print(round(at - t0), d["incident"]["status"]); break' "$2" "$3"
}

# Prints the timeline of incident $1 as "status:+ms" steps relative to $2.
breakdown() {
  curl -fsS -H "$AUTH" "$MONITOR/api/incidents/$1" | python3 -c '
import json, sys, datetime
t0 = int(sys.argv[1])
steps = []
for t in json.load(sys.stdin)["timeline"]:
    at = datetime.datetime.fromisoformat(t["at"].replace("Z", "+00:00")).timestamp() * 1000
    steps.append("%s:+%d" % (t["to"], round(at - t0)))
print(" ".join(steps))' "$2"
}

# Prints "<facts> <ms> <ms>…" for incident $1: the facts its completed investigations gathered, in all, then each
# investigation's gathering time (the report's completedAt - startedAt), oldest first. With a second argument it
# prints instead one "<tool>:<ms>:<outcome word>" per read of those investigations, to show which read took the time.
investigation_figures() {
  curl -fsS -H "$AUTH" "$MONITOR/api/incidents/$1/investigations" | python3 -c '
import json, sys, datetime
def ms(t):
    return datetime.datetime.fromisoformat(t.replace("Z", "+00:00")).timestamp() * 1000
done = [v["report"] for v in reversed(json.load(sys.stdin)) if v.get("report")]
if len(sys.argv) > 1:
    print(" ".join("%s:%d:%s" % (c["tool"], c["millis"], (c["outcome"].split() or ["?"])[0].strip(":,"))
                   for r in done for c in r["toolCalls"]))
else:
    print(sum(len(r["facts"]) for r in done), *(round(ms(r["completedAt"]) - ms(r["startedAt"])) for r in done))' ${2:+reads}
}

resolve_open() {
  curl -fsS -H "$AUTH" "$MONITOR/api/incidents?target=$name&status=OPEN,DIAGNOSED,AWAITING_APPROVAL,REMEDIATING,VERIFYING,FAILED,ESCALATED" |
    python3 -c 'import json,sys; [print(i["id"]) for i in json.load(sys.stdin)]' |
    while read -r id; do
      curl -fsS -H "$AUTH" -o /dev/null -X POST "$MONITOR/api/incidents/$id/resolve" -H 'content-type: application/json' \
        -d '{"actor":"benchmark","reason":"reset between tries"}' || true
    done
}

trigger() {
  case $1 in
    memory) curl -fsS -o /dev/null -X POST "$APP/faults/memory?mb=220" ;;
    cpu) curl -fsS -o /dev/null -X POST "$APP/faults/cpu?threads=2" ;;
    latency) curl -fsS -o /dev/null -X POST "$APP/faults/latency?ms=3000" ;;
    crash) curl -s -o /dev/null -X POST "$APP/faults/crash?code=137" || true ;; # the app exits mid-answer
  esac
}

# Fresh process for every try: faults, alert cool-downs and heap start from zero.
# Waits until the self-watch has judged a /work run: the first runs after a start are JIT warm-up and not judged,
# and a latency fault injected before then would be measured as warm-up (each run then takes the fault's 3 s).
wait_warmed_up() {
  local deadline=$(($(date +%s) + 60))
  until curl -fsS "$APP/watch" 2>/dev/null | python3 -c '
import json, sys
sample = json.load(sys.stdin).get("lastSample") or {}
sys.exit(0 if (sample.get("workSamples") or 0) >= 1 else 1)'; do
    [ "$(date +%s)" -lt "$deadline" ] || { echo "$name did not warm up within 60 s" >&2; exit 1; }
    sleep 0.5
  done
}

# The baseline of a detection try, watched in the background from just before the fault: when the raw signal
# first exists. For memory, cpu and latency that is the app's own self-watch showing a breach (GET /watch, polled
# every 50 ms); for the crash the engine's die event. Writes epoch ms to $2.
watch_signal() {
  local fault=$1 out=$2 deadline=$(($(date +%s) + 60))
  if [ "$fault" = crash ]; then
    timeout 60 docker events --since "$(date +%s)" --filter container="$name" --filter event=die \
      --format '{{.TimeNano}}' | head -1 | { read -r ns && echo $((ns / 1000000)) >"$out"; } || true
    return
  fi
  while [ "$(date +%s)" -lt "$deadline" ]; do
    if curl -fsS "$APP/watch" 2>/dev/null | grep -q '"breaches":\[{'; then
      now_ms >"$out"
      return
    fi
    sleep 0.05
  done
}

fresh() {
  docker restart -t 5 "$name" >/dev/null
  wait_ready
  wait_warmed_up
  resolve_open
  sleep 1
}

# Waits for the incident opened by the fault triggered at $1 and prints its id.
await_incident() {
  local t0=$1 id='' deadline=$(($(date +%s) + 60))
  while [ -z "$id" ]; do
    [ "$(date +%s)" -lt "$deadline" ] || { echo "no incident within 60 s" >&2; return 1; }
    sleep 0.05
    id=$(incident_since "$t0" || true)
  done
  echo "$id"
}

stats() { # label, then one number per line on stdin
  python3 -c '
import sys, statistics
xs = sorted(float(x) for x in sys.stdin.read().split())
def pct(p):
    k = (len(xs) - 1) * p / 100
    f = int(k); c = min(f + 1, len(xs) - 1)
    return xs[f] + (xs[c] - xs[f]) * (k - f)
print("%-28s n=%-3d p50=%7.0f ms  p95=%7.0f ms  min=%7.0f  max=%7.0f" % (sys.argv[1], len(xs), pct(50), pct(95), xs[0], xs[-1]))' "$1"
}

results=$(mktemp)
trap 'cleanup; rm -f "$results"' EXIT
wait_ready

if [ "$MODE" = detection ]; then
  for fault in $FAULTS; do
    for i in $(seq 1 "$TRIES"); do
      fresh
      signal=$(mktemp)
      watch_signal "$fault" "$signal" &
      watcher=$!
      sleep 0.2
      t0=$(now_ms)
      trigger "$fault"
      if ! id=$(await_incident "$t0"); then
        kill "$watcher" 2>/dev/null || true
        rm -f "$signal"
        echo "miss-$fault" >>"$results"
        log "$fault try $i: MISSED (no incident within 60 s)"
        continue
      fi
      read -r ms _ <<<"$(timeline_ms "$id" "$t0" OPEN)"
      echo "detect-$fault $ms" >>"$results"
      # The signal comes before the incident; give a late one 5 s, then stop the watcher (`docker events` would
      # otherwise run on until its 60 s timeout).
      for _ in $(seq 50); do [ -s "$signal" ] && break; sleep 0.1; done
      pkill -P "$watcher" 2>/dev/null || true
      kill "$watcher" 2>/dev/null || true
      wait "$watcher" 2>/dev/null || true
      if [ -s "$signal" ]; then
        echo "signal-$fault $(($(cat "$signal") - t0))" >>"$results"
      fi
      rm -f "$signal"
      log "$fault try $i: incident after $ms ms ($(breakdown "$id" "$t0"))"
      curl -fsS -o /dev/null -X POST "$APP/faults/reset" 2>/dev/null || true
    done
  done
  echo
  echo "Detection latency (fault → incident persisted), $TRIES tries per fault, $(nproc) cores:"
  for fault in $FAULTS; do
    misses=$(grep -c "^miss-$fault\$" "$results" || true)
    if grep -q "^detect-$fault " "$results"; then
      grep "^detect-$fault " "$results" | cut -d' ' -f2 | stats "$fault"
    fi
    [ "$misses" = 0 ] || echo "  $fault: $misses of $TRIES tries produced no incident within 60 s"
  done
  echo
  echo "Baseline in the same run: the raw signal (the app's own self-watch breach; for the crash the engine's die event)"
  for fault in $FAULTS; do
    if grep -q "^signal-$fault " "$results"; then
      grep "^signal-$fault " "$results" | cut -d' ' -f2 | stats "$fault signal"
    fi
  done
  python3 - "$results" $FAULTS <<'PY'
import sys, statistics
rows = [l.split() for l in open(sys.argv[1])]
for fault in sys.argv[2:]:
    d = [float(r[1]) for r in rows if r[0] == "detect-" + fault]
    b = [float(r[1]) for r in rows if r[0] == "signal-" + fault]
    if d and b and statistics.median(b) > 0:
        print("  %-8s incident p50 - signal p50 = %5.0f ms (AegisOps' share), ratio %.2f"
              % (fault, statistics.median(d) - statistics.median(b), statistics.median(d) / statistics.median(b)))
PY
  echo "  (load average during the run: $(cut -d' ' -f1-3 /proc/loadavg))"
else
  for i in $(seq 1 "$TRIES"); do
    for fault in crash memory; do
      fresh
      t0=$(now_ms)
      trigger "$fault"
      id=$(await_incident "$t0")
      deadline=$(($(date +%s) + 120))
      until read -r ms status <<<"$(timeline_ms "$id" "$t0" RESOLVED)" && [ -n "${ms:-}" ]; do
        [ "$(date +%s)" -lt "$deadline" ] || { echo "incident $id not RESOLVED within 120 s: $(breakdown "$id" "$t0")" >&2; exit 1; }
        sleep 0.1
      done
      echo "mttr-$fault $ms" >>"$results"
      steps=$(breakdown "$id" "$t0")
      echo "steps-$fault $steps" >>"$results"
      figures=$(investigation_figures "$id") || { echo "could not read the investigations of incident $id" >&2; exit 1; }
      read -r facts gathering <<<"$figures"
      echo "facts-$fault $facts" >>"$results"
      for g in $gathering; do echo "investigation-$fault $g" >>"$results"; done
      reads=$(investigation_figures "$id" reads) || reads=''
      echo "reads-$fault $reads" >>"$results"
      log "$fault try $i: resolved after $ms ms ($steps; investigation ${gathering:-none} ms, $facts facts)"
    done
    # The floor: what a perfect operator gets from the engine alone, on the instance AegisOps does not watch:
    # for the crash `docker start` of the exited container, for memory `docker restart` with the stop timeout
    # remediation-service uses (10 s); both until the health URL answers UP.
    wait_ready "$floor_name"
    trigger crash
    docker wait "$floor_name" >/dev/null
    t0=$(now_ms)
    docker start "$floor_name" >/dev/null
    wait_ready "$floor_name"
    ms=$(($(now_ms) - t0))
    echo "floor-crash $ms" >>"$results"
    trigger memory
    t0=$(now_ms)
    docker restart -t 10 "$floor_name" >/dev/null
    wait_ready "$floor_name"
    ms2=$(($(now_ms) - t0))
    echo "floor-memory $ms2" >>"$results"
    log "floor try $i: docker start after a crash + ready $ms ms, docker restart + ready $ms2 ms"
  done
  echo
  echo "MTTR (fault → verified healthy) vs the floor (engine alone → health URL UP), $TRIES tries, $(nproc) cores:"
  grep '^mttr-crash ' "$results" | cut -d' ' -f2 | stats "MTTR crash (exit 137)"
  grep '^mttr-memory ' "$results" | cut -d' ' -f2 | stats "MTTR memory"
  grep '^floor-crash ' "$results" | cut -d' ' -f2 | stats "floor crash (docker start)"
  grep '^floor-memory ' "$results" | cut -d' ' -f2 | stats "floor memory (docker restart)"
  python3 - "$results" <<'PY'
import sys, statistics
rows = [l.split() for l in open(sys.argv[1])]
for kind in ("crash", "memory"):
    floor = statistics.median(float(r[1]) for r in rows if r[0] == "floor-" + kind)
    m = statistics.median(float(r[1]) for r in rows if r[0] == "mttr-" + kind)
    print("overhead %-6s p50: %6.0f ms  (MTTR p50 / floor p50 = %.2f)" % (kind, m - floor, m / floor))
print()
print("Where the time goes: median ms after the fault at which the incident reached each status")
for kind in ("crash", "memory"):
    reached = {}
    for row in rows:
        if row[0] != "steps-" + kind:
            continue
        for step in row[1:]:
            status, at = step.split(":+")
            reached.setdefault(status, []).append(float(at))
    order = sorted(reached, key=lambda s: statistics.median(reached[s]))
    print("  %-6s %s" % (kind, "  ".join("%s %.0f" % (s, statistics.median(reached[s])) for s in order)))
print()
print("Investigation (monitor's gathering, part of OPEN -> DIAGNOSED): time per investigation, facts per incident")
def pct(xs, p):
    xs = sorted(xs)
    k = (len(xs) - 1) * p / 100
    f = int(k); c = min(f + 1, len(xs) - 1)
    return xs[f] + (xs[c] - xs[f]) * (k - f)
for kind in ("crash", "memory"):
    took = [float(r[1]) for r in rows if r[0] == "investigation-" + kind]
    facts = [float(r[1]) for r in rows if r[0] == "facts-" + kind]
    if not took:
        print("  %-6s no completed investigation" % kind)
        continue
    print("  %-6s n=%-3d p50=%5.0f ms  p95=%5.0f ms  facts p50=%.0f"
          % (kind, len(took), pct(took, 50), pct(took, 95), statistics.median(facts)))
    reads = {}
    for row in rows:
        if row[0] == "reads-" + kind:
            for call in row[1:]:
                tool, millis, outcome = call.split(":", 2)
                reads.setdefault(tool, []).append((float(millis), outcome))
    print("         reads p50/p95 ms: " + "  ".join(
        "%s %.0f/%.0f (%s)" % (tool, pct([m for m, _ in calls], 50), pct([m for m, _ in calls], 95),
                               ",".join(sorted({"%s %d" % (o, sum(1 for _, x in calls if x == o))
                                                for _, o in calls})))
        for tool, calls in reads.items()))
PY
fi
