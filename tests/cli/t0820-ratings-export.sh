#!/usr/bin/env bash
# dangbo export ratings (contract §2 ratings.csv and export): the columns
# import reads, in their documented order; levels written as the contract's
# words (excellent, good, completed, failed; QĐ 366-QĐ/TW Điều 11) whatever
# words the import read; rows by period, organizations before members, then
# code or member_id; export -> import into a fresh database with the same
# organizations and members -> export is byte-identical; --org keeps the
# ratings of the subtree's organizations and of its members.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/ratings_lib.sh"
ratings_setup 260
hdr="period,subject_type,subject,score,level,self_review,override_reason"

# imported out of order, with Vietnamese level words, decimals, no score,
# self_review no, and an override_reason holding a comma (quoted)
cat >"$TMP/r2024.csv" <<EOF
$hdr
2025-Q3,org,P.U.01,80,good,no,
2024,org,P.U.05,"89,9",excellent,yes,"quyết định 12-QĐ/HU, ngày 05/01/2025"
2024,org,P.U,"75,5",hoàn thành tốt nhiệm vụ,yes,
2020-2025,org,P.U.02,,HTXSNV,yes,
2023,member,000001RT,55,Hoàn thành nhiệm vụ,no,
EOF
expect_status 0 db import ratings "$TMP/r2024.csv"
# seed 001's 2018 round: 26 base organizations (4 excellent, 16 good, 3
# completed, 3 failed) and 260 members (one excellent in each base
# organization, the others good; no score from member 201 on)
{
  echo "$hdr"
  for i in $(seq -w 26 -1 1); do
    n=$((10#$i))
    if [ $n -le 4 ]; then l=excellent; s=92; elif [ $n -le 20 ]; then l=good; s=80
    elif [ $n -le 23 ]; then l=completed; s=60; else l=failed; s=40; fi
    echo "2018,org,P.U.$i,$s,$l,yes,"
  done
  awk 'BEGIN { for (k = 260; k >= 1; k--)
    printf "2018,member,%06dRT,%s,%s,%s,\n", k, (k > 200 ? "" : k <= 26 ? "95" : "80"), (k <= 26 ? "excellent" : "good"), (k % 7 ? "yes" : "no") }'
} >"$TMP/r2018.csv"
expect_status 0 db import ratings "$TMP/r2018.csv"

expect_status 0 db export ratings
cp "$TMP/out" "$TMP/r1.csv"
expect_eq "header: the columns import reads, in order" "$(head -1 "$TMP/r1.csv")" "$hdr"
expect_eq "rows: every rating" "$(($(wc -l <"$TMP/r1.csv") - 1))" 291
expect_eq "first row" "$(sed -n 2p "$TMP/r1.csv")" "2018,org,P.U.01,92,excellent,yes,"
expect_eq "organizations before members" "$(sed -n 28p "$TMP/r1.csv")" "2018,member,000001RT,95,excellent,yes,"
expect_eq "self_review no" "$(grep '^2018,member,000028RT,' "$TMP/r1.csv")" "2018,member,000028RT,80,good,no,"
expect_eq "no score" "$(grep '^2018,member,000260RT,' "$TMP/r1.csv")" "2018,member,000260RT,,good,yes,"
expect_eq "a term, an initialism read as its level" "$(sed -n 288p "$TMP/r1.csv")" "2020-2025,org,P.U.02,,excellent,yes,"
expect_eq "Vietnamese words written as the contract's" "$(sed -n 289p "$TMP/r1.csv")" "2023,member,000001RT,55,completed,no,"
expect_eq "decimal score, upper committee" "$(sed -n 290p "$TMP/r1.csv")" "2024,org,P.U,75.5,good,yes,"
expect_eq "override_reason quoted" "$(sed -n 291p "$TMP/r1.csv")" \
  '2024,org,P.U.05,89.9,excellent,yes,"quyết định 12-QĐ/HU, ngày 05/01/2025"'
expect_eq "last: a quarter" "$(tail -1 "$TMP/r1.csv")" "2025-Q3,org,P.U.01,80,good,no,"
# --output writes the same file
expect_status 0 db export ratings --output "$TMP/r1-out.csv"
cmp -s "$TMP/r1.csv" "$TMP/r1-out.csv" && ok || bad "--output differs from standard output"

# export -> import into a fresh database with the same organizations and
# members -> export: byte-identical
FIRST=$DANGBO_DB
DANGBO_DB=$(new_db fresh) || exit 1
expect_status 0 db init
expect_status 0 db import orgs "$TMP/orgs.csv" members "$TMP/members.csv"
expect_status 0 db import ratings "$TMP/r1.csv"
expect_grep "291 ratings imported" "$TMP/err"
expect_status 0 db export ratings --output "$TMP/r2.csv"
cmp "$TMP/r1.csv" "$TMP/r2.csv" && ok || bad "export -> import -> export changed ratings.csv"
# and re-imported where it came from: nothing changes
DANGBO_DB=$FIRST
expect_status 0 db import ratings "$TMP/r1.csv"
expect_status 0 db export ratings
cmp -s "$TMP/r1.csv" "$TMP/out" && ok || bad "re-importing the export changed the ratings"

# --org: P.U.01's own ratings (2018, 2025-Q3) and those of its ten members
# (000001RT, 000027RT, ..., 000235RT: 2018, and 000001RT's 2023)
expect_status 0 db export ratings --org P.U.01
cp "$TMP/out" "$TMP/u01.csv"
expect_eq "--org P.U.01: rows" "$(($(wc -l <"$TMP/u01.csv") - 1))" 13
expect_eq "--org P.U.01: header" "$(head -1 "$TMP/u01.csv")" "$hdr"
expect_eq "--org P.U.01: members" "$(grep -c ',member,' "$TMP/u01.csv")" 11
expect_eq "--org P.U.01: organizations" "$(cut -d, -f2,3 "$TMP/u01.csv" | grep '^org,' | sort -u | tr '\n' ' ')" "org,P.U.01 "
if grep -q ',000002RT,' "$TMP/u01.csv"; then bad "a member of P.U.02 in P.U.01's export"; else ok; fi
# the subtree of the upper committee holds every rating; the subset is in order
expect_status 0 db export ratings --org P.U
cmp -s "$TMP/r1.csv" "$TMP/out" && ok || bad "--org P.U differs from the whole export"
grep -F -x -f "$TMP/u01.csv" "$TMP/r1.csv" | cmp -s - "$TMP/u01.csv" && ok || bad "--org rows not in the order of the whole"
# --as-of: the subtree as of that day (P.U.01 was founded on 1990-01-01)
expect_status 0 db export ratings --org P.U.01 --as-of 2000-01-01
cmp -s "$TMP/u01.csv" "$TMP/out" && ok || bad "--as-of 2000-01-01 changed P.U.01's export"
expect_status 1 db export ratings --org P.U.01 --as-of 1989-06-01
expect_grep "no organization 'P.U.01' on that date" "$TMP/err"
expect_status 1 db export ratings --org P.X
expect_grep "no organization 'P.X'" "$TMP/err"
# a kind export does not know names ratings among the kinds
expect_status 2 db export rating
expect_grep "orgs, org_events, members, events or ratings" "$TMP/err"
# an empty database exports the header alone
DANGBO_DB=$(new_db empty) || exit 1
expect_status 0 db init
expect_status 0 db export ratings
expect_eq "no ratings: the header" "$(cat "$TMP/out")" "$hdr"
finish
