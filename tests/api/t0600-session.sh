#!/usr/bin/env bash
# Sessions (contract §5): login opens a session cookie (HttpOnly,
# SameSite=Strict, not Secure without TLS) and gives a CSRF token; a change
# without the token is refused; logins are throttled after failures; logout
# ends the session. Logins and logouts are in the audit log.
. "$(dirname "$0")/lib.sh"
setup_db
start_server

# the OpenAPI document is public; everything else needs a session
call anon GET /openapi.json
expect_status "openapi.json without a session" 200
expect_jq "openapi version" .openapi 3.0.3
call anon GET /me
expect_status "me without a session" 401
expect_jq "401 body" .error.status 401

# a bad password, an unknown login: 401, same message
json anon POST /session '{"login":"bc","password":"sai-mat-khau"}'
expect_status "wrong password" 401
expect_jq "wrong password message" .error.message "wrong login or password"
json anon POST /session '{"login":"nobody","password":"whatever-it-is"}'
expect_status "unknown login" 401
expect_jq "unknown login message" .error.message "wrong login or password"
json anon POST /session '{"login":"bc"}'
expect_status "no password" 400
expect_jq "no password: the field" '.error.problems[0].column' password

# login: cookie flags and the CSRF token
login bc
expect_header "cookie is HttpOnly" '^Set-Cookie: dangbo_session=[0-9a-f]{64}; .*HttpOnly'
expect_header "cookie is SameSite=Strict" '^Set-Cookie: .*SameSite=Strict'
if grep -qi '^Set-Cookie: .*Secure' "$TMP/hdr"; then bad "cookie Secure without TLS"; else ok; fi
expect_jq "csrf token" '.csrf_token | test("^[0-9a-f]{64}$")' true
expect_jq "user role" .user.role staff
expect_jq "user scope" .user.org QN.BC
call bc GET /me
expect_status "me" 200
expect_jq "me login" .user.login bc
expect_jq "me csrf token is the login's" .csrf_token "$(cat "$TMP/csrf.bc")"
expect_jq "me scope is not everything" .scope_is_everything false

# CSRF: a change without the header, or with a wrong one, is refused
cp "$TMP/csrf.bc" "$TMP/csrf.keep"
: >"$TMP/csrf.bc"
json bc POST /orgs/QN.HL.02/rename '{"date":"2026-11-01","name":"Chi bộ Trường THCS Bãi Cháy mới"}'
expect_status "change without X-CSRF-Token" 403
expect_jq "CSRF message" '.error.message | test("X-CSRF-Token")' true
echo 0000000000000000000000000000000000000000000000000000000000000000 >"$TMP/csrf.bc"
json bc POST /orgs/QN.HL.02/rename '{"date":"2026-11-01","name":"Chi bộ Trường THCS Bãi Cháy mới"}'
expect_status "change with a wrong X-CSRF-Token" 403
cp "$TMP/csrf.keep" "$TMP/csrf.bc"
call bc GET /orgs/QN.HL.02
expect_jq "nothing renamed without the token" .name "Chi bộ Trường THCS Bãi Cháy"
json bc POST /orgs/QN.HL.02/rename '{"date":"2026-11-01","name":"Chi bộ Trường THCS Bãi Cháy mới"}'
expect_status "change with the token" 200
expect_jq "renamed" .name "Chi bộ Trường THCS Bãi Cháy mới"
# a forged cookie is no session
curl -s -o "$TMP/body" -w '%{http_code}' -b "dangbo_session=$(printf '%064d' 7)" "$BASE/me" >"$TMP/st"
STATUS=$(cat "$TMP/st")
expect_status "a forged cookie" 401

# throttling: 5 failures for a login in 15 minutes lock it, even for the
# right password, with Retry-After; other logins are not locked
for i in 1 2 3 4 5; do
  json anon POST /session '{"login":"ubview","password":"not-the-password"}'
done
expect_status "fifth failure" 401
json anon POST /session '{"login":"ubview","password":"matkhau-ubview"}'
expect_status "locked after 5 failures, right password" 429
expect_header "Retry-After" '^Retry-After: (8[0-9][0-9]|900)'
expect_jq "retry_after in the body" '.error.retry_after > 800' true
login ub
expect_status "another login is not locked" 200

# logout ends the session; the cookie is cleared
OLD_COOKIE=$(awk '$6 == "dangbo_session" {print $7}' "$TMP/jar.bc")
[ ${#OLD_COOKIE} -eq 64 ] && ok || bad "session cookie in the jar: [$OLD_COOKIE]"
call bc DELETE /session
expect_status "logout" 204
expect_header "cookie cleared" '^Set-Cookie: dangbo_session=; .*Max-Age=0'
STATUS=$(curl -s -o "$TMP/body" -w '%{http_code}' -b "dangbo_session=$OLD_COOKIE" "$BASE/me")
expect_status "the old cookie after logout" 401

# the audit log has the logins, the logout and the rename, and is whole
"$DANGBO" audit log --limit 50 >"$TMP/audit" 2>&1
if grep -q $'web:bc\torg.rename\torg:QN.HL.02' "$TMP/audit"; then ok; else bad "rename not audited as web:bc"; cat "$TMP/audit" >&2; fi
if grep -q $'session.open\tsession:bc' "$TMP/audit"; then ok; else bad "login not audited"; fi
if grep -q $'session.close\tsession:bc' "$TMP/audit"; then ok; else bad "logout not audited"; fi
"$DANGBO" audit verify >"$TMP/out" 2>&1
if [ $? -eq 0 ]; then ok; else bad "audit verify"; cat "$TMP/out" >&2; fi

finish
