//! Page metadata: title, authors, site name, canonical URL, language and dates,
//! each with where it was found. Sources are tried from most to least reliable:
//! JSON-LD article objects, then `<meta>` tags (OpenGraph/`article:`, Dublin
//! Core, sailthru, parsely, plain names), then `<time datetime>`, the `<title>`
//! tag and finally date patterns in the URL.

use crate::walk::RawMeta;
use chrono::{DateTime, FixedOffset, NaiveDate, NaiveDateTime};
use serde::Serialize;
use serde_json::Value;

/// Where a metadata value was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum MetaOrigin {
    /// A JSON-LD `<script>` (an `Article`/`NewsArticle`/... object, also inside `@graph`).
    JsonLd,
    /// A `<meta>` tag; the key names which (e.g. `article:published_time`).
    MetaTag,
    /// A `<time datetime>` element.
    TimeElement,
    /// The `<title>` element.
    TitleTag,
    /// `<link rel=canonical>`.
    LinkTag,
    /// `<html lang>`.
    HtmlLang,
    /// `rel=author` / `itemprop=author` markup in the page body.
    Markup,
    /// A date pattern in the page URL such as `/2023/09/13/`.
    Url,
}

/// A value and its origin.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Sourced<T> {
    /// The value.
    pub value: T,
    /// Kind of source.
    pub origin: MetaOrigin,
    /// The exact key within that source, e.g. `og:title`, `datePublished`, `path`.
    pub key: String,
}

/// A date from page metadata.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PageDate {
    /// The calendar date as written (local to the publisher's offset when given).
    pub date: NaiveDate,
    /// The full timestamp, when the source had a time and offset.
    pub datetime: Option<DateTime<FixedOffset>>,
    /// The raw string.
    pub raw: String,
}

/// Everything known about a page besides its text.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct PageMetadata {
    /// Headline.
    pub title: Option<Sourced<String>>,
    /// Authors, in page order, de-duplicated.
    pub authors: Vec<Sourced<String>>,
    /// Publisher or site name.
    pub site_name: Option<Sourced<String>>,
    /// Canonical URL.
    pub canonical_url: Option<Sourced<String>>,
    /// Language tag (BCP 47 as written, e.g. `en`, `en-US`).
    pub language: Option<Sourced<String>>,
    /// Publication date.
    pub published: Option<Sourced<PageDate>>,
    /// Last modification date.
    pub modified: Option<Sourced<PageDate>>,
    /// Summary/description.
    pub description: Option<Sourced<String>>,
}

const ARTICLE_TYPES: &[&str] = &[
    "newsarticle",
    "article",
    "reportagenewsarticle",
    "blogposting",
    "analysisnewsarticle",
    "opinionnewsarticle",
    "backgroundnewsarticle",
    "reviewnewsarticle",
    "webpage",
    "liveblogposting",
    "scholarlyarticle",
    "report",
    "socialmediaposting",
];

const PUBLISHED_KEYS: &[&str] = &[
    "article:published_time",
    "og:published_time",
    "og:article:published_time",
    "datepublished",
    "sailthru.date",
    "parsely-pub-date",
    "dc.date.issued",
    "dcterms.issued",
    "dc.date",
    "dcterms.date",
    "dcterms.created",
    "dc.date.created",
    "pubdate",
    "publishdate",
    "publish-date",
    "publish_date",
    "date",
    "article.published",
    "cxenseparse:recs:publishtime",
    "originalpublicationdate",
];
const MODIFIED_KEYS: &[&str] = &[
    "article:modified_time",
    "og:updated_time",
    "og:modified_time",
    "datemodified",
    "dcterms.modified",
    "dc.date.modified",
    "last-modified",
    "lastmod",
    "article.updated",
    "sailthru.lastmodified",
];
const TITLE_KEYS: &[&str] = &[
    "og:title",
    "twitter:title",
    "sailthru.title",
    "parsely-title",
    "dc.title",
    "headline",
    "title",
];
const AUTHOR_KEYS: &[&str] = &[
    "author",
    "article:author",
    "sailthru.author",
    "parsely-author",
    "dc.creator",
    "dcterms.creator",
    "byl",
];
const SITE_KEYS: &[&str] = &[
    "og:site_name",
    "application-name",
    "publisher",
    "dc.publisher",
    "twitter:site",
];

