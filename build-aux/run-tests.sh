#!/usr/bin/env bash
# Installs what is missing, builds, and runs the whole test suite:
# a -Werror build with every test under Xvfb and a private D-Bus session,
# then an address/undefined sanitizer build of the headless tests, then
# a clang build that fuzzes each parser of outside input for a bounded
# time (tests/fuzz/README.md).
set -euo pipefail
cd "$(dirname "$0")/.."

bash build-aux/install-deps.sh --tests

meson setup _build -Ddevelopment=true -Dwerror=true --wipe >/dev/null 2>&1 || meson setup _build -Ddevelopment=true -Dwerror=true
ninja -C _build
xvfb-run -a -s "-screen 0 1600x1000x24" dbus-run-session -- meson test -C _build --print-errorlogs </dev/null

meson setup _build-asan -Ddevelopment=true -Dwerror=true -Db_sanitize=address,undefined -Db_lundef=false \
  --wipe >/dev/null 2>&1 || meson setup _build-asan -Ddevelopment=true -Dwerror=true -Db_sanitize=address,undefined -Db_lundef=false
# Only what the headless tests run is built: the widgets and the UI
# tests would double the build for tests this build does not run.
mapfile -t asan_targets < <(python3 build-aux/suite-targets.py _build-asan headless)
ninja -C _build-asan "${asan_targets[@]}"
ASAN_OPTIONS=detect_leaks=0 UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
  dbus-run-session -- meson test -C _build-asan --suite headless --no-rebuild --print-errorlogs </dev/null

# Only the fuzzers are built, not the whole application again; clang
# holds the code to the same warnings as gcc.
CC=clang meson setup _build-fuzz -Ddevelopment=true -Dwerror=true -Dfuzzing=true -Db_sanitize=address,undefined -Db_lundef=false \
  --wipe >/dev/null 2>&1 || CC=clang meson setup _build-fuzz -Ddevelopment=true -Dwerror=true -Dfuzzing=true -Db_sanitize=address,undefined -Db_lundef=false
meson compile -C _build-fuzz fuzz-targets
TRIB_FUZZ_SECONDS=${TRIB_FUZZ_SECONDS:-20} meson test -C _build-fuzz --suite fuzz --no-rebuild --print-errorlogs </dev/null
