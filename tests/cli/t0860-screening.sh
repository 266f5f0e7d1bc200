#!/usr/bin/env bash
# Screening (Chỉ thị 28-CT/TW), residence feedback (QĐ 213-QĐ/TW) and the
# 27 manifestations on 5 levels (NQ 04-NQ/TW): dangbo import|export
# screening|residence|degradation and the screening and degradation reports.
# Seed 004 (2023): "rà soát đưa vào danh sách sàng lọc 79 đảng viên; 37 ...
# tiến bộ; 23 tiếp tục giáo dục, giúp đỡ; 19 bị đưa ra khỏi Đảng do bỏ sinh
# hoạt Đảng" — 46,84%, 29,11%, 24,05% of the 79.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/ratings_lib.sh"
ratings_orgs "$TMP/orgs.csv"
# 100 members; 61..79 removed (xóa tên, QĐ 294-QĐ/TW §8.1) on 15/12/2023
awk 'BEGIN {
  print "member_id,full_name,gender,birth_date,ethnicity,religion,card_number,org_code,decision_date,ceremony_date,official_date,status,education,profession_level,theory_level,occupation,hometown"
  for (k = 1; k <= 100; k++)
    printf "%06dRT,Nguyễn Văn An,nam,1980-01-01,Kinh,,,P.U.%02d,2005-01-10,2005-01-20,2006-01-20,%s,12/12,,,,\n", k, (k - 1) % 26 + 1, (k >= 61 && k <= 79) ? "removed" : "official"
}' >"$TMP/members.csv"
awk 'BEGIN {
  print "member_id,date,type,org_code,to_org_code,detail"
  for (k = 61; k <= 79; k++) printf "%06dRT,2023-12-15,remove,P.U.%02d,,bỏ sinh hoạt đảng\n", k, (k - 1) % 26 + 1
}' >"$TMP/events.csv"
expect_status 0 db init
expect_status 0 db import orgs "$TMP/orgs.csv" members "$TMP/members.csv" events "$TMP/events.csv"

# seed 004: 79 cases, 37 progressed, 23 continued, 19 removed (by xóa tên)
{
  echo "year,member_id,reason,outcome,channel,decision_date,decision_ref"
  for k in $(seq 1 79); do
    id=$(printf '%06dRT' "$k")
    if [ "$k" -le 37 ]; then echo "2023,$id,không đóng đảng phí 3 tháng,progressed,,,"
    elif [ "$k" -le 60 ]; then echo "2023,$id,\"phai nhạt lý tưởng, ngại sinh hoạt\",tiếp tục giáo dục giúp đỡ,,,"
    else echo "2023,$id,bỏ sinh hoạt đảng,đưa ra khỏi Đảng,xóa tên,15/12/2023,12-QĐ/ĐU"; fi
  done
} >"$TMP/screening.csv"
expect_status 0 db import screening "$TMP/screening.csv" --dry-run
expect_grep "79 screening rows checked" "$TMP/err"
expect_status 0 db export screening
expect_eq "dry run writes nothing" "$(wc -l <"$TMP/out")" "1"
expect_status 0 db import screening "$TMP/screening.csv"
expect_grep "79 screening rows imported" "$TMP/err"
db audit log --limit 1 >"$TMP/audit"
expect_grep "screening.import" "$TMP/audit"

# the report, as seed 004 prints it
expect_status 0 db report screening --org P --year 2023 --format csv
expect_grep 'P,Đảng bộ tỉnh Mẫu,listed,79,,' "$TMP/out"
expect_grep 'P,Đảng bộ tỉnh Mẫu,progressed,37,79,"46,84"' "$TMP/out"
expect_grep 'P,Đảng bộ tỉnh Mẫu,continued,23,79,"29,11"' "$TMP/out"
expect_grep 'P,Đảng bộ tỉnh Mẫu,removed,19,79,"24,05"' "$TMP/out"
expect_grep 'P,Đảng bộ tỉnh Mẫu,removed_remove,19,19,"100,00"' "$TMP/out"
expect_grep 'P,Đảng bộ tỉnh Mẫu,removed_expel,0,19,"0,00"' "$TMP/out"
expect_status 0 db report screening --org P --period 2023
expect_grep "46,84%" "$TMP/out"
expect_grep "Được công nhận sự tiến bộ" "$TMP/out"
# one base organization: P.U.01 holds members 1, 27, 53, 79
expect_status 0 db report screening --org P.U.01 --year 2023 --format json
expect_grep '"indicator": "listed"' "$TMP/out"
listed=$(db report screening --org P.U.01 --year 2023 --format csv | grep ',listed,' | cut -d, -f4)
expect_eq "P.U.01 listed" "$listed" "4"
# another year has no cases
none=$(db report screening --org P --year 2022 --format csv | grep ',listed,' | cut -d, -f4)
expect_eq "2022 listed" "$none" "0"
expect_status 2 db report screening --org P
expect_grep "needs the year" "$TMP/err"
expect_status 0 db report screening --org P --year 2023 --format xlsx --output "$TMP/s.xlsx"

# round trip: export -> import -> export is byte-identical
expect_status 0 db export screening --output "$TMP/s1.csv"
expect_grep '2023,000061RT,bỏ sinh hoạt đảng,removed,remove,2023-12-15,12-QĐ/ĐU' "$TMP/s1.csv"
expect_grep '2023,000038RT,"phai nhạt lý tưởng, ngại sinh hoạt",continued,,,' "$TMP/s1.csv"
expect_status 0 db import screening "$TMP/s1.csv"
expect_status 0 db export screening --output "$TMP/s2.csv"
if cmp -s "$TMP/s1.csv" "$TMP/s2.csv"; then ok; else bad "screening round trip differs"; fi
# --org: the subtree only
expect_status 0 db export screening --org P.U.02
expect_eq "P.U.02 rows" "$(($(wc -l <"$TMP/out") - 1))" "3"

