//! Errors of the binding, and the Python exception they become.

use pyo3::create_exception;
use pyo3::exceptions::PyException;
use pyo3::PyErr;

create_exception!(
    _dyad,
    DyadError,
    PyException,
    "A dyad failure: knowledge that cannot be loaded, a database that cannot be opened, \
     an invalid argument. Bad documents are never raised: they become error rows."
);

/// What can fail in a call (not per document: those are error rows).
#[derive(Debug, thiserror::Error)]
pub enum BindingError {
    /// Loading the coder's knowledge.
    #[error("loading the coder: {0}")]
    Coder(#[from] dyad_coder::CoderError),
    /// The store.
    #[error(transparent)]
    Store(#[from] dyad_store::StoreError),
    /// An argument that does not parse.
    #[error("{0}")]
    Argument(String),
    /// Worker threads could not start.
    #[error("cannot start {0} worker threads: {1}")]
    Threads(usize, String),
    /// Encoding a result.
    #[error("encoding a result: {0}")]
    Json(#[from] serde_json::Error),
}

impl From<BindingError> for PyErr {
    fn from(e: BindingError) -> PyErr {
        DyadError::new_err(e.to_string())
    }
}
