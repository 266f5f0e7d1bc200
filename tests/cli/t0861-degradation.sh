#!/usr/bin/env bash
# The 27 manifestations of degradation (NQ 04-NQ/TW) assessed on 5 levels
# (seed 000: "5 mức độ nhận diện 27 biểu hiện suy thoái", 1 rất nghiêm trọng
# ... 5 không có biểu hiện): dangbo import|export degradation and the
# degradation report.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/ratings_lib.sh"
ratings_setup 10

# members 1..4 assessed on all 27 for 2024:
#  1: level 5 everywhere (none); 2: A5 at level 3 (early sign);
#  3: B7 at level 2 (serious); 4: C6 at level 1 (very serious), A1 at level 4
{
  echo "Kỳ,Loại đối tượng,Đối tượng,Biểu hiện,Mức độ,Ghi chú"
  for k in 1 2 3 4; do
    id=$(printf '%06dRT' "$k")
    for n in $(seq 1 27); do
      l=5
      [ "$k" = 2 ] && [ "$n" = 5 ] && l=3
      [ "$k" = 3 ] && [ "$n" = 16 ] && l="nghiêm trọng"
      [ "$k" = 4 ] && [ "$n" = 24 ] && l=1
      [ "$k" = 4 ] && [ "$n" = 1 ] && l=4
      echo "2024,member,$id,$n,$l,"
    done
  done
  echo "2024,org,P.U.01,A4,3,họp chi bộ chưa đều"
  echo "2024,org,P.U.02,A4,không có biểu hiện,"
} >"$TMP/dg.csv"
expect_status 0 db import degradation "$TMP/dg.csv"
expect_grep "110 degradation rows imported" "$TMP/err"

expect_status 0 db report degradation --org P --period 2024 --format csv
expect_grep 'P,Đảng bộ tỉnh Mẫu,assessed,4,,' "$TMP/out"
expect_grep 'P,Đảng bộ tỉnh Mẫu,level_1,1,4,"25,00"' "$TMP/out"
expect_grep 'P,Đảng bộ tỉnh Mẫu,level_2,1,4,"25,00"' "$TMP/out"
expect_grep 'P,Đảng bộ tỉnh Mẫu,level_3,1,4,"25,00"' "$TMP/out"
expect_grep 'P,Đảng bộ tỉnh Mẫu,level_4,0,4,"0,00"' "$TMP/out"
expect_grep 'P,Đảng bộ tỉnh Mẫu,level_5,1,4,"25,00"' "$TMP/out"
expect_grep 'P,Đảng bộ tỉnh Mẫu,manifest,3,4,"75,00"' "$TMP/out"
expect_grep 'P,Đảng bộ tỉnh Mẫu,serious,2,4,"50,00"' "$TMP/out"
expect_grep 'P,Đảng bộ tỉnh Mẫu,m05_level3,1,4,"25,00"' "$TMP/out"
expect_grep 'P,Đảng bộ tỉnh Mẫu,m05_level5,3,4,"75,00"' "$TMP/out"
expect_grep 'P,Đảng bộ tỉnh Mẫu,m16_level2,1,4,"25,00"' "$TMP/out"
expect_grep 'P,Đảng bộ tỉnh Mẫu,m24_level1,1,4,"25,00"' "$TMP/out"
expect_grep 'P,Đảng bộ tỉnh Mẫu,m01_level4,1,4,"25,00"' "$TMP/out"
expect_grep 'P,Đảng bộ tỉnh Mẫu,m27_level5,4,4,"100,00"' "$TMP/out"
expect_grep 'P,Đảng bộ tỉnh Mẫu,org_assessed,2,,' "$TMP/out"
expect_grep 'P,Đảng bộ tỉnh Mẫu,org_manifest,1,2,"50,00"' "$TMP/out"
expect_eq "indicators" "$(grep -c '^P,' "$TMP/out")" "145"
# member 4 is in P.U.04: very serious there
expect_status 0 db report degradation --org P.U.04 --period 2024 --format csv
expect_grep 'P.U.04,Chi bộ cơ sở số 04,level_1,1,1,"100,00"' "$TMP/out"
expect_status 0 db report degradation --org P --period 2024
expect_grep "Mức 1: rất nghiêm trọng" "$TMP/out"
expect_grep "C6 (Cấu kết với các thế lực thù địch, phản động) mức 1" "$TMP/out"
expect_status 0 db report degradation --org P --period 2024 --format json
expect_grep '"indicator": "serious"' "$TMP/out"
expect_status 2 db report degradation --org P
expect_grep "needs the period" "$TMP/err"

