#!/usr/bin/env bash
# check-po.sh
#
# Copyright 2026 The Tributary authors
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: check-po.sh [SRCROOT]
#
# Extracts the strings of every file in po/POTFILES.in into a fresh
# template, as `meson compile tributary-pot` would, then requires every
# language in po/LINGUAS to
#   - compile cleanly with `msgfmt --check`, with no fuzzy and no
#     untranslated messages, and
#   - translate every string of the fresh template (`msgcmp`), so a
#     string added to the sources without a translation fails here
#     rather than showing up in English, and
#   - translate nothing else: a string gone from the sources must leave.
# Prints the strings that need work.

set -euo pipefail

srcroot=${1:-"$(dirname "$0")/.."}
cd "$srcroot"

export LC_ALL=C.UTF-8

for tool in xgettext msgfmt msgcmp msgmerge msgattrib; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "$tool not found: install gettext" >&2
    exit 1
  fi
done

for f in po/POTFILES.in po/LINGUAS; do
  if [ ! -f "$f" ]; then
    echo "$f: no such file" >&2
    exit 1
  fi
done

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# Same parsing as check-potfiles.sh.
sed -e 's/#.*//' \
    -e 's/^[[:space:]]*//' -e 's/[[:space:]]*$//' \
    -e '/^\[encoding:.*\]$/d' \
    -e 's/^\[type:[^]]*\][[:space:]]*//' \
    -e '/^$/d' \
    po/POTFILES.in > "$tmp/POTFILES"

# The options of meson's 'glib' gettext preset plus po/meson.build's own.
# The language of each file comes from its name, as for meson: C for .c
# and .h, GtkBuilder (ITS rules) for .ui, Desktop for .desktop.in(.in),
# the AppStream and GSettings ITS rules for .metainfo.xml.in(.in) and
# .gschema.xml.in — xgettext looks through a trailing ".in".
if ! xgettext \
       --package-name=tributary \
       --files-from="$tmp/POTFILES" \
       --directory=. \
       --output="$tmp/tributary.pot" \
       --from-code=UTF-8 \
       --add-comments=Translators \
       --keyword=_ \
       --keyword=N_ \
       --keyword=C_:1c,2 \
       --keyword=NC_:1c,2 \
       --keyword=g_dcgettext:2 \
       --keyword=g_dngettext:2,3 \
       --keyword=g_dpgettext2:2c,3 \
       --flag=N_:1:pass-c-format \
       --flag=C_:2:pass-c-format \
       --flag=NC_:2:pass-c-format \
       --flag=g_dngettext:2:pass-c-format \
       --flag=g_strdup_printf:1:c-format \
       --flag=g_string_printf:2:c-format \
       --flag=g_string_append_printf:2:c-format \
       --flag=g_error_new:3:c-format \
       --flag=g_set_error:4:c-format \
       --flag=g_markup_printf_escaped:1:c-format \
       --flag=g_log:3:c-format \
       --flag=g_print:1:c-format \
       --flag=g_printerr:1:c-format \
       --flag=g_printf:1:c-format \
       --flag=g_fprintf:2:c-format \
       --flag=g_sprintf:2:c-format \
       --flag=g_snprintf:3:c-format; then
  echo "xgettext failed on the files in po/POTFILES.in" >&2
  exit 1
fi

if [ ! -f "$tmp/tributary.pot" ]; then
  # xgettext writes nothing when there is nothing to translate.
  echo "po/POTFILES.in: no translatable strings found" >&2
  exit 1
fi

# Prints the entries of a PO file as one line each:
#   [context] "msgid"  (file:line …)
list_entries() {
  awk '
    function flush() {
      if (id != "" && id != "\"\"") {
        printf "  %s%s", (ctx != "" ? "[" ctx "] " : ""), id
        if (loc != "") printf "  (%s)", loc
        printf "\n"
      }
      id = ""; ctx = ""; loc = ""; field = ""; done = 0
    }
    # An entry ends at a blank line or where the next one starts.
    done && /^(#|msgctxt |msgid )/ { flush() }
    /^#: /      { sub(/^#: /, ""); loc = (loc == "" ? $0 : loc " " $0); next }
    /^#/        { next }
    /^msgctxt / { sub(/^msgctxt /, ""); ctx = $0; field = "ctx"; next }
    /^msgid /   { sub(/^msgid /, ""); id = $0; field = "id"; next }
    /^msgid_plural / { field = ""; next }
    /^msgstr/   { field = ""; done = 1; next }
    /^"/ {
      if (field == "id") { id = (id == "\"\"" ? $0 : substr(id, 1, length(id) - 1) substr($0, 2)) }
      else if (field == "ctx") { ctx = substr(ctx, 1, length(ctx) - 1) substr($0, 2) }
      next
    }
    /^$/        { flush(); next }
    END         { flush() }
  ' "$1"
}

