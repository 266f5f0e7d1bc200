#!/usr/bin/env bash
# dangbo backup and dangbo restore (docs/backup.md): a consistent copy of
# the live SQLite database while others read and write (a held read
# transaction, `dangbo serve` taking logins, the CLI adding organizations);
# the copy has the same content and an intact audit log; a file is never
# overwritten; restore gives identical exports, refuses a database that
# holds data without --force, and refuses a damaged file leaving the target
# as it was; the backup is in the source's audit log. On PostgreSQL both
# commands refuse and name pg_dump / pg_restore.
. "$(dirname "$0")/lib.sh"
export DANGBO_NO_PROGRESS=1

if on_pg; then
  expect_status 0 db init
  expect_status 1 db backup "$TMP/x.db"
  expect_grep "pg_dump -Fc" "$TMP/err"
  expect_eq "no file on PostgreSQL" "$(ls "$TMP"/x.db* 2>/dev/null | wc -l)" 0
  expect_status 1 db restore "$TMP/x.db"
  expect_grep "pg_restore --clean" "$TMP/err"
  finish
  exit
fi

# A demo province at a small scale: a few MB, many backup steps.
expect_status 0 db init
expect_status 0 db demo --province QN --seed 1 --scale 0.2
SRC="$DANGBO_DB"
SIZE=$(stat -c %s "$SRC")
if [ "$SIZE" -gt 8000000 ]; then ok; else bad "demo database only $SIZE bytes"; fi

# --- backup while others read and write ---------------------------------
echo "matkhau-root" | db user add root --role admin --org QN 2>/dev/null || bad "user add"
"$DANGBO" serve --listen 127.0.0.1:0 --threads 2 --quiet >"$TMP/url" 2>"$TMP/server.log" &
SERVER=$!
for _ in $(seq 1 200); do [ -s "$TMP/url" ] && break; sleep 0.05; done
URL=$(head -1 "$TMP/url")
[ -n "$URL" ] && ok || bad "the server did not start: $(cat "$TMP/server.log")"
# a reader holding one read transaction open for 3 seconds
(echo "BEGIN; SELECT count(*) FROM member;"; sleep 3; echo "COMMIT;") | sqlite3 "$SRC" >/dev/null &
READER=$!
# writers: logins through the server, organizations through the CLI
(for _ in $(seq 1 15); do
   curl -s -o /dev/null -H 'Content-Type: application/json' \
     --data-binary '{"login":"root","password":"matkhau-root"}' "${URL%/}/api/v1/session"
 done) &
WEB=$!
(for i in $(seq 1 40); do
   db org add "QN.ZZ$i" --name "Đảng bộ thử $i" --kind upper --parent QN --founded 2026-01-01 2>/dev/null
 done) &
CLI=$!
sleep 0.3
expect_status 0 db backup "$TMP/live.db"
expect_grep "backup:  $TMP/live.db" "$TMP/out"
expect_grep "sha256:  $(sha256sum "$TMP/live.db" | cut -d' ' -f1)" "$TMP/out"
expect_grep "size:    $(stat -c %s "$TMP/live.db") bytes" "$TMP/out"
wait "$WEB" "$CLI" "$READER"
kill "$SERVER"; wait "$SERVER" 2>/dev/null
[ -z "$(ls "$TMP"/live.db.tmp-* 2>/dev/null)" ] && ok || bad "a temporary file was left"
# the copy is one self-contained, whole file, a snapshot of the source:
# its audit log intact and a prefix of the source's
[ ! -e "$TMP/live.db-wal" ] && ok || bad "the backup has a -wal file"
expect_eq "backup in rollback-journal mode" "$(sqlite3 "$TMP/live.db" 'PRAGMA journal_mode')" delete
expect_eq "backup integrity" "$(sqlite3 "$TMP/live.db" 'PRAGMA integrity_check')" ok
expect_status 0 db --db "$TMP/live.db" audit verify
N=$(sqlite3 "$TMP/live.db" 'SELECT max(id) FROM audit')
expect_eq "same chain up to record $N" "$(sqlite3 "$TMP/live.db" "SELECT hash FROM audit WHERE id = $N")" \
  "$(sqlite3 "$SRC" "SELECT hash FROM audit WHERE id = $N")"
