//! HTML → text and page metadata.
//!
//! [`read_html_page`] uses `dyad-web`'s main-content extractor and page
//! metadata. When that finds no article or refuses the page, it falls back to
//! [`extract_html`], dyad-text's own small extractor: the text of `<article>`
//! (or the whole `<body>`) without scripts, styles, navigation, headers,
//! footers, asides and forms, one block element a line.

use std::sync::LazyLock;

use chrono::NaiveDate;
use dyad_core::{DateOrigin, ZoneKind};
use regex::Regex;

/// An HTML page read for cleaning: its text lines (some with a zone known
/// from the markup) and its metadata.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct HtmlPage {
    /// Text blocks in page order; captions and headings are marked.
    pub lines: Vec<(String, Option<ZoneKind>)>,
    /// Headline.
    pub title: Option<String>,
    /// Author(s), comma-separated.
    pub author: Option<String>,
    /// Canonical URL.
    pub url: Option<String>,
    /// Publication date and where it came from.
    pub date: Option<(NaiveDate, DateOrigin)>,
    /// Page language.
    pub language: Option<String>,
    /// What happened (fallbacks, extractor notes).
    pub notes: Vec<String>,
}

/// Reads an HTML page with `dyad-web`, falling back to [`extract_html`].
pub fn read_html_page(html: &str, url: Option<&str>) -> HtmlPage {
    let failure = match dyad_web::extract(html, url) {
        Ok(ex) if !ex.is_empty() => return page_from_extraction(ex),
        Ok(ex) => format!("no article found by dyad-web ({})", ex.notes.join("; ")),
        Err(e) => format!("dyad-web refused the page ({e})"),
    };
    let parts = extract_html(html);
    HtmlPage {
        lines: parts.text.lines().map(|l| (l.to_string(), None)).collect(),
        title: parts.title,
        author: parts.author,
        url: parts.url,
        date: parts.date.map(|d| (d, DateOrigin::HtmlMeta)),
        language: None,
        notes: vec![format!("{failure}; used the simple fallback extractor")],
    }
}

fn page_from_extraction(ex: dyad_web::Extraction) -> HtmlPage {
    let meta = ex.metadata;
    let lines = ex
        .blocks
        .into_iter()
        .map(|b| {
            let hint = match b.kind {
                dyad_web::BlockKind::Caption => Some(ZoneKind::Caption),
                dyad_web::BlockKind::Heading => Some(ZoneKind::Heading),
                _ => None,
            };
            (b.text, hint)
        })
        .collect();
    let authors: Vec<String> = meta.authors.into_iter().map(|a| a.value).collect();
    HtmlPage {
        lines,
        title: meta.title.map(|t| t.value),
        author: (!authors.is_empty()).then(|| authors.join(", ")),
        url: meta.canonical_url.map(|u| u.value),
        date: meta.published.map(|p| {
            let origin = match p.origin {
                dyad_web::MetaOrigin::Url => DateOrigin::Url,
                _ => DateOrigin::HtmlMeta,
            };
            (p.value.date, origin)
        }),
        language: meta.language.map(|l| l.value),
        notes: ex.notes,
    }
}

/// What was found in an HTML page.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct HtmlParts {
    /// The main text, one block element a line.
    pub text: String,
    /// `<title>` or `og:title`.
    pub title: Option<String>,
    /// Publication date from meta tags, JSON-LD or `<time datetime>`.
    pub date: Option<NaiveDate>,
    /// Author from meta tags.
    pub author: Option<String>,
    /// Canonical URL.
    pub url: Option<String>,
}

static DROP_BLOCKS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?is)<(script|style|noscript|nav|header|footer|aside|form|svg|iframe|template)\b.*?</(script|style|noscript|nav|header|footer|aside|form|svg|iframe|template)\s*>")
        .unwrap_or_else(|_| unreachable_regex())
});
static COMMENTS: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?s)<!--.*?-->").unwrap_or_else(|_| unreachable_regex()));
static BLOCK_TAGS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)</?(p|div|br|h[1-6]|li|ul|ol|tr|td|th|table|figcaption|figure|article|section|blockquote|pre|dd|dt|main)\b[^>]*>")
        .unwrap_or_else(|_| unreachable_regex())
});
static ANY_TAG: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?s)<[^>]*>").unwrap_or_else(|_| unreachable_regex()));
static ARTICLE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?is)<article\b[^>]*>(.*)</article\s*>").unwrap_or_else(|_| unreachable_regex())
});
static BODY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?is)<body\b[^>]*>(.*)(</body\s*>|$)").unwrap_or_else(|_| unreachable_regex())
});
static TITLE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?is)<title\b[^>]*>(.*?)</title\s*>").unwrap_or_else(|_| unreachable_regex())
});
static META: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?is)<meta\b[^>]*>").unwrap_or_else(|_| unreachable_regex()));
static ATTR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"(?is)([a-z:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')"#)
        .unwrap_or_else(|_| unreachable_regex())
});
static JSONLD_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#""datePublished"\s*:\s*"(\d{4}-\d{2}-\d{2})"#)
        .unwrap_or_else(|_| unreachable_regex())
});
static TIME_TAG: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"(?is)<time\b[^>]*datetime\s*=\s*["'](\d{4}-\d{2}-\d{2})"#)
        .unwrap_or_else(|_| unreachable_regex())
});
static ENTITY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z]{2,8});")
        .unwrap_or_else(|_| unreachable_regex())
});

