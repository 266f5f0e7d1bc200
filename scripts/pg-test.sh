#!/usr/bin/env bash
# The store and CLI tests on PostgreSQL (contract §1: every command behaves
# the same on SQLite and PostgreSQL).
#
#   scripts/pg-test.sh [BUILD_DIR]              run the tests of a built tree (default: build)
#   scripts/pg-test.sh BUILD_DIR -- CMD [ARG..] run CMD instead, with the same environment
#
# Starts a throwaway PostgreSQL 15 cluster in a temporary directory (initdb,
# trust authentication for the user "dangbo", listening on a free loopback
# port only), whose default collation is the ICU Vietnamese one so that any
# text compared outside COLLATE "C" shows up as a difference from SQLite.
# As root the server runs as the user postgres. Exports:
#   DANGBO_PG_URI_BASE  postgresql://dangbo@127.0.0.1:PORT (tests/cli/lib.sh
#                       then gives each CLI test a fresh database)
#   DANGBO_TEST_PG      a database for the unit test (each test uses a schema of its own)
# then runs unit/test_store_pg and every cli/ test under CTest. The cluster is
# stopped and removed on exit, whatever happens.
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD=${1:-build}
[ $# -gt 0 ] && shift
PGBIN=${PGBIN:-/usr/lib/postgresql/15/bin}
if [ ! -x "$PGBIN/initdb" ]; then
  echo "pg-test: no PostgreSQL 15 server at $PGBIN (scripts/bootstrap.sh test installs it)" >&2
  exit 1
fi
if [ ! -d "$BUILD" ]; then
  echo "pg-test: no build directory $BUILD" >&2
  exit 1
fi
BUILD=$(cd "$BUILD" && pwd)

DIR=$(mktemp -d "${TMPDIR:-/tmp}/dangbo-pg.XXXXXX")
chmod 755 "$DIR"
as_pg() {
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}
[ "$(id -u)" -eq 0 ] && chown postgres: "$DIR"

stop() {
  if [ -f "$DIR/data/postmaster.pid" ]; then
    as_pg "$PGBIN/pg_ctl" -D "$DIR/data" -m immediate -w stop >/dev/null 2>&1 || true
  fi
  rm -rf "$DIR"
}
trap stop EXIT

as_pg "$PGBIN/initdb" -D "$DIR/data" -U dangbo --auth=trust -E UTF8 --locale=C.UTF-8 \
  --locale-provider=icu --icu-locale=vi >"$DIR/initdb.log" 2>&1 ||
  { cat "$DIR/initdb.log" >&2; exit 1; }
# A free loopback port (nothing answers on it), tried again with another
# when a server started meanwhile takes it first. A throwaway cluster: no
# fsync (a killed client is what the tests kill, never the server).
PORT=
for attempt in 1 2 3 4 5; do
  PORT=
  for p in $(seq $((54320 + RANDOM % 1500)) 55999); do
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then PORT=$p; break; fi
  done
  [ -n "$PORT" ] || { echo "pg-test: no free port" >&2; exit 1; }
  if as_pg "$PGBIN/pg_ctl" -D "$DIR/data" -l "$DIR/server.log" -w -o \
    "-c listen_addresses=127.0.0.1 -p $PORT -c unix_socket_directories=$DIR -c fsync=off -c full_page_writes=off -c synchronous_commit=off -c max_connections=100" \
    start >/dev/null; then
    break
  fi
  grep -q "could not create" "$DIR/server.log" && [ "$attempt" -lt 5 ] || { cat "$DIR/server.log" >&2; exit 1; }
  echo "pg-test: port $PORT was taken meanwhile, trying another" >&2
done
echo "pg-test: PostgreSQL $("$PGBIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$PORT (data in $DIR)"

export DANGBO_PG_URI_BASE="postgresql://dangbo@127.0.0.1:$PORT"
"$PGBIN/psql" -qX "$DANGBO_PG_URI_BASE/postgres" -c "CREATE DATABASE dangbo_unit"
export DANGBO_TEST_PG="$DANGBO_PG_URI_BASE/dangbo_unit"
export PATH="$PGBIN:$PATH" # psql and friends of the same version for the tests

status=0
if [ "${1:-}" = "--" ]; then
  shift
  "$@" || status=$?
else
  echo "== unit and CLI tests on PostgreSQL"
  (cd "$BUILD" && ctest --output-on-failure -j "$(nproc)" -R '^(unit/test_store_pg|cli/)') || status=$?
fi
if [ "$status" -ne 0 ] && [ -s "$DIR/server.log" ]; then
  echo "== last lines of the server log" >&2
  tail -n 30 "$DIR/server.log" >&2
fi
exit "$status"
