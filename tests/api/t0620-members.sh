#!/usr/bin/env bash
# Members through the API: search ignoring case and diacritics, sorted the
# Vietnamese way, paginated and limited to the caller's subtree; the member
# page with ETag; changes need If-Match (428 without), and two edits made
# from the same ETag cannot overwrite each other: the second gets 412
# naming the fields that changed since (contract §5; issue 6). Every change
# is in the member's history (audit log).
. "$(dirname "$0")/lib.sh"
setup_db
start_server
login root
login sec
login bc

# search: diacritics and case ignored, by the whole name or the given name
call root GET "/members?q=nguyen%20van%20an"
expect_status "search by name" 200
expect_jq "found by the name without diacritics" '.items[0].member_id' 000001QN
expect_jq "its organization" '.items[0].org.code' QN.HL.01.01
call root GET "/members?q=BINH"
expect_jq "found by the given name" '[.items[].member_id] | join(",")' 000002QN
call root GET "/members?q=uoc"
expect_jq "the other subtree for root" '[.items[].member_id] | join(",")' UB0001
# listing, the Vietnamese order (given name first: An, Bình, Dung, Đức, Ước)
call root GET "/members"
expect_jq "current members of the whole tree" '[.items[].member_id] | join(",")' 000001QN,000002QN,000004QN,000005QN,UB0001
expect_jq "total" .total 5
call root GET "/members?status=all"
expect_jq "with those kept for history" .total 6
call root GET "/members?limit=2&offset=1"
expect_jq "a page" '[.items[].member_id] | join(",")' 000002QN,000004QN
expect_jq "total of all pages" .total 5
call root GET "/members?limit=0"
expect_status "limit 0" 400
# scoped: the secretary of QN.HL.01.01 sees that cell only
call sec GET "/members"
expect_jq "the secretary's cell" '[.items[].member_id] | join(",")' 000001QN
call sec GET "/members?q=binh"
expect_jq "a member of another cell is not found" .total 0
call sec GET "/members?org=QN.HL.01"
expect_status "a larger subtree than the secretary's" 404

# the member page
call sec GET /members/000001QN
expect_status "member page" 200
expect_header "ETag" '^ETag: "v1"'
expect_jq "etag in the body" .etag '"v1"'
expect_jq "state" '.state.status + " " + .state.org.code + " " + (.state.party_age_years | tostring)' "official QN.HL.01.01 41"
expect_jq "spans" '[.spans[].org.code] | join(",")' QN.HL.01.02,QN.HL.01.01
expect_jq "events" '.events[0].type' move
expect_jq "an official member may leave, not be readmitted" \
  '(.allowed_events | index("leave") != null) and (.allowed_events | index("readmit") == null)' true
call sec GET /members/000001QN -H 'If-None-Match: "v1"'
expect_status "If-None-Match" 304
call sec GET "/members/000001QN?as_of=1990-01-01"
expect_jq "as of a past day" .state.org.code QN.HL.01.02
call root GET /members/000003QN
expect_jq "a dead member may not leave" '.allowed_events | index("leave") == null' true
call sec GET /members/NOPE
expect_status "no such member" 404

# changes need If-Match
json sec PATCH /members/000001QN '{"hometown":"Hạ Long"}'
expect_status "PATCH without If-Match" 428
json sec POST /members/000001QN/events '{"type":"discipline","date":"2026-11-02","detail":"khiển trách"}'
expect_status "event without If-Match" 428

# two people read version 1; the secretary saves first
json sec PATCH /members/000001QN '{"hometown":"Hạ Long","occupation":"Cán bộ hưu trí"}' -H 'If-Match: "v1"'
expect_status "first edit" 200
expect_header "new ETag" '^ETag: "v2"'
expect_jq "first edit saved" '.hometown + " / " + .occupation' "Hạ Long / Cán bộ hưu trí"
# ... then bc, from the same ETag: refused, saying what changed and who did it
json bc PATCH /members/000001QN '{"hometown":"Uông Bí"}' -H 'If-Match: "v1"'
expect_status "second edit from the same ETag" 412
expect_jq "the fields that changed" '[.error.changed[].field] | join(",")' occupation,hometown
expect_jq "what it was and is" '.error.changed[] | select(.field == "hometown") | (.was + " -> " + .now)' \
  "Quảng Ninh -> Hạ Long"
expect_jq "the current ETag" .error.current_etag '"v2"'
expect_jq "who changed it" .error.changed_by web:sec
expect_jq "the message names them" '.error.message | test("version 1, now 2\\): occupation, hometown")' true
call bc GET /members/000001QN
expect_jq "the second edit overwrote nothing" .hometown "Hạ Long"
# an event from the old ETag is refused too; with the new one it is recorded
json bc POST /members/000001QN/events '{"type":"discipline","date":"2026-11-02","detail":"khiển trách"}' \
  -H 'If-Match: "v1"'
expect_status "event from an old ETag" 412
json bc POST "/members/000001QN/events?dry_run=1" '{"type":"discipline","date":"2026-11-02","detail":"khiển trách"}' \
  -H 'If-Match: "v2"'
expect_status "dry run of an event" 200
call bc GET /members/000001QN/events
expect_jq "a dry run records nothing" '.events | length' 1
json bc POST /members/000001QN/events '{"type":"discipline","date":"2026-11-02","detail":"khiển trách"}' \
  -H 'If-Match: "v2"'
expect_status "event" 200
expect_header "ETag after the event" '^ETag: "v3"'
expect_jq "event recorded" '.events[-1].detail' "khiển trách"
# a rule refuses an event: recognising a dead member
call root GET /members/000003QN
V=$(jq -r .etag "$TMP/body")
json root POST /members/000003QN/events '{"type":"temp_out","date":"2026-11-02"}' -H "If-Match: $V"
expect_status "an event the member's history does not allow" 400
expect_jq "problems say why" '.error.problems | length > 0' true
# a bad correction
json bc PATCH /members/000001QN '{"gender":"x","card_number":"123"}' -H 'If-Match: "v3"'
expect_status "bad values" 400
expect_jq "each field named" '[.error.problems[].column] | join(",")' gender,card_number
json bc PATCH /members/000001QN '{"status":"dead"}' -H 'If-Match: "v3"'
expect_status "status is not corrected, it changes by events" 400

# adding a member (probationary) in the caller's subtree
json sec POST /members '{"member_id":"000009QN","full_name":"Đỗ Thị Hoa","gender":"nữ","birth_date":"1995-03-04","org":"QN.HL.01.01","decision_date":"2026-06-01"}'
expect_status "add a member" 201
expect_header "Location" '^Location: /api/v1/members/000009QN'
expect_jq "probationary" '.status + " " + .state.probation_end' "probationary 2027-06-01"
json sec POST /members '{"member_id":"000009QN","full_name":"Đỗ Thị Hoa","gender":"nữ","birth_date":"1995-03-04","org":"QN.HL.01.01","decision_date":"2026-06-01"}'
expect_status "the same member again" 409

# the member's history for the UI: every change, who, before and after
call sec GET "/audit?entity=member:000001QN"
expect_status "history" 200
expect_jq "actions, newest first" '[.items[].action] | join(",")' member.event,member.update
expect_jq "before and after" '.items[1].before.hometown + " -> " + .items[1].after.hometown' "Quảng Ninh -> Hạ Long"
call sec GET "/audit"
expect_status "the whole log is for administrators" 403
"$DANGBO" audit verify >"$TMP/out" 2>&1 && ok || { bad "audit verify"; cat "$TMP/out" >&2; }

finish
