#!/usr/bin/env bash
# dangbo election count: every golden case in tests/data/elections through the
# binary, compared byte for byte with its expected output; the text and PDF
# renderings; usage errors. Each case names the rule it checks.
. "$(dirname "$0")/lib.sh"
DATA="$TESTDATA/elections"

# case -> the rule it checks
declare -A CITE=(
  [worked_example]="QĐ 190-QĐ/TW Điều 30; dangcongsan.vn Q&A: 11 official members, 1 excused, base 10: 5 votes not elected, 6 elected"
  [invalid_ballots]="QĐ 190-QĐ/TW Điều 15: not issued, written in, own marks, more kept than seats, every name struck"
  [tie_last_seat]="QĐ 190-QĐ/TW Điều 30; rules.md §1.5: a tie at the last seat goes to a further round among the tied"
  [unfilled_seats]="QĐ 190-QĐ/TW Điều 30: only those over half the base are elected; the rest of the seats stay unfilled"
  [delegates_alternates]="QĐ 294-QĐ/TW §11.4: delegates first, then alternates; equal votes: higher party age promoted first"
  [yesno_both_neither]="QĐ 190-QĐ/TW Điều 15: on a yes/no ballot a line with both boxes or neither counts for nobody, the ballot stays valid"
  [secretary_round3]="QĐ 294-QĐ/TW §23.3: a chi bộ secretary not elected in the third round is appointed by the upper level; single name: exactly one box"
  [paper_totals_bad]="issued ≥ returned = valid + invalid; no name above the valid ballots (refused, saying why)"
  [surplus_over]="QĐ 190-QĐ/TW Điều 14: at most 30% surplus (9 seats: at most 11 names)"
  [unknown_name]="QĐ 190-QĐ/TW Điều 15: a name not on the list is an input error"
  [cell_committee_8]="QĐ 294-QĐ/TW §23.1: a chi ủy has at most 7 members"
)

cd "$DATA" || exit 1
ncase=0
for input in *.json; do
  case "$input" in *.expected.json) continue ;; esac
  name=${input%.json}
  ncase=$((ncase + 1))
  [ -n "${CITE[$name]:-}" ] || bad "$name: no rule cited for this case"
  if [ -f "$name.expected.json" ]; then
    "$DANGBO" election count "$input" >"$TMP/out" 2>"$TMP/err"
    rc=$?
    expect_eq "$name exit (${CITE[$name]:-})" "$rc" 0
    if diff -u "$name.expected.json" "$TMP/out" >"$TMP/diff"; then ok; else bad "$name: output differs (${CITE[$name]:-})"; cat "$TMP/diff" >&2; fi
  elif [ -f "$name.expected.err" ]; then
    "$DANGBO" election count "$input" >"$TMP/out" 2>"$TMP/err"
    rc=$?
    expect_eq "$name exit (${CITE[$name]:-})" "$rc" 1
    expect_eq "$name prints nothing on stdout" "$(wc -c <"$TMP/out")" 0
    if diff -u "$name.expected.err" "$TMP/err" >"$TMP/diff"; then ok; else bad "$name: stderr differs (${CITE[$name]:-})"; cat "$TMP/diff" >&2; fi
  else
    bad "$name: no expected output"
  fi
done
[ "$ncase" -ge 11 ] && ok || bad "only $ncase election cases found"

# The worked example, as text for people.
"$DANGBO" election count worked_example.json --format text >"$TMP/out"
if diff -u worked_example.expected.txt "$TMP/out" >"$TMP/diff"; then ok; else bad "text output differs"; cat "$TMP/diff" >&2; fi

# Standard input, and --output.
"$DANGBO" election count - <worked_example.json >"$TMP/out"
if cmp -s worked_example.expected.json "$TMP/out"; then ok; else bad "reading standard input"; fi
expect_status 0 "$DANGBO" election count worked_example.json --output "$TMP/res.json"
if cmp -s worked_example.expected.json "$TMP/res.json"; then ok; else bad "--output"; fi

