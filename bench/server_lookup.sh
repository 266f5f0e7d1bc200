#!/usr/bin/env bash
# Server benchmark (issue 6): `dangbo serve` on loopback, with wrk at 64
# connections, against
#   1. member lookup by id:   GET /api/v1/members/{member_id}
#   2. search by name:        GET /api/v1/members?q=<a member's full name>
# each compared in the same run with nginx serving a static JSON file of the
# same size (this machine's ceiling for that response size), from a
# temporary configuration on another port. Prints requests/s, p99 latency
# and the server's resident memory (now and peak).
#
# Usage: bench/server_lookup.sh [DB]
#   DB defaults to bench/out/hn.db, made with `dangbo demo --province HN`.
#   DANGBO=path/to/dangbo uses that binary instead of building build/dangbo.
#   DURATION (default 15s), THREADS (server worker threads, default 4),
#   CONNS (default 64) tune the run.
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=$PWD/bench/out
mkdir -p "$OUT"
if [ -n "${DANGBO:-}" ]; then BIN=$(realpath "$DANGBO"); else make -s build >/dev/null; BIN=$PWD/build/dangbo; fi
DB=${1:-$OUT/hn.db}
DURATION=${DURATION:-15s}
THREADS=${THREADS:-4}
CONNS=${CONNS:-64}
for t in wrk nginx curl jq sqlite3; do command -v $t >/dev/null || { echo "needs $t (scripts/bootstrap.sh all)" >&2; exit 1; }; done
export DANGBO_NO_PROGRESS=1

if [ ! -f "$DB" ]; then
  echo "== making $DB with dangbo demo --province HN"
  "$BIN" --db "$DB" init 2>/dev/null
  /usr/bin/time -f "demo: %e s" "$BIN" --db "$DB" demo --province HN
fi
ROOT=$(sqlite3 "$DB" "SELECT code FROM org WHERE parent_id IS NULL ORDER BY id LIMIT 1")
NM=$(sqlite3 "$DB" "SELECT count(*) FROM member")
NO=$(sqlite3 "$DB" "SELECT count(*) FROM org")
if ! "$BIN" --db "$DB" user list 2>/dev/null | grep -q '^bench'; then
  echo "bench-password" | "$BIN" --db "$DB" user add bench --role admin --org "$ROOT" 2>/dev/null
fi
echo "database: $DB ($NO organizations, $NM members; root $ROOT)"

TMP=$(mktemp -d /tmp/dangbo-bench.XXXXXX)
SPID= NPID=
cleanup() {
  [ -n "$SPID" ] && kill "$SPID" 2>/dev/null && wait "$SPID" 2>/dev/null
  [ -n "$NPID" ] && kill "$NPID" 2>/dev/null && wait "$NPID" 2>/dev/null
  rm -rf "$TMP"
}
trap cleanup EXIT

"$BIN" --db "$DB" serve --listen 127.0.0.1:0 --threads "$THREADS" --quiet >"$TMP/url" 2>"$TMP/server.log" &
SPID=$!
for _ in $(seq 1 100); do [ -s "$TMP/url" ] && break; sleep 0.1; done
URL=$(head -1 "$TMP/url")
URL=${URL%/}
TOKEN=$(curl -s -c - -H 'Content-Type: application/json' -d '{"login":"bench","password":"bench-password"}' \
  "$URL/api/v1/session" | awk '$6 == "dangbo_session" {print $7}')
[ -n "$TOKEN" ] || { echo "cannot log in" >&2; cat "$TMP/server.log" >&2; exit 1; }

# a member in the middle of the table, and a full name to search for
ID=$(sqlite3 "$DB" "SELECT member_id FROM member WHERE status = 'official' ORDER BY id LIMIT 1 OFFSET $((NM / 2))")
NAME=$(sqlite3 "$DB" "SELECT full_name FROM member WHERE status = 'official' ORDER BY id LIMIT 1 OFFSET $((NM / 3))")
Q=$(jq -rn --arg s "$NAME" '$s | @uri')
LOOKUP="/api/v1/members/$ID"
SEARCH="/api/v1/members?q=$Q"

# nginx serving files of the same sizes
mkdir -p "$TMP/www"
curl -s -b "dangbo_session=$TOKEN" "$URL$LOOKUP" >"$TMP/www/lookup.json"
curl -s -b "dangbo_session=$TOKEN" "$URL$SEARCH" >"$TMP/www/search.json"
HITS=$(jq .total "$TMP/www/search.json")
chmod -R a+rX "$TMP"
PORT2=$((20000 + RANDOM % 20000))
cat >"$TMP/nginx.conf" <<EOF
worker_processes auto;
pid $TMP/nginx.pid;
error_log $TMP/nginx.err;
events { worker_connections 1024; }
http {
  access_log off;
  default_type application/json;
  keepalive_requests 1000000;
  server { listen 127.0.0.1:$PORT2; root $TMP/www; }
}
EOF
nginx -c "$TMP/nginx.conf" -p "$TMP" -g 'daemon off;' &
NPID=$!
sleep 0.5

# run NAME URL [HEADER]: wrk, then "req/s p99"
run() {
  local name=$1 url=$2
  shift 2
  wrk -t2 -c"$CONNS" -d"$DURATION" --latency "$@" "$url" >"$TMP/$name.wrk"
  local rps p99 errs
  rps=$(awk '/^Requests\/sec:/ {print $2}' "$TMP/$name.wrk")
  p99=$(awk '$1 == "99%" {print $2}' "$TMP/$name.wrk")
  errs=$(awk '/Non-2xx or 3xx responses:/ {print $5}' "$TMP/$name.wrk")
  printf "%-34s %10s req/s   p99 %8s%s\n" "$name" "$rps" "$p99" "${errs:+   NON-2xx: $errs}"
}
echo "== wrk -t2 -c$CONNS -d$DURATION, server with $THREADS worker threads"
echo "lookup response: $(wc -c <"$TMP/www/lookup.json") bytes; search for '$NAME': $HITS hits, $(wc -c <"$TMP/www/search.json") bytes"
run "dangbo lookup by id" "$URL$LOOKUP" -H "Cookie: dangbo_session=$TOKEN"
run "nginx static file, same size" "http://127.0.0.1:$PORT2/lookup.json"
run "dangbo search by name" "$URL$SEARCH" -H "Cookie: dangbo_session=$TOKEN"
run "nginx static file, same size" "http://127.0.0.1:$PORT2/search.json"
awk '/^VmRSS|^VmHWM/ {printf "server memory: %s %d MiB\n", $1, $2 / 1024}' "/proc/$SPID/status"
