#!/usr/bin/env bash
# The screening and degradation reports through the API (contract §3, §5:
# GET /api/v1/reports/{name}?org=..&period=P): the same rows as `dangbo
# report screening --year Y` / `degradation --period P` (Chỉ thị 28-CT/TW;
# NQ 04-NQ/TW); without a period they are refused (400).
. "$(dirname "$0")/lib.sh"
setup_db
cat >"$TMP/s.csv" <<'CSV'
year,member_id,reason,outcome
2025,000001QN,không đóng đảng phí 3 tháng,progressed
2025,000002QN,ngại sinh hoạt,continued
CSV
"$DANGBO" import screening "$TMP/s.csv" 2>"$TMP/imp.err" && ok || { bad "import screening"; cat "$TMP/imp.err" >&2; }
cat >"$TMP/d.csv" <<'CSV'
period,subject_type,subject,manifestation,level
2025,member,000001QN,A5,3
2025,member,000001QN,B7,5
2025,member,000002QN,A5,5
CSV
"$DANGBO" import degradation "$TMP/d.csv" 2>"$TMP/imp.err" && ok || { bad "import degradation"; cat "$TMP/imp.err" >&2; }
start_server
login bc

call bc GET "/reports/screening?org=QN.BC&period=2025"
expect_status "screening report" 200
expect_jq "listed" '[.rows[] | select(.org_code == "QN.BC" and .indicator == "listed")][0].count' 2
expect_jq "progressed" '[.rows[] | select(.org_code == "QN.BC" and .indicator == "progressed")][0].percent_text' '50,00%'
jq -S .rows "$TMP/body" >"$TMP/api.json"
"$DANGBO" report screening --org QN.BC --year 2025 --format json --no-snapshot | jq -S . >"$TMP/cli.json"
cmp -s "$TMP/api.json" "$TMP/cli.json" && ok || { bad "API rows differ from the CLI's"; diff "$TMP/api.json" "$TMP/cli.json" | head >&2; }
call bc GET "/reports/screening?org=QN.BC"
expect_status "screening report without a year" 400

call bc GET "/reports/degradation?org=QN.BC&period=2025"
expect_status "degradation report" 200
expect_jq "assessed" '[.rows[] | select(.org_code == "QN.BC" and .indicator == "assessed")][0].count' 2
expect_jq "manifest" '[.rows[] | select(.org_code == "QN.BC" and .indicator == "manifest")][0].count' 1
expect_jq "A5 at level 3" '[.rows[] | select(.org_code == "QN.BC" and .indicator == "m05_level3")][0].count' 1
call bc GET "/reports/degradation?org=QN.BC"
expect_status "degradation report without a period" 400

# the same files through GET /exports/{kind}, in the caller's part of the tree
for k in screening degradation; do
  call bc GET "/exports/$k?org=QN.BC"
  expect_status "export $k" 200
  "$DANGBO" export "$k" --org QN.BC >"$TMP/cli.$k.csv"
  cmp -s "$TMP/body" "$TMP/cli.$k.csv" && ok || { bad "the API's $k.csv differs from the CLI's"; diff "$TMP/body" "$TMP/cli.$k.csv" | head >&2; }
  grep -q "filename=\"$k.csv\"" "$TMP/hdr" && ok || bad "$k: no file name"
done
[ "$(wc -l <"$TMP/cli.screening.csv")" -eq 3 ] && ok || bad "screening export: $(cat "$TMP/cli.screening.csv")"
call bc GET "/exports/residence?org=QN.BC"
expect_status "export residence" 200
call bc GET "/exports/nothing"
expect_status "unknown export" 404
finish
