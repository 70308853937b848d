//! Typed load errors and check reports: every problem names its file, line,
//! column and the offending entry.

use std::fmt;
use std::path::PathBuf;

/// How serious a [`Problem`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// The file cannot be used as written: loading fails.
    Error,
    /// Suspicious but usable (an ambiguous phrase, an override).
    Warning,
}

/// One problem found in a knowledge file.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Problem {
    /// Error or warning.
    pub severity: Severity,
    /// File name as loaded (`builtin:people/000-core.tsv` or a path).
    pub file: String,
    /// 1-based line number (0 when the problem concerns the whole file).
    pub line: usize,
    /// 1-based column (tab-separated field) when known.
    pub column: Option<usize>,
    /// The entry concerned (id, phrase or code).
    pub entry: String,
    /// What is wrong.
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sev = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        write!(f, "{sev}: {}:{}", self.file, self.line)?;
        if let Some(col) = self.column {
            write!(f, ":{col}")?;
        }
        write!(f, ": entry {:?}: {}", self.entry, self.message)
    }
}

/// Why a lexicon could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum LexiconError {
    /// One or more knowledge files are malformed or conflict.
    #[error("{}", render_problems(.problems))]
    Invalid {
        /// Every error found (warnings are not included).
        problems: Vec<Problem>,
    },
    /// A file or directory could not be read.
    #[error("cannot read {path}: {source}")]
    Io {
        /// The path that failed.
        path: PathBuf,
        /// The underlying error.
        source: std::io::Error,
    },
    /// The pattern automaton could not be built (too many patterns).
    #[error("cannot build the phrase matcher: {0}")]
    Matcher(String),
}

impl LexiconError {
    /// The individual problems (empty for I/O and matcher errors).
    pub fn problems(&self) -> &[Problem] {
        match self {
            LexiconError::Invalid { problems } => problems,
            _ => &[],
        }
    }
}

fn render_problems(problems: &[Problem]) -> String {
    let mut out = format!("{} lexicon error(s)", problems.len());
    for p in problems.iter().take(20) {
        out.push_str("\n  ");
        out.push_str(&p.to_string());
    }
    if problems.len() > 20 {
        out.push_str(&format!("\n  ... and {} more", problems.len() - 20));
    }
    out
}

/// What `dyad lexicon check` reports about a directory of knowledge files.
#[derive(Debug, Clone, Default, serde::Serialize)]
pub struct CheckReport {
    /// Files read (built-in plus the checked directory).
    pub files: usize,
    /// Entries (rows) read from the checked directory.
    pub entries: usize,
    /// Errors and warnings, in file order.
    pub problems: Vec<Problem>,
}

impl CheckReport {
    /// Number of errors.
    pub fn error_count(&self) -> usize {
        self.problems
            .iter()
            .filter(|p| p.severity == Severity::Error)
            .count()
    }
    /// True when nothing prevents loading.
    pub fn is_ok(&self) -> bool {
        self.error_count() == 0
    }
}
