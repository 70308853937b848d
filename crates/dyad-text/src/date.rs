//! Publication date: from metadata when given, otherwise inferred from the
//! text with a confidence and a note saying how.
//!
//! Inference looks for explicit full dates ("Wednesday, Sept. 13, 2023",
//! "March 25, 2024", "13 September 2023", "2023-09-13"). A date whose written
//! weekday agrees with the calendar is a strong sign of a news peg (captions
//! and datelines are written that way), more so when the body also names that
//! weekday on its own. Without one, the latest explicit date is only a lower
//! bound of the publication date: confidence stays low and the note says so.

use std::sync::LazyLock;

use chrono::{Datelike, NaiveDate, Weekday};
use dyad_core::calendar::weekday_name;
use dyad_core::{DateOrigin, PubDate, Zone, ZoneKind};
use regex::Regex;

const WEEKDAYS: &str = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday";
const MONTHS: &str = r"Jan(?:uary|\.)?|Feb(?:ruary|\.)?|Mar(?:ch|\.)?|Apr(?:il|\.)?|May|June?|July?|Aug(?:ust|\.)?|Sep(?:tember|t\.|\.|t)?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?";

static MONTH_FIRST: LazyLock<Regex> = LazyLock::new(|| {
    compile(&format!(
        r"\b(?:({WEEKDAYS}),?\s+)?({MONTHS})\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})\b"
    ))
});
static DAY_FIRST: LazyLock<Regex> = LazyLock::new(|| {
    compile(&format!(
        r"\b(?:({WEEKDAYS}),?\s+)?(\d{{1,2}})(?:st|nd|rd|th)?\s+({MONTHS}),?\s+(\d{{4}})\b"
    ))
});
static ISO: LazyLock<Regex> = LazyLock::new(|| compile(r"\b(\d{4})-(\d{2})-(\d{2})\b"));
static BARE_WEEKDAY: LazyLock<Regex> = LazyLock::new(|| compile(&format!(r"\b({WEEKDAYS})\b")));
static PUBLISHED: LazyLock<Regex> =
    LazyLock::new(|| compile(r"(?i)\b(published|posted|updated|first published)\s*(on|:)?\s*$"));

fn compile(pattern: &str) -> Regex {
    Regex::new(pattern)
        .unwrap_or_else(|_| Regex::new(r"[^\s\S]").unwrap_or_else(|_| std::process::abort()))
}

/// An explicit date found in the text.
#[derive(Debug, Clone, PartialEq)]
pub struct DateMention {
    /// The calendar date.
    pub date: NaiveDate,
    /// Byte offset of the match in the text.
    pub start: usize,
    /// The text matched.
    pub text: String,
    /// `Some(true)` when a written weekday agrees with the date,
    /// `Some(false)` when it disagrees, `None` when none is written.
    pub weekday_agrees: Option<bool>,
    /// Preceded by "Published", "Updated", ...
    pub published_marker: bool,
}

/// Every explicit full date in `text`, in text order.
pub fn find_dates(text: &str) -> Vec<DateMention> {
    let mut out = Vec::new();
    for caps in MONTH_FIRST.captures_iter(text) {
        let (Some(m), Some(month), Some(day), Some(year)) =
            (caps.get(0), caps.get(2), caps.get(3), caps.get(4))
        else {
            continue;
        };
        push_mention(
            &mut out,
            text,
            m,
            caps.get(1).map(|w| w.as_str()),
            month.as_str(),
            day.as_str(),
            year.as_str(),
        );
    }
    for caps in DAY_FIRST.captures_iter(text) {
        let (Some(m), Some(day), Some(month), Some(year)) =
            (caps.get(0), caps.get(2), caps.get(3), caps.get(4))
        else {
            continue;
        };
        push_mention(
            &mut out,
            text,
            m,
            caps.get(1).map(|w| w.as_str()),
            month.as_str(),
            day.as_str(),
            year.as_str(),
        );
    }
    for caps in ISO.captures_iter(text) {
        let (Some(m), Some(y), Some(mo), Some(d)) =
            (caps.get(0), caps.get(1), caps.get(2), caps.get(3))
        else {
            continue;
        };
        let date = match (y.as_str().parse(), mo.as_str().parse(), d.as_str().parse()) {
            (Ok(y), Ok(mo), Ok(d)) => NaiveDate::from_ymd_opt(y, mo, d),
            _ => None,
        };
        if let Some(date) = date {
            out.push(mention(text, m, date, None));
        }
    }
    out.sort_by_key(|m| m.start);
    out
}

