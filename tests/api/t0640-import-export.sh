#!/usr/bin/env bash
# Imports and exports through the API (contract §2 and §5): a bad file is
# answered with the same problems, at the same lines and columns, as the
# CLI gives, and nothing is imported; a dry run changes nothing; a good
# import is one audit record with each file's SHA-256; rows outside the
# caller's subtree are refused; exports are the CLI's files.
. "$(dirname "$0")/lib.sh"
setup_db
start_server
login root
login bc
login ub
login sec
B="$TESTDATA/import/bad"

problems() { jq -r '.error.problems[] | "\(.line):\(.column): \(.message)"' "$TMP/body"; }

# a bad members.csv, multipart: the CLI's problems, nothing imported
"$DANGBO" import members "$B/members.csv" --dry-run 2>&1 >/dev/null | grep -v '^dangbo:' |
  sed -E 's|^[^:]*members\.csv:||' >"$TMP/cli.problems"
[ -s "$TMP/cli.problems" ] && ok || bad "the CLI found no problem"
call bc POST /imports -F "members=@$B/members.csv;type=text/csv"
expect_status "bad members.csv" 400
expect_jq "the file is named as uploaded" '.error.problems[0].file' members.csv
expect_jq "summary" '.error.message | test("problems, nothing imported$")' true
problems >"$TMP/api.problems"
if diff "$TMP/cli.problems" "$TMP/api.problems" >"$TMP/diff"; then ok; else bad "API and CLI problems differ"; cat "$TMP/diff" >&2; fi
# the same as raw text/csv
call bc POST "/imports?kinds=members&name=danh-sach.csv" -H 'Content-Type: text/csv' --data-binary "@$B/members.csv"
expect_status "bad members.csv as text/csv" 400
expect_jq "named by ?name=" '.error.problems[0].file' danh-sach.csv
problems >"$TMP/api2.problems"
diff -q "$TMP/cli.problems" "$TMP/api2.problems" >/dev/null && ok || bad "text/csv problems differ"
# a bad organization file (kinds that cannot nest), located
call root POST /imports -F "orgs=@$B/orgs_nest.csv"
expect_status "bad orgs.csv" 400
expect_jq "located" '.error.problems[0] | (.file + ":" + (.line | tostring))' "orgs_nest.csv:3"
call root GET "/members?status=all"
expect_jq "nothing imported" .total 6

# a good file: dry run, then for real
cat >"$TMP/new.csv" <<'EOF'
member_id,full_name,gender,birth_date,ethnicity,org_code,decision_date,status
000010QN,Vũ Thị Lan,nữ,1988-08-08,Kinh,QN.HL.01.03,2015-09-02,official
000011QN,Bùi Văn Minh,nam,1991-01-15,Mường,QN.HL.02,2019-03-26,official
EOF
call bc POST "/imports?dry_run=1" -F "members=@$TMP/new.csv;filename=moi.csv"
expect_status "dry run" 200
expect_jq "dry run result" '"\(.dry_run) \(.imported) \(.files[0].rows)"' "true false 2"
call root GET "/members?status=all"
expect_jq "a dry run imports nothing" .total 6
call bc POST /imports -F "members=@$TMP/new.csv;filename=moi.csv" -F dry_run=0
expect_status "import" 200
expect_jq "imported" '"\(.imported) \(.files[0].kind) \(.files[0].name) \(.files[0].rows)"' "true members moi.csv 2"
SUM=$(sha256sum "$TMP/new.csv" | cut -d' ' -f1)
expect_jq "sha256" '.files[0].sha256' "$SUM"
call bc GET "/members?q=lan"
expect_jq "the new member is there" '.items[0].member_id' 000010QN
"$DANGBO" audit log --entity import:moi.csv >"$TMP/audit"
if grep -q $'web:bc\timport\timport:moi.csv' "$TMP/audit" && grep -q "\"sha256\":\"$SUM\"" "$TMP/audit" &&
  grep -q '"rows":2' "$TMP/audit"; then ok; else bad "the import's audit record"; cat "$TMP/audit" >&2; fi
if [ "$(grep -c $'\timport\t' "$TMP/audit")" = 1 ]; then ok; else bad "not one record per import"; fi

# rows outside the caller's subtree: refused, located, nothing imported
cat >"$TMP/outside.csv" <<'EOF'
member_id,full_name,gender,birth_date,ethnicity,org_code,decision_date,status
UB0002,Hà Văn Nam,nam,1985-02-02,Kinh,QN.UB.01,2012-02-02,official
000012QN,Ngô Thị Oanh,nữ,1992-02-02,Kinh,QN.HL.01.01,2016-02-02,official
EOF
call ub POST /imports -F "members=@$TMP/outside.csv"
expect_status "a row outside the subtree" 403
expect_jq "located" '.error.problems[0] | "\(.file):\(.line):\(.column)"' "outside.csv:3:org_code"
expect_jq "only that row" '.error.problems | length' 1
call root GET "/members?q=oanh"
expect_jq "nothing imported" .total 0
# a member of another subtree cannot be moved in by an import
printf 'member_id,full_name,gender,birth_date,ethnicity,org_code,decision_date,status\n000001QN,Nguyễn Văn An,nam,1960-05-12,Kinh,QN.UB.01,1985-03-02,official\n' >"$TMP/steal.csv"
call ub POST /imports -F "members=@$TMP/steal.csv"
expect_status "taking a member from another subtree" 403
expect_jq "the member named" '.error.problems[0].column' member_id
# a secretary may not import
call sec POST /imports -F "members=@$TMP/new.csv"
expect_status "secretary import" 403

# exports: the CLI's files
call root GET /exports/members
expect_status "export" 200
expect_header "CSV" '^Content-Type: text/csv'
expect_header "attachment" '^Content-Disposition: attachment; filename="members.csv"'
"$DANGBO" export members >"$TMP/cli.csv"
cmp -s "$TMP/body" "$TMP/cli.csv" && ok || bad "API export differs from the CLI's"
call bc GET /exports/members
"$DANGBO" export members --org QN.BC >"$TMP/cli-bc.csv"
cmp -s "$TMP/body" "$TMP/cli-bc.csv" && ok || bad "scoped export differs from the CLI's --org QN.BC"
if grep -q UB0001 "$TMP/body"; then bad "bc's export shows another subtree"; else ok; fi
call bc GET "/exports/orgs?as_of=2020-01-01"
expect_status "a past export for a partial scope" 403
call root GET "/exports/orgs?as_of=2020-01-01"
expect_status "a past export for the whole tree" 200
# export -> import -> export is stable through the API
call root GET /exports/orgs
cp "$TMP/body" "$TMP/orgs.csv"
call root GET /exports/org_events
cp "$TMP/body" "$TMP/org_events.csv"
call root POST /imports -F "orgs=@$TMP/orgs.csv" -F "org_events=@$TMP/org_events.csv"
expect_status "re-import of the export" 200
call root GET /exports/orgs
cmp -s "$TMP/body" "$TMP/orgs.csv" && ok || bad "export -> import -> export changed orgs.csv"

"$DANGBO" audit verify >"$TMP/out" 2>&1 && ok || { bad "audit verify"; cat "$TMP/out" >&2; }
finish
