"""dyad.Coder against the CLI: same events, Arrow schema, error rows, threads."""

import json
import threading

import pyarrow as pa
import pytest

import dyad
from conftest import EXAMPLES, jsonl

PACT = "Russia and North Korea signed a defence pact in Pyongyang on Wednesday."


def test_the_readme_sentence_gives_the_event(coder, cli):
    events = coder.code([PACT], date="2024-06-19")
    assert events, "no event coded"
    pact = [e for e in events if e["plover"] == "AGREE"] or events
    codes = {a["actor"]["country"] for e in pact for a in e["source"] + e["target"]}
    assert {"RUS", "PRK"} <= codes
    # The same text on the CLI's stdin gives the same records.
    assert events == jsonl(cli("code", "-", "--format", "jsonl", "--date", "2024-06-19", input=PACT.encode()))


def test_a_single_string_is_one_document(coder):
    assert coder.code(PACT, date="2024-06-19") == coder.code([PACT], date="2024-06-19")


@pytest.mark.parametrize("all_factuality", [False, True])
def test_example_articles_equal_the_cli(coder, cli, example_lines, all_factuality):
    args = ["code", EXAMPLES, "--format", "jsonl"] + (["--all-factuality"] if all_factuality else [])
    expected = jsonl(cli(*args))
    assert expected, "the CLI coded nothing"
    # raw JSONL lines, and the same records as dicts
    assert coder.code(example_lines, all_factuality=all_factuality) == expected
    records = [json.loads(line) for line in example_lines]
    assert coder.code(records, all_factuality=all_factuality) == expected


def test_threads_give_the_same_events_in_the_same_order(coder, example_lines):
    inputs = example_lines * 5
    one = coder.code(inputs, threads=1)
    assert one == coder.code(inputs, threads=2) == coder.code(inputs)
    with pytest.raises(dyad.DyadError):
        coder.code(inputs, threads=0)


def test_calls_from_several_python_threads(coder, example_lines):
    expected = coder.code(example_lines, threads=1)
    results = [None] * 4

    def work(i):
        results[i] = coder.code(example_lines, threads=1)

    workers = [threading.Thread(target=work, args=(i,)) for i in range(4)]
    for w in workers:
        w.start()
    for w in workers:
        w.join()
    assert all(r == expected for r in results)


def test_bad_documents_become_error_rows(coder, example_lines):
    inputs = [example_lines[0], b"{not json", {"id": "no-text"}, 17, PACT]
    with pytest.raises(TypeError):
        coder.code(inputs)
    inputs = [example_lines[0], b"{not json", {"id": "no-text"}, b"", PACT]
    rows = coder.code(inputs, date="2024-06-19")
    errors = [r for r in rows if "error" in r]
    assert [e["input"] for e in errors] == [1, 2, 3]
    assert all(e["stage"] == "read" and e["error"] for e in errors)
    events = [r for r in rows if "error" not in r]
    # the good documents are all there
    assert {e["provenance"]["doc_id"] for e in events} >= {"example-001"}
    assert len(events) == len(coder.code([example_lines[0]], date="2024-06-19")) + len(
        coder.code([PACT], date="2024-06-19")
    )
    table = coder.code_arrow(inputs, date="2024-06-19")
    err = table.filter(pa.compute.is_valid(table["error"]))
    assert err["input"].to_pylist() == [1, 2, 3]
    assert err["error_stage"].to_pylist() == ["read"] * 3


def test_arrow_schema_and_values(coder, example_lines):
    table = coder.code_arrow(example_lines)
    assert table.schema == dyad.EVENT_SCHEMA
    events = coder.code(example_lines)
    assert table.num_rows == len(events)
    assert table["event_id"].to_pylist() == [e["id"] for e in events]
    assert [json.loads(s) for s in table["event_json"].to_pylist()] == events
    first = table.slice(0, 1).to_pylist()[0]
    ev = events[0]
    assert first["plover"] == ev["plover"] and first["cameo"] == ev["cameo"]
    assert [a["code"] for a in first["source_actors"]] == [
        (a["actor"]["country"] or "") + "".join(a["actor"]["sectors"]) + ("" if a["actor"]["country"] else a["actor"].get("org") or "")
        for a in ev["source"]
    ]
    assert str(first["date"]) == ev["date"]["date"]
    assert first["merged"] is False and first["num_articles"] == 1
    assert table["document"].null_count == table.num_rows


def test_pandas(coder, example_lines):
    pd = pytest.importorskip("pandas")
    df = coder.code_pandas(example_lines)
    assert isinstance(df, pd.DataFrame)
    assert list(df.columns) == dyad.EVENT_SCHEMA.names
    assert len(df) == len(coder.code(example_lines))
    # a DataFrame of records is an input too
    records = pd.read_json(EXAMPLES, lines=True, dtype={"date": str})
    assert coder.code(records) == coder.code(example_lines)
    # missing values (NaN) are absent fields, not invalid JSON
    records["author"] = float("nan")
    assert coder.code(records) == coder.code(example_lines)


def test_documents_rows_carry_every_document(coder, example_lines):
    quiet = b'{"id": "quiet", "date": "2024-01-01", "text": "The weather was mild."}'
    table = coder.code_arrow(example_lines + [quiet], documents=True)
    docs = table.filter(pa.compute.is_valid(table["document"]))
    assert docs.num_rows == len(example_lines) + 1
    lone = table.filter(pa.compute.equal(table["doc_id"], "quiet"))
    assert lone.num_rows == 1 and lone["event_id"][0].as_py() is None
    # every factuality is kept for the store
    assert table.filter(pa.compute.is_valid(table["event_id"])).num_rows == len(
        coder.code(example_lines, all_factuality=True)
    )


def test_knowledge_options(example_lines):
    bare = dyad.Coder(gazetteer=False)
    assert bare.code(example_lines)
    with pytest.raises(dyad.DyadError):
        dyad.Coder(gazetteer="/nonexistent/gazetteer.bin")
    assert dyad.shared_coder() is dyad.shared_coder()


def test_the_gil_is_released_while_coding(coder, example_lines):
    """Another Python thread runs while the extension codes."""
    ticks = [0]
    done = threading.Event()

    def spin():
        while not done.is_set():
            ticks[0] += 1

    spinner = threading.Thread(target=spin)
    spinner.start()
    try:
        inputs = example_lines * 40
        before = ticks[0]
        coder._coder.code_objects(inputs, None, 1, False)
        during = ticks[0] - before
    finally:
        done.set()
        spinner.join()
    assert during > 1000, f"the spinning thread advanced only {during} times"
