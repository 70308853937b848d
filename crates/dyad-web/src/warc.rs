//! Streaming reader for WARC 1.0/1.1 files, plain or gzip-compressed (one gzip
//! member per record as in Common Crawl, or a single member), yielding the HTML
//! pages of `response` records.
//!
//! Why not the `warc` crate: we need to (a) cap the size of any one record and
//! skip oversized ones without buffering them, (b) resynchronise after a
//! malformed header instead of ending the stream, and (c) count every skip for
//! the caller. The format is small (a version line, `Name: value` headers, a
//! blank line, `Content-Length` bytes), so a careful reader here is simpler than
//! wrapping a crate that buffers whole records.

use crate::error::WebError;
use chrono::{DateTime, FixedOffset};
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

/// Records larger than this are skipped (counted in `skipped_too_large`).
pub const MAX_RECORD_BYTES: u64 = 32 * 1024 * 1024;
/// Longest header block accepted.
const MAX_HEADER_BYTES: usize = 64 * 1024;
/// At most this many warning texts are kept (all are counted).
const MAX_WARNINGS: usize = 100;

/// One HTML page from a WARC `response` record.
#[derive(Debug, Clone)]
pub struct WarcPage {
    /// `WARC-Target-URI`.
    pub uri: String,
    /// `WARC-Date` (capture time), when parseable.
    pub date: Option<DateTime<FixedOffset>>,
    /// `WARC-Record-ID`.
    pub record_id: Option<String>,
    /// HTTP status code.
    pub status: u16,
    /// HTTP `Content-Type` value, if any (carries the declared charset).
    pub content_type: Option<String>,
    /// The HTTP payload (de-chunked and decompressed when the headers say so).
    pub body: Vec<u8>,
}

impl WarcPage {
    /// Decode and extract this page (charset from the HTTP header, then the page).
    pub fn extract(&self) -> Result<crate::Extraction, WebError> {
        crate::extract_bytes(&self.body, Some(&self.uri), self.content_type.as_deref())
    }
}

/// What the reader skipped, for reporting.
#[derive(Debug, Clone, Default)]
pub struct WarcStats {
    /// Records read (all types).
    pub records: u64,
    /// HTML pages yielded.
    pub pages: u64,
    /// Records that were not HTML responses (request, metadata, images, non-2xx...).
    pub skipped_non_html: u64,
    /// Malformed or truncated records.
    pub skipped_invalid: u64,
    /// Records over [`MAX_RECORD_BYTES`].
    pub skipped_too_large: u64,
    /// The first warnings, as text.
    pub warnings: Vec<String>,
}

/// Streams [`WarcPage`]s out of a WARC file; see the module docs.
pub struct WarcReader<R> {
    input: R,
    path: PathBuf,
    offset: u64,
    done: bool,
    stats: WarcStats,
}

impl WarcReader<Box<dyn BufRead + Send>> {
    /// Open a `.warc` or `.warc.gz` file (gzip recognised by its magic bytes).
    pub fn open(path: &Path) -> Result<Self, WebError> {
        let io = |source| WebError::Io {
            path: path.to_path_buf(),
            source,
        };
        let mut file = BufReader::with_capacity(1 << 16, std::fs::File::open(path).map_err(io)?);
        let gz = file.fill_buf().map_err(io)?.starts_with(&[0x1f, 0x8b]);
        let input: Box<dyn BufRead + Send> = if gz {
            Box::new(BufReader::with_capacity(
                1 << 16,
                flate2::bufread::MultiGzDecoder::new(file),
            ))
        } else {
            Box::new(file)
        };
        Ok(WarcReader::new(input, path))
    }
}

impl<R: BufRead> WarcReader<R> {
    /// Read WARC records from any buffered reader (already decompressed).
    pub fn new(input: R, name: &Path) -> Self {
        WarcReader {
            input,
            path: name.to_path_buf(),
            offset: 0,
            done: false,
            stats: WarcStats::default(),
        }
    }

    /// Counters so far.
    pub fn stats(&self) -> &WarcStats {
        &self.stats
    }

    fn warn(&mut self, e: &WebError) {
        if self.stats.warnings.len() < MAX_WARNINGS {
            self.stats.warnings.push(e.to_string());
        }
    }

    fn error(&self, offset: u64, reason: impl Into<String>) -> WebError {
        WebError::Warc {
            path: self.path.clone(),
            offset,
            reason: reason.into(),
        }
    }

