#!/usr/bin/env bash
# Reports through the API (contract §3, §5: GET /api/v1/reports/{name}):
# the same rows as `dangbo report`, in JSON, CSV, XLSX or text, for an
# organization within the caller's subtree; a change made through the API
# is in the next report.
. "$(dirname "$0")/lib.sh"
setup_db
start_server
login bc
login sec

call bc GET /reports
expect_status "catalogue" 200
expect_jq "members report listed" '[.reports[].name] | index("members") != null' true

call bc GET "/reports/members?org=QN.BC&depth=1"
expect_status "members report" 200
expect_jq "its organization" '.org.code + " " + .as_of' "QN.BC 2026-11-23"
jq -S .rows "$TMP/body" >"$TMP/api.json"
"$DANGBO" report members --org QN.BC --depth 1 --format json --no-snapshot | jq -S . >"$TMP/cli.json"
cmp -s "$TMP/api.json" "$TMP/cli.json" && ok || { bad "API rows differ from the CLI's"; diff "$TMP/api.json" "$TMP/cli.json" | head >&2; }
TOTAL=$(jq -r '[.[] | select(.org_code == "QN.BC" and .indicator == "total")][0].count' "$TMP/api.json")
[ -n "$TOTAL" ] && [ "$TOTAL" != null ] && ok || bad "no total count for QN.BC"

call bc GET "/reports/members?org=QN.BC&depth=1&format=csv"
expect_header "CSV" '^Content-Type: text/csv'
"$DANGBO" report members --org QN.BC --depth 1 --format csv --no-snapshot >"$TMP/cli.csv"
cmp -s "$TMP/body" "$TMP/cli.csv" && ok || bad "API CSV differs from the CLI's"
# the congress report takes its term
call bc GET "/reports/congress?org=QN.BC&term=2025-2030"
expect_status "congress report with its term" 200
jq -S .rows "$TMP/body" >"$TMP/api_c.json"
"$DANGBO" report congress --org QN.BC --term 2025-2030 --format json --no-snapshot | jq -S . >"$TMP/cli_c.json"
cmp -s "$TMP/api_c.json" "$TMP/cli_c.json" && ok || bad "API congress rows differ from the CLI's"
call bc GET "/reports/congress?org=QN.BC"
expect_status "congress report without a term" 400
call bc GET "/reports/members?org=QN.BC&format=xlsx"
expect_status "xlsx" 200
[ "$(head -c 2 "$TMP/body")" = PK ] && ok || bad "not an XLSX (zip) file"
# the report as a party document (report_render_pdf)
call bc GET "/reports/members?org=QN.BC&format=pdf"
expect_status "pdf" 200
expect_header "PDF" '^Content-Type: application/pdf'
[ "$(head -c 5 "$TMP/body")" = %PDF- ] && ok || bad "not a PDF file"
if command -v pdftotext >/dev/null; then
  pdftotext "$TMP/body" - | grep -qF "Tổng số đảng viên" && ok || bad "the PDF lacks the indicator labels"
fi
call bc GET "/reports/members?org=QN.BC&format=docx"
expect_status "unknown format" 400
call bc GET "/reports/nothing?org=QN.BC"
expect_status "unknown report" 404
call bc GET "/reports/members?org=QN"
expect_status "above the caller's scope" 404
call sec GET "/reports/members"
expect_status "the secretary's cell by default" 200
expect_jq "the cell" .org.code QN.HL.01.01

# a member added through the API is counted in the next report
json bc POST /members '{"member_id":"000030QN","full_name":"Mai Văn Tùng","gender":"nam","birth_date":"1990-10-10","org":"QN.HL.01.01","decision_date":"2026-10-10"}'
expect_status "add a member" 201
call bc GET "/reports/members?org=QN.BC"
expect_jq "counted" "[.rows[] | select(.org_code == \"QN.BC\" and .indicator == \"total\")][0].count" $((TOTAL + 1))
finish
