# Shared helpers for the HTTP API tests (sourced by tests/api/t*.sh).
# Each test starts its own `dangbo serve` on a free loopback port with its
# own database (tests/data/import/good plus a second subtree), and talks to
# it with curl. Responses are checked with jq.
#
# The tree (today = 2026-11-23):
#   QN  province
#   ├── QN.BC  upper            (the test data: cells QN.HL.01.01, QN.HL.01.03,
#   │   ├── QN.HL.01 base_committee   base cell QN.HL.02, members 000001QN...)
#   │   └── QN.HL.02 base_cell
#   └── QN.UB  upper            (added here)
#       └── QN.UB.01 base_cell  (member UB0001, Hoàng Văn Ước)
# Users (password "matkhau-<login>"):
#   root admin QN; bc staff QN.BC; ub admin QN.UB; ubview viewer QN.UB;
#   sec secretary QN.HL.01.01.
set -u
: "${DANGBO:?DANGBO must point to the dangbo binary}"
: "${TESTDATA:?TESTDATA must point to tests/data}"
TMP=$(mktemp -d "${TMPDIR:-/tmp}/dangbo-api.XXXXXX")
SERVER_PID=
cleanup() {
  if [ -n "$SERVER_PID" ]; then kill "$SERVER_PID" 2>/dev/null; wait "$SERVER_PID" 2>/dev/null; fi
  rm -rf "$TMP"
}
trap cleanup EXIT
cd "$TMP"
export DANGBO_DB="$TMP/test.db"
export DANGBO_TODAY="${DANGBO_TODAY:-2026-11-23}"
export DANGBO_NO_PROGRESS=1
PASS=0
FAIL=0

ok() { PASS=$((PASS + 1)); }
bad() { FAIL=$((FAIL + 1)); echo "FAIL: $*" >&2; }

# The database every test starts from.
setup_db() {
  local G="$TESTDATA/import/good"
  "$DANGBO" init 2>/dev/null || { echo "init failed" >&2; exit 1; }
  "$DANGBO" import orgs "$G/orgs.csv" org_events "$G/org_events.csv" members "$G/members.csv" \
    events "$G/events.csv" 2>"$TMP/setup.err" || { cat "$TMP/setup.err" >&2; exit 1; }
  "$DANGBO" org add QN.UB --name "Đảng bộ thành phố Uông Bí" --kind upper --parent QN 2>>"$TMP/setup.err" &&
  "$DANGBO" org add QN.UB.01 --name "Chi bộ phường Quang Trung" --kind base_cell --parent QN.UB \
    --category ward 2>>"$TMP/setup.err" &&
  "$DANGBO" member add UB0001 --name "Hoàng Văn Ước" --gender nam --birth 1980-01-02 --org QN.UB.01 \
    --decision 2010-05-06 2>>"$TMP/setup.err" || { cat "$TMP/setup.err" >&2; exit 1; }
  add_user root admin QN
  add_user bc staff QN.BC
  add_user ub admin QN.UB
  add_user ubview viewer QN.UB
  add_user sec secretary QN.HL.01.01
}

add_user() {
  echo "matkhau-$1" | "$DANGBO" user add "$1" --role "$2" --org "$3" 2>>"$TMP/setup.err" ||
    { cat "$TMP/setup.err" >&2; exit 1; }
}

# start_server [ARGS...]: starts dangbo serve; sets URL and BASE.
start_server() {
  "$DANGBO" serve --listen 127.0.0.1:0 --threads 2 "$@" >"$TMP/url" 2>"$TMP/server.log" &
  SERVER_PID=$!
  for _ in $(seq 1 200); do
    [ -s "$TMP/url" ] && break
    sleep 0.05
  done
  URL=$(head -1 "$TMP/url")
  [ -n "$URL" ] || { echo "the server did not start:" >&2; cat "$TMP/server.log" >&2; exit 1; }
  BASE="${URL%/}/api/v1"
}

# call WHO METHOD PATH [CURL ARGS...]: a request with WHO's session (cookie
# jar and CSRF token; WHO "anon" has none). Sets STATUS; the body is in
# $TMP/body, the headers in $TMP/hdr.
call() {
  local who=$1 method=$2 path=$3
  shift 3
  local csrf=()
  [ -s "$TMP/csrf.$who" ] && csrf=(-H "X-CSRF-Token: $(cat "$TMP/csrf.$who")")
  STATUS=$(curl -s -o "$TMP/body" -D "$TMP/hdr" -w '%{http_code}' -X "$method" \
    -b "$TMP/jar.$who" -c "$TMP/jar.$who" "${csrf[@]}" "$@" "$BASE$path")
}

# json WHO METHOD PATH JSON [CURL ARGS...]: call with a JSON body.
json() {
  local who=$1 method=$2 path=$3 body=$4
  shift 4
  call "$who" "$method" "$path" -H 'Content-Type: application/json' --data-binary "$body" "$@"
}

# login WHO [LOGIN]: opens a session for WHO (login defaults to WHO).
login() {
  local who=$1 user=${2:-$1}
  rm -f "$TMP/jar.$who" "$TMP/csrf.$who"
  json "$who" POST /session "{\"login\":\"$user\",\"password\":\"matkhau-$user\"}"
  if [ "$STATUS" != 200 ]; then
    bad "login $user: status $STATUS"
    cat "$TMP/body" >&2
    return 1
  fi
  jq -r .csrf_token "$TMP/body" >"$TMP/csrf.$who"
}

# expect_status TITLE WANT: checks the last call's status (WANT may be "403|404").
expect_status() {
  if [[ "$STATUS" =~ ^($2)$ ]]; then ok; else bad "$1: status $STATUS, wanted $2"; head -c 600 "$TMP/body" >&2; echo >&2; fi
}

# expect_jq TITLE FILTER WANT: jq -r FILTER of the last body equals WANT.
expect_jq() {
  local got
  got=$(jq -r "$2" "$TMP/body" 2>&1)
  if [ "$got" == "$3" ]; then ok; else bad "$1: $2 is [$got], wanted [$3]"; head -c 600 "$TMP/body" >&2; echo >&2; fi
}

# expect_header TITLE PATTERN: a response header line matches (grep -E, case-insensitive).
expect_header() {
  if grep -qiE -- "$2" "$TMP/hdr"; then ok; else bad "$1: no header matching '$2'"; cat "$TMP/hdr" >&2; fi
}

# expect_body_lacks TITLE TEXT...: none of TEXT is in the last body.
expect_body_lacks() {
  local title=$1
  shift
  for t in "$@"; do
    if grep -qF -- "$t" "$TMP/body"; then bad "$title: the body shows '$t'"; head -c 600 "$TMP/body" >&2; echo >&2; return; fi
  done
  ok
}

finish() {
  echo "$PASS passed, $FAIL failed"
  [ "$FAIL" -eq 0 ]
}
