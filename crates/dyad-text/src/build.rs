//! Raw document → cleaned [`Document`]: HTML extraction when needed,
//! cleaning into zones, metadata, and the publication date.

use chrono::NaiveDate;
use dyad_core::{DateOrigin, Document, PubDate};

use crate::read::{read_html_page, RawBody, RawDocument, ReadOptions};
use crate::{clean, date};

/// Turns a raw document into a cleaned [`Document`].
///
/// Date precedence: `opts.date` (`--date`), then the record's own date, then
/// HTML metadata, then the WARC capture date, then a date in the URL, then
/// inference from the text (with its confidence and note).
pub fn build_document(raw: RawDocument, opts: &ReadOptions) -> Document {
    let RawDocument {
        id,
        source,
        mut url,
        mut title,
        mut author,
        date: given,
        body,
        content_hash,
        mut warnings,
    } = raw;
    let mut dates: Vec<(NaiveDate, DateOrigin)> = given.into_iter().collect();
    let mut language = None;
    let cleaned = match body {
        RawBody::Text(text) => clean::clean_text(&text, title.as_deref()),
        RawBody::Html(html) => {
            let page = read_html_page(&html, url.as_deref());
            title = title.or(page.title);
            author = author.or(page.author);
            url = url.or(page.url);
            language = page.language;
            dates.extend(page.date);
            warnings.extend(page.notes.into_iter().filter(|n| !n.is_empty()));
            let lines: Vec<(&str, Option<dyad_core::ZoneKind>)> =
                page.lines.iter().map(|(l, k)| (l.as_str(), *k)).collect();
            clean::clean_lines(&lines, title.as_deref())
        }
    };
    if cleaned.text.is_empty() {
        warnings.push("empty document: no text left after cleaning".to_string());
    }
    let url = url.filter(|u| !u.trim().is_empty());
    if let Some(d) = url.as_deref().and_then(date::date_from_url) {
        dates.push((d, DateOrigin::Url));
    }
    let date =
        pick_date(opts.date, &dates).or_else(|| date::infer_date(&cleaned.text, &cleaned.zones));
    let id = id
        .filter(|s| !s.trim().is_empty())
        .unwrap_or_else(|| content_hash.get(..16).unwrap_or(&content_hash).to_string());
    Document {
        id,
        source,
        url,
        title: cleaned.title,
        author: author.or(cleaned.author),
        agency: cleaned.agency,
        dateline: cleaned.dateline,
        language: language.or_else(|| Some("en".to_string())),
        date,
        text: cleaned.text,
        zones: cleaned.zones,
        removed: cleaned.removed,
        warnings,
        content_hash,
    }
}

/// The best metadata date by origin rank.
fn pick_date(cli: Option<NaiveDate>, dates: &[(NaiveDate, DateOrigin)]) -> Option<PubDate> {
    if let Some(d) = cli {
        return Some(date::given_date(d, DateOrigin::Cli));
    }
    let rank = |o: DateOrigin| match o {
        DateOrigin::Cli => 0,
        DateOrigin::Record => 1,
        DateOrigin::HtmlMeta => 2,
        DateOrigin::Warc => 3,
        DateOrigin::Url => 4,
        DateOrigin::Inferred => 5,
    };
    let (d, origin) = dates.iter().min_by_key(|(_, o)| rank(*o))?;
    Some(date::given_date(*d, *origin))
}
