#!/usr/bin/env bash
# Report benchmark (issue 3): `dangbo report members --org TW --depth 2
# --as-of DATE` on the national demo data (about 5.5 million members, every
# province and every commune or district two levels down), against two peers
# computing the same numbers with straightforward SQL over the same tables:
# the sqlite3 shell on dangbo's own database, and PostgreSQL 15 (a throwaway
# cluster on loopback in a temporary directory, loaded with COPY). Checks
# that all three give identical numbers and prints wall time and peak RSS.
#
# Usage: bench/report_members.sh [SCALE]    (1 = national, the default)
#   DANGBO=path/to/dangbo   use this binary instead of building build/dangbo
#   ASOF=YYYY-MM-DD         the past date (default 2024-12-31: before the
#                           2025 reorganization, so merged organizations count)
#   BENCH_DB=FILE ROOT=CODE run on another dangbo database (no generation, no
#                           import), from the organization CODE (to try the
#                           script on small data)
# Heavy at scale 1 (data generation and import take minutes): not part of
# the test suite. Data and databases stay in bench/out/ for the next run.
set -euo pipefail
cd "$(dirname "$0")/.."
SCALE=${1:-1}
ASOF=${ASOF:-2024-12-31}
ROOT=${ROOT:-TW}
if [ -z "${DANGBO:-}" ]; then
  make -s build >/dev/null
  DANGBO=$PWD/build/dangbo
fi
BIN=$(readlink -f "$DANGBO")
OUT=$PWD/bench/out
DATA=$OUT/national-$SCALE
WORK=$OUT/reports-$SCALE
mkdir -p "$OUT" "$WORK"
export DANGBO_NO_PROGRESS=1

if [ -n "${BENCH_DB:-}" ]; then
  WORK=$OUT/reports-custom
  mkdir -p "$WORK"
  DB=$WORK/dangbo.db
  rm -f "$DB" "$DB"-* "$DB".snapshot
  cp "$BENCH_DB" "$DB"
  touch "$WORK/imported"
elif [ ! -f "$DATA/members.csv" ]; then
  echo "== generating the national demo data set (seed 1, scale $SCALE)"
  rm -rf "$DATA"; mkdir -p "$DATA"
  /usr/bin/time -f "generate: %e s wall, %M KiB peak RSS" \
    "$BIN" demo --national --seed 1 --scale "$SCALE" --keep "$DATA" --no-import
fi
DB=$WORK/dangbo.db
if [ ! -f "$WORK/imported" ]; then
  echo "== importing it into dangbo"
  rm -f "$DB" "$DB"-* "$DB".snapshot
  "$BIN" --db "$DB" init 2>/dev/null
  /usr/bin/time -f "import: %e s wall, %M KiB peak RSS" "$BIN" --db "$DB" import \
    orgs "$DATA/orgs.csv" org_events "$DATA/org_events.csv" members "$DATA/members.csv" events "$DATA/events.csv"
  touch "$WORK/imported"
fi
echo "database: $(sqlite3 "$DB" 'SELECT count(*) FROM org') organizations, $(sqlite3 "$DB" 'SELECT count(*) FROM member') members, $(sqlite3 "$DB" 'SELECT count(*) FROM event') events"

# time_of CMD...: runs CMD with stdout to $WORK/last.out, prints "WALL RSS_KiB".
time_of() {
  /usr/bin/time -o "$WORK/time" -f "%e %M" "$@" >"$WORK/last.out"
  cat "$WORK/time"
}
# dangbo's CSV as code|indicator|count (percent is quoted: it holds a comma)
dangbo_rows() { sed -E 's/,"[^"]*"$//; s/,$//' | awk -F, 'NR > 1 { print $1 "|" $(NF - 2) "|" $(NF - 1) }' | sort; }

