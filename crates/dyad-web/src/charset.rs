//! Turning page bytes into text: BOM, declared charset (HTTP header, `<meta>`),
//! or detection, in that order — the order browsers use.

use encoding_rs::{Encoding, UTF_8};
use serde::Serialize;

/// Where the charset used to decode a page came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum CharsetSource {
    /// A byte-order mark at the start of the bytes.
    Bom,
    /// The `charset` parameter of an HTTP `Content-Type` header.
    HttpHeader,
    /// `<meta charset>` or `<meta http-equiv="Content-Type">` in the first bytes.
    MetaTag,
    /// No declaration; the bytes are valid UTF-8.
    ValidUtf8,
    /// Declared as a legacy charset but the bytes are valid non-ASCII UTF-8 (a common
    /// template mistake); decoded as UTF-8.
    Utf8OverridesDeclaration,
    /// No usable declaration; guessed from byte statistics (chardetng).
    Detected,
}

/// A decoded page.
#[derive(Debug, Clone)]
pub struct Decoded {
    /// The page text.
    pub text: String,
    /// WHATWG name of the encoding used, e.g. "windows-1251".
    pub encoding: &'static str,
    /// Where that encoding came from.
    pub source: CharsetSource,
    /// True when some bytes were invalid in that encoding (replaced by U+FFFD).
    pub had_errors: bool,
}

/// How many leading bytes are searched for a `<meta>` charset declaration.
const META_PRESCAN_BYTES: usize = 8192;

/// Decode page bytes. `content_type` is an HTTP `Content-Type` value when known.
pub fn decode(bytes: &[u8], content_type: Option<&str>) -> Decoded {
    if let Some((enc, bom_len)) = Encoding::for_bom(bytes) {
        let rest = bytes.get(bom_len..).unwrap_or_default();
        let (text, had_errors) = enc.decode_without_bom_handling(rest);
        return Decoded {
            text: text.into_owned(),
            encoding: enc.name(),
            source: CharsetSource::Bom,
            had_errors,
        };
    }
    let declared = content_type
        .and_then(charset_param)
        .and_then(|l| Encoding::for_label(l.as_bytes()))
        .map(|e| (e, CharsetSource::HttpHeader))
        .or_else(|| meta_charset(bytes).map(|e| (e, CharsetSource::MetaTag)));
    let utf8_ok = std::str::from_utf8(bytes).is_ok();
    let (enc, source) = match declared {
        // UTF-16 labels in a meta tag of an ASCII-compatible page mean UTF-8 (HTML spec).
        Some((e, s)) if e == encoding_rs::UTF_16LE || e == encoding_rs::UTF_16BE => (UTF_8, s),
        Some((e, _)) if e != UTF_8 && utf8_ok && !bytes.is_ascii() => {
            (UTF_8, CharsetSource::Utf8OverridesDeclaration)
        }
        Some(d) => d,
        None if utf8_ok => (UTF_8, CharsetSource::ValidUtf8),
        None => {
            let mut det = chardetng::EncodingDetector::new();
            det.feed(bytes, true);
            (det.guess(None, true), CharsetSource::Detected)
        }
    };
    let (text, had_errors) = enc.decode_without_bom_handling(bytes);
    Decoded {
        text: text.into_owned(),
        encoding: enc.name(),
        source,
        had_errors,
    }
}

/// The `charset=` parameter of a Content-Type value, without quotes.
pub fn charset_param(content_type: &str) -> Option<String> {
    let lower = content_type.to_ascii_lowercase();
    let at = lower.find("charset")?;
    let rest = lower.get(at + "charset".len()..)?.trim_start();
    let rest = rest.strip_prefix('=')?.trim_start();
    let value: String = rest
        .trim_start_matches(['"', '\''])
        .chars()
        .take_while(|c| !matches!(c, '"' | '\'' | ';' | '>' | ',') && !c.is_whitespace())
        .collect();
    (!value.is_empty()).then_some(value)
}

/// Find a charset declared by a `<meta>` tag in the first bytes (a simplified
/// version of the HTML prescan: `charset=` inside any `<meta ...>` tag).
fn meta_charset(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = bytes
        .get(..bytes.len().min(META_PRESCAN_BYTES))
        .unwrap_or(bytes);
    let mut pos = 0;
    while let Some(off) = memchr::memchr(b'<', head.get(pos..)?) {
        let start = pos + off;
        let tag_end = memchr::memchr(b'>', head.get(start..)?).map_or(head.len(), |e| start + e);
        let tag = head.get(start..tag_end)?;
        if tag.len() > 5
            && tag
                .get(1..5)
                .is_some_and(|n| n.eq_ignore_ascii_case(b"meta"))
        {
            let lower = String::from_utf8_lossy(tag).to_ascii_lowercase();
            if let Some(label) = charset_param(&lower) {
                if let Some(enc) = Encoding::for_label(label.as_bytes()) {
                    return Some(enc);
                }
            }
        }
        pos = tag_end.max(start + 1);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_charset_is_parsed() {
        assert_eq!(
            charset_param("text/html; charset=\"Shift_JIS\"").as_deref(),
            Some("shift_jis")
        );
        assert_eq!(charset_param("text/html").as_deref(), None);
    }

    #[test]
    fn meta_charset_wins_over_detection() {
        let mut page = b"<html><head><meta charset=\"windows-1251\"></head><body>".to_vec();
        let (body, _, _) = encoding_rs::WINDOWS_1251.encode("Привет, мир");
        page.extend_from_slice(&body);
        let d = decode(&page, None);
        assert_eq!(d.encoding, "windows-1251");
        assert_eq!(d.source, CharsetSource::MetaTag);
        assert!(d.text.contains("Привет, мир"));
    }

    #[test]
    fn http_equiv_declaration_is_found() {
        let page =
            b"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=iso-8859-2\"><p>\xb1";
        let d = decode(page, None);
        assert_eq!(d.encoding, "ISO-8859-2");
        assert!(d.text.ends_with('ą'));
    }

    #[test]
    fn valid_utf8_beats_wrong_legacy_declaration() {
        let page = "<meta charset=iso-8859-1><p>Zürich café</p>".as_bytes();
        let d = decode(page, None);
        assert_eq!(d.source, CharsetSource::Utf8OverridesDeclaration);
        assert!(d.text.contains("Zürich café"));
    }
}
