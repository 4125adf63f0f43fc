#!/usr/bin/env bash
# Installs with apt whatever is missing to build Tributary and run its
# demo (PostgreSQL plays Data Distiller there); with --tests, also what
# the test suite needs (Xvfb and a way to type into it, a D-Bus session,
# a keyring, the data validators, clang and its libFuzzer, and AT-SPI
# to read the app as a screen reader does).
set -euo pipefail

packages=(meson ninja-build pkg-config gcc libgtk-4-dev libadwaita-1-dev libgtksourceview-5-dev libepoxy-dev
          libsoup-3.0-dev libjson-glib-dev libsecret-1-dev libpq-dev gettext libglib2.0-dev-bin
          adwaita-icon-theme fonts-cantarell postgresql openssl)
if [ "${1:-}" = "--tests" ]; then
  packages+=(appstream desktop-file-utils xvfb xauth dbus dbus-x11 gnome-keyring python3 xdotool
             clang libclang-rt-14-dev libatspi2.0-dev at-spi2-core)
fi

missing=()
for p in "${packages[@]}"; do
  dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO=sudo

# Tributary starts throwaway clusters of its own; the package's default
# cluster would only sit there using memory and port 5432.
if [ ! -e /etc/postgresql-common/createcluster.conf ]; then
  $SUDO mkdir -p /etc/postgresql-common
  echo "create_main_cluster = false" | $SUDO tee /etc/postgresql-common/createcluster.conf >/dev/null
fi

$SUDO apt-get update -q
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q --no-install-recommends \
  -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold "${missing[@]}"
