use std::path::PathBuf;

/// How to rebuild the gazetteer, quoted in errors about it.
pub const REBUILD_HINT: &str =
    "rebuild it with `bash scripts/build-gazetteer.sh` (or point $DYAD_GAZETTEER at a built file)";

/// Errors of the gazetteer and of user place files.
#[derive(Debug, thiserror::Error)]
pub enum GeoError {
    /// No gazetteer file was found in any of the searched places.
    #[error("no gazetteer file found (looked in: {searched}); {hint}", hint = REBUILD_HINT)]
    NotFound {
        /// The paths that were tried, comma-separated.
        searched: String,
    },
    /// The gazetteer file could not be read.
    #[error("cannot read gazetteer {path}: {source}; {hint}", hint = REBUILD_HINT)]
    Read {
        /// The file.
        path: PathBuf,
        /// The I/O error.
        source: std::io::Error,
    },
    /// The gazetteer file is not a valid gazetteer of this version.
    #[error("gazetteer {path} is corrupt or of another version: {detail}; {hint}", hint = REBUILD_HINT)]
    Corrupt {
        /// The file.
        path: PathBuf,
        /// What is wrong with it.
        detail: String,
    },
    /// A user place file or a gazetteer source file could not be read.
    #[error("cannot read place file {path}: {source}")]
    PlaceFileRead {
        /// The file.
        path: PathBuf,
        /// The I/O error.
        source: std::io::Error,
    },
    /// A line of a user place file or a gazetteer source file is invalid.
    #[error("{path}:{line}: {message}")]
    PlaceFile {
        /// The file.
        path: PathBuf,
        /// 1-based line number.
        line: usize,
        /// What is wrong with the line.
        message: String,
    },
    /// Writing a built gazetteer failed.
    #[error("cannot write gazetteer {path}: {source}")]
    Write {
        /// The file.
        path: PathBuf,
        /// The I/O error.
        source: std::io::Error,
    },
}