# round trip
expect_status 0 db export degradation --output "$TMP/d1.csv"
expect_grep "period,subject_type,subject,manifestation,level,note" "$TMP/d1.csv"
expect_grep "2024,member,000003RT,16,2," "$TMP/d1.csv"
expect_grep "2024,org,P.U.01,4,3,họp chi bộ chưa đều" "$TMP/d1.csv"
expect_status 0 db import degradation "$TMP/d1.csv"
expect_status 0 db export degradation --output "$TMP/d2.csv"
if cmp -s "$TMP/d1.csv" "$TMP/d2.csv"; then ok; else bad "degradation round trip differs"; fi
# re-importing a subject replaces its rows: member 4 now clean on C6
printf 'period,subject_type,subject,manifestation,level\n2024,member,000004RT,C6,5\n' >"$TMP/again.csv"
expect_status 0 db import degradation "$TMP/again.csv"
l1=$(db report degradation --org P --period 2024 --format csv | grep ',level_1,' | cut -d, -f4)
expect_eq "level_1 after re-import" "$l1" "0"
expect_status 0 db export degradation --output "$TMP/d2b.csv"
expect_eq "rows after re-import" "$(wc -l <"$TMP/d2b.csv")" "85"

# NQ 04-NQ/TW: 27 manifestations; 5 levels; refusals located FILE:LINE:COLUMN
{
  echo "period,subject_type,subject,manifestation,level,note"
  echo "2024,member,000001RT,28,5,"    # 2
  echo "2024,member,000001RT,D1,5,"    # 3
  echo "2024,member,000001RT,3,6,"     # 4
  echo "2024,member,000001RT,3,0,"     # 5
  echo "2024,member,999999RT,3,5,"     # 6
  echo "2024,org,P.X,3,5,"             # 7
  echo "2024,cell,P.U.01,3,5,"         # 8
  echo "2024-Q5,member,000001RT,3,5,"  # 9
  echo "2024,member,000002RT,3,5,"     # 10
  echo "2024,member,000002RT,C3,4,"    # 11: C3 = 21, not 3: fine
  echo "2024,member,000002RT,3,4,"     # 12: twice
  echo "1990,member,000002RT,3,4,"     # 13: not a member in 1990
} >"$TMP/bad.csv"
expect_status 1 db import degradation "$TMP/bad.csv"
expect_grep "bad.csv:2:manifestation: '28' is not a manifestation: 1 to 27 or A1 to C9 (NQ 04-NQ/TW" "$TMP/err"
expect_grep "bad.csv:3:manifestation: 'D1' is not a manifestation" "$TMP/err"
expect_grep "bad.csv:4:level: '6' is not a level: 1 to 5" "$TMP/err"
expect_grep "bad.csv:5:level: '0' is not a level" "$TMP/err"
expect_grep "bad.csv:6:subject: no member with member_id '999999RT'" "$TMP/err"
expect_grep "bad.csv:7:subject: no organization with code 'P.X'" "$TMP/err"
expect_grep "bad.csv:8:subject_type: 'cell' is not a subject type" "$TMP/err"
expect_grep "bad.csv:9:period: '2024-Q5' is not a period" "$TMP/err"
expect_grep "bad.csv:12:manifestation: this manifestation of the subject is given twice for 2024 (first on line 10)" "$TMP/err"
expect_grep "bad.csv:13:subject: 000002RT was not a party member in 1990" "$TMP/err"
expect_grep "nothing imported" "$TMP/err"
if grep -q "bad.csv:11:" "$TMP/err"; then bad "C3 refused"; else ok; fi
expect_status 0 db export degradation --output "$TMP/d3.csv"
if cmp -s "$TMP/d2b.csv" "$TMP/d3.csv"; then ok; else bad "a refused file changed the data"; fi
finish