fn push_mention(
    out: &mut Vec<DateMention>,
    text: &str,
    m: regex::Match,
    weekday: Option<&str>,
    month: &str,
    day: &str,
    year: &str,
) {
    let (Some(month), Ok(day), Ok(year)) =
        (month_number(month), day.parse::<u32>(), year.parse::<i32>())
    else {
        return;
    };
    if !(1800..=2200).contains(&year) {
        return;
    }
    if let Some(date) = NaiveDate::from_ymd_opt(year, month, day) {
        let agrees = weekday.and_then(parse_weekday).map(|w| w == date.weekday());
        out.push(mention(text, m, date, agrees));
    }
}

fn mention(
    text: &str,
    m: regex::Match,
    date: NaiveDate,
    weekday_agrees: Option<bool>,
) -> DateMention {
    let before = text
        .get(m.start().saturating_sub(40)..m.start())
        .unwrap_or("");
    DateMention {
        date,
        start: m.start(),
        text: m.as_str().to_string(),
        weekday_agrees,
        published_marker: PUBLISHED.is_match(before),
    }
}

/// Month of a name the date patterns matched ("Sept.", "January").
fn month_number(s: &str) -> Option<u32> {
    dyad_core::calendar::month(&s.trim_end_matches('.').to_ascii_lowercase())
}

fn parse_weekday(s: &str) -> Option<Weekday> {
    s.parse::<Weekday>().ok()
}

/// Infers the publication date of a cleaned text, or `None` when it holds
/// no explicit date.
pub fn infer_date(text: &str, zones: &[Zone]) -> Option<PubDate> {
    let mentions: Vec<DateMention> = find_dates(text)
        .into_iter()
        .filter(|m| m.weekday_agrees != Some(false))
        .collect();
    if let Some(m) = mentions.iter().find(|m| m.published_marker) {
        return Some(inferred(
            m.date,
            0.9,
            format!("inferred: publication marker before {:?}", m.text),
        ));
    }
    let latest = mentions.iter().map(|m| m.date).max()?;
    let anchored = mentions
        .iter()
        .filter(|m| m.weekday_agrees == Some(true))
        .max_by_key(|m| m.date);
    if let Some(m) = anchored {
        let weekday = m.date.weekday();
        let echoed = body_names_weekday(text, zones, weekday, m);
        let (confidence, how) = if echoed {
            (
                0.8,
                format!("and the body names {} on its own", weekday_name(weekday)),
            )
        } else {
            (0.6, "no other evidence".to_string())
        };
        let mut note = format!(
            "inferred: full date with agreeing weekday {:?}, {how}",
            m.text
        );
        if m.date < latest {
            note.push_str(&format!("; a later date ({latest}) also appears"));
        }
        return Some(inferred(m.date, confidence, note));
    }
    Some(inferred(
        latest,
        0.25,
        format!("lower bound: no publication date in the text; {latest} is the latest explicit date, the document is no earlier"),
    ))
}

fn inferred(date: NaiveDate, confidence: f32, note: String) -> PubDate {
    PubDate {
        date,
        origin: DateOrigin::Inferred,
        confidence,
        note,
    }
}

