#!/usr/bin/env bash
# The yearly summary report (dangbo summary; app/summary.h) and reports as
# PDF (report --format pdf; io/report_render_pdf.c), on seed 001's Vĩnh Lợi
# (seeds/FIGURES.md; the composition of t0300): 26 base organizations, 188
# cells under the base committees; 2.517 members at 31/12/2018, 740 women,
# 112 of ethnic minorities; "kết nạp trên 70 đảng viên mới" in 2018; base
# organizations rated 15,38% / 61,54% / 11,54% / 11,54% (QĐ 366-QĐ/TW Điều
# 11), 94,42% of members in the self-review. The sentences are checked word
# for word; the PDF's text (pdftotext) in order, and its fonts embedded
# (pdffonts), laid out per HD 36-HD/VPTW (documents.md §§1–9).
. "$(dirname "$0")/lib.sh"

{
  echo "code,name,kind,parent_code,category"
  echo "BL,Đảng bộ tỉnh Bạc Liêu,province,,"
  echo "VL,Đảng bộ huyện Vĩnh Lợi,upper,BL,"
  for i in $(seq 1 20); do
    echo "VL.$i,Đảng bộ xã $i,base_committee,VL,commune"
    n=$(( i <= 8 ? 10 : 9 ))
    for k in $(seq 1 $n); do echo "VL.$i.$k,Chi bộ ấp $k,cell,VL.$i,"; done
  done
  for i in $(seq 1 6); do echo "VL.T$i,\"Chi bộ Trường $i, xã Châu Hưng\",base_cell,VL,service_unit"; done
} >orgs.csv
# members 1-12 admitted in 1988 and 13-20 in 1978 (30 and 40 years of party
# age in 2018, QĐ 294-QĐ/TW §28); 2.398-2.447 admitted in 2017 (official in
# 2018); 2.448-2.517 admitted in 2018 (probationary at its end); the others
# in 2001.
awk 'BEGIN {
  print "member_id,full_name,gender,birth_date,ethnicity,religion,org_code,decision_date,official_date,status"
  for (i = 1; i <= 2517; i++) {
    g = i <= 740 ? "nữ" : "nam"
    e = (i > 740 && i <= 852) ? "Khơ-me" : "Kinh"
    org = (i % 26 < 20) ? "VL." (i % 26 + 1) ".1" : "VL.T" (i % 26 - 19)
    if (i <= 12) { dec = "1988-03-10"; off = "1989-03-10"; st = "official" }
    else if (i <= 20) { dec = "1978-07-01"; off = "1979-07-01"; st = "official" }
    else if (i >= 2448) { dec = sprintf("2018-%02d-15", (i % 12) + 1); off = ""; st = "probationary" }
    else if (i >= 2398) { dec = "2017-06-01"; off = "2018-06-01"; st = "official" }
    else { dec = "2001-05-19"; off = "2002-05-19"; st = "official" }
    printf "V%05d,Người %d,%s,1975-04-10,%s,,%s,%s,%s,%s\n", i, i, g, e, org, dec, off, st
  }
}' >members.csv
expect_status 0 db init
expect_status 0 db import orgs orgs.csv members members.csv
expect_status 0 db target set --org VL --year 2018 65
# review rounds 2018 (seed 001) and 2017 (for the comparison)
base_orgs() { for i in $(seq 1 20); do echo "VL.$i"; done; for i in $(seq 1 6); do echo "VL.T$i"; done; }
{
  echo "period,subject_type,subject,score,level,self_review,override_reason"
  n=0
  for o in $(base_orgs); do
    n=$((n + 1))
    if [ $n -le 4 ]; then l=excellent; elif [ $n -le 20 ]; then l=good
    elif [ $n -le 23 ]; then l=completed; else l=failed; fi
    echo "2018,org,$o,,$l,yes,"
  done
  awk 'BEGIN { for (k = 1; k <= 2492; k++)
    printf "2018,member,V%05d,%s,%s,%s,\n", k, k <= 260 ? "95" : "80", k <= 260 ? "excellent" : "good", k <= 2353 ? "yes" : "no" }'
} >r2018.csv
{
  echo "period,subject_type,subject,score,level,self_review,override_reason"
  n=0
  for o in $(base_orgs); do
    n=$((n + 1))
    if [ $n -le 3 ]; then l=excellent; elif [ $n -le 18 ]; then l=good
    elif [ $n -le 23 ]; then l=completed; else l=failed; fi
    echo "2017,org,$o,,$l,yes,"
  done
} >r2017.csv
expect_status 0 db import ratings r2018.csv
expect_status 0 db import ratings r2017.csv

