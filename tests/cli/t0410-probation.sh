#!/usr/bin/env bash
# Probation, recognition, exemption, exits and discipline (rules.md §4.3,
# §4.6-4.8), each case citing its rule:
#   - official as of ceremony + 12 months (QĐ 294-QĐ/TW §4.2.2), even when
#     the chi bộ or the decision is late (recorded with a warning, §4.2.1,
#     §4.3.1); refused before probation ends or with too few votes;
#   - a probationary member not recognized is removed by the same votes
#     (HD 06-HD/TW §4.6), and is removed, not expelled (QĐ 296-QĐ/TW,
#     configurable: discipline.probationary_limits);
#   - exemption: old age by the chi bộ, other reasons for a stated term (§7);
#   - removal on one of the five grounds (§8.1);
#   - discipline forms; the rule settings are audited and only the
#     configurable rules can be set.
. "$(dirname "$0")/lib.sh"
G="$TESTDATA/import/good"

expect_status 0 db init
expect_status 0 db import orgs "$G/orgs.csv" org_events "$G/org_events.csv" members "$G/members.csv" events "$G/events.csv"

# 000004QN: ceremony 25/05/2026 (probation ends 25/05/2027), in the base cell QN.HL.02
export DANGBO_TODAY=2027-08-01
expect_status 1 db probation recognize 000004QN --resolution 2027-05-24 --votes 3/3 --decision 2027-06-01
expect_grep "resolution: Điều lệ Đảng Điều 5; QĐ 294-QĐ/TW §4.2.2: probation ends on 25/05/2027" "$TMP/err"
expect_status 1 db probation recognize 000004QN --resolution 2027-05-26 --votes 1/3 --decision 2027-06-01
expect_grep "votes: HD 06-HD/TW §3.6; QĐ 294-QĐ/TW §9.3.4: 1 of 3 in favour does not reach at least 2/3" "$TMP/err"
expect_status 1 db probation recognize 000004QN --resolution 2027-05-26 --votes 3/3 --decision 2027-06-01 --decision-votes 4/8
expect_grep "decision-votes: HD 06-HD/TW §3.7" "$TMP/err"
expect_status 2 db probation recognize 000004QN --resolution 2027-05-26 --decision 2027-06-01
# late: the chi bộ met 40 working days after probation ended, the decision
# 35 working days later: recorded with warnings, official from 25/05/2027
expect_status 0 db probation recognize 000004QN --resolution 2027-07-21 --votes 3/3 --decision 2027-07-30 --ref "QĐ 77-QĐ/ĐU"
expect_grep "member 000004QN: official from 25/05/2027" "$TMP/err"
expect_grep "note: QĐ 294-QĐ/TW §4.2.1: the chi bộ was to consider recognition by 06/07/2027" "$TMP/err"
db member show 000004QN --as-of 2027-05-24 >"$TMP/m1"
db member show 000004QN --as-of 2027-05-25 >"$TMP/m2"
expect_grep "Tình trạng:                Dự bị" "$TMP/m1"
expect_grep "Tình trạng:                Chính thức" "$TMP/m2"
expect_grep "Ngày chính thức:           25/05/2027" "$TMP/m2"
expect_status 1 db probation recognize 000004QN --resolution 2027-07-21 --votes 3/3 --decision 2027-07-30
expect_grep "not a probationary member" "$TMP/err"
# a member of a cell under a grassroots committee also needs its vote
expect_status 0 db member add 000040QN --name "Lâm Thị Mơ" --gender nữ --birth 1999-01-01 --org QN.HL.01.03 \
  --decision 2026-05-04 --ceremony 2026-05-19
expect_status 1 db probation recognize 000040QN --resolution 2027-05-20 --votes 3/3 --decision 2027-06-01
expect_grep "committee-votes: HD 06-HD/TW §3.6; QĐ 294-QĐ/TW §9.3.4: QN.HL.01.03 is a cell under a grassroots committee" "$TMP/err"
# not recognized: removed by the same votes (HD 06-HD/TW §4.6)
expect_status 1 db exit expel 000040QN --date 2027-06-01
expect_grep "form: QĐ 296-QĐ/TW Điều 9, Điều 16.3: a probationary member is not expelled but removed" "$TMP/err"
expect_status 1 db discipline 000040QN --form "cách chức" --date 2027-01-10
expect_grep "may only be reprimanded or warned" "$TMP/err"
expect_status 0 db discipline 000040QN --form "cảnh cáo" --date 2027-01-10 --reason "vi phạm quy định"
expect_status 0 db probation remove 000040QN --resolution 2027-05-20 --votes 3/3 --committee-votes 9/12 --decision 2027-06-01
expect_grep "member 000040QN: removed on 01/06/2027" "$TMP/err"
db member show 000040QN >"$TMP/m"
expect_grep "Tình trạng:                Đã xóa tên" "$TMP/m"
expect_grep "Kỷ luật  (cảnh cáo; vi phạm quy định)" "$TMP/m"
expect_grep "Xóa tên  (xóa tên đảng viên dự bị)" "$TMP/m"
# the setting lifts the probationary limits (and is audited)
expect_status 1 db rules set admission.decision_days 60
expect_grep "admission.decision_days is set by QĐ 294-QĐ/TW §4.3.1 and cannot be changed" "$TMP/err"
expect_status 1 db rules set discipline.probationary_limits 2
expect_grep "takes a value from 0 to 1" "$TMP/err"
expect_status 1 db rules set no.such.rule 1
expect_status 0 db rules set discipline.probationary_limits 0
db rules >"$TMP/rules"
expect_grep $'discipline.probationary_limits\t0\tmode\tQĐ 296-QĐ/TW Điều 9, Điều 16.3\tmedium\t* set' "$TMP/rules"
expect_grep $'admission.decision_days\t45\tworking days\tQĐ 294-QĐ/TW §4.3.1\thigh\t' "$TMP/rules"
db rules --as-of 2025-06-30 >"$TMP/rules-old"
expect_grep $'admission.decision_days\t45\tworking days\tQĐ 24-QĐ/TW §4.3.1' "$TMP/rules-old"
db rules versions >"$TMP/versions"
expect_grep "not established" "$TMP/versions"
expect_status 0 db member add 000041QN --name "Lâm Văn Nổi" --gender nam --birth 1999-01-01 --org QN.HL.01.03 --decision 2027-01-04
expect_status 0 db discipline 000041QN --form "cách chức" --date 2027-03-10
expect_status 0 db rules unset discipline.probationary_limits
expect_status 1 db rules unset discipline.probationary_limits
db audit log --limit 100 >"$TMP/log"
expect_grep $'\trule.set\trule:discipline.probationary_limits' "$TMP/log"
expect_grep $'\trule.unset\trule:discipline.probationary_limits' "$TMP/log"
expect_grep $'\tmember.recognize\tmember:000004QN' "$TMP/log"
expect_grep '"lifecycle":{"kind":"recognize","date":"2027-05-25","ref":"QĐ 77-QĐ/ĐU"' "$TMP/log"

