#!/usr/bin/env bash
# Installs what is missing, builds, and runs the whole test suite:
# a -Werror build with every test under Xvfb and a private D-Bus session,
# then an address/undefined sanitizer build of the headless tests.
set -euo pipefail
cd "$(dirname "$0")/.."

SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO=sudo
packages=(meson ninja-build pkg-config gcc libgtk-4-dev libadwaita-1-dev libgtksourceview-5-dev
          libsoup-3.0-dev libjson-glib-dev libsecret-1-dev libpq-dev gettext appstream
          desktop-file-utils libglib2.0-dev-bin xvfb xauth dbus dbus-x11 gnome-keyring
          adwaita-icon-theme fonts-cantarell)
missing=()
for p in "${packages[@]}"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
if [ ${#missing[@]} -gt 0 ]; then
  $SUDO apt-get update -q
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

meson setup _build -Ddevelopment=true -Dwerror=true --wipe >/dev/null 2>&1 || meson setup _build -Ddevelopment=true -Dwerror=true
ninja -C _build
xvfb-run -a -s "-screen 0 1600x1000x24" dbus-run-session -- meson test -C _build --print-errorlogs

meson setup _build-asan -Ddevelopment=true -Dwerror=true -Db_sanitize=address,undefined -Db_lundef=false \
  --wipe >/dev/null 2>&1 || meson setup _build-asan -Ddevelopment=true -Dwerror=true -Db_sanitize=address,undefined -Db_lundef=false
ninja -C _build-asan
ASAN_OPTIONS=detect_leaks=0 UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
  dbus-run-session -- meson test -C _build-asan --suite headless --print-errorlogs
