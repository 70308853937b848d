"""dyad.Store, and events coded in Python (e.g. by Spark) loaded back with
`dyad ingest --events`: the same database content as a normal ingest."""

import csv
import io
import json

import pyarrow.parquet as pq
import pytest

import dyad
from conftest import EXAMPLES, jsonl


def export(cli, db, *extra):
    out = db.with_name(db.name + "".join(extra) + ".csv")
    cli("export", "--db", db, "--format", "csv", "-o", out, *extra)
    return out.read_text()


def csv_ids(text):
    return sorted(int(r["id"]) for r in csv.DictReader(io.StringIO(text)))


def test_export_columns_are_the_cli_exports(cli, tmp_path):
    db = tmp_path / "cli.db"
    cli("ingest", EXAMPLES, "--db", db)
    header = export(cli, db).splitlines()[0].split(",")
    assert header == dyad.EXPORT_SCHEMA.names
    assert dyad.EVENT_SCHEMA.names[: len(header)] == header


def test_coded_rows_equal_the_stored_rows(cli, coder, example_lines, tmp_path):
    """code_arrow's export columns are those the store will export."""
    db = tmp_path / "cli.db"
    cli("ingest", EXAMPLES, "--db", db)
    stored = list(csv.DictReader(io.StringIO(export(cli, db))))
    table = coder.code_arrow(example_lines)
    # code_arrow follows dyad code's default output (resolved sides, not
    # background); the store keeps and exports every asserted or reported
    # event, so the coded rows are a subset of the exported ones
    ids = table["id"].to_pylist()
    assert ids and set(ids) <= {int(r["id"]) for r in stored}
    by_id = {int(r["id"]): r for r in stored}
    for row in table.to_pylist():
        want = by_id[row["id"]]
        for col in ("plover", "cameo", "source_code", "target_code", "factuality", "place_name", "doc_id", "trigger", "rule"):
            assert (row[col] or "") == want[col], col
        assert str(row["date"]) == want["date"]


def test_store_ingest_equals_cli_ingest(cli, coder, example_lines, tmp_path):
    ours, theirs = tmp_path / "py.db", tmp_path / "cli.db"
    cli("ingest", EXAMPLES, "--db", theirs)
    store = dyad.Store(ours)
    stats = store.ingest(example_lines, coder=coder)
    assert stats["stored"] == len(example_lines) and stats["errors"] == 0
    again = store.ingest(example_lines, coder=coder)
    assert again["skipped"] == len(example_lines) and again["stored"] == 0
    for extra in ([], ["--merged"]):
        assert export(cli, ours, *extra) == export(cli, theirs, *extra)
    merged = store.events(merged=True)
    assert merged.schema == dyad.EXPORT_SCHEMA
    assert sorted(merged["id"].to_pylist()) == csv_ids(export(cli, theirs, "--merged"))
    assert store.events(source="RUS").num_rows > 0
    assert len(store.events_pandas(merged=True)) == merged.num_rows
    timeline = store.timeline("RUS", "PRK", by="month")
    assert timeline and all({"period", "events"} <= set(b) for b in timeline)
    with pytest.raises(TypeError):
        store.events(colour="red")
    assert store.counts()["documents"] == len(example_lines)


def test_store_records_bad_documents(coder, tmp_path):
    store = dyad.Store(tmp_path / "e.db")
    stats = store.ingest([b"{broken", "Russia attacked Ukraine on Monday."], coder=coder, date="2024-01-03")
    assert stats["errors"] == 1 and stats["stored"] == 1
    assert [e["stage"] for e in store.errors()] == ["read"]


def test_events_coded_in_python_import_like_a_normal_ingest(cli, coder, example_lines, tmp_path):
    quiet = b'{"id": "quiet", "date": "2024-01-01", "text": "The weather was mild."}'
    lines = example_lines + [quiet]
    source = tmp_path / "articles.jsonl"
    source.write_bytes(b"\n".join(lines) + b"\n")
    table = coder.code_arrow(lines, documents=True)
    # two files, as a Spark job writes part files
    half = table.num_rows // 2
    # keep each document's rows in one file
    while half < table.num_rows and table["document"][half].as_py() is None:
        half += 1
    out = tmp_path / "events"
    out.mkdir()
    pq.write_table(table.slice(0, half), out / "part-0.parquet")
    pq.write_table(table.slice(half), out / "part-1.parquet", compression="none")
    (out / "_SUCCESS").write_text("")
    imported, normal = tmp_path / "imported.db", tmp_path / "normal.db"
    cli("ingest", "--events", out, "--db", imported)
    cli("ingest", source, "--db", normal)
    for extra in ([], ["--merged"], ["--all-factualities"]):
        assert export(cli, imported, *extra) == export(cli, normal, *extra)
    stats = cli("ingest", "--events", out, "--db", imported, "--json")
    assert b'"stored":0' in stats
    # through the Python API too
    store = dyad.Store(tmp_path / "py-import.db")
    assert store.import_events(out)["stored"] == len(lines)
    assert store.counts() == dyad.Store(normal).counts()


def test_import_refuses_rows_without_documents(cli, coder, example_lines, tmp_path):
    table = coder.code_arrow(example_lines)  # no documents=True
    path = tmp_path / "events.parquet"
    pq.write_table(table, path)
    db = tmp_path / "x.db"
    stats = json.loads(cli("ingest", "--events", path, "--db", db, "--json"))
    # per-document errors, as for any ingest: recorded, the run goes on
    assert stats["stored"] == 0 and stats["errors"] == len(example_lines)
    errors = jsonl(cli("errors", "--db", db, "--json"))
    assert all(e["stage"] == "import" and "document row" in e["message"] for e in errors)
