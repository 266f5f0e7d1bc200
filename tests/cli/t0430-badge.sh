#!/usr/bin/env bash
# Party badges (QĐ 294-QĐ/TW §28; HD 06-HD/TW §18; HD 38-HD/BTCTW §III.1;
# rules.md §4.11) on tests/data/lifecycle (Hải Dương merges into Hải Phòng
# on 01/7/2025):
#   - who is due on an award date: a milestone reached between two award
#     dates waits for the next one (or, with badge.batching 1, Hà Nội's
#     window, which can come before it);
#   - party age across an expulsion and a re-admission (QĐ 294-QĐ/TW §4.4);
#   - the waits after discipline (6, 9, 12 months);
#   - early (serious illness) and posthumous awards, 12 months at most;
#   - numbers per province and milestone; after the merger Hải Phòng
#     continues after the largest number Hải Dương or Hải Phòng issued.
. "$(dirname "$0")/lib.sh"
L="$TESTDATA/lifecycle"

expect_status 0 db init
expect_status 0 db import orgs "$L/orgs.csv" org_events "$L/org_events.csv" members "$L/members.csv" events "$L/events.csv"

# only the four award dates
expect_status 1 db badge due --org HP --award-date 2025-05-20
expect_grep "award-date: QĐ 24-QĐ/TW §28: 20/05/2025 is not an award date (03/02, 19/5, 02/9, 07/11)" "$TMP/err"

# 000012HP reaches 30 years on 10/02/2025, between 03/02 and 19/5: due on 19/5
db badge due --org HP --award-date 2025-02-03 >"$TMP/b"
expect_eq "not due on 03/02" "$(grep -c 000012HP "$TMP/b")" 0
db badge due --org HP --award-date 2025-05-19 >"$TMP/b"
expect_grep $'000012HP\tLương Thị Hạnh\tHP.NQ.01\t30\t2025-02-10\t' "$TMP/b"
# Hà Nội's batches (setting): the 03/02 batch takes December to February
expect_status 0 db rules set badge.batching 1
db badge due --org HP --award-date 2025-02-03 >"$TMP/b"
expect_grep $'000012HP\tLương Thị Hạnh\tHP.NQ.01\t30\t2025-02-10\t' "$TMP/b"
expect_status 0 db rules unset badge.batching

# party age across an expulsion (2012) and a re-admission (2016): 000014HP,
# admitted 02/03/1985, reaches 30 years on 02/03/2019, not in 2015
db badge due --org HP --award-date 2015-05-19 --overdue >"$TMP/b"
expect_eq "not due in 2015" "$(grep -c 000014HP "$TMP/b")" 0
db badge due --org HP --award-date 2019-05-19 >"$TMP/b"
expect_grep $'000014HP\tNgô Văn Khải\tHP.NQ.01\t30\t2019-03-02\t' "$TMP/b"

# a reprimand on 01/04/2025: not considered before 01/10/2025
expect_status 0 db discipline 000012HP --form "khiển trách" --date 2025-04-01
db badge due --org HP --award-date 2025-05-19 >"$TMP/b"
expect_grep $'000012HP\tLương Thị Hạnh\tHP.NQ.01\t30\t2025-02-10\tdeferred until 2025-10-01' "$TMP/b"
expect_status 1 db badge award 000012HP --years 30 --date 2025-09-02
expect_grep "date: QĐ 294-QĐ/TW §28; HD 06-HD/TW §18: the member was disciplined: not considered before 01/10/2025" "$TMP/err"
# on 07/11/2025 the badge held back by the wait is listed, carried
db badge due --org HP --award-date 2025-11-07 >"$TMP/b"
expect_grep $'000012HP\tLương Thị Hạnh\tHP.NQ.01\t30\t2025-02-10\tcarried from 2025-05-19' "$TMP/b"

# numbers: Hải Dương issued 00000500 before the merger, Hải Phòng 00000300
expect_status 0 db badge award 000011HD --years 30 --date 2025-05-19 --number 00000500
expect_eq "Hải Dương's number" "$(cat "$TMP/out")" "HD 00000500"
expect_status 1 db badge award 000011HD --years 30 --date 2025-09-02
expect_grep "the member has the 30-year badge already" "$TMP/err"
expect_status 0 db member add 000016HP --name "Tạ Văn Hưng" --gender nam --birth 1965-01-01 --org HP.NQ.01 \
  --decision 1995-03-01
