#!/usr/bin/env bash
# The gate's checks before any handler (docs/api.md): body size (413, from
# Content-Length before the body is read, and from the bytes of a chunked
# body), content type (415), UTF-8 and JSON syntax (400 saying where), the
# method (405 with Allow), unknown paths (404), bad query values (400).
# Nothing is changed by a refused request.
. "$(dirname "$0")/lib.sh"
setup_db
start_server
login bc

# 413: a JSON body over 64 KiB; a body where none is taken; a chunked body
python3 -c 'import json; print(json.dumps({"date": "2026-11-01", "name": "x" * 70000}))' >"$TMP/big.json"
call bc POST /orgs/QN.HL.02/rename -H 'Content-Type: application/json' --data-binary "@$TMP/big.json"
expect_status "JSON body over the limit" 413
expect_jq "413 says the limit" '.error.message' "the body is larger than 65536 bytes"
call bc POST /orgs/QN.HL.02/rename -H 'Content-Type: application/json' -H 'Transfer-Encoding: chunked' \
  --data-binary "@$TMP/big.json"
expect_status "chunked JSON body over the limit" 413
call bc DELETE /session -H 'Content-Type: application/json' --data-binary '{"a":1}'
expect_status "a body where none is taken" 413
json anon POST /session "{\"login\":\"bc\",\"password\":\"$(head -c 5000 /dev/zero | tr '\0' a)\"}"
expect_status "login body over 4 KiB" 413
call bc GET /orgs/QN.HL.02
expect_jq "nothing renamed" .name "Chi bộ Trường THCS Bãi Cháy"

# 415: not JSON
call bc POST /orgs/QN.HL.02/rename -H 'Content-Type: text/plain' --data-binary '{"date":"2026-11-01","name":"X"}'
expect_status "text/plain to a JSON route" 415
call bc POST /imports -H 'Content-Type: application/json' --data-binary '{}'
expect_status "JSON to the import route" 415

# 400: bad JSON, with line and column
json bc POST /orgs/QN.HL.02/rename $'{\n  "date": "2026-11-01",\n  "name": "X",,\n}'
expect_status "bad JSON" 400
expect_jq "where" '.error.problems[0] | "\(.file):\(.line):\(.column)"' "(request body):3:15"
expect_jq "message says where" '.error.message | test("line 3, column 15")' true
json bc POST /orgs/QN.HL.02/rename '{"date":"2026-11-01","date":"2026-11-02","name":"X"}'
expect_status "a key twice" 400
json bc POST /orgs/QN.HL.02/rename '["2026-11-01","X"]'
expect_status "not an object" 400
expect_jq "not an object: message" .error.message "the body must be one JSON object"
json bc POST /orgs/QN.HL.02/rename '{"date":"1/13/2026","name":"X"}'
expect_status "bad date" 400
expect_jq "bad date: the field" '.error.problems[0].column' date
json bc POST /orgs/QN.HL.02/rename '{"date":"2026-11-01","name":42}'
expect_status "wrong type" 400
expect_jq "wrong type: the field" '.error.problems[0].column' name

# 400: bad UTF-8 in the body (line 2, 9th character), in the query, in the path
printf '{"date":"2026-11-01",\n"name":"\xe1\xbb"}' >"$TMP/bad.json"
call bc POST /orgs/QN.HL.02/rename -H 'Content-Type: application/json' --data-binary "@$TMP/bad.json"
expect_status "bad UTF-8 body" 400
expect_jq "bad UTF-8: where" '.error.problems[0] | "\(.line):\(.column)"' "2:9"
printf '{"date":"2026-11-01","name":"a\x01b"}' >"$TMP/ctl.json"
call bc POST /orgs/QN.HL.02/rename -H 'Content-Type: application/json' --data-binary "@$TMP/ctl.json"
expect_status "a control character" 400
call bc GET "/members?q=%FF%FE"
expect_status "bad UTF-8 in the query" 400
expect_jq "bad UTF-8 in the query: which" .error.message "the query argument 'q' is not valid UTF-8"
call bc GET "/members/%C3%28"
expect_status "bad UTF-8 in the path" 400

# bad query values
call bc GET "/members?limit=abc"
expect_status "limit not a number" 400
call bc GET "/orgs?as_of=yesterday"
expect_status "as_of not a date" 400
call bc GET "/orgs?depth=99"
expect_status "depth too deep" 400

# 405 with Allow; 404 in JSON
call bc PUT /members/000001QN
expect_status "PUT" 405
expect_header "Allow" '^Allow: GET, PATCH'
call bc GET /nothing-here
expect_status "unknown path" 404
expect_jq "404 in JSON" .error.status 404
call bc GET /exports/nothing
expect_status "unknown export" 404

# every response carries the security headers
expect_header "nosniff" '^X-Content-Type-Options: nosniff'
expect_header "CSP" "^Content-Security-Policy: default-src 'self'"
expect_header "no-store" '^Cache-Control: no-store'

"$DANGBO" audit log --limit 100 >"$TMP/audit"
if grep -q 'org.rename' "$TMP/audit"; then bad "a refused request changed something"; else ok; fi
finish
