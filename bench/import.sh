#!/usr/bin/env bash
# Import benchmark (issue 2): the national demo data set imported by dangbo
# (validation, history replay, indexes, one transaction) compared in the same
# run with the sqlite3 shell's .import of the same members.csv into a plain
# table (this machine's raw ingest rate). Then `dangbo member find` latency on
# the national database. Prints rows/s, wall time and peak RSS.
# Usage: bench/import.sh [SCALE]   (1 = national, ~5.5 million members)
set -euo pipefail
cd "$(dirname "$0")/.."
SCALE=${1:-1}
make -s build >/dev/null
BIN=$PWD/build/dangbo
OUT=$PWD/bench/out
mkdir -p "$OUT"
DATA=$OUT/national-$SCALE
if [ ! -f "$DATA/members.csv" ]; then
  echo "== generating the national demo data set (scale $SCALE)"
  rm -rf "$DATA"; mkdir -p "$DATA"
  /usr/bin/time -f "generate: %e s wall, %M KiB peak RSS" \
    "$BIN" demo --national --seed 1 --scale "$SCALE" --keep "$DATA" --no-import
fi
rows() { echo $(( $(wc -l <"$1") - 1 )); }
NM=$(rows "$DATA/members.csv"); NE=$(rows "$DATA/events.csv"); NO=$(rows "$DATA/orgs.csv"); NOE=$(rows "$DATA/org_events.csv")
TOTAL=$((NM + NE + NO + NOE))
echo "rows: $NO orgs, $NOE org events, $NM members, $NE events ($TOTAL in all)"

echo "== peer: sqlite3 .import of members.csv and events.csv into plain tables"
rm -f "$OUT/peer.db"*
/usr/bin/time -o "$OUT/peer.time" -f "%e %M" sqlite3 "$OUT/peer.db" \
  "PRAGMA journal_mode=WAL;" ".mode csv" ".import $DATA/members.csv members" ".import $DATA/events.csv events"
read -r PT PM <"$OUT/peer.time"
echo "sqlite3 .import: $((NM + NE)) rows in $PT s = $(awk -v r=$((NM + NE)) -v t="$PT" 'BEGIN{printf "%.0f", r/t}') rows/s, peak RSS $((PM / 1024)) MiB"

echo "== dangbo import (all four files, validated, one transaction)"
rm -f "$OUT/dangbo.db"*
"$BIN" --db "$OUT/dangbo.db" init 2>/dev/null
DANGBO_NO_PROGRESS=1 /usr/bin/time -o "$OUT/dangbo.time" -f "%e %M" "$BIN" --db "$OUT/dangbo.db" import --timings \
  orgs "$DATA/orgs.csv" org_events "$DATA/org_events.csv" members "$DATA/members.csv" events "$DATA/events.csv"
read -r DT DM <"$OUT/dangbo.time"
echo "dangbo import: $TOTAL rows in $DT s = $(awk -v r=$TOTAL -v t="$DT" 'BEGIN{printf "%.0f", r/t}') rows/s, peak RSS $((DM / 1024)) MiB"
echo "ratio dangbo/peer (rows/s): $(awk -v a=$TOTAL -v b="$DT" -v c=$((NM + NE)) -v d="$PT" 'BEGIN{printf "%.2f", (a/b)/(c/d)}')"

echo "== dangbo member find (national database), 20 queries"
# the first command after the import loads the program, its libraries (ICU)
# and the index pages from disk: reported on its own
s=$(date +%s%N)
"$BIN" --db "$OUT/dangbo.db" member find "nguyen van binh" --limit 20 >/dev/null 2>&1
e=$(date +%s%N)
echo "first (cold) command: $(( (e - s) / 1000000 )) ms"
for q in "nguyen van an" "tran thi lan" "le van hung" "pham thi hoa" "hoang van nam" "vu thi mai" \
         "dang van duc" "bui thi hang" "do van long" "ho thi thu" "ngo van son" "duong thi huong" \
         "ly van tuan" "an" "linh" "nguyen" "tran thi" "phan van" "vo thi ngoc" "dinh van"; do
  s=$(date +%s%N)
  "$BIN" --db "$OUT/dangbo.db" member find "$q" --limit 20 >/dev/null 2>&1
  e=$(date +%s%N)
  echo "$(( (e - s) / 1000000 )) ms  $q"
done | sort -n | awk '{ print } { a[NR] = $1 } END { print "median " a[int((NR + 1) / 2)] " ms, max " a[NR] " ms (whole command: start, open, query, print)" }'
