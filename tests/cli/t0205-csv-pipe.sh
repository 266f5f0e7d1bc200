#!/usr/bin/env bash
# The CSV reader on standard input ("-") through a pipe, where reads come in
# pieces and the size is unknown (contract §2: FILE:LINE:COLUMN problems).
. "$(dirname "$0")/lib.sh"

expect_status 0 db init

# Problems found in the header name the file "-".
printf 'code,name,code\n' >"$TMP/dup.csv"
db import orgs - <"$TMP/dup.csv" >"$TMP/out" 2>"$TMP/err"
expect_eq "duplicate header exit" "$?" "1"
expect_grep "-:1:column 3: column 'code' appears twice" "$TMP/err"

# A quote that never closes, far down a piped file (about 100 KB, more than
# a pipe's buffer), is reported at the line where the quoted field opens.
{
  echo "code,name,kind,parent_code,category,unit_code,founded_on,dissolved_on"
  for i in $(seq 1 2000); do echo "QN.$i,\"Chi bộ, số $i\",cell,QN,,,1980-01-01,"; done
  echo 'QN.X,"Chi bộ không đóng,cell,QN,,,1980-01-01,'
  for i in $(seq 1 100); do echo "QN.Y$i,Chi bộ,cell,QN,,,1980-01-01,"; done
} >"$TMP/big.csv"
cat "$TMP/big.csv" | db import orgs - --dry-run >"$TMP/out" 2>"$TMP/err"
expect_eq "unclosed quote exit" "$?" "1"
expect_grep "-:2002:name: a quoted field opened here never closes" "$TMP/err"

# An empty input.
printf '' | db import orgs - >"$TMP/out" 2>"$TMP/err"
expect_eq "empty input exit" "$?" "1"
expect_grep "-: the file is empty: a header row is expected" "$TMP/err"

finish
