//! The store's error type: every failure says what was being done and where.

use std::path::PathBuf;

use rusqlite::ErrorCode;

/// Everything that can go wrong in the store.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The file exists but is not a dyad database (another program's SQLite
    /// file, or not SQLite at all). It is never modified.
    #[error("{path}: not a dyad database ({reason}); the file was left untouched")]
    Foreign {
        /// The database path.
        path: PathBuf,
        /// What was found instead.
        reason: String,
    },
    /// The database was written by a newer dyad.
    #[error(
        "{path}: database schema version {found} is newer than this dyad supports \
         ({supported}); use a newer dyad (the file was left untouched)"
    )]
    TooNew {
        /// The database path.
        path: PathBuf,
        /// Version found in the file.
        found: i64,
        /// Newest version this build knows.
        supported: i64,
    },
    /// SQLite reports the file as damaged.
    #[error(
        "{path}: database file is corrupt or unreadable ({source}); the file was left untouched"
    )]
    Corrupt {
        /// The database path.
        path: PathBuf,
        /// SQLite's report.
        #[source]
        source: rusqlite::Error,
    },
    /// No database where one was expected.
    #[error("{path}: no dyad database here (run `dyad ingest` first)")]
    Missing {
        /// The database path.
        path: PathBuf,
    },
    /// The disk (or the database's page limit) filled up during a write.
    #[error(
        "disk full while {context}: the transaction was rolled back, nothing of it was stored; \
         free space and re-run (documents stored before are kept)"
    )]
    DiskFull {
        /// What was being written.
        context: String,
    },
    /// Another process holds the ingest lock.
    #[error(
        "another dyad ingest/recode is running on this database (lock {lock} is held); \
         wait for it to finish or drop --no-wait to queue behind it"
    )]
    IngestLocked {
        /// The lock file.
        lock: PathBuf,
    },
    /// Any other SQLite failure, with what was being done.
    #[error("database error while {context}: {source}")]
    Sqlite {
        /// What was being done.
        context: String,
        /// SQLite's report.
        #[source]
        source: rusqlite::Error,
    },
    /// A file could not be read or written.
    #[error("{path}: {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// The OS error.
        #[source]
        source: std::io::Error,
    },
    /// The merge rules are invalid.
    #[error("merge rules {origin}: {message}")]
    MergeConfig {
        /// File (or "built-in data/merge.toml").
        origin: String,
        /// What is wrong, with line when known.
        message: String,
    },
    /// A query argument is invalid.
    #[error("invalid query: {0}")]
    Query(String),
    /// Writing an export failed.
    #[error("export failed: {0}")]
    Export(String),
    /// A worker thread died (a bug, reported rather than hidden).
    #[error("internal error: {0}")]
    Internal(String),
    /// Stored JSON could not be decoded.
    #[error("stored JSON is invalid while {context}: {source}")]
    Json {
        /// What was being decoded.
        context: String,
        /// The decoder's report.
        #[source]
        source: serde_json::Error,
    },
}

/// Result alias for the store.
pub type Result<T, E = StoreError> = std::result::Result<T, E>;

/// Wraps a SQLite error with context, recognising "disk full".
pub(crate) fn sql(context: impl Into<String>) -> impl FnOnce(rusqlite::Error) -> StoreError {
    move |source| {
        let context = context.into();
        match source.sqlite_error_code() {
            Some(ErrorCode::DiskFull) => StoreError::DiskFull { context },
            _ => StoreError::Sqlite { context, source },
        }
    }
}

/// Wraps a JSON error with context.
pub(crate) fn json(context: &str) -> impl FnOnce(serde_json::Error) -> StoreError + '_ {
    move |source| StoreError::Json {
        context: context.to_string(),
        source,
    }
}
