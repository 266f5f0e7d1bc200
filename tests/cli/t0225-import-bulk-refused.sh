#!/usr/bin/env bash
# A bulk load (members into an empty database) whose row the database
# refuses late in the file, for a reason the importer does not check (here a
# constraint added by hand): the database's message is reported and nothing
# is imported — on PostgreSQL, where the rows of a bulk load go by COPY and
# pipelined statements and a refusal surfaces only later, as on SQLite.
. "$(dirname "$0")/lib.sh"
G=$TESTDATA/import/good
db init 2>/dev/null
expect_status 0 db import orgs "$G/orgs.csv" org_events "$G/org_events.csv"
refuse() { # refuse ADD|DROP: members whose hometown is 'Xóm Cấm'
  if on_pg; then
    if [ "$1" = ADD ]; then
      psql -qX "$DANGBO_DB" -c "ALTER TABLE member ADD CONSTRAINT test_no_xom_cam CHECK (hometown IS DISTINCT FROM 'Xóm Cấm')"
    else
      psql -qX "$DANGBO_DB" -c "ALTER TABLE member DROP CONSTRAINT test_no_xom_cam"
    fi
  elif [ "$1" = ADD ]; then
    sqlite3 "$DANGBO_DB" "CREATE TRIGGER test_no_xom_cam BEFORE INSERT ON member WHEN NEW.hometown = 'Xóm Cấm'
      BEGIN SELECT RAISE(ABORT, 'test_no_xom_cam'); END"
  else
    sqlite3 "$DANGBO_DB" "DROP TRIGGER test_no_xom_cam"
  fi
}
# 6000 members, each with an event; their hometowns hold backslashes,
# one of them exactly \N (COPY's NULL, which must stay text); line 5002
# is refused
{ head -1 "$G/members.csv"
  for i in $(seq 1 6000); do
    case $i in 5001) home='Xóm Cấm' ;; 2) home='\N' ;; *) home="Thôn \\$i" ;; esac
    printf 'Y%05d,Trần Thị %d,nữ,1971-02-03,Kinh,,,QN.HL.01.03,1996-01-01,,1997-01-01,official,,,,,%s\n' "$i" "$i" "$home"
  done; } >"$TMP/members.csv"
{ echo 'member_id,date,type,org_code,to_org_code,detail'
  for i in $(seq 1 6000); do printf 'Y%05d,2001-05-06,move,QN.HL.01.02,QN.HL.01.03,\n' "$i"; done; } >"$TMP/events.csv"
expect_status 0 db import --dry-run members "$TMP/members.csv" events "$TMP/events.csv" # good input
refuse ADD
expect_status_nonzero() {
  "$@" >"$TMP/out" 2>"$TMP/err"
  if [ $? -ne 0 ]; then ok; else bad "'$*' succeeded"; fi
}
expect_status_nonzero db import members "$TMP/members.csv" events "$TMP/events.csv"
expect_grep "test_no_xom_cam" "$TMP/err"
expect_eq "no member written" "$(db export members | wc -l)" "1"
expect_eq "no event written" "$(db export events | wc -l)" "1"
if on_pg; then
  expect_eq "no rows left" "$(psql -AtqX "$DANGBO_DB" -c "SELECT (SELECT count(*) FROM member) + (SELECT count(*) FROM event)
    + (SELECT count(*) FROM member_span)")" "0"
fi
# without the constraint the same files go in whole, as written
refuse DROP
expect_status 0 db import members "$TMP/members.csv" events "$TMP/events.csv"
expect_eq "members as written" "$(db export members | sed -n '2,3p;5002p;6001p' | cut -d, -f1,17-)" \
  "Y00001,Thôn \\1
Y00002,\\N
Y05001,Xóm Cấm
Y06000,Thôn \\6000"
expect_eq "events" "$(db export events | grep -c ',2001-05-06,move,')" "6000"
finish
