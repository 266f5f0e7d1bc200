#!/usr/bin/env bash
# The cell secretary's two most common actions through the API: official
# recognition of a probationary member (POST /members/{id}/recognize,
# QĐ 294-QĐ/TW §4.2) and a Party badge award (POST /members/{id}/badges,
# QĐ 294-QĐ/TW §28), each with If-Match like every change to a member,
# audited, within the caller's subtree only.
. "$(dirname "$0")/lib.sh"
setup_db
# a probationary member of the secretary's cell: ceremony 01/09/2025,
# probation ended 01/09/2026, the chi bộ should have voted by 14/10/2026
"$DANGBO" member add 900001QN --name "Đỗ Văn Quá" --gender nam --birth 1995-01-01 --org QN.HL.01.01 \
  --decision 2025-08-20 --ceremony 2025-09-01 2>>"$TMP/setup.err" || { cat "$TMP/setup.err" >&2; exit 1; }
start_server
login sec
login ub
login ubview

call sec GET /members/900001QN
expect_jq "probationary" .state.status probationary
expect_jq "recognition is allowed" '.allowed_events | index("recognize") != null' true
TAG=$(jq -r .etag "$TMP/body")
BODY='{"resolution":"2026-11-20","votes":"3/3","committee_votes":"5/7","decision":"2026-11-23","ref":"QĐ 12-QĐ/ĐU"}'

json sec POST /members/900001QN/recognize "$BODY"
expect_status "without If-Match" 428
json sec POST /members/900001QN/recognize "$BODY" -H 'If-Match: "v0"'
expect_status "with an old ETag" 412
json ub POST /members/900001QN/recognize "$BODY" -H "If-Match: $TAG"
expect_status "outside the caller's subtree" 404
expect_body_lacks "no data leaks" "Đỗ Văn Quá"
json ubview POST /members/900001QN/recognize "$BODY" -H "If-Match: $TAG"
expect_status "a viewer" 403
# the chi bộ vote must reach more than half of its official members (§4.2.1)
json sec POST /members/900001QN/recognize '{"resolution":"2026-11-20","votes":"1/3","committee_votes":"5/7","decision":"2026-11-23"}' -H "If-Match: $TAG"
expect_status "a vote below the threshold" 4..
call sec GET /members/900001QN
expect_jq "still probationary" .state.status probationary
expect_jq "unchanged" .etag "$TAG"

json sec POST /members/900001QN/recognize "$BODY" -H "If-Match: $TAG"
expect_status "recognized" 200
expect_jq "official" .state.status official
# official as of the end of probation, whatever the day of the decision (§4.2.2)
expect_jq "official from the end of probation" .state.official_from 2026-09-01
expect_jq "the late resolution is recorded with a warning" '.note | length > 0' true
[ "$(jq -r .etag "$TMP/body")" != "$TAG" ] && ok || bad "the ETag did not change"
json sec POST /members/900001QN/recognize "$BODY" -H "If-Match: $(jq -r .etag "$TMP/body")"
expect_status "not probationary any more" 4..
call sec GET "/audit?entity=member:900001QN"
expect_jq "audited, by the secretary" '[.items[] | select(.actor == "web:sec")] | length' 1

# a badge: 000001QN reached 40 years of party age on 02/03/2025 and has not
# received the badge (carried to the award date 07/11/2026)
call sec GET /members/000001QN
TAG=$(jq -r .etag "$TMP/body")
json sec POST /members/000001QN/badges '{"years":40,"date":"2026-11-07"}'
expect_status "badge without If-Match" 428
json sec POST /members/000001QN/badges '{"years":"bốn mươi","date":"2026-11-07"}' -H "If-Match: $TAG"
expect_status "years not a number" 400
json ub POST /members/000001QN/badges '{"years":40,"date":"2026-11-07"}' -H "If-Match: $TAG"
expect_status "badge outside the caller's subtree" 404
json sec POST /members/000001QN/badges '{"years":40,"date":"2026-11-07","ref":"QĐ 5-QĐ/TU"}' -H "If-Match: $TAG"
expect_status "awarded" 200
expect_jq "the badge" '.badge.years' 40
expect_jq "a 7-digit number (HD 38-HD/BTCTW §III.1)" '.badge.number | test("^[0-9]{7}$")' true
expect_jq "a badge event" '[.events[] | select(.type == "badge" and .date == "2026-11-07")] | length' 1
json sec POST /members/000001QN/badges '{"years":40,"date":"2026-11-07"}' -H "If-Match: $(jq -r .etag "$TMP/body")"
expect_status "the same badge twice" 4..
call sec GET "/audit?entity=member:000001QN"
expect_jq "badge audited" '[.items[] | select(.actor == "web:sec")] | length' 1
finish
