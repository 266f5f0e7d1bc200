#!/usr/bin/env bash
# Posts held over time (the cadre module: docs/cadres.md, src/app/posts.c)
# and the "cadres" report: add/end/list with their refusals (one secretary
# per organization at a time, QĐ 294-QĐ/TW §23, a configurable default),
# posts.csv import (every problem located, nothing written) and the round
# trip, and a seed-like figure (seed 000 "96/186 (51,6%) cấp xã bí thư đồng
# thời chủ tịch UBND"): 4 communes, 2 secretaries also chairmen of the
# People's Committee -> 2/4 = 50,00%.
. "$(dirname "$0")/lib.sh"

cat >"$TMP/orgs.csv" <<'CSV'
code,name,kind,parent_code,category,unit_code,founded_on,dissolved_on
HN,Đảng bộ Thành phố Hà Nội,province,,,01,,
HN.SS,Đảng bộ khu vực Sóc Sơn,upper,HN,,,,
HN.SS.X1,Đảng bộ xã Sóc Sơn,base_committee,HN.SS,commune,00376,,
HN.SS.X2,Đảng bộ xã Kim Anh,base_committee,HN.SS,commune,00382,,
HN.SS.X3,Đảng bộ xã Trung Giã,base_committee,HN.SS,commune,00385,,
HN.SS.X4,Đảng bộ xã Đa Phúc,base_committee,HN.SS,commune,00430,,
HN.SS.X1.C1,Chi bộ Trường Tiểu học,cell,HN.SS.X1,,,,
HN.SS.X2.C1,Chi bộ Trạm Y tế,cell,HN.SS.X2,,,,
HN.SS.X4.C1,Chi bộ Thôn 1,cell,HN.SS.X4,,,,
CSV
{
  echo "member_id,full_name,gender,birth_date,ethnicity,religion,card_number,org_code,decision_date,ceremony_date,official_date,status,education,profession_level,theory_level,occupation,hometown"
  home=("" "Xã Sóc Sơn, Thành phố Hà Nội" "Hà Nội" "Tỉnh Thái Bình" "Hà Nội" "thôn Xuân Dục, xã Trung Giã, Sóc Sơn" "" "Hà Nội" "Hà Nội" "Hà Nội" "Hà Nội")
  for i in $(seq 1 10); do
    c=HN.SS.X1.C1; [ "$i" -gt 5 ] && c=HN.SS.X2.C1
    printf 'M%02d,Nguyễn Văn %s,nam,1975-01-01,Kinh,,,%s,2000-01-10,,2001-01-10,official,12/12,,,,"%s"\n' \
      "$i" "$i" "$c" "${home[$i]}"
  done
} >"$TMP/members.csv"
expect_status 0 db init
expect_status 0 db import orgs "$TMP/orgs.csv" members "$TMP/members.csv"

# --- add, with the refusals -------------------------------------------------
add() { db post add "$@"; }
expect_status 0 add M01 --kind secretary --org HN.SS.X1 --from 2020-10-01 --ref "QĐ 12-QĐ/HU"
expect_status 0 add M01 --kind people_chair --org HN.SS.X1 --from 2021-06-01 --unit "UBND xã Sóc Sơn"
expect_status 0 add M02 --kind police_chief --org HN.SS.X1 --from 2020-01-01 --unit "Công an xã Sóc Sơn"
expect_status 0 add M02 --kind standing --org HN.SS.X1 --from 2020-10-01
expect_status 0 add M03 --kind secretary --org HN.SS.X2 --from 2020-10-01
expect_status 0 add M03 --kind "Chủ tịch UBND" --org HN.SS.X2 --from 2021-06-01
expect_status 0 add M04 --kind police_chief --org HN.SS.X2 --from 2020-01-01
expect_status 0 add M05 --kind secretary --org HN.SS.X3 --from 2020-10-01
expect_status 0 add M05 --kind council_chair --org HN.SS.X3 --from 21/06/2021
expect_status 0 add M06 --kind secretary --org HN.SS.X4 --from 2020-10-01
expect_status 0 add M07 --kind secretary --org HN.SS.X1.C1 --from 2022-01-01
expect_status 0 add M07 --kind unit_head --org HN.SS.X1.C1 --from 2019-01-01 --unit "Trường Tiểu học Sóc Sơn"
expect_status 0 add M08 --kind secretary --org HN.SS.X2.C1 --from 2022-01-01

