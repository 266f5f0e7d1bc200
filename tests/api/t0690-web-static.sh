#!/usr/bin/env bash
# The web UI's files, built into the binary (web/dist, cmake/embed.cmake):
#   - served without a session, byte for byte, with the right Content-Type,
#     Cache-Control, a strict Content-Security-Policy and nosniff;
#   - a page address of the single-page UI gets index.html; a missing file
#     is 404; ".." never leaves web/dist;
#   - working with no internet: no file names another host, and the page has
#     no inline script (the policy would refuse it anyway).
. "$(dirname "$0")/lib.sh"
setup_db
start_server
DIST=$(cd "$TESTDATA/../../web/dist" && pwd)

get() { # get PATH: sets STATUS, body in $TMP/body, headers in $TMP/hdr
  STATUS=$(curl -s -o "$TMP/body" -D "$TMP/hdr" -w '%{http_code}' --path-as-is "${URL%/}$1")
}

get /
expect_status "GET /" 200
expect_header "HTML" '^Content-Type: text/html; charset=utf-8'
expect_header "a strict policy" "^Content-Security-Policy: default-src 'self';"
expect_header "nosniff" '^X-Content-Type-Options: nosniff'
expect_header "revalidated" '^Cache-Control: no-cache'
if grep -qi 'unsafe-inline\|unsafe-eval' "$TMP/hdr"; then bad "the policy allows inline code"; else ok; fi
if cmp -s "$TMP/body" "$DIST/index.html"; then ok; else bad "/ is not web/dist/index.html"; fi

n=0
while IFS= read -r f; do
  rel=${f#"$DIST"}
  get "$rel"
  n=$((n + 1))
  if [ "$STATUS" = 200 ] && cmp -s "$TMP/body" "$f"; then ok; else bad "$rel: status $STATUS or other bytes"; fi
  case $rel in
  *.js) expect_header "$rel type" '^Content-Type: text/javascript; charset=utf-8' ;;
  *.css) expect_header "$rel type" '^Content-Type: text/css; charset=utf-8' ;;
  *.svg) expect_header "$rel type" '^Content-Type: image/svg\+xml' ;;
  *.html) expect_header "$rel type" '^Content-Type: text/html' ;;
  esac
  # offline: no other host named anywhere (the SVG namespace is a name, not a fetch)
  if grep -v 'http://www.w3.org/2000/svg' "$f" | grep -qE 'https?://|//cdn|fonts\.googleapis'; then
    bad "$rel names another host"
  else ok; fi
done < <(find "$DIST" -type f | sort)
[ "$n" -ge 10 ] && ok || bad "only $n files in web/dist"

# no inline script, no inline style attribute in the page
if grep -o '<script[^>]*>' "$DIST/index.html" | grep -qv ' src='; then bad "inline script"; else ok; fi
if grep -q ' style=' "$DIST/index.html"; then bad "inline style"; else ok; fi

get /dang-vien
expect_status "a page of the UI" 200
if cmp -s "$TMP/body" "$DIST/index.html"; then ok; else bad "a page address does not get index.html"; fi
get /js/khong-co.js
expect_status "a missing file" 404
get /../CMakeLists.txt
expect_status "no way out of web/dist" "400|404"
get /js/../../CMakeLists.txt
expect_status "no way out of web/dist (deeper)" "400|404"
expect_body_lacks "no file from outside" "cmake_minimum_required"

finish
