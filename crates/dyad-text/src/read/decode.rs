//! Bytes → text: binary detection and lossy UTF-8 decoding with a warning.

use std::path::Path;

use crate::ReadError;

/// Known binary file signatures (magic numbers) and their names.
const BINARY_MAGIC: &[(&[u8], &str)] = &[
    (b"%PDF", "PDF signature"),
    (b"PK\x03\x04", "ZIP signature"),
    (b"\x89PNG", "PNG signature"),
    (b"GIF8", "GIF signature"),
    (b"\xFF\xD8\xFF", "JPEG signature"),
    (b"\x1F\x8B", "gzip signature"),
    (b"\x7FELF", "ELF signature"),
    (b"BZh", "bzip2 signature"),
    (b"7z\xBC\xAF", "7-Zip signature"),
    (b"SQLite format 3", "SQLite signature"),
    (b"\xD0\xCF\x11\xE0", "OLE/Office signature"),
    (b"RIFF", "RIFF media signature"),
    (b"OggS", "Ogg signature"),
    (b"\x28\xB5\x2F\xFD", "zstd signature"),
];

/// Why some bytes are not text, or `None` when they look like text.
pub fn binary_reason(bytes: &[u8]) -> Option<String> {
    for (magic, name) in BINARY_MAGIC {
        if bytes.starts_with(magic) {
            return Some((*name).to_string());
        }
    }
    // UTF-16 text would be full of NULs too; dyad reads UTF-8 only, so the
    // NUL test treats it as binary rather than producing garbage.
    if let Some(pos) = bytes.iter().position(|&b| b == 0) {
        return Some(format!("NUL byte at offset {pos}"));
    }
    None
}

/// Decodes bytes as UTF-8 text.
///
/// Binary content is refused; invalid UTF-8 sequences become U+FFFD and the
/// returned warning names the input and how many were replaced. A UTF-8 byte
/// order mark is dropped.
pub fn decode_text(path: &Path, bytes: Vec<u8>) -> Result<(String, Option<String>), ReadError> {
    if let Some(reason) = binary_reason(&bytes) {
        return Err(ReadError::Binary {
            path: path.to_path_buf(),
            reason,
        });
    }
    let (text, warning) = match String::from_utf8(bytes) {
        Ok(text) => (text, None),
        Err(err) => {
            let bytes = err.into_bytes();
            let invalid = bytes
                .utf8_chunks()
                .filter(|c| !c.invalid().is_empty())
                .count();
            let text = String::from_utf8_lossy(&bytes).into_owned();
            let warning = format!(
                "{}: invalid UTF-8: {invalid} replacement character(s) inserted",
                path.display()
            );
            (text, Some(warning))
        }
    };
    let text = match text.strip_prefix('\u{FEFF}') {
        Some(rest) => rest.to_string(),
        None => text,
    };
    Ok((text, warning))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_replacements_and_detects_binary() {
        let (text, warn) =
            decode_text(Path::new("a.txt"), b"ok \xFF\xFE then \xC3".to_vec()).unwrap_or_default();
        assert!(text.contains('\u{FFFD}'));
        let warn = warn.unwrap_or_default();
        assert!(
            warn.contains("a.txt") && warn.contains("3 replacement"),
            "{warn}"
        );
        assert!(binary_reason(b"%PDF-1.4 ...").is_some());
        assert!(binary_reason(b"text\0more").is_some());
        assert!(binary_reason("plain words".as_bytes()).is_none());
    }
}