# ---- the summary of 2018 as text: the figures of the reports, in sentences
expect_status 0 db summary --org VL --year 2018 --place "Vĩnh Lợi" --number "Số 15-BC/HU"
cp "$TMP/out" s2018.txt
for want in \
  "ĐẢNG BỘ TỈNH BẠC LIÊU" "ĐẢNG BỘ HUYỆN VĨNH LỢI" "Số 15-BC/HU" "ĐẢNG CỘNG SẢN VIỆT NAM" \
  "Vĩnh Lợi, ngày 23 tháng 11 năm 2026" "BÁO CÁO" "Kết quả công tác tổ chức xây dựng Đảng năm 2018" \
  "Đến ngày 31/12/2018, Đảng bộ huyện Vĩnh Lợi có 26 tổ chức cơ sở đảng (20 đảng bộ cơ sở, 6 chi bộ cơ sở); 188 chi bộ trực thuộc đảng ủy cơ sở." \
  "Tính đến ngày 31/12/2018, Đảng bộ huyện Vĩnh Lợi có 2.517 đảng viên (2.447 đảng viên chính thức, 70 đảng viên dự bị), tăng 70 đảng viên (2,86%) so với năm trước; trong đó đảng viên nữ 740 đồng chí (29,40%), đảng viên là người dân tộc thiểu số 112 đồng chí (4,45%)." \
  "Trong năm 2018, kết nạp 70 đảng viên mới, đạt 107,69% chỉ tiêu (65 đảng viên), tăng 20 đảng viên (40,00%) so với năm 2017." \
  "Xét, công nhận đảng viên chính thức cho 50 đồng chí." \
  "Trong năm 2018, có 20 đảng viên đủ tuổi Đảng để được xét tặng Huy hiệu Đảng, gồm: 12 đồng chí Huy hiệu 30 năm tuổi Đảng, 8 đồng chí Huy hiệu 40 năm tuổi Đảng (QĐ 294-QĐ/TW §28)." \
  "Kết quả đánh giá, xếp loại chất lượng năm 2018: có 26 tổ chức cơ sở đảng được đánh giá, xếp loại, trong đó hoàn thành xuất sắc nhiệm vụ 4 (15,38%); hoàn thành tốt nhiệm vụ 16 (61,54%); hoàn thành nhiệm vụ 3 (11,54%); không hoàn thành nhiệm vụ 3 (11,54%). Tỷ lệ tổ chức cơ sở đảng hoàn thành tốt nhiệm vụ trở lên là 76,92%, tăng so với năm 2017 (69,23%)." \
  "Về đảng viên: 2.492 đảng viên được đánh giá, xếp loại, trong đó hoàn thành xuất sắc nhiệm vụ 260 (10,43%); hoàn thành tốt nhiệm vụ 2.232 (89,57%)" \
  "Về kiểm điểm: 26/26 tập thể (100,00%) và 2.353/2.492 đảng viên (94,42%) đã tham gia kiểm điểm." \
  "T/M BAN THƯỜNG VỤ" "Nơi nhận:" "- Đảng bộ tỉnh Bạc Liêu (để báo cáo)," "- Lưu."; do
  expect_grep "$want" s2018.txt
done
# figures the data do not give are left out, not printed as 0: no religion,
# no exits, no transfers recorded; no congress planned for a term under way;
# the member ratings of 2017 were not imported (no comparison for them)
for absent in "tôn giáo" "xóa tên" "khai trừ" "từ trần" "chuyển sinh hoạt" "IV. " "Tỷ lệ đảng viên hoàn thành"; do
  grep -qF "$absent" s2018.txt && bad "'$absent' should not be in the 2018 summary" || ok
done
# the figures are the reports' own
expect_status 0 db report members --org VL --as-of 2018-12-31 --from 2018-01-01 --to 2018-12-31 --format csv
expect_grep "VL,Đảng bộ huyện Vĩnh Lợi,total,2517,," "$TMP/out"
expect_grep 'VL,Đảng bộ huyện Vĩnh Lợi,admitted,70,65,"107,69"' "$TMP/out"
expect_grep "VL,Đảng bộ huyện Vĩnh Lợi,recognized,50,," "$TMP/out"

# ---- 2019: no admissions, no review round imported, congresses of the
# term 2020-2025 under way (found without --term)
for o in VL.1 VL.2 VL.3 VL.T1; do
  expect_status 0 db congress plan --org $o --term 2020-2025 --kind members --planned 2019-10-01
