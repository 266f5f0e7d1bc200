#!/usr/bin/env bash
# The lifecycle operations the CLI had alone, through the API: transfer,
# exemption, exit, discipline, the card check, applicants and their steps,
# congress planning. For each route: success changes what `dangbo member
# show` or the GET routes show; a refusal by a rule answers 422 with the
# rule cited and changes nothing; bad JSON answers 400 with line and column;
# a caller outside the subtree gets 403 or 404 and no data. Writes are in
# the audit log under the caller's name.
. "$(dirname "$0")/lib.sh"
setup_db
# a probationary member of the secretary's cell (ceremony 01/09/2025)
"$DANGBO" member add 900001QN --name "Đỗ Văn Quá" --gender nam --birth 1995-01-01 --org QN.HL.01.01 \
  --decision 2025-08-20 --ceremony 2025-09-01 2>>"$TMP/setup.err" || { cat "$TMP/setup.err" >&2; exit 1; }
start_server
login sec
login bc
login ub
login ubview

# tag WHO ID: the member's current ETag (into TAG)
tag() {
  call "$1" GET "/members/$2"
  TAG=$(jq -r .etag "$TMP/body")
}
# bad_json WHO PATH: a body cut short answers 400 naming line and column
bad_json() {
  json "$1" POST "$2" $'{"date":"2026-11-01",\n  "x": ' -H "If-Match: $TAG"
  expect_status "$2: bad JSON" 400
  expect_jq "$2: bad JSON line" '.error.problems[0].line' 2
  expect_jq "$2: bad JSON column" '.error.problems[0].column > 0' true
}
# unchanged ID: the member's ETag is still TAG
unchanged() {
  local was=$TAG
  call sec GET "/members/$1"
  expect_jq "$1 unchanged" .etag "$was"
}

# ---- discipline (QĐ 296-QĐ/TW Điều 9, 16.3) ----
tag sec 900001QN
json sec POST /members/900001QN/discipline '{"form":"dismissal","date":"2026-11-01"}' -H "If-Match: $TAG"
expect_status "discipline: a probationary member is not dismissed" 422
expect_jq "discipline: the rule cited" '.error.problems[0].message | test("QĐ 296-QĐ/TW")' true
expect_jq "discipline: the field named" '.error.problems[0].column' form
unchanged 900001QN
bad_json sec /members/900001QN/discipline
json sec POST /members/900001QN/discipline '{"from":"reprimand","date":"2026-11-01"}' -H "If-Match: $TAG"
expect_status "discipline: a misspelt field" 400
expect_jq "discipline: the misspelt field named" '[.error.problems[].column] | index("from") != null' true
json ub POST /members/900001QN/discipline '{"form":"reprimand","date":"2026-11-01"}' -H "If-Match: $TAG"
expect_status "discipline outside the subtree" "403|404"
expect_body_lacks "discipline outside the subtree" "Đỗ Văn Quá"
json ubview POST /members/UB0001/discipline '{"form":"reprimand","date":"2026-11-01"}' -H "If-Match: \"v1\""
expect_status "discipline by a viewer" 403
json sec POST /members/900001QN/discipline '{"form":"reprimand","date":"2026-11-01"}'
expect_status "discipline without If-Match" 428
json sec POST /members/900001QN/discipline '{"form":"reprimand","date":"2026-11-01","reason":"vắng họp","ref":"QĐ 3-QĐ/CB"}' \
  -H "If-Match: $TAG"
expect_status "discipline recorded" 200
expect_jq "discipline: a discipline event" '[.events[] | select(.type == "discipline" and .date == "2026-11-01")] | length' 1
"$DANGBO" member show 900001QN >"$TMP/show" 2>&1
grep -q "01/11/2026  Kỷ luật" "$TMP/show" && ok || { bad "member show lacks the discipline"; cat "$TMP/show" >&2; }

