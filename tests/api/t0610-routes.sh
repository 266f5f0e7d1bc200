#!/usr/bin/env bash
# Generated from the route table (`dangbo serve --print-routes`), so that a
# new route cannot escape it (contract §5):
#   1. every route but the public ones answers 401 without a session;
#   2. every route, called by an administrator of another subtree (QN.UB)
#      about what lies in QN.BC's subtree, answers 403 or 404 and shows no
#      data of it; a route that lists (users) shows none of it;
#   3. a viewer is refused every route that changes data (403).
# A route the table of cases below does not know fails the test.
. "$(dirname "$0")/lib.sh"
setup_db
start_server
"$DANGBO" serve --print-routes >"$TMP/routes"
[ -s "$TMP/routes" ] && ok || bad "no routes printed"

# Data of QN.BC's subtree that must never reach ub (names, cards, org names
# that no request below contains).
SECRETS=("Nguyễn Văn An" "Trần Thị Bình" "022060000001" "Chi bộ Khu 1" "Chi bộ Khu 3" "Bãi Cháy" "Trường THCS")

# Multipart file for the import case: a member of QN.BC's subtree.
cat >"$TMP/members_out.csv" <<'EOF'
member_id,full_name,gender,birth_date,ethnicity,org_code,decision_date,status
000001QN,Nguyễn Văn Ân,nam,1960-05-12,Kinh,QN.HL.01.01,1985-03-02,official
EOF

# out_of_scope METHOD PATTERN: calls the route as ub about QN.BC's subtree.
# Sets KIND to "deny" (403/404 expected) or "filter" (200 without the data).
out_of_scope() {
  local m=$1 pat=$2
  KIND=deny
  case "$m $pat" in
  "POST /api/v1/session" | "DELETE /api/v1/session" | "GET /api/v1/me" | "POST /api/v1/me/password" | \
    "GET /api/v1/openapi.json")
    KIND=none ;; # about the caller only
  "GET /api/v1/orgs") call ub GET "/orgs?root=QN.BC&depth=3" ;;
  "POST /api/v1/orgs")
    json ub POST /orgs '{"code":"QN.BC.99","name":"Chi bộ mới","kind":"base_cell","parent":"QN.BC","category":"ward"}' ;;
  "GET /api/v1/orgs/{code}") call ub GET /orgs/QN.HL.01.01 ;;
  "POST /api/v1/orgs/{code}/move") json ub POST /orgs/QN.HL.02/move '{"date":"2026-11-01","to":"QN.UB"}' ;;
  "POST /api/v1/orgs/{code}/merge") json ub POST /orgs/QN.HL.02/merge '{"date":"2026-11-01","into":"QN.UB.01"}' ;;
  "POST /api/v1/orgs/{code}/dissolve") json ub POST /orgs/QN.HL.02/dissolve '{"date":"2026-11-01"}' ;;
  "POST /api/v1/orgs/{code}/rename") json ub POST /orgs/QN.HL.02/rename '{"date":"2026-11-01","name":"X"}' ;;
  "GET /api/v1/members") call ub GET "/members?org=QN.BC" ;;
  "POST /api/v1/members")
    json ub POST /members '{"member_id":"N1","full_name":"Lê Thị Mới","gender":"nữ","birth_date":"1990-01-01","org":"QN.HL.01.01","decision_date":"2020-01-01"}' ;;
  "GET /api/v1/members/{member_id}") call ub GET /members/000001QN ;;
  "PATCH /api/v1/members/{member_id}") json ub PATCH /members/000001QN '{"hometown":"Hà Nội"}' -H 'If-Match: "v1"' ;;
  "GET /api/v1/members/{member_id}/events") call ub GET /members/000001QN/events ;;
  "POST /api/v1/members/{member_id}/events")
    json ub POST /members/000001QN/events '{"type":"discipline","date":"2026-11-01","detail":"khiển trách"}' -H 'If-Match: "v1"' ;;
  "POST /api/v1/members/{member_id}/recognize")
    json ub POST /members/000001QN/recognize '{"resolution":"2026-11-01","votes":"3/3","decision":"2026-11-10"}' -H 'If-Match: "v1"' ;;
  "POST /api/v1/members/{member_id}/badges")
    json ub POST /members/000001QN/badges '{"years":40,"date":"2026-11-07"}' -H 'If-Match: "v1"' ;;
  "POST /api/v1/members/{member_id}/transfer")
    json ub POST /members/000001QN/transfer '{"action":"start","to":"QN.UB.01","date":"2026-11-01"}' -H 'If-Match: "v1"' ;;
  "POST /api/v1/members/{member_id}/exempt")
    json ub POST /members/000001QN/exempt '{"action":"start","date":"2026-11-01","reason":"age"}' -H 'If-Match: "v1"' ;;
  "POST /api/v1/members/{member_id}/exit") json ub POST /members/000001QN/exit '{"kind":"death","date":"2026-11-01"}' -H 'If-Match: "v1"' ;;
  "POST /api/v1/members/{member_id}/discipline")
    json ub POST /members/000001QN/discipline '{"form":"reprimand","date":"2026-11-01"}' -H 'If-Match: "v1"' ;;
  "POST /api/v1/members/{member_id}/card") json ub POST /members/000001QN/card '{}' ;;
  "GET /api/v1/applicants") call ub GET "/applicants?org=QN.BC&all=1" ;;
  "POST /api/v1/applicants")
    json ub POST /applicants '{"code":"UT-X","full_name":"Lê Thị Mới","gender":"nữ","birth_date":"1990-01-01","org":"QN.HL.01.01"}' ;;
  "POST /api/v1/applicants/{code}/steps")
    "$DANGBO" applicant add UT-OUT --name "Phạm Văn Ứng" --gender nam --birth 1998-02-03 --org QN.HL.01.01 \
      --listed 2026-01-05 2>/dev/null
    json ub POST /applicants/UT-OUT/steps '{"step":"application","date":"2026-11-01"}'
    expect_body_lacks "the applicant's name" "Phạm Văn Ứng" ;;
  "GET /api/v1/congresses") call ub GET "/congresses?org=QN.BC&term=2025-2030" ;;
  "POST /api/v1/congresses") json ub POST /congresses '{"org":"QN.HL.01","term":"2025-2030","kind":"members","planned":"2027-05-01"}' ;;
  "POST /api/v1/imports") call ub POST /imports -F "members=@$TMP/members_out.csv;type=text/csv" ;;
  "GET /api/v1/exports/{kind}") call ub GET "/exports/members?org=QN.BC" ;;
  "GET /api/v1/audit") call ub GET "/audit?entity=member:000001QN" ;;
  "GET /api/v1/due") call ub GET "/due?org=QN.BC" ;;
  "GET /api/v1/reports") KIND=none ;; # the catalogue: no data
  "POST /api/v1/elections/count" | "POST /api/v1/elections/minutes")
    KIND=none ;; # the round is all in the request: no data of any organization
  "GET /api/v1/reports/{name}") call ub GET "/reports/members?org=QN.BC&depth=2" ;;
  "GET /api/v1/users") KIND=filter; call ub GET /users ;;
  "POST /api/v1/users") json ub POST /users '{"login":"intruder","password":"matkhau-intruder","role":"admin","org":"QN.BC"}' ;;
  "POST /api/v1/users/{login}/disable") call ub POST /users/bc/disable ;;
  "POST /api/v1/users/{login}/enable") call ub POST /users/bc/enable ;;
  "POST /api/v1/users/{login}/password") json ub POST /users/bc/password '{"password":"matkhau-moi-123"}' ;;
  *) KIND=unknown ;;
  esac
}

