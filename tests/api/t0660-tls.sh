#!/usr/bin/env bash
# HTTPS (contract §5: --tls-cert/--tls-key): the session cookie is Secure
# under TLS, responses carry Strict-Transport-Security, and the API works
# the same. A missing key file is a clear error.
. "$(dirname "$0")/lib.sh"
command -v openssl >/dev/null || { echo "SKIP: no openssl"; exit 0; }
setup_db
openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj /CN=127.0.0.1 \
  -keyout "$TMP/key.pem" -out "$TMP/cert.pem" 2>/dev/null || { bad "openssl"; finish; exit 1; }

"$DANGBO" serve --listen 127.0.0.1:0 --tls-cert "$TMP/cert.pem" --tls-key "$TMP/nothing.pem" >"$TMP/o" 2>"$TMP/e"
[ $? -ne 0 ] && grep -q "cannot read $TMP/nothing.pem" "$TMP/e" && ok || { bad "missing key file"; cat "$TMP/e" >&2; }
"$DANGBO" serve --listen 127.0.0.1:0 --tls-cert "$TMP/cert.pem" >"$TMP/o" 2>"$TMP/e"
[ $? -eq 2 ] && ok || bad "a certificate without a key is a usage error"
"$DANGBO" serve --listen nowhere >"$TMP/o" 2>"$TMP/e"
[ $? -eq 2 ] && grep -q "is not ADDR:PORT" "$TMP/e" && ok || bad "a bad --listen"

start_server --tls-cert "$TMP/cert.pem" --tls-key "$TMP/key.pem"
case "$URL" in https://*) ok ;; *) bad "the printed address is not https: $URL" ;; esac
json bc POST /session '{"login":"bc","password":"matkhau-bc"}' --cacert "$TMP/cert.pem"
expect_status "login over TLS" 200
expect_header "Secure cookie" '^Set-Cookie: dangbo_session=[0-9a-f]{64}; .*HttpOnly; SameSite=Strict; Secure'
expect_header "HSTS" '^Strict-Transport-Security: max-age='
jq -r .csrf_token "$TMP/body" >"$TMP/csrf.bc"
call bc GET /members/000001QN --cacert "$TMP/cert.pem"
expect_status "a member over TLS" 200
expect_jq "the member" .full_name "Nguyễn Văn An"
# plain HTTP to the TLS port gets no answer
PLAIN="http://${URL#https://}"
code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "${PLAIN}api/v1/openapi.json")
[ "$code" != 200 ] && ok || bad "plain HTTP answered on the TLS port"
finish
