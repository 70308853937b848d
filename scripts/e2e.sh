#!/usr/bin/env bash
# Browser end-to-end tests: Debian's chromium driven by playwright-core from npm
# against a real `dyad serve`. Installs what it needs (apt chromium, npm packages);
# never downloads a browser build of its own.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -x /usr/bin/chromium ]; then
  echo "e2e: installing Debian's chromium (apt)"
  if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null
fi
(cd web && npm ci --no-audit --no-fund --loglevel=error)
cargo build -p dyad
mkdir -p artifacts
DYAD_BIN="$PWD/target/debug/dyad" node --test web/e2e/
