//! Streaming JSONL reader: one record a line, bounded memory per line.

use std::io::{BufRead, BufReader, Read};
use std::path::PathBuf;

use chrono::NaiveDate;
use dyad_core::DateOrigin;
use serde::Deserialize;

use super::{decode_text, sha256_hex, RawBody, RawDocument, ReadOptions};
use crate::ReadError;

/// The fields dyad understands in a JSONL record; others are ignored.
#[derive(Debug, Deserialize)]
struct Record {
    id: Option<serde_json::Value>,
    url: Option<String>,
    title: Option<String>,
    date: Option<String>,
    source: Option<String>,
    author: Option<String>,
    text: Option<String>,
    html: Option<String>,
}

/// Outcome of reading one line with a length limit.
enum Line {
    /// A complete line (without the newline) is in the buffer.
    Complete,
    /// The line was longer than the limit; it was skipped to its end.
    TooLong,
    /// End of input.
    Eof,
}

/// Reads records from one JSONL input.
pub struct JsonlReader {
    path: PathBuf,
    reader: BufReader<Box<dyn Read>>,
    line_no: usize,
    buf: Vec<u8>,
}

impl JsonlReader {
    /// A reader of `input`; `path` names it in errors (`path:line`).
    pub fn new(path: PathBuf, input: Box<dyn Read>) -> Self {
        JsonlReader {
            path,
            reader: BufReader::with_capacity(1 << 16, input),
            line_no: 0,
            buf: Vec::new(),
        }
    }

    /// The next record (or error) of this input; `None` at its end.
    pub fn next_record(&mut self, opts: &ReadOptions) -> Option<Result<RawDocument, ReadError>> {
        loop {
            let outcome = match self.read_line(opts.max_doc_bytes) {
                Ok(o) => o,
                Err(source) => {
                    return Some(Err(ReadError::Io {
                        path: self.path.clone(),
                        source,
                    }))
                }
            };
            self.line_no += 1;
            match outcome {
                Line::Eof => return None,
                Line::TooLong => {
                    return Some(Err(ReadError::TooLarge {
                        path: self.path.clone(),
                        line: Some(self.line_no),
                        limit: opts.max_doc_bytes,
                    }))
                }
                Line::Complete => {
                    if self.buf.iter().all(|b| b.is_ascii_whitespace()) {
                        continue;
                    }
                    return Some(self.parse_line());
                }
            }
        }
    }

    /// Reads one line into `self.buf`, never holding more than `limit` bytes.
    fn read_line(&mut self, limit: usize) -> std::io::Result<Line> {
        self.buf.clear();
        let mut too_long = false;
        let mut any = false;
        loop {
            let chunk = self.reader.fill_buf()?;
            if chunk.is_empty() {
                return Ok(if !any {
                    Line::Eof
                } else if too_long {
                    Line::TooLong
                } else {
                    Line::Complete
                });
            }
            any = true;
            let (part, done) = match chunk.iter().position(|&b| b == b'\n') {
                Some(i) => (&chunk[..i], Some(i + 1)),
                None => (chunk, None),
            };
            if !too_long {
                if self.buf.len() + part.len() > limit {
                    too_long = true;
                    self.buf.clear();
                } else {
                    self.buf.extend_from_slice(part);
                }
            }
            let used = done.unwrap_or(chunk.len());
            self.reader.consume(used);
            if done.is_some() {
                return Ok(if too_long {
                    Line::TooLong
                } else {
                    Line::Complete
                });
            }
        }
    }

    fn parse_line(&mut self) -> Result<RawDocument, ReadError> {
        let line = self.line_no;
        let err = |message: String| ReadError::Jsonl {
            path: self.path.clone(),
            line,
            message,
        };
        let bytes = std::mem::take(&mut self.buf);
        let content_hash = sha256_hex(&bytes);
        let label = PathBuf::from(format!("{}:{line}", self.path.display()));
        let (text, warning) = decode_text(&label, bytes).map_err(|e| err(e.to_string()))?;
        let record: Record = serde_json::from_str(&text).map_err(|e| err(e.to_string()))?;
        let id = match record.id {
            Some(serde_json::Value::String(s)) => Some(s),
            Some(serde_json::Value::Number(n)) => Some(n.to_string()),
            Some(serde_json::Value::Null) | None => None,
            Some(other) => {
                return Err(err(format!("`id` must be a string or number, not {other}")))
            }
        };
        let mut warnings: Vec<String> = warning.into_iter().collect();
        let given = record
            .date
            .as_deref()
            .map(str::trim)
            .filter(|d| !d.is_empty());
        let date = match given {
            Some(d) => match parse_record_date(d) {
                Some(date) => Some((date, DateOrigin::Record)),
                None => {
                    // A date in an unknown format is not worth losing the
                    // document over: warn and infer from the text instead.
                    warnings.push(format!(
                        "{}:{line}: unreadable date {d:?} (want YYYY-MM-DD); inferring from the text",
                        self.path.display()
                    ));
                    None
                }
            },
            None => None,
        };
        let body = match (record.text, record.html) {
            (Some(t), _) if !t.trim().is_empty() => RawBody::Text(t),
            (_, Some(h)) if !h.trim().is_empty() => RawBody::Html(h),
            _ => {
                return Err(ReadError::Empty {
                    path: self.path.clone(),
                    line: Some(line),
                })
            }
        };
        Ok(RawDocument {
            id,
            source: record.source,
            url: record.url,
            title: record.title,
            author: record.author,
            date,
            body,
            content_hash,
            warnings,
        })
    }
}

/// Parses a record date: `YYYY-MM-DD`, optionally followed by a time
/// (`2019-04-10T12:00:00Z`, `2019-04-10 12:00`).
pub fn parse_record_date(s: &str) -> Option<NaiveDate> {
    let head = s.get(..10)?;
    NaiveDate::parse_from_str(head, "%Y-%m-%d").ok()
}
