//! Reading inputs into [`RawDocument`]s and then [`Document`]s.
//!
//! Inputs are files (plain text, JSONL, HTML, WARC), directories (walked
//! recursively in sorted order) and `-` for stdin. Reading is lazy: the
//! iterator returned by [`read_inputs`] opens one file at a time and streams
//! JSONL line by line, so memory stays bounded by the largest document, which
//! is itself bounded by [`ReadOptions::max_doc_bytes`].

mod decode;
mod html;
mod jsonl;
mod warc;

use std::collections::{HashSet, VecDeque};
use std::fs::File;
use std::io::{BufRead, Read};
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use dyad_core::{DateOrigin, Document};

pub use decode::{binary_reason, decode_text};
pub use html::{extract_html, read_html_page, HtmlPage, HtmlParts};
// Public for callers that hold JSONL records in memory (the Python package).
pub use jsonl::JsonlReader;

use crate::ReadError;

/// Default largest document accepted: 20 MiB (news articles are far smaller;
/// anything larger is almost surely not one article).
pub const DEFAULT_MAX_DOC_BYTES: usize = 20 * 1024 * 1024;

/// How inputs are read.
#[derive(Debug, Clone)]
pub struct ReadOptions {
    /// Publication date given by the user (`--date`); wins over everything.
    pub date: Option<NaiveDate>,
    /// Largest document (file, or JSONL line) accepted, in bytes.
    pub max_doc_bytes: usize,
    /// Force a format instead of guessing from the file name and content.
    pub format: Option<InputFormat>,
}

impl Default for ReadOptions {
    fn default() -> Self {
        ReadOptions {
            date: None,
            max_doc_bytes: DEFAULT_MAX_DOC_BYTES,
            format: None,
        }
    }
}

/// Input formats dyad reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InputFormat {
    /// Plain text, one document per file.
    Text,
    /// One JSON object a line: `{id?, url?, title?, date?, source?, text?|html?}`.
    Jsonl,
    /// One HTML page per file.
    Html,
    /// A WARC file (response records holding HTML).
    Warc,
}

impl InputFormat {
    /// Guesses the format from a file name.
    pub fn from_path(path: &Path) -> InputFormat {
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().to_lowercase())
            .unwrap_or_default();
        if name.ends_with(".jsonl") || name.ends_with(".ndjson") {
            InputFormat::Jsonl
        } else if name.ends_with(".html") || name.ends_with(".htm") || name.ends_with(".xhtml") {
            InputFormat::Html
        } else if name.ends_with(".warc") || name.ends_with(".warc.gz") {
            InputFormat::Warc
        } else {
            InputFormat::Text
        }
    }
}

/// The body of a raw document: plain text, or HTML still to be extracted.
#[derive(Debug, Clone, PartialEq)]
pub enum RawBody {
    /// Plain (possibly scraped) text.
    Text(String),
    /// An HTML page.
    Html(String),
}

/// A document as read, before cleaning: body plus whatever metadata the
/// input carried.
#[derive(Debug, Clone, PartialEq)]
pub struct RawDocument {
    /// Identifier from the input (JSONL `id`, file stem); `None` → hash prefix.
    pub id: Option<String>,
    /// Publisher or source name.
    pub source: Option<String>,
    /// URL.
    pub url: Option<String>,
    /// Headline from metadata.
    pub title: Option<String>,
    /// Author from metadata.
    pub author: Option<String>,
    /// Publication date from metadata, with where it came from.
    pub date: Option<(NaiveDate, DateOrigin)>,
    /// The text or HTML.
    pub body: RawBody,
    /// Hex SHA-256 of the raw input bytes.
    pub content_hash: String,
    /// Problems met while reading.
    pub warnings: Vec<String>,
}

impl RawDocument {
    /// A raw document from plain text with no metadata; the hash is taken of
    /// the text's bytes.
    pub fn from_text(text: String) -> RawDocument {
        RawDocument {
            id: None,
            source: None,
            url: None,
            title: None,
            author: None,
            date: None,
            content_hash: sha256_hex(text.as_bytes()),
            body: RawBody::Text(text),
            warnings: Vec::new(),
        }
    }
}

/// Hex SHA-256 of some bytes.
pub fn sha256_hex(bytes: &[u8]) -> String {
    use sha2::Digest;
    let digest = sha2::Sha256::digest(bytes);
    let mut out = String::with_capacity(64);
    for b in digest.iter() {
        out.push_str(&format!("{b:02x}"));
    }
    out
}

