# shellcheck shell=bash
# Real peers the end-to-end suite talks to as an operator's own tools would: Debian's Prometheus Alertmanager
# (e2e-tests AlertmanagerIT runs it on the host, pointed at the test stack's monitor-service). Debian's package on
# purpose: nothing is downloaded at test time. Requires common.sh (step, die, apt_install).

AEGIS_ALERTMANAGER=${AEGIS_ALERTMANAGER:-/usr/bin/prometheus-alertmanager}

# ensure_alertmanager: installs prometheus-alertmanager with apt-get when it is missing, then checks that it starts.
# The package's own service is not needed (the suite starts its own instance on a free port).
ensure_alertmanager() {
  if [[ ! -x $AEGIS_ALERTMANAGER ]]; then
    step "Prometheus Alertmanager for the end-to-end suite: installing prometheus-alertmanager (Debian package)"
    apt_install prometheus-alertmanager
  fi
  local version
  version=$("$AEGIS_ALERTMANAGER" --version 2>&1 | grep -oE 'version [0-9]+(\.[0-9]+)+' | head -n 1)
  [[ -n $version ]] || die "$AEGIS_ALERTMANAGER does not start (--version printed no version)" \
    "run '$AEGIS_ALERTMANAGER --version' to see why" \
    "reinstall it: apt-get install -y --reinstall prometheus-alertmanager" \
    "or point AEGIS_ALERTMANAGER at an Alertmanager binary"
  step "Alertmanager for the end-to-end suite: $AEGIS_ALERTMANAGER ($version)"
}
