#!/usr/bin/env bash
# `npm start`: builds Cadence and opens the sample team (samples/team/) with
# it loaded in a real VS Code.
#  - desktop VS Code: when `code` is on PATH, as an extension development host;
#  - otherwise: a throw-away code-server on 127.0.0.1 (a free port, or
#    CADENCE_PORT) with the packaged .vsix installed; prints the URL and stays
#    in the foreground until Ctrl-C, which stops the server.
# CADENCE_USE_CODE_SERVER=1 picks code-server even when `code` is on PATH.
set -euo pipefail
cd "$(dirname "$0")/.."
# Everything below starts npm and node as a user's shell would, without the
# outer npm's settings (see scripts/lib/clean-env.sh).
# shellcheck source=scripts/lib/clean-env.sh
source scripts/lib/clean-env.sh
clean_npm_env

echo "== building Cadence"
npm run --silent build

if command -v code >/dev/null 2>&1 && [[ -z "${CADENCE_USE_CODE_SERVER:-}" ]]; then
  echo "== opening samples/team in VS Code ($(command -v code))"
  exec code --new-window --extensionDevelopmentPath="${PWD}" "${PWD}/samples/team"
fi

echo "== no 'code' on PATH: using code-server (installed on first use into ${CADENCE_TEST_CACHE:-~/.cache/cadence-test})"
bash scripts/vscode-env.sh
npm run --silent package >/dev/null
# exec: Ctrl-C goes straight to the server's owner, which stops it.
exec node --import tsx scripts/serve.ts "${PWD}/samples/team"