/// Reads every input, yielding one cleaned document (or error) per document.
///
/// Errors name the input (and line for JSONL) and never stop the iteration:
/// the caller reports them and goes on. Directories are walked recursively
/// in sorted order, skipping hidden entries.
pub fn read_inputs(paths: &[PathBuf], opts: &ReadOptions) -> Inputs {
    Inputs {
        raw: read_raw_inputs(paths, opts),
    }
}

/// Like [`read_inputs`] but yields the documents as read, before cleaning
/// (for benchmarks and for callers that clean on worker threads with
/// [`crate::build_document`]).
pub fn read_raw_inputs(paths: &[PathBuf], opts: &ReadOptions) -> RawInputs {
    RawInputs {
        pending: paths.iter().cloned().collect(),
        opts: opts.clone(),
        jsonl: None,
        warc: None,
        ready: VecDeque::new(),
        walked: HashSet::new(),
    }
}

/// Iterator over the cleaned documents of a list of inputs (see [`read_inputs`]).
pub struct Inputs {
    raw: RawInputs,
}

impl Iterator for Inputs {
    type Item = Result<Document, ReadError>;

    fn next(&mut self) -> Option<Self::Item> {
        let item = self.raw.next()?;
        Some(item.map(|raw| crate::build_document(raw, &self.raw.opts)))
    }
}

/// Iterator over the raw documents of a list of inputs (see [`read_raw_inputs`]).
pub struct RawInputs {
    pending: VecDeque<PathBuf>,
    opts: ReadOptions,
    jsonl: Option<jsonl::JsonlReader>,
    warc: Option<warc::WarcInput>,
    ready: VecDeque<Result<RawDocument, ReadError>>,
    /// Directories already listed (canonical paths): symlink loops end.
    walked: HashSet<PathBuf>,
}

impl Iterator for RawInputs {
    type Item = Result<RawDocument, ReadError>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            if let Some(item) = self.ready.pop_front() {
                return Some(item);
            }
            if let Some(reader) = self.warc.as_mut() {
                match reader.next_record() {
                    Some(item) => return Some(item),
                    None => {
                        self.warc = None;
                        continue;
                    }
                }
            }
            if let Some(reader) = self.jsonl.as_mut() {
                match reader.next_record(&self.opts) {
                    Some(item) => return Some(item),
                    None => {
                        self.jsonl = None;
                        continue;
                    }
                }
            }
            let path = self.pending.pop_front()?;
            self.open(path);
        }
    }
}

impl RawInputs {
    /// Starts on one input: queues its documents or errors.
    fn open(&mut self, path: PathBuf) {
        if path.as_os_str() == "-" {
            self.open_stdin(path);
            return;
        }
        if path.is_dir() {
            let real = std::fs::canonicalize(&path).unwrap_or_else(|_| path.clone());
            if !self.walked.insert(real) {
                return;
            }
            match list_dir(&path) {
                Ok(children) => {
                    for child in children.into_iter().rev() {
                        self.pending.push_front(child);
                    }
                }
                Err(source) => self.ready.push_back(Err(ReadError::Io { path, source })),
            }
            return;
        }
        let format = self
            .opts
            .format
            .unwrap_or_else(|| InputFormat::from_path(&path));
        match format {
            InputFormat::Jsonl => match File::open(&path) {
                Ok(file) => self.jsonl = Some(jsonl::JsonlReader::new(path, Box::new(file))),
                Err(source) => self.ready.push_back(Err(ReadError::Io { path, source })),
            },
            InputFormat::Warc => match warc::WarcInput::open(&path) {
                Ok(reader) => self.warc = Some(reader),
                Err(err) => self.ready.push_back(Err(err)),
            },
            InputFormat::Text | InputFormat::Html => {
                let item = read_whole_file(&path, self.opts.max_doc_bytes)
                    .and_then(|bytes| raw_from_bytes(&path, bytes, format));
                self.ready.push_back(item);
            }
        }
    }

