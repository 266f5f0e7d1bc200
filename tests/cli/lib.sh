# Shared helpers for the CLI tests (sourced by tests/cli/t*.sh).
# Each test runs in its own temporary directory with its own database.
set -u
: "${DANGBO:?DANGBO must point to the dangbo binary}"
TMP=$(mktemp -d "${TMPDIR:-/tmp}/dangbo-test.XXXXXX")
# On PostgreSQL (scripts/pg-test.sh sets DANGBO_PG_URI_BASE) each database is
# a fresh one on that server, named after this test's directory and dropped
# at the end; otherwise a file in $TMP.
PGPREFIX=$(printf 'dangbo_%s_%s' "$$" "$(basename "$TMP")" | tr 'A-Z' 'a-z' | tr -c 'a-z0-9_' '_')
cleanup() {
  if [ -n "${DANGBO_PG_URI_BASE:-}" ]; then
    for d in $(psql -AtqX "$DANGBO_PG_URI_BASE/postgres" \
                 -c "SELECT datname FROM pg_database WHERE starts_with(datname, '${PGPREFIX}_')" 2>/dev/null); do
      psql -qX "$DANGBO_PG_URI_BASE/postgres" -c "DROP DATABASE IF EXISTS $d WITH (FORCE)" >/dev/null 2>&1
    done
  fi
  rm -rf "$TMP"
}
trap cleanup EXIT
# new_db NAME: creates a new, empty database and prints its location.
new_db() {
  if [ -n "${DANGBO_PG_URI_BASE:-}" ]; then
    psql -qX "$DANGBO_PG_URI_BASE/postgres" -c "CREATE DATABASE ${PGPREFIX}_$1" >/dev/null || return 1
    echo "$DANGBO_PG_URI_BASE/${PGPREFIX}_$1"
  else
    echo "$TMP/$1.db"
  fi
}
on_pg() { [ -n "${DANGBO_PG_URI_BASE:-}" ]; }
cd "$TMP"
DANGBO_DB=$(new_db test) || exit 1
export DANGBO_DB
export DANGBO_TODAY="${DANGBO_TODAY:-2026-11-23}"
PASS=0
FAIL=0

db() { "$DANGBO" "$@"; }

ok() { PASS=$((PASS + 1)); }
bad() { FAIL=$((FAIL + 1)); echo "FAIL: $*" >&2; }

# expect_status N CMD...: runs CMD, checks its exit status.
expect_status() {
  local want=$1; shift
  "$@" >"$TMP/out" 2>"$TMP/err"
  local got=$?
  if [ "$got" -eq "$want" ]; then ok; else bad "'$*' exited $got, wanted $want"; cat "$TMP/err" >&2; fi
}

# expect_eq NAME GOT WANT
expect_eq() {
  if [ "$2" == "$3" ]; then ok; else bad "$1: got [$2] wanted [$3]"; fi
}

# expect_grep PATTERN FILE
expect_grep() {
  if grep -qF -- "$1" "$2"; then ok; else bad "'$1' not in $2:"; cat "$2" >&2; fi
}

finish() {
  echo "$PASS passed, $FAIL failed"
  [ "$FAIL" -eq 0 ]
}
