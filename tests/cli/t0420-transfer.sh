#!/usr/bin/env bash
# Transfers of party activity (QĐ 294-QĐ/TW §6.3; HD 06-HD/TW §10; rules.md
# §4.5), on the data of tests/data/lifecycle (Hải Dương merges into Hải
# Phòng on 01/7/2025, its base committee moves under a Hải Phòng ward):
#   - inside the database: introduced, then the arrival moves the member;
#     a transfer arriving on the day the province merged (2025-07-01);
#   - "announced, not arrived": flagged after 30 working days and after 3
#     months (configurable) by 'dangbo due', computed from the dates;
#   - temporary: 3 months to under a year, study to 2 years; counted at home;
#   - out of and into the database: the transfer record (JSON) carries the
#     member, the days outside the Party (party age across an expulsion and
#     a re-admission), badges and discipline; bad records are refused.
. "$(dirname "$0")/lib.sh"
L="$TESTDATA/lifecycle"
G="$TESTDATA/import/good"

expect_status 0 db init
expect_status 0 db import orgs "$L/orgs.csv" org_events "$L/org_events.csv" members "$L/members.csv" events "$L/events.csv"

# ---- a transfer on the day Hải Dương merged into Hải Phòng ----
expect_status 0 db transfer start 000013HD --to HP.NQ.01 --date 2025-06-20 --decision-date 2025-06-01
# before 01/7/2025 the older text is cited
expect_grep "note: to report at HP.NQ.01 by 01/08/2025 (QĐ 24-QĐ/TW §6.3)" "$TMP/err"
expect_status 1 db transfer start 000013HD --to HP.NQ.01 --date 2025-06-21
expect_grep "000013HD has a official transfer open since 20/06/2025" "$TMP/err"
expect_status 1 db transfer arrive 000013HD --date 2025-06-19
expect_grep "the member was introduced on 20/06/2025: arrival comes after" "$TMP/err"
# still counted where they were until the arrival
db report members --org HD.TP.01 --as-of 2025-06-30 --format csv >"$TMP/r"
expect_grep "HD.TP.01,Đảng bộ phường Trần Phú,total,4," "$TMP/r"
expect_status 0 db transfer arrive 000013HD --date 2025-07-01
db member show 000013HD --as-of 2025-06-30 >"$TMP/m1"
db member show 000013HD --as-of 2025-07-01 >"$TMP/m2"
expect_grep "Sinh hoạt tại:             HD.TP.01.02 — Chi bộ khu dân cư 2" "$TMP/m1"
expect_grep "Sinh hoạt tại:             HP.NQ.01 — Chi bộ Trường THPT Ngô Quyền" "$TMP/m2"
db report members --org HP --as-of 2025-07-01 --format csv >"$TMP/r"
expect_grep "HP,Đảng bộ thành phố Hải Phòng,total,6," "$TMP/r"
db report members --org HP --from 2025-07-01 --to 2025-07-01 --depth 1 --format csv >"$TMP/r"
expect_grep "HP.LC,Đảng bộ phường Lê Chân,transferred_in,0," "$TMP/r"
db transfer list --all >"$TMP/list"
expect_grep $'000013HD\tofficial\tinternal\tHD.TP.01.02\tHP.NQ.01\t\t2025-06-20\t2025-07-01\t' "$TMP/list"

