"""dyad: political event data from news text, in Python.

Who did what to whom, when and where: PLOVER/CAMEO events with resolved
actors, event dates, places and provenance, coded by dyad's Rust engine
(the same code as the ``dyad`` command-line tool, running in this process).

Quick start::

    import dyad
    coder = dyad.Coder()                       # loads knowledge once (~0.1 s)
    events = coder.code(
        ["Russia and North Korea signed a defence pact in Pyongyang on Wednesday."],
        date="2024-06-19",
    )                                          # list of dicts, as `dyad code --format jsonl`
    table = coder.code_arrow(records)          # pyarrow.Table (schema: dyad.EVENT_SCHEMA)
    df = coder.code_pandas(records)            # pandas.DataFrame

    store = dyad.Store("events.db")            # a dyad database (as `dyad ingest --db`)
    store.ingest(records, coder=coder)
    store.events(merged=True, source="RUS")    # pyarrow.Table (schema: dyad.EXPORT_SCHEMA)
    store.timeline("RUS", "PRK", by="month")

Inputs (``texts_or_records``): a ``str`` is one document's plain text; a
``dict`` is a record with the fields of a dyad JSONL line (``id``, ``text``
or ``html``, ``title``, ``date``, ``url``, ``source``, ``author``); ``bytes``
are one raw JSONL line, read exactly as ``dyad code file.jsonl`` reads it
(so content hashes, and store ids, equal the CLI's). A pandas DataFrame or
a pyarrow Table of such records is accepted too.

Threads: coding runs on dyad's rayon threads with the GIL released;
``threads=None`` uses one per core, ``threads=1`` codes on the calling thread.

Errors: a document that cannot be read or coded never raises; it becomes an
error row (``{"error": ..., "stage": ..., "input": i, "doc_id": ...}`` from
``code()``, a row with ``error`` set from ``code_arrow()``). ``DyadError`` is
raised only for failures of the call itself (bad arguments, knowledge or a
database that cannot be loaded).
"""

import datetime as _datetime
import gc as _gc
import json as _json
import os as _os
import warnings as _warnings
from pathlib import Path as _Path

from . import _dyad
from ._dyad import DyadError

__version__ = _dyad.__version__
__all__ = [
    "Coder",
    "Store",
    "DyadError",
    "EVENT_SCHEMA",
    "EXPORT_SCHEMA",
    "packaged_gazetteer",
    "shared_coder",
]

_PACKAGED_GAZETTEER = _Path(__file__).with_name("gazetteer.bin")


def packaged_gazetteer():
    """Path of the gazetteer shipped in this package, or None."""
    return _PACKAGED_GAZETTEER if _PACKAGED_GAZETTEER.is_file() else None


def __getattr__(name):
    # The schemas need pyarrow: imported on first use only.
    if name in ("EVENT_SCHEMA", "EXPORT_SCHEMA"):
        from . import _schema

        return getattr(_schema, name)
    raise AttributeError(f"module 'dyad' has no attribute {name!r}")


def _json_default(value):
    if isinstance(value, (_datetime.date, _datetime.datetime)):
        return value.isoformat()
    if hasattr(value, "isoformat"):  # pandas.Timestamp, numpy datetime64 via pandas
        return value.isoformat()
    if hasattr(value, "item"):  # numpy scalars
        return value.item()
    return str(value)


def _missing(value):
    return value is None or (isinstance(value, float) and value != value)


def _records_of(table_like):
    """Records of a pandas DataFrame or pyarrow Table, else None."""
    if hasattr(table_like, "to_pylist") and hasattr(table_like, "schema"):
        return table_like.to_pylist()
    if hasattr(table_like, "to_dict") and hasattr(table_like, "columns"):
        return table_like.to_dict("records")
    return None


