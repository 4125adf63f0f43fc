#!/usr/bin/env bash
# Installs with apt whatever is missing to build Tributary; with --tests,
# also what the test suite needs (Xvfb, a D-Bus session, a keyring,
# the data validators).
set -euo pipefail

packages=(meson ninja-build pkg-config gcc libgtk-4-dev libadwaita-1-dev libgtksourceview-5-dev
          libsoup-3.0-dev libjson-glib-dev libsecret-1-dev libpq-dev gettext libglib2.0-dev-bin
          adwaita-icon-theme fonts-cantarell)
if [ "${1:-}" = "--tests" ]; then
  packages+=(appstream desktop-file-utils xvfb xauth dbus dbus-x11 gnome-keyring python3)
fi

missing=()
for p in "${packages[@]}"; do
  dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO=sudo
$SUDO apt-get update -q
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q --no-install-recommends "${missing[@]}"
