#!/usr/bin/env bash
# The ratings report through the API (contract §3, §5: GET
# /api/v1/reports/ratings?org=..&period=P): the same rows as `dangbo report
# ratings --period P`; without a period it is refused (400).
. "$(dirname "$0")/lib.sh"
setup_db
# QN.HL.01 (base committee) and QN.HL.02 (base cell) under QN.BC; members
# 000001QN and 000002QN in QN.HL.01's cells
cat >"$TMP/r.csv" <<'CSV'
period,subject_type,subject,score,level,self_review,override_reason
2025,org,QN.HL.01,92,excellent,yes,
2025,org,QN.HL.02,75,good,no,
2025,member,000001QN,80,good,yes,
2025,member,000002QN,45,failed,no,
CSV
"$DANGBO" import ratings "$TMP/r.csv" 2>"$TMP/imp.err" && ok || { bad "import ratings"; cat "$TMP/imp.err" >&2; }
start_server
login bc

call bc GET "/reports/ratings?org=QN.BC&period=2025"
expect_status "ratings report with its period" 200
expect_jq "base organizations rated" '[.rows[] | select(.org_code == "QN.BC" and .indicator == "org_rated")][0].count' 2
expect_jq "excellent" '[.rows[] | select(.org_code == "QN.BC" and .indicator == "org_excellent")][0].count' 1
expect_jq "members failed" '[.rows[] | select(.org_code == "QN.BC" and .indicator == "member_failed")][0].count' 1
expect_jq "self-review of collectives" '[.rows[] | select(.org_code == "QN.BC" and .indicator == "self_review_collective")][0].count' 1
jq -S .rows "$TMP/body" >"$TMP/api.json"
"$DANGBO" report ratings --org QN.BC --period 2025 --format json --no-snapshot | jq -S . >"$TMP/cli.json"
cmp -s "$TMP/api.json" "$TMP/cli.json" && ok || { bad "API rows differ from the CLI's"; diff "$TMP/api.json" "$TMP/cli.json" | head >&2; }
call bc GET "/reports/ratings?org=QN.BC"
expect_status "ratings report without a period" 400
call bc GET "/reports/ratings?org=QN.BC&period=2024"
expect_status "another period" 200
expect_jq "nothing rated in 2024" '[.rows[] | select(.org_code == "QN.BC" and .indicator == "org_rated")][0].count' 0
finish