/// Interpret raw metadata; `url` is the page address when known.
pub(crate) fn build(raw: &RawMeta, url: Option<&str>) -> PageMetadata {
    let ld = json_ld_article(&raw.json_ld);
    let meta = |keys: &[&str]| -> Option<Sourced<String>> {
        keys.iter().find_map(|k| {
            raw.metas
                .iter()
                .find(|(name, v)| name == k && !v.is_empty())
                .map(|(name, v)| Sourced {
                    value: v.clone(),
                    origin: MetaOrigin::MetaTag,
                    key: name.clone(),
                })
        })
    };
    let ld_str = |key: &str| -> Option<Sourced<String>> {
        let v = ld.as_ref()?.get(key)?;
        let s = match v {
            Value::String(s) => s.clone(),
            Value::Object(o) => o.get("name").and_then(Value::as_str)?.to_string(),
            _ => return None,
        };
        let s = s.trim().to_string();
        (!s.is_empty()).then(|| Sourced {
            value: s,
            origin: MetaOrigin::JsonLd,
            key: key.to_string(),
        })
    };
    let as_date = |s: Sourced<String>| -> Option<Sourced<PageDate>> {
        parse_date(&s.value).map(|d| Sourced {
            value: d,
            origin: s.origin,
            key: s.key,
        })
    };

    let mut md = PageMetadata {
        title: ld_str("headline").or_else(|| meta(TITLE_KEYS)).or_else(|| {
            raw.title
                .as_ref()
                .filter(|t| !t.is_empty())
                .map(|t| Sourced {
                    value: t.clone(),
                    origin: MetaOrigin::TitleTag,
                    key: "title".into(),
                })
        }),
        ..PageMetadata::default()
    };
    md.published = ld_str("datePublished")
        .and_then(as_date)
        .or_else(|| {
            PUBLISHED_KEYS
                .iter()
                .find_map(|k| meta(&[k]).and_then(as_date))
        })
        .or_else(|| {
            raw.times.iter().find_map(|t| {
                parse_date(t).map(|d| Sourced {
                    value: d,
                    origin: MetaOrigin::TimeElement,
                    key: "datetime".into(),
                })
            })
        })
        .or_else(|| {
            url.and_then(url_date).map(|d| Sourced {
                value: d,
                origin: MetaOrigin::Url,
                key: "path".into(),
            })
        });
    md.modified = ld_str("dateModified").and_then(as_date).or_else(|| {
        MODIFIED_KEYS
            .iter()
            .find_map(|k| meta(&[k]).and_then(as_date))
    });
    md.site_name = meta(&SITE_KEYS[..1])
        .or_else(|| ld_str("publisher"))
        .or_else(|| meta(&SITE_KEYS[1..]));
    md.canonical_url = raw
        .canonical
        .as_ref()
        .filter(|c| c.starts_with("http"))
        .map(|c| Sourced {
            value: c.clone(),
            origin: MetaOrigin::LinkTag,
            key: "canonical".into(),
        })
        .or_else(|| meta(&["og:url"]).filter(|s| s.value.starts_with("http")));
    md.language = raw
        .lang
        .as_ref()
        .filter(|l| !l.is_empty())
        .map(|l| Sourced {
            value: l.clone(),
            origin: MetaOrigin::HtmlLang,
            key: "lang".into(),
        })
        .or_else(|| {
            meta(&["og:locale"]).map(|mut s| {
                s.value = s.value.replace('_', "-");
                s
            })
        })
        .or_else(|| meta(&["content-language", "dc.language", "language"]))
        .or_else(|| ld_str("inLanguage"));
    md.description = meta(&["og:description", "description", "twitter:description"]);
    md.authors = authors(ld.as_ref(), raw, &meta);
    md
}