def _inputs(texts_or_records):
    """The extension's inputs: str (text) or bytes (one JSONL record)."""
    if isinstance(texts_or_records, (str, bytes, bytearray, dict)):
        texts_or_records = [texts_or_records]
    records = _records_of(texts_or_records)
    if records is not None:
        texts_or_records = records
    out = []
    for item in texts_or_records:
        if isinstance(item, str):
            out.append(item)
        elif isinstance(item, (bytes, bytearray, memoryview)):
            out.append(bytes(item))
        elif isinstance(item, dict):
            # missing values: None, or NaN from a pandas DataFrame
            record = {k: v for k, v in item.items() if not _missing(v)}
            out.append(
                _json.dumps(record, ensure_ascii=False, default=_json_default).encode()
            )
        else:
            raise TypeError(
                f"cannot code a {type(item).__name__}: give str (text), dict (record) "
                "or bytes (a JSONL line)"
            )
    return out


def _date(date):
    if date is None:
        return None
    if isinstance(date, (_datetime.date, _datetime.datetime)):
        return date.strftime("%Y-%m-%d")
    return str(date)


class Coder:
    """dyad's event coder with its knowledge loaded (once; thread-safe).

    ``lexicon_dirs``: extra knowledge directories (as ``dyad --lexicon DIR``).
    ``gazetteer``: path of a gazetteer file; ``None`` uses ``$DYAD_GAZETTEER``,
    else the one shipped in this package, else dyad's default search; ``False``
    codes without one (places from datelines and actor countries only).
    """

    def __init__(self, lexicon_dirs=None, gazetteer=None):
        dirs = [str(d) for d in (lexicon_dirs or [])]
        places = gazetteer is not False
        path = None
        if places and gazetteer is not None:
            path = str(gazetteer)
        elif places and not _os.environ.get("DYAD_GAZETTEER") and packaged_gazetteer():
            path = str(packaged_gazetteer())
        self._coder = _dyad._Coder(dirs, path, places)
        for warning in self._coder.warnings:
            # as the CLI prints "warning: ..." (e.g. no gazetteer: no place names)
            _warnings.warn(f"dyad: {warning}", RuntimeWarning, stacklevel=2)

    @property
    def warnings(self):
        """Non-fatal problems met while loading (e.g. no gazetteer found)."""
        return list(self._coder.warnings)

    def code(self, texts_or_records, date=None, threads=None, all_factuality=False):
        """Codes documents; returns event dicts identical to ``dyad code --format jsonl``.

        ``date``: publication date of every document (``YYYY-MM-DD`` or a
        ``datetime.date``), as ``--date``. ``all_factuality``: every event, as
        ``dyad code --all`` (also negated, hypothetical, intended, denied and
        background events, and those with an unresolved side).
        A document that fails gives one dict with an ``error`` key instead.
        """
        inputs = _inputs(texts_or_records)
        # Building the result creates many dicts at once; CPython's cyclic
        # GC would scan the growing list again and again (it cannot hold
        # cycles), so it pauses meanwhile.
        collecting = _gc.isenabled()
        _gc.disable()
        try:
            return self._coder.code_objects(inputs, _date(date), threads, all_factuality)
        finally:
            if collecting:
                _gc.enable()

    def code_arrow(
        self, texts_or_records, date=None, threads=None, all_factuality=False, documents=False
    ):
        """Codes documents; returns a ``pyarrow.Table`` of ``dyad.EVENT_SCHEMA``.

        The rows are the events ``code()`` returns (``dyad code``'s default
        output), with the columns ``dyad export`` writes; ``all_factuality``
        keeps every event. ``documents=True`` adds each document in portable form (and keeps
        every factuality), so the table can be stored with ``dyad ingest
        --events FILE.parquet`` or ``Store.import_events``.
        """
        from . import _schema

        data = self._coder.code_rows(
            _inputs(texts_or_records), _date(date), threads, all_factuality, documents
        )
        return _schema.read_rows(data, _schema.EVENT_SCHEMA)

    def code_pandas(self, texts_or_records, date=None, threads=None, all_factuality=False):
        """As ``code_arrow``, as a ``pandas.DataFrame``."""
        return self.code_arrow(texts_or_records, date, threads, all_factuality).to_pandas()


