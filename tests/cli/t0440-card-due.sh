#!/usr/bin/env bash
# Cards and CV numbers (HD 38-HD/BTCTW §I.2.2, §II.2; NĐ 137/2015/NĐ-CP
# Điều 13), and the due and overdue list computed from dates when asked
# (rules.md §4; no stored flag: the same database answers differently on
# different days):
#   - personal ids: 12 digits, a known province of birth, the gender and
#     century digit, the year of birth;
#   - CV ranges per upper committee: no overlap, no reuse, and after the
#     merger of 01/7/2025 numbering continues after the largest number any
#     merged province issued;
#   - due: probation ending, recognition due and overdue (30 working days),
#     decisions and ceremonies and their limits across Tết, certificates
#     expiring and expired (60 months), introducer letters older than 12
#     months, badges of the next award date.
. "$(dirname "$0")/lib.sh"
L="$TESTDATA/lifecycle"

expect_status 0 db init
expect_status 0 db import orgs "$L/orgs.csv" org_events "$L/org_events.csv" members "$L/members.csv" events "$L/events.csv"

# ---- personal ids ----
expect_status 0 db card check 030068000010 --birth 1968-04-10 --gender nam
expect_grep "030068000010: valid" "$TMP/out"
expect_status 1 db card check 03006800001
expect_grep "card: QĐ 347-QĐ/TW; HD 38-HD/BTCTW §II.2; NĐ 137/2015/NĐ-CP Điều 13: '03006800001': a personal id has 12 digits, not 11" "$TMP/err"
expect_status 1 db card check 099068000010
expect_grep "099 is not the code of a province of birth" "$TMP/err"
expect_status 1 db card check 030068000010 --birth 1968-04-10 --gender nữ
expect_grep "the 4th digit 0 is for a man" "$TMP/err"
expect_status 1 db card check 030268000010 --birth 1968-04-10
expect_grep "the 4th digit 2 is for people born in the 2000s, not in 1968" "$TMP/err"
expect_status 1 db card check 030069000010 --birth 1968-04-10
expect_grep "digits 5-6 (69) are not the year of birth 1968" "$TMP/err"
expect_status 2 db card check 030068000010 --gender x
expect_status 0 db member add 000017HP --name "Khúc Văn Sai" --gender nam --birth 1990-03-03 --org HP.NQ.01 \
  --decision 2020-05-05 --card 031191000017
expect_status 1 db card check --org HP
expect_grep "000017HP: QĐ 347-QĐ/TW; HD 38-HD/BTCTW §II.2; NĐ 137/2015/NĐ-CP Điều 13: '031191000017': the 4th digit 1 is for a woman" "$TMP/out"
expect_grep "6 cards checked, 2 with problems, 0 members without a card number" "$TMP/out"

# ---- CV numbers ----
# Hải Phòng took in Hải Dương on 01/7/2025: the largest number issued by
# either is 000017 (HP) / 000013 (HD)
expect_status 1 db card range add --org HP.LC --from 1 --to 500 --date 2025-08-01
expect_grep "is issued already: numbers are not reused" "$TMP/err"
expect_status 1 db card range add --org HP.LC --from 17 --to 500 --date 2025-08-01
expect_grep "000017HP is issued already" "$TMP/err"
expect_status 1 db card range add --org HP.NQ.01 --from 100 --to 500 --date 2025-08-01
expect_grep "ranges are given to upper committees under a province" "$TMP/err"
expect_status 0 db card range add --org HP.LC --from 18 --to 500 --date 2025-08-01
expect_status 1 db card range add --org HP.LC --from 400 --to 900 --date 2025-08-01
expect_grep "400-900 overlaps the range 18-500 of HP.LC" "$TMP/err"
# a range of 2-3 times the membership (a warning)
expect_status 0 db card range add --org HP.LC --from 501 --to 505 --date 2025-08-01
expect_grep "note: HD 38-HD/BTCTW §I.2.2: the range holds 5 numbers, under 2 times the 7 members of HP.LC" "$TMP/err"
db card next --org HP.NQ.01 --date 2025-08-01 >"$TMP/n"
expect_eq "next CV number" "$(cat "$TMP/n")" "000018HP"
db card range list >"$TMP/r"
expect_grep $'HP.LC\tHP\t000018\t000500\t-' "$TMP/r"
expect_status 1 db card next --org HD.TP.01.01 --date 2025-06-01
expect_grep "HD.TP has no CV number range with a free number" "$TMP/err"

# ---- the due list ----
# a probationary member: ceremony 10/03/2025, probation ends 10/03/2026;
# 30 working days later: 21/04/2026
expect_status 0 db member add 000018HP --name "Lò Thị Mai" --gender nữ --birth 2000-01-01 --org HP.NQ.01 \
  --decision 2025-03-01 --ceremony 2025-03-10 --ethnicity Thái
