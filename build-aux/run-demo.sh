#!/usr/bin/env bash
# Installs what is missing, builds, and opens Tributary on the local demo
# platform (tributary-sim, started by the app and stopped when it quits).
set -euo pipefail
cd "$(dirname "$0")/.."
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO=sudo
packages=(meson ninja-build pkg-config gcc libgtk-4-dev libadwaita-1-dev libgtksourceview-5-dev
          libsoup-3.0-dev libjson-glib-dev libsecret-1-dev libpq-dev gettext appstream
          desktop-file-utils libglib2.0-dev-bin)
missing=()
for p in "${packages[@]}"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
if [ ${#missing[@]} -gt 0 ]; then
  $SUDO apt-get update -q
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q --no-install-recommends "${missing[@]}"
fi
[ -d _build ] || meson setup _build -Ddevelopment=true
ninja -C _build
exec meson devenv -C _build env TRIBUTARY_SIM="$PWD/_build/tests/simulator/tributary-sim" ./src/tributary --demo
