#!/usr/bin/env bash
# dangbo report and dangbo target on the command line: errors and their
# exit status (contract §1), the XLSX workbook, admission targets from CSV
# with every problem located, and the snapshot file kept beside the
# database (rebuilt after a change, the same answers as without it).
. "$(dirname "$0")/lib.sh"

cat >orgs.csv <<'EOF'
code,name,kind,parent_code,category
P,Đảng bộ tỉnh Quảng Trị,province,,
P.A,Đảng bộ xã Cam Lộ,upper,P,
P.A.1,Chi bộ Trường Tiểu học Cam Lộ,base_cell,P.A,service_unit
P.A.2,Đảng bộ Công ty Điện lực,base_committee,P.A,state_enterprise
P.A.2.1,Chi bộ Phòng Kỹ thuật,cell,P.A.2,
EOF
cat >members.csv <<'EOF'
member_id,full_name,gender,birth_date,ethnicity,religion,org_code,decision_date,official_date,status
A1,Nguyễn Thị Hoa,nữ,1990-02-03,Kinh,Công giáo,P.A.1,2015-06-01,2016-06-01,official
A2,Hồ Văn Pả,nam,1985-07-08,Bru-Vân Kiều,,P.A.2.1,2010-09-02,2011-09-02,official
EOF
expect_status 0 db init
expect_status 0 db import orgs orgs.csv members members.csv

# usage errors: exit 2
expect_status 2 db report
expect_status 2 db report members
expect_grep "--org CODE" "$TMP/err"
expect_status 2 db report nonsense --org P
expect_status 2 db report members --org P --as-of 2024-13-01
expect_grep "'2024-13-01' is not a date" "$TMP/err"
expect_status 2 db report members --org P --from 31/02/2024 --to 2024-12-31
expect_status 2 db report members --org P --from 2024-12-31 --to 2024-01-01
expect_status 2 db report members --org P --from 2024-01-01
expect_status 2 db report badges --org P
expect_grep "give --from and --to" "$TMP/err"
expect_status 2 db report members --org P --depth -1
expect_status 2 db report members --org P --precision 9
expect_status 2 db report members --org P --format pdf2
expect_status 2 db report members --org P --frobnicate
# bad input: exit 1
expect_status 1 db report members --org NOPE
expect_grep "no organization with code 'NOPE'" "$TMP/err"
# help
expect_status 0 db report --help
expect_grep "usage: dangbo report members|orgs|badges" "$TMP/out"
expect_status 0 db help report
expect_status 0 db help target

# dd/mm/yyyy is accepted
expect_status 0 db report members --org P --as-of 31/12/2024 --format csv
expect_grep "P,Đảng bộ tỉnh Quảng Trị,female,1,2,\"50,00\"" "$TMP/out"
expect_grep "P,Đảng bộ tỉnh Quảng Trị,religious,1,2,\"50,00\"" "$TMP/out"
expect_grep "P,Đảng bộ tỉnh Quảng Trị,ethnic_minority,1,2,\"50,00\"" "$TMP/out"

# XLSX: to a file, or to standard output when it is not a terminal
expect_status 0 db report members --org P --depth 2 --as-of 2024-12-31 --format xlsx --output r.xlsx
expect_eq "XLSX is a zip" "$(head -c 2 r.xlsx)" "PK"
expect_status 0 db report orgs --org P --format xlsx
expect_eq "XLSX on standard output" "$(head -c 2 "$TMP/out")" "PK"
python3 - r.xlsx >"$TMP/xlsx.txt" <<'EOF'
import re, sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
strings = z.read("xl/sharedStrings.xml").decode()
sheet = z.read("xl/worksheets/sheet1.xml").decode()
styles = z.read("xl/styles.xml").decode()
for s in ["Báo cáo số lượng, cơ cấu đảng viên", "Tổ chức: Đảng bộ tỉnh Quảng Trị (P)", "Tính đến ngày 31/12/2024",
          "Tổng số đảng viên", "Đảng viên nữ", "Số lượng", "Tỷ lệ", "Đảng bộ Công ty Điện lực"]:
    print("string", s, s in strings)
print("widths", len(re.findall(r"<col ", sheet)))
print("percent format", "0.00%" in styles, "thousands format", "#,##0" in styles)
print("percent 0.5", "<v>0.5</v>" in sheet)
print("frozen", "frozen" in sheet)
EOF
expect_grep "string Tổ chức: Đảng bộ tỉnh Quảng Trị (P) True" "$TMP/xlsx.txt"
expect_grep "string Tính đến ngày 31/12/2024 True" "$TMP/xlsx.txt"
expect_grep "string Đảng viên nữ True" "$TMP/xlsx.txt"
expect_grep "string Đảng bộ Công ty Điện lực True" "$TMP/xlsx.txt"
expect_grep "widths 7" "$TMP/xlsx.txt"
expect_grep "percent format True thousands format True" "$TMP/xlsx.txt"
expect_grep "percent 0.5 True" "$TMP/xlsx.txt"
expect_grep "frozen True" "$TMP/xlsx.txt"
if grep -q False "$TMP/xlsx.txt"; then bad "XLSX content: $(grep False "$TMP/xlsx.txt")"; else ok; fi