/// The patterns above are constants checked by the unit tests; a failure to
/// compile them is a programming error, reported by a regex matching nothing.
fn unreachable_regex() -> Regex {
    Regex::new(r"[^\s\S]").unwrap_or_else(|_| std::process::abort())
}

/// Extracts the main text and metadata of an HTML page. Never panics;
/// malformed HTML gives best-effort text.
pub fn extract_html(html: &str) -> HtmlParts {
    let mut parts = HtmlParts {
        title: TITLE
            .captures(html)
            .and_then(|c| c.get(1))
            .map(|m| collapse_ws(&decode_entities(m.as_str())))
            .filter(|t| !t.is_empty()),
        ..HtmlParts::default()
    };
    read_meta(html, &mut parts);
    if parts.date.is_none() {
        parts.date = JSONLD_DATE
            .captures(html)
            .or_else(|| TIME_TAG.captures(html))
            .and_then(|c| c.get(1))
            .and_then(|m| NaiveDate::parse_from_str(m.as_str(), "%Y-%m-%d").ok());
    }
    let html = COMMENTS.replace_all(html, " ");
    let html = DROP_BLOCKS.replace_all(&html, "\n");
    let main = ARTICLE
        .captures(&html)
        .or_else(|| BODY.captures(&html))
        .and_then(|c| c.get(1))
        .map(|m| m.as_str().to_string())
        .unwrap_or_else(|| html.to_string());
    let text = BLOCK_TAGS.replace_all(&main, "\n");
    let text = ANY_TAG.replace_all(&text, "");
    let text = decode_entities(&text);
    let mut out = String::with_capacity(text.len());
    for line in text.lines() {
        let line = collapse_ws(line);
        if !line.is_empty() {
            out.push_str(&line);
            out.push('\n');
        }
    }
    parts.text = out;
    parts
}

fn read_meta(html: &str, parts: &mut HtmlParts) {
    for tag in META.find_iter(html) {
        let mut key = String::new();
        let mut content = String::new();
        for cap in ATTR.captures_iter(tag.as_str()) {
            let name = cap
                .get(1)
                .map(|m| m.as_str().to_lowercase())
                .unwrap_or_default();
            let value = cap
                .get(2)
                .or_else(|| cap.get(3))
                .map(|m| m.as_str())
                .unwrap_or("");
            match name.as_str() {
                "name" | "property" | "itemprop" => key = value.to_lowercase(),
                "content" => content = decode_entities(value),
                _ => {}
            }
        }
        let content = content.trim();
        if content.is_empty() {
            continue;
        }
        match key.as_str() {
            "article:published_time"
            | "datepublished"
            | "date"
            | "pubdate"
            | "dc.date"
            | "dc.date.issued"
            | "publish-date"
            | "og:published_time"
            | "sailthru.date"
                if parts.date.is_none() =>
            {
                parts.date = content
                    .get(..10)
                    .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok());
            }
            "author" | "article:author" | "dc.creator"
                if parts.author.is_none() && !content.starts_with("http") =>
            {
                parts.author = Some(content.to_string());
            }
            "og:title" if parts.title.is_none() => parts.title = Some(content.to_string()),
            "og:url" if parts.url.is_none() => parts.url = Some(content.to_string()),
            _ => {}
        }
    }
}

fn collapse_ws(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Decodes the common named entities and all numeric ones.
pub fn decode_entities(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    ENTITY
        .replace_all(s, |c: &regex::Captures| {
            let name = c.get(1).map(|m| m.as_str()).unwrap_or("");
            let decoded =
                if let Some(hex) = name.strip_prefix("#x").or_else(|| name.strip_prefix("#X")) {
                    u32::from_str_radix(hex, 16).ok().and_then(char::from_u32)
                } else if let Some(dec) = name.strip_prefix('#') {
                    dec.parse::<u32>().ok().and_then(char::from_u32)
                } else {
                    named_entity(name)
                };
            match decoded {
                Some(ch) => ch.to_string(),
                None => c.get(0).map(|m| m.as_str().to_string()).unwrap_or_default(),
            }
        })
        .into_owned()
}

fn named_entity(name: &str) -> Option<char> {
    Some(match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" => ' ',
        "mdash" => '—',
        "ndash" => '–',
        "lsquo" => '‘',
        "rsquo" => '’',
        "ldquo" => '“',
        "rdquo" => '”',
        "hellip" => '…',
        "copy" => '©',
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn extracts_article_text_and_meta() {
        let html = r#"<html><head><title>Talks &amp; more</title>
<meta property="article:published_time" content="2022-05-04T10:00:00Z">
<script>var x = "<p>no</p>";</script></head><body><nav>Home | World</nav>
<article><h1>Leaders meet</h1><p>The two ministers met on Tuesday.</p><p>They agreed&nbsp;to talk again.</p></article>
<footer>Copyright</footer></body></html>"#;
        let parts = extract_html(html);
        assert_eq!(parts.title.as_deref(), Some("Talks & more"));
        assert_eq!(parts.date, NaiveDate::from_ymd_opt(2022, 5, 4));
        assert_eq!(
            parts.text,
            "Leaders meet\nThe two ministers met on Tuesday.\nThey agreed to talk again.\n"
        );
    }

    #[test]
    fn malformed_html_is_best_effort() {
        let parts = extract_html("<p>Unclosed <b>bold <div><<<>>> text &#xFFFFFF; &bogus;");
        assert!(parts.text.contains("Unclosed"));
        assert!(extract_html("").text.is_empty());
    }
}
