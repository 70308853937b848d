//! A byte-level pass before parsing: drops `<script>`, `<style>` and comment
//! contents (never article text, and half of a typical news page's bytes), keeps
//! JSON-LD scripts for the metadata reader, and estimates element nesting so a
//! pathological page is refused before the tree builder sees it.

use crate::error::WebError;

/// Limits applied to every page; see `docs/web.md`.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// Largest page accepted, in bytes of decoded text.
    pub max_bytes: usize,
    /// Deepest element nesting accepted (estimated from start/end tags of
    /// elements that are not closed implicitly).
    pub max_depth: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_bytes: 64 * 1024 * 1024,
            max_depth: 4096,
        }
    }
}

/// The page with scripts, styles and comments removed.
pub struct Prescanned {
    /// HTML to parse.
    pub html: String,
}

/// Elements that end implicitly or are void: they do not add to nesting depth
/// when their end tag is missing, so they are not counted.
const UNCOUNTED: &[&[u8]] = &[
    b"p",
    b"li",
    b"dt",
    b"dd",
    b"tr",
    b"td",
    b"th",
    b"option",
    b"optgroup",
    b"thead",
    b"tbody",
    b"tfoot",
    b"colgroup",
    b"rb",
    b"rt",
    b"rp",
    b"html",
    b"head",
    b"body",
    b"br",
    b"img",
    b"hr",
    b"meta",
    b"link",
    b"input",
    b"source",
    b"wbr",
    b"area",
    b"base",
    b"col",
    b"embed",
    b"param",
    b"track",
    b"keygen",
];

/// Run the prescan, enforcing `limits`.
pub fn prescan(text: &str, limits: &Limits) -> Result<Prescanned, WebError> {
    if text.len() > limits.max_bytes {
        return Err(WebError::Limit {
            what: "page size in bytes",
            actual: text.len(),
            limit: limits.max_bytes,
        });
    }
    let b = text.as_bytes();
    let mut out = String::with_capacity(text.len() / 2);
    let (mut pos, mut copied_to, mut depth, mut max_depth) = (0usize, 0usize, 0usize, 0usize);
    while let Some(off) = b.get(pos..).and_then(|s| memchr::memchr(b'<', s)) {
        let lt = pos + off;
        let rest = b.get(lt + 1..).unwrap_or_default();
        if rest.starts_with(b"!--") {
            // Comment: drop through "-->" (or to the end if unterminated, like the parser).
            let end = find_ci(rest.get(3..).unwrap_or_default(), b"-->")
                .map_or(b.len(), |e| lt + 4 + e + 3);
            out.push_str(text.get(copied_to..lt).unwrap_or_default());
            copied_to = end;
            pos = end;
            continue;
        }
        let closing = rest.first() == Some(&b'/');
        let name_start = if closing { 1 } else { 0 };
        let name_len = rest
            .get(name_start..)
            .unwrap_or_default()
            .iter()
            .take_while(|c| c.is_ascii_alphanumeric() || **c == b'-' || **c == b':')
            .count();
        let name = rest
            .get(name_start..name_start + name_len)
            .unwrap_or_default();
        if name.is_empty() || !name.first().is_some_and(|c| c.is_ascii_alphabetic()) {
            pos = lt + 1;
            continue;
        }
        let raw = if name.eq_ignore_ascii_case(b"script") {
            Some(&b"</script"[..])
        } else if name.eq_ignore_ascii_case(b"style") {
            Some(&b"</style"[..])
        } else {
            None
        };
        let tag_end = memchr::memchr(b'>', rest).map_or(b.len(), |e| lt + 1 + e + 1);
        match raw {
            Some(end_tag) if !closing => {
                let open_tag = b.get(lt..tag_end).unwrap_or_default();
                let keep = find_ci(open_tag, b"ld+json").is_some();
                let body = b.get(tag_end..).unwrap_or_default();
                let Some(e) = find_ci(body, end_tag) else {
                    // Unterminated raw text runs to the end of the page.
                    out.push_str(text.get(copied_to..lt).unwrap_or_default());
                    copied_to = b.len();
                    break;
                };
                let close_end = memchr::memchr(b'>', body.get(e..).unwrap_or_default())
                    .map_or(b.len(), |x| tag_end + e + x + 1);
                if !keep {
                    out.push_str(text.get(copied_to..lt).unwrap_or_default());
                    copied_to = close_end;
                }
                pos = close_end;
            }
            _ => {
                let counted = !UNCOUNTED.iter().any(|u| u.eq_ignore_ascii_case(name));
                let self_closing = b.get(..tag_end).is_some_and(|t| t.ends_with(b"/>"));
                if counted && !self_closing {
                    if closing {
                        depth = depth.saturating_sub(1);
                    } else {
                        depth += 1;
                        max_depth = max_depth.max(depth);
                        if max_depth > limits.max_depth {
                            return Err(WebError::Limit {
                                what: "element nesting depth",
                                actual: max_depth,
                                limit: limits.max_depth,
                            });
                        }
                    }
                }
                pos = lt + 1;
            }
        }
    }
    out.push_str(text.get(copied_to..).unwrap_or_default());
    Ok(Prescanned { html: out })
}

/// Case-insensitive search of an ASCII needle.
fn find_ci(hay: &[u8], needle: &[u8]) -> Option<usize> {
    let first = needle.first()?;
    let (lo, up) = (first.to_ascii_lowercase(), first.to_ascii_uppercase());
    let mut pos = 0;
    while let Some(off) = memchr::memchr2(lo, up, hay.get(pos..)?) {
        let at = pos + off;
        if hay
            .get(at..at + needle.len())
            .is_some_and(|w| w.eq_ignore_ascii_case(needle))
        {
            return Some(at);
        }
        pos = at + 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scripts_styles_comments_go_json_ld_stays() {
        let page = "<p>a<script>if (x<y) {}</script>b<style>p{}</style>c<!-- hidden -->d</p>\
                    <SCRIPT type=\"application/ld+json\">{\"@type\":\"NewsArticle\"}</SCRIPT>";
        let p = prescan(page, &Limits::default()).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(
            p.html,
            "<p>abcd</p><SCRIPT type=\"application/ld+json\">{\"@type\":\"NewsArticle\"}</SCRIPT>"
        );
    }

    #[test]
    fn deep_nesting_is_refused() {
        let page = "<div>".repeat(5000);
        assert!(matches!(
            prescan(&page, &Limits::default()),
            Err(WebError::Limit { .. })
        ));
        let ok = "<p>".repeat(5000);
        assert!(prescan(&ok, &Limits::default()).is_ok());
    }
}
