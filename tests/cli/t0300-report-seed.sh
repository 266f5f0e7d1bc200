#!/usr/bin/env bash
# Reports print the figures of the seed articles the way they print them
# (contract §3; shared/seeds/FIGURES.md): the compositions are rebuilt
# through the CLI (init, import, target) and the printed output is checked.
. "$(dirname "$0")/lib.sh"

# ---- seed 001, Vĩnh Lợi 2019: 26 base organizations, 188 cells under the
# base committees; 2.517 members, 740 women, 112 of ethnic minorities.
{
  echo "code,name,kind,parent_code,category"
  echo "BL,Đảng bộ tỉnh Bạc Liêu,province,,"
  echo "VL,Đảng bộ huyện Vĩnh Lợi,upper,BL,"
  cells=0
  for i in $(seq 1 20); do
    echo "VL.$i,Đảng bộ xã $i,base_committee,VL,commune"
    n=$(( i <= 8 ? 10 : 9 ))
    for k in $(seq 1 $n); do echo "VL.$i.$k,Chi bộ ấp $k,cell,VL.$i,"; done
  done
  for i in $(seq 1 6); do echo "VL.T$i,\"Chi bộ Trường $i, xã Châu Hưng\",base_cell,VL,service_unit"; done
} >orgs.csv
awk 'BEGIN {
  print "member_id,full_name,gender,birth_date,ethnicity,religion,org_code,decision_date,official_date,status"
  for (i = 1; i <= 2517; i++) {
    g = i <= 740 ? "nữ" : "nam"
    e = (i > 740 && i <= 852) ? "Khơ-me" : "Kinh"
    org = (i % 26 < 20) ? "VL." (i % 26 + 1) ".1" : "VL.T" (i % 26 - 19)
    printf "V%05d,Người %d,%s,1975-04-10,%s,,%s,2001-05-19,2002-05-19,official\n", i, i, g, e, org
  }
}' >members.csv
expect_status 0 db init
expect_status 0 db import orgs orgs.csv members members.csv

expect_status 0 db report members --org VL --as-of 2019-03-31
expect_grep "Tính đến ngày 31/03/2019" "$TMP/out"
expect_grep "Tổ chức: Đảng bộ huyện Vĩnh Lợi (VL)" "$TMP/out"
expect_grep "Tổng số đảng viên                   2.517" "$TMP/out"
expect_grep "Đảng viên nữ                          740   29,40%" "$TMP/out"
expect_grep "Dân tộc thiểu số                      112    4,45%" "$TMP/out"

expect_status 0 db report members --org VL --as-of 2019-03-31 --format csv
expect_eq "CSV header" "$(head -1 "$TMP/out")" "org_code,org_name,indicator,count,base,percent"
expect_grep "VL,Đảng bộ huyện Vĩnh Lợi,total,2517,," "$TMP/out"
expect_grep 'VL,Đảng bộ huyện Vĩnh Lợi,female,740,2517,"29,40"' "$TMP/out"
expect_grep 'VL,Đảng bộ huyện Vĩnh Lợi,ethnic_minority,112,2517,"4,45"' "$TMP/out"
expect_eq "one row per indicator" "$(wc -l <"$TMP/out")" "14"

expect_status 0 db report members --org VL --as-of 2019-03-31 --format json
python3 - "$TMP/out" >"$TMP/json" <<'EOF'
import json, sys
rows = json.load(open(sys.argv[1]))
r = {x["indicator"]: x for x in rows}
print(r["total"]["count"], r["total"]["base"], r["total"]["percent"], repr(r["total"]["percent_text"]))
print(r["female"]["count"], r["female"]["base"], r["female"]["percent"], r["female"]["percent_text"])
print(sorted(rows[0].keys()))
EOF
expect_grep "2517 None None ''" "$TMP/json"
expect_grep "740 2517 29.4 29,40%" "$TMP/json"
expect_grep "'base', 'count', 'depth', 'indicator', 'label', 'org_code', 'org_name', 'percent', 'percent_text'" "$TMP/json"

expect_status 0 db report orgs --org VL --as-of 2019-03-31 --format csv
expect_grep "VL,Đảng bộ huyện Vĩnh Lợi,base,26,," "$TMP/out"
expect_grep "VL,Đảng bộ huyện Vĩnh Lợi,cell,188,," "$TMP/out"
expect_grep 'VL,Đảng bộ huyện Vĩnh Lợi,base_committee,20,26,"76,92"' "$TMP/out"
# a name with a comma is quoted, only where needed
expect_status 0 db report orgs --org VL --depth 1 --format csv
expect_grep 'VL.T1,"Chi bộ Trường 1, xã Châu Hưng",base_cell,1,1,"100,00"' "$TMP/out"

