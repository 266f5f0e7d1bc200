#!/usr/bin/env bash
# The "ratings" report (contract §3; QĐ 366-QĐ/TW Điều 11) with --period:
# seed 001's 2018 round — 26 base organizations rated 4 excellent, 16 good,
# 3 completed, 3 failed (15,38% 61,54% 11,54% 11,54%), every collective in
# the self-review (100%), 2.353 of 2.492 members listed (94,42%).
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/ratings_lib.sh"
ratings_setup 2492
hdr="period,subject_type,subject,score,level,self_review,override_reason"
{
  echo "$hdr"
  for i in $(seq -w 1 26); do
    n=$((10#$i))
    if [ $n -le 4 ]; then l=excellent; elif [ $n -le 20 ]; then l=good
    elif [ $n -le 23 ]; then l=completed; else l=failed; fi
    echo "2018,org,P.U.$i,,$l,yes,"
  done
  # members: the first 260 (10 in each base organization) excellent, the
  # others good; the first 2.353 took part in the self-review
  awk 'BEGIN { for (k = 1; k <= 2492; k++)
    printf "2018,member,%06dRT,%s,%s,%s,\n", k, k <= 260 ? "95" : "80", k <= 260 ? "excellent" : "good", k <= 2353 ? "yes" : "no" }'
} >"$TMP/r2018.csv"
expect_status 0 db import ratings "$TMP/r2018.csv"

expect_status 0 db report ratings --org P.U --period 2018 --format csv
cp "$TMP/out" "$TMP/r.csv"
for want in 'org_rated,26,,' 'org_excellent,4,26,"15,38"' 'org_good,16,26,"61,54"' 'org_completed,3,26,"11,54"' \
            'org_failed,3,26,"11,54"' 'self_review_collective,26,26,"100,00"' 'member_rated,2492,,' \
            'member_excellent,260,2492,"10,43"' 'member_good,2232,2492,"89,57"' \
            'self_review_individual,2353,2492,"94,42"'; do
  expect_grep "$want" "$TMP/r.csv"
done
# the text report prints the shares as people read them
expect_status 0 db report ratings --org P.U --period 2018
for want in "15,38%" "61,54%" "11,54%" "100,00%" "94,42%"; do expect_grep "$want" "$TMP/out"; done

# another period is empty; the report needs a period
expect_status 0 db report ratings --org P.U --period 2019 --format csv
expect_grep "org_rated,0," "$TMP/out"
expect_status 2 db report ratings --org P.U
expect_grep "needs the period" "$TMP/err"
expect_status 2 db report ratings --org P.U --period 18

# re-importing the period replaces the rows of the subjects in the file
printf '%s\n2018,org,P.U.01,,good,no,\n' "$hdr" >"$TMP/fix.csv"
expect_status 0 db import ratings "$TMP/fix.csv"
expect_status 0 db report ratings --org P.U --period 2018 --format csv
expect_grep "org_rated,26," "$TMP/out"
expect_grep "org_excellent,3," "$TMP/out"
expect_grep "org_good,17," "$TMP/out"
expect_grep "self_review_collective,25," "$TMP/out"
finish
