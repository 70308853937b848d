//! Importing documents coded elsewhere: Parquet files of event rows
//! written by the Python package (`Coder.code_arrow(..., documents=True)`,
//! e.g. from a Spark job; see `docs/scale.md`).
//!
//! Each row is one event; besides the export columns it carries
//! [`HASH_COLUMN`] (the document's content hash), [`EVENT_COLUMN`] (the
//! event as `dyad code --format jsonl` prints it) and, on the first row of
//! each document, [`DOCUMENT_COLUMN`] (the document in its
//! [portable form](crate::coded::portable_document)). A document without
//! events has one row with a document and no event. [`coded_documents`]
//! rebuilds the [`CodedDocument`]s, which [`crate::ingest::ingest`] then
//! stores and merges exactly like freshly coded ones: same rows, same ids,
//! same merged events.
//!
//! Only the three columns above are read. Files may be uncompressed or
//! Snappy-compressed (the default of Spark and pyarrow).

use std::collections::HashMap;
use std::fs::File;
use std::path::{Path, PathBuf};

use dyad_core::{CodedDocument, Event};
use parquet::file::reader::{FileReader, SerializedFileReader};
use parquet::record::Field;
use parquet::schema::types::Type;

use crate::coded::from_portable;
use crate::error::{Result, StoreError};
use crate::store::ErrorRecord;

/// Column holding the document's content hash on every row.
pub const HASH_COLUMN: &str = "content_hash";
/// Column holding the event's JSON (null on a document-only row).
pub const EVENT_COLUMN: &str = "event_json";
/// Column holding the portable document (first row of each document).
pub const DOCUMENT_COLUMN: &str = "document";

/// The Parquet files of `paths`: files as given, directories walked for
/// `*.parquet` files (Spark writes `part-*.parquet` beside `_SUCCESS` and
/// checksum files), each directory's files in name order.
pub fn parquet_files(paths: &[PathBuf]) -> Result<Vec<PathBuf>> {
    let mut out = Vec::new();
    for path in paths {
        if path.is_dir() {
            let entries = std::fs::read_dir(path).map_err(|source| StoreError::Io {
                path: path.clone(),
                source,
            })?;
            let mut found: Vec<PathBuf> = Vec::new();
            let mut dirs: Vec<PathBuf> = Vec::new();
            for entry in entries.flatten() {
                let p = entry.path();
                let name = entry.file_name().to_string_lossy().to_string();
                if name.starts_with('.') || name.starts_with('_') {
                    continue;
                }
                if p.is_dir() {
                    dirs.push(p);
                } else if name.ends_with(".parquet") {
                    found.push(p);
                }
            }
            found.sort();
            dirs.sort();
            out.extend(found);
            out.extend(parquet_files(&dirs)?);
        } else {
            out.push(path.clone());
        }
    }
    Ok(out)
}

/// Every document of the Parquet files in `paths`, in file order, or an
/// [`ErrorRecord`] for a file or document that cannot be read (the rest
/// go on). Files are read one at a time.
pub fn coded_documents(
    paths: &[PathBuf],
) -> Result<impl Iterator<Item = std::result::Result<CodedDocument, ErrorRecord>>> {
    let files = parquet_files(paths)?;
    Ok(files.into_iter().flat_map(|file| match read_file(&file) {
        Ok(docs) => docs,
        Err(e) => vec![Err(error_record(&file, None, e.to_string()))],
    }))
}

fn error_record(file: &Path, doc: Option<&str>, message: String) -> ErrorRecord {
    ErrorRecord {
        input: match doc {
            Some(hash) => format!("{} (document {hash})", file.display()),
            None => file.display().to_string(),
        },
        doc_id: None,
        content_hash: doc.map(str::to_string),
        stage: "import".into(),
        message,
    }
}

fn parquet_error(file: &Path) -> impl Fn(parquet::errors::ParquetError) -> StoreError + '_ {
    move |e| StoreError::Export(format!("reading {}: {e}", file.display()))
}

/// One document being rebuilt: its portable JSON (once seen) and events.
#[derive(Default)]
struct Pending {
    document: Option<String>,
    events: Vec<Event>,
    /// An event could not be read (already reported): the document is
    /// not stored rather than stored without it.
    failed: bool,
}

/// The documents of one Parquet file.
fn read_file(file: &Path) -> Result<Vec<std::result::Result<CodedDocument, ErrorRecord>>> {
    let handle = File::open(file).map_err(|source| StoreError::Io {
        path: file.to_path_buf(),
        source,
    })?;
    let reader = SerializedFileReader::new(handle).map_err(parquet_error(file))?;
    let root = reader.metadata().file_metadata().schema();
    let mut wanted = Vec::new();
    for name in [HASH_COLUMN, EVENT_COLUMN, DOCUMENT_COLUMN] {
        match root.get_fields().iter().find(|f| f.name() == name) {
            Some(f) => wanted.push(f.clone()),
            None => {
                return Err(StoreError::Export(format!(
                    "{}: no `{name}` column; write events with \
                     `Coder.code_arrow(..., documents=True)` to import them",
                    file.display()
                )))
            }
        }
    }
    let projection = Type::group_type_builder(root.name())
        .with_fields(wanted)
        .build()
        .map_err(parquet_error(file))?;
    let rows = reader
        .get_row_iter(Some(projection))
        .map_err(parquet_error(file))?;
    // Rows of a document are written together, but nothing here relies on
    // it: documents are gathered by hash, in order of first appearance.
    let mut order: Vec<String> = Vec::new();
    let mut docs: HashMap<String, Pending> = HashMap::new();
    let mut out = Vec::new();
    for row in rows {
        let row = row.map_err(parquet_error(file))?;
        let (mut hash, mut event, mut document) = (None, None, None);
        for (name, field) in row.get_column_iter() {
            let value = match field {
                Field::Str(s) => Some(s.clone()),
                Field::Bytes(b) => Some(String::from_utf8_lossy(b.data()).into_owned()),
                _ => None,
            };
            match name.as_str() {
                HASH_COLUMN => hash = value,
                EVENT_COLUMN => event = value,
                DOCUMENT_COLUMN => document = value,
                _ => {}
            }
        }
        let Some(hash) = hash else {
            // An error row of the coder (no document): nothing to store.
            continue;
        };
        let pending = docs.entry(hash.clone()).or_insert_with(|| {
            order.push(hash.clone());
            Pending::default()
        });
        if let Some(document) = document {
            pending.document = Some(document);
        }
        if let Some(event) = event {
            match serde_json::from_str::<Event>(&event) {
                Ok(ev) => pending.events.push(ev),
                Err(e) => {
                    out.push(Err(error_record(
                        file,
                        Some(&hash),
                        format!("an event's JSON is invalid: {e}"),
                    )));
                    pending.failed = true;
                }
            }
        }
    }
    for hash in order {
        let Some(pending) = docs.remove(&hash).filter(|p| !p.failed) else {
            continue;
        };
        out.push(match pending.document {
            Some(document) => from_portable(&document, pending.events)
                .map_err(|e| error_record(file, Some(&hash), e.to_string())),
            None => Err(error_record(
                file,
                Some(&hash),
                "event rows without their document row (was the output filtered, or \
                 written without documents=True?)"
                    .into(),
            )),
        });
    }
    Ok(out)
}
