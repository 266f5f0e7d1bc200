#!/usr/bin/env bash
# The due and overdue list through the API (GET /api/v1/due; app/due.h):
# the same items as `dangbo due`, each with its person, organization, day,
# overdue flag, working days late and the rule cited; limited to the
# caller's subtree (contract §5).
. "$(dirname "$0")/lib.sh"
setup_db
# Two probationary members of QN.HL.01.01 (today 2026-11-23):
#  - ceremony 01/09/2025: probation ends 01/09/2026; the chi bộ considers
#    recognition within 30 working days, by 14/10/2026 (QĐ 294-QĐ/TW §4.2.1):
#    overdue by 28 working days (15/10 to 23/11/2026, no holiday between);
#  - ceremony 15/12/2025: probation ends 15/12/2026, within the look-ahead.
"$DANGBO" member add 900001QN --name "Đỗ Văn Quá" --gender nam --birth 1995-01-01 --org QN.HL.01.01 \
  --decision 2025-08-20 --ceremony 2025-09-01 2>>"$TMP/setup.err" || { cat "$TMP/setup.err" >&2; exit 1; }
"$DANGBO" member add 900002QN --name "Vũ Thị Sắp" --gender nữ --birth 1998-02-02 --org QN.HL.01.01 \
  --decision 2025-12-01 --ceremony 2025-12-15 2>>"$TMP/setup.err" || { cat "$TMP/setup.err" >&2; exit 1; }
start_server
login bc
login sec
login ub

call anon GET "/due?org=QN.BC"
expect_status "without a session" 401

call bc GET "/due?org=QN.BC"
expect_status "the list" 200
expect_jq "its organization and day" '.org.code + " " + .as_of' "QN.BC 2026-11-23"
expect_jq "one overdue" .overdue 1
expect_jq "the overdue item" '.items[] | select(.member_id == "900001QN") | [.kind, .person, .name, .org.code, .date, .overdue, .days_late] | join(",")' \
  "recognition_overdue,member,Đỗ Văn Quá,QN.HL.01.01,2026-10-14,true,28"
expect_jq "the rule cited" '.items[] | select(.member_id == "900001QN") | .note | contains("QĐ 294-QĐ/TW §4.2.1")' true
expect_jq "the due item" '.items[] | select(.member_id == "900002QN") | [.kind, .date, .overdue, .days_late] | join(",")' \
  "probation_ending,2026-12-15,false,0"
expect_jq "a Vietnamese label" '.items[] | select(.member_id == "900002QN") | .label | length > 0' true
# the same items as the CLI
jq -r '.items[] | [.date, .kind, (.member_id // .applicant_code), .name, .org.code, .note] | @tsv' "$TMP/body" >"$TMP/api.tsv"
"$DANGBO" due --org QN.BC >"$TMP/cli.tsv"
cmp -s "$TMP/api.tsv" "$TMP/cli.tsv" && ok || { bad "API items differ from dangbo due"; diff "$TMP/api.tsv" "$TMP/cli.tsv" | head >&2; }

# as of the deadline itself, recognition is due, not overdue
call bc GET "/due?org=QN.BC&as_of=2026-10-14"
expect_jq "on the deadline" '.items[] | select(.member_id == "900001QN") | [.kind, .overdue, .days_late] | join(",")' \
  "recognition_due,false,0"
call bc GET "/due?org=QN.BC&as_of=tomorrow"
expect_status "a bad day" 400

# the secretary's cell by default
call sec GET /due
expect_status "the secretary's cell" 200
expect_jq "the cell" .org.code QN.HL.01.01
expect_jq "both items" '[.items[].member_id] | sort | join(",")' "900001QN,900002QN"

# scope: another subtree is refused as if it did not exist, and shows nothing
call ub GET "/due?org=QN.BC"
expect_status "outside the caller's subtree" 404
expect_body_lacks "no data leaks" "Đỗ Văn Quá" "Vũ Thị Sắp" "900001QN"
call ub GET "/due?org=QN.HL.01.01"
expect_status "a cell outside the caller's subtree" 404
call ub GET /due
expect_status "the caller's own subtree" 200
expect_body_lacks "none of the other subtree" "900001QN" "900002QN"
call sec GET "/due?org=QN.BC"
expect_status "above the secretary's cell" 404

# a day off recorded in the database after the deadline (Monday 02/11/2026)
# counts in days_late as in the deadlines: one working day fewer
printf 'date,kind,name\n2026-11-02,holiday,Nghỉ bù (thử)\n' >"$TMP/days.csv"
"$DANGBO" holidays import "$TMP/days.csv" 2>>"$TMP/setup.err" || { cat "$TMP/setup.err" >&2; exit 1; }
call bc GET "/due?org=QN.BC"
expect_jq "the database's calendar" '.items[] | select(.member_id == "900001QN") | [.date, .days_late] | join(",")' \
  "2026-10-14,27"
finish
