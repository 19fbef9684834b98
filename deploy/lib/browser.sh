# shellcheck shell=bash
# The headless browser behind the dashboard's browser tests (e2e-tests DashboardIT): Debian's chromium and its
# matching chromium-driver. Debian's packages on purpose: the two always come in the same version, and nothing
# is downloaded at test time (Selenium Manager's browser and driver downloads need hosts that are not reachable
# here). Requires common.sh (step, note, die, apt_install).

AEGIS_CHROMIUM=${AEGIS_CHROMIUM:-/usr/bin/chromium}
AEGIS_CHROMEDRIVER=${AEGIS_CHROMEDRIVER:-/usr/bin/chromedriver}

# browser_version: "Chromium 156.0.8078.79 built on Debian ..." -> "156.0.8078.79" (empty when unknown)
browser_version() { "$AEGIS_CHROMIUM" --version 2>/dev/null | grep -oE '[0-9]+(\.[0-9]+)+' | head -n 1; }
driver_version() { "$AEGIS_CHROMEDRIVER" --version 2>/dev/null | grep -oE '[0-9]+(\.[0-9]+)+' | head -n 1; }

# ensure_browser: installs chromium and chromium-driver with apt-get when either is missing, then checks that
# both start and that their major versions agree (chromedriver refuses a browser of another major version,
# and the failure then only shows inside the test run as "session not created").
ensure_browser() {
  local missing=()
  [[ -x $AEGIS_CHROMIUM ]] || missing+=(chromium)
  [[ -x $AEGIS_CHROMEDRIVER ]] || missing+=(chromium-driver)
  if ((${#missing[@]})); then
    step "Headless browser for the dashboard tests: installing ${missing[*]} (Debian packages, about 100 MB)"
    apt_install "${missing[@]}"
  fi
  [[ -x $AEGIS_CHROMIUM ]] || die "$AEGIS_CHROMIUM is missing after installing chromium" \
    "install it by hand: apt-get install -y chromium chromium-driver" \
    "or point AEGIS_CHROMIUM at a Chromium binary"
  [[ -x $AEGIS_CHROMEDRIVER ]] || die "$AEGIS_CHROMEDRIVER is missing after installing chromium-driver" \
    "install it by hand: apt-get install -y chromium-driver" \
    "or point AEGIS_CHROMEDRIVER at a chromedriver of the same major version as Chromium"

  local browser driver
  browser=$(browser_version)
  driver=$(driver_version)
  [[ -n $browser ]] || die "$AEGIS_CHROMIUM does not start (chromium --version printed no version)" \
    "run '$AEGIS_CHROMIUM --headless --no-sandbox --version' to see why" \
    "reinstall it: apt-get install -y --reinstall chromium"
  [[ -n $driver ]] || die "$AEGIS_CHROMEDRIVER does not start (chromedriver --version printed no version)" \
    "run '$AEGIS_CHROMEDRIVER --version' to see why" \
    "reinstall it: apt-get install -y --reinstall chromium-driver"
  if [[ ${browser%%.*} != "${driver%%.*}" ]]; then
    die "Chromium $browser and chromedriver $driver are different major versions; chromedriver will refuse it" \
      "upgrade both together: apt-get install -y --only-upgrade chromium chromium-driver"
  fi
  step "Headless browser: Chromium $browser with chromedriver $driver"
}