status=0
languages=$(sed -e 's/#.*//' po/LINGUAS | tr -s '[:space:]' '\n' | sed '/^$/d')
n_strings=$(msgattrib --no-obsolete "$tmp/tributary.pot" | grep -c '^msgid ' || true)
echo "po/POTFILES.in: $((n_strings > 0 ? n_strings - 1 : 0)) strings to translate"

# A translation that LINGUAS does not name is never built or installed.
for po in po/*.po; do
  [ -e "$po" ] || continue
  lang=$(basename "$po" .po)
  if ! printf '%s\n' "$languages" | grep -qxF -- "$lang"; then
    echo "$lang: $po exists but po/LINGUAS does not list $lang, so it is never built"
    status=1
  fi
done

for lang in $languages; do
  po="po/$lang.po"
  lang_ok=1

  if [ ! -f "$po" ]; then
    echo "$lang: $po is missing (listed in po/LINGUAS)"
    status=1
    continue
  fi

  if ! msgfmt --check --statistics -o /dev/null "$po" 2> "$tmp/msgfmt.log"; then
    echo "$lang: msgfmt --check failed:"
    sed 's/^/  /' "$tmp/msgfmt.log"
    status=1
    continue
  fi
  echo "$lang: $(tail -n 1 "$tmp/msgfmt.log")"
  # Warnings (a stale header, say) do not fail the check but are shown.
  head -n -1 "$tmp/msgfmt.log" | sed 's/^/  /'

  msgattrib --only-fuzzy --no-obsolete "$po" > "$tmp/fuzzy.po"
  if grep -q '^msgid ' "$tmp/fuzzy.po"; then
    echo "$lang: fuzzy messages in $po:"
    list_entries "$tmp/fuzzy.po"
    lang_ok=0
  fi
  msgattrib --untranslated --no-obsolete "$po" > "$tmp/untranslated.po"
  if grep -q '^msgid ' "$tmp/untranslated.po"; then
    echo "$lang: untranslated messages in $po:"
    list_entries "$tmp/untranslated.po"
    lang_ok=0
  fi

  # Every string of the fresh template must have a translation: no fuzzy
  # matching, and fuzzy or empty translations do not count.
  if ! msgcmp --no-fuzzy-matching "$po" "$tmp/tributary.pot" > "$tmp/msgcmp.log" 2>&1; then
    # msgcmp names only locations; list the strings themselves.
    msgmerge --quiet --no-fuzzy-matching --no-wrap -o "$tmp/merged.po" "$po" "$tmp/tributary.pot"
    msgattrib --untranslated --no-obsolete "$tmp/merged.po" > "$tmp/missing.po"
    msgattrib --only-fuzzy --no-obsolete "$tmp/merged.po" >> "$tmp/missing.po"
    echo "$lang: strings in the sources without a translation in $po:"
    list_entries "$tmp/missing.po" | sort -u
    lang_ok=0
  fi

  # A translation the sources no longer ask for is dead weight that
  # hides a renamed string's missing translation from review.
  msgmerge --quiet --no-fuzzy-matching --no-wrap -o "$tmp/stale.po" "$po" "$tmp/tributary.pot"
  msgattrib --only-obsolete "$tmp/stale.po" | sed -n 's/^#~ //p' > "$tmp/obsolete.po"
  if grep -q '^msgid ' "$tmp/obsolete.po"; then
    echo "$lang: translations in $po of strings the sources no longer have:"
    list_entries "$tmp/obsolete.po"
    lang_ok=0
  fi

  if [ "$lang_ok" -eq 1 ]; then
    echo "$lang: complete"
  else
    status=1
  fi
done

exit "$status"
