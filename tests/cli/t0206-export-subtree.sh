#!/usr/bin/env bash
# export --org (contract §2): the four files of a subtree import into an
# empty database — they carry the organizations the subtree's history names
# (where its members and organizations were before the 2025 reorganization,
# the organizations merged into it) and the ancestors up to the root — and
# export → import → export is byte-identical; the subtree's report is the
# same in both databases.
. "$(dirname "$0")/lib.sh"
MAIN=$DANGBO_DB
expect_status 0 db init
expect_status 0 db demo --province QN --seed 7 --scale 0.05
# a commune committee, a base organization under it, a cell, and the province
commune=$(db org tree --depth 2 | awk 'NR == 3 {print $1}')
base=$(db org tree "$commune" --depth 1 | awk 'NR == 2 {print $1}')
cell=$(db org tree "$base" --depth 1 | awk 'NR == 2 {print $1}')
[ -n "$commune" ] && [ -n "$base" ] && [ -n "$cell" ] && [ "$base" != "$cell" ] && ok || bad "subtrees not found: [$commune] [$base] [$cell]"
i=0
for o in "$commune" "$base" "$cell" QN; do
  i=$((i + 1))
  d="$TMP/sub$i"
  mkdir -p "$d"
  export DANGBO_DB=$MAIN
  for k in orgs org_events members events; do db export "$k" --org "$o" >"$d/$k.csv"; done
  db report members --org "$o" --depth 1 --format csv >"$d/report.old"
  # the commune's history names organizations outside it (before 01/7/2025)
  if [ "$o" = "$commune" ]; then
    [ "$(wc -l <"$d/org_events.csv")" -gt 1 ] && ok || bad "$o: no organization history exported"
    [ "$(grep -vc "^$o" "$d/orgs.csv")" -gt 2 ] && ok || bad "$o: no organization outside the subtree exported"
  fi
  DANGBO_DB=$(new_db "sub$i") || exit 1
  export DANGBO_DB
  expect_status 0 db init
  expect_status 0 db import orgs "$d/orgs.csv" org_events "$d/org_events.csv" members "$d/members.csv" events "$d/events.csv"
  for k in orgs org_events members events; do
    expect_eq "$o $k round trip" "$(db export "$k" --org "$o" | md5sum)" "$(md5sum <"$d/$k.csv")"
  done
  expect_eq "$o report" "$(db report members --org "$o" --depth 1 --format csv)" "$(cat "$d/report.old")"
done
finish
