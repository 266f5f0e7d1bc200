#!/usr/bin/env bash
# Browser tests of the web UI (issue 6): Debian's chromium driven by
# playwright-core (installed here with `npm ci` from package-lock.json; no
# browser is ever downloaded). Starts `dangbo serve` on a free loopback port
# with a temporary demo database (one province) and an administrator, runs
# the scenarios (*.test.mjs) with node's built-in test runner, and stops the
# server.
#
# Environment: DANGBO the binary (default: build/dangbo of this checkout);
# CHROMIUM the browser (default /usr/bin/chromium); SHOTS a directory to
# save a screenshot of every page into (default: none; never the repository).
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
DANGBO=${DANGBO:-$ROOT/build/dangbo}
export CHROMIUM=${CHROMIUM:-/usr/bin/chromium}

for tool in node npm; do
  command -v "$tool" >/dev/null || { echo "browser tests: $tool is missing (scripts/bootstrap.sh test installs it)" >&2; exit 1; }
done
[ -x "$CHROMIUM" ] || { echo "browser tests: no browser at $CHROMIUM (scripts/bootstrap.sh test installs chromium)" >&2; exit 1; }
[ -x "$DANGBO" ] || { echo "browser tests: no dangbo binary at $DANGBO" >&2; exit 1; }

# playwright-core, exactly as locked; reinstalled only when the lock changes.
# Two test runs at once share the directory: one installs, the other waits.
(
  flock 9
  stamp=$(sha256sum "$HERE/package-lock.json" | cut -d' ' -f1)
  if [ "$(cat "$HERE/node_modules/.dangbo-stamp" 2>/dev/null)" != "$stamp" ]; then
    (cd "$HERE" && npm ci --no-audit --no-fund --loglevel=error >&2)
    echo "$stamp" >"$HERE/node_modules/.dangbo-stamp"
  fi
) 9>"${TMPDIR:-/tmp}/dangbo-browser-npm.lock"

TMP=$(mktemp -d "${TMPDIR:-/tmp}/dangbo-browser.XXXXXX")
SERVER_PID=
cleanup() {
  if [ -n "$SERVER_PID" ]; then kill "$SERVER_PID" 2>/dev/null || true; wait "$SERVER_PID" 2>/dev/null || true; fi
  rm -rf "$TMP"
}
trap cleanup EXIT

export DANGBO_DB="$TMP/ui.db"
export DANGBO_TODAY=2026-11-23
export DANGBO_NO_PROGRESS=1
"$DANGBO" init >/dev/null 2>"$TMP/setup.log"
"$DANGBO" demo --province QN --seed 1 >/dev/null 2>>"$TMP/setup.log" || { cat "$TMP/setup.log" >&2; exit 1; }
# congresses of the 2025-2030 term: four cells planned, three held (the dashboard's progress chart)
for c in 01 02 03 04; do
  "$DANGBO" congress plan --org "QN.06652.01.$c" --term 2025-2030 --kind members --planned 2025-03-10 \
    --notice 2025-01-10 2>>"$TMP/setup.log" || { cat "$TMP/setup.log" >&2; exit 1; }
done
for c in 01 02 03; do
  "$DANGBO" congress hold --org "QN.06652.01.$c" --term 2025-2030 --date 2025-03-10 2>>"$TMP/setup.log"
done
# the 2025 quality ratings of the nine base organizations of QN.06652 (the dashboard's ratings chart)
{
  echo "period,subject_type,subject,score,level,self_review,override_reason"
  for c in 01 02; do echo "2025,org,QN.06652.$c,92,excellent,yes,"; done
  for c in 03 04 05 06 07; do echo "2025,org,QN.06652.$c,80,good,yes,"; done
  echo "2025,org,QN.06652.08,60,completed,yes,"
  echo "2025,org,QN.06652.09,40,failed,no,"
} >"$TMP/ratings.csv"
"$DANGBO" import ratings "$TMP/ratings.csv" 2>>"$TMP/setup.log" || { cat "$TMP/setup.log" >&2; exit 1; }
echo "matkhau-admin" | "$DANGBO" user add admin --role admin --org QN 2>>"$TMP/setup.log"
echo "matkhau-canbo" | "$DANGBO" user add canbo --role staff --org QN 2>>"$TMP/setup.log"

"$DANGBO" serve --listen 127.0.0.1:0 --threads 4 >"$TMP/url" 2>"$TMP/server.log" &
SERVER_PID=$!
for _ in $(seq 1 200); do
  [ -s "$TMP/url" ] && break
  sleep 0.05
done
BASE_URL=$(head -1 "$TMP/url")
[ -n "$BASE_URL" ] || { echo "the server did not start:" >&2; cat "$TMP/server.log" >&2; exit 1; }
export BASE_URL DANGBO TMP

cd "$HERE"
status=0
node --test --test-concurrency=1 --test-reporter=spec ./*.test.mjs || status=$?
if [ "$status" -ne 0 ]; then
  echo "--- server log (last 40 lines)" >&2
  tail -40 "$TMP/server.log" >&2
fi
exit "$status"
