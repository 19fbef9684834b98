# shellcheck shell=bash
# The Maven side: the JDK and Maven on the host, packaging the six services for their images, and running
# test suites with output a CI log can be read from (a line per module, the test summaries, the failures).

SERVICE_MODULES=(buggy-app monitor-service diagnosis-service remediation-service approval-service dashboard)

java_major() {
  local version
  version=$(javac -version 2>&1 | awk '{print $2}') || return 1
  [[ $version == 1.* ]] && version=${version#1.}
  printf '%s' "${version%%.*}"
}

# JDK 17+ and Maven, from Debian's packages if missing.
require_maven() {
  local major
  major=$(java_major 2>/dev/null || true)
  if ! command -v mvn >/dev/null || [[ ! $major =~ ^[0-9]+$ ]] || ((major < 17)); then
    apt_install openjdk-17-jdk-headless maven
  fi
}

# mvn package of the six services (and the modules they need), tests skipped: `up` builds images from it.
package_services() {
  require_maven
  local modules
  modules=$(IFS=,; printf '%s' "${SERVICE_MODULES[*]}")
  run_step maven-package "Packaging the services (mvn package, tests skipped)" \
    mvn -B -ntp -f "$AEGIS_ROOT/pom.xml" -Dmaven.test.skip=true package -pl "$modules" -am ||
    die "the Maven build failed" "fix the error above (full log: $AEGIS_LOG_DIR/maven-package.log)" \
      "or start the last images that were built: ./aegisops up --skip-build"
}

require_packaged_services() {
  local module
  for module in "${SERVICE_MODULES[@]}"; do
    [[ -f $AEGIS_ROOT/$module/target/quarkus-app/quarkus-run.jar ]] ||
      die "$module is not packaged ($module/target/quarkus-app is missing)" \
        "run ./aegisops up without --skip-build, or mvn -B -DskipTests package"
  done
}

# Reads Maven's output and keeps what a reader of a CI log needs: which module is building, each test
# summary (surefire = unit and @QuarkusTest, failsafe = *IT), every [ERROR] line, the build result, and a
# grand total at the end.
maven_progress() {
  local line plugin=tests total=0 failures=0 errors=0 skipped=0 run fail err skip
  while IFS= read -r line; do
    case $line in
      *'[INFO] Building '*'['[0-9]*/[0-9]*']'*)
        line=${line#*Building }
        step "  mvn: building ${line%% *} ${line##* }" ;;
      *'--- '*surefire*':test '*) plugin=surefire ;;
      *'--- '*failsafe*':integration-test '*) plugin=failsafe ;;
      *'Tests run:'*'Time elapsed'*) ;; # one line per test class: too many for the console
      *'Tests run:'*', Failures: '*)
        printf '        %s %s\n' "$plugin" "${line#*] }"
        if [[ $line =~ Tests\ run:\ ([0-9]+),\ Failures:\ ([0-9]+),\ Errors:\ ([0-9]+),\ Skipped:\ ([0-9]+) ]]; then
          run=${BASH_REMATCH[1]} fail=${BASH_REMATCH[2]} err=${BASH_REMATCH[3]} skip=${BASH_REMATCH[4]}
          total=$((total + run)) failures=$((failures + fail)) errors=$((errors + err)) skipped=$((skipped + skip))
        fi ;;
      '[ERROR]'*) printf '        %s\n' "$line" ;;
      *'BUILD SUCCESS'* | *'BUILD FAILURE'*) step "  mvn: ${line#*] }" ;;
    esac
  done
  step "  tests in total: $total run, $failures failures, $errors errors, $skipped skipped"
}

# mvn_suite <log name> <description> <mvn args...>: a Maven run whose console output is maven_progress.
# On failure, the failing tests' messages are printed too: CI keeps the console, not the log file.
mvn_suite() {
  local log=$AEGIS_LOG_DIR/$1.log what=$2 started=$SECONDS rc
  shift 2
  step "$what ..."
  start_heartbeat "$what"
  set +e
  mvn -f "$AEGIS_ROOT/pom.xml" "$@" 2>&1 | tee "$log" | maven_progress
  rc=${PIPESTATUS[0]}
  set -e
  stop_heartbeat
  if ((rc != 0)); then
    step "$what FAILED after $((SECONDS - started))s. Failing tests (full output: $log):"
    grep -E -A 25 '<<< (FAILURE|ERROR)!' "$log" | head -n 300 | sed 's/^/    | /' || true
    # The short form again for the very end of the output (diagnostics follow and push the above out of a tail).
    { grep -E -A 2 '<<< (FAILURE|ERROR)!' "$log" || echo "no test failed: Maven itself did (see $log)"; } |
      cut -c 1-400 | head -n 30 >"$AEGIS_LOG_DIR/failed-tests.txt" || true
    return "$rc"
  fi
  step "$what: passed in $((SECONDS - started))s"
}
