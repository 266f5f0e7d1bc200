#!/usr/bin/env bash
# The cadres report through the API (contract §3, §5: GET
# /api/v1/reports/cadres?org=..&as_of=D): the same rows as `dangbo report
# cadres`, limited to the caller's subtree like every report.
. "$(dirname "$0")/lib.sh"
setup_db
# QN.HL.01 (base committee) and QN.HL.02 (base cell) under QN.BC from 01/7/2025
"$DANGBO" post add 000001QN --kind secretary --org QN.HL.01 --from 2025-08-01 2>"$TMP/p.err" &&
"$DANGBO" post add 000001QN --kind people_chair --org QN.HL.01 --from 2025-08-01 2>>"$TMP/p.err" &&
"$DANGBO" post add 000002QN --kind secretary --org QN.HL.02 --from 2025-08-01 2>>"$TMP/p.err" && ok ||
  { bad "post add"; cat "$TMP/p.err" >&2; }
start_server
login bc

call bc GET "/reports/cadres?org=QN.BC&as_of=2025-12-31"
expect_status "cadres report" 200
expect_jq "secretaries of base organizations" \
  '[.rows[] | select(.org_code == "QN.BC" and .indicator == "secretaries_base")][0].count' 2
expect_jq "also chairman of the People's Committee" \
  '[.rows[] | select(.org_code == "QN.BC" and .indicator == "secretary_concurrent_committee_chair_base")][0].percent_text' '50,00%'
jq -S .rows "$TMP/body" >"$TMP/api.json"
"$DANGBO" report cadres --org QN.BC --as-of 2025-12-31 --format json --no-snapshot | jq -S . >"$TMP/cli.json"
cmp -s "$TMP/api.json" "$TMP/cli.json" && ok || { bad "API rows differ from the CLI's"; diff "$TMP/api.json" "$TMP/cli.json" | head >&2; }
# before the posts began nobody is counted
call bc GET "/reports/cadres?org=QN.BC&as_of=2025-07-31"
expect_status "before" 200
expect_jq "no secretary yet" '[.rows[] | select(.org_code == "QN.BC" and .indicator == "secretaries")][0].count' 0
# outside the caller's subtree: never data
# posts.csv through GET /exports/posts: the CLI's file
call bc GET "/exports/posts?org=QN.BC"
expect_status "export posts" 200
"$DANGBO" export posts --org QN.BC >"$TMP/cli.posts.csv"
cmp -s "$TMP/body" "$TMP/cli.posts.csv" && ok || { bad "the API's posts.csv differs from the CLI's"; diff "$TMP/body" "$TMP/cli.posts.csv" | head >&2; }
[ "$(wc -l <"$TMP/cli.posts.csv")" -gt 1 ] && ok || bad "no posts exported"
login ub
call ub GET "/reports/cadres?org=QN.BC&as_of=2025-12-31"
expect_status "another subtree" "403|404"
expect_body_lacks "another subtree" "secretaries"
finish
