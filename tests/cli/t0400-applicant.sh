#!/usr/bin/env bash
# The admission pipeline (dangbo applicant), golden cases with the rule each
# one checks (rules.md §4.1, §4.2):
#   - age 18 to 60 counted in months on the day the chi bộ considers the
#     case (QĐ 294-QĐ/TW §1.1): exactly 18 years 0 months passes, a day
#     less is refused; born on 29 February; over 60 needs a consent;
#   - introducers: official members, 12 months together (§3.2.1);
#   - votes: >= 2/3 of the chi bộ (failed votes recorded, after 3 the upper
#     committee takes the case, §4.2.3), >= 2/3 of the committee, > 1/2 of
#     the standing committee (HD 06-HD/TW §3.6-3.7);
#   - the decision within 45 working days of the chi bộ resolution, across
#     Tết 2026 (14/02-22/02 off): a resolution of 06/02/2026 is due by
#     17/04/2026 (+15 in special cases) (§4.3.1); the ceremony within 30
#     working days of the decision (§4.1), later only with a consent;
#   - the ceremony makes the member, numbered from the CV range;
#   - re-admission: 36 months, once only, never after the excluded exits (§3.5);
#   - the text in force on the day is cited (QĐ 24-QĐ/TW before 01/7/2025).
. "$(dirname "$0")/lib.sh"
G="$TESTDATA/import/good"

expect_status 0 db init
expect_status 0 db import orgs "$G/orgs.csv" org_events "$G/org_events.csv" members "$G/members.csv" events "$G/events.csv"

# ---- age: exactly 18 years 0 months on the day of the chi bộ vote ----
expect_status 0 db applicant add UT-001 --name "Hoàng Văn Em" --gender nam --birth 2008-03-15 --org QN.HL.01.01 \
  --listed 2025-09-01 --card 022208123456
expect_status 0 db applicant step UT-001 course --date 2025-10-01 --ref "GCN 12"
expect_status 0 db applicant step UT-001 application --date 2025-12-01
expect_status 0 db applicant step UT-001 introducer --date 2025-12-05 --person 000001QN --since 2024-01-01
# 11 months together are not enough (QĐ 294-QĐ/TW §3.2.1)
expect_status 1 db applicant step UT-001 introducer --date 2025-12-06 --person 000002QN --since 2025-01-07
expect_grep "since: QĐ 294-QĐ/TW §3.2.1: 000002QN has worked or lived with the applicant since 07/01/2025" "$TMP/err"
expect_grep "nothing changed" "$TMP/err"
# a probationary member cannot introduce
expect_status 1 db applicant step UT-001 introducer --date 2026-06-01 --person 000004QN --since 2020-01-01
expect_grep "000004QN is not an official member on 01/06/2026" "$TMP/err"
expect_status 0 db applicant step UT-001 introducer --date 2025-12-06 --person 000002QN --since 2024-06-01
# one day before the 18th birthday: refused, citing the text of that day
expect_status 1 db applicant step UT-001 cell_vote --date 2026-03-14 --votes 7/9
expect_grep "birth: QĐ 294-QĐ/TW §1.1; HD 06-HD/TW §1.1: on 14/03/2026, the day the chi bộ considers the case, the applicant is 17 years 11 months old" "$TMP/err"
# on the birthday: 18 years 0 months; 5 of 9 is recorded as a failed vote
expect_status 0 db applicant step UT-001 cell_vote --date 2026-03-15 --votes 5/9
expect_grep "cell_vote recorded (not passed)" "$TMP/err"
expect_grep "5/9 does not reach 2/3" "$TMP/err"
expect_status 0 db applicant step UT-001 cell_vote --date 2026-03-16 --votes 6/9
expect_grep "cell_vote recorded (passed)" "$TMP/err"
# a cell under a grassroots committee: its vote comes before the decision
expect_status 1 db applicant step UT-001 decision --date 2026-03-20 --votes 6/9
expect_grep "step committee_vote" "$TMP/err"
expect_status 0 db applicant step UT-001 committee_vote --date 2026-03-20 --votes 10/15
expect_grep "next: decision by 21/05/2026 (QĐ 294-QĐ/TW §4.3.1)" "$TMP/err"
# > 1/2 of the standing committee: 5 of 10 is not enough
expect_status 1 db applicant step UT-001 decision --date 2026-04-10 --votes 5/10
expect_grep "HD 06-HD/TW §3.7" "$TMP/err"
expect_status 0 db applicant step UT-001 decision --date 2026-04-10 --votes 6/10 --ref "QĐ 123-QĐ/ĐU"
expect_grep "next: ceremony by 27/05/2026 (QĐ 294-QĐ/TW §4.1)" "$TMP/err"
# the ceremony: no --member-id and no CV range yet
expect_status 1 db applicant step UT-001 ceremony --date 2026-05-05
expect_grep "HD 38-HD/BTCTW §I.2.2: QN.BC has no CV number range" "$TMP/err"
expect_status 0 db card range add --org QN.BC --from 101 --to 199 --date 2026-01-01
expect_status 0 db applicant step UT-001 ceremony --date 2026-05-05
expect_grep "member 000101QN admitted (probationary)" "$TMP/err"
db member show 000101QN --as-of 2026-11-23 >"$TMP/m"
expect_grep "Ngày quyết định kết nạp:   10/04/2026" "$TMP/m"
expect_grep "Ngày lễ kết nạp:           05/05/2026" "$TMP/m"
expect_grep "Hết thời gian dự bị:       05/05/2027" "$TMP/m"
expect_grep "Số thẻ đảng viên:          022208123456" "$TMP/m"
expect_status 1 db applicant step UT-001 drop --date 2026-06-01
expect_grep "the applicant is a member now" "$TMP/err"
db applicant show UT-001 >"$TMP/show"
expect_grep "Đảng viên:             000101QN" "$TMP/show"
expect_grep "cell_vote       Nghị quyết chi bộ đề nghị kết nạp  5/9 không đạt" "$TMP/show"