done
for o in VL.1 VL.2 VL.3; do expect_status 0 db congress hold --org $o --term 2020-2025 --date 2019-10-01; done
expect_status 0 db summary --org VL --year 2019
cp "$TMP/out" s2019.txt
# the members admitted in 2018 stay probationary until a decision recognizes them
expect_grep "Tính đến ngày 31/12/2019, Đảng bộ huyện Vĩnh Lợi có 2.517 đảng viên (2.447 đảng viên chính thức, 70 đảng viên dự bị), bằng năm trước;" s2019.txt
# sections are numbered as written: the congress comes third without ratings
expect_grep "III. CÔNG TÁC ĐẠI HỘI ĐẢNG BỘ CÁC CẤP" s2019.txt
expect_grep "Đại hội đảng bộ các cấp nhiệm kỳ 2020-2025: đến ngày 31/12/2019, đã tổ chức 3/4 đại hội theo kế hoạch (75,00%), trong đó tổ chức cơ sở đảng 3/4 (75,00%)." s2019.txt
expect_grep "……………, ngày 23 tháng 11 năm 2026" s2019.txt
for absent in "kết nạp" "KIỂM ĐIỂM" "IV. " "Huy hiệu"; do
  grep -qF "$absent" s2019.txt && bad "'$absent' should not be in the 2019 summary" || ok
done

# ---- bad input
expect_status 2 db summary --org VL
expect_grep "give the year" "$TMP/err"
expect_status 2 db summary --org VL --year 2030
expect_grep "the year must be from 1930 to 2026" "$TMP/err"
expect_status 1 db summary --org NOPE --year 2018
expect_grep "no organization with code 'NOPE'" "$TMP/err"
expect_status 2 db summary --org VL --year 2018 --format docx
expect_status 0 db help summary
expect_grep "usage: dangbo summary --org CODE --year Y" "$TMP/out"

# ---- PDF: the summary and a report as party documents
if command -v pdftotext >/dev/null && command -v pdffonts >/dev/null; then
  # one line of text, lines joined
  flat() { pdftotext "$1" - | tr '\n' ' ' | sed 's/  */ /g'; }
  # every font embedded, and only Liberation Serif (no fallback for Vietnamese letters)
  fonts_ok() {
    local f
    f=$(pdffonts "$1" | tail -n +3 | awk '{print $1}' | sed 's/^[A-Z]*+//' | sort -u | tr '\n' ' ')
    expect_eq "$1: fonts" "$f" "LiberationSerif LiberationSerif-Bold LiberationSerif-Italic "
    local notemb
    notemb=$(pdffonts "$1" | tail -n +3 | awk '$(NF-4) != "yes"' | wc -l)
    expect_eq "$1: every font embedded" "$notemb" "0"
  }
  # in_order FILE A B C...: each text found after the one before
  in_order() {
    local f=$1; shift
    python3 - "$f" "$@" <<'PY' && ok || bad "not in order in $f: $*"
import sys
t = open(sys.argv[1], encoding="utf-8").read()
pos = 0
for w in sys.argv[2:]:
    i = t.find(w, pos)
    if i < 0:
        print("missing after position %d: %s" % (pos, w), file=sys.stderr)
        sys.exit(1)
    pos = i + len(w)
PY
  }

  expect_status 0 db summary --org VL --year 2018 --format pdf --output s2018.pdf --place "Vĩnh Lợi" --number "Số 15-BC/HU"
  flat s2018.pdf >s2018.pdf.txt
  fonts_ok s2018.pdf
  in_order s2018.pdf.txt "ĐẢNG BỘ TỈNH BẠC LIÊU" "ĐẢNG BỘ HUYỆN VĨNH LỢI" "Số 15-BC/HU" "BÁO CÁO" \
    "Kết quả công tác tổ chức xây dựng Đảng năm 2018" "I. CÔNG TÁC XÂY DỰNG TỔ CHỨC CƠ SỞ ĐẢNG" \
    "26 tổ chức cơ sở đảng" "II. CÔNG TÁC ĐẢNG VIÊN" "2.517 đảng viên" "29,40%" "107,69%" \
    "III. KẾT QUẢ KIỂM ĐIỂM" "15,38%" "61,54%" "94,42%" "Trên đây là báo cáo" "T/M BAN THƯỜNG VỤ"
  expect_grep "ĐẢNG CỘNG SẢN VIỆT NAM" s2018.pdf.txt
  expect_grep "Vĩnh Lợi, ngày 23 tháng 11 năm 2026" s2018.pdf.txt
  expect_grep "Nơi nhận:" s2018.pdf.txt
  # page numbers from page 2 on, not on page 1 (documents.md §1)
  pages=$(pdfinfo s2018.pdf | awk '/^Pages:/ {print $2}')
  [ "$pages" -ge 2 ] && ok || bad "the summary should take two pages, got $pages"
  pdftotext -f 2 -l 2 s2018.pdf - | head -3 | grep -qx "2" && ok || bad "no page number on page 2"
  pdftotext -f 1 -l 1 s2018.pdf - | head -3 | grep -qx "1" && bad "page number on page 1" || ok
  # the same file for the same data
  expect_status 0 db summary --org VL --year 2018 --format pdf --place "Vĩnh Lợi" --number "Số 15-BC/HU"
  cmp -s "$TMP/out" s2018.pdf && ok || bad "summary PDF not reproducible"

  # report --format pdf: the same rows as the text report, Vietnamese numbers
  expect_status 0 db report members --org VL --as-of 2019-03-31 --format pdf --output r.pdf
  flat r.pdf >r.txt
  fonts_ok r.pdf
  in_order r.txt "ĐẢNG BỘ HUYỆN VĨNH LỢI" "BÁO CÁO" "số lượng, cơ cấu đảng viên" \
    "Tổ chức: Đảng bộ huyện Vĩnh Lợi (VL). Số liệu tính đến ngày 31/03/2019." "Chỉ tiêu" \
    "Tổng số đảng viên" "2.517" "Đảng viên nữ" "740" "2.517" "29,40%" "Dân tộc thiểu số" "112" "4,45%" "T/M"
  expect_grep "Nơi nhận:" r.txt
  expect_status 0 db report members --org VL --as-of 2019-03-31 --format text
  labels=$(sed -n '/^Chỉ tiêu/,$p' "$TMP/out" | tail -n +2 | sed 's/  .*//' | tr '\n' '|')
  pdflabels=$(pdftotext -layout r.pdf - | sed -n '/Chỉ tiêu/,/Nơi nhận/p' | sed '1d;$d' | sed 's/^ *//; s/  .*//' | grep -v '^$' | tr '\n' '|')
  expect_eq "PDF rows = text rows" "$pdflabels" "$labels"
  # with a period, and per organization: tables break across pages with
  # their header row again (27 tables, more headers than tables)
  expect_status 0 db report members --org VL --depth 1 --as-of 2018-12-31 --from 2018-01-01 --to 2018-12-31 --format pdf --output rd.pdf
  flat rd.pdf >rd.txt
  expect_grep "Kỳ báo cáo: từ ngày 01/01/2018 đến ngày 31/12/2018." rd.txt
  expect_grep "Chi bộ Trường 6, xã Châu Hưng (VL.T6)" rd.txt
  heads=$(grep -o "Cơ sở tính" rd.txt | wc -l)
  [ "$heads" -gt 27 ] && ok || bad "a table broken across pages should repeat its header: $heads headers for 27 tables"
  # to standard output when redirected
  expect_status 0 db report orgs --org VL --format pdf
  [ "$(head -c 5 "$TMP/out")" = %PDF- ] && ok || bad "report --format pdf to standard output is not a PDF"
