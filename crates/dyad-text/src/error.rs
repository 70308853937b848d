//! Errors of reading inputs: each names the input (file, and line for JSONL).

use std::path::PathBuf;

/// Why one input (or one record of an input) could not be read.
///
/// Every variant names where the problem is so a batch can report it and go
/// on with the next document.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ReadError {
    /// The file or directory could not be opened or read.
    #[error("{path}: cannot read: {source}")]
    Io {
        /// The input.
        path: PathBuf,
        /// The I/O error.
        #[source]
        source: std::io::Error,
    },
    /// The input looks binary (NUL bytes or a known binary file signature).
    #[error("{path}: skipped: binary content ({reason})")]
    Binary {
        /// The input.
        path: PathBuf,
        /// What gave it away ("NUL bytes", "PDF signature", ...).
        reason: String,
    },
    /// The input holds no text.
    #[error("{path}{line}: empty document", line = line_suffix(*.line))]
    Empty {
        /// The input.
        path: PathBuf,
        /// JSONL line number (1-based), when the document is a record.
        line: Option<usize>,
    },
    /// The document is larger than [`crate::ReadOptions::max_doc_bytes`].
    #[error("{path}{line}: refused: document larger than the limit of {limit} bytes (see --max-doc-bytes)", line = line_suffix(*.line))]
    TooLarge {
        /// The input.
        path: PathBuf,
        /// JSONL line number (1-based), when the document is a record.
        line: Option<usize>,
        /// The limit in bytes.
        limit: usize,
    },
    /// A JSONL line is not a JSON object of the expected shape.
    #[error("{path}:{line}: malformed JSONL record: {message}")]
    Jsonl {
        /// The input.
        path: PathBuf,
        /// Line number, 1-based.
        line: usize,
        /// What is wrong.
        message: String,
    },
    /// A WARC file (or one of its records) could not be read.
    #[error("{path}: {message}")]
    Web {
        /// The input.
        path: PathBuf,
        /// What went wrong (from `dyad-web`).
        message: String,
    },
    /// The input format cannot be read (yet).
    #[error("{path}: unsupported input: {message}")]
    Unsupported {
        /// The input.
        path: PathBuf,
        /// What is missing.
        message: String,
    },
}

impl ReadError {
    /// The input the error is about.
    pub fn path(&self) -> &std::path::Path {
        match self {
            ReadError::Io { path, .. }
            | ReadError::Binary { path, .. }
            | ReadError::Empty { path, .. }
            | ReadError::TooLarge { path, .. }
            | ReadError::Jsonl { path, .. }
            | ReadError::Web { path, .. }
            | ReadError::Unsupported { path, .. } => path,
        }
    }
}

fn line_suffix(line: Option<usize>) -> String {
    match line {
        Some(n) => format!(":{n}"),
        None => String::new(),
    }
}
