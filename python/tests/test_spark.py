"""The Spark example in local mode: the Guardian corpus replicated 20 times,
coded with mapInArrow on local[2], gives exactly the CLI's event ids."""

import collections
import importlib.util
import os
import shutil
import sys

import pyarrow.parquet as pq
import pytest

from conftest import REPO, jsonl

COPIES = 20


def load_example():
    spec = importlib.util.spec_from_file_location("dyad_spark", REPO / "examples" / "spark" / "dyad_spark.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def spark():
    pytest.importorskip("pyspark")
    if not shutil.which("java") and not os.environ.get("JAVA_HOME"):
        pytest.skip("no Java: install openjdk-17-jre-headless (scripts/test-python.sh does)")
    from pyspark.sql import SparkSession

    os.environ["PYSPARK_PYTHON"] = sys.executable
    os.environ["PYSPARK_DRIVER_PYTHON"] = sys.executable
    session = (
        SparkSession.builder.master("local[2]")
        .appName("dyad-test")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "4")
        .config("spark.driver.memory", "1g")
        .getOrCreate()
    )
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()


def test_spark_codes_the_replicated_corpus_like_the_cli(spark, guardian, cli, tmp_path):
    lines = [l for l in guardian.read_bytes().splitlines() if l.strip()]
    source = tmp_path / "corpus.jsonl"
    source.write_bytes(b"\n".join(lines * COPIES) + b"\n")
    expected = collections.Counter(e["id"] for e in jsonl(cli("code", guardian, "--format", "jsonl", "--all-factuality")))
    assert expected

    example = load_example()
    out = tmp_path / "events"
    example.code_articles(spark, source, out, partitions=4)

    table = pq.read_table(out)
    assert table.filter(table["error"].is_valid()).num_rows == 0
    got = collections.Counter(i for i in table["event_id"].to_pylist() if i is not None)
    # the same ids, each once per copy
    assert set(got) == set(expected)
    assert got == collections.Counter({i: n * COPIES for i, n in expected.items()})
    # every copy of every document travelled with its document
    assert table.filter(table["document"].is_valid()).num_rows == len(lines) * COPIES


def test_spark_reads_parquet_articles(spark, cli, example_lines, tmp_path):
    import json

    import pyarrow as pa

    records = [json.loads(l) for l in example_lines]
    articles = tmp_path / "articles.parquet"
    pq.write_table(pa.Table.from_pylist(records), articles)
    example = load_example()
    out = tmp_path / "events"
    example.code_articles(spark, articles, out)
    table = pq.read_table(out)
    from conftest import EXAMPLES

    expected = {e["id"] for e in jsonl(cli("code", EXAMPLES, "--format", "jsonl", "--all-factuality"))}
    assert {i for i in table["event_id"].to_pylist() if i} == expected
