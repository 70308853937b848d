//! WARC input through `dyad-web`'s streaming reader: one raw document per
//! HTML response record.

use std::io::BufRead;
use std::path::{Path, PathBuf};

use dyad_core::DateOrigin;

use super::{sha256_hex, RawBody, RawDocument};
use crate::ReadError;

/// Reads the HTML pages of one WARC file.
pub struct WarcInput {
    path: PathBuf,
    reader: dyad_web::WarcReader<Box<dyn BufRead + Send>>,
}

impl WarcInput {
    /// Opens a `.warc` or `.warc.gz` file.
    pub fn open(path: &Path) -> Result<WarcInput, ReadError> {
        let reader = dyad_web::WarcReader::open(path).map_err(|e| ReadError::Web {
            path: path.to_path_buf(),
            message: e.to_string(),
        })?;
        Ok(WarcInput {
            path: path.to_path_buf(),
            reader,
        })
    }

    /// Reads WARC records from an already decompressed stream (stdin).
    pub fn from_reader(path: PathBuf, input: Box<dyn BufRead + Send>) -> WarcInput {
        let reader = dyad_web::WarcReader::new(input, &path);
        WarcInput { path, reader }
    }

    /// The next page as a raw document (or the error reading it).
    pub fn next_record(&mut self) -> Option<Result<RawDocument, ReadError>> {
        let item = self.reader.next()?;
        Some(match item {
            Ok(page) => {
                let decoded = dyad_web::decode(&page.body, page.content_type.as_deref());
                let mut warnings = Vec::new();
                if decoded.had_errors {
                    warnings.push(format!(
                        "{} ({}): invalid {} bytes replaced",
                        self.path.display(),
                        page.uri,
                        decoded.encoding
                    ));
                }
                let id = page.record_id.as_deref().map(|r| {
                    r.trim_matches(['<', '>'])
                        .trim_start_matches("urn:uuid:")
                        .to_string()
                });
                Ok(RawDocument {
                    id,
                    source: None,
                    url: Some(page.uri.clone()).filter(|u| !u.is_empty()),
                    title: None,
                    author: None,
                    date: page.date.map(|d| (d.date_naive(), DateOrigin::Warc)),
                    content_hash: sha256_hex(&page.body),
                    body: RawBody::Html(decoded.text),
                    warnings,
                })
            }
            Err(e) => Err(ReadError::Web {
                path: self.path.clone(),
                message: e.to_string(),
            }),
        })
    }
}