if [ "$(sqlite3 "$SRC" 'SELECT max(id) FROM audit')" -gt "$N" ]; then ok; else bad "no write after the backup's snapshot"; fi
# the members were not written meanwhile: the same export
db export members >"$TMP/src.members"
db --db "$TMP/live.db" export members >"$TMP/live.members"
cmp -s "$TMP/src.members" "$TMP/live.members" && ok || bad "the backup's members differ"
expect_eq "members exported" "$(wc -l <"$TMP/src.members")" "$(sqlite3 "$SRC" 'SELECT count(*) + 1 FROM member')"

# --- a quiet backup: identical content; the default name; no overwrite ----
expect_status 0 db backup "$TMP/quiet.db"
QUIET_SUM=$(sha256sum "$TMP/quiet.db" | cut -d' ' -f1)
expect_grep "sha256:  $QUIET_SUM" "$TMP/out"
# (opening a backup with dangbo switches it back to WAL mode: its bytes
# change; its content does not)
for k in orgs org_events members events; do
  db export $k >"$TMP/a.$k"
  db --db "$TMP/quiet.db" export $k >"$TMP/b.$k"
  cmp -s "$TMP/a.$k" "$TMP/b.$k" && ok || bad "backup: export $k differs"
done
BEFORE=$(sha256sum "$TMP/quiet.db")
expect_status 1 db backup "$TMP/quiet.db"
expect_grep "quiet.db exists already: a backup never replaces a file" "$TMP/err"
expect_eq "the existing file untouched" "$(sha256sum "$TMP/quiet.db")" "$BEFORE"
expect_status 0 db backup
DEF=$(sed -n 's/^backup:  //p' "$TMP/out")
if [[ "$DEF" =~ ^$TMP/test-[0-9]{8}-[0-9]{6}\.db$ ]] && [ -f "$DEF" ]; then ok; else bad "default name [$DEF]"; fi
# the source's audit log has the backups, with the file and its hash
db audit log --limit 3 >"$TMP/log"
expect_grep $'\tbackup\tbackup:'"$DEF" "$TMP/log"
expect_grep $'\tbackup\tbackup:'"$TMP/quiet.db" "$TMP/log"
expect_grep "\"sha256\":\"$QUIET_SUM\"" "$TMP/log"
expect_status 0 db audit verify
expect_status 2 db backup a.db b.db

# --- restore ---------------------------------------------------------------
NEW="$TMP/new.db"
expect_status 0 db --db "$NEW" restore "$TMP/quiet.db"
expect_grep "restored: $TMP/quiet.db" "$TMP/out"
for k in orgs org_events members events; do
  db --db "$NEW" export $k >"$TMP/c.$k"
  cmp -s "$TMP/a.$k" "$TMP/c.$k" && ok || bad "restore: export $k differs"
done
db --db "$NEW" audit log --limit 1 >"$TMP/rlog"
expect_grep $'\trestore\trestore:'"$TMP/quiet.db" "$TMP/rlog"
expect_status 0 db --db "$NEW" audit verify

# over a database that holds data: refused without --force, untouched
OTHER="$TMP/other.db"
expect_status 0 db --db "$OTHER" init
expect_status 0 db --db "$OTHER" org add QN --name "Đảng bộ tỉnh Quảng Ninh" --kind province
OTHER_SUM=$(sha256sum "$OTHER")
expect_status 1 db --db "$OTHER" restore "$TMP/quiet.db"
expect_grep "holds data: restoring would replace all of it (give --force" "$TMP/err"
expect_eq "refused: target untouched" "$(sha256sum "$OTHER")" "$OTHER_SUM"
expect_status 0 db --db "$OTHER" restore "$TMP/quiet.db" --force
expect_grep "(its data replaced)" "$TMP/out"
db --db "$OTHER" export members >"$TMP/d.members"
cmp -s "$TMP/a.members" "$TMP/d.members" && ok || bad "restore --force: members differ"
# an empty, initialised database needs no --force
EMPTY="$TMP/empty.db"
expect_status 0 db --db "$EMPTY" init
expect_status 0 db --db "$EMPTY" restore "$TMP/quiet.db"

