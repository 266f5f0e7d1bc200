#!/usr/bin/env bash
# The "lifecycle" report (contract §3: reports gain the indicators of the
# lifecycle events): temporary transfers, exemptions, discipline, badges and
# the admission pipeline counted in a period, at the organizations that
# held them on the day (a row per organization with --depth), next to the
# members report's admitted/recognized/transferred/removed. It needs a
# period and reads the database.
. "$(dirname "$0")/lib.sh"
G="$TESTDATA/import/good"

expect_status 0 db init
expect_status 0 db import orgs "$G/orgs.csv" org_events "$G/org_events.csv" members "$G/members.csv" events "$G/events.csv"
expect_status 2 db report lifecycle --org QN

# the admission pipeline in 2025-2026
expect_status 0 db applicant add A1 --name "Hồ Văn Một" --gender nam --birth 1990-01-01 --org QN.HL.01.01 --listed 2025-03-01
expect_status 0 db applicant add A2 --name "Hồ Thị Hai" --gender nữ --birth 1991-01-01 --org QN.HL.01.03 --listed 2026-02-01
expect_status 0 db applicant add A3 --name "Hồ Văn Ba" --gender nam --birth 1992-01-01 --org QN.HL.01.03 --listed 2026-02-02
for a in A1 A2; do
  expect_status 0 db applicant step $a course --date 2026-02-10
  expect_status 0 db applicant step $a application --date 2026-02-11
  expect_status 0 db applicant step $a introducer --date 2026-02-12 --person 000001QN --since 2020-01-01
  expect_status 0 db applicant step $a introducer --date 2026-02-13 --person 000002QN --since 2020-01-01
done
expect_status 0 db applicant step A1 cell_vote --date 2026-03-02 --votes 5/9
expect_status 0 db applicant step A1 cell_vote --date 2026-03-09 --votes 7/9
expect_status 0 db applicant step A1 committee_vote --date 2026-03-16 --votes 9/12
expect_status 0 db applicant step A1 decision --date 2026-04-06 --votes 5/7
expect_status 0 db applicant step A3 drop --date 2026-04-01
# member events of 2026
expect_status 0 db transfer temp 000002QN --to-unit "Trường Chính trị tỉnh" --date 2026-03-01 --until 2026-08-31
expect_status 0 db transfer back 000002QN --date 2026-08-31
expect_status 0 db exempt start 000001QN --date 2026-04-01 --reason age
expect_status 0 db discipline 000005QN --form reprimand --date 2026-05-05
expect_status 0 db badge award 000001QN --years 40 --date 2025-05-19

db report lifecycle --org QN --from 2026-01-01 --to 2026-12-31 --format csv >"$TMP/r"
expect_grep "QN,Đảng bộ tỉnh Quảng Ninh,temp_out,1," "$TMP/r"
expect_grep "QN,Đảng bộ tỉnh Quảng Ninh,temp_back,1," "$TMP/r"
expect_grep "QN,Đảng bộ tỉnh Quảng Ninh,exempt_started,1," "$TMP/r"
expect_grep "QN,Đảng bộ tỉnh Quảng Ninh,exempt_ended,0," "$TMP/r"
expect_grep "QN,Đảng bộ tỉnh Quảng Ninh,disciplined,1," "$TMP/r"
expect_grep "QN,Đảng bộ tỉnh Quảng Ninh,badges_awarded,0," "$TMP/r"
# A1 was listed in 2025; A2 and A3 in 2026
expect_grep "QN,Đảng bộ tỉnh Quảng Ninh,applicants_listed,2," "$TMP/r"
expect_grep "QN,Đảng bộ tỉnh Quảng Ninh,certificates,2," "$TMP/r"
# a failed chi bộ vote is not a resolution
expect_grep "QN,Đảng bộ tỉnh Quảng Ninh,cell_resolutions,1," "$TMP/r"
expect_grep "QN,Đảng bộ tỉnh Quảng Ninh,decisions,1," "$TMP/r"
expect_grep "QN,Đảng bộ tỉnh Quảng Ninh,applicants_dropped,1," "$TMP/r"
db report lifecycle --org QN --from 2025-01-01 --to 2025-12-31 --format csv >"$TMP/r"
expect_grep "QN,Đảng bộ tỉnh Quảng Ninh,badges_awarded,1," "$TMP/r"
expect_grep "QN,Đảng bộ tỉnh Quảng Ninh,applicants_listed,1," "$TMP/r"
# one row per organization: where each thing happened
db report lifecycle --org QN --from 2026-01-01 --to 2026-12-31 --depth 3 --format csv >"$TMP/r"
expect_grep "QN.HL.01.01,Chi bộ Khu 1,exempt_started,1," "$TMP/r"
expect_grep "QN.HL.01.03,Chi bộ Khu 3,temp_out,1," "$TMP/r"
expect_grep "QN.HL.01.03,Chi bộ Khu 3,applicants_listed,2," "$TMP/r"
expect_grep "QN.HL.01.01,Chi bộ Khu 1,decisions,1," "$TMP/r"
expect_grep "QN.HL.02,Chi bộ Trường THCS Bãi Cháy,disciplined,0," "$TMP/r"
db report lifecycle --org QN --from 2026-01-01 --to 2026-12-31 >"$TMP/t"
expect_grep "Quần chúng ưu tú đưa vào danh sách" "$TMP/t"
finish
