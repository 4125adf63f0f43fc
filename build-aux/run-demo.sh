#!/usr/bin/env bash
# Installs what is missing, builds, and opens Tributary on the local demo
# platform (tributary-sim, started by the app and stopped when it quits).
# The simulator starts a throwaway PostgreSQL with the demo datasets, so
# the query page runs real SQL; it is deleted when the demo ends.
set -euo pipefail
cd "$(dirname "$0")/.."
bash build-aux/install-deps.sh

[ -d _build ] || meson setup _build -Ddevelopment=true
ninja -C _build
exec meson devenv -C _build env TRIBUTARY_SIM="$PWD/_build/tests/simulator/tributary-sim" TRIBUTARY_SIM_POSTGRES=start \
  ./src/tributary --demo