# ---- exemption (QĐ 294-QĐ/TW §7) ----
tag sec 000001QN
json sec POST /members/000001QN/exempt '{"action":"start","date":"2026-11-02","reason":"abroad"}' -H "If-Match: $TAG"
expect_status "exempt: abroad needs a term" 422
expect_jq "exempt: the rule cited" '.error.problems[0].message | test("QĐ 294-QĐ/TW §7")' true
unchanged 000001QN
json sec POST /members/000001QN/exempt '{"action":"pause","date":"2026-11-02"}' -H "If-Match: $TAG"
expect_status "exempt: an unknown action" 400
expect_jq "exempt: the action named" '.error.problems[0].column' action
bad_json sec /members/000001QN/exempt
json ub POST /members/000001QN/exempt '{"action":"start","date":"2026-11-02","reason":"age"}' -H "If-Match: $TAG"
expect_status "exempt outside the subtree" "403|404"
expect_body_lacks "exempt outside the subtree" "Nguyễn Văn An"
json sec POST /members/000001QN/exempt '{"action":"start","date":"2026-11-02","reason":"age","ref":"NQ 4"}' -H "If-Match: $TAG"
expect_status "exemption recorded" 200
expect_jq "exempt: an exempt_start event" '[.events[] | select(.type == "exempt_start")] | length' 1
TAG=$(jq -r .etag "$TMP/body")
json sec POST /members/000001QN/exempt '{"action":"end","date":"2026-11-20"}' -H "If-Match: $TAG"
expect_status "exemption ended" 200
expect_jq "exempt: an exempt_end event" '[.events[] | select(.type == "exempt_end")] | length' 1
"$DANGBO" member show 000001QN >"$TMP/show" 2>&1
grep -q "02/11/2026" "$TMP/show" && grep -q "20/11/2026" "$TMP/show" && ok ||
  { bad "member show lacks the exemption"; cat "$TMP/show" >&2; }

# ---- card check (HD 38-HD/BTCTW §I.2.2): changes nothing ----
json sec POST /members/000001QN/card '{}'
expect_status "card: the stored number passes" 200
expect_jq "card: valid" .valid true
expect_jq "card: the stored number" .card_number 022060000001
json sec POST /members/000001QN/card '{"card_number":"022160000001"}'
expect_status "card: a female century digit for a man" 422
expect_jq "card: the problem named" '.error.problems | length > 0' true
bad_json sec /members/000001QN/card
json ub POST /members/000001QN/card '{}'
expect_status "card outside the subtree" "403|404"
expect_body_lacks "card outside the subtree" "022060000001"

# ---- transfer (QĐ 294-QĐ/TW §6.3): bc moves 000002QN from QN.HL.01.03 to QN.HL.01.01 ----
tag bc 000002QN
json bc POST /members/000002QN/transfer '{"action":"temp","to_unit":"Công ty X","date":"2026-11-01","until":"2028-11-01"}' \
  -H "If-Match: $TAG"
expect_status "transfer: a temporary transfer of two years" 422
expect_jq "transfer: the rule cited" '.error.problems[0].message | test("§6.3.2")' true
call bc GET /members/000002QN
expect_jq "transfer: 000002QN unchanged" .etag "$TAG"
bad_json bc /members/000002QN/transfer
json sec POST /members/000001QN/transfer '{"action":"start","to":"QN.UB.01","date":"2026-11-21"}' -H "If-Match: \"v1\""
expect_status "transfer to an organization outside the subtree" 404
json ub POST /members/000002QN/transfer '{"action":"start","to":"QN.UB.01","date":"2026-11-02"}' -H "If-Match: $TAG"
expect_status "transfer outside the subtree" "403|404"
expect_body_lacks "transfer outside the subtree" "Trần Thị Bình"
call sec GET /members/000002QN
expect_status "not yet the secretary's member" 404
json bc POST /members/000002QN/transfer '{"action":"start","to":"QN.HL.01.01","date":"2026-11-02","ref":"QĐ 9"}' \
  -H "If-Match: $TAG"
