# Shared helpers for the CLI tests (sourced by tests/cli/t*.sh).
# Each test runs in its own temporary directory with its own database.
set -u
: "${DANGBO:?DANGBO must point to the dangbo binary}"
TMP=$(mktemp -d "${TMPDIR:-/tmp}/dangbo-test.XXXXXX")
trap 'rm -rf "$TMP"' EXIT
cd "$TMP"
export DANGBO_DB="$TMP/test.db"
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