echo
echo "== dangbo: report members --org $ROOT --depth 2 --as-of $ASOF"
REPORT=("$BIN" --db "$DB" report members --org "$ROOT" --depth 2 --as-of "$ASOF" --format csv)
rm -f "$DB.snapshot"
read -r CW CM < <(time_of "${REPORT[@]}")
echo "cold (builds the snapshot $DB.snapshot, $(du -m "$DB.snapshot" | cut -f1) MiB): $CW s wall, $((CM / 1024)) MiB peak RSS"
: >"$WORK/dangbo.times"
for i in 1 2 3 4 5; do
  read -r W M < <(time_of "${REPORT[@]}")
  echo "$W $M" >>"$WORK/dangbo.times"
  echo "warm run $i: $W s wall, $((M / 1024)) MiB peak RSS"
done
dangbo_rows <"$WORK/last.out" >"$WORK/dangbo.rows"
read -r DW DM < <(sort -n "$WORK/dangbo.times" | sed -n 3p)
echo "dangbo median: $DW s wall, $((DM / 1024)) MiB peak RSS; $(wc -l <"$WORK/dangbo.rows") rows"

echo
echo "== peer 1: sqlite3 shell, recursive CTEs over dangbo's tables"
SQL=$WORK/sqlite.sql
sed -e "s/@ASOF@/$ASOF/g" -e "s/@ROOT@/$ROOT/g" bench/report_members_sqlite.sql >"$SQL"
# the index a straightforward schema would have for walking down the tree
sqlite3 "$DB" "CREATE INDEX IF NOT EXISTS bench_org_span_parent ON org_span(parent_id)"
BEST_S=
for i in 1 2; do
  read -r W M < <(time_of sqlite3 "$DB" ".read $SQL")
  echo "run $i: $W s wall, $((M / 1024)) MiB peak RSS"
  if [ -z "$BEST_S" ] || awk -v a="$W" -v b="$BEST_S" 'BEGIN { exit !(a < b) }'; then BEST_S=$W; SM=$M; fi
done
sort "$WORK/last.out" >"$WORK/sqlite.rows"

echo
echo "== peer 2: PostgreSQL 15 (throwaway cluster on loopback), the same SQL with real dates"
PGBIN=/usr/lib/postgresql/15/bin
PGDIR=$(mktemp -d /tmp/dangbo-bench-pg.XXXXXX)
chmod 755 "$PGDIR"
PORT=$((20000 + RANDOM % 20000))
AS_PG=()
[ "$(id -u)" = 0 ] && AS_PG=(runuser -u postgres --)
chown "$([ "$(id -u)" = 0 ] && echo postgres || id -un)" "$PGDIR"
cleanup() { "${AS_PG[@]}" "$PGBIN/pg_ctl" -D "$PGDIR/data" -m immediate stop >/dev/null 2>&1 || true; rm -rf "$PGDIR"; }
trap cleanup EXIT
"${AS_PG[@]}" "$PGBIN/initdb" -D "$PGDIR/data" -U bench -E UTF8 --locale=C.UTF-8 >/dev/null 2>&1
"${AS_PG[@]}" "$PGBIN/pg_ctl" -D "$PGDIR/data" -l "$PGDIR/log" -w start \
  -o "-c listen_addresses=127.0.0.1 -p $PORT -k $PGDIR -c shared_buffers=2GB -c work_mem=256MB -c effective_cache_size=8GB -c max_parallel_workers_per_gather=2 -c fsync=off" >/dev/null