_SHARED = {}


def shared_coder(lexicon_dirs=None, gazetteer=None):
    """A ``Coder`` made once per process for these arguments and reused.

    For code that runs many small tasks in long-lived worker processes
    (Spark's ``mapInArrow``, multiprocessing pools): knowledge is loaded on
    the first call only. The cache lives in this module, so it survives
    between tasks where a global of a pickled function would not.
    """
    key = (tuple(str(d) for d in (lexicon_dirs or [])), gazetteer)
    coder = _SHARED.get(key)
    if coder is None:
        coder = _SHARED[key] = Coder(lexicon_dirs, gazetteer)
    return coder


_FILTER_KEYS = (
    "source",
    "target",
    "plover",
    "cameo",
    "since",
    "until",
    "place",
    "min_articles",
    "limit",
)


class Store:
    """A dyad database (SQLite), as ``dyad ingest/events/timeline --db PATH`` use it."""

    def __init__(self, path):
        self._store = _dyad._Store(str(path))

    @property
    def path(self):
        return _Path(self._store.path)

    def ingest(self, texts_or_records, coder=None, date=None, threads=None, batch_size=None):
        """Codes and stores documents (idempotent per content; merged across
        articles); returns the run's figures. Failed documents are listed by
        ``errors()``."""
        coder = coder or shared_coder()
        stats = self._store.ingest(
            coder._coder, _inputs(texts_or_records), _date(date), threads, batch_size
        )
        return _json.loads(stats)

    def import_events(self, paths, threads=None):
        """Stores documents coded elsewhere: Parquet files or directories of
        ``Coder.code_arrow(..., documents=True)`` tables (e.g. the Spark job
        in ``examples/spark``), as ``dyad ingest --events``."""
        if isinstance(paths, (str, _os.PathLike)):
            paths = [paths]
        return _json.loads(self._store.import_parquet([str(p) for p in paths], threads))

    @staticmethod
    def _filter(merged, factual_only, dyad=None, **filters):
        unknown = set(filters) - set(_FILTER_KEYS)
        if unknown:
            raise TypeError(f"unknown filter(s) {sorted(unknown)}; known: {_FILTER_KEYS}")
        spec = {"merged": bool(merged), "factual_only": bool(factual_only)}
        for key, value in filters.items():
            if value is None:
                continue
            spec[key] = _date(value) if key in ("since", "until") else value
        if dyad is not None:
            spec["dyad"] = list(dyad)
        return _json.dumps(spec)

    def events(self, merged=False, factual_only=True, **filters):
        """Events (or merged events) as a ``pyarrow.Table`` of ``dyad.EXPORT_SCHEMA``.

        Filters as ``dyad events``: ``source``, ``target``, ``plover``,
        ``cameo``, ``since``, ``until``, ``place``, ``min_articles``, ``limit``.
        """
        from . import _schema

        data = self._store.event_rows(self._filter(merged, factual_only, **filters))
        return _schema.read_rows(data, _schema.EXPORT_SCHEMA)

    def events_pandas(self, merged=False, factual_only=True, **filters):
        """As ``events``, as a ``pandas.DataFrame``."""
        return self.events(merged, factual_only, **filters).to_pandas()

    def timeline(self, a, b, by="month", merged=True, **filters):
        """Events between actors ``a`` and ``b`` (either direction) per
        ``day``, ``week`` or ``month``: a list of dicts (period, events,
        by_type, by_quad, mean_goldstein), as ``dyad timeline --json``."""
        spec = self._filter(merged, True, dyad=(a, b), **filters)
        return _json.loads(self._store.timeline(spec, by))

    def errors(self):
        """Documents that failed, as ``dyad errors --json``."""
        return _json.loads(self._store.errors_json())

    def counts(self):
        """``{"documents": n, "events": n, "merged_events": n}`` stored."""
        docs, events, merged = self._store.counts()
        return {"documents": docs, "events": events, "merged_events": merged}
