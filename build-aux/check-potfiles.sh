#!/usr/bin/env bash
# check-potfiles.sh
#
# Copyright 2026 The Tributary authors
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: check-potfiles.sh [SRCROOT]
#
# Fails if po/POTFILES.in misses a file that has translatable strings,
# lists a file that does not exist, lists a file twice or is not sorted.
# A string in a file that is not listed is silently never translated, so
# this runs as a test (meson test --suite po) rather than being left to
# whoever next updates the .pot.
#
# A file has translatable strings when it is
#   - under src/ and calls _(), N_(), C_(), NC_(), Q_() or g_dngettext()
#     (with or without a space before the parenthesis),
#   - under src/, ui/ or data/ and has translatable="yes",
#   - a data/ template (*.in) for a desktop entry, a metainfo file or a
#     GSettings schema with something to translate in it.

set -euo pipefail

srcroot=${1:-"$(dirname "$0")/.."}
cd "$srcroot"

potfiles=po/POTFILES.in
if [ ! -f "$potfiles" ]; then
  echo "$potfiles: no such file" >&2
  exit 1
fi

export LC_ALL=C

# The entries of POTFILES.in, in file order: no comments, blank lines or
# intltool-style "[encoding: …]" / "[type: …]" markers.
listed=$(sed -e 's/#.*//' \
             -e 's/^[[:space:]]*//' -e 's/[[:space:]]*$//' \
             -e '/^\[encoding:.*\]$/d' \
             -e 's/^\[type:[^]]*\][[:space:]]*//' \
             -e '/^$/d' \
             "$potfiles")

keyword_re='(^|[^[:alnum:]_])(_|N_|C_|NC_|Q_|g_dngettext|g_dpgettext2)[[:space:]]*\('
translatable_re='translatable[[:space:]]*=[[:space:]]*"yes"'

# Files that need to be listed.
needed=$(
  {
    if [ -d src ]; then
      find src -type f \( -name '*.c' -o -name '*.h' -o -name '*.c.in' -o -name '*.h.in' \) \
        -exec grep -lIE -- "$keyword_re" {} + || true
    fi
    for dir in src ui data; do
      [ -d "$dir" ] || continue
      find "$dir" -type f ! -path 'data/icons/*' \
        -exec grep -lIE -- "$translatable_re" {} + || true
    done
    if [ -d data ]; then
      find data -type f -name '*.in' ! -path 'data/icons/*' | while read -r f; do
        case "$f" in
          *.desktop.in|*.desktop.in.in)
            grep -qE '^(Name|GenericName|Comment|Keywords|X-GNOME-FullName)=' "$f" && echo "$f" ;;
          *.metainfo.xml.in|*.metainfo.xml.in.in|*.appdata.xml.in|*.appdata.xml.in.in)
            grep -qE '<(name|summary|p|li)[[:space:]>]' "$f" && echo "$f" ;;
          *.gschema.xml.in|*.gschema.xml.in.in)
            grep -qE '<(summary|description)[[:space:]>]' "$f" && echo "$f" ;;
        esac
      done
    fi
  } | sed 's|^\./||' | sort -u
)

status=0

missing=$(comm -23 <(printf '%s\n' "$needed" | sed '/^$/d') \
                   <(printf '%s\n' "$listed" | sed '/^$/d' | sort -u))
if [ -n "$missing" ]; then
  echo "$potfiles does not list these files, which have translatable strings:"
  printf '%s\n' "$missing" | sed 's/^/  /'
  status=1
fi

gone=""
while read -r f; do
  [ -n "$f" ] || continue
  [ -f "$f" ] || gone+="$f"$'\n'
done <<< "$listed"
if [ -n "$gone" ]; then
  echo "$potfiles lists files that do not exist:"
  printf '%s' "$gone" | sed 's/^/  /'
  status=1
fi

dups=$(printf '%s\n' "$listed" | sed '/^$/d' | sort | uniq -d)
if [ -n "$dups" ]; then
  echo "$potfiles lists these files more than once:"
  printf '%s\n' "$dups" | sed 's/^/  /'
  status=1
fi

if ! printf '%s\n' "$listed" | sed '/^$/d' | sort -c 2>/dev/null; then
  echo "$potfiles is not sorted (LC_ALL=C sort); expected order:"
  printf '%s\n' "$listed" | sed '/^$/d' | sort -u | sed 's/^/  /'
  status=1
fi

if [ "$status" -eq 0 ]; then
  echo "$potfiles: $(printf '%s\n' "$listed" | sed '/^$/d' | wc -l) files listed, none missing"
fi
exit "$status"