expect_status "transfer introduced" 200
expect_jq "transfer: still where they were until arrival" .state.org.code QN.HL.01.03
TAG=$(jq -r .etag "$TMP/body")
json bc POST /members/000002QN/transfer '{"action":"arrive","date":"2026-11-10"}' -H "If-Match: $TAG"
expect_status "transfer arrived" 200
expect_jq "transfer: now in QN.HL.01.01" .state.org.code QN.HL.01.01
call sec GET /members/000002QN
expect_status "now the secretary's member" 200
"$DANGBO" member show 000002QN >"$TMP/show" 2>&1
grep -q "QN.HL.01.03 → QN.HL.01.01" "$TMP/show" && ok || { bad "member show lacks the move"; cat "$TMP/show" >&2; }
# out of the database: the answer carries the transfer record for the receiving side
tag bc 000002QN
json bc POST /members/000002QN/transfer '{"action":"out","to_unit":"Đảng bộ tỉnh Lạng Sơn","date":"2026-11-20"}' \
  -H "If-Match: $TAG"
expect_status "transfer out" 200
expect_jq "transfer out: no longer counted here" .state.is_member false
expect_jq "transfer out: the record names the member" '.transfer_record | tostring | test("000002QN")' true
expect_jq "transfer out: the record names the receiving side" '.transfer_record | tostring | test("Lạng Sơn")' true

# ---- exit (QĐ 294-QĐ/TW §8) ----
tag sec 900001QN
json sec POST /members/900001QN/exit '{"kind":"expel","date":"2026-11-21"}' -H "If-Match: $TAG"
expect_status "exit: a probationary member is not expelled" 422
expect_jq "exit: the rule cited" '.error.problems[0].message | test("QĐ 296-QĐ/TW")' true
unchanged 900001QN
json sec POST /members/900001QN/exit '{"kind":"remove","date":"2026-11-21"}' -H "If-Match: $TAG"
expect_status "exit: removal without a ground" 422
expect_jq "exit: the ground named" '.error.problems[0].column' ground
unchanged 900001QN
bad_json sec /members/900001QN/exit
json ub POST /members/900001QN/exit '{"kind":"death","date":"2026-11-21"}' -H "If-Match: $TAG"
expect_status "exit outside the subtree" "403|404"
json sec POST /members/900001QN/exit '{"kind":"remove","date":"2026-11-21","ground":1,"ref":"QĐ 7"}' -H "If-Match: $TAG"
expect_status "removal recorded" 200
expect_jq "exit: no longer a member" .state.is_member false
"$DANGBO" member show 900001QN >"$TMP/show" 2>&1
grep -q "21/11/2026" "$TMP/show" && ok || { bad "member show lacks the removal"; cat "$TMP/show" >&2; }

