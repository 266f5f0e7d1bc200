#!/usr/bin/env bash
# Import, rejection with every problem located, dry run, export round trip,
# history as of past dates, search (contract §1, §2).
. "$(dirname "$0")/lib.sh"
G=$TESTDATA/import/good
B=$TESTDATA/import/bad

expect_status 0 db init
expect_status 1 db init   # already initialised

# A bad file is rejected whole with every problem as FILE:LINE:COLUMN.
expect_status 1 db import orgs "$B/orgs.csv"
expect_grep "$B/orgs.csv:4:parent_code: unknown parent 'QN.X'" "$TMP/err"
expect_grep "$B/orgs.csv:5:code: organization QN.B appears again (first on line 4)" "$TMP/err"
expect_grep "$B/orgs.csv:6:category: a base organization needs a category" "$TMP/err"
expect_grep "$B/orgs.csv:6:founded_on: '31/02/2020' is not a date" "$TMP/err"
expect_grep "$B/orgs.csv:7:kind: unknown kind 'cellule'" "$TMP/err"
expect_grep "nothing imported" "$TMP/err"
expect_status 1 db import orgs "$B/orgs_nest.csv"
expect_grep "$B/orgs_nest.csv:3:kind: organization QN.A: kinds cannot nest: QN.A (cell) under QN (province): a cell sits under base_committee or sub_committee" "$TMP/err"
expect_grep "$B/orgs_nest.csv:5:kind: organization QN.B.1: kinds cannot nest: QN.B.1 (cell) under QN.B (base_cell)" "$TMP/err"
expect_status 1 db import orgs "$B/orgs_unclosed.csv"
expect_grep "$B/orgs_unclosed.csv:7:name: a quoted field opened here never closes" "$TMP/err"
expect_status 1 db import orgs "$B/orgs_utf8.csv"
expect_grep "$B/orgs_utf8.csv:3:name: invalid UTF-8 at byte" "$TMP/err"
expect_status 1 db import members "$B/members_unknown_col.csv"
expect_grep "members_unknown_col.csv:1:nonsense: unknown column" "$TMP/err"
db export orgs >"$TMP/after_bad.csv"
expect_eq "nothing imported after bad files" "$(wc -l <"$TMP/after_bad.csv")" "1"

# Dry run validates only.
expect_status 0 db import orgs "$G/orgs.csv" org_events "$G/org_events.csv" --dry-run
expect_grep "dry run" "$TMP/err"
db export orgs >"$TMP/after_dry.csv"
expect_eq "dry run imports nothing" "$(wc -l <"$TMP/after_dry.csv")" "1"

# orgs.csv alone cannot explain a parent that did not exist when it was founded.
expect_status 1 db import orgs "$G/orgs.csv"
expect_grep "QN.BC does not exist on 1980-01-01" "$TMP/err"

expect_status 0 db import orgs "$G/orgs.csv" org_events "$G/org_events.csv" members "$G/members.csv" events "$G/events.csv"

# Members rejected: each problem with its row and column.
expect_status 1 db import members "$B/members.csv"
expect_grep "$B/members.csv:2:card_number: '12345' is not a 12-digit" "$TMP/err"
expect_grep "$B/members.csv:3:gender: 'x' is not a gender" "$TMP/err"
expect_grep "$B/members.csv:3:ethnicity: unknown ethnic group 'Martian'" "$TMP/err"
expect_grep "$B/members.csv:3:org_code: QN.HL.01 is not a cell or base cell" "$TMP/err"
expect_grep "$B/members.csv:4:decision_date: the admission decision is before the birth date" "$TMP/err"
expect_grep "$B/members.csv:4:member_id: member M1 appears again (first on line 2)" "$TMP/err"
expect_grep "$B/members.csv:5:org_code: member M4: organization QN.HL.01.02 did not exist on the admission decision date" "$TMP/err"

# Export -> import -> export is byte-identical.
for k in orgs org_events members events; do db export $k >"$TMP/e1_$k.csv"; done
TWO=$(new_db two)
DANGBO_DB="$TWO" db init 2>/dev/null
expect_status 0 env DANGBO_DB="$TWO" "$DANGBO" import orgs "$TMP/e1_orgs.csv" org_events "$TMP/e1_org_events.csv" members "$TMP/e1_members.csv" events "$TMP/e1_events.csv"
for k in orgs org_events members events; do
  DANGBO_DB="$TWO" db export $k >"$TMP/e2_$k.csv"
  if cmp -s "$TMP/e1_$k.csv" "$TMP/e2_$k.csv"; then ok; else bad "export $k differs after a round trip"; fi
done
# events in any order give the same history
{ head -1 "$TMP/e1_events.csv"; tail -n +2 "$TMP/e1_events.csv" | tac; } >"$TMP/shuffled_events.csv"
THREE=$(new_db three)
DANGBO_DB="$THREE" db init 2>/dev/null
expect_status 0 env DANGBO_DB="$THREE" "$DANGBO" import orgs "$TMP/e1_orgs.csv" org_events "$TMP/e1_org_events.csv" members "$TMP/e1_members.csv" events "$TMP/shuffled_events.csv"
DANGBO_DB="$THREE" db export events >"$TMP/e3_events.csv"
if cmp -s "$TMP/e1_events.csv" "$TMP/e3_events.csv"; then ok; else bad "events imported out of order differ"; fi
expect_eq "members exported as imported" "$(cat "$TMP/e1_members.csv")" "$(cat "$G/members.csv")"