# ---- announced, not arrived ----
expect_status 0 db transfer start 000011HD --to HP.NQ.01 --date 2026-01-20
# 30 working days from 20/01/2026 skip Tết (16-20/02): due 10/03/2026 (03/03 without it)
db due --org HP --as-of 2026-03-10 >"$TMP/due"
expect_eq "not late on the last day" "$(grep -c 000011HD "$TMP/due")" 0
db due --org HP --as-of 2026-03-11 >"$TMP/due"
expect_grep $'2026-03-10\ttransfer_late\t000011HD\tPhạm Thị Cúc\tHP.NQ.01\tgiới thiệu ngày 20/01/2026, phải đến sinh hoạt trước 10/03/2026 (QĐ 294-QĐ/TW §6.3; HD 06-HD/TW §10)' "$TMP/due"
db due --org HP --as-of 2026-04-19 >"$TMP/due"
expect_eq "not flagged before 3 months" "$(grep -c not_arrived "$TMP/due")" 0
db due --org HP --as-of 2026-04-20 >"$TMP/due"
expect_grep $'2026-04-20\tnot_arrived\t000011HD\tPhạm Thị Cúc\tHP.NQ.01\tgiới thiệu ngày 20/01/2026, chưa đến sinh hoạt sau 3 tháng' "$TMP/due"
# the receiving and the sending side both see it
db due --org HD.TP.01.01 --as-of 2026-04-20 >"$TMP/due"
expect_grep $'not_arrived\t000011HD' "$TMP/due"
# the flag is a setting (local practice): 2 months
expect_status 0 db rules set transfer.not_arrived_months 2
db due --org HP --as-of 2026-03-20 >"$TMP/due"
expect_grep $'2026-03-20\tnot_arrived\t000011HD' "$TMP/due"
expect_status 0 db rules unset transfer.not_arrived_months
expect_status 0 db transfer arrive 000011HD --date 2026-04-21
expect_grep "note: QĐ 294-QĐ/TW §6.3; HD 06-HD/TW §10: the member was to report by 10/03/2026" "$TMP/err"
expect_grep "more than 3 months after the introduction" "$TMP/err"
db due --org HP --as-of 2026-04-22 >"$TMP/due"
expect_eq "arrived: not due any more" "$(grep -c 000011HD "$TMP/due")" 0
expect_status 1 db transfer start 000011HD --to HD.TP.01 --date 2026-05-05
expect_grep "HD.TP.01 is not a chi bộ" "$TMP/err"
expect_status 1 db transfer start 000011HD --to HP.NQ.01 --date 2026-05-05
expect_grep "the member is in HP.NQ.01 already" "$TMP/err"
expect_status 1 db transfer arrive 000011HD --date 2026-05-05
expect_grep "has no official transfer waiting for arrival" "$TMP/err"

# ---- temporary transfers (QĐ 294-QĐ/TW §6.3.2) ----
expect_status 1 db transfer temp 000012HP --to-unit "Học viện Chính trị khu vực I" --date 2026-01-15 --until 2026-04-14
expect_grep "until: QĐ 294-QĐ/TW §6.3.2: a temporary transfer lasts at least 3 months" "$TMP/err"
expect_status 1 db transfer temp 000012HP --to-unit "Học viện Chính trị khu vực I" --date 2026-01-15 --until 2027-01-15
expect_grep "a temporary transfer lasts under 12 months" "$TMP/err"
expect_status 1 db transfer temp 000012HP --to-unit "Học viện Chính trị khu vực I" --date 2026-01-15 --until 2028-01-16 --study
expect_grep "for study lasts at most 24 months" "$TMP/err"
expect_status 0 db transfer temp 000012HP --to-unit "Học viện Chính trị khu vực I" --date 2026-01-15 --until 2028-01-15 --study
expect_grep "still counted at HP.NQ.01" "$TMP/err"
db report members --org HP.NQ.01 --as-of 2026-06-01 --format csv >"$TMP/r"
expect_grep "HP.NQ.01,Chi bộ Trường THPT Ngô Quyền,total,4," "$TMP/r"
db member show 000012HP --as-of 2026-06-01 >"$TMP/m"
expect_grep "Tình trạng:                Sinh hoạt tạm thời nơi khác" "$TMP/m"
db due --org HP --as-of 2028-01-20 >"$TMP/due"
expect_grep $'2028-01-15\ttemp_overdue\t000012HP' "$TMP/due"
expect_status 0 db transfer back 000012HP --date 2028-01-20
expect_grep "back after the term granted (until 15/01/2028)" "$TMP/err"
expect_status 1 db transfer back 000012HP --date 2028-01-21
expect_grep "not on a temporary transfer" "$TMP/err"

# ---- out of this database, into another ----
# 000014HP: admitted 02/03/1985, expelled 01/01/2012, re-admitted 01/01/2016:
# 1461 days outside the Party travel with the record
expect_status 2 db transfer out 000014HP --to-unit "Chi bộ X" --date 2026-09-10
expect_status 0 db transfer out 000014HP --to-unit "Chi bộ Khu 1, Đảng bộ tỉnh Quảng Ninh" --date 2026-09-10 \
  --decision-date 2026-08-20 --ref "GGT 15" --output "$TMP/rec.json"
