#!/usr/bin/env bash
# Runs the diagnosis eval (labelled scenarios in diagnosis-service/src/test/resources/eval, scored against the
# rules engine, and against the model diagnoser in front of the rules: replayed answers from eval/llm-answers, or your
# model when AEGIS_LLM_BASE_URL / AEGIS_OLLAMA_URL (+ key, model) are set) and prints its summary. Exit code: non-zero when the eval fails (invalid scenario, a safety
# violation, accuracy below its floor) or the build does.
#
#   deploy/eval.sh                 # online Maven
#   MVN_FLAGS=-o deploy/eval.sh    # offline, with the local repository
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
report="$root/diagnosis-service/target/eval-report.md"
llm_report="$root/diagnosis-service/target/eval-report-llm.md"
mvn_cmd="${MVN:-mvn}"
rm -f "$report" "$llm_report"

cd "$root"
status=0
# shellcheck disable=SC2086  # MVN_FLAGS is a list of flags on purpose
"$mvn_cmd" -B -q ${MVN_FLAGS:-} -pl diagnosis-service -am test -Dtest='DiagnosisEvalTest,ModelEvalTest' \
  -Dsurefire.failIfNoSpecifiedTests=false || status=$?
if [[ $status -ne 0 ]]; then
  echo "diagnosis eval FAILED (mvn exit $status); surefire: diagnosis-service/target/surefire-reports" >&2
  if [[ -f "$report" ]]; then echo "report: $report" >&2; fi
  exit "$status"
fi

if [[ ! -f "$report" ]]; then
  echo "diagnosis eval ran but wrote no report at $report" >&2
  exit 1
fi
echo "report: $report"
# The summary table, the safety line and the misses: everything before the per-scenario rows.
sed -n '/^| engine |/,/^## Scenarios/p' "$report" | sed '$d'
if [[ -f "$llm_report" ]]; then
  echo
  echo "with the model in front of the rules (report: $llm_report):"
  sed -n '/^| engine |/,/^## /p' "$llm_report" | sed '$d'
fi