# ---- born on 29 February; the decision deadline across Tết 2026 ----
expect_status 0 db applicant add UT-002 --name "Phạm Thị Xuân" --gender nữ --birth 2008-02-29 --org QN.HL.01.01 \
  --listed 2025-06-01 --ethnicity Tày
expect_status 0 db applicant step UT-002 course --date 2025-06-15
expect_status 0 db applicant step UT-002 application --date 2025-07-01
expect_status 0 db applicant step UT-002 union --date 2025-07-02 --ref "NQ Chi đoàn"
expect_status 0 db applicant step UT-002 introducer --date 2025-07-03 --person 000001QN --since 2024-01-01
# 27/02/2026 is 17 years 11 months; 28/02/2026 counts as the 18th birthday (month ends clamp)
expect_status 1 db applicant step UT-002 cell_vote --date 2026-02-27 --votes 3/3
expect_grep "17 years 11 months" "$TMP/err"
expect_status 0 db applicant step UT-002 cell_vote --date 2026-02-28 --votes 3/3
# a base cell (QN.HL.02) has no committee vote: its resolution goes up directly
expect_status 0 db applicant add UT-009 --name "Mai Văn Cơ" --gender nam --birth 1990-01-01 --org QN.HL.02 --listed 2025-06-01
expect_status 1 db applicant step UT-009 committee_vote --date 2026-03-02 --votes 3/3
expect_grep "base cell" "$TMP/err"

# UT-003: resolution on Friday 06/02/2026; 45 working days skip Tết: due 17/04/2026
expect_status 0 db applicant add UT-003 --name "Lê Văn Tết" --gender nam --birth 1990-01-01 --org QN.HL.01.03 --listed 2025-06-01
expect_status 0 db applicant step UT-003 course --date 2025-06-15
expect_status 0 db applicant step UT-003 application --date 2025-07-01
expect_status 0 db applicant step UT-003 introducer --date 2025-07-03 --person 000002QN --since 2024-01-01
expect_status 0 db applicant step UT-003 introducer --date 2025-07-04 --person 000001QN --since 2024-01-01
expect_status 0 db applicant step UT-003 cell_vote --date 2026-02-06 --votes 3/3
expect_grep "next: committee_vote by 17/04/2026 (QĐ 294-QĐ/TW §4.3.1)" "$TMP/err"
expect_status 0 db applicant step UT-003 committee_vote --date 2026-02-10 --votes 9/12
expect_grep "next: decision by 17/04/2026 (QĐ 294-QĐ/TW §4.3.1)" "$TMP/err"
expect_status 1 db applicant step UT-003 decision --date 2026-04-20 --votes 6/9
expect_grep "date: QĐ 294-QĐ/TW §4.3.1: the decision was due within 45 working days of the chi bộ resolution of 06/02/2026, by 17/04/2026" "$TMP/err"
# the special case: 60 working days (over Giỗ Tổ and 30/4-1/5): by 13/05/2026
expect_status 1 db applicant step UT-003 decision --date 2026-05-14 --votes 6/9 --extended
expect_grep "by 13/05/2026" "$TMP/err"
expect_status 0 db applicant step UT-003 decision --date 2026-05-13 --votes 6/9 --extended
expect_grep "next: ceremony by 24/06/2026" "$TMP/err"
# the ceremony after 30 working days needs the upper committee's consent
expect_status 1 db applicant step UT-003 ceremony --date 2026-06-25 --member-id 000150QN
expect_grep "QĐ 294-QĐ/TW §4.1: the ceremony was due within 30 working days of the decision of 13/05/2026, by 24/06/2026" "$TMP/err"
expect_status 0 db applicant step UT-003 ceremony --date 2026-06-25 --member-id 000150QN --late "CV 45-CV/ĐU đồng ý"
db member show 000150QN >"$TMP/m"
expect_grep "Ngày quyết định kết nạp:   13/05/2026" "$TMP/m"

