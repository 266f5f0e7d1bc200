#!/usr/bin/env bash
# Killing an import in the middle leaves the database exactly as before
# (one transaction; on SQLite a bulk load into an empty member table goes
# through a rollback journal, other writes through the WAL, both with
# synchronous=FULL; on PostgreSQL the server rolls back the transaction of a
# client that went away).
. "$(dirname "$0")/lib.sh"
db init 2>/dev/null
printf 'code,name,kind,parent_code,category\nQN,Đảng bộ tỉnh Quảng Ninh,province,,\nQN.1,Đảng bộ cơ sở 1,base_committee,QN,ward\nQN.1.1,Chi bộ 1,cell,QN.1,\n' >orgs.csv
db import orgs orgs.csv 2>/dev/null
db export members >before.csv
awk 'BEGIN { print "member_id,full_name,gender,birth_date,ethnicity,org_code,decision_date,status";
  for (i = 0; i < 400000; i++) printf "%06dQN,Nguyễn Văn %d,nam,1970-01-01,Kinh,QN.1.1,1995-01-01,official\n", i, i }' >members.csv
"$DANGBO" import members members.csv 2>/dev/null &
pid=$!
# wait until the import is writing, then kill it hard
writing() {
  if on_pg; then
    # the import's session has a transaction id once it writes
    [ "$(psql -AtqX "$DANGBO_DB" -c "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()
          AND application_name = 'dangbo' AND backend_xid IS NOT NULL")" != 0 ]
  else
    [ -s "$DANGBO_DB-journal" ] || [ -s "$DANGBO_DB-wal" ]
  fi
}
for i in $(seq 1 100); do
  writing && break
  sleep 0.05
done
sleep 0.3
kill -9 $pid 2>/dev/null
wait $pid 2>/dev/null
status=$?
if [ "$status" -ne 0 ]; then ok; else bad "the import finished before it could be killed"; fi
db export members >after.csv
if cmp -s before.csv after.csv; then ok; else bad "members changed after a killed import"; fi
if on_pg; then
  # the schema is whole: every index of the member table is there
  expect_eq "member indexes" "$(psql -AtqX "$DANGBO_DB" -c "SELECT string_agg(indexname, ',' ORDER BY indexname)
    FROM pg_indexes WHERE tablename = 'member'")" "member_given,member_member_id_key,member_name,member_org,member_pkey"
  expect_eq "no member rows" "$(psql -AtqX "$DANGBO_DB" -c 'SELECT count(*) FROM member')" "0"
else
  expect_eq "integrity" "$(sqlite3 "$DANGBO_DB" 'PRAGMA integrity_check')" "ok"
  expect_eq "member indexes" "$(sqlite3 "$DANGBO_DB" "SELECT group_concat(name, ',') FROM (SELECT name FROM sqlite_master
    WHERE type = 'index' AND tbl_name = 'member' AND name NOT LIKE 'sqlite_%' ORDER BY name)")" "member_given,member_key,member_name,member_org"
  expect_eq "no member rows" "$(sqlite3 "$DANGBO_DB" 'SELECT count(*) FROM member')" "0"
fi
finish
