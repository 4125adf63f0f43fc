#!/usr/bin/env bash
# Runs one UI test on an X server of its own: keys typed with xdotool go
# to the focused window of one server, so two UI tests on one server
# would type into each other, and on servers of their own they can run
# two at a time.
#
# usage: run-on-own-display.sh PROGRAM [ARGUMENT...]
set -u

display_file=$(mktemp)
Xvfb -displayfd 3 -screen 0 1600x1000x24 -nolisten tcp 3>"$display_file" >/dev/null 2>&1 &
xvfb=$!
trap 'kill "$xvfb" 2>/dev/null; wait "$xvfb" 2>/dev/null; rm -f "$display_file"' EXIT

for _ in $(seq 200); do
  [ -s "$display_file" ] && break
  if ! kill -0 "$xvfb" 2>/dev/null; then
    echo "Bail out! Xvfb did not start" >&2
    exit 1
  fi
  sleep 0.05
done
if [ ! -s "$display_file" ]; then
  echo "Bail out! Xvfb gave no display in 10 s" >&2
  exit 1
fi

DISPLAY=":$(head -n 1 "$display_file")" "$@"