    /// Reads stdin: the format is forced or sniffed from the first bytes
    /// (peeked, not consumed), so JSONL and WARC stream without a size cap.
    fn open_stdin(&mut self, path: PathBuf) {
        let limit = self.opts.max_doc_bytes;
        let mut input = std::io::BufReader::with_capacity(1 << 16, std::io::stdin());
        let format = match self.opts.format {
            Some(format) => format,
            None => match input.fill_buf() {
                Ok(head) => sniff_format(head),
                Err(source) => {
                    self.ready.push_back(Err(ReadError::Io { path, source }));
                    return;
                }
            },
        };
        match format {
            InputFormat::Jsonl => {
                self.jsonl = Some(jsonl::JsonlReader::new(path, Box::new(input)));
                return;
            }
            InputFormat::Warc => {
                self.warc = Some(warc::WarcInput::from_reader(path, Box::new(input)));
                return;
            }
            InputFormat::Text | InputFormat::Html => {}
        }
        let mut bytes = Vec::new();
        if let Err(source) = input.take(limit as u64 + 1).read_to_end(&mut bytes) {
            self.ready.push_back(Err(ReadError::Io { path, source }));
            return;
        }
        if bytes.len() > limit {
            self.ready.push_back(Err(ReadError::TooLarge {
                path,
                line: None,
                limit,
            }));
            return;
        }
        let item = raw_from_bytes(&path, bytes, format).map(|mut raw| {
            raw.id = None;
            raw
        });
        self.ready.push_back(item);
    }
}

/// Guesses the format of unnamed input (stdin) from its first bytes.
fn sniff_format(bytes: &[u8]) -> InputFormat {
    let head: Vec<u8> = bytes.iter().take(512).copied().collect();
    let head = String::from_utf8_lossy(&head).trim_start().to_lowercase();
    if head.starts_with('{') {
        InputFormat::Jsonl
    } else if head.starts_with("warc/") {
        InputFormat::Warc
    } else if head.starts_with("<!doctype html")
        || head.starts_with("<html")
        || head.starts_with('<')
    {
        InputFormat::Html
    } else {
        InputFormat::Text
    }
}

/// Sorted children of a directory, hidden entries skipped.
fn list_dir(dir: &Path) -> std::io::Result<Vec<PathBuf>> {
    let mut children = Vec::new();
    for entry in std::fs::read_dir(dir)? {
        let entry = entry?;
        let hidden = entry.file_name().to_string_lossy().starts_with('.');
        // Named pipes, sockets and devices are not documents, and opening a
        // pipe that no one writes to blocks forever.
        let special = std::fs::metadata(entry.path()).is_ok_and(|m| !m.is_file() && !m.is_dir());
        if !hidden && !special {
            children.push(entry.path());
        }
    }
    children.sort();
    Ok(children)
}

/// Reads a file whole, refusing it when larger than `limit`.
fn read_whole_file(path: &Path, limit: usize) -> Result<Vec<u8>, ReadError> {
    let io_err = |source| ReadError::Io {
        path: path.to_path_buf(),
        source,
    };
    let file = File::open(path).map_err(io_err)?;
    let too_large = || ReadError::TooLarge {
        path: path.to_path_buf(),
        line: None,
        limit,
    };
    if let Ok(meta) = file.metadata() {
        if meta.len() > limit as u64 {
            return Err(too_large());
        }
    }
    let mut bytes = Vec::new();
    file.take(limit as u64 + 1)
        .read_to_end(&mut bytes)
        .map_err(io_err)?;
    if bytes.len() > limit {
        return Err(too_large());
    }
    Ok(bytes)
}

/// A raw document from a whole file's bytes.
fn raw_from_bytes(
    path: &Path,
    bytes: Vec<u8>,
    format: InputFormat,
) -> Result<RawDocument, ReadError> {
    let content_hash = sha256_hex(&bytes);
    let (text, warning) = decode_text(path, bytes)?;
    if text.trim().is_empty() {
        return Err(ReadError::Empty {
            path: path.to_path_buf(),
            line: None,
        });
    }
    let looks_html = {
        let head = text.trim_start();
        let head = head.get(..head.len().min(64)).unwrap_or("").to_lowercase();
        head.starts_with("<!doctype html") || head.starts_with("<html")
    };
    let body = if format == InputFormat::Html || looks_html {
        RawBody::Html(text)
    } else {
        RawBody::Text(text)
    };
    Ok(RawDocument {
        id: path.file_stem().map(|s| s.to_string_lossy().into_owned()),
        source: None,
        url: None,
        title: None,
        author: None,
        date: None,
        body,
        content_hash,
        warnings: warning.into_iter().collect(),
    })
}
