#!/usr/bin/env bash
# The working-day calendar is editable: the days off the Government announces
# are recorded in the database, every deadline counted in working days uses
# them, a bad file changes nothing, and the shipped calendar comes back.
. "$(dirname "$0")/lib.sh"
db init 2>/dev/null
# Tết 2026 as shipped: 14/02 to 22/02 off
db holidays show --year 2026 >"$TMP/y.txt"
expect_grep "16/02/2026	nghỉ" "$TMP/y.txt"
expect_grep "10/01/2026	làm việc (bù)" "$TMP/y.txt"
if grep -q "^12/06/2026" "$TMP/y.txt"; then bad "12/06/2026 is not a holiday as shipped"; else ok; fi
# a bad file: every problem located, nothing recorded
printf 'date,kind,name\n2026-06-12,holiday,Nghỉ bù\n2026-02-30,holiday,Sai ngày\n2026-06-13,weekend,Sai loại\n' >"$TMP/bad.csv"
expect_status 1 db holidays import "$TMP/bad.csv"
expect_grep "$TMP/bad.csv:3:date:" "$TMP/err"
expect_grep "$TMP/bad.csv:4:kind:" "$TMP/err"
expect_eq "nothing recorded" "$(db holidays changes)" ""
# a day off announced later, and a shipped holiday moved to a working day
printf 'date,kind,name\n2026-06-12,holiday,Nghỉ theo thông báo\n2026-02-16,working,Làm việc\n' >"$TMP/good.csv"
expect_status 0 db holidays import "$TMP/good.csv"
db holidays show --year 2026 >"$TMP/y2.txt"
expect_grep "12/06/2026	nghỉ" "$TMP/y2.txt"
if grep -q "^16/02/2026" "$TMP/y2.txt"; then bad "16/02/2026 should be a working day now"; else ok; fi
expect_eq "changes kept as imported" "$(db holidays changes)" "$(cat "$TMP/good.csv")"
db audit log --limit 1 >"$TMP/audit.txt"
expect_grep "calendar.import" "$TMP/audit.txt"
expect_status 0 db holidays clear
db holidays show --year 2026 >"$TMP/y3.txt"
if grep -q "^12/06/2026" "$TMP/y3.txt"; then bad "cleared change still there"; else ok; fi
expect_status 2 db holidays import
expect_status 2 db holidays show --year abc
finish