expect_status 1 db badge award 000016HP --years 30 --date 2025-05-19 --number E0000300
expect_grep "number: HD 12-HD/BTCTW: 'E0000300' is not a 30-year badge number (like 00000001)" "$TMP/err"
expect_status 0 db badge award 000016HP --years 30 --date 2025-05-19 --number 00000300
expect_eq "Hải Phòng's number" "$(cat "$TMP/out")" "HP 00000300"
# after the merger: the next Hải Phòng number follows the largest of both
db badge due --org HP --award-date 2025-09-02 >"$TMP/b"
expect_grep $'000010HD\tVũ Văn Bảo\tHD.TP.01.01\t30\t2025-09-02\t' "$TMP/b"
expect_status 0 db badge award 000010HD --years 30 --date 2025-09-02
expect_eq "continued after the merger" "$(cat "$TMP/out")" "HP 00000501"
expect_status 1 db badge award 000012HP --years 30 --date 2025-11-07 --number 00000501
expect_grep "HP 00000501 was issued already" "$TMP/err"
expect_status 0 db badge award 000012HP --years 30 --date 2025-11-07
expect_eq "next" "$(cat "$TMP/out")" "HP 00000502"
db member show 000010HD >"$TMP/m"
expect_grep "Huy hiệu Đảng  (Huy hiệu 30 năm tuổi Đảng, số HP 00000501)" "$TMP/m"
# the ones awarded are no longer due; the overdue ones never awarded are
db badge due --org HP --award-date 2025-11-07 --overdue >"$TMP/b"
expect_eq "awarded ones not due" "$(grep -cE '^(000010HD|000011HD|000012HP|000016HP)' "$TMP/b")" 0
expect_grep $'000014HP\tNgô Văn Khải\tHP.NQ.01\t30\t2019-03-02\tcarried from 2019-05-19' "$TMP/b"

# early for serious illness: at most 12 months before 40 years (02/03/2029)
expect_status 1 db badge award 000014HP --years 40 --date 2027-11-07 --how early
expect_grep "more than 12 months after 07/11/2027" "$TMP/err"
expect_status 1 db badge award 000014HP --years 40 --date 2028-05-19
expect_grep "the badge is given on 19/05/2029 (--how early for serious illness)" "$TMP/err"
expect_status 0 db badge award 000014HP --years 40 --date 2028-05-19 --how early
expect_eq "first 40-year number" "$(cat "$TMP/out")" "HP 0000001"

# posthumous: 000015HP died on 15/01/2026, 40 years on 07/11/2026
expect_status 1 db badge award 000015HP --years 40 --date 2026-11-07
expect_grep "not a member on 07/11/2026 (a posthumous award: --how posthumous)" "$TMP/err"
expect_status 0 db badge award 000015HP --years 40 --date 2026-02-03 --how posthumous
expect_eq "posthumous number" "$(cat "$TMP/out")" "HP 0000002"
expect_status 1 db badge award 000013HD --years 30 --date 2026-02-03 --how posthumous
expect_grep "a posthumous award is for a member who has died" "$TMP/err"
expect_status 1 db badge award 000013HD --years 35 --date 2026-02-03
expect_grep "35 years is not a milestone" "$TMP/err"

# the posthumous award has no event (the history ends at death); the one
# of Hải Dương before the merger counts there
db report lifecycle --org HP --from 2025-01-01 --to 2028-12-31 --format csv >"$TMP/r"
expect_grep "HP,Đảng bộ thành phố Hải Phòng,badges_awarded,4," "$TMP/r"
expect_grep "HP,Đảng bộ thành phố Hải Phòng,disciplined,1," "$TMP/r"
db audit log --limit 50 >"$TMP/log"
expect_grep $'\tmember.badge\tmember:000015HP' "$TMP/log"
expect_grep '"province":"HP","number":"00000501","how":"normal"' "$TMP/log"
expect_status 0 db audit verify
finish
