#!/usr/bin/env bash
# GET /api/v1/exports/ratings (contract §2 ratings.csv, §5): the CLI's
# `dangbo export ratings` file, limited to the caller's subtree exactly as
# the other kinds are: a partial scope gets its own part by default, does
# not see another subtree (404) and is refused another day (403); a caller whose scope
# is the whole tree may name a past subtree with as_of.
. "$(dirname "$0")/lib.sh"
setup_db
# QN.HL.01 (base committee, its cells QN.HL.01.01 and .03) and QN.HL.02 under
# QN.BC; QN.UB.01 under QN.UB; members 000001QN, 000002QN (QN.HL.01's cells),
# 000004QN (QN.HL.02) and UB0001 (QN.UB.01)
cat >"$TMP/r.csv" <<'CSV'
period,subject_type,subject,score,level,self_review,override_reason
2025,org,QN.HL.01,92,excellent,yes,
2025,org,QN.HL.02,75,good,no,
2025,org,QN.UB.01,60,completed,yes,
2025,member,000001QN,80,good,yes,
2025,member,000002QN,45,failed,no,
2025,member,UB0001,"85,5",hoàn thành tốt nhiệm vụ,yes,
2024,org,QN.HL.01,,good,yes,"kết luận 7-KL/ĐU, ngày 10/01/2025"
CSV
"$DANGBO" import ratings "$TMP/r.csv" 2>"$TMP/imp.err" && ok || { bad "import ratings"; cat "$TMP/imp.err" >&2; }
start_server
login root
login bc
login ub

# the whole tree: the CLI's file, named ratings.csv
call root GET /exports/ratings
expect_status "export ratings" 200
expect_header "CSV" '^Content-Type: text/csv'
expect_header "attachment" '^Content-Disposition: attachment; filename="ratings.csv"'
"$DANGBO" export ratings >"$TMP/cli.csv"
cmp -s "$TMP/body" "$TMP/cli.csv" && ok || bad "API export differs from the CLI's"
if [ "$(wc -l <"$TMP/body")" = 8 ]; then ok; else bad "whole export: $(wc -l <"$TMP/body") lines, wanted 8"; fi
if grep -qx '2025,member,UB0001,85.5,good,yes,' "$TMP/body"; then ok; else bad "UB0001's row as import reads it"; cat "$TMP/body" >&2; fi

# a partial scope: its own subtree by default, as the CLI's --org
call bc GET /exports/ratings
expect_status "bc's export" 200
"$DANGBO" export ratings --org QN.BC >"$TMP/cli-bc.csv"
cmp -s "$TMP/body" "$TMP/cli-bc.csv" && ok || bad "scoped export differs from the CLI's --org QN.BC"
if [ "$(wc -l <"$TMP/body")" = 6 ]; then ok; else bad "bc's export: $(wc -l <"$TMP/body") lines, wanted 6"; fi
expect_body_lacks "bc's export shows another subtree" UB0001 QN.UB.01
call ub GET /exports/ratings
expect_status "ub's export" 200
if [ "$(wc -l <"$TMP/body")" = 3 ]; then ok; else bad "ub's export: $(wc -l <"$TMP/body") lines, wanted 3"; fi
expect_body_lacks "ub's export shows another subtree" 000001QN QN.HL.01
call ub GET "/exports/ratings?org=QN.BC"
expect_status "another subtree" 404
expect_jq "another subtree is not shown" .error.message "no organization 'QN.BC'"
call ub GET "/exports/members?org=QN.BC"
expect_status "another subtree: as for the other kinds" 404
call bc GET "/exports/ratings?org=QN.HL.01"
expect_status "a part of one's own subtree" 200
"$DANGBO" export ratings --org QN.HL.01 >"$TMP/cli-hl01.csv"
cmp -s "$TMP/body" "$TMP/cli-hl01.csv" && ok || bad "export of QN.HL.01 differs from the CLI's"
call bc GET "/exports/ratings?as_of=2025-01-01"
expect_status "a past export for a partial scope" 403
# the whole tree's caller: QN.HL's subtree before it was dissolved (2025-07-01)
call root GET "/exports/ratings?org=QN.HL&as_of=2025-01-01"
expect_status "a past subtree" 200
"$DANGBO" export ratings --org QN.HL --as-of 2025-01-01 >"$TMP/cli-hl.csv"
cmp -s "$TMP/body" "$TMP/cli-hl.csv" && ok || bad "past export differs from the CLI's --as-of"
if grep -q '^2025,org,QN.HL.01,' "$TMP/body"; then ok; else bad "QN.HL.01 not in QN.HL's past subtree"; fi
call root GET /exports/rating
expect_status "an unknown kind" 404
expect_jq "the kinds named" '.error.message | test("ratings")' true
finish
