"""Measures the Spark example: throughput on local[N] excluding start-up,
executor memory, and output bytes per article (the figures of docs/scale.md).

    python examples/spark/bench.py CORPUS.jsonl --copies 250 --cores 1 2

The corpus is replicated (each copy's ids suffixed) into a temporary JSONL
file. For each core count a fresh local[N] session first codes a small
warm-up input on N partitions (starting the N Python workers and loading a
coder in each), then the timed job codes the whole input with one coding
thread per task. Prints one JSON line per run.
"""

import argparse
import json
import os
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import dyad_spark  # noqa: E402


def replicate(corpus, copies, out):
    lines = [l for l in Path(corpus).read_bytes().splitlines() if l.strip()]
    with open(out, "wb") as f:
        for c in range(copies):
            for line in lines:
                rec = json.loads(line)
                rec["id"] = f"{rec.get('id', '')}~r{c}"
                f.write(json.dumps(rec).encode() + b"\n")
    return len(lines) * copies


def python_workers_rss_mb(jvm=False):
    """Resident memory of Spark's Python worker processes (or, with `jvm`,
    of the Spark JVM) (Linux), MB each."""
    out = []
    for proc in Path("/proc").iterdir():
        if not proc.name.isdigit():
            continue
        try:
            cmd = (proc / "cmdline").read_bytes().replace(b"\0", b" ")
            if jvm:
                if b"org.apache.spark.deploy.SparkSubmit" not in cmd:
                    continue
            elif b"pyspark.daemon" not in cmd and b"pyspark.worker" not in cmd:
                continue
            for line in (proc / "status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    out.append(int(line.split()[1]) / 1024)
        except OSError:
            continue
    return out


def descendants_cpu_seconds():
    """CPU time (user + system) of every process descended from this one:
    the Spark JVM and its Python workers (Linux)."""
    parent, ticks = {}, {}
    for proc in Path("/proc").iterdir():
        if not proc.name.isdigit():
            continue
        try:
            stat = (proc / "stat").read_text()
        except OSError:
            continue
        fields = stat[stat.rfind(")") + 2 :].split()
        pid = int(proc.name)
        parent[pid] = int(fields[1])
        ticks[pid] = int(fields[11]) + int(fields[12])
    me, total = os.getpid(), 0
    for pid in ticks:
        p = pid
        while p in parent and p != me and p > 1:
            p = parent[p]
        if p == me and pid != me:
            total += ticks[pid]
    return total / os.sysconf("SC_CLK_TCK")


def dir_bytes(path):
    return sum(p.stat().st_size for p in Path(path).rglob("*.parquet"))


def run(corpus_file, docs, cores, workdir, partition_mb, documents=True):
    from pyspark.sql import SparkSession

    os.environ["PYSPARK_PYTHON"] = sys.executable
    spark = (
        SparkSession.builder.master(f"local[{cores}]")
        .appName(f"dyad-bench-{cores}")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.files.maxPartitionBytes", f"{partition_mb}m")
        .config("spark.driver.memory", "2g")
        .getOrCreate()
    )
    spark.sparkContext.setLogLevel("ERROR")
    warm = Path(workdir) / "warm.jsonl"
    with open(corpus_file, "rb") as f:
        warm.write_bytes(b"".join(f.readline() for _ in range(4 * cores)))
    dyad_spark.code_articles(spark, warm, Path(workdir) / f"warm-{cores}", partitions=cores)
    peak, jvm_peak = [], []
    stop = threading.Event()

    def sample():
        while not stop.is_set():
            rss = python_workers_rss_mb()
            if rss:
                peak.append(max(rss))
            jvm_peak.extend(python_workers_rss_mb(jvm=True))
            time.sleep(0.5)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    out = Path(workdir) / f"events-{cores}"
    cpu0 = descendants_cpu_seconds()
    seconds = dyad_spark.code_articles(spark, corpus_file, out, documents=documents)
    cpu = descendants_cpu_seconds() - cpu0
    stop.set()
    sampler.join()
    partitions = spark.read.text(str(corpus_file)).rdd.getNumPartitions()
    spark.stop()
    events = None
    try:
        import pyarrow.parquet as pq

        t = pq.read_table(out, columns=["event_id"])
        events = t.num_rows - t["event_id"].null_count
    except Exception:  # pragma: no cover - figures only
        pass
    return {
        "cores": cores,
        "documents_column": documents,
        "documents": docs,
        "partitions": partitions,
        "seconds": round(seconds, 2),
        "docs_per_second": round(docs / seconds, 1),
        "docs_per_second_per_core": round(docs / seconds / cores, 1),
        "cpu_seconds": round(cpu, 1),
        "docs_per_cpu_second": round(docs / cpu, 1) if cpu else None,
        "python_worker_peak_rss_mb": round(max(peak), 1) if peak else None,
        "jvm_peak_rss_mb": round(max(jvm_peak), 1) if jvm_peak else None,
        "output_bytes": dir_bytes(out),
        "output_bytes_per_article": round(dir_bytes(out) / docs),
        "events": events,
        "load_average": os.getloadavg(),
    }


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("corpus")
    parser.add_argument("--copies", type=int, default=250)
    parser.add_argument("--cores", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--partition-mb", type=int, default=16)
    parser.add_argument("--no-documents", action="store_true", help="events only")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="dyad-spark-bench-") as workdir:
        corpus_file = Path(workdir) / "corpus.jsonl"
        docs = replicate(args.corpus, args.copies, corpus_file)
        results = []
        for cores in args.cores:
            r = run(corpus_file, docs, cores, workdir, args.partition_mb, not args.no_documents)
            results.append(r)
            print(json.dumps(r), flush=True)
        if len(results) >= 2:
            a, b = results[0], results[-1]
            print(json.dumps({"speedup": round(a["seconds"] / b["seconds"], 2), "from_cores": a["cores"], "to_cores": b["cores"]}))


if __name__ == "__main__":
    main()
