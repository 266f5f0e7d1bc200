#!/usr/bin/env bash
# Members into an empty database take the bulk path (rows checked on one
# thread, written on another): the same problems are found, all of them,
# and nothing is written when any row is bad.
. "$(dirname "$0")/lib.sh"
G=$TESTDATA/import/good
B=$TESTDATA/import/bad
db init 2>/dev/null
expect_status 0 db import orgs "$G/orgs.csv" org_events "$G/org_events.csv"
expect_status 1 db import members "$B/members.csv"
expect_grep "$B/members.csv:2:card_number: '12345' is not a 12-digit" "$TMP/err"
expect_grep "$B/members.csv:3:gender: 'x' is not a gender" "$TMP/err"
expect_grep "$B/members.csv:3:ethnicity: unknown ethnic group 'Martian'" "$TMP/err"
expect_grep "$B/members.csv:4:member_id: member M1 appears again (first on line 2)" "$TMP/err"
expect_grep "$B/members.csv:5:org_code: member M4: organization QN.HL.01.02 did not exist on the admission decision date" "$TMP/err"
expect_grep "7 problems, nothing imported" "$TMP/err"
expect_eq "no member written" "$(db export members | wc -l)" "1"
# a file whose bad row comes after many good ones: still nothing written
{ head -1 "$G/members.csv"
  for i in $(seq 1 3000); do printf 'X%05d,Nguyễn Văn %d,nam,1970-01-01,Kinh,,,QN.HL.01.03,1995-01-01,,,official,,,,,\n' "$i" "$i"; done
  echo 'X99999,Lê Văn Cuối,nam,1970-01-01,Kinh,,,QN.NOWHERE,1995-01-01,,,official,,,,,'; } >"$TMP/late_bad.csv"
expect_status 1 db import members "$TMP/late_bad.csv"
expect_grep "late_bad.csv:3002:org_code: unknown organization 'QN.NOWHERE'" "$TMP/err"
expect_eq "still no member" "$(db export members | wc -l)" "1"
# the good files, then the same rows as the slow path gives
expect_status 0 db import --timings members "$G/members.csv" events "$G/events.csv"
expect_eq "members as imported" "$(db export members)" "$(cat "$G/members.csv")"
# --timings names each phase of the bulk load
for phase in "events (read)" "members (and their events)" "indexes" "commit"; do
  expect_grep "dangbo: $phase " "$TMP/err"
done
# the audit record carries each file's SHA-256 (taken on a thread of its own)
db audit log --limit 1 >"$TMP/audit"
expect_grep "\"name\":\"$G/members.csv\",\"rows\":5,\"sha256\":\"$(sha256sum "$G/members.csv" | cut -d' ' -f1)\"" "$TMP/audit"
expect_grep "\"sha256\":\"$(sha256sum "$G/events.csv" | cut -d' ' -f1)\"" "$TMP/audit"
expect_eq "3000 and more in one go" "$(head -3001 "$TMP/late_bad.csv" | sed 's/^X/Y/' >"$TMP/many.csv"; db import members "$TMP/many.csv" 2>&1; db export members | wc -l)" "dangbo: $TMP/many.csv: 3000 rows imported
3006"
finish
