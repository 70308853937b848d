//! Errors of the web stage, each carrying what it was working on.

use std::path::PathBuf;

/// Everything that can go wrong while reading pages or archives.
#[derive(Debug, thiserror::Error)]
pub enum WebError {
    /// The input exceeds a documented limit (size or nesting); it is refused, not truncated.
    #[error("input refused: {what} is {actual}, limit is {limit}")]
    Limit {
        /// Which limit (e.g. "page size in bytes", "element nesting depth").
        what: &'static str,
        /// The measured value (or a lower bound of it).
        actual: usize,
        /// The configured limit.
        limit: usize,
    },
    /// A file could not be opened or read.
    #[error("cannot read {path}: {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// The underlying error.
        #[source]
        source: std::io::Error,
    },
    /// A gzip stream is corrupt or ends early.
    #[error("invalid or truncated gzip data in {context}: {source}")]
    Gzip {
        /// The file or record being decompressed.
        context: String,
        /// The underlying error.
        #[source]
        source: std::io::Error,
    },
    /// A WARC record is malformed or cut short.
    #[error("invalid WARC record at byte {offset} of {path}: {reason}")]
    Warc {
        /// The archive.
        path: PathBuf,
        /// Offset of the record in the decompressed stream.
        offset: u64,
        /// What was wrong.
        reason: String,
    },
    /// A ground-truth or evaluation input is malformed.
    #[error("invalid evaluation input {path}: {reason}")]
    Eval {
        /// The file.
        path: PathBuf,
        /// What was wrong.
        reason: String,
    },
}
