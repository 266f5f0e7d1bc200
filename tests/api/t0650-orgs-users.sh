#!/usr/bin/env bash
# The organization tree through the API: as of any day, limited to the
# caller's subtree; adding, moving, renaming, merging and dissolving with
# the registry's checks (contract §2 org_events). Users: an administrator
# manages the users of their own subtree only; roles limit what each may do.
. "$(dirname "$0")/lib.sh"
setup_db
start_server
login root
login bc
login ub
login sec

# the tree, as of today and as of a past day
call root GET "/orgs?depth=3"
expect_status "tree" 200
expect_jq "roots' children today" '[.root.children[].code] | join(",")' QN.BC,QN.UB
expect_jq "children counts" '.root.children[0].children_count' 2
call root GET "/orgs?depth=1&as_of=2020-01-01"
expect_jq "the tree of 2020 (before the 2025 reorganisation)" '[.root.children[].code] | join(",")' QN.HL,QN.UB
call bc GET "/orgs?depth=2"
expect_jq "bc's tree starts at its scope" .root.code QN.BC
call bc GET "/orgs?depth=1&root=QN"
expect_status "above bc's scope" 404
call root GET /orgs/QN.HL.01.03
expect_jq "an organization" '.name + " / " + .parent.code' "Chi bộ Khu 3 / QN.HL.01"
expect_jq "ancestors" '[.ancestors[].code] | join(",")' QN,QN.BC,QN.HL.01
expect_jq "members now" .member_count 2
expect_jq "its history" '.events[0].type' rename
call bc GET /orgs/QN.HL.01.03
expect_jq "ancestors within bc's part only" '[.ancestors[].code] | join(",")' QN.BC,QN.HL.01
call root GET "/orgs/QN.HL.01.03?as_of=2019-06-01"
expect_jq "its name in 2019" .name "Chi bộ Khu phố 3"

# changes
json bc POST /orgs '{"code":"QN.HL.01.04","name":"Chi bộ Khu 4","kind":"cell","parent":"QN.HL.01","founded_on":"2026-01-01"}'
expect_status "add" 201
expect_header "Location" '^Location: /api/v1/orgs/QN.HL.01.04'
json bc POST /orgs '{"code":"QN.HL.01.04","name":"Chi bộ Khu 4","kind":"cell","parent":"QN.HL.01"}'
expect_status "add again" 409
json bc POST /orgs '{"code":"QN.HL.01.05","name":"X","kind":"province","parent":"QN.HL.01"}'
expect_status "kinds that cannot nest" 400
expect_jq "says why" '.error.problems | length > 0' true
json bc POST /orgs/QN.HL.01.04/rename '{"date":"2026-06-01","name":"Chi bộ Khu phố 4"}'
expect_status "rename" 200
expect_jq "renamed" .name "Chi bộ Khu phố 4"
json bc POST /orgs/QN.HL.01.04/merge '{"date":"2026-09-01","into":"QN.HL.01.03"}'
expect_status "merge" 200
expect_jq "merged" '.merged_into + " " + .dissolved_on' "QN.HL.01.03 2026-09-01"
json bc POST /orgs/QN.HL.01.04/dissolve '{"date":"2026-10-01"}'
expect_status "dissolve what has ended" 400
json bc POST /orgs/QN.HL.02/move '{"date":"2026-10-01","to":"QN.HL.01"}'
expect_status "a base cell under a base committee" 400
json sec POST /orgs/QN.HL.01.01/rename '{"date":"2026-10-01","name":"X"}'
expect_status "a secretary does not change the tree" 403
call root GET "/orgs/QN.HL.01?as_of=2026-07-01"
expect_jq "children on 2026-07-01" '[.children[].code] | join(",")' QN.HL.01.01,QN.HL.01.03,QN.HL.01.04
call root GET "/orgs/QN.HL.01"
expect_jq "children today" '[.children[].code] | join(",")' QN.HL.01.01,QN.HL.01.03

# users: an administrator of QN.UB manages QN.UB's users only
call ub GET /users
expect_jq "ub's users" '[.users[].login] | join(",")' ub,ubview
json ub POST /users '{"login":"ub2","password":"matkhau-ub2","role":"staff","org":"QN.UB.01"}'
expect_status "add a user" 201
expect_jq "added" '.login + " " + .role + " " + .org' "ub2 staff QN.UB.01"
json ub POST /users '{"login":"ub3","password":"short","role":"staff","org":"QN.UB.01"}'
expect_status "a short password" 400
expect_jq "says which field" '.error.problems[0].column' password
json ub POST /users '{"login":"ub2","password":"matkhau-ub2","role":"staff","org":"QN.UB.01"}'
expect_status "a login taken" 409
json ub POST /users '{"login":"ub4","password":"matkhau-ub4","role":"boss","org":"QN.UB.01"}'
expect_status "an unknown role" 400
login ub2
call ub2 GET /users
expect_status "staff may not list users" 403
call ub POST /users/ub2/disable
expect_status "disable" 200
expect_jq "disabled" .disabled true
call ub2 GET /me
expect_status "a disabled user's session has ended" 401
json anon POST /session '{"login":"ub2","password":"matkhau-ub2"}'
expect_status "a disabled user cannot log in" 401
call ub POST /users/ub2/enable
expect_status "enable" 200
json ub POST /users/ub2/password '{"password":"mat-khau-moi-2"}'
expect_status "set a password" 204
json anon POST /session '{"login":"ub2","password":"mat-khau-moi-2"}'
expect_status "log in with it" 200
call ub POST /users/ub/disable
expect_status "an admin cannot disable themselves" 422
# my own password
json sec POST /me/password '{"old_password":"wrong-password","new_password":"matkhau-moi-sec"}'
expect_status "a wrong old password" 403
json sec POST /me/password '{"old_password":"matkhau-sec","new_password":"matkhau-moi-sec"}'
expect_status "change my password" 204
json anon POST /session '{"login":"sec","password":"matkhau-moi-sec"}'
expect_status "log in with the new password" 200

"$DANGBO" audit verify >"$TMP/out" 2>&1 && ok || { bad "audit verify"; cat "$TMP/out" >&2; }
"$DANGBO" audit log --limit 100 >"$TMP/audit"
for a in org.add org.rename org.merge user.add user.disable user.enable user.password; do
  if grep -q $'\t'"$a"$'\t' "$TMP/audit"; then ok; else bad "$a not in the audit log"; fi
done
if grep -q 'matkhau' "$TMP/audit"; then bad "a password in the audit log"; else ok; fi
finish
