#!/usr/bin/env bash
# dangbo import ratings FILE (contract §2 ratings.csv; QĐ 366-QĐ/TW Điều 11):
# seed 001's 2018 round (4 of 26 base organizations excellent, 16 good) is
# accepted; every rule-checked problem is located FILE:LINE:COLUMN and
# rejects the whole file; re-importing a period replaces its rows; the
# import is one audit record.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/ratings_lib.sh"
ratings_setup 260

# seed 001, 2018: 26 base organizations rated 4 excellent, 16 good, 3 completed, 3 failed
{
  echo "period,subject_type,subject,score,level,self_review,override_reason"
  for i in $(seq -w 1 26); do
    n=$((10#$i))
    if [ $n -le 4 ]; then l=excellent; s=92; elif [ $n -le 20 ]; then l=good; s=80
    elif [ $n -le 23 ]; then l=completed; s=60; else l=failed; s=40; fi
    echo "2018,org,P.U.$i,$s,$l,yes,"
  done
} >"$TMP/orgs2018.csv"
expect_status 0 db import ratings "$TMP/orgs2018.csv"
expect_grep "26 ratings imported" "$TMP/err"
db audit log --limit 1 >"$TMP/audit"
expect_grep "ratings.import" "$TMP/audit"

hdr="period,subject_type,subject,score,level,self_review,override_reason"
# reject FILE WHAT: the import fails (exit 1), names WHAT, imports nothing
reject() {
  expect_status 1 db import ratings "$1"
  expect_grep "$2" "$TMP/err"
  expect_grep "nothing imported" "$TMP/err"
}

# unknown subjects
printf '%s\n2024,org,P.U.99,80,good,yes,\n2024,member,999999RT,80,good,yes,\n' "$hdr" >"$TMP/unknown.csv"
reject "$TMP/unknown.csv" "unknown.csv:2:subject: no organization with code 'P.U.99'"
expect_grep "unknown.csv:3:subject: no member with member_id '999999RT'" "$TMP/err"

# a level that is none of the four (QĐ 366-QĐ/TW Điều 11)
printf '%s\n2024,org,P.U.01,,very good,yes,\n' "$hdr" >"$TMP/level.csv"
reject "$TMP/level.csv" "level.csv:2:level: 'very good' is not a level"
# the Vietnamese words are levels
printf '%s\n2024,org,P.U.01,95,hoàn thành xuất sắc nhiệm vụ,yes,\n2024,org,P.U.02,75,Hoàn thành tốt nhiệm vụ,no,\n2024,org,P.U.03,55,hoàn thành nhiệm vụ,yes,\n2024,org,P.U.04,10,không hoàn thành nhiệm vụ,yes,\n' "$hdr" >"$TMP/vi.csv"
expect_status 0 db import ratings "$TMP/vi.csv"

# a score contradicting the level (bands ≥90, 70–<90, 50–<70, <50), unless overridden
printf '%s\n2024,org,P.U.05,89.9,excellent,yes,\n2024,org,P.U.06,70,completed,yes,\n' "$hdr" >"$TMP/score.csv"
reject "$TMP/score.csv" "score.csv:2:score: a score of 89.9 gives the level good, not excellent (QĐ 366-QĐ/TW Điều 11"
expect_grep "score.csv:3:score: a score of 70 gives the level good, not completed" "$TMP/err"
printf '%s\n2024,org,P.U.05,89.9,excellent,yes,upper committee decision 12-QĐ/HU\n' "$hdr" >"$TMP/score_ok.csv"
expect_status 0 db import ratings "$TMP/score_ok.csv"
printf '%s\n2024,org,P.U.05,101,excellent,yes,\n' "$hdr" >"$TMP/score_range.csv"
reject "$TMP/score_range.csv" "score_range.csv:2:score: '101' is not a score from 0 to 100"

# the period: a year, a quarter or a term
printf '%s\n24,org,P.U.01,80,good,yes,\n2025-Q5,org,P.U.02,80,good,yes,\n2025-2020,org,P.U.03,80,good,yes,\n' "$hdr" >"$TMP/period.csv"
reject "$TMP/period.csv" "period.csv:2:period: '24' is not a period"
expect_grep "period.csv:3:period: '2025-Q5' is not a period" "$TMP/err"
expect_grep "period.csv:4:period: '2025-2020' is not a period" "$TMP/err"
printf '%s\n2025-Q3,org,P.U.01,80,good,yes,\n2020-2025,org,P.U.01,80,good,yes,\n' "$hdr" >"$TMP/period_ok.csv"
expect_status 0 db import ratings "$TMP/period_ok.csv"

# an exempt member is not rated (QĐ 294-QĐ/TW §7.2.3): exempt from 2024-06-01
expect_status 0 db exempt start 000002RT --date 2024-06-01 --reason age
printf '%s\n2024,member,000002RT,80,good,yes,\n' "$hdr" >"$TMP/exempt.csv"
reject "$TMP/exempt.csv" "exempt.csv:2:subject: member 000002RT is exempt from work and activity at the end of 2024"
expect_grep "QĐ 294-QĐ/TW §7.2.3" "$TMP/err"
printf '%s\n2023,member,000002RT,80,good,yes,\n' "$hdr" >"$TMP/exempt_before.csv"
expect_status 0 db import ratings "$TMP/exempt_before.csv"

# the quota on "excellent" among the members of a base organization: P.U.01
# holds 000001RT, 000027RT, 000053RT, ... (every 26th member).
p1() { echo $(printf '%06dRT' $((1 + 26 * $1))); }
{
  echo "$hdr"
  for k in 0 1; do echo "2024,member,$(p1 $k),95,excellent,yes,"; done
  for k in 2 3 4 5 6; do echo "2024,member,$(p1 $k),80,good,yes,"; done
  for k in 7 8 9 ; do echo "2024,member,$(p1 $k),60,completed,yes,"; done
} >"$TMP/quota.csv"
# default: at most 20% of those rated good (2 > 20% of 5)
reject "$TMP/quota.csv" "2 members rated excellent in P.U.01 for 2024, more than 20% of the 5 rated good"
# the configurable base: 20% of every member rated (2 <= 20% of 10)
expect_status 0 db import ratings "$TMP/quota.csv" --quota-base rated --dry-run
expect_grep "checked, all good" "$TMP/err"
expect_status 1 db import ratings "$TMP/quota.csv" --quota-base rated --quota-percent 15
expect_grep "more than 15% of the 10 rated" "$TMP/err"
# an override from the upper level lets the round through
sed 's/^\(2024,member,[0-9RT]*,95,excellent,yes,\)$/\1decision 5-QĐ\/ĐU/' "$TMP/quota.csv" >"$TMP/quota_ok.csv"
expect_status 0 db import ratings "$TMP/quota_ok.csv"
# the same member twice
printf '%s\n2024,org,P.U.07,80,good,yes,\n2024,org,P.U.07,60,completed,yes,\n' "$hdr" >"$TMP/twice.csv"
reject "$TMP/twice.csv" "twice.csv:3:subject: P.U.07 is rated twice for 2024 (first on line 2)"

# one bad row rejects the whole file: P.U.08 is not written
printf '%s\n2024,org,P.U.08,80,good,yes,\n2024,org,P.U.09,80,great,yes,\n' "$hdr" >"$TMP/whole.csv"
reject "$TMP/whole.csv" "whole.csv:3:level"
printf '%s\n2024,org,P.U.08,80,good,yes,\n' "$hdr" >"$TMP/p8.csv"
expect_status 0 db import ratings "$TMP/p8.csv"
# re-importing replaces the period's row of that subject (no "rated twice" in the store)
expect_status 0 db import ratings "$TMP/p8.csv"
finish