# --output for text writes the file, nothing on standard output
expect_status 0 db report members --org P --output r.txt
expect_eq "nothing printed" "$(wc -c <"$TMP/out")" "0"
expect_grep "Tổng số đảng viên" r.txt

# admission targets: every bad row located, nothing written
cat >bad_targets.csv <<'EOF'
org_code,year,target
P,2024,100
NOPE,2024,5
P.A,20x4,5
P.A,2024,-3
P,2024,120
EOF
expect_status 1 db target import bad_targets.csv
expect_grep "bad_targets.csv:3:org_code: no organization with code 'NOPE'" "$TMP/err"
expect_grep "bad_targets.csv:4:year: '20x4' is not a year" "$TMP/err"
expect_grep "bad_targets.csv:5:target: '-3' is not a whole number" "$TMP/err"
expect_grep "bad_targets.csv:6:year: a second target for the same organization and year (first on line 2)" "$TMP/err"
expect_grep "4 problems, nothing imported" "$TMP/err"
printf 'org_code,year,what\nP,2024,1\n' >bad_header.csv
expect_status 1 db target import bad_header.csv
expect_grep "bad_header.csv:1:what: unknown column" "$TMP/err"
expect_grep "bad_header.csv:1:target: the column target is missing" "$TMP/err"
expect_status 0 db report members --org P --from 2024-01-01 --to 2024-12-31 --format csv
expect_grep "P,Đảng bộ tỉnh Quảng Trị,admission_target,0,," "$TMP/out"
expect_status 1 db target set --org NOPE --year 2024 10
expect_status 2 db target set --org P --year 2024 ten
expect_status 1 db target set --org P --year 1800 10
expect_status 0 db target set --org P.A.1 --year 2015 1
expect_status 0 db target set --org P.A.2 --year 2015 3
# every target written is in the audit log
expect_status 0 db audit log
expect_grep "target.set	target:P.A.1/2015" "$TMP/out"
expect_status 0 db target set --org P.A.1 --year 2015 2
expect_status 0 db audit log
expect_grep 'before: {"target":1}' "$TMP/out"
expect_status 0 db target set --org P.A.1 --year 2015 1
expect_status 0 db report members --org P --as-of 2015-12-31 --from 2015-01-01 --to 2015-12-31 --format csv
# no target of its own: the sum of those below
expect_grep "P,Đảng bộ tỉnh Quảng Trị,admission_target,4,," "$TMP/out"
expect_grep 'P,Đảng bộ tỉnh Quảng Trị,admitted,1,4,"25,00"' "$TMP/out"

# the snapshot beside the database: made by the first report, kept, rebuilt after a change
# (a server database has no snapshot file: those checks are for SQLite only)
if on_pg; then
  echo "skipped on PostgreSQL: the snapshot file checks (no file beside a server database)"
else
expect_eq "snapshot file" "$(test -f "$DANGBO_DB.snapshot" && echo yes)" "yes"
before=$(stat -c %Y.%s "$DANGBO_DB.snapshot")
sleep 1
expect_status 0 db report members --org P --format csv
expect_eq "snapshot kept when nothing changed" "$(stat -c %Y.%s "$DANGBO_DB.snapshot")" "$before"
fi
cat >more.csv <<'EOF'
member_id,full_name,gender,birth_date,ethnicity,religion,org_code,decision_date,official_date,status
A3,Lê Thị Mai,nữ,2000-10-20,Kinh,,P.A.2.1,2024-03-05,,probationary
EOF
expect_status 0 db import members more.csv
expect_status 0 db report members --org P --as-of 2024-12-31 --format csv
expect_grep "P,Đảng bộ tỉnh Quảng Trị,total,3,," "$TMP/out"
expect_grep 'P,Đảng bộ tỉnh Quảng Trị,probationary,1,3,"33,33"' "$TMP/out"
cp "$TMP/out" with_snapshot.csv
expect_status 0 db report members --org P --as-of 2024-12-31 --format csv --no-snapshot
if cmp -s with_snapshot.csv "$TMP/out"; then ok; else bad "--no-snapshot gives another answer"; fi
# a damaged snapshot is rebuilt, not trusted
if ! on_pg; then
printf 'garbage' >"$DANGBO_DB.snapshot"
expect_status 0 db report members --org P --as-of 2024-12-31 --format csv
if cmp -s with_snapshot.csv "$TMP/out"; then ok; else bad "damaged snapshot changed the answer"; fi
fi

finish