# ---- applicants (QĐ 294-QĐ/TW §3-4) ----
APP='{"code":"UT-2026-001","full_name":"Vũ Thị Mai","gender":"nữ","birth_date":"2000-01-01","org":"QN.HL.01.01","listed_on":"2026-01-05"}'
json ub POST /applicants "$APP"
expect_status "applicant added outside the subtree" "403|404"
bad_json sec /applicants
json sec POST /applicants '{"code":"UT-2026-001","gender":"nữ","birth_date":"2000-01-01","org":"QN.HL.01.01"}'
expect_status "applicant without a name" 400
expect_jq "applicant: the field named" '.error.problems[0].column' full_name
json sec POST /applicants "$APP"
expect_status "applicant listed" 201
expect_jq "applicant: next step" .next course
json sec POST /applicants "$APP"
expect_status "applicant: the code is taken" 409
call sec GET /applicants
expect_jq "applicants: listed" '[.items[] | select(.code == "UT-2026-001")] | length' 1
call ub GET "/applicants?org=QN.HL.01.01"
expect_status "applicants outside the subtree" "403|404"
expect_body_lacks "applicants outside the subtree" "Vũ Thị Mai"
call ub GET /applicants
expect_jq "ub's applicants: none of QN.BC" '.items | length' 0
json sec POST /applicants/UT-2026-001/steps '{"step":"decision","date":"2026-02-01","votes":"3/5"}'
expect_status "applicant: a decision before the chi bộ vote" 422
expect_jq "applicant: the rule cited" '.error.problems[0].message | test("QĐ 294-QĐ/TW §4.3.1")' true
call sec GET "/applicants?all=1"
expect_jq "applicant: no step recorded" '.items[0].steps | length' 0
bad_json sec /applicants/UT-2026-001/steps
json ub POST /applicants/UT-2026-001/steps '{"step":"application","date":"2026-02-01"}'
expect_status "a step outside the subtree" "403|404"
expect_body_lacks "a step outside the subtree" "Vũ Thị Mai"
json sec POST /applicants/UT-2026-001/steps '{"step":"application","date":"2026-02-01","ref":"Đơn"}'
expect_status "applicant: a step recorded" 200
expect_jq "applicant: the step" '.applicant.steps[0].step' application
call sec GET "/applicants?all=1"
expect_jq "applicants: the step shows" '.items[0].steps[0].date' 2026-02-01
"$DANGBO" applicant show UT-2026-001 >"$TMP/show" 2>&1
grep -q "application" "$TMP/show" && ok || { bad "applicant show lacks the step"; cat "$TMP/show" >&2; }

# ---- congresses (QĐ 294-QĐ/TW §11-16) ----
PLAN='{"org":"QN.HL.01","term":"2025-2030","kind":"members","planned":"2027-05-10"'
json bc POST /congresses "$PLAN,\"notice\":\"2027-05-03\"}"
expect_status "congress: a notice a week before" 422
expect_jq "congress: the rule cited" '.error.message | test("QĐ 294-QĐ/TW")' true
call bc GET "/congresses?org=QN.BC&term=2025-2030"
expect_status "congresses read" 200
expect_jq "congress: none planned" .planned 0
json bc POST /congresses "$PLAN,\"term\":\"2025\"}"
expect_status "congress: a bad term" 400
json bc POST /congresses $'{"org":"QN.HL.01",\n"term":}'
expect_status "congress: bad JSON" 400
expect_jq "congress: bad JSON line" '.error.problems[0].line' 2
json sec POST /congresses "$PLAN}"
expect_status "congress planning by a secretary" 403
json ub POST /congresses "$PLAN}"
expect_status "congress outside the subtree" "403|404"
call ub GET "/congresses?org=QN.BC&term=2025-2030"
expect_status "congresses read outside the subtree" "403|404"
json bc POST /congresses "$PLAN,\"notice\":\"2027-03-01\",\"direct_secretary\":true}"
expect_status "congress planned" 201
call bc GET "/congresses?org=QN.BC&term=2025-2030"
expect_jq "congress: one planned" .planned 1
expect_jq "congress: direct election" '.kinds[0].direct_secretary' 1
"$DANGBO" congress list --org QN.BC --term 2025-2030 >"$TMP/show" 2>&1
grep -q "0/1" "$TMP/show" && ok || { bad "congress list lacks the plan"; cat "$TMP/show" >&2; }

# ---- audit: every write under the caller's name, none by ub ----
"$DANGBO" audit log --limit 200 >"$TMP/audit"
for a in member.discipline member.exempt member.exempt_end transfer.start member.transfer member.remove applicant.add \
  applicant.step congress.plan; do
  grep -qP "\tweb:(sec|bc)\t.*$a|$a.*\tweb:(sec|bc)\t" "$TMP/audit" && ok || bad "no audit record $a by web:sec or web:bc"
done
if grep -P '\tweb:ub\t' "$TMP/audit" | grep -v 'session\.'; then bad "ub changed something"; else ok; fi
finish
