#!/usr/bin/env bash
# The README's main command: creates a realistic demo database if there is
# none (one province, generated from the real 2025 administrative units and
# Vietnamese name frequencies), then prints its organization tree with member
# counts. DANGBO_DB chooses the database (default ./demo.db); DEMO_PROVINCE
# the province (default QN, Quảng Ninh).
set -euo pipefail
BIN=${1:-build/dangbo}
DB=${DANGBO_DB:-demo.db}
PROVINCE=${DEMO_PROVINCE:-QN}
if [ ! -f "$DB" ]; then
  "$BIN" --db "$DB" init
  "$BIN" --db "$DB" demo --province "$PROVINCE" --seed 1
fi
echo
echo "== Cây tổ chức đảng và số đảng viên ($DB), hai cấp đầu:"
"$BIN" --db "$DB" org tree --depth 2
echo
echo "Thử: $BIN --db $DB member find \"nguyen van\"   |   $BIN --db $DB org tree --as-of 2025-06-30 --depth 1"
