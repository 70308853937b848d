"""The Arrow schema of dyad's event tables (``Coder.code_arrow``, ``Store.events``).

One row per event. The first columns are those of ``dyad export --format
csv|parquet`` (``dyad_store::EventRow``), in the same order and with the same
meaning; a freshly coded event has the values it will have once stored
(``id`` is the store's event id, ``merged`` is false, ``merged_id`` null,
``num_*`` are 1, ``first_report``/``last_report`` the publication date).

``CODED_FIELDS`` follow, only in ``code_arrow`` tables:

- ``event_id``: the coder's id (``id`` in ``dyad code --format jsonl``);
- ``content_hash``: the document's content hash (the store's identity);
- ``input``: index of the input document in the call;
- ``source_actors``, ``target_actors``: every actor of the role (compound
  actors such as "Russia and China" have several), nested;
- ``attributed_to``: actor code of whom the report is attributed to;
- ``event_json``: the event exactly as ``dyad code --format jsonl`` prints it;
- ``document``: with ``documents=True``, the document in portable form on its
  first row (for ``dyad ingest --events``); a document without events then
  has a row of its own with a null ``event_id``;
- ``error``, ``error_stage``: set on the one row of a document that could
  not be read or coded (its other columns are null except ``input`` and,
  when known, ``doc_id``).
"""

import pyarrow as pa

ACTOR = pa.struct(
    [
        ("code", pa.string()),
        ("name", pa.string()),
        ("country", pa.string()),
        ("sectors", pa.list_(pa.string())),
        ("org", pa.string()),
        ("role", pa.string()),
        ("person_id", pa.string()),
        ("text", pa.string()),
        ("start", pa.int64()),
        ("end", pa.int64()),
    ]
)

#: Columns of ``dyad export --format csv|parquet``, in order.
EXPORT_FIELDS = [
    ("id", pa.int64()),
    ("merged", pa.bool_()),
    ("merged_id", pa.int64()),
    ("plover", pa.string()),
    ("mode", pa.string()),
    ("contexts", pa.string()),
    ("cameo", pa.string()),
    ("goldstein", pa.float64()),
    ("quad_class", pa.int32()),
    ("source_code", pa.string()),
    ("source_name", pa.string()),
    ("source_country", pa.string()),
    ("source_sectors", pa.string()),
    ("source_org", pa.string()),
    ("target_code", pa.string()),
    ("target_name", pa.string()),
    ("target_country", pa.string()),
    ("target_sectors", pa.string()),
    ("target_org", pa.string()),
    ("factuality", pa.string()),
    ("date", pa.date32()),
    ("date_start", pa.date32()),
    ("date_end", pa.date32()),
    ("date_precision", pa.string()),
    ("place_name", pa.string()),
    ("place_country", pa.string()),
    ("place_admin1", pa.string()),
    ("place_geonameid", pa.int64()),
    ("place_feature", pa.string()),
    ("lat", pa.float64()),
    ("lon", pa.float64()),
    ("place_reason", pa.string()),
    ("num_articles", pa.int64()),
    ("num_sources", pa.int64()),
    ("num_mentions", pa.int64()),
    ("first_report", pa.date32()),
    ("last_report", pa.date32()),
    ("doc_id", pa.string()),
    ("url", pa.string()),
    ("publisher", pa.string()),
    ("sentence", pa.string()),
    ("trigger", pa.string()),
    ("rule", pa.string()),
    ("confidence", pa.float64()),
    ("is_root", pa.bool_()),
]

#: Columns only freshly coded events have.
CODED_FIELDS = [
    ("event_id", pa.string()),
    ("content_hash", pa.string()),
    ("input", pa.int64()),
    ("source_actors", pa.list_(ACTOR)),
    ("target_actors", pa.list_(ACTOR)),
    ("attributed_to", pa.string()),
    ("event_json", pa.string()),
    ("document", pa.string()),
    ("error", pa.string()),
    ("error_stage", pa.string()),
]

#: Schema of ``Store.events()`` tables.
EXPORT_SCHEMA = pa.schema(EXPORT_FIELDS)
#: Schema of ``Coder.code_arrow()`` tables.
EVENT_SCHEMA = pa.schema(EXPORT_FIELDS + CODED_FIELDS)


def _wire(schema):
    """The schema the NDJSON rows are read with: dates arrive as text."""
    return pa.schema(
        [pa.field(f.name, pa.string()) if f.type == pa.date32() else f for f in schema]
    )


def read_rows(data, schema):
    """A table of ``schema`` from the NDJSON rows the extension returns."""
    if not data:
        return schema.empty_table()
    import pyarrow.json as pj

    table = pj.read_json(
        pa.BufferReader(data),
        parse_options=pj.ParseOptions(
            explicit_schema=_wire(schema), unexpected_field_behavior="error"
        ),
    )
    return table.select(schema.names).cast(schema)
