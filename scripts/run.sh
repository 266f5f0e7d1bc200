#!/usr/bin/env bash
# The README's main command: creates a realistic demo database if there is
# none (one province, generated from the real 2025 administrative units and
# Vietnamese name frequencies), then prints its organization tree with member
# counts, and starts the server (dangbo serve) with a demo login. DANGBO_DB
# chooses the database (default ./demo.db); DEMO_PROVINCE the province
# (default QN, Quảng Ninh); DANGBO_LISTEN the address (default 127.0.0.1:8080).
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

# The server, with a demo administrator of the whole tree (docs/accounts.md).
LISTEN=${DANGBO_LISTEN:-127.0.0.1:8080}
if ! "$BIN" --db "$DB" user list 2>/dev/null | grep -q '^admin'; then
  ROOT=$("$BIN" --db "$DB" org tree --depth 0 | awk 'NR == 1 {print $1}')
  echo "demo-admin" | "$BIN" --db "$DB" user add admin --role admin --org "$ROOT"
fi
echo
echo "== Máy chủ: http://$LISTEN/  (API: /api/v1/openapi.json)"
echo "   Đăng nhập thử: admin / demo-admin   (Ctrl-C để dừng)"
exec "$BIN" --db "$DB" serve --listen "$LISTEN"