# ---- three failed votes: the upper committee takes the case (QĐ 294-QĐ/TW §4.2.3) ----
expect_status 0 db applicant add UT-004 --name "Trương Văn Ba" --gender nam --birth 1995-05-05 --org QN.HL.01.03 --listed 2025-06-01
db applicant step UT-004 course --date 2025-06-15 2>/dev/null
db applicant step UT-004 application --date 2025-07-01 2>/dev/null
db applicant step UT-004 introducer --date 2025-07-03 --person 000002QN --since 2024-01-01 2>/dev/null
db applicant step UT-004 introducer --date 2025-07-04 --person 000001QN --since 2024-01-01 2>/dev/null
for d in 2025-08-01 2025-09-01 2025-10-01; do
  expect_status 0 db applicant step UT-004 cell_vote --date $d --votes 1/3
done
expect_grep "(3 failed chi bộ vote(s) of 3)" "$TMP/err"
expect_status 1 db applicant step UT-004 cell_vote --date 2025-11-03 --votes 3/3
expect_grep "QĐ 294-QĐ/TW §4.2.3: the chi bộ has voted 3 times without reaching 2/3" "$TMP/err"
# before 01/7/2025 the older text is cited
expect_status 1 db applicant step UT-004 cell_vote --date 2025-06-20 --votes 3/3
expect_grep "QĐ 24-QĐ/TW §4.2" "$TMP/err"

# ---- over 60: a consent is needed ----
expect_status 0 db applicant add UT-005 --name "Cao Văn Lão" --gender nam --birth 1965-01-10 --org QN.HL.01.03 --listed 2025-06-01
db applicant step UT-005 course --date 2025-06-15 2>/dev/null
db applicant step UT-005 application --date 2025-07-01 2>/dev/null
db applicant step UT-005 introducer --date 2025-07-03 --person 000002QN --since 2024-01-01 2>/dev/null
db applicant step UT-005 introducer --date 2025-07-04 --person 000001QN --since 2024-01-01 2>/dev/null
expect_status 1 db applicant step UT-005 cell_vote --date 2025-08-01 --votes 3/3
expect_grep "over 60 years counted in months: record the consent (--consent) first" "$TMP/err"
expect_status 0 db applicant add UT-006 --name "Cao Văn Lão" --gender nam --birth 1965-01-10 --org QN.HL.01.03 --listed 2025-06-01 --consent "CV 12-CV/TU"
db applicant step UT-006 course --date 2025-06-15 2>/dev/null
db applicant step UT-006 application --date 2025-07-01 2>/dev/null
db applicant step UT-006 introducer --date 2025-07-03 --person 000002QN --since 2024-01-01 2>/dev/null
db applicant step UT-006 introducer --date 2025-07-04 --person 000001QN --since 2024-01-01 2>/dev/null
expect_status 0 db applicant step UT-006 cell_vote --date 2025-08-01 --votes 3/3

# ---- bad input ----
expect_status 1 db applicant add UT-007 --name "X" --gender nam --birth 1990-01-01 --org QN.HL.02 --card 022190123456
expect_grep "the 4th digit 1 is for a woman" "$TMP/err"
expect_status 1 db applicant add UT-001 --name "X" --gender nam --birth 1990-01-01 --org QN.HL.02
expect_grep "applicant UT-001 exists already" "$TMP/err"
expect_status 1 db applicant add UT-008 --name "X" --gender nam --birth 1990-01-01 --org QN.HL.01
expect_grep "QN.HL.01 is not a chi bộ" "$TMP/err"
expect_status 2 db applicant step UT-003 vote --date 2026-01-01
expect_status 2 db applicant step UT-003 cell_vote --date 2026-01-01 --votes 7-9