# ---- seed 004, Sóc Trăng 2023: 2.051 admitted, 100,05% of the target of
# 2.050; 48.879 members; 644 base organizations (231 base committees, 413
# base cells).
export DANGBO_DB="$TMP/st.db"
{
  echo "code,name,kind,parent_code,category"
  echo "ST,Đảng bộ tỉnh Sóc Trăng,province,,"
  echo "ST.U,Đảng bộ thành phố Sóc Trăng,upper,ST,"
  for i in $(seq 1 231); do echo "ST.U.C$i,Đảng bộ cơ sở $i,base_committee,ST.U,commune"; echo "ST.U.C$i.1,Chi bộ 1,cell,ST.U.C$i,"; done
  for i in $(seq 1 413); do echo "ST.U.B$i,Chi bộ cơ sở $i,base_cell,ST.U,agency"; done
} >orgs.csv
awk 'BEGIN {
  print "member_id,full_name,gender,birth_date,ethnicity,religion,org_code,decision_date,official_date,status"
  for (i = 1; i <= 48879; i++) {
    org = (i % 644 < 231) ? "ST.U.C" (i % 644 + 1) ".1" : "ST.U.B" (i % 644 - 230)
    if (i <= 2051)
      printf "S%06d,Người %d,nam,1995-01-01,Kinh,,%s,2023-%02d-15,,probationary\n", i, i, org, i % 12 + 1
    else
      printf "S%06d,Người %d,nữ,1980-01-01,Kinh,,%s,2005-03-01,2006-03-01,official\n", i, i, org
  }
}' >members.csv
expect_status 0 db init
expect_status 0 db import orgs orgs.csv members members.csv
# before any target is entered, admitted has no percentage
expect_status 0 db report members --org ST --as-of 2023-12-31 --from 2023-01-01 --to 2023-12-31 --format csv
expect_grep "ST,Đảng bộ tỉnh Sóc Trăng,admitted,2051,0," "$TMP/out"
printf 'ma_to_chuc,nam,chi_tieu\nST,2023,2050\nST,2024,2100\n' >targets.csv
expect_status 0 db target import targets.csv
expect_status 0 db report members --org ST --as-of 2023-12-31 --from 2023-01-01 --to 2023-12-31
expect_grep "Kỳ báo cáo: từ ngày 01/01/2023 đến ngày 31/12/2023" "$TMP/out"
expect_grep "Tổng số đảng viên                  48.879" "$TMP/out"
expect_grep "Kết nạp đảng viên mới               2.051  100,05%" "$TMP/out"
expect_grep "Chỉ tiêu kết nạp                    2.050" "$TMP/out"
expect_status 0 db report members --org ST --as-of 2023-12-31 --from 2023-01-01 --to 2023-12-31 --format csv
expect_grep 'ST,Đảng bộ tỉnh Sóc Trăng,admitted,2051,2050,"100,05"' "$TMP/out"
expect_grep "ST,Đảng bộ tỉnh Sóc Trăng,admission_target,2050,," "$TMP/out"
# a target set below replaces nothing above: the province keeps its own
expect_status 0 db target set --org ST.U --year 2023 1000
expect_status 0 db report members --org ST.U --as-of 2023-12-31 --from 2023-01-01 --to 2023-12-31 --format csv
expect_grep 'ST.U,Đảng bộ thành phố Sóc Trăng,admitted,2051,1000,"205,10"' "$TMP/out"
expect_status 0 db report members --org ST --as-of 2023-12-31 --from 2023-01-01 --to 2023-12-31 --format csv
expect_grep 'ST,Đảng bộ tỉnh Sóc Trăng,admitted,2051,2050,"100,05"' "$TMP/out"
expect_status 0 db report orgs --org ST
expect_grep "Tổ chức cơ sở đảng                  644" "$TMP/out"
expect_grep "Đảng bộ cơ sở                       231  35,87%" "$TMP/out"
expect_grep "Chi bộ cơ sở                        413  64,13%" "$TMP/out"

# ---- precision: 29,3% at one decimal (seed 003 prints 671/2.291 so)
expect_status 0 db report members --org ST --as-of 2023-12-31 --precision 1 --format csv
expect_grep 'ST,Đảng bộ tỉnh Sóc Trăng,probationary,2051,48879,"4,2"' "$TMP/out"
expect_status 0 db report members --org ST --as-of 2023-12-31 --precision 0 --format csv
expect_grep 'ST,Đảng bộ tỉnh Sóc Trăng,female,46828,48879,96' "$TMP/out"

finish
