//! # dyad-store: the embedded event database
//!
//! One SQLite file (WAL mode, versioned schema) holding documents, their
//! sentences and mentions, coded events, merged cross-article events, runs
//! and per-document errors; plus the ingest pipeline that fills it, the
//! query API that reads it, and exports (PLOVER JSON, GDELT 2.0 TSV, CSV,
//! Parquet).
//!
//! Not here: reading or coding documents. The store receives
//! [`dyad_core::CodedDocument`]s; [`ingest::ingest`] takes the coder as a
//! closure, so this crate does not depend on the coder.
//!
//! ## Main types
//! * [`Store`]: open/create/migrate a database, write batches of coded
//!   documents atomically, record errors and runs.
//! * [`ingest::ingest`]: parallel coding + one writer thread, batched
//!   transactions, idempotent and resumable.
//! * [`MergeConfig`]: the merge rule, loaded from `data/merge.toml`.
//! * [`query`]: [`EventFilter`] → [`EventRow`]s, dyad summaries, timelines,
//!   event details with every reporting sentence.
//! * [`export`]: file exports.
//! * [`coded`]: the export rows and the portable form of a coded document
//!   outside a database; [`import`]: storing documents coded elsewhere
//!   (Parquet written by the Python package, e.g. from Spark).
//!
//! ## Invariants
//! * Store writes are idempotent per document content hash.
//! * Row ids are derived from content hashes; merged events are a pure
//!   function of the events in their block. The same documents give the same
//!   database content whatever the order, threads, or interruptions.
//! * A file that is not a dyad database, or is newer than this build, is
//!   never written to.
#![deny(missing_docs)]

pub mod coded;
mod digest;
pub mod error;
pub mod export;
pub mod ids;
pub mod import;
pub mod ingest;
pub mod lock;
pub mod merge;
pub mod query;
mod schema;
mod store;
mod text;
mod write;

pub use error::{Result, StoreError};
pub use lock::{IngestLock, LockWait};
pub use merge::MergeConfig;
pub use query::{EventFilter, EventRow};
pub use schema::{APPLICATION_ID, SCHEMA_VERSION};
pub use store::{BatchOutcome, ErrorRecord, OpenOptions, RunCounts, Store};
pub use write::{effective_hash, PreparedDocument, WriteTimes};

/// Creates a database at an older schema `version` (for migration tests).
#[doc(hidden)]
pub fn create_at_version(path: &std::path::Path, version: i64) -> Result<()> {
    schema::check_file(path)?;
    let conn = rusqlite::Connection::open(path).map_err(error::sql("creating a database"))?;
    schema::migrate(&conn, 0, version)
}
