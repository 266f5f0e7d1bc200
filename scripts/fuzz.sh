#!/usr/bin/env bash
# Builds the libFuzzer targets with clang in build-fuzz/ and runs every
# tests/fuzz/fuzz_*.c target for $FUZZ_SECONDS seconds (default 20), starting
# from tests/fuzz/corpus/<name without fuzz_>/ when it exists. The corpus is
# copied to a temporary directory first, so the repository is not modified;
# crash, leak and timeout inputs are kept in build-fuzz/artifacts/<name>/.
# Exits non-zero if any target finds a problem.
#   FUZZ_SECONDS=60 scripts/fuzz.sh            every target for 60 s
#   scripts/fuzz.sh fuzz_csv                   only the named targets
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_EACH=${FUZZ_SECONDS:-20}
JOBS=${JOBS:-$(nproc)}
BUILD=build-fuzz

echo "== building fuzz targets in $BUILD (clang, ASan, UBSan)"
CC=clang cmake -S . -B "$BUILD" -DDANGBO_FUZZ=ON -DDANGBO_TESTS=OFF >/dev/null
cmake --build "$BUILD" -j "$JOBS" --target fuzz_all

if [ $# -gt 0 ]; then
  targets=("$@")
else
  targets=()
  for src in tests/fuzz/fuzz_*.c; do
    [ -e "$src" ] || continue
    targets+=("$(basename "$src" .c)")
  done
fi
if [ ${#targets[@]} -eq 0 ]; then
  echo "no fuzz targets in tests/fuzz/"
  exit 0
fi

WORK=$(mktemp -d "${TMPDIR:-/tmp}/dangbo-fuzz.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
failed=()
for t in "${targets[@]}"; do
  name=${t#fuzz_}
  corpus="$WORK/$name"
  mkdir -p "$corpus"
  if [ -d "tests/fuzz/corpus/$name" ]; then
    cp -R "tests/fuzz/corpus/$name/." "$corpus/"
  fi
  art="$BUILD/artifacts/$name"
  rm -rf "$art"
  mkdir -p "$art"
  echo "== $t for ${SECONDS_EACH}s"
  if "$BUILD/tests/fuzz/$t" -max_total_time="$SECONDS_EACH" -timeout=10 \
      -artifact_prefix="$art/" -print_final_stats=1 "$corpus" >"$WORK/$t.log" 2>&1; then
    grep -E '^(#[0-9]+ +DONE|stat::number_of_executed_units)' "$WORK/$t.log" || true
  else
    echo "$t FOUND A PROBLEM (inputs kept in $art/):"
    tail -n 60 "$WORK/$t.log"
    failed+=("$t")
  fi
done

if [ ${#failed[@]} -gt 0 ]; then
  echo "fuzzing failed: ${failed[*]}"
  exit 1
fi
echo "fuzzing: ${#targets[@]} target(s) ran ${SECONDS_EACH}s each with no problem found"