# QĐ 294-QĐ/TW §23: one secretary per organization at a time
expect_status 1 add M09 --kind secretary --org HN.SS.X1 --from 2024-01-01
expect_grep "M01 is already secretary of HN.SS.X1" "$TMP/err"
expect_grep "QĐ 294-QĐ/TW §23" "$TMP/err"
# the same post, overlapping
expect_status 1 add M01 --kind people_chair --org HN.SS.X1 --from 2024-01-01
expect_grep "periods of the same post overlap" "$TMP/err"
# dates out of order; not a member on the from date; unknown member and org
expect_status 1 add M09 --kind deputy --org HN.SS.X1 --from 2024-01-01 --to 2023-01-01
expect_grep "must be after --from" "$TMP/err"
expect_status 1 add M09 --kind deputy --org HN.SS.X1 --from 1999-01-01
expect_grep "M09 is not a member of the Party on 01/01/1999" "$TMP/err"
expect_status 1 add NOBODY --kind deputy --org HN.SS.X1 --from 2024-01-01
expect_grep "no member with member_id 'NOBODY'" "$TMP/err"
expect_status 1 add M09 --kind deputy --org NOWHERE --from 2024-01-01
expect_grep "no organization with code 'NOWHERE'" "$TMP/err"
expect_status 2 add M09 --kind pope --org HN.SS.X1 --from 2024-01-01
expect_status 2 add M09 --org HN.SS.X1 --from 2024-01-01
# a refusal writes nothing: no post of M09
expect_status 0 db post list
if grep -q "M09" "$TMP/out"; then bad "a refused post was written"; else ok; fi
# the configurable default: a second secretary when the upper level decides so
expect_status 0 add M09 --kind secretary --org HN.SS.X4.C1 --from 2023-01-01
expect_status 1 add M10 --kind secretary --org HN.SS.X4.C1 --from 2023-06-01
expect_status 0 add M10 --kind secretary --org HN.SS.X4.C1 --from 2023-06-01 --allow-second-secretary

# every write is audited, and the chain is whole
expect_status 0 db audit log --limit 50
expect_grep "post.add" "$TMP/out"
expect_status 0 db audit verify

# --- list ---------------------------------------------------------------------
expect_status 0 db post list --org HN.SS.X1 --as-of 2025-12-31
expect_grep "Bí thư	M01" "$TMP/out"
expect_grep "Chủ tịch UBND	M01" "$TMP/out"
expect_grep "UBND xã Sóc Sơn" "$TMP/out"
if grep -q "HN.SS.X2" "$TMP/out"; then bad "list --org shows another subtree"; else ok; fi
expect_status 0 db post list --org HN.SS.X1 --as-of 2020-06-30
if grep -q "Bí thư" "$TMP/out"; then bad "list --as-of shows a post not yet held"; else ok; fi
expect_grep "Trưởng công an xã, phường	M02" "$TMP/out"

# --- the report: 4 communes, 2 secretaries also chairmen of the People's Committee
expect_status 0 db report cadres --org HN.SS --as-of 2025-12-31 --format csv
cp "$TMP/out" "$TMP/r.csv"
for want in 'secretaries_base,4,,' \
            'secretary_concurrent_committee_chair_base,2,4,"50,00"' \
            'secretary_concurrent_council_chair_base,1,4,"25,00"' \
            'secretary_non_local_base,1,4,"25,00"' \
            'police_chief_in_standing_committee_base,1,4,"25,00"' \
            'secretaries_cell,3,,' \
            'secretary_is_unit_head_cell,1,3,"33,33"' \
            'secretaries_upper,0,,' \
            'secretaries,7,,' \
            'secretary_concurrent_committee_chair,2,7,"28,57"'; do
  expect_grep "HN.SS,Đảng bộ khu vực Sóc Sơn,$want" "$TMP/r.csv"
done
# a row counts the organizations under it, not itself
expect_status 0 db report cadres --org HN.SS --as-of 2025-12-31 --depth 1 --format csv
expect_grep 'HN.SS.X1,Đảng bộ xã Sóc Sơn,secretaries,1,,' "$TMP/out"
expect_grep 'HN.SS.X1,Đảng bộ xã Sóc Sơn,secretary_is_unit_head,1,1,"100,00"' "$TMP/out"
expect_grep 'HN.SS.X3,Đảng bộ xã Trung Giã,secretaries,0,,' "$TMP/out"
# the text report prints the shares the Vietnamese way
expect_status 0 db report cadres --org HN.SS --as-of 2025-12-31
expect_grep "Bí thư đồng thời là chủ tịch UBND (tổ chức cơ sở đảng)" "$TMP/out"
expect_grep "50,00%" "$TMP/out"

# --- end ------------------------------------------------------------------------
expect_status 0 db post end M03 --kind people_chair --org HN.SS.X2 --date 2026-01-15
expect_status 1 db post end M03 --kind people_chair --org HN.SS.X2 --date 2026-02-01
expect_grep "holds no post Chủ tịch UBND at HN.SS.X2" "$TMP/err"
expect_status 1 db post end M01 --kind secretary --org HN.SS.X1 --date 2020-10-01
expect_grep "must end after it starts" "$TMP/err"
expect_status 0 db report cadres --org HN.SS --as-of 2026-02-01 --format csv
expect_grep 'secretary_concurrent_committee_chair_base,1,4,"25,00"' "$TMP/out"
expect_status 0 db report cadres --org HN.SS --as-of 2026-01-14 --format csv
expect_grep 'secretary_concurrent_committee_chair_base,2,4,"50,00"' "$TMP/out"
expect_status 0 db audit log --limit 5
expect_grep "post.end" "$TMP/out"

