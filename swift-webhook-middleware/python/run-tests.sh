#!/usr/bin/env bash
# Runs the filter's pytest suite in its venv, creating the venv first if needed:
#   ${ZONELAKE_SERVICES_DIR:-/tmp/zonelake-services}/venvs/webhook  (pytest from requirements-test.txt)
# Extra arguments go to pytest, e.g. `python/run-tests.sh -k spool`.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
VENV="${ZONELAKE_SERVICES_DIR:-/tmp/zonelake-services}/venvs/webhook"
PYTHON="${PYTHON:-python3}"

if [ ! -x "$VENV/bin/pytest" ] || ! cmp -s "$HERE/requirements-test.txt" "$VENV/.requirements-test.txt"; then
  "$PYTHON" -m venv "$VENV"
  "$VENV/bin/pip" install --quiet --disable-pip-version-check -r "$HERE/requirements-test.txt"
  cp "$HERE/requirements-test.txt" "$VENV/.requirements-test.txt"
fi
cd "$HERE"
exec "$VENV/bin/pytest" -p no:cacheprovider "$@"
