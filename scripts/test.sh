#!/usr/bin/env bash
# Runs every test of the project: the README's test command, and what CI calls.
# Tests that read ../shared (seeds, gold sets, corpus) skip with a clear message
# when it is absent.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -d ../shared ]; then
  echo "NOTE: ../shared is absent: tests over the shared seeds, gold sets and corpus will skip."
fi
[ -f data/gazetteer/gazetteer.bin ] || bash scripts/build-gazetteer.sh  # GeoNames gazetteer (dyad-geo)
cargo test --workspace --all-targets
# The Python package and the Spark example (a fresh venv; pip install ./python; pytest).
bash scripts/test-python.sh
# Browser end-to-end tests of the dashboard (installs Debian chromium and npm packages when missing).
bash scripts/e2e.sh
