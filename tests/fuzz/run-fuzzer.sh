#!/usr/bin/env bash
# Runs one libFuzzer target for a bounded time, as the `fuzz` suite of a
# -Dfuzzing=true build does:
#
#   run-fuzzer.sh FUZZER DICT CORPUS REGRESSIONS
#
# Every input of CORPUS and REGRESSIONS runs first, then the fuzzer
# mutates them for TRIB_FUZZ_SECONDS (default 45). What it learns goes
# to a throwaway folder, never into the tree; a crash, a leak, a
# sanitizer report, an input slower than 10 s or a run above 2 GB fails
# the test, and the input is kept in $TRIB_FUZZ_ARTEFACTS/<target>/.
set -euo pipefail

fuzzer=$1 dict=$2 corpus=$3 regressions=$4
name=$(basename "$fuzzer")
seconds=${TRIB_FUZZ_SECONDS:-45}
artefacts=${TRIB_FUZZ_ARTEFACTS:-$PWD/fuzz-artefacts}/$name

work=$(mktemp -d "${TMPDIR:-/tmp}/trib-fuzz-XXXXXX")
trap 'rm -rf "$work"' EXIT
mkdir -p "$artefacts"

inputs=("$work" "$corpus")
[ -d "$regressions" ] && inputs+=("$regressions")

status=0
"$fuzzer" \
  -max_total_time="$seconds" \
  -timeout=10 \
  -rss_limit_mb=2048 \
  -malloc_limit_mb=1024 \
  -dict="$dict" \
  -artifact_prefix="$artefacts/" \
  -print_final_stats=1 \
  "${inputs[@]}" || status=$?

if [ "$status" -ne 0 ]; then
  echo "$name failed; its input is in $artefacts/." >&2
  echo "Replay it with: $fuzzer <file>; once fixed, keep it in tests/fuzz/regressions/$name/." >&2
fi
exit "$status"
