#!/usr/bin/env bash
# A cell whose parent merged into another organization is counted under
# where its parent went from the merger on, and under the old parent before
# (contract §2 "How history is read": a merge moves the sub-organizations).
. "$(dirname "$0")/lib.sh"
D=$TESTDATA/report/merged
db init 2>/dev/null
expect_status 0 db import orgs "$D/orgs.csv" org_events "$D/org_events.csv" members "$D/members.csv"
total() { db report members --org "$1" --as-of "$2" --format csv | awk -F, '$3 == "total" { print $4 }'; }
expect_eq "A after the merger" "$(total P.U.A 2025-07-01)" "3"
expect_eq "A before the merger" "$(total P.U.A 2025-06-30)" "1"
expect_eq "B before the merger" "$(total P.U.B 2025-06-30)" "2"
expect_eq "the commune on both days" "$(total P.U 2025-06-30) $(total P.U 2025-07-01)" "3 3"
db org tree P.U.A >"$TMP/tree.txt"
expect_grep "P.U.A  Đảng bộ cơ sở A  [Đảng bộ cơ sở]  3 đảng viên" "$TMP/tree.txt"
expect_grep "  P.U.B.1  Chi bộ thôn Đông  [Chi bộ trực thuộc]  2 đảng viên" "$TMP/tree.txt"
finish