    /// Read one line (with its terminator) into `buf`, bounded; 0 at end of input.
    fn line(&mut self, buf: &mut Vec<u8>) -> Result<usize, WebError> {
        buf.clear();
        let n = (&mut self.input)
            .take(MAX_HEADER_BYTES as u64)
            .read_until(b'\n', buf)
            .map_err(|e| {
                self.error(
                    self.offset,
                    format!("read failed (truncated or invalid gzip?): {e}"),
                )
            })?;
        self.offset += n as u64;
        Ok(n)
    }

    /// Next record's headers and body; `Ok(None)` at a clean end.
    fn next_record(&mut self) -> Result<Option<Record>, WebError> {
        let mut line = Vec::new();
        // Skip blank lines between records; resynchronise on garbage.
        let start = loop {
            let at = self.offset;
            if self.line(&mut line)? == 0 {
                return Ok(None);
            }
            if line.starts_with(b"WARC/") {
                break at;
            }
            if !line.iter().all(u8::is_ascii_whitespace) {
                self.stats.skipped_invalid += 1;
                let e = self.error(
                    at,
                    "expected a WARC/ version line; skipping to the next record",
                );
                self.warn(&e);
                // Keep scanning for the next version line without yielding again for this garbage.
                loop {
                    if self.line(&mut line)? == 0 {
                        return Ok(None);
                    }
                    if line.starts_with(b"WARC/") {
                        break;
                    }
                }
                break self.offset;
            }
        };
        let mut headers: Vec<(String, String)> = Vec::new();
        let mut header_bytes = 0;
        loop {
            let n = self.line(&mut line)?;
            header_bytes += n;
            if n == 0 {
                return Err(self.error(start, "file ends inside the record header"));
            }
            if header_bytes > MAX_HEADER_BYTES {
                return Err(self.error(start, "header block too long"));
            }
            let text = String::from_utf8_lossy(&line);
            let text = text.trim_end_matches(['\r', '\n']);
            if text.is_empty() {
                break;
            }
            if let Some((k, v)) = text.split_once(':') {
                headers.push((k.trim().to_ascii_lowercase(), v.trim().to_string()));
            }
        }
        let get = |k: &str| headers.iter().find(|(n, _)| n == k).map(|(_, v)| v.clone());
        let len: u64 = get("content-length")
            .and_then(|v| v.parse().ok())
            .ok_or_else(|| self.error(start, "missing or invalid Content-Length"))?;
        let kind = get("warc-type").unwrap_or_default().to_ascii_lowercase();
        let wanted = kind == "response";
        if !wanted || len > MAX_RECORD_BYTES {
            let copied = std::io::copy(&mut (&mut self.input).take(len), &mut std::io::sink())
                .map_err(|e| {
                    self.error(
                        start,
                        format!("read failed (truncated or invalid gzip?): {e}"),
                    )
                })?;
            self.offset += copied;
            if copied < len {
                return Err(self.error(
                    start,
                    format!("record truncated: {copied} of {len} content bytes"),
                ));
            }
            return Ok(Some(Record {
                headers,
                body: None,
                too_large: wanted,
            }));
        }
        let mut body = Vec::with_capacity(len as usize);
        let got = (&mut self.input)
            .take(len)
            .read_to_end(&mut body)
            .map_err(|e| {
                self.error(
                    start,
                    format!("read failed (truncated or invalid gzip?): {e}"),
                )
            })?;
        self.offset += got as u64;
        if (got as u64) < len {
            return Err(self.error(
                start,
                format!("record truncated: {got} of {len} content bytes"),
            ));
        }
        Ok(Some(Record {
            headers,
            body: Some(body),
            too_large: false,
        }))
    }
}

struct Record {
    headers: Vec<(String, String)>,
    body: Option<Vec<u8>>,
    too_large: bool,
}

impl<R: BufRead> Iterator for WarcReader<R> {
    type Item = Result<WarcPage, WebError>;