fn authors(
    ld: Option<&serde_json::Map<String, Value>>,
    raw: &RawMeta,
    meta: &dyn Fn(&[&str]) -> Option<Sourced<String>>,
) -> Vec<Sourced<String>> {
    let mut out: Vec<Sourced<String>> = Vec::new();
    fn add(out: &mut Vec<Sourced<String>>, name: &str, origin: MetaOrigin, key: &str) {
        let name = name
            .trim()
            .trim_start_matches("By ")
            .trim_start_matches("by ")
            .trim();
        if name.is_empty()
            || name.starts_with("http")
            || name.len() > 100
            || out.iter().any(|a| a.value == name)
        {
            return;
        }
        out.push(Sourced {
            value: name.to_string(),
            origin,
            key: key.to_string(),
        });
    }
    if let Some(a) = ld.and_then(|o| o.get("author")) {
        let items: Vec<&Value> = match a {
            Value::Array(v) => v.iter().collect(),
            other => vec![other],
        };
        for item in items {
            match item {
                Value::String(s) => add(&mut out, s, MetaOrigin::JsonLd, "author"),
                Value::Object(o) => {
                    if let Some(n) = o.get("name").and_then(Value::as_str) {
                        add(&mut out, n, MetaOrigin::JsonLd, "author.name");
                    }
                }
                _ => {}
            }
        }
    }
    if out.is_empty() {
        for k in AUTHOR_KEYS {
            if let Some(s) = meta(&[k]) {
                for part in s.value.split([',', ';']).filter(|p| !p.trim().is_empty()) {
                    add(&mut out, part, MetaOrigin::MetaTag, &s.key);
                }
                break;
            }
        }
    }
    if out.is_empty() {
        for a in &raw.author_links {
            add(&mut out, a, MetaOrigin::Markup, "author");
        }
    }
    out
}

/// The first JSON-LD object of an article type (searching arrays and `@graph`).
fn json_ld_article(scripts: &[String]) -> Option<serde_json::Map<String, Value>> {
    let mut fallback = None;
    for s in scripts {
        let Ok(v) = serde_json::from_str::<Value>(s.trim()) else {
            continue;
        };
        let mut stack = vec![v];
        let mut visited = 0;
        while let Some(v) = stack.pop() {
            visited += 1;
            if visited > 10_000 {
                break;
            }
            match v {
                Value::Array(items) => stack.extend(items.into_iter().rev()),
                Value::Object(mut o) => {
                    if let Some(g) = o.remove("@graph") {
                        stack.push(g);
                    }
                    let kind = type_rank(o.get("@type"));
                    match kind {
                        Some(0) => return Some(o),
                        Some(_) if fallback.is_none() => fallback = Some(o),
                        _ => {}
                    }
                }
                _ => {}
            }
        }
    }
    fallback
}

/// 0 for article types, 1 for a generic `WebPage`, `None` otherwise.
fn type_rank(t: Option<&Value>) -> Option<u8> {
    let names: Vec<String> = match t? {
        Value::String(s) => vec![s.to_ascii_lowercase()],
        Value::Array(a) => a
            .iter()
            .filter_map(Value::as_str)
            .map(str::to_ascii_lowercase)
            .collect(),
        _ => return None,
    };
    let mut best = None;
    for n in names {
        if ARTICLE_TYPES.contains(&n.as_str()) {
            let r = if n == "webpage" { 1 } else { 0 };
            best = Some(best.map_or(r, |b: u8| b.min(r)));
        }
    }
    best
}

/// Parse the date formats found in page metadata.
pub fn parse_date(raw: &str) -> Option<PageDate> {
    let s = raw.trim();
    let mk = |date: NaiveDate, datetime: Option<DateTime<FixedOffset>>| {
        Some(PageDate {
            date,
            datetime,
            raw: s.to_string(),
        })
    };
    if let Ok(dt) = DateTime::parse_from_rfc3339(s) {
        return mk(dt.date_naive(), Some(dt));
    }
    for f in [
        "%Y-%m-%dT%H:%M:%S%z",
        "%Y-%m-%dT%H:%M:%S%.f%z",
        "%Y-%m-%dT%H:%M%z",
        "%Y-%m-%d %H:%M:%S%z",
        "%Y-%m-%d %H:%M:%S %z",
    ] {
        if let Ok(dt) = DateTime::parse_from_str(s, f) {
            return mk(dt.date_naive(), Some(dt));
        }
    }
    if let Ok(dt) = DateTime::parse_from_rfc2822(s) {
        return mk(dt.date_naive(), Some(dt));
    }
    for f in [
        "%Y-%m-%dT%H:%M:%S",
        "%Y-%m-%dT%H:%M:%S%.f",
        "%Y-%m-%d %H:%M:%S",
        "%Y-%m-%dT%H:%M",
    ] {
        if let Ok(dt) = NaiveDateTime::parse_from_str(s, f) {
            return mk(dt.date(), None);
        }
    }
    let head: String = s.chars().take(10).collect();
    for f in ["%Y-%m-%d", "%Y/%m/%d", "%Y%m%d"] {
        if let Ok(d) = NaiveDate::parse_from_str(&head, f) {
            return mk(d, None);
        }
    }
    let head8: String = s.chars().take(8).collect();
    NaiveDate::parse_from_str(&head8, "%Y%m%d")
        .ok()
        .and_then(|d| mk(d, None))
}