# The counting minutes as a PDF: the fields are there, and every glyph is
# Liberation Serif (no fallback font for Vietnamese letters).
if command -v pdftotext >/dev/null && command -v pdffonts >/dev/null; then
  for c in worked_example delegates_alternates tie_last_seat secretary_round3 yesno_both_neither; do
    expect_status 0 "$DANGBO" election count "$c.json" --format pdf --output "$TMP/$c.pdf"
    # one line of text: lines joined, a line broken after a hyphen rejoined
    pdftotext "$TMP/$c.pdf" - | tr '\n' ' ' | sed 's/- /-/g; s#/ #/#g; s/  */ /g' >"$TMP/$c.txt"
    expect_grep "ĐẢNG CỘNG SẢN VIỆT NAM" "$TMP/$c.txt"
    expect_grep "BIÊN BẢN KIỂM PHIẾU" "$TMP/$c.txt"
    expect_grep "BAN KIỂM PHIẾU" "$TMP/$c.txt"
    expect_grep "T/M BAN KIỂM PHIẾU" "$TMP/$c.txt"
    expect_grep "QĐ 190-QĐ/TW Điều 30" "$TMP/$c.txt"
    fonts=$(pdffonts "$TMP/$c.pdf" | tail -n +3 | awk '{print $1}' | sed 's/^[A-Z]*+//' | sort -u | tr '\n' ' ')
    expect_eq "$c: fonts" "$fonts" "LiberationSerif LiberationSerif-Bold LiberationSerif-Italic "
  done
  t="$TMP/worked_example.txt"
  expect_grep "Hạ Long, ngày 03 tháng 02 năm 2025" "$t"
  expect_grep "ĐẢNG BỘ PHƯỜNG HỒNG HẢI" "$t"
  expect_grep "Bầu Chi ủy Chi bộ Khu 3" "$t"
  expect_grep "Đại hội Chi bộ Khu 3 lần thứ XV, nhiệm kỳ 2025–2030" "$t"
  expect_grep "Trần Thị Bình" "$t"
  expect_grep "60,00" "$t"
  expect_grep "50,00" "$t"
  expect_grep "Hoàng Văn Em" "$t"
  expect_grep "Đồng chí Vũ Thị Giang, Ủy viên" "$t"
  expect_grep "dùng làm cơ sở tính kết quả bầu cử (QĐ 190-QĐ/TW Điều 30): 10" "$t"
  expect_grep "Số phiếu phát ra: 10; số phiếu thu về: 10" "$t"
  expect_grep "Không tính: vắng mặt suốt thời gian đại hội có lý do được chấp thuận: 1" "$t"
  expect_grep "Số lượng còn thiếu: 1" "$t"
  expect_grep "Thứ tự thay thế 1" "$TMP/delegates_alternates.txt"
  expect_grep "Quách Văn Lộc" "$TMP/delegates_alternates.txt"
  expect_grep "Không đồng ý" "$TMP/yesno_both_neither.txt"
  expect_grep "chỉ định bí thư chi bộ (QĐ 294-QĐ/TW §23.3)" "$TMP/secretary_round3.txt"
  expect_grep "bầu tiếp trong số các đồng chí này" "$TMP/tie_last_seat.txt"
  # page numbers from page 2 on, not on page 1
  pages=$(pdfinfo "$TMP/worked_example.pdf" | awk '/^Pages:/ {print $2}')
  [ "$pages" -ge 2 ] && ok || bad "minutes should take two pages, got $pages"
  pdftotext -f 2 -l 2 "$TMP/worked_example.pdf" - | head -3 | grep -qx "2" && ok || bad "no page number on page 2"
  pdftotext -f 1 -l 1 "$TMP/worked_example.pdf" - | head -3 | grep -qx "1" && bad "page number on page 1" || ok
else
  echo "poppler-utils missing: PDF checks skipped" >&2
fi

# A PDF to a file is the same for the same input (fixed creation date).
"$DANGBO" election count worked_example.json --format pdf >"$TMP/a.pdf"
"$DANGBO" election count worked_example.json --format pdf >"$TMP/b.pdf"
if cmp -s "$TMP/a.pdf" "$TMP/b.pdf"; then ok; else bad "PDF output not reproducible"; fi

# Usage errors exit 2; a missing file or bad JSON exits 1 with the place.
expect_status 2 "$DANGBO" election
expect_status 2 "$DANGBO" election tally worked_example.json
expect_status 2 "$DANGBO" election count worked_example.json --format xml
expect_status 2 "$DANGBO" election count worked_example.json extra
expect_status 0 "$DANGBO" election --help
expect_grep "usage: dangbo election count" "$TMP/out"
expect_status 1 "$DANGBO" election count "$TMP/none.json"
expect_grep "none.json: cannot open" "$TMP/err"
printf '{"election": "committee",\n "seats": 3,,}' >"$TMP/broken.json"
expect_status 1 "$DANGBO" election count "$TMP/broken.json"
expect_grep "broken.json:2: not valid JSON" "$TMP/err"
printf '{"election": "committee", "congress": "members", "seats": "3", "convened": 5, "candidates": [], "ballots_issued": 0, "colour": 1}' >"$TMP/strict.json"
expect_status 1 "$DANGBO" election count "$TMP/strict.json"
expect_grep "strict.json:seats: must be a whole number" "$TMP/err"
expect_grep "strict.json:colour: unknown key" "$TMP/err"

finish
