//! Errors of the syntax crate.

use std::path::PathBuf;

/// How to rebuild the model, quoted by every model error.
pub const REBUILD_HINT: &str = "rebuild it with `dyad train syntax --treebank ../shared/treebanks/ud-english-ewt -o data/syntax/en-ewt.model` (see docs/syntax.md)";

/// Everything that can go wrong in this crate.
#[derive(Debug, thiserror::Error)]
pub enum SyntaxError {
    /// A model file could not be read.
    #[error("cannot read syntax model {path}: {source}; {hint}", hint = REBUILD_HINT)]
    ModelIo {
        /// The file.
        path: PathBuf,
        /// The I/O error.
        source: std::io::Error,
    },
    /// A model file is not a valid model (wrong magic, truncated, bad section).
    #[error("syntax model {name} is corrupt or of another version: {message}; {hint}", hint = REBUILD_HINT)]
    ModelCorrupt {
        /// The file (or "built-in").
        name: String,
        /// What is wrong.
        message: String,
    },
    /// A model could not be written.
    #[error("cannot write syntax model {path}: {source}")]
    ModelWrite {
        /// The file.
        path: PathBuf,
        /// The I/O error.
        source: std::io::Error,
    },
    /// A CoNLL-U file could not be read.
    #[error("cannot read {path}: {source}")]
    ConlluIo {
        /// The file.
        path: PathBuf,
        /// The I/O error.
        source: std::io::Error,
    },
    /// A CoNLL-U line is malformed.
    #[error("{file}:{line}: {message}")]
    Conllu {
        /// The file name.
        file: String,
        /// 1-based line number.
        line: usize,
        /// What is wrong.
        message: String,
    },
    /// Training could not proceed (e.g. no sentences).
    #[error("training: {0}")]
    Training(String),
}