/// A date in a URL path: `/2023/09/13/`, `/2023-09-13/`, `/20230913/` or `/2023/09/` (day 1 is not assumed).
pub fn url_date(url: &str) -> Option<PageDate> {
    let path = url
        .split_once("://")
        .map_or(url, |(_, rest)| rest.split_once('/').map_or("", |(_, p)| p));
    let parts: Vec<&str> = path.split(['/', '?', '#']).collect();
    let plausible = |y: i32| (1990..=2100).contains(&y);
    for (i, p) in parts.iter().enumerate() {
        let num = |s: Option<&&str>| s.and_then(|x| x.parse::<u32>().ok());
        if p.len() == 4 {
            if let (Ok(y), Some(m), Some(d)) = (
                p.parse::<i32>(),
                num(parts.get(i + 1)),
                num(parts.get(i + 2)),
            ) {
                if plausible(y) && parts.get(i + 2).is_some_and(|x| x.len() <= 2) {
                    if let Some(date) = NaiveDate::from_ymd_opt(y, m, d) {
                        return Some(PageDate {
                            date,
                            datetime: None,
                            raw: format!("{p}/{m:02}/{d:02}"),
                        });
                    }
                }
            }
        }
        for token in p.split(['_', '.']) {
            let candidate: String = token.chars().take(10).collect();
            if let Ok(date) = NaiveDate::parse_from_str(&candidate, "%Y-%m-%d") {
                if plausible(chrono::Datelike::year(&date)) {
                    return Some(PageDate {
                        date,
                        datetime: None,
                        raw: candidate,
                    });
                }
            }
            if token.len() == 8 && token.bytes().all(|b| b.is_ascii_digit()) {
                if let Ok(date) = NaiveDate::parse_from_str(token, "%Y%m%d") {
                    if plausible(chrono::Datelike::year(&date)) {
                        return Some(PageDate {
                            date,
                            datetime: None,
                            raw: token.to_string(),
                        });
                    }
                }
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_in_common_shapes() {
        let d = |s: &str| parse_date(s).map(|d| d.date.to_string());
        assert_eq!(d("2019-11-19T10:04:00Z").as_deref(), Some("2019-11-19"));
        assert_eq!(d("2019-11-19T10:04:00+0100").as_deref(), Some("2019-11-19"));
        assert_eq!(
            d("2019-11-19T10:04:00.123-05:00").as_deref(),
            Some("2019-11-19")
        );
        assert_eq!(
            d("Tue, 19 Nov 2019 10:04:00 GMT").as_deref(),
            Some("2019-11-19")
        );
        assert_eq!(d("2019-11-19").as_deref(), Some("2019-11-19"));
        assert_eq!(d("20191119").as_deref(), Some("2019-11-19"));
        assert_eq!(d("last week"), None);
    }

    #[test]
    fn url_dates() {
        let d = |s: &str| url_date(s).map(|d| d.date.to_string());
        assert_eq!(
            d("https://x.example/2023/09/13/some-story/").as_deref(),
            Some("2023-09-13")
        );
        assert_eq!(
            d("https://x.example/news/2023-09-13/story").as_deref(),
            Some("2023-09-13")
        );
        assert_eq!(
            d("https://x.example/a/20230913_story.html").as_deref(),
            Some("2023-09-13")
        );
        assert_eq!(d("https://x.example/story-123456789"), None);
        assert_eq!(d("https://x.example/2023/99/99/"), None);
    }
}