# ---- exemption (QĐ 294-QĐ/TW §7) ----
expect_status 1 db exempt start 000002QN --date 2027-01-10 --reason abroad
expect_grep "until: QĐ 294-QĐ/TW §7; HD 38-HD/BTCTW §IV.1: an exemption for ra nước ngoài vì việc riêng is granted for a stated term" "$TMP/err"
expect_status 2 db exempt start 000002QN --date 2027-01-10 --reason holiday
expect_status 0 db exempt start 000002QN --date 2027-01-10 --reason abroad --until 2027-07-10
expect_grep "decided by the đảng ủy cơ sở" "$TMP/err"
expect_status 1 db exempt start 000002QN --date 2027-02-10 --reason age
expect_grep "already exempt" "$TMP/err"
db due --org QN --as-of 2027-06-20 >"$TMP/due"
expect_grep $'2027-07-10\texempt_ending\t000002QN\tTrần Thị Bình\tQN.HL.01.03' "$TMP/due"
db due --org QN --as-of 2027-08-01 >"$TMP/due"
expect_grep $'2027-07-10\texempt_overdue\t000002QN' "$TMP/due"
expect_status 0 db exempt end 000002QN --date 2027-08-02
db due --org QN --as-of 2027-08-03 >"$TMP/due"
expect_eq "no exemption due after its end" "$(grep -c exempt_ "$TMP/due")" 0
# old age: the chi bộ decides, no term
expect_status 0 db exempt start 000001QN --date 2027-01-10 --reason age
expect_grep "decided by the chi bộ" "$TMP/err"
db report members --org QN --as-of 2027-02-01 --format csv >"$TMP/r"
expect_grep "QN,Đảng bộ tỉnh Quảng Ninh,exempt,2," "$TMP/r"

# ---- removal on the five grounds (QĐ 294-QĐ/TW §8.1), exits ----
expect_status 1 db exit remove 000005QN --date 2027-03-01
expect_grep "ground: QĐ 294-QĐ/TW §8.1; HD 06-HD/TW §11: a removal states one of the five grounds" "$TMP/err"
expect_status 1 db exit remove 000005QN --date 2027-03-01 --ground 6
expect_status 1 db exit remove 000005QN --date 2027-03-01 --ground 2 --votes 5/9
expect_grep "5 of 9 in favour does not reach at least 2/3" "$TMP/err"
expect_status 0 db exit remove 000005QN --date 2027-03-01 --ground card --votes 6/9
expect_grep "ground 2: tự ý trả thẻ đảng viên hoặc tự hủy thẻ đảng viên" "$TMP/err"
expect_status 1 db exit death 000005QN --date 2027-04-01
expect_grep "not a member on that date" "$TMP/err"
expect_status 0 db exit death 000001QN --date 2027-04-01
expect_status 0 db exit leave 000002QN --date 2027-09-01 --reason hardship
db member show 000002QN >"$TMP/m"
expect_grep "Ra khỏi Đảng  (xin ra khỏi Đảng; hoàn cảnh gia đình đặc biệt khó khăn)" "$TMP/m"
db report members --org QN --from 2027-01-01 --to 2027-12-31 --format csv >"$TMP/r"
expect_grep "QN,Đảng bộ tỉnh Quảng Ninh,removed,2," "$TMP/r"
expect_grep "QN,Đảng bộ tỉnh Quảng Ninh,died,1," "$TMP/r"
expect_grep "QN,Đảng bộ tỉnh Quảng Ninh,left,1," "$TMP/r"
db report lifecycle --org QN --from 2027-01-01 --to 2027-12-31 --format csv >"$TMP/l"
expect_grep "QN,Đảng bộ tỉnh Quảng Ninh,disciplined,2," "$TMP/l"
expect_grep "QN,Đảng bộ tỉnh Quảng Ninh,exempt_started,2," "$TMP/l"
expect_grep "QN,Đảng bộ tỉnh Quảng Ninh,exempt_ended,1," "$TMP/l"
expect_status 0 db audit verify
finish
