//! Where knowledge files come from: the embedded built-in set (layer 0) and
//! user directories given with `--lexicon DIR` (layers 1, 2, ...).

use std::path::{Path, PathBuf};

use crate::error::LexiconError;
use crate::load::Source;

include!(concat!(env!("OUT_DIR"), "/builtin_files.rs"));

/// A `--lexicon DIR` is shared with the place stage: its `places.tsv` holds
/// user places (dyad-geo), not actor knowledge.
const PLACE_STAGE_FILE: &str = "places.tsv";

/// The folder of hand-added built-in rows (`data/lexicon/manual/`): every
/// actor figure is reported with and without it.
pub const MANUAL_PREFIX: &str = "manual/";

/// The environment variable that, set to a non-empty value other than "0",
/// leaves the manual files out of [`crate::Lexicon::load`].
pub const NO_MANUAL_ENV: &str = "DYAD_LEXICON_NO_MANUAL";

/// True when the environment asks to skip the manual files.
pub(crate) fn manual_wanted_by_env() -> bool {
    std::env::var(NO_MANUAL_ENV).map_or(true, |v| v.is_empty() || v == "0")
}

/// The built-in files as sources of layer 0 (without `manual/` unless
/// `manual`).
pub(crate) fn builtin_sources(manual: bool) -> Vec<Source> {
    BUILTIN_FILES
        .iter()
        .filter(|(name, _)| manual || !name.starts_with(MANUAL_PREFIX))
        .map(|(name, text)| Source {
            name: format!("builtin:{name}").into(),
            text: std::borrow::Cow::Borrowed(*text),
            layer: 0,
        })
        .collect()
}

/// Names of the built-in files.
pub fn builtin_file_names() -> Vec<&'static str> {
    BUILTIN_FILES.iter().map(|(n, _)| *n).collect()
}

fn collect_tsv(dir: &Path, out: &mut Vec<PathBuf>) -> Result<(), LexiconError> {
    let entries = std::fs::read_dir(dir).map_err(|source| LexiconError::Io {
        path: dir.to_path_buf(),
        source,
    })?;
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            collect_tsv(&path, out)?;
        } else if path.extension().is_some_and(|e| e == "tsv")
            && path.file_name().is_some_and(|n| n != PLACE_STAGE_FILE)
        {
            out.push(path);
        }
    }
    Ok(())
}

/// Every `*.tsv` under `dir` (recursively, sorted) as sources of `layer`.
pub(crate) fn dir_sources(dir: &Path, layer: usize) -> Result<Vec<Source>, LexiconError> {
    if !dir.is_dir() {
        return Err(LexiconError::Io {
            path: dir.to_path_buf(),
            source: std::io::Error::new(std::io::ErrorKind::NotFound, "not a directory"),
        });
    }
    let mut paths = Vec::new();
    collect_tsv(dir, &mut paths)?;
    paths.sort();
    let mut out = Vec::new();
    for path in paths {
        let text = std::fs::read_to_string(&path).map_err(|source| LexiconError::Io {
            path: path.clone(),
            source,
        })?;
        out.push(Source {
            name: path.display().to_string().into(),
            text: std::borrow::Cow::Owned(text),
            layer,
        });
    }
    Ok(out)
}
