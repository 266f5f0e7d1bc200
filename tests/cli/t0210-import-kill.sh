#!/usr/bin/env bash
# Killing an import in the middle leaves the database exactly as before
# (one transaction; SQLite WAL with synchronous=FULL).
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
for i in $(seq 1 100); do
  [ -s "$DANGBO_DB-wal" ] && break
  sleep 0.05
done
sleep 0.3
kill -9 $pid 2>/dev/null
wait $pid 2>/dev/null
status=$?
if [ "$status" -ne 0 ]; then ok; else bad "the import finished before it could be killed"; fi
db export members >after.csv
if cmp -s before.csv after.csv; then ok; else bad "members changed after a killed import"; fi
expect_eq "integrity" "$(sqlite3 "$DANGBO_DB" 'PRAGMA integrity_check')" "ok"
expect_eq "no member rows" "$(sqlite3 "$DANGBO_DB" 'SELECT count(*) FROM member')" "0"
finish
