"""Throughput of the Python package on a JSONL corpus, to compare with
`dyad bench code CORPUS --threads 1 --repeat N` (docs/scale.md).

    python python/bench.py CORPUS.jsonl [REPEAT]

One untimed warm-up pass (as `dyad bench code`), then REPEAT passes of each
method on one thread; reports articles per second and per CPU-second (CPU
time is robust to other jobs on the machine).
"""

import json
import sys
import time

import dyad


def main():
    corpus = sys.argv[1]
    repeat = int(sys.argv[2]) if len(sys.argv) > 2 else 5
    with open(corpus, "rb") as f:
        lines = [line for line in f.read().splitlines() if line.strip()]
    coder = dyad.Coder()
    coder.code(lines, threads=1)
    methods = [
        ("code", lambda: coder.code(lines, threads=1)),
        ("code(dicts)", lambda: coder.code([json.loads(l) for l in lines], threads=1)),
        ("code_arrow", lambda: coder.code_arrow(lines, threads=1)),
        ("code_arrow(documents)", lambda: coder.code_arrow(lines, threads=1, documents=True)),
    ]
    for name, run in methods:
        cpu0, wall0 = time.process_time(), time.perf_counter()
        rows = sum(len(run()) for _ in range(repeat))
        cpu, wall = time.process_time() - cpu0, time.perf_counter() - wall0
        docs = len(lines) * repeat
        print(
            f"{name}: {docs} articles, {rows} rows, wall {wall:.2f} s = {docs / wall:.0f}/s, "
            f"CPU {cpu:.2f} s = {docs / cpu:.0f} per CPU-second"
        )


if __name__ == "__main__":
    main()
