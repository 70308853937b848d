"""Shared fixtures: the repository, the `dyad` CLI to compare with, the corpora."""

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
EXAMPLES = REPO / "examples" / "articles" / "articles.jsonl"
GUARDIAN = REPO.parent / "shared" / "corpus" / "guardian-2019-syria.jsonl"


def _find_cli():
    if os.environ.get("DYAD_BIN"):
        return Path(os.environ["DYAD_BIN"])
    roots = [Path(os.environ["CARGO_TARGET_DIR"])] if os.environ.get("CARGO_TARGET_DIR") else []
    roots.append(REPO / "target")
    for root in roots:
        for profile in ("release", "debug"):
            candidate = root / profile / "dyad"
            if candidate.is_file():
                return candidate
    found = shutil.which("dyad")
    return Path(found) if found else None


@pytest.fixture(scope="session")
def cli():
    """Runs the dyad CLI; returns its stdout."""
    binary = _find_cli()
    if binary is None:
        pytest.fail("no dyad binary: set DYAD_BIN or build it (cargo build -p dyad)")

    def run(*args, input=None):
        done = subprocess.run(
            [str(binary), *map(str, args)],
            input=input,
            capture_output=True,
            check=False,
        )
        if done.returncode != 0:
            raise AssertionError(f"dyad {' '.join(map(str, args))} failed: {done.stderr.decode()}")
        return done.stdout

    return run


def jsonl(data):
    return [json.loads(line) for line in data.decode().splitlines() if line.strip()]


@pytest.fixture(scope="session")
def coder():
    import dyad

    return dyad.Coder()


@pytest.fixture(scope="session")
def example_lines():
    """The example articles as raw JSONL lines (bytes)."""
    return [line for line in EXAMPLES.read_bytes().splitlines() if line.strip()]


@pytest.fixture(scope="session")
def guardian():
    if not GUARDIAN.is_file():
        pytest.skip(f"{GUARDIAN} is absent (../shared not mounted): Guardian corpus tests skipped")
    return GUARDIAN