/// True when a title/body zone names `weekday` outside the date mention.
fn body_names_weekday(text: &str, zones: &[Zone], weekday: Weekday, m: &DateMention) -> bool {
    let name = weekday_name(weekday);
    zones
        .iter()
        .filter(|z| {
            matches!(
                z.kind,
                ZoneKind::Body | ZoneKind::Title | ZoneKind::Dateline
            )
        })
        .any(|z| {
            BARE_WEEKDAY.find_iter(z.span.slice(text)).any(|w| {
                let abs = z.span.start + w.start();
                w.as_str() == name && !(m.start..m.start + m.text.len()).contains(&abs)
            })
        })
}

/// A date from metadata, with full confidence.
pub fn given_date(date: NaiveDate, origin: DateOrigin) -> PubDate {
    let source = match origin {
        DateOrigin::Cli => "--date on the command line",
        DateOrigin::Record => "the record's date field",
        DateOrigin::HtmlMeta => "the page's metadata",
        DateOrigin::Warc => "the WARC record date",
        DateOrigin::Url => "the URL",
        DateOrigin::Inferred => "the text",
    };
    PubDate {
        date,
        origin,
        confidence: 1.0,
        note: format!("given by {source}"),
    }
}

/// A date written in a URL path (`/2023/09/13/`).
pub fn date_from_url(url: &str) -> Option<NaiveDate> {
    static URL_DATE: LazyLock<Regex> = LazyLock::new(|| compile(r"/(\d{4})/(\d{1,2})/(\d{1,2})/"));
    let caps = URL_DATE.captures(url)?;
    let y = caps.get(1)?.as_str().parse().ok()?;
    let m = caps.get(2)?.as_str().parse().ok()?;
    let d = caps.get(3)?.as_str().parse().ok()?;
    NaiveDate::from_ymd_opt(y, m, d)
}

#[cfg(test)]
mod tests {
    use super::*;
    use dyad_core::Span;

    fn body(text: &str) -> Vec<Zone> {
        vec![Zone {
            kind: ZoneKind::Body,
            span: Span::new(0, text.len()),
        }]
    }

    #[test]
    fn finds_dates_in_many_shapes() {
        let t = "On Friday, Jan. 5, 2024 and 7 March 2022, also 2021-12-31 and Sept. 9, 2020.";
        let found: Vec<String> = find_dates(t).iter().map(|m| m.date.to_string()).collect();
        assert_eq!(
            found,
            ["2024-01-05", "2022-03-07", "2021-12-31", "2020-09-09"]
        );
        assert_eq!(
            find_dates(t).first().and_then(|m| m.weekday_agrees),
            Some(true)
        );
        assert!(find_dates("February 30, 2020 and Foo 3, 2020").is_empty());
    }

    #[test]
    fn agreeing_weekday_echoed_in_body_is_confident() {
        let t = "Talks on Thursday ended early. Delegates met in Oslo, Thursday, Nov. 2, 2023.";
        let d = infer_date(t, &body(t));
        assert_eq!(
            d.as_ref().map(|d| d.date.to_string()).as_deref(),
            Some("2023-11-02")
        );
        assert!(d
            .as_ref()
            .is_some_and(|d| d.confidence >= 0.7 && d.origin == DateOrigin::Inferred));
    }

    #[test]
    fn plain_dates_give_a_low_confidence_lower_bound() {
        let t = "The siege began on May 3, 2021 and a truce held from July 14, 2022.";
        let d = infer_date(t, &body(t));
        assert_eq!(
            d.as_ref().map(|d| d.date.to_string()).as_deref(),
            Some("2022-07-14")
        );
        assert!(d
            .as_ref()
            .is_some_and(|d| d.confidence <= 0.3 && d.note.contains("lower bound")));
        assert!(infer_date("No dates here.", &[]).is_none());
    }

    #[test]
    fn disagreeing_weekday_is_ignored_and_published_marker_wins() {
        let t = "Published on March 3, 2020. It rained Monday, March 3, 2021.";
        let d = infer_date(t, &body(t));
        assert_eq!(d.map(|d| d.date.to_string()).as_deref(), Some("2020-03-03"));
        assert_eq!(
            date_from_url("https://x.org/world/2019/04/10/story"),
            NaiveDate::from_ymd_opt(2019, 4, 10)
        );
    }
}
