#!/usr/bin/env bash
# The whole test suite (the README's test command): installs what it needs,
# builds, runs every unit, golden, CLI and API test under CTest (the store and
# CLI tests again on PostgreSQL), then the same under ASan+UBSan, then each
# fuzz target briefly.
set -euo pipefail
cd "$(dirname "$0")/.."
JOBS=$(nproc)
scripts/bootstrap.sh test

echo "== build and test (RelWithDebInfo)"
cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build -j "$JOBS"
(cd build && ctest --output-on-failure -j "$JOBS")
echo "== store and CLI tests on PostgreSQL (a throwaway server)"
scripts/pg-test.sh build

echo "== build and test under AddressSanitizer + UndefinedBehaviorSanitizer"
cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=Debug -DDANGBO_SANITIZE=ON >/dev/null
cmake --build build-asan -j "$JOBS"
export LSAN_OPTIONS="suppressions=$PWD/tests/lsan.supp:print_suppressions=0"
(cd build-asan && ASAN_OPTIONS=detect_leaks=1 ctest --output-on-failure -j "$JOBS")
ASAN_OPTIONS=detect_leaks=1 scripts/pg-test.sh build-asan

if [ -x scripts/fuzz.sh ]; then
  echo "== fuzz targets, briefly"
  FUZZ_SECONDS=${FUZZ_SECONDS:-20} scripts/fuzz.sh
fi
echo "== all tests passed"