    fn next(&mut self) -> Option<Self::Item> {
        while !self.done {
            let rec = match self.next_record() {
                Ok(Some(r)) => r,
                Ok(None) => {
                    self.done = true;
                    return None;
                }
                Err(e) => {
                    // A truncated record or broken gzip stream cannot be resynchronised.
                    self.done = true;
                    self.stats.skipped_invalid += 1;
                    self.warn(&e);
                    return Some(Err(e));
                }
            };
            self.stats.records += 1;
            if rec.too_large {
                self.stats.skipped_too_large += 1;
                continue;
            }
            let Some(body) = rec.body else {
                self.stats.skipped_non_html += 1;
                continue;
            };
            let get = |k: &str| {
                rec.headers
                    .iter()
                    .find(|(n, _)| n == k)
                    .map(|(_, v)| v.clone())
            };
            let uri = get("warc-target-uri")
                .unwrap_or_default()
                .trim_matches(['<', '>'])
                .to_string();
            let date = get("warc-date").and_then(|d| DateTime::parse_from_rfc3339(&d).ok());
            match parse_http(&body) {
                Some(http) if http.is_html && (200..300).contains(&http.status) => {
                    self.stats.pages += 1;
                    return Some(Ok(WarcPage {
                        uri,
                        date,
                        record_id: get("warc-record-id"),
                        status: http.status,
                        content_type: http.content_type,
                        body: http.body,
                    }));
                }
                Some(_) => self.stats.skipped_non_html += 1,
                None => {
                    self.stats.skipped_invalid += 1;
                    let e = self.error(
                        self.offset,
                        format!("response for {uri} has no valid HTTP header"),
                    );
                    self.warn(&e);
                }
            }
        }
        None
    }
}

struct Http {
    status: u16,
    content_type: Option<String>,
    is_html: bool,
    body: Vec<u8>,
}

fn parse_http(rec: &[u8]) -> Option<Http> {
    let head_end = memchr::memmem::find(rec, b"\r\n\r\n")
        .map(|i| (i, i + 4))
        .or_else(|| memchr::memmem::find(rec, b"\n\n").map(|i| (i, i + 2)))?;
    let head = String::from_utf8_lossy(rec.get(..head_end.0)?);
    let mut lines = head.lines();
    let status_line = lines.next()?;
    if !status_line.starts_with("HTTP/") {
        return None;
    }
    let status: u16 = status_line.split_whitespace().nth(1)?.parse().ok()?;
    let mut content_type = None;
    let (mut chunked, mut gzip) = (false, false);
    for l in lines {
        let Some((k, v)) = l.split_once(':') else {
            continue;
        };
        let (k, v) = (k.trim().to_ascii_lowercase(), v.trim());
        match k.as_str() {
            "content-type" => content_type = Some(v.to_string()),
            "transfer-encoding" => chunked = v.to_ascii_lowercase().contains("chunked"),
            "content-encoding" => gzip = v.to_ascii_lowercase().contains("gzip"),
            _ => {}
        }
    }
    let mut body = rec.get(head_end.1..)?.to_vec();
    if chunked {
        if let Some(d) = dechunk(&body) {
            body = d;
        }
    }
    if gzip && body.starts_with(&[0x1f, 0x8b]) {
        let mut out = Vec::new();
        let ok = flate2::read::MultiGzDecoder::new(body.as_slice())
            .take(MAX_RECORD_BYTES)
            .read_to_end(&mut out)
            .is_ok();
        if ok {
            body = out;
        }
    }
    let is_html = match &content_type {
        Some(ct) => {
            let ct = ct.to_ascii_lowercase();
            ct.contains("html")
        }
        None => {
            let start: Vec<u8> = body.iter().take(512).map(u8::to_ascii_lowercase).collect();
            memchr::memmem::find(&start, b"<html").is_some()
                || memchr::memmem::find(&start, b"<!doctype html").is_some()
        }
    };
    Some(Http {
        status,
        content_type,
        is_html,
        body,
    })
}

/// Undo HTTP chunked transfer encoding; `None` if the body is not validly chunked.
fn dechunk(mut b: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(b.len());
    loop {
        let nl = memchr::memchr(b'\n', b)?;
        let size_text = std::str::from_utf8(b.get(..nl)?).ok()?.trim();
        let size_text = size_text.split(';').next()?.trim();
        let size = usize::from_str_radix(size_text, 16).ok()?;
        b = b.get(nl + 1..)?;
        if size == 0 {
            return Some(out);
        }
        out.extend_from_slice(b.get(..size)?);
        b = b.get(size..)?;
        b = b
            .strip_prefix(b"\r\n")
            .or_else(|| b.strip_prefix(b"\n"))
            .unwrap_or(b);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chunked_bodies_are_joined() {
        assert_eq!(
            dechunk(b"5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n").as_deref(),
            Some(&b"hello world"[..])
        );
        assert_eq!(dechunk(b"<html>"), None);
    }

    #[test]
    fn http_head_is_parsed() {
        let h = parse_http(
            b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<p>x</p>",
        );
        let h = h.unwrap_or_else(|| panic!("no http"));
        assert_eq!(
            (h.status, h.is_html, h.body.as_slice()),
            (200, true, &b"<p>x</p>"[..])
        );
    }
}
