#!/usr/bin/env bash
# THE test command (`npm test`, and `.ci/run` in CI). In order:
#   env          install Chromium, Node 24 and code-server when missing (scripts/vscode-env.sh)
#   typecheck    tsc --noEmit
#   unit         mocha on test/unit
#   build        esbuild bundles in dist/
#   package      the .vsix that users install
#   integration  the mocha suite inside VS Code's extension host, once per
#                fixture workspace (scripts/run-integration.ts)
#   e2e          the UI pass against code-server with the .vsix installed
# Any failing stage fails the whole command. Each stage's output is shown as
# it runs; its counts are repeated in the summary at the end.
#
# Every server and browser is started and stopped by the stage that needs it,
# also on failure and Ctrl-C. As a safety net, all runs live under one temp
# folder, and anything still running from it at the end is stopped and
# reported as a failure.
set -euo pipefail
cd "$(dirname "$0")/.."
# Everything below starts npm and node as a user's shell would, without the
# outer npm's settings (see scripts/lib/clean-env.sh).
# shellcheck source=scripts/lib/clean-env.sh
source scripts/lib/clean-env.sh
clean_npm_env

ROOT="$(mktemp -d "${TMPDIR:-/tmp}/cadence-test-XXXXXX")"
LOGS="${ROOT}/logs"
mkdir -p "${LOGS}" "${ROOT}/tmp"
# The runners make their run folders (code-server's data, Chromium's profile)
# under TMPDIR: here, so that the leftover check below can find them.
export TMPDIR="${ROOT}/tmp"

SUMMARY=()
TOTAL_PASSED=0
TOTAL_FAILED=0
CURRENT=""

# Processes (by PID) still running from this run's folder: leaked servers or
# browsers. Our own shell and pgrep itself never match (their command lines
# do not contain the folder).
leftovers() { pgrep -f -- "${ROOT}/tmp/" || true; }

finish() {
  local rc=$?
  trap - EXIT INT TERM
  local stray
  stray="$(leftovers)"
  if [[ -n "${stray}" ]]; then
    echo "test: processes left running by this run (stopping them): ${stray//$'\n'/ }" >&2
    # shellcheck disable=SC2086 # one PID per word
    kill ${stray} 2>/dev/null || true
    sleep 2
    stray="$(leftovers)"
    # shellcheck disable=SC2086
    [[ -n "${stray}" ]] && kill -9 ${stray} 2>/dev/null || true
    [[ ${rc} -eq 0 ]] && rc=1
  fi
  echo
  echo "================ summary ================"
  local line
  for line in "${SUMMARY[@]}"; do echo "  ${line}"; done
  if [[ ${rc} -ne 0 ]]; then
    echo "  ${CURRENT:-test: FAILED (exit ${rc})}"
    [[ ${TOTAL_FAILED} -eq 0 ]] && TOTAL_FAILED=1
    echo "logs kept in ${LOGS}"
  else
    rm -rf "${ROOT}"
  fi
  echo "total: ${TOTAL_PASSED} passed, ${TOTAL_FAILED} failed"
  exit "${rc}"
}
trap finish EXIT
# Ctrl-C reaches the running stage too (same process group); it stops its
# own server and browser, then this shell reports and exits.
trap 'echo; echo "test: interrupted" >&2; exit 130' INT
trap 'echo "test: terminated" >&2; exit 143' TERM

# stage NAME COMMAND...: runs COMMAND with a header, its output teed to a log.
stage() {
  local name="$1"; shift
  CURRENT="${name}: interrupted"
  echo
  echo "================ ${name} ================"
  local start=${SECONDS} rc
  set +e
  # tee ignores Ctrl-C so that it still carries what the stage prints while
  # stopping its server (a dead pipe would cut that short).
  "$@" 2>&1 | (trap '' INT; tee "${LOGS}/${name}.log")
  rc=${PIPESTATUS[0]} # the command's status, not tee's
  set -e
  count "${name}"
  if [[ ${rc} -ne 0 ]]; then
    CURRENT="${name}: FAILED (exit ${rc}) ${COUNTS}"
    exit "${rc}"
  fi
  SUMMARY+=("$(printf '%-12s ok  %4ss  %s' "${name}" "$((SECONDS - start))" "${COUNTS}")")
  CURRENT=""
}

# count NAME: sets COUNTS to "N passed, N failed" from a stage's log (empty
# for stages without tests) and adds them to the totals.
COUNTS=""
count() {
  local log="${LOGS}/$1.log" passed="" failed=""
  COUNTS=""
  # mocha's spec/dot reporters: "  12 passing (3s)" / "  1 failing"
  if grep -Eq '^ *[0-9]+ passing' "${log}"; then
    passed="$(grep -Eo '^ *[0-9]+ passing' "${log}" | tail -n1 | grep -Eo '[0-9]+')"
    failed="$(grep -Eo '^ *[0-9]+ failing' "${log}" | tail -n1 | grep -Eo '[0-9]+' || echo 0)"
  # the integration runner: "integration: 8 passed, 0 failed"
  elif grep -Eq '^[a-z]+: [0-9]+ passed, [0-9]+ failed' "${log}"; then
    local line
    line="$(grep -E '^[a-z]+: [0-9]+ passed, [0-9]+ failed' "${log}" | tail -n1)"
    passed="$(sed -E 's/^[a-z]+: ([0-9]+) passed.*/\1/' <<<"${line}")"
    failed="$(sed -E 's/.* ([0-9]+) failed.*/\1/' <<<"${line}")"
  fi
  [[ -z "${passed}" ]] && return 0
  TOTAL_PASSED=$((TOTAL_PASSED + passed))
  TOTAL_FAILED=$((TOTAL_FAILED + failed))
  COUNTS="${passed} passed, ${failed} failed"
}

require_tests() {
  # A stage that ran no test at all is a failure, not a pass.
  local name="$1"
  if ! grep -Eq '([1-9][0-9]* passing|: [1-9][0-9]* passed)' "${LOGS}/${name}.log"; then
    echo "test: the ${name} stage ran no test" >&2
    CURRENT="${name}: FAILED (ran no test)"
    exit 1
  fi
}

stage env          bash scripts/vscode-env.sh
stage typecheck    npm run --silent typecheck
stage unit         npm run --silent test:unit
require_tests unit
stage build        npm run --silent build
stage package      npm run --silent package
stage integration  npm run --silent test:integration
require_tests integration
stage e2e          npm run --silent test:e2e
require_tests e2e