else
  echo "poppler-utils missing: PDF checks skipped" >&2
fi
# under the whole Party (the demo's TW root) the header has no superior-body
# line: "ĐẢNG CỘNG SẢN VIỆT NAM" is the document's first line only once
DANGBO_DB=$(new_db demo) || exit 1
export DANGBO_DB
expect_status 0 db init
expect_status 0 db demo --province QN --seed 3 --scale 0.02
expect_status 0 db summary --org QN --year 2025
expect_eq "one national line" "$(grep -c '^ĐẢNG CỘNG SẢN VIỆT NAM$' "$TMP/out")" "1"
commune=$(db org tree --depth 2 | awk 'NR == 3 {print $1}')
expect_status 0 db summary --org "$commune" --year 2025
expect_eq "a commune's superior body" "$(sed -n 1p "$TMP/out")" "ĐẢNG BỘ TỈNH QUẢNG NINH"
# an organization is not counted among those under it: a base committee
# reports its cells only, a cell has no organizations section
bc=$(db org tree "$commune" --depth 1 | awk '$0 ~ /Đảng bộ cơ sở\]/ {print $1; exit}')
cell=$(db org tree "$bc" --depth 1 | awk 'NR == 2 {print $1}')
[ -n "$bc" ] && [ -n "$cell" ] && ok || bad "no base committee with a cell in $commune"
expect_status 0 db summary --org "$bc" --year 2026
expect_grep "có $(db report orgs --org "$bc" --format csv | awk -F, '$3 == "cell" {print $4}') chi bộ trực thuộc đảng ủy cơ sở" "$TMP/out"
if grep -q "tổ chức cơ sở đảng (" "$TMP/out"; then bad "a base committee counted among its own organizations"; else ok; fi
expect_status 0 db summary --org "$cell" --year 2026
if grep -q "CÔNG TÁC XÂY DỰNG TỔ CHỨC CƠ SỞ ĐẢNG" "$TMP/out"; then bad "a cell reports organizations under it"; else ok; fi
expect_grep "I. CÔNG TÁC ĐẢNG VIÊN" "$TMP/out"
finish
