#!/usr/bin/env bash
# An organization rated excellent while a member of its committee was
# disciplined in the period (QĐ 366-QĐ/TW Điều 11: no member of the
# leadership collective disciplined; contract §2 ratings.csv): the file is
# rejected, citing the rule, unless the row has an override_reason. The
# committee is the one elected by the organization's latest congress held
# by the day of the discipline.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/ratings_lib.sh"
ratings_setup 260 # P.U.01 holds 000001RT, 000027RT, 000053RT, 000079RT, ...

# the 2020 congress of P.U.01 elects 000001RT (secretary), 000027RT and 000053RT
expect_status 0 db congress plan --org P.U.01 --term 2020-2025 --kind members --planned 2020-06-10
expect_status 0 db congress hold --org P.U.01 --term 2020-2025 --date 2020-06-10
expect_status 0 db congress roster --org P.U.01 --term 2020-2025 --freeze
count() { # FILE ELECTION SEATS ID...
  local f=$1 el=$2 seats=$3; shift 3
  local cands="" votes=""
  for id in "$@"; do
    cands="$cands${cands:+,}{\"id\": \"$id\", \"name\": \"$id\"}"
    votes="$votes${votes:+,}\"$id\": 10"
  done
  cat >"$f" <<JSON
{"election": "$el", "congress": "members", "seats": $seats, "alternates": 0, "convened": 10, "excluded": {},
 "candidates": [$cands], "ballots_issued": 10,
 "counts": {"returned": 10, "valid": 10, "invalid": 0, "votes": {$votes}}}
JSON
  expect_status 0 db election count "$f" --format json
  cp "$TMP/out" "$f.result"
}
count "$TMP/c2020.json" committee 3 000001RT 000027RT 000053RT
expect_status 0 db congress result --org P.U.01 --term 2020-2025 "$TMP/c2020.json.result"
count "$TMP/s2020.json" secretary 1 000001RT
expect_status 0 db congress result --org P.U.01 --term 2020-2025 "$TMP/s2020.json.result"
# the 2025 congress elects 000001RT and 000079RT: 000027RT and 000053RT leave the committee
expect_status 0 db congress plan --org P.U.01 --term 2025-2030 --kind members --planned 2025-03-03
expect_status 0 db congress hold --org P.U.01 --term 2025-2030 --date 2025-03-03
expect_status 0 db congress roster --org P.U.01 --term 2025-2030 --freeze
count "$TMP/c2025.json" committee 2 000001RT 000079RT
expect_status 0 db congress result --org P.U.01 --term 2025-2030 "$TMP/c2025.json.result"

# 000027RT disciplined in May 2024 (on the committee); 000053RT in May 2025
# (no longer on it); 000105RT, never on it, in 2023
expect_status 0 db discipline 000027RT --form "khiển trách" --date 2024-05-10 --reason "vi phạm quy chế làm việc"
expect_status 0 db discipline 000053RT --form "khiển trách" --date 2025-05-05 --reason "vi phạm quy chế làm việc"
expect_status 0 db discipline 000105RT --form "khiển trách" --date 2023-04-04 --reason "vi phạm quy chế làm việc"

hdr="period,subject_type,subject,score,level,self_review,override_reason"
printf '%s\n2024,org,P.U.01,95,excellent,yes,\n' "$hdr" >"$TMP/y2024.csv"
expect_status 1 db import ratings "$TMP/y2024.csv"
expect_grep "y2024.csv:2:level: P.U.01 cannot be rated excellent for 2024: 000027RT, a member of its committee, was disciplined on 10/05/2024 (QĐ 366-QĐ/TW Điều 11" "$TMP/err"
expect_grep "nothing imported" "$TMP/err"
expect_eq "nothing stored" "$(db export ratings | wc -l)" "1"
# the quarter with the discipline, and the term, are refused; the others are not
printf '%s\n2024-Q2,org,P.U.01,95,excellent,yes,\n2020-2025,org,P.U.01,95,excellent,yes,\n' "$hdr" >"$TMP/q.csv"
expect_status 1 db import ratings "$TMP/q.csv"
expect_grep "q.csv:2:level: P.U.01 cannot be rated excellent for 2024-Q2" "$TMP/err"
expect_grep "q.csv:3:level: P.U.01 cannot be rated excellent for 2020-2025" "$TMP/err"
# 2023 (only a non-committee member disciplined), 2024-Q3, 2025 (000053RT had
# left the committee), another organization, and 2024 at a lower level pass
printf '%s\n2023,org,P.U.01,95,excellent,yes,\n2024-Q3,org,P.U.01,95,excellent,yes,\n2025,org,P.U.01,95,excellent,yes,\n2024,org,P.U.02,95,excellent,yes,\n2024,org,P.U.01,80,good,yes,\n' "$hdr" >"$TMP/ok.csv"
expect_status 0 db import ratings "$TMP/ok.csv"
expect_grep "5 ratings imported" "$TMP/err"
# the upper level may decide otherwise: an override_reason
printf '%s\n2024,org,P.U.01,95,excellent,yes,Quyết định 15-QĐ/HU của cấp trên\n' "$hdr" >"$TMP/over.csv"
expect_status 0 db import ratings "$TMP/over.csv"
expect_eq "2024 excellent with the override" "$(db export ratings | grep '^2024,org,P.U.01,')" "2024,org,P.U.01,95,excellent,yes,Quyết định 15-QĐ/HU của cấp trên"
finish
