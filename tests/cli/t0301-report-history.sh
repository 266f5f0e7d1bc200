#!/usr/bin/env bash
# Reports as of a date read history (contract §2 "How history is read"):
# a transfer out, a merger of two cells, a death and an organization moved
# between parents each change the answer with the as-of date; period
# indicators count events at the organizations inside the subtree on the
# event's date.
. "$(dirname "$0")/lib.sh"

cat >orgs.csv <<'EOF'
code,name,kind,parent_code,category,founded_on,dissolved_on
P,Đảng bộ tỉnh,province,,,,
H,Đảng bộ huyện,upper,P,,,
X,Đảng bộ xã X,base_committee,H,commune,,
Y,Đảng bộ xã Y,base_committee,H,commune,,
X.1,Chi bộ thôn 1,cell,X,,,
X.2,Chi bộ thôn 2,cell,X,,,2024-07-01
Y.1,Chi bộ thôn 1,cell,Y,,,
Z.3,Chi bộ thôn 3,cell,Y,,,
EOF
cat >org_events.csv <<'EOF'
code,date,type,from_code,to_code,old_name,new_name
X.2,2024-07-01,merge,,Y.1,,
Z.3,2023-01-01,move,X,Y,,
EOF
cat >members.csv <<'EOF'
member_id,full_name,gender,birth_date,ethnicity,religion,org_code,decision_date,official_date,status
M1,Nguyễn Văn Một,nam,1970-01-01,Kinh,,Y.1,2000-01-01,2001-01-01,official
M2,Trần Thị Hai,nữ,1970-01-01,Kinh,,Z.3,2000-01-01,2001-01-01,official
M3,Lê Văn Ba,nam,1970-01-01,Kinh,,X.1,2000-01-01,2001-01-01,transferred_out
M4,Phạm Văn Bốn,nam,1940-01-01,Kinh,,Y.1,2000-01-01,2001-01-01,dead
M5,Hoàng Thị Năm,nữ,1970-01-01,Kinh,,Y.1,2000-01-01,2001-01-01,official
M6,Vũ Văn Sáu,nam,1970-01-01,Tày,,Y.1,2000-01-01,2001-01-01,official
EOF
cat >events.csv <<'EOF'
member_id,date,type,org_code,to_org_code,detail
M1,2000-01-01,admit,X.2,,
M3,2024-06-01,transfer_out,X.1,,
M4,2024-03-10,death,Y.1,,
M5,2024-08-15,move,X.1,Y.1,
M6,2024-02-01,transfer_in,X.2,,
EOF
expect_status 0 db init
expect_status 0 db import orgs orgs.csv org_events org_events.csv members members.csv events events.csv

# total of ORG as of DATE at depth 2 from H
total() { db report members --org H --depth 2 --as-of "$2" --format csv | grep "^$1,[^,]*,total," | cut -d, -f4; }

# the organization moved: Z.3 was under X until 01/01/2023
expect_eq "X on 31/12/2022" "$(total X 2022-12-31)" "4"
expect_eq "Y on 31/12/2022" "$(total Y 2022-12-31)" "1"
expect_eq "X on 01/01/2023" "$(total X 2023-01-01)" "3"
expect_eq "Y on 01/01/2023" "$(total Y 2023-01-01)" "2"
expect_eq "H on 31/12/2022" "$(total H 2022-12-31)" "5"
# the death: counted the day before, not from the day
expect_eq "Y the day before the death" "$(total Y 2024-03-09)" "2"
expect_eq "Y on the day of the death" "$(total Y 2024-03-10)" "1"
# the transfer out
expect_eq "X.1 before the transfer" "$(total X.1 2024-05-31)" "2"
expect_eq "X.1 on the transfer" "$(total X.1 2024-06-01)" "1"
# the merger: X.2 is a row under X before, its members under Y.1 after
expect_eq "X.2 before the merger" "$(total X.2 2024-06-30)" "2"
expect_eq "X before the merger" "$(total X 2024-06-30)" "3"
expect_eq "Y.1 on the merger" "$(total Y.1 2024-07-01)" "2"
expect_eq "X on the merger" "$(total X 2024-07-01)" "1"
expect_eq "Y on the merger" "$(total Y 2024-07-01)" "3"
expect_eq "X.2 is no row after the merger" "$(total X.2 2024-07-01)" ""
expect_eq "X after the member moved" "$(total X 2024-12-31)" "0"
expect_eq "Y after the member moved" "$(total Y 2024-12-31)" "4"

# The tree of the day in the orgs report.
expect_status 0 db report orgs --org H --depth 1 --as-of 2022-12-31 --format csv
expect_grep "X,Đảng bộ xã X,cell,3,," "$TMP/out"
expect_grep "Y,Đảng bộ xã Y,cell,1,," "$TMP/out"
expect_status 0 db report orgs --org H --depth 1 --as-of 2024-07-01 --format csv
expect_grep "X,Đảng bộ xã X,cell,1,," "$TMP/out"
expect_grep "Y,Đảng bộ xã Y,cell,2,," "$TMP/out"

# An organization that no longer exists has no report that day.
expect_status 1 db report members --org X.2 --as-of 2024-07-01
expect_grep "did not exist on 01/07/2024" "$TMP/err"
expect_grep "merged into Y.1" "$TMP/err"
expect_status 0 db report members --org X.2 --as-of 2024-06-30 --format csv
expect_grep "X.2,Chi bộ thôn 2,total,2,," "$TMP/out"

# 2024 in one period: events at organizations inside each row on their date.
expect_status 0 db report members --org H --depth 1 --as-of 2024-12-31 --from 2024-01-01 --to 2024-12-31 --format csv
expect_grep "H,Đảng bộ huyện,died,1,," "$TMP/out"
expect_grep "Y,Đảng bộ xã Y,died,1,," "$TMP/out"
expect_grep "X,Đảng bộ xã X,died,0,," "$TMP/out"
expect_grep "H,Đảng bộ huyện,transferred_out,1,," "$TMP/out"
expect_grep "X,Đảng bộ xã X,transferred_out,2,," "$TMP/out"   # M3, and M5 who moved to Y
expect_grep "Y,Đảng bộ xã Y,transferred_in,1,," "$TMP/out"    # M5
expect_grep "H,Đảng bộ huyện,transferred_in,1,," "$TMP/out"   # M6; M5 moved inside H
expect_grep "X,Đảng bộ xã X,transferred_in,1,," "$TMP/out"    # M6 into X.2, under X that day
expect_status 0 db report members --org H --as-of 2001-12-31 --from 2000-01-01 --to 2000-12-31 --format csv
expect_grep "H,Đảng bộ huyện,admitted,5,0," "$TMP/out"        # M6 was admitted elsewhere
expect_status 0 db report members --org H --as-of 2001-12-31 --from 2001-01-01 --to 2001-12-31 --format csv
expect_grep "H,Đảng bộ huyện,recognized,5,," "$TMP/out"
expect_grep "H,Đảng bộ huyện,probationary,0,5," "$TMP/out"

# Badges: 30 years of party age on 01/01/2030 for those still members.
expect_status 0 db report badges --org H --from 2030-01-01 --to 2030-12-31 --as-of 2026-11-23 --format csv
expect_grep "H,Đảng bộ huyện,badge_30,4,," "$TMP/out"
expect_status 0 db report badges --org H --from 2029-01-01 --to 2029-12-31 --format csv
expect_grep "H,Đảng bộ huyện,badge_30,0,," "$TMP/out"

finish