# The tree now and on a past date (before the 2025 move and the 2024 merger).
db org tree >"$TMP/now.txt"
expect_grep "QN.BC  Đảng bộ phường Bãi Cháy  [Đảng bộ cấp trên cơ sở]  4 đảng viên" "$TMP/now.txt"
expect_grep "QN.HL.01.03  Chi bộ Khu 3  [Chi bộ trực thuộc]  2 đảng viên" "$TMP/now.txt"
if grep -q "QN.HL.01.02" "$TMP/now.txt"; then bad "merged cell still in today's tree"; else ok; fi
db org tree --as-of 2020-01-01 >"$TMP/old.txt"
expect_grep "QN.HL  Đảng bộ thành phố Hạ Long  [Đảng bộ cấp trên cơ sở]  4 đảng viên" "$TMP/old.txt"
expect_grep "QN.HL.01.02  Chi bộ Khu 2  [Chi bộ trực thuộc]  1 đảng viên" "$TMP/old.txt"
expect_grep "QN.HL.01.03  Chi bộ Khu phố 3" "$TMP/old.txt"
# The dead member counts before the death date, not from it.
db org tree QN.HL.01.01 --as-of 2023-10-04 >"$TMP/d1.txt"
expect_grep "2 đảng viên" "$TMP/d1.txt"
db org tree QN.HL.01.01 --as-of 2023-10-05 >"$TMP/d2.txt"
expect_grep "1 đảng viên" "$TMP/d2.txt"

# An organization with members cannot be dissolved (contract §2 org_events:
# dissolve "must have no members left that day"); nothing changes.
expect_status 1 db org dissolve QN.HL.01.01 --date 2026-01-01
expect_grep "organization QN.HL.01.01 has ended while the member is still in it" "$TMP/err"
db org tree QN.HL.01.01 >"$TMP/still.txt"
expect_grep "QN.HL.01.01  Chi bộ Khu 1" "$TMP/still.txt"
# After its member moves away it can be.
expect_status 0 db member event 000001QN --type move --date 2025-12-01 --org QN.HL.01.01 --to QN.HL.01.03
expect_status 0 db org dissolve QN.HL.01.01 --date 2026-01-01
db org tree QN.HL.01 --as-of 2026-01-01 >"$TMP/gone.txt"
if grep -q "QN.HL.01.01" "$TMP/gone.txt"; then bad "dissolved cell still in the tree"; else ok; fi
expect_grep "QN.HL.01.03  Chi bộ Khu 3  [Chi bộ trực thuộc]  3 đảng viên" "$TMP/gone.txt"

# Events that cannot be recorded: a second recognition, an entry for a
# current member, a date after today. Nothing changes.
db export events >"$TMP/ev_before.csv"
expect_status 1 db member event 000002QN --type recognize --date 2026-01-05
expect_grep "recognize on 2026-01-05: the member is official since 2001-02-15" "$TMP/err"
expect_status 1 db member event 000002QN --type transfer_in --date 2026-01-05 --org QN.HL.01.03
expect_grep "member 000002QN is a member now (official): transfer_in is for someone who is not" "$TMP/err"
expect_status 1 db member event 000002QN --type death --date 2027-01-01
expect_grep "the date is after today" "$TMP/err"
db export events >"$TMP/ev_after.csv"
if cmp -s "$TMP/ev_before.csv" "$TMP/ev_after.csv"; then ok; else bad "a refused event changed the events"; fi

# Member state: party age minus the years expelled (QĐ 294-QĐ/TW §4.4).
db member show 000005QN >"$TMP/m5.txt"
expect_grep "17 năm" "$TMP/m5.txt"
db member show 000002QN --as-of 2015-01-01 >"$TMP/m2.txt"
expect_grep "QN.HL.01.02 — Chi bộ Khu 2" "$TMP/m2.txt"
db member show 000004QN >"$TMP/m4.txt"
expect_grep "Hết thời gian dự bị:       25/05/2027" "$TMP/m4.txt"

# Search ignores case and diacritics; results sorted by given name.
db member find "nguyen van an" >"$TMP/f1.txt"
expect_grep "000001QN	Nguyễn Văn An" "$TMP/f1.txt"
db member find "ĐỨC" >"$TMP/f2.txt"
expect_grep "000005QN	Đặng Văn Đức" "$TMP/f2.txt"
db member find "van" --limit 5 >"$TMP/f3.txt"
expect_eq "no given-name match for a middle name prefix" "$(wc -l <"$TMP/f3.txt")" "0"
db member find "nguyen" >"$TMP/f4.txt"
expect_eq "one Nguyễn" "$(wc -l <"$TMP/f4.txt")" "1"

finish
