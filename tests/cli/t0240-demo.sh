#!/usr/bin/env bash
# dangbo demo (issue 2 item 6): a province's demo data set goes into an
# empty database; the same seed gives the same files; a database that holds
# data already is refused up front and left as it was.
. "$(dirname "$0")/lib.sh"
expect_status 0 db init
expect_status 0 db demo --province QN --seed 7 --scale 0.05
expect_grep "dangbo: demo: " "$TMP/err"
n=$(db export members | wc -l)
[ "$n" -gt 100 ] && ok || bad "only $n lines of members"
expect_status 0 db org tree --depth 1
expect_grep "Đảng bộ tỉnh Quảng Ninh" "$TMP/out"
# into a database with data: refused, nothing added
expect_status 1 db demo --province HN --seed 7 --scale 0.01
expect_grep "the database holds organizations or members already" "$TMP/err"
expect_eq "members unchanged" "$(db export members | wc -l)" "$n"
# deterministic for a seed
if ! on_pg; then
  expect_status 0 db demo --province QN --seed 7 --scale 0.05 --keep "$TMP/a" --no-import
  expect_status 0 db demo --province QN --seed 7 --scale 0.05 --keep "$TMP/b" --no-import
  for f in orgs org_events members events; do
    cmp -s "$TMP/a/$f.csv" "$TMP/b/$f.csv" && ok || bad "$f.csv differs between two runs with the same seed"
  done
  # and what was imported is what the files say
  expect_eq "imported = generated" "$(db export members | wc -l)" "$(wc -l <"$TMP/a/members.csv")"
fi
finish