expect_grep '"party_age_gap_days": 1461' "$TMP/rec.json"
expect_grep '"province": "HP"' "$TMP/rec.json"
expect_grep '"format": "dangbo-transfer"' "$TMP/rec.json"
db member show 000014HP >"$TMP/m"
expect_grep "Tình trạng:                Đã chuyển sinh hoạt đi" "$TMP/m"
# the file exists already: refused, nothing changed
expect_status 3 db transfer out 000012HP --to-unit "X" --date 2028-02-01 --output "$TMP/rec.json"
expect_grep "cannot create the transfer record" "$TMP/err"
db member show 000012HP --as-of 2028-02-02 >"$TMP/m"
expect_grep "Tình trạng:                Chính thức" "$TMP/m"

OTHER=$(new_db other)
o() { "$DANGBO" --db "$OTHER" "$@"; }
o init 2>/dev/null
o import orgs "$G/orgs.csv" org_events "$G/org_events.csv" members "$G/members.csv" events "$G/events.csv" 2>/dev/null
expect_status 1 o transfer in "$TMP/rec.json" --org QN.HL.01
expect_grep "QN.HL.01 is not a chi bộ" "$TMP/err"
expect_status 0 o transfer in "$TMP/rec.json" --org QN.HL.01.01
expect_grep "transfer announced, waiting for arrival" "$TMP/err"
# an incoming transfer: named from its record, late after 30 working days
o due --org QN --as-of 2026-10-22 >"$TMP/due"
expect_eq "not late within 30 working days" "$(grep -c 000014HP "$TMP/due")" 0
o due --org QN --as-of 2026-10-23 >"$TMP/due"
expect_grep $'2026-10-22\ttransfer_late\t000014HP\tNgô Văn Khải\tQN.HL.01.01' "$TMP/due"
o due --org QN --as-of 2026-12-10 >"$TMP/due"
expect_grep $'2026-12-10\tnot_arrived\t000014HP' "$TMP/due"
expect_status 0 o transfer arrive 000014HP --date 2026-09-25
o member show 000014HP --as-of 2026-10-01 >"$TMP/m"
expect_grep "Sinh hoạt tại:             QN.HL.01.01 — Chi bộ Khu 1" "$TMP/m"
expect_grep "Ngày quyết định kết nạp:   02/03/1985" "$TMP/m"
# the 40-year badge counts the days outside the Party: 02/03/2029, not 2025
o badge due --org QN --award-date 2029-05-19 >"$TMP/b"
expect_grep $'000014HP\tNgô Văn Khải\tQN.HL.01.01\t40\t2029-03-02\t' "$TMP/b"
o badge due --org QN --award-date 2025-05-19 --overdue >"$TMP/b"
expect_eq "not due in 2025" "$(grep -c 000014HP "$TMP/b")" 0
expect_status 1 o transfer in "$TMP/rec.json" --org QN.HL.01.01
expect_grep "member 000014HP is in this database already" "$TMP/err"
# a bad record: every problem listed, nothing changed
printf '{"format":"dangbo-transfer","version":2,"member":{"member_id":7},"extra":1}' >"$TMP/bad.json"
expect_status 1 o transfer in "$TMP/bad.json" --org QN.HL.01.01
expect_grep "bad.json:extra: unknown key" "$TMP/err"
expect_grep "bad.json:version: must be 1" "$TMP/err"
expect_grep "bad.json:member_id: must be a string" "$TMP/err"
expect_grep "bad.json:introduced_on: required" "$TMP/err"
sed 's/"gender": "nam"/"gender": "x"/; s/"ethnicity": "Kinh"/"ethnicity": "Klingon"/' "$TMP/rec.json" >"$TMP/bad3.json"
expect_status 1 o transfer in "$TMP/bad3.json" --org QN.HL.01.03
expect_grep "bad3.json:gender: must be nam or nữ, not 'x'" "$TMP/err"
expect_grep "bad3.json:ethnicity: unknown ethnic group 'Klingon'" "$TMP/err"
printf 'not json' >"$TMP/bad2.json"
expect_status 1 o transfer in "$TMP/bad2.json" --org QN.HL.01.01
expect_grep "not JSON" "$TMP/err"
expect_status 0 db audit verify
expect_status 0 o audit verify
finish