# --- export, import, export ---------------------------------------------------------
expect_status 0 db export posts
cp "$TMP/out" "$TMP/posts1.csv"
expect_eq "export header" "$(head -1 "$TMP/posts1.csv")" "member_id,kind,org_code,unit,from,to,standing,ref"
expect_grep 'M03,people_chair,HN.SS.X2,,2021-06-01,2026-01-15,no,' "$TMP/posts1.csv"
expect_grep 'M01,secretary,HN.SS.X1,,2020-10-01,,no,QĐ 12-QĐ/HU' "$TMP/posts1.csv"
expect_eq "posts exported" "$(wc -l <"$TMP/posts1.csv")" "16"
expect_status 0 db export posts --org HN.SS.X1 --as-of 2025-12-31
expect_eq "posts of X1 on 31/12/2025" "$(wc -l <"$TMP/out")" "7"

# a bad file: every problem located, nothing written
cat >"$TMP/bad.csv" <<'CSV'
member_id,kind,org_code,unit,from,to,standing,ref
NOBODY,deputy,HN.SS.X1,,2024-01-01,,no,
M09,pope,HN.SS.X1,,2024-01-01,,no,
M09,deputy,HN.SS.X1,,2024-13-01,,no,
M09,deputy,HN.SS.X3,,2024-01-01,2023-01-01,no,
M09,secretary,HN.SS.X2,,2024-01-01,,no,
M10,deputy,HN.SS.X3,,2024-01-01,,maybe,
M06,deputy,HN.SS.X4,,2024-01-01,2025-01-01,no,
M06,deputy,HN.SS.X4,,2024-06-01,,no,
CSV
expect_status 1 db import posts "$TMP/bad.csv"
for want in "bad.csv:2:member_id: no member with member_id 'NOBODY'" \
            "bad.csv:3:kind: 'pope' is not a kind of post" \
            "bad.csv:4:from: '2024-13-01' is not a date" \
            "bad.csv:5:to: the post must end after it starts" \
            "bad.csv:6:kind: M03 is already secretary of HN.SS.X2" \
            "bad.csv:7:standing: 'maybe' is not yes or no" \
            "bad.csv:9:from: M06 already holds the post Phó bí thư at HN.SS.X4" \
            "7 problems, nothing imported"; do
  expect_grep "$want" "$TMP/err"
done
expect_status 0 db export posts
expect_eq "nothing written" "$(cat "$TMP/out")" "$(cat "$TMP/posts1.csv")"
# a header nobody knows, a missing column
printf 'member_id,kind,org,from\nM09,deputy,HN.SS.X1,2024-01-01\n' >"$TMP/hdr.csv"
expect_status 1 db import posts "$TMP/hdr.csv"
expect_grep "hdr.csv:1:org: unknown column" "$TMP/err"
expect_grep "hdr.csv:1:org_code: the column org_code is missing" "$TMP/err"

# the round trip into a fresh database
DANGBO_DB=$(new_db second) || exit 1
export DANGBO_DB
expect_status 0 db init
expect_status 0 db import orgs "$TMP/orgs.csv" members "$TMP/members.csv"
expect_status 0 db import posts "$TMP/posts1.csv" --allow-second-secretary
expect_status 0 db export posts
expect_eq "export -> import -> export" "$(cat "$TMP/out")" "$(cat "$TMP/posts1.csv")"
# importing the same file again replaces the rows (same member, post, organization, from)
expect_status 0 db import posts "$TMP/posts1.csv" --allow-second-secretary
expect_status 0 db export posts
expect_eq "import again" "$(cat "$TMP/out")" "$(cat "$TMP/posts1.csv")"
# ... and without the override the two secretaries of HN.SS.X4.C1 are refused
expect_status 1 db import posts "$TMP/posts1.csv"
expect_grep "M09 is already secretary of HN.SS.X4.C1" "$TMP/err"

# Vietnamese headers, Vietnamese post names, dd/mm/yyyy dates
DANGBO_DB=$(new_db third) || exit 1
export DANGBO_DB
expect_status 0 db init
expect_status 0 db import orgs "$TMP/orgs.csv" members "$TMP/members.csv"
cat >"$TMP/vi.csv" <<'CSV'
Mã đảng viên,Chức danh,Mã tổ chức,Đơn vị,Từ ngày,Đến ngày,Thường vụ,Số quyết định
M01,Bí thư,HN.SS.X1,,01/10/2020,,không,QĐ 12-QĐ/HU
M01,Chủ tịch UBND,HN.SS.X1,UBND xã Sóc Sơn,01/06/2021,,không,
M02,Trưởng công an xã,HN.SS.X1,,01/01/2020,,có,
CSV
expect_status 0 db import posts "$TMP/vi.csv"
expect_status 0 db report cadres --org HN.SS --as-of 2025-12-31 --format csv
expect_grep 'secretary_concurrent_committee_chair_base,1,1,"100,00"' "$TMP/out"
expect_grep 'police_chief_in_standing_committee_base,1,1,"100,00"' "$TMP/out"
expect_grep 'secretary_non_local_base,0,1,"0,00"' "$TMP/out"
expect_status 0 db export posts
expect_grep 'M02,police_chief,HN.SS.X1,,2020-01-01,,yes,' "$TMP/out"
finish
