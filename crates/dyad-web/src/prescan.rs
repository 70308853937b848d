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
    /// Most start tags accepted (bounds the parsed tree's memory: about
    /// 300 bytes per element).
    pub max_elements: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_bytes: 64 * 1024 * 1024,
            max_depth: 4096,
            max_elements: 1_000_000,
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
    let mut elements = 0usize;
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
        } else if name.eq_ignore_ascii_case(b"svg") {
            Some(&b"</svg"[..])
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
                let mut self_closing = b.get(..tag_end).is_some_and(|t| t.ends_with(b"/>"));
                if !closing {
                    elements += 1;
                    if elements > limits.max_elements {
                        return Err(WebError::Limit {
                            what: "number of elements",
                            actual: elements,
                            limit: limits.max_elements,
                        });
                    }
                    // Copy the start tag with only the attributes we read.
                    out.push_str(text.get(copied_to..lt).unwrap_or_default());
                    let name_end = lt + 1 + name_len;
                    let is_link = name.eq_ignore_ascii_case(b"link");
                    match rewrite_start_tag(text, lt, name_end, is_link, &mut out) {
                        Some((end, sc)) => {
                            copied_to = end;
                            self_closing = sc;
                        }
                        None => copied_to = lt,
                    }
                }
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
                pos = copied_to.max(lt + 1);
            }
        }
    }
    out.push_str(text.get(copied_to..).unwrap_or_default());
    Ok(Prescanned { html: out })
}

/// Attributes the extractor reads; all others (typically 2/3 of a page's
/// markup bytes: `data-*`, `src`, `href`, tracking) are dropped before parsing.
const KEPT_ATTRS: &[&[u8]] = &[
    b"class",
    b"id",
    b"hidden",
    b"aria-hidden",
    b"role",
    b"rel",
    b"itemprop",
    b"property",
    b"name",
    b"content",
    b"datetime",
    b"type",
    b"charset",
    b"http-equiv",
    b"lang",
];

/// Write `<name` plus the kept attributes of the start tag at `lt` into `out`.
/// Returns the byte after the tag and whether it was self-closing, or `None`
/// (with `out` unchanged) when the tag is not terminated.
fn rewrite_start_tag(
    text: &str,
    lt: usize,
    name_end: usize,
    is_link: bool,
    out: &mut String,
) -> Option<(usize, bool)> {
    let b = text.as_bytes();
    let mark = out.len();
    out.push_str(text.get(lt..name_end)?);
    let mut i = name_end;
    let ws = |c: u8| c.is_ascii_whitespace();
    loop {
        while b.get(i).is_some_and(|&c| ws(c) || c == b'/') {
            i += 1;
        }
        let Some(&c) = b.get(i) else {
            out.truncate(mark);
            return None;
        };
        if c == b'>' {
            let self_closing = i > 0 && b.get(i - 1) == Some(&b'/');
            out.push_str(if self_closing { "/>" } else { ">" });
            return Some((i + 1, self_closing));
        }
        let name_start = i;
        i += 1;
        while b
            .get(i)
            .is_some_and(|&c| !(ws(c) || c == b'=' || c == b'>' || c == b'/'))
        {
            i += 1;
        }
        let attr = b.get(name_start..i)?;
        let attr_end = i;
        while b.get(i).is_some_and(|&c| ws(c)) {
            i += 1;
        }
        let mut value = None;
        if b.get(i) == Some(&b'=') {
            i += 1;
            while b.get(i).is_some_and(|&c| ws(c)) {
                i += 1;
            }
            match b.get(i) {
                Some(&q) if q == b'"' || q == b'\'' => {
                    let Some(close) = memchr::memchr(q, b.get(i + 1..)?) else {
                        out.truncate(mark);
                        return None;
                    };
                    value = Some((i + 1, i + 1 + close));
                    i = i + 1 + close + 1;
                }
                _ => {
                    let start = i;
                    while b.get(i).is_some_and(|&c| !(ws(c) || c == b'>')) {
                        i += 1;
                    }
                    value = Some((start, i));
                }
            }
        }
        let value_text = value.and_then(|(s, e)| text.get(s..e)).unwrap_or_default();
        let keep = KEPT_ATTRS.iter().any(|k| k.eq_ignore_ascii_case(attr))
            || (is_link && attr.eq_ignore_ascii_case(b"href"))
            || (attr.eq_ignore_ascii_case(b"style")
                && (value_text.contains("none") || value_text.contains("hidden")));
        if keep {
            out.push(' ');
            out.push_str(text.get(name_start..attr_end)?);
            if value.is_some() {
                out.push_str("=\"");
                if value_text.contains('"') {
                    out.push_str(&value_text.replace('"', "&quot;"));
                } else {
                    out.push_str(value_text);
                }
                out.push('"');
            }
        }
    }
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
    fn unread_attributes_are_dropped() {
        let page = "<div data-x='1 > 2' class=\"a b\" onclick=\"f('x')\" id=main hidden><a href=\"/x\" rel='author \"q\"'>t</a>\
                    <link rel=canonical href=\"https://x.example/a\"/><img src=x.png/><p style=\"display:none\">h</p><div class=\"unterminated";
        let p = prescan(page, &Limits::default()).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(
            p.html,
            "<div class=\"a b\" id=\"main\" hidden><a rel=\"author &quot;q&quot;\">t</a>\
             <link rel=\"canonical\" href=\"https://x.example/a\"/><img/><p style=\"display:none\">h</p><div class=\"unterminated"
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