hdr="year,member_id,reason,outcome,channel,decision_date,decision_ref"
# reject FILE WHAT: exit 1, WHAT located, nothing imported
reject() {
  expect_status 1 db import "$1" "$2"
  expect_grep "$3" "$TMP/err"
  expect_grep "nothing imported" "$TMP/err"
}
# Chỉ thị 28-CT/TW: refusals located FILE:LINE:COLUMN, citing the rule
{
  echo "$hdr"
  echo "2023,999999RT,x,progressed,,,"            # 2: no such member
  echo "2023,000001RT,x,improved,,,"              # 3: no such outcome
  echo "2024,000002RT,x,removed,,,"               # 4: removed without channel
  echo "2024,000003RT,x,removed,expel,,"          # 5: no expel event in the registry
  echo "2024,000004RT,x,progressed,remove,,"      # 6: channel without removal
  echo "1990,000005RT,x,progressed,,,"            # 7: not a member in 1990
  echo "2024,000006RT,,progressed,,,"             # 8: no reason
  echo "2024,000007RT,x,progressed,,32/13/2024,"  # 9: bad date
  echo "2024,000008RT,x,progressed,,,"            # 10
  echo "2024,000008RT,y,continued,,,"             # 11: twice
  echo "2024,000062RT,x,continued,,,"             # 12: removed in 2023, not a member in 2024
} >"$TMP/bad.csv"
reject screening "$TMP/bad.csv" "bad.csv:2:member_id: no member with member_id '999999RT'"
expect_grep "bad.csv:3:outcome: 'improved' is not an outcome" "$TMP/err"
expect_grep "bad.csv:4:channel: '' is not a channel of exit" "$TMP/err"
expect_grep "bad.csv:5:outcome: 000003RT is taken out of the Party (Khai trừ) but the registry has no 'expel' event" "$TMP/err"
expect_grep "Chỉ thị 28-CT/TW" "$TMP/err"
expect_grep "bad.csv:6:channel: a channel of exit is given only when the outcome is removed" "$TMP/err"
expect_grep "bad.csv:7:member_id: 000005RT was not a party member in 1990" "$TMP/err"
expect_grep "bad.csv:8:reason: give the reason" "$TMP/err"
expect_grep "bad.csv:9:decision_date: '32/13/2024' is not a date" "$TMP/err"
expect_grep "bad.csv:11:member_id: 000008RT is given twice for 2024 (first on line 10)" "$TMP/err"
expect_grep "bad.csv:12:member_id: 000062RT was not a party member in 2024" "$TMP/err"
expect_status 0 db export screening --output "$TMP/s3.csv"
if cmp -s "$TMP/s1.csv" "$TMP/s3.csv"; then ok; else bad "a refused file changed the data"; fi
printf 'năm,mã đảng viên,lý do,kết quả,xếp hạng\n2024,000001RT,x,tiến bộ,1\n' >"$TMP/unknown.csv"
reject screening "$TMP/unknown.csv" "unknown.csv:1:xếp hạng: unknown column"
printf 'Năm,Mã đảng viên,Lý do,Kết quả\n2024,000001RT,x,tiến bộ\n' >"$TMP/vi.csv"
expect_status 0 db import screening "$TMP/vi.csv"

# residence feedback (QĐ 213-QĐ/TW; HD 33-HD/BTCTW exemptions)
{
  echo "year,member_id,residence_cell,commented_on,comment,front_opinion,exempt_reason"
  echo "2023,000001RT,Chi bộ Khu 3,20/11/2023,Gương mẫu thực hiện nghĩa vụ công dân nơi cư trú,Nhất trí,"
  echo "2023,000002RT,Chi bộ Khu 3,,,,học tập tập trung xa nơi cư trú"
} >"$TMP/res.csv"
expect_status 0 db import residence "$TMP/res.csv"
expect_status 0 db export residence --output "$TMP/r1.csv"
expect_grep "2023,000001RT,Chi bộ Khu 3,2023-11-20,Gương mẫu thực hiện nghĩa vụ công dân nơi cư trú,Nhất trí," "$TMP/r1.csv"
expect_status 0 db import residence "$TMP/r1.csv"
expect_status 0 db export residence --output "$TMP/r2.csv"
if cmp -s "$TMP/r1.csv" "$TMP/r2.csv"; then ok; else bad "residence round trip differs"; fi
printf 'year,member_id,residence_cell,commented_on,comment\n2023,000003RT,Chi bộ Khu 3,2021-01-01,\n2023,000004RT,,,Tốt\n' >"$TMP/rbad.csv"
reject residence "$TMP/rbad.csv" "rbad.csv:2:commented_on: the comment on 000003RT is dated 2021-01-01, outside 2023"
expect_grep "rbad.csv:2:comment: give the comment of the residence party cell (QĐ 213-QĐ/TW" "$TMP/err"
expect_grep "rbad.csv:3:residence_cell: give the party cell of the place of residence" "$TMP/err"
commented=$(db report screening --org P --year 2023 --format csv | grep ',residence_commented,' | cut -d, -f4)
expect_eq "residence comments 2023" "$commented" "1"

finish