# damaged, truncated, foreign or altered files: refused, target as it was
NEW_SUM=$(sha256sum "$NEW")
head -c 100000 "$TMP/quiet.db" >"$TMP/trunc.db"
expect_status 1 db --db "$NEW" restore "$TMP/trunc.db" --force
expect_grep "trunc.db: not a readable SQLite database or a damaged one" "$TMP/err"
expect_grep "nothing restored" "$TMP/err"
expect_eq "truncated: target unchanged" "$(sha256sum "$NEW")" "$NEW_SUM"
expect_status 1 db --db "$TMP/fresh.db" restore "$TMP/trunc.db"
[ ! -e "$TMP/fresh.db" ] && ok || bad "a failed restore created its target"
# a page in the middle overwritten: the integrity check finds it
cp "$TMP/quiet.db" "$TMP/corrupt.db"
PAGES=$(sqlite3 "$TMP/quiet.db" 'PRAGMA page_count')
PSIZE=$(sqlite3 "$TMP/quiet.db" 'PRAGMA page_size')
dd if=/dev/urandom of="$TMP/corrupt.db" bs="$PSIZE" seek=$((PAGES / 2)) count=1 conv=notrunc 2>/dev/null
expect_status 1 db --db "$NEW" restore "$TMP/corrupt.db" --force
expect_grep "corrupt.db: " "$TMP/err"
expect_eq "corrupt: target unchanged" "$(sha256sum "$NEW")" "$NEW_SUM"
echo "not a database" >"$TMP/text.db"
expect_status 1 db --db "$NEW" restore "$TMP/text.db" --force
expect_grep "not a readable SQLite database" "$TMP/err"
sqlite3 "$TMP/foreign.db" 'CREATE TABLE t(x); INSERT INTO t VALUES (1);'
expect_status 1 db --db "$NEW" restore "$TMP/foreign.db" --force
expect_grep "not a dangbo database" "$TMP/err"
# an audit record edited in the backup: the chain check refuses it
cp "$TMP/quiet.db" "$TMP/edited.db"
sqlite3 "$TMP/edited.db" "UPDATE audit SET actor = 'cli:someone-else' WHERE id = 1"
expect_status 1 db --db "$NEW" restore "$TMP/edited.db" --force
expect_grep "edited.db: audit log broken at record 1" "$TMP/err"
# a backup from a newer dangbo
cp "$TMP/quiet.db" "$TMP/newer.db"
sqlite3 "$TMP/newer.db" "PRAGMA user_version = 999"
expect_status 1 db --db "$NEW" restore "$TMP/newer.db" --force
expect_grep "newer than this dangbo" "$TMP/err"
expect_eq "refusals: target unchanged" "$(sha256sum "$NEW")" "$NEW_SUM"
expect_status 1 db --db "$NEW" restore "$TMP/missing.db"
expect_grep "missing.db: No such file or directory" "$TMP/err"
expect_status 2 db restore
[ -z "$(ls "$TMP"/*.restore-* 2>/dev/null)" ] && ok || bad "a temporary file was left: $(ls "$TMP")"

# an older backup is brought up to date: a copy taken back to schema
# version 5 (before migration 6 created the rating table)
V=$(sqlite3 "$TMP/quiet.db" 'PRAGMA user_version')
cp "$TMP/quiet.db" "$TMP/old.db"
sqlite3 "$TMP/old.db" "DROP TABLE rating; PRAGMA user_version = 5"
expect_status 0 db --db "$TMP/old-target.db" restore "$TMP/old.db"
expect_grep "schema:   version 5 brought up to $V" "$TMP/out"
expect_eq "schema version after restore" "$(sqlite3 "$TMP/old-target.db" 'PRAGMA user_version')" "$V"
expect_eq "rating table back" "$(sqlite3 "$TMP/old-target.db" "SELECT count(*) FROM sqlite_master WHERE name = 'rating'")" 1
db --db "$TMP/old-target.db" export members >"$TMP/e.members"
cmp -s "$TMP/a.members" "$TMP/e.members" && ok || bad "old backup: members differ"

expect_status 0 db help backup
expect_grep "usage: dangbo [--db PATH] backup [FILE]" "$TMP/out"
expect_status 0 db help restore
expect_grep "--force" "$TMP/out"
finish
