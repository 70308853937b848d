//! # dyad-store: the embedded event database
//!
//! SQLite storage of documents, events and merged events; idempotent,
//! resumable ingest; cross-article merging; queries and exports.
//!
//! Not here: coding (the store receives coded documents).