PSQL=(psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PORT" -U bench -d postgres)
"${PSQL[@]}" -f bench/report_members_pg_schema.sql
exp() { sqlite3 -csv "$DB" "$1" >"$PGDIR/$2.csv"; chmod 644 "$PGDIR/$2.csv"; }
open_from="CASE valid_from WHEN '0000-01-01' THEN '-infinity' ELSE valid_from END"
exp "SELECT id, code, kind, founded_on, dissolved_on FROM org" org
exp "SELECT org_id, parent_id, $open_from, valid_to FROM org_span" org_span
exp "SELECT org_id, date, type, to_id FROM org_event" org_event
exp "SELECT id, gender, birth_date, ethnicity, religion, decision_date, ceremony_date, official_date, status FROM member" member
exp "SELECT member, org_id, $open_from, valid_to FROM member_span" member_span
exp "SELECT member, date, type FROM event" event
LOAD_START=$(date +%s.%N)
for t in org org_span org_event member member_span event; do
  "${PSQL[@]}" -c "\\copy $t FROM '$PGDIR/$t.csv' WITH (FORMAT csv)"
done
"${PSQL[@]}" -c "CREATE INDEX ON org_span(parent_id); CREATE INDEX ON org_span(org_id); CREATE INDEX ON event(member);
  CREATE INDEX ON member_span(member); CREATE INDEX ON org_event(org_id); ANALYZE"
echo "loaded with COPY in $(awk -v a="$LOAD_START" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }') s"
PGSQL=$PGDIR/query.sql
{
  sed -e "s/@ASOF@/$ASOF/g" -e "s/@ROOT@/$ROOT/g" bench/report_members_pg.sql
  # the backend's peak RSS, read by the server itself (the bench user is a superuser)
  echo "SELECT 'VmHWM', substring(pg_read_file('/proc/' || pg_backend_pid() || '/status') from 'VmHWM:\\s*(\\d+)');"
} >"$PGSQL"
BEST_P=
# runs 1 and 2 as configured (JIT on, PostgreSQL's default), run 3 with JIT off
sed '1i SET jit = off;' "$PGSQL" >"$PGSQL.nojit"
for i in 1 2 3; do
  Q=$PGSQL; [ "$i" = 3 ] && Q=$PGSQL.nojit
  read -r W M < <(time_of "${PSQL[@]}" -f "$Q")
  grep -v '^VmHWM|' "$WORK/last.out" >"$WORK/pg.out" || true
  HWM=$(grep '^VmHWM|' "$WORK/last.out" | cut -d'|' -f2)
  echo "run $i$([ "$i" = 3 ] && echo " (JIT off)"): $W s wall, server backend peak RSS $(( ${HWM:-0} / 1024 )) MiB (psql client $((M / 1024)) MiB)"
  if [ -z "$BEST_P" ] || awk -v a="$W" -v b="$BEST_P" 'BEGIN { exit !(a < b) }'; then BEST_P=$W; PM=${HWM:-0}; fi
done
sort "$WORK/pg.out" | sed '/^$/d' >"$WORK/pg.rows"

echo
echo "== same numbers?"
SAME=yes
for peer in sqlite pg; do
  if cmp -s "$WORK/dangbo.rows" "$WORK/$peer.rows"; then
    echo "dangbo = $peer: $(wc -l <"$WORK/dangbo.rows") rows identical"
  else
    SAME=no
    echo "dangbo differs from $peer:"
    diff "$WORK/dangbo.rows" "$WORK/$peer.rows" | head -20
  fi
done

echo
echo "== summary (members report, $ROOT, depth 2, as of $ASOF)"
printf "%-34s %10s %14s\n" "" "wall (s)" "peak RSS (MiB)"
printf "%-34s %10s %14s\n" "dangbo (warm snapshot, median of 5)" "$DW" "$((DM / 1024))"
printf "%-34s %10s %14s\n" "dangbo (cold: builds the snapshot)" "$CW" "$((CM / 1024))"
printf "%-34s %10s %14s\n" "sqlite3 recursive CTE (best of 2)" "$BEST_S" "$((SM / 1024))"
printf "%-34s %10s %14s\n" "PostgreSQL 15 (best of 3)" "$BEST_P" "$((PM / 1024)) (backend)"
FASTER=$(awk -v a="$BEST_S" -v b="$BEST_P" 'BEGIN { print (a < b) ? a : b }')
echo "speed-up over the faster peer: $(awk -v p="$FASTER" -v d="$DW" 'BEGIN { printf "%.1f", p / d }')x; identical numbers: $SAME"
[ "$SAME" = yes ]
