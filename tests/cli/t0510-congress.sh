#!/usr/bin/env bash
# Congresses (issue 5 items 1–2): planning with the convening notice of at
# least 30 working days (QĐ 294-QĐ/TW §11–16; rules.md §1.9), holding, the
# progress view held over planned per kind of organization (seed 003 style:
# "4.925/4.925 chi bộ"), and the convened roster with its statutory
# exclusions, base = convened minus exclusions (QĐ 190-QĐ/TW Điều 30; the
# Party's worked example: 11 official members, one excused absent, base 10).
. "$(dirname "$0")/lib.sh"
# expect_re REGEX FILE: a line of FILE matches the extended regular expression
expect_re() {
  if grep -qE -- "$1" "$2"; then ok; else bad "no line matching '$1' in $2:"; cat "$2" >&2; fi
}

cat >"$TMP/orgs.csv" <<'CSV'
code,name,kind,parent_code,category,unit_code,founded_on,dissolved_on
TW,Đảng Cộng sản Việt Nam,central,,,,,
HP,Đảng bộ thành phố Hải Phòng,province,TW,,31,,
HP.A,Đảng bộ quận A,upper,HP,,,,
HP.A.B,Đảng bộ phường B,base_committee,HP.A,ward,,,
HP.A.B.01,Chi bộ khu dân cư 1,cell,HP.A.B,,,,
HP.A.B.02,Chi bộ khu dân cư 2,cell,HP.A.B,,,,
HP.A.B.03,Chi bộ khu dân cư 3,cell,HP.A.B,,,,
HP.A.B.04,Chi bộ khu dân cư 4,cell,HP.A.B,,,,
HP.A.C,Chi bộ trường C,base_cell,HP.A,service_unit,,,
CSV
{
  echo "member_id,full_name,gender,birth_date,ethnicity,religion,card_number,org_code,decision_date,ceremony_date,official_date,status,education,profession_level,theory_level,occupation,hometown"
  for i in 01 02 03 04 05 06 07 08 09 10 11; do
    g=nam; case $i in 02|04) g=nữ ;; esac
    echo "0001${i}HP,Đảng viên Số ${i},$g,1970-01-${i},Kinh,,,HP.A.B.01,2000-01-${i},2000-01-${i},2001-01-${i},official,12/12,,,,"
  done
  # probationary on the congress day: listed apart
  echo "000112HP,Dự Bị Mười Hai,nữ,2000-05-05,Kinh,,,HP.A.B.01,2025-01-06,2025-01-06,,probationary,12/12,,,,"
  # in another cell: not on cell 01's roster
  echo "000113HP,Ở Chi Bộ Hai,nữ,1980-05-05,Kinh,,,HP.A.B.02,2005-01-06,2005-01-06,2006-01-06,official,12/12,,,,"
} >"$TMP/members.csv"

expect_status 0 db init
expect_status 0 db import orgs "$TMP/orgs.csv" members "$TMP/members.csv"

