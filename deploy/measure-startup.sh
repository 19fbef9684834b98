#!/usr/bin/env bash
# How long `./aegisops up` takes until every container is healthy, in the situations a user meets:
#   first-ever  (only with --first-ever) nothing built yet: local base images, service images and data
#               removed. Removes aegisops/{debian,jre,postgres,kafka} - never run it while other work uses them.
#   cold        service images and data volumes removed; base images kept (what a new checkout costs)
#   warm        stack down, images and data kept (the everyday restart; Maven repackages, Docker hits cache)
#   warm-skip   as warm, with --skip-build (jars reused: Docker and container start-up only)
# For each: total wall time of `./aegisops up`, and its parts as ./aegisops reports them. Leaves the stack
# down. A measurement, not a test: the figures go to deploy/README.md.
#
# usage: deploy/measure-startup.sh [--first-ever] [--skip-cold]
set -euo pipefail

root=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)
aegisops=$root/aegisops
out_dir=$root/.aegisops/measure
mkdir -p "$out_dir"

first_ever=0 cold=1
for arg in "$@"; do
  case $arg in
    --first-ever) first_ever=1 ;;
    --skip-cold) cold=0 ;;
    *) echo "usage: $0 [--first-ever] [--skip-cold]" >&2; exit 2 ;;
  esac
done

service_images=(aegisops/buggy-app:dev aegisops/monitor-service:dev aegisops/diagnosis-service:dev
  aegisops/remediation-service:dev aegisops/approval-service:dev aegisops/dashboard:dev)
base_images=(aegisops/kafka:4.2.1 aegisops/postgres:15 aegisops/jre:17 aegisops/debian:bookworm)

remove_images() { docker image rm "$@" >/dev/null 2>&1 || true; }

# seconds_of <log> <pattern>: the "N" of "<pattern>...done in Ns" / "...after Ns" lines, or "-".
seconds_of() {
  local value
  value=$(grep -E "$2" "$1" | grep -oE '(done in|after) [0-9]+s' | grep -oE '[0-9]+' |
    awk '{ sum += $1; n++ } END { if (n) print sum }') || true
  printf '%s' "${value:--}"
}

results=()
measure() {
  local name=$1 log=$out_dir/$1.log started rc=0
  shift
  echo "== $name: ./aegisops up $*"
  started=$(date +%s)
  "$aegisops" up "$@" >"$log" 2>&1 || rc=$?
  local total=$(($(date +%s) - started))
  if ((rc != 0)); then
    tail -n 30 "$log"
    echo "./aegisops up failed in scenario $name (log: $log)" >&2
    "$aegisops" down >/dev/null 2>&1 || true
    exit 1
  fi
  results+=("$(printf '%-11s %9s %11s %12s %12s %14s' "$name" "$total" \
    "$(seconds_of "$log" 'Building local image')" "$(seconds_of "$log" 'Packaging the services')" \
    "$(seconds_of "$log" 'Building the service images')" "$(seconds_of "$log" 'containers healthy after')")")
  echo "   ${results[-1]}"
}

load_before=$(cut -d' ' -f1-3 /proc/loadavg)

if ((first_ever)); then
  "$aegisops" down --volumes >/dev/null
  remove_images "${service_images[@]}" "${base_images[@]}"
  measure first-ever
fi
if ((cold)); then
  "$aegisops" down --volumes >/dev/null
  remove_images "${service_images[@]}"
  measure cold
fi
"$aegisops" down >/dev/null
measure warm
"$aegisops" down >/dev/null
measure warm-skip --skip-build
"$aegisops" down >/dev/null

echo
echo "./aegisops up until all containers are healthy; seconds ($(date -u +%Y-%m-%d), $(nproc) cores," \
  "$(free -g | awk '/^Mem:/ {print $2}') GiB, load average at start: $load_before)"
printf '%-11s %9s %11s %12s %12s %14s\n' scenario total base-images maven-package service-imgs start-healthy
printf '%s\n' "${results[@]}"
