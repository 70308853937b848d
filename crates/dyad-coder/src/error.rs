//! Errors of the coder: loading knowledge (patterns, lexicon, gazetteer).

use std::path::PathBuf;

/// Something went wrong while building an [`crate::Engine`].
#[derive(Debug, thiserror::Error)]
pub enum CoderError {
    /// A pattern line could not be understood.
    #[error("{file}:{line}: {message}")]
    Pattern {
        /// File name (or `builtin:<name>` for embedded files).
        file: String,
        /// 1-based line number.
        line: usize,
        /// What is wrong.
        message: String,
    },
    /// A line of a word list (`data/places/event-place.txt`) is wrong.
    #[error("{file}:{line}: {message}")]
    WordList {
        /// File name.
        file: String,
        /// 1-based line number.
        line: usize,
        /// What is wrong.
        message: String,
    },
    /// A pattern directory or file could not be read.
    #[error("cannot read patterns from {path}: {source}")]
    Io {
        /// The path.
        path: PathBuf,
        /// The cause.
        source: std::io::Error,
    },
    /// The actor lexicon failed to load.
    #[error("actor lexicon: {0}")]
    Lexicon(String),
    /// The gazetteer failed to load (only for an explicitly given path).
    #[error("gazetteer: {0}")]
    Gazetteer(String),
    /// The syntax model failed to load.
    #[error("syntax model: {0}")]
    Syntax(#[from] dyad_syntax::SyntaxError),
}
