#!/usr/bin/env bash
# Importing members and their events again into a database that holds them
# (the path of a database that is not empty): the events of events.csv
# replace the stored ones, members without events in the file keep theirs,
# and the database ends as the files say (contract §2 "Importing again").
. "$(dirname "$0")/lib.sh"
G=$TESTDATA/import/good
expect_status 0 db init
expect_status 0 db import orgs "$G/orgs.csv" org_events "$G/org_events.csv" members "$G/members.csv" events "$G/events.csv"
db export members >"$TMP/m1.csv"
db export events >"$TMP/e1.csv"
# the same files again: the stored events are read and replaced
expect_status 0 db import members "$G/members.csv" events "$G/events.csv"
expect_eq "members unchanged" "$(db export members)" "$(cat "$TMP/m1.csv")"
expect_eq "events unchanged" "$(db export events)" "$(cat "$TMP/e1.csv")"
# members.csv alone: every member keeps the events stored
expect_status 0 db import members "$G/members.csv"
expect_eq "events kept" "$(db export events)" "$(cat "$TMP/e1.csv")"
# an events file naming one member replaces that member's events only
first=$(sed -n 2p "$G/events.csv" | cut -d, -f1)
{ head -1 "$G/events.csv"; grep "^$first," "$G/events.csv" | sed 's/,[^,]*$/,Quyết định sửa lại/'; } >"$TMP/one.csv"
expect_status 0 db import members "$G/members.csv" events "$TMP/one.csv"
expect_eq "that member's details replaced" "$(db export events | grep "^$first," | grep -c 'Quyết định sửa lại')" "$(grep -c "^$first," "$G/events.csv")"
expect_eq "the others kept" "$(db export events | grep -v "^$first,")" "$(grep -v "^$first," "$TMP/e1.csv")"
expect_status 0 db audit verify
finish
