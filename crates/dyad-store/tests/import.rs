//! `import`: documents written to Parquet in the portable form (as the
//! Python package writes them) store exactly like the same documents
//! ingested directly.

mod common;

use std::path::Path;
use std::sync::Arc;

use common::{coded, summit_pair, temp_dir, Spec};
use dyad_core::CodedDocument;
use dyad_store::coded::portable_document;
use dyad_store::ingest::{document_identity, ingest, IngestOptions};
use dyad_store::{effective_hash, EventFilter, Store};
use parquet::data_type::{ByteArray, ByteArrayType};
use parquet::file::properties::WriterProperties;
use parquet::file::writer::SerializedFileWriter;
use parquet::schema::parser::parse_message_type;

/// Rows as `Coder.code_arrow(..., documents=True)` lays them out: one per
/// event, the document on its first row, one row for an eventless document.
fn rows(docs: &[CodedDocument]) -> Vec<[Option<String>; 3]> {
    let mut out = Vec::new();
    for doc in docs {
        let hash = effective_hash(&doc.analyzed.doc);
        let mut document = Some(portable_document(doc).expect("portable"));
        for ev in &doc.events {
            let json = serde_json::to_string(ev).expect("event json");
            out.push([Some(hash.clone()), Some(json), document.take()]);
        }
        if document.is_some() {
            out.push([Some(hash.clone()), None, document]);
        }
    }
    out
}

fn write(path: &Path, rows: &[[Option<String>; 3]]) {
    let schema = parse_message_type(
        "message schema { optional binary content_hash (UTF8); \
         optional binary event_json (UTF8); optional binary document (UTF8); \
         optional binary ignored (UTF8); }",
    )
    .expect("schema");
    let file = std::fs::File::create(path).expect("create");
    let props = Arc::new(WriterProperties::builder().build());
    let mut writer = SerializedFileWriter::new(file, Arc::new(schema), props).expect("writer");
    let mut group = writer.next_row_group().expect("row group");
    let mut index = 0;
    while let Some(mut column) = group.next_column().expect("column") {
        let mut values = Vec::new();
        let mut defs = Vec::new();
        for row in rows {
            match row.get(index).cloned().flatten() {
                Some(v) => {
                    values.push(ByteArray::from(v.into_bytes()));
                    defs.push(1);
                }
                None => defs.push(0),
            }
        }
        column
            .typed::<ByteArrayType>()
            .write_batch(&values, Some(&defs), None)
            .expect("write");
        column.close().expect("close column");
        index += 1;
    }
    group.close().expect("close group");
    writer.close().expect("close file");
}

fn all(store: &Store, merged: bool) -> Vec<dyad_store::EventRow> {
    store
        .events(&EventFilter {
            merged,
            factual_only: false,
            ..EventFilter::default()
        })
        .expect("events")
}

#[test]
fn imported_documents_store_like_ingested_ones() {
    let (a, b) = summit_pair();
    let quiet = coded("quiet", "C", "2024-03-01", &[]);
    let other = coded(
        "other",
        "D",
        "2024-03-02",
        &[Spec::day("ACCUSE", "112", "RUS", "UKR", "2024-03-01")],
    );
    let docs = vec![a, b, quiet, other];
    let dir = temp_dir("import");
    let parts = dir.join("events");
    std::fs::create_dir_all(&parts).expect("dir");
    let all_rows = rows(&docs);
    // two part files, as Spark writes them, beside files to skip
    let split = all_rows.len() / 2;
    let split = (split..all_rows.len())
        .find(|&i| all_rows[i][2].is_some())
        .unwrap_or(all_rows.len());
    write(&parts.join("part-0.parquet"), &all_rows[..split]);
    write(&parts.join("part-1.parquet"), &all_rows[split..]);
    std::fs::write(parts.join("_SUCCESS"), "").expect("marker");

    let mut direct = Store::open(dir.join("direct.db")).expect("open");
    ingest(
        &mut direct,
        docs.clone().into_iter().map(Ok),
        |c: &CodedDocument| document_identity(&c.analyzed.doc),
        Ok,
        &IngestOptions::default(),
        None,
        |_| {},
    )
    .expect("direct ingest");

    let mut imported = Store::open(dir.join("imported.db")).expect("open");
    let stats = ingest(
        &mut imported,
        dyad_store::import::coded_documents(std::slice::from_ref(&parts)).expect("files"),
        |c: &CodedDocument| document_identity(&c.analyzed.doc),
        Ok,
        &IngestOptions::default(),
        None,
        |_| {},
    )
    .expect("import");
    assert_eq!(stats.stored, 4);
    assert_eq!(stats.errors, 0);
    assert_eq!(imported.document_count().unwrap(), 4);
    assert!(!all(&direct, true).is_empty());
    assert_eq!(all(&imported, false), all(&direct, false));
    assert_eq!(all(&imported, true), all(&direct, true));
}

#[test]
fn rows_without_their_document_are_errors() {
    let (a, _) = summit_pair();
    let dir = temp_dir("import-orphans");
    let mut rows = rows(&[a]);
    for row in &mut rows {
        row[2] = None;
    }
    let file = dir.join("events.parquet");
    write(&file, &rows);
    let docs: Vec<_> = dyad_store::import::coded_documents(&[file])
        .expect("files")
        .collect();
    assert_eq!(docs.len(), 1);
    let err = docs[0].as_ref().expect_err("no document row");
    assert_eq!(err.stage, "import");
    assert!(err.message.contains("document row"), "{}", err.message);
}
