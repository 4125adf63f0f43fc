#!/usr/bin/env bash
# check-layers.sh
#
# Copyright 2026 The Tributary authors
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: check-layers.sh [SRCROOT]
#
# Fails if a file under src/ includes a header of a layer it must not
# depend on (src/DESIGN.md):
#
#   core/       core only
#   platform/   core, platform
#   distiller/  core, distiller
#   flows/      core, platform, flows
#   widgets/    anything
#
# and if any file in src/ or tests/ reaches a header through "../": a
# layer's meson dependency carries its include directory, so the
# dependency is the fence and a path around it is a hole in it.
# GTK, libadwaita and GtkSourceView are widget headers.

set -euo pipefail

srcroot=${1:-"$(dirname "$0")/.."}
cd "$srcroot"

layers=(core platform distiller flows widgets)
declare -A allowed=(
  [core]="core"
  [platform]="core platform"
  [distiller]="core distiller"
  [flows]="core platform flows"
)
# Headers meson generates into a layer.
declare -A generated=(
  [trib-platform-enums.h]=platform
)

# Which layer owns each header, read once: a lookup per include would
# fork for every line and take a minute on a loaded machine.
declare -A owner_of
for layer in "${layers[@]}"; do
  [ -d "src/$layer" ] || continue
  while IFS= read -r path; do
    owner_of[${path##*/}]=$layer
  done < <(find "src/$layer" -maxdepth 1 -name '*.h')
done
for name in "${!generated[@]}"; do
  owner_of[$name]=${generated[$name]}
done

status=0

while IFS=: read -r file line include; do
  echo "$file:$line: includes through \"../\": $include" >&2
  status=1
done < <(grep -rn --include='*.[ch]' '^#include "\.\./' src tests || true)

for layer in core platform distiller flows; do
  [ -d "src/$layer" ] || continue
  while IFS=: read -r file line include; do
    [[ $include =~ ^#include\ *[\<\"]([^\>\"]*)[\>\"] ]] || continue
    header=${BASH_REMATCH[1]}
    case "$header" in
      gtk/*|adwaita.h|gtksourceview/*)
        echo "$file:$line: $layer/ includes a widget header: $header" >&2
        status=1
        continue
        ;;
    esac
    owner=${owner_of[${header##*/}]:-}
    if [ -n "$owner" ] && [[ " ${allowed[$layer]} " != *" $owner "* ]]; then
      echo "$file:$line: $layer/ includes $owner/'s $header" >&2
      status=1
    fi
  done < <(grep -rn --include='*.[ch]' '^#include' "src/$layer" || true)
done

if [ $status -eq 0 ]; then
  echo "src/: every layer includes only what it may"
fi
exit $status