login ub
login ubview
n=0
while IFS=$'\t' read -r method pattern roles flags maxbody; do
  n=$((n + 1))
  path=${pattern#/api/v1}
  path=${path//\{code\}/QN.HL.01}
  path=${path//\{member_id\}/000001QN}
  path=${path//\{kind\}/members}
  path=${path//\{login\}/bc}
  path=${path//\{name\}/members}
  # 1. without a session
  call anon "$method" "$path"
  if [ "$roles" = public ]; then
    if [ "$STATUS" = 401 ]; then bad "$method $pattern is public but answered 401"; else ok; fi
  else
    expect_status "$method $pattern without a session" 401
    expect_jq "$method $pattern 401 body" .error.status 401
  fi
  # 2. outside the caller's subtree
  out_of_scope "$method" "$pattern"
  case $KIND in
  deny)
    expect_status "$method $pattern outside the subtree" "403|404"
    expect_body_lacks "$method $pattern outside the subtree" "${SECRETS[@]}" ;;
  filter)
    expect_status "$method $pattern (a list) outside the subtree" 200
    expect_body_lacks "$method $pattern (a list) outside the subtree" '"bc"' '"sec"' "${SECRETS[@]}" ;;
  none) ok ;;
  *) bad "$method $pattern: no out-of-scope case in t0610-routes.sh (add one)" ;;
  esac
  # 3. a viewer changes nothing
  if [[ "$flags" == *write* && "$roles" != *viewer* ]]; then
    if [ "$maxbody" = 0 ]; then call ubview "$method" "$path"; else json ubview "$method" "$path" '{}'; fi
    expect_status "$method $pattern as a viewer" 403
  fi
done <"$TMP/routes"
[ "$n" -ge 20 ] && ok || bad "only $n routes"

# nothing of QN.BC's subtree changed (the audit log has no web:ub write)
"$DANGBO" audit log --limit 100 >"$TMP/audit"
if grep -P '\tweb:ub\t' "$TMP/audit" | grep -v 'session\.'; then bad "ub changed something"; else ok; fi
call ub GET /members/UB0001
expect_status "ub reads its own member" 200
expect_jq "its own member" .full_name "Hoàng Văn Ước"

finish