# ---- plan: the notice rule, across Tết Ất Tỵ (25/01–02/02/2025) ----
# opening Mon 03/03/2025: the latest notice is 12/01/2025 (30 working days
# between, Tết's five weekdays not counted); 19/01 leaves only 25
expect_status 1 db congress plan --org HP.A.B.01 --term 2025-2030 --kind members --planned 2025-03-03 --notice 2025-01-19
expect_grep "notice on 19/01/2025 is 25 working days before the opening on 03/03/2025; at least 30 are needed (QĐ 294-QĐ/TW §11–16): give the notice on 12/01/2025 or earlier" "$TMP/err"
expect_status 0 db congress plan --org HP.A.B.01 --term 2025-2030 --kind members --planned 2025-03-03 --notice 2025-01-12 --direct-secretary
expect_status 2 db congress plan --org HP.A.B.02 --term 2025-2030 --kind everyone --planned 2025-03-03
expect_status 1 db congress plan --org HP.A.B.02 --term 2025 --kind members --planned 2025-03-03
expect_grep "term '2025' is not two years as YYYY-YYYY" "$TMP/err"
expect_status 1 db congress plan --org XX --term 2025-2030 --kind members --planned 2025-03-03
expect_grep "no organization with code 'XX'" "$TMP/err"
# a day off recorded in this database counts too (app/calendar.h): with
# 15/01/2025 off, a notice on 12/01 leaves 29 working days before 03/03 — refused
printf 'date,kind,name\n2025-01-15,holiday,Nghỉ bù\n' >"$TMP/days.csv"
expect_status 0 db holidays import "$TMP/days.csv"
expect_status 1 db congress plan --org HP.A.B.01 --term 2025-2030 --kind members --planned 2025-03-03 --notice 2025-01-12
expect_grep "notice on 12/01/2025 is 29 working days before the opening on 03/03/2025" "$TMP/err"
expect_status 0 db holidays clear
for c in 02:12 03:13 04:14; do
  expect_status 0 db congress plan --org HP.A.B.${c%:*} --term 2025-2030 --kind members --planned 2025-03-${c#*:}
done
expect_status 0 db congress plan --org HP.A.C --term 2025-2030 --kind members --planned 2025-04-10 --pilot --direct-secretary
expect_status 0 db congress plan --org HP.A.B --term 2025-2030 --kind delegates --planned 2025-05-20

# ---- hold and the progress view ----
expect_status 1 db congress hold --org HP.A --term 2025-2030 --date 2025-03-03
expect_grep "no congress of HP.A for term 2025-2030: plan it first" "$TMP/err"
expect_status 0 db congress hold --org HP.A.B.01 --term 2025-2030 --date 2025-03-03
expect_status 0 db congress hold --org HP.A.B.02 --term 2025-2030 --date 2025-03-12
expect_status 0 db congress list --org HP.A --term 2025-2030 --as-of 2025-03-12
expect_grep "Chi bộ trực thuộc: đã tổ chức 2/4 (50%); bầu trực tiếp bí thư 1" "$TMP/out"
expect_grep "Tổng: đã tổ chức 2/6 (33,33%)" "$TMP/out"
expect_status 0 db congress hold --org HP.A.B.03 --term 2025-2030 --date 2025-03-13
expect_status 0 db congress hold --org HP.A.B.04 --term 2025-2030 --date 2025-03-14
expect_status 0 db congress list --org HP.A --term 2025-2030 --as-of 2025-03-31
expect_grep "Chi bộ trực thuộc: đã tổ chức 4/4 (100%)" "$TMP/out"
expect_grep "Chi bộ cơ sở: đã tổ chức 0/1 (0%); bầu trực tiếp bí thư 1; điểm 1" "$TMP/out"
expect_grep "Đảng bộ cơ sở: đã tổ chức 0/1 (0%)" "$TMP/out"
# as of an earlier date the later congresses are not held yet
expect_status 0 db congress list --org HP.A.B --term 2025-2030 --as-of 2025-03-13
expect_grep "Chi bộ trực thuộc: đã tổ chức 3/4 (75%)" "$TMP/out"
# a congress held cannot be planned again
expect_status 1 db congress plan --org HP.A.B.01 --term 2025-2030 --kind members --planned 2025-03-10
expect_grep "was held on 03/03/2025: it cannot be planned again" "$TMP/err"

# ---- the roster: QĐ 190-QĐ/TW Điều 30, the worked example ----
expect_status 0 db congress roster --org HP.A.B.01 --term 2025-2030 --exclude 000105HP:excused_absent --freeze
expect_grep "Triệu tập: 11; loại trừ: 1; số đảng viên để tính kết quả bầu cử: 10" "$TMP/out"
expect_grep "000112HP	Dự Bị Mười Hai" "$TMP/out"
expect_eq "probationary listed apart" "$(sed -n '/dự bị/,$p' "$TMP/out" | grep -c 000112HP)" 1
expect_eq "other cell not convened" "$(grep -c 000113HP "$TMP/out")" 0
expect_status 0 db congress roster --org HP.A.B.01 --term 2025-2030 --exclude 000105HP:excused_absent --json
expect_eq "json convened" "$(jq .convened "$TMP/out")" 11
expect_eq "json excused" "$(jq .excluded.excused_absent "$TMP/out")" 1
expect_eq "json congress" "$(jq -r .congress "$TMP/out")" members
expect_status 1 db congress roster --org HP.A.B.01 --term 2025-2030 --exclude 000112HP:excused_absent
expect_grep "000112HP is probationary: not convened, so not excluded" "$TMP/err"
expect_status 1 db congress roster --org HP.A.B.01 --term 2025-2030 --exclude 000105HP:delegate_absent_no_alternate
expect_grep "applies only to a delegates' congress (QĐ 190-QĐ/TW Điều 30)" "$TMP/err"
expect_status 1 db congress roster --org HP.A.B.01 --term 2025-2030 --exclude 000113HP:suspended
expect_grep "000113HP is not an official member of the organization on the congress day" "$TMP/err"
expect_status 2 db congress roster --org HP.A.B.01 --term 2025-2030 --exclude 000105HP:sick

# ---- results: the committee (7 seats, 9 candidates, base 10) and the secretary ----
cat >"$TMP/committee.json" <<'JSON'
{"election": "committee", "congress": "members", "seats": 7, "alternates": 0, "convened": 11,
 "excluded": {"excused_absent": 1},
 "candidates": [{"id": "000101HP", "name": "Số 01"}, {"id": "000102HP", "name": "Số 02"}, {"id": "000103HP", "name": "Số 03"},
                {"id": "000104HP", "name": "Số 04"}, {"id": "000106HP", "name": "Số 06"}, {"id": "000107HP", "name": "Số 07"},
                {"id": "000108HP", "name": "Số 08"}, {"id": "000109HP", "name": "Số 09"}, {"id": "000110HP", "name": "Số 10"}],
 "ballots_issued": 10,
 "counts": {"returned": 10, "valid": 10, "invalid": 0,
            "votes": {"000101HP": 10, "000102HP": 9, "000103HP": 9, "000104HP": 8, "000106HP": 8, "000107HP": 7,
                      "000108HP": 7, "000109HP": 3, "000110HP": 2}}}
JSON
cat >"$TMP/secretary.json" <<'JSON'
{"election": "secretary", "congress": "members", "seats": 1, "alternates": 0, "convened": 11,
 "excluded": {"excused_absent": 1},
 "candidates": [{"id": "000101HP", "name": "Số 01"}],
 "ballots_issued": 10,
 "counts": {"returned": 10, "valid": 10, "invalid": 0, "votes": {"000101HP": 9}}}
JSON
expect_status 0 db election count "$TMP/committee.json" --format json
cp "$TMP/out" "$TMP/committee.result.json"
expect_eq "committee elected" "$(jq '.elected | length' "$TMP/committee.result.json")" 7
expect_status 0 db election count "$TMP/secretary.json" --format json
cp "$TMP/out" "$TMP/secretary.result.json"
expect_status 0 db congress result --org HP.A.B.01 --term 2025-2030 "$TMP/committee.result.json"
expect_grep "committee result of HP.A.B.01 for 2025-2030 recorded: 7 elected" "$TMP/err"
expect_status 0 db congress result --org HP.A.B.01 --term 2025-2030 "$TMP/secretary.result.json"
expect_grep "secretary result of HP.A.B.01 for 2025-2030 recorded: 1 elected" "$TMP/err"
# recording again replaces, not adds
expect_status 0 db congress result --org HP.A.B.01 --term 2025-2030 "$TMP/committee.result.json"
# the roster of cell 02 is not frozen yet
sed 's/000101HP/000113HP/g' "$TMP/secretary.json" | jq '.convened = 1 | .excluded.excused_absent = 0 | .ballots_issued = 1 | .counts = {"returned": 1, "valid": 1, "invalid": 0, "votes": {"000113HP": 1}}' >"$TMP/sec2.json"
expect_status 0 db election count "$TMP/sec2.json" --format json
cp "$TMP/out" "$TMP/sec2.result.json"
expect_status 1 db congress result --org HP.A.B.02 --term 2025-2030 "$TMP/sec2.result.json"
expect_grep "the roster of HP.A.B.02 for 2025-2030 is not frozen" "$TMP/err"
expect_status 0 db congress roster --org HP.A.B.02 --term 2025-2030 --freeze
expect_status 0 db congress result --org HP.A.B.02 --term 2025-2030 "$TMP/sec2.result.json"
# someone not on the roster
expect_status 1 db congress result --org HP.A.B.01 --term 2025-2030 "$TMP/sec2.result.json"
expect_grep "'000113HP' is not an official member on the frozen roster of HP.A.B.01 for 2025-2030" "$TMP/err"
expect_status 1 db congress result --org HP.A.B.01 --term 2025-2030 "$TMP/committee.json"
expect_grep "not the result of an election count" "$TMP/err"

# ---- the congress report (contract §3) ----
expect_status 0 db report congress --org HP.A --term 2025-2030 --as-of 2025-03-31
expect_re "^Chi bộ trực thuộc: đã tổ chức  *4  *100,00%$" "$TMP/out"
expect_re "^Đã tổ chức đại hội  *4  *66,67%$" "$TMP/out"
expect_re "^Tổ chức cơ sở đảng: đã tổ chức  *0  *0,00%$" "$TMP/out"
expect_re "^Đại hội bầu trực tiếp bí thư  *1  *25,00%$" "$TMP/out"
expect_re "^Cấp ủy viên trúng cử  *7$" "$TMP/out"
expect_re "^Cấp ủy viên nữ  *2  *28,57%$" "$TMP/out"
expect_re "^Bí thư trúng cử: số phiếu thấp nhất  *9  *90,00%$" "$TMP/out"
expect_re "^Bí thư trúng cử: số phiếu cao nhất  *1  *100,00%$" "$TMP/out"
expect_status 0 db report congress --org HP.A --term 2025-2030 --as-of 2025-03-31 --format csv --precision 1
expect_re "^HP.A,Đảng bộ quận A,committee_female,2,7,\"28,6\"$" "$TMP/out"
# before the cell congresses, nothing held yet; another term has nothing
expect_status 0 db report congress --org HP.A.B --term 2025-2030 --as-of 2025-03-01
expect_re "^Chi bộ trực thuộc: đã tổ chức  *0  *0,00%$" "$TMP/out"
expect_status 0 db report congress --org HP.A --term 2030-2035 --as-of 2025-03-31
expect_re "^Đại hội theo kế hoạch  *0$" "$TMP/out"
expect_status 2 db report congress --org HP.A --as-of 2025-03-31
expect_grep "the congress report needs the term: --term YYYY-YYYY" "$TMP/err"

# once frozen, the roster reads back as stored, even after the registry changes
expect_status 0 db member event 000103HP --date 2025-02-01 --type death
expect_status 0 db congress roster --org HP.A.B.01 --term 2025-2030
expect_grep "ngày 03/03/2025 (đã lưu)" "$TMP/out"
expect_grep "000103HP" "$TMP/out"
expect_grep "Triệu tập: 11; loại trừ: 1; số đảng viên để tính kết quả bầu cử: 10" "$TMP/out"
# while reading the registry again (exclusions given, no --freeze) sees the change
expect_status 0 db congress roster --org HP.A.B.01 --term 2025-2030 --exclude 000105HP:excused_absent
expect_grep "Triệu tập: 10; loại trừ: 1; số đảng viên để tính kết quả bầu cử: 9" "$TMP/out"
expect_eq "dead member not convened" "$(grep -c 000103HP "$TMP/out")" 0

expect_status 0 db audit verify
expect_status 0 db audit log
expect_grep "congress.result" "$TMP/out"
expect_grep "congress.roster" "$TMP/out"
expect_grep "congress.hold" "$TMP/out"
finish
