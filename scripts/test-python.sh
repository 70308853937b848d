#!/usr/bin/env bash
# Tests of the Python package (python/) and the Spark example (examples/spark/),
# called by scripts/test.sh. Installs the package the way the README says
# (`pip install ./python`: a release build of the extension with maturin) into a
# fresh virtual environment with pytest, pyarrow, pandas and pyspark from PyPI,
# then runs python/tests against the `dyad` CLI (DYAD_BIN, else target/debug/dyad,
# built when missing). Java 17 for Spark comes from Debian apt when missing; the
# Spark tests skip when neither it nor pyspark can be had, and the Guardian-corpus
# tests when ../shared is absent. Prints how long each part took.
#
# Environment: DYAD_PY_VENV (default target/python-venv, recreated each run),
# DYAD_BIN, CARGO_TARGET_DIR (shared with the workspace build when set).
set -euo pipefail
cd "$(dirname "$0")/.."
repo="$PWD"
t0=$(date +%s)
lap() { echo "test-python: $1 ($(( $(date +%s) - t0 ))s so far)"; }

python="${PYTHON:-python3}"
venv="${DYAD_PY_VENV:-$repo/target/python-venv}"
target="${CARGO_TARGET_DIR:-$repo/target}"

[ -f data/gazetteer/gazetteer.bin ] || bash scripts/build-gazetteer.sh

if ! command -v java >/dev/null 2>&1 && [ -z "${JAVA_HOME:-}" ]; then
  if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
    echo "test-python: installing Java for Spark (Debian openjdk-17-jre-headless)"
    apt-get install -y -qq openjdk-17-jre-headless >/dev/null \
      || { apt-get update -qq && apt-get install -y -qq openjdk-17-jre-headless >/dev/null; } \
      || echo "NOTE: could not install Java: the Spark tests will skip."
  else
    echo "NOTE: no Java and no apt-get as root: the Spark tests will skip."
  fi
fi

# The extension crate is outside the workspace (python/Cargo.toml): lint it here,
# in the workspace's target directory so that the dyad crates and dependencies
# already checked by CI's workspace clippy are reused (python/Cargo.lock pins the
# same versions as Cargo.lock).
export PYO3_PYTHON="$(command -v "$python")"
export CARGO_TARGET_DIR="$target"
cargo fmt --manifest-path python/Cargo.toml -- --check
cargo clippy --manifest-path python/Cargo.toml --all-targets -- -D warnings
lap "extension linted"

dyad_bin="${DYAD_BIN:-$target/debug/dyad}"
if [ ! -x "$dyad_bin" ]; then
  cargo build -p dyad
fi
export DYAD_BIN="$dyad_bin"

rm -rf "$venv"
"$python" -m venv "$venv"
"$venv/bin/python" -m pip install --quiet --upgrade pip
"$venv/bin/python" -m pip install --quiet pytest "pyarrow>=14" "pandas>=2,<3" "pyspark>=4.0,<4.1"
lap "test dependencies installed"
# The documented install command (a release build of the extension, into the
# same target directory).
"$venv/bin/python" -m pip install --quiet ./python
lap "pip install ./python done"

# From outside the clone: the installed package must not need the checkout.
outside="$(mktemp -d)"
(cd "$outside" && "$venv/bin/python" -c "
import dyad
assert dyad.packaged_gazetteer(), 'the wheel carries no gazetteer'
coder = dyad.Coder()
assert not coder.warnings, coder.warnings
events = coder.code(['Russia and North Korea signed a defence pact in Pyongyang on Wednesday.'], date='2024-06-19')
assert events, 'no event'
print('test-python: from outside the clone:', events[0]['plover'], [a['actor']['country'] for a in events[0]['source']], '->', [a['actor']['country'] for a in events[0]['target']], 'in', (events[0].get('place') or {}).get('name'))
")
rmdir "$outside"

"$venv/bin/python" -m pytest -q python/tests
lap "pytest done"
