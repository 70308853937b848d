"""Code news articles into dyad events on Spark.

    spark-submit examples/spark/dyad_spark.py ARTICLES OUT [--partitions N] [--date D]

ARTICLES: JSONL (one article a line: id, text or html, title, date, url,
source, ...) or Parquet with those columns, one row per article; a file, a
directory or a glob. OUT: a directory of Parquet part files, one row per
event with the columns of ``dyad.EVENT_SCHEMA`` (documented in
``python/dyad/_schema.py`` and ``docs/scale.md``), every factuality, and
each document in portable form on its first row, so that

    dyad ingest --events OUT --db events.db

stores and merges them exactly as ``dyad ingest ARTICLES`` would.

How: ``mapInArrow`` hands each task its partition as Arrow record batches;
the task codes them with a ``dyad.Coder`` loaded once per executor Python
process (``dyad.shared_coder``; Spark reuses its Python workers) on one
thread (Spark runs one task per core, so parallelism comes from tasks), and
yields Arrow batches of events. JSONL is read as text lines and each line
passed as is, so content hashes (the store's identity) equal the CLI's.

The ``dyad`` wheel must be installed on every executor (see docs/scale.md).
"""

import argparse
import sys
import time


def event_schema_for_spark():
    """``dyad.EVENT_SCHEMA`` as a Spark ``StructType``."""
    import dyad
    from pyspark.sql.pandas.types import from_arrow_schema

    return from_arrow_schema(dyad.EVENT_SCHEMA)


#: Articles coded per call: bounds a worker's memory (a coded article's rows
#: with its document are ~60 KB before Parquet compression) whatever
#: ``spark.sql.execution.arrow.maxRecordsPerBatch`` hands the task.
CHUNK = 256


def make_coder_fn(date=None, threads=1, lexicon_dirs=None, gazetteer=None, documents=True):
    """The ``mapInArrow`` function: Arrow batches of articles → Arrow batches of events."""

    def code_batches(batches):
        import dyad

        coder = dyad.shared_coder(lexicon_dirs, gazetteer)
        for whole in batches:
            for start in range(0, whole.num_rows, CHUNK):
                batch = whole.slice(start, CHUNK)
                if batch.schema.names == ["value"]:
                    # JSONL read as text: the raw lines, read as `dyad` reads a file
                    inputs = [v.encode() for v in batch.column(0).to_pylist() if v and v.strip()]
                else:
                    inputs = batch.to_pylist()
                if not inputs:
                    continue
                table = coder.code_arrow(
                    inputs, date=date, threads=threads, all_factuality=True, documents=documents
                )
                yield from table.to_batches()

    return code_batches


def read_articles(spark, path):
    """Articles as a DataFrame: raw lines for JSONL, columns for Parquet."""
    if str(path).endswith(".parquet") or spark_path_is_parquet(spark, path):
        return spark.read.parquet(str(path))
    return spark.read.text(str(path))


def spark_path_is_parquet(spark, path):
    from pathlib import Path

    p = Path(str(path))
    return p.is_dir() and any(p.glob("*.parquet"))


def code_articles(
    spark, articles, out, partitions=None, date=None, threads=1, documents=True, mode="overwrite"
):
    """Codes ``articles`` (path) into Parquet events at ``out``; returns the seconds taken.

    ``documents=False`` leaves the portable documents out (about three
    quarters of the output bytes): the events are then for analysis only and
    cannot be loaded with ``dyad ingest --events``.
    """
    df = read_articles(spark, articles)
    if partitions:
        df = df.repartition(partitions)
    fn = make_coder_fn(date, threads, documents=documents)
    events = df.mapInArrow(fn, event_schema_for_spark())
    started = time.time()
    events.write.mode(mode).parquet(str(out))
    return time.time() - started


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("articles")
    parser.add_argument("out")
    parser.add_argument("--partitions", type=int, default=None, help="repartition the input")
    parser.add_argument("--date", default=None, help="publication date of every article")
    parser.add_argument("--threads", type=int, default=1, help="coding threads per task")
    parser.add_argument(
        "--no-documents",
        action="store_true",
        help="events only (smaller; cannot be loaded with dyad ingest --events)",
    )
    args = parser.parse_args(argv)
    from pyspark.sql import SparkSession

    spark = SparkSession.builder.appName("dyad-code").getOrCreate()
    seconds = code_articles(
        spark,
        args.articles,
        args.out,
        args.partitions,
        args.date,
        args.threads,
        documents=not args.no_documents,
    )
    print(f"coded {args.articles} into {args.out} in {seconds:.1f} s", file=sys.stderr)
    spark.stop()


if __name__ == "__main__":
    main()
