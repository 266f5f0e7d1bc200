#!/usr/bin/env bash
# POST /api/v1/elections/count and /elections/minutes: the same reader and
# counting engine as `dangbo election count` (contract §4), over HTTP.
#   - the result equals the CLI's, byte for byte once both are parsed;
#   - QĐ 190-QĐ/TW Điều 30: elected when 2·votes > base (convened minus the
#     exclusions), not more than half of the valid ballots: with base 10,
#     5 votes do not elect and 6 do;
#   - a bad round is a 400 naming each problem by its JSON path;
#   - the minutes are a PDF whose text names the elected;
#   - no session: 401; no CSRF token: 403.
. "$(dirname "$0")/lib.sh"
setup_db
start_server
login sec

cat >"$TMP/round.json" <<'EOF'
{"election": "committee", "congress": "members", "organization_kind": "cell",
 "seats": 3, "convened": 11, "excluded": {"excused_absent": 1},
 "candidates": [{"id": "c1", "name": "Nguyễn Văn An"}, {"id": "c2", "name": "Trần Thị Bình"},
                {"id": "c3", "name": "Lê Văn Cường"}, {"id": "c4", "name": "Phạm Thị Dung"}],
 "ballots_issued": 10,
 "counts": {"returned": 10, "valid": 9, "invalid": 1,
            "votes": {"c1": 9, "c2": 6, "c3": 5, "c4": 7}},
 "organization": "Chi bộ Khu 3", "upper_organization": "Đảng bộ phường Hồng Hải",
 "congress_title": "Đại hội Chi bộ Khu 3 lần thứ XV, nhiệm kỳ 2025–2030",
 "place": "Hạ Long", "date": "2025-05-10",
 "counting_board": [{"name": "Đỗ Văn Em", "role": "Trưởng ban"}]}
EOF

call sec POST /elections/count -H 'Content-Type: application/json' --data-binary @"$TMP/round.json"
expect_status "count" 200
expect_jq "base: 11 convened, 1 excused" .base 10
expect_jq "threshold" .threshold 6
expect_jq "6 of base 10 elects (QĐ 190-QĐ/TW Điều 30)" '.candidates[1].elected' true
expect_jq "5 of base 10 does not (QĐ 190-QĐ/TW Điều 30)" '.candidates[2].elected' false
expect_jq "elected by votes" '.elected | join(",")' "c1,c4,c2"
expect_jq "percent the Vietnamese way" '.candidates[1].percent_text' "60,00%"
expect_jq "every seat filled" .next_step none
"$DANGBO" election count "$TMP/round.json" >"$TMP/cli.json"
if [ "$(jq -S . "$TMP/cli.json")" == "$(jq -S . "$TMP/body")" ]; then ok; else bad "the API's result differs from the CLI's"; fi

# a tie across the last seat is never broken (rules.md §1.5)
jq '.counts.votes = {"c1": 8, "c2": 6, "c3": 6, "c4": 7}' "$TMP/round.json" >"$TMP/tie.json"
call sec POST /elections/count -H 'Content-Type: application/json' --data-binary @"$TMP/tie.json"
expect_status "tie" 200
expect_jq "tied at the last seat" '.tie | join(",")' "c2,c3"
expect_jq "the seat waits" .tie_seats 1
expect_jq "a further round" .next_step further_round

# bad rounds: each problem located by its JSON path
jq '.ballots_issued = 12 | .counts.votes.c1 = 11' "$TMP/round.json" >"$TMP/bad.json"
call sec POST /elections/count -H 'Content-Type: application/json' --data-binary @"$TMP/bad.json"
expect_status "bad round" 400
expect_jq "issued over the base" '[.error.problems[].column] | index("ballots_issued") != null' true
expect_jq "votes over the valid ballots" '[.error.problems[].column] | index("counts.votes.c1") != null' true
expect_jq "problems say where: the body" '.error.problems[0].file' "(request body)"
json sec POST /elections/count '{"election": "committee", "congress": "members", "seats": 1, "convened": 3,
  "candidates": [{"id": "a", "name": "A"}], "ballots_issued": 3, "ballots": [{"kept": ["zz"]}]}'
expect_status "a name not on the list" 400
expect_jq "its path" '.error.problems[0].column' "ballots[0].kept[0]"
json sec POST /elections/count '{"election": "committee", "surprise": 1}'
expect_status "an unknown key" 400
expect_jq "named" '[.error.problems[].column] | index("surprise") != null' true
json sec POST /elections/count '{"election": '
expect_status "not JSON" 400
expect_jq "line and column" '.error.problems[0].line' 1

# ballots one by one: the same engine
json sec POST /elections/count '{"election": "secretary", "congress": "members", "organization_kind": "cell",
  "seats": 1, "convened": 5, "candidates": [{"id": "a", "name": "Hà Văn A"}], "ballots_issued": 5,
  "ballots": [{"marks": {"a": "yes"}}, {"marks": {"a": "yes"}}, {"marks": {"a": "yes"}},
              {"marks": {"a": "no"}}, {"marks": {"a": "both"}}]}'
expect_status "ballots" 200
expect_jq "3 of 5 elect" '.candidates[0].elected' true
expect_jq "a single-name ballot with both boxes is invalid" '.invalid_reasons.unclear_single' 1

# the minutes
call sec POST /elections/minutes -H 'Content-Type: application/json' --data-binary @"$TMP/round.json"
expect_status "minutes" 200
expect_header "a PDF" '^Content-Type: application/pdf'
cp "$TMP/body" "$TMP/minutes.pdf"
if head -c 5 "$TMP/minutes.pdf" | grep -q '%PDF-'; then ok; else bad "the minutes are not a PDF"; fi
if command -v pdftotext >/dev/null; then
  pdftotext "$TMP/minutes.pdf" "$TMP/minutes.txt"
  for want in "BIÊN BẢN KIỂM PHIẾU" "Phạm Thị Dung" "Chi bộ Khu 3"; do
    if grep -qF "$want" "$TMP/minutes.txt"; then ok; else bad "the minutes lack '$want'"; fi
  done
fi
call sec POST /elections/minutes -H 'Content-Type: application/json' --data-binary @"$TMP/bad.json"
expect_status "no minutes of a bad round" 400

# the gate
call anon POST /elections/count -H 'Content-Type: application/json' --data-binary @"$TMP/round.json"
expect_status "no session" 401
STATUS=$(curl -s -o "$TMP/body" -w '%{http_code}' -b "$TMP/jar.sec" -H 'Content-Type: application/json' \
  --data-binary @"$TMP/round.json" "$BASE/elections/count")
expect_status "no CSRF token" 403

finish