# ---- re-admission (QĐ 294-QĐ/TW §3.5) ----
# 000005QN was expelled in 2012 and re-admitted in 2016: once only
expect_status 0 db exit expel 000005QN --date 2020-05-01 --reason other
expect_status 1 db applicant add RA-001 --readmit 000005QN --org QN.HL.01.03 --consent "CV 1" --listed 2026-01-01
expect_grep "readmit: QĐ 294-QĐ/TW §3.5: the person was re-admitted once already" "$TMP/err"
# 000003QN died
expect_status 1 db applicant add RA-002 --readmit 000003QN --org QN.HL.01.03 --consent "CV 1" --listed 2026-01-01
expect_grep "has died" "$TMP/err"
# a member who left: only for special family hardship, and after 36 months
expect_status 0 db member add 000030QN --name "Đinh Văn Rời" --gender nam --birth 1980-01-01 --org QN.HL.01.03 --decision 2005-01-01
expect_status 0 db probation recognize 000030QN --resolution 2006-01-05 --votes 3/3 --committee-votes 5/5 --decision 2006-01-20
expect_status 0 db exit leave 000030QN --date 2023-03-10
expect_status 1 db applicant add RA-003 --readmit 000030QN --org QN.HL.01.03 --consent "CV 1" --listed 2026-03-01
expect_grep "asked to leave the Party" "$TMP/err"
expect_status 1 db applicant add RA-003 --readmit 000030QN --org QN.HL.01.03 --consent "CV 1" --listed 2026-03-01 --exit-reason hardship
expect_grep "36 months after leaving the Party have not passed (from 10/03/2026)" "$TMP/err"
expect_status 1 db applicant add RA-003 --readmit 000030QN --org QN.HL.01.03 --listed 2026-03-10 --exit-reason hardship
expect_grep "written consent" "$TMP/err"
expect_status 0 db applicant add RA-003 --readmit 000030QN --org QN.HL.01.03 --consent "CV 7-CV/TU" --listed 2026-03-10 --exit-reason hardship
db applicant step RA-003 course --date 2026-03-15 2>/dev/null
db applicant step RA-003 application --date 2026-03-16 2>/dev/null
db applicant step RA-003 introducer --date 2026-03-17 --person 000002QN --since 2024-01-01 2>/dev/null
expect_status 1 db applicant step RA-003 introducer --date 2026-03-18 --person 000101QN --since 2024-01-01
expect_grep "000101QN is not an official member on 18/03/2026" "$TMP/err"
expect_status 0 db applicant step RA-003 union --date 2026-03-18
expect_status 0 db applicant step RA-003 cell_vote --date 2026-03-20 --votes 3/3
expect_status 0 db applicant step RA-003 committee_vote --date 2026-03-25 --votes 5/5
expect_status 0 db applicant step RA-003 decision --date 2026-04-01 --votes 6/9
expect_status 0 db applicant step RA-003 ceremony --date 2026-04-10
expect_grep "member 000030QN admitted (probationary)" "$TMP/err"
db member show 000030QN --as-of 2026-11-23 >"$TMP/m"
expect_grep "Tình trạng:                Dự bị" "$TMP/m"
expect_grep "Ngày lễ kết nạp:           10/04/2026" "$TMP/m"
expect_grep "Hết thời gian dự bị:       10/04/2027" "$TMP/m"
expect_grep "Kết nạp lại  QN.HL.01.03" "$TMP/m"
# party age: from the first decision, minus the time outside the Party
# (2005-01-01 .. 2023-03-10 = 6642 days; 2026-04-01 .. 2026-11-23 = 236 days)
expect_grep "Tuổi đảng:                 18 năm (6878 ngày)" "$TMP/m"

# ---- lists and the audit log ----
db applicant list --org QN >"$TMP/list"
expect_grep $'UT-004\tTrương Văn Ba\tQN.HL.01.03\tcell_vote' "$TMP/list"
expect_eq "admitted ones are not listed" "$(grep -c 'UT-001' "$TMP/list")" 0
db applicant list --org QN --all >"$TMP/all"
expect_grep $'UT-001\tHoàng Văn Em\tQN.HL.01.01\tadmitted' "$TMP/all"
db audit log --limit 200 >"$TMP/log"
expect_grep $'\tapplicant.add\tapplicant:UT-001' "$TMP/log"
expect_grep $'\tapplicant.step\tapplicant:UT-001' "$TMP/log"
expect_grep $'\tmember.add\tmember:000101QN' "$TMP/log"
expect_grep $'\tmember.readmit\tmember:000030QN' "$TMP/log"
expect_status 0 db audit verify
finish