db due --org HP --as-of 2026-02-01 >"$TMP/d"
expect_eq "not yet within 30 days" "$(grep -c 000018HP "$TMP/d")" 0
db due --org HP --as-of 2026-02-10 >"$TMP/d"
expect_grep $'2026-03-10\tprobation_ending\t000018HP\tLò Thị Mai\tHP.NQ.01\thết dự bị ngày 10/03/2026 (Điều lệ Đảng Điều 5; QĐ 24-QĐ/TW §4.2)' "$TMP/d"
db due --org HP --as-of 2026-04-21 >"$TMP/d"
expect_grep $'2026-04-21\trecognition_due\t000018HP\tLò Thị Mai\tHP.NQ.01\thết dự bị ngày 10/03/2026; chi bộ xét trong 30 ngày làm việc, đến 21/04/2026 (QĐ 294-QĐ/TW §4.2.1)' "$TMP/d"
db due --org HP --as-of 2026-04-22 >"$TMP/d"
expect_grep $'2026-04-21\trecognition_overdue\t000018HP' "$TMP/d"
# the look-ahead is a setting
expect_status 0 db rules set due.lookahead_days 60
db due --org HP --as-of 2026-01-10 >"$TMP/d"
expect_grep $'probation_ending\t000018HP' "$TMP/d"
expect_status 0 db rules unset due.lookahead_days
expect_status 0 db probation recognize 000018HP --resolution 2026-04-24 --votes 3/3 --decision 2026-05-05
db due --org HP --as-of 2026-04-23 >"$TMP/d"
expect_eq "recognized: nothing due" "$(grep -c 000018HP "$TMP/d")" 0

# applicants: a chi bộ resolution on 06/02/2026 needs the decision by
# 17/04/2026 across Tết
expect_status 0 db applicant add UT-1 --name "Bùi Văn Tám" --gender nam --birth 1995-01-01 --org HP.NQ.01 --listed 2025-09-01
expect_status 0 db applicant step UT-1 course --date 2025-09-10
expect_status 0 db applicant step UT-1 application --date 2025-10-01
expect_status 0 db applicant step UT-1 introducer --date 2025-10-02 --person 000012HP --since 2020-01-01
expect_status 0 db applicant step UT-1 introducer --date 2025-10-03 --person 000014HP --since 2020-01-01
expect_status 0 db applicant step UT-1 cell_vote --date 2026-02-06 --votes 4/5
db due --org HP --as-of 2026-04-17 >"$TMP/d"
expect_grep $'2026-04-17\tdecision_due\tUT-1\tBùi Văn Tám\tHP.NQ.01\tchi bộ đề nghị ngày 06/02/2026; quyết định trong 45 ngày làm việc, đến 17/04/2026 (QĐ 294-QĐ/TW §4.3.1)' "$TMP/d"
db due --org HP --as-of 2026-04-20 >"$TMP/d"
expect_grep $'2026-04-17\tdecision_overdue\tUT-1' "$TMP/d"
# the same database, asked about an earlier day, says what was due then
db due --org HP --as-of 2026-02-05 >"$TMP/d"
expect_eq "before the resolution: nothing for UT-1" "$(grep -c 'decision_' "$TMP/d")" 0
expect_status 0 db applicant step UT-1 decision --date 2026-04-16 --votes 6/9
# 30 working days from 16/04/2026 over Giỗ Tổ (27/4) and 30/4-1/5: 02/06/2026
db due --org HP --as-of 2026-06-02 >"$TMP/d"
expect_grep $'2026-06-02\tceremony_due\tUT-1\tBùi Văn Tám\tHP.NQ.01\tquyết định ngày 16/04/2026; lễ kết nạp trong 30 ngày làm việc, đến 02/06/2026 (QĐ 294-QĐ/TW §4.1)' "$TMP/d"
db due --org HP --as-of 2026-06-03 >"$TMP/d"
expect_grep $'2026-06-02\tceremony_overdue\tUT-1' "$TMP/d"
# certificates: valid 60 months (HD 06-HD/TW §5.4); letters redone after 12
expect_status 0 db applicant add UT-2 --name "Hà Thị Chín" --gender nữ --birth 1996-01-01 --org HP.NQ.01 --listed 2021-01-01
expect_status 0 db applicant step UT-2 course --date 2021-03-15
expect_status 0 db applicant step UT-2 application --date 2025-01-02
expect_status 0 db applicant step UT-2 introducer --date 2025-01-05 --person 000012HP --since 2020-01-01
db due --org HP --as-of 2026-02-20 >"$TMP/d"
expect_grep $'2026-03-15\tcertificate_expiring\tUT-2\tHà Thị Chín\tHP.NQ.01\tgiấy chứng nhận ngày 15/03/2021 còn giá trị đến 15/03/2026 (HD 01-HD/TW §5)' "$TMP/d"
expect_grep $'2026-01-05\tintroducer_stale\tUT-2' "$TMP/d"
db due --org HP --as-of 2026-03-16 >"$TMP/d"
expect_grep $'2026-03-15\tcertificate_expired\tUT-2' "$TMP/d"
# badges of the next award date
db due --org HP --as-of 2025-08-15 >"$TMP/d"
expect_grep $'2025-09-02\tbadge_due\t000010HD\tVũ Văn Bảo\tHD.TP.01.01\tHuy hiệu 30 năm (đủ ngày 02/09/2025)' "$TMP/d"
# sorted by day; JSON too
db due --org HP --as-of 2026-03-16 --format json >"$TMP/j"
expect_grep '"kind": "certificate_expired"' "$TMP/j"
expect_grep '"overdue": true' "$TMP/j"
sort -c -t$'\t' -k1,1 "$TMP/d" 2>/dev/null && ok || bad "due list not sorted by day"
expect_status 1 db due --org XX
expect_grep "no organization 'XX'" "$TMP/err"
expect_status 2 db due
expect_status 0 db audit verify
finish
