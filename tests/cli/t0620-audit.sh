#!/usr/bin/env bash
# The audit log (contract §5: every write is in the audit log): imports,
# organization and member changes and users are recorded with who (cli:<unix
# user>), what, before and after; the records are hash-chained and
# `dangbo audit verify` finds a record that was edited, removed, or
# re-hashed, and records dropped from the end. `dangbo user` checks its
# input and never records a password.
. "$(dirname "$0")/lib.sh"
G="$TESTDATA/import/good"
ME=$(id -un)

expect_status 0 db init
expect_status 0 db import orgs "$G/orgs.csv" org_events "$G/org_events.csv" members "$G/members.csv" events "$G/events.csv"
expect_status 0 db org rename QN.HL.02 --name "Chi bộ Trường THCS Bãi Cháy 2" --date 2026-01-01
expect_status 0 db member event 000001QN --type badge --date 2025-11-07 --detail "Huy hiệu 40 năm tuổi Đảng"
expect_status 0 db member add 000020QN --name "Lý Thị Hà" --gender nữ --birth 1999-09-09 --org QN.HL.01.01 --decision 2026-03-03
echo "mat-khau-admin" >"$TMP/pw"
expect_status 0 db user add admin --role admin --org QN <"$TMP/pw"
# bad users: a short password, an unknown organization, a bad role, a bad login
echo "short" | db user add u1 --role staff --org QN >"$TMP/out" 2>"$TMP/err"
expect_eq "short password exit" "$?" 1
expect_grep "password: a password has 8 to 1024 bytes" "$TMP/err"
echo "long-enough" | db user add u2 --role staff --org XX >"$TMP/out" 2>"$TMP/err"
expect_eq "unknown org exit" "$?" 1
expect_grep "no organization 'XX'" "$TMP/err"
expect_status 2 db user add u3 --role boss --org QN
echo "long-enough" | db user add "a b" --role staff --org QN >"$TMP/out" 2>"$TMP/err"
expect_eq "bad login exit" "$?" 1
echo "mat-khau-admin" | db user add admin --role staff --org QN >"$TMP/out" 2>"$TMP/err"
expect_eq "login taken exit" "$?" 1
expect_grep "the login 'admin' is taken" "$TMP/err"
db user list >"$TMP/users"
expect_grep $'admin\tadmin\tQN' "$TMP/users"
expect_eq "one user" "$(wc -l <"$TMP/users")" 1

# what was recorded
db audit log --limit 100 >"$TMP/log"
expect_grep $'cli:'"$ME"$'\timport\timport:' "$TMP/log"
expect_grep $'\torg.rename\torg:QN.HL.02' "$TMP/log"
expect_grep '"new_name":"Chi bộ Trường THCS Bãi Cháy 2"' "$TMP/log"
expect_grep $'\tmember.event\tmember:000001QN' "$TMP/log"
expect_grep $'\tmember.add\tmember:000020QN' "$TMP/log"
expect_grep $'\tuser.add\tuser:admin' "$TMP/log"
if grep -q 'mat-khau' "$TMP/log" || grep -q 'argon2' "$TMP/log"; then bad "a password or its hash in the log"; else ok; fi
db audit log --entity member:000001QN >"$TMP/m"
expect_grep 'before: {"member_id":"000001QN"' "$TMP/m"
expect_grep '"detail":"Huy hiệu 40 năm tuổi Đảng"' "$TMP/m"
expect_eq "one record of 000001QN" "$(grep -c $'^[0-9]' "$TMP/m")" 1
N=$(db audit log --limit 1 | head -1 | cut -f1)
expect_eq "records" "$N" 5

db audit verify >"$TMP/out" 2>"$TMP/err"
expect_eq "verify a whole log" "$?" 0
expect_grep "audit log intact: 5 records" "$TMP/out"
if on_pg; then
  # On PostgreSQL the records are edited in place (no file to copy back):
  # one edit, which verify must find.
  psql -qAtX "$DANGBO_DB" -c "UPDATE audit SET actor = 'cli:someone-else' WHERE id = 2"
  db audit verify >"$TMP/out" 2>"$TMP/err"
  expect_eq "verify after an edit on PostgreSQL" "$?" 1
  expect_grep "audit log broken at record 2:" "$TMP/err"
  finish
  exit $?
fi
command -v sqlite3 >/dev/null || { echo "SKIP: the tampering checks need the sqlite3 shell"; finish; exit $?; }
cp "$DANGBO_DB" "$TMP/good.db"

tamper() { # tamper SQL WANT-ID: applies SQL to a fresh copy, verify must name WANT-ID
  cp "$TMP/good.db" "$DANGBO_DB"
  rm -f "$DANGBO_DB-wal" "$DANGBO_DB-shm"
  sqlite3 "$DANGBO_DB" "$1"
  db audit verify >"$TMP/out" 2>"$TMP/err"
  expect_eq "verify after: $1" "$?" 1
  expect_grep "audit log broken at record $2:" "$TMP/err"
}
# an edited record
tamper "UPDATE audit SET after = replace(after, 'Huy hiệu 40', 'Huy hiệu 50') WHERE id = 3" 3
tamper "UPDATE audit SET actor = 'cli:someone-else' WHERE id = 2" 2
tamper "UPDATE audit SET hash = '$(printf '%064d' 0)' WHERE id = 2" 2
# an edited record whose hash was recomputed the way dangbo computes it
# (src/app/audit.h): the next record's link to it breaks
cp "$TMP/good.db" "$DANGBO_DB"
rm -f "$DANGBO_DB-wal" "$DANGBO_DB-shm"
python3 - "$DANGBO_DB" <<'PY'
import hashlib, sqlite3, sys
db = sqlite3.connect(sys.argv[1])
cols = "id, at, actor, action, entity_type, entity_key, before, after"
row = list(db.execute(f"SELECT {cols}, prev_hash FROM audit WHERE id = 2").fetchone())
row[2] = "cli:someone-else"
def field(v):
    if v is None:
        return b"~,"
    b = str(v).encode()
    return str(len(b)).encode() + b":" + b + b","
h = hashlib.sha256(row[8].encode() + b"".join(field(v) for v in row[:8])).hexdigest()
db.execute("UPDATE audit SET actor = ?, hash = ? WHERE id = 2", (row[2], h))
db.commit()
PY
db audit verify >"$TMP/out" 2>"$TMP/err"
expect_eq "verify after a re-hashed edit" "$?" 1
expect_grep "audit log broken at record 3: its prev_hash is not the hash of the record before it" "$TMP/err"
tamper "UPDATE audit SET prev_hash = '$(printf '%064d' 1)' WHERE id = 4" 4
# a removed record, in the middle and at the end
tamper "DELETE FROM audit WHERE id = 3" 3
tamper "DELETE FROM audit WHERE id = 5" 5
tamper "DELETE FROM audit" 1
# a record added by hand after the end
tamper "INSERT INTO audit SELECT 6, at, actor, action, entity_type, entity_key, before, after, hash, hash FROM audit WHERE id = 5" 6
cp "$TMP/good.db" "$DANGBO_DB"
rm -f "$DANGBO_DB-wal" "$DANGBO_DB-shm"
expect_status 0 db audit verify

finish
