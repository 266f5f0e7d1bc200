#!/usr/bin/env bash
# Installs the Debian 12 packages dangbo needs to build, test and benchmark.
# Idempotent: packages already present are skipped. Run as root (or with sudo).
set -euo pipefail

BUILD_PKGS=(build-essential cmake pkg-config git
  libsqlite3-dev sqlite3 libpq-dev libmicrohttpd-dev libjansson-dev libsodium-dev
  libutf8proc-dev libicu-dev libxlsxwriter-dev libzip-dev libxml2-dev
  libcairo2-dev libpango1.0-dev fonts-liberation fonts-liberation2 fonts-dejavu-core)
TEST_PKGS=(libcmocka-dev clang libclang-rt-14-dev postgresql poppler-utils python3 curl jq openssl
  chromium nodejs)

want=("${BUILD_PKGS[@]}")
case "${1:-build}" in
  test) want+=("${TEST_PKGS[@]}") ;;
  all) want+=("${TEST_PKGS[@]}" wrk nginx-light hyperfine chromium) ;;
esac

# npm comes with nodejs from some sources, as its own package from Debian's.
if [ "${1:-build}" != build ] && ! command -v npm >/dev/null; then want+=(npm); fi

missing=()
for p in "${want[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then exit 0; fi

SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO=sudo
echo "bootstrap: installing ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
