//! Place and date of the events that match a gold event (`dyad eval
//! events`, "Where and when" in docs/eval.md).
//!
//! A gold place is text ("Idlib", "north-east Syria", "Fua and Kefraya");
//! the CLI resolves it through the gazetteer ([`GoldPlace`]). A coded place
//! is right when it is the same entry, lies in the same first-level
//! division, or within [`PLACE_RADIUS_KM`]; a gold country is matched by
//! the same country given at country precision. Dates are right when they
//! fall within the gold's precision.

use chrono::NaiveDate;
use dyad_core::{DatePrecision, Event, EventPlace, PlacePrecision};
use serde::Serialize;

use super::{ratio, GoldEvent, GoldSentence};

/// A coded place this close to a gold place (km) is right.
pub const PLACE_RADIUS_KM: f64 = 50.0;

/// Days before the article date that still count as the article's week.
const ARTICLE_WEEK_DAYS: i64 = 7;

/// One gazetteer entry a gold place names.
#[derive(Debug, Clone, PartialEq)]
pub struct GoldPlace {
    /// GeoNames id.
    pub geonameid: u64,
    /// ISO3 of its country.
    pub country: String,
    /// First-level division, when it has one (none for a country).
    pub admin1: Option<String>,
    /// Latitude.
    pub lat: f64,
    /// Longitude.
    pub lon: f64,
    /// A whole country (or a region of one: "north-east Syria").
    pub is_country: bool,
}

/// Resolves a gold place's text to the entries it names (several for a
/// list, none when the gazetteer does not know it).
pub type PlaceResolver<'r> = &'r (dyn Fn(&str) -> Vec<GoldPlace> + Sync);

/// Place and date figures over the matched events.
#[derive(Debug, Clone, Default, Serialize)]
pub struct WhereWhen {
    /// Matched events scored.
    pub matched: usize,
    /// Places given finer than a country.
    pub fine_given: usize,
    /// Of those, right.
    pub fine_right: usize,
    /// Places given at country precision.
    pub country_given: usize,
    /// Of those, right.
    pub country_right: usize,
    /// Gold events with a place.
    pub gold_placed: usize,
    /// Of those, found and right.
    pub gold_placed_right: usize,
    /// Gold events with no place.
    pub gold_unplaced: usize,
    /// Of those, given a place anyway.
    pub place_invented: usize,
    /// Gold places the gazetteer could not resolve (scored by name).
    pub gold_place_by_name: usize,
    /// place precision: fine_right / fine_given.
    pub place_precision: f64,
    /// place recall: gold_placed_right / gold_placed.
    pub place_recall: f64,
    /// Matched events whose date is right (any gold date, null included).
    pub date_right: usize,
    /// date_right / matched.
    pub date_right_share: f64,
    /// Gold dates other than "article" and null.
    pub gold_dated: usize,
    /// Of those, found and right.
    pub gold_dated_right: usize,
    /// gold_dated_right / gold_dated.
    pub date_recall: f64,
    /// Past acts: a gold date ending before the article's week, or a gold
    /// historical act.
    pub past_acts: usize,
    /// Of those, stamped with the article's date.
    pub past_at_article_date: usize,
    /// past_at_article_date / past_acts.
    pub past_at_article_share: f64,
    /// Events whose historical flag disagrees with the gold.
    pub historical_wrong: usize,
}

impl WhereWhen {
    pub(super) fn finish(&mut self) {
        self.place_precision = ratio(self.fine_right, self.fine_given);
        self.place_recall = ratio(self.gold_placed_right, self.gold_placed);
        self.date_right_share = ratio(self.date_right, self.matched);
        self.date_recall = ratio(self.gold_dated_right, self.gold_dated);
        self.past_at_article_share = ratio(self.past_at_article_date, self.past_acts);
    }

    /// The figures as text, with their denominators.
    pub fn to_text(&self) -> String {
        format!(
            "where and when, over {} matched events:\n  \
             place precision {:.3} ({} of {} places finer than a country right; country places {} of {} right)\n  \
             place recall    {:.3} ({} of {} gold places found and right; {} scored by name)\n  \
             place given where the gold has none {} of {}\n  \
             date right      {:.3} ({} of {})\n  \
             date recall     {:.3} ({} of {} gold dates other than \"article\" and null)\n  \
             past acts stamped with the article date {:.3} ({} of {})\n  \
             historical flag wrong {}\n",
            self.matched,
            self.place_precision,
            self.fine_right,
            self.fine_given,
            self.country_right,
            self.country_given,
            self.place_recall,
            self.gold_placed_right,
            self.gold_placed,
            self.gold_place_by_name,
            self.place_invented,
            self.gold_unplaced,
            self.date_right_share,
            self.date_right,
            self.matched,
            self.date_recall,
            self.gold_dated_right,
            self.gold_dated,
            self.past_at_article_share,
            self.past_at_article_date,
            self.past_acts,
            self.historical_wrong,
        )
    }
}

/// A matched event whose place, date or historical flag is wrong, for
/// `--errors`.
#[derive(Debug, Clone, Serialize)]
pub struct WhereWhenMiss {
    /// Gold sentence id.
    pub gold_id: String,
    /// "place", "date" or "historical".
    pub what: &'static str,
    /// The sentence.
    pub sentence: String,
    /// What the gold says.
    pub gold: String,
    /// What was coded.
    pub coded: String,
}

/// Scores one matched event's place, date and historical flag into `out`,
/// listing what is wrong in `misses`.
pub(super) fn compare(
    ev: &Event,
    ge: &GoldEvent,
    g: &GoldSentence,
    resolve: PlaceResolver<'_>,
    out: &mut WhereWhen,
    misses: &mut Vec<WhereWhenMiss>,
) {
    out.matched += 1;
    let mut miss = |what: &'static str, gold: String, coded: String| {
        misses.push(WhereWhenMiss {
            gold_id: g.id.clone(),
            what,
            sentence: g.sentence.clone(),
            gold,
            coded,
        })
    };
    // place
    let fine = ev.place.as_ref().filter(|p| !is_country_place(p));
    let country = ev.place.as_ref().filter(|p| is_country_place(p));
    let right = match (&ge.place, &ev.place) {
        (None, None) => true,
        (None, Some(_)) => {
            out.place_invented += 1;
            false
        }
        (Some(_), None) => false,
        (Some(gold), Some(coded)) => {
            let resolved = resolve(gold);
            if resolved.is_empty() {
                out.gold_place_by_name += 1;
                same_name(gold, &coded.name)
            } else {
                resolved.iter().any(|r| place_agrees(coded, r))
            }
        }
    };
    if ge.place.is_some() {
        out.gold_placed += 1;
        out.gold_placed_right += usize::from(right && ev.place.is_some());
    } else {
        out.gold_unplaced += 1;
    }
    if fine.is_some() {
        out.fine_given += 1;
        out.fine_right += usize::from(right);
    }
    if country.is_some() {
        out.country_given += 1;
        out.country_right += usize::from(right);
    }
    if !right {
        miss(
            "place",
            ge.place.clone().unwrap_or_else(|| "none".into()),
            describe_place(ev.place.as_ref()),
        );
    }
    // date
    let article = g
        .article_date
        .as_deref()
        .and_then(|a| NaiveDate::parse_from_str(a, "%Y-%m-%d").ok());
    let date_right = match ge.date.as_deref() {
        None => ev.date.precision == DatePrecision::Unknown,
        Some(gd) => date_agrees(ev, gd, article),
    };
    out.date_right += usize::from(date_right);
    if ge.date.as_deref().is_some_and(|d| d != "article") {
        out.gold_dated += 1;
        out.gold_dated_right += usize::from(date_right);
    }
    if is_past(ge, article) {
        out.past_acts += 1;
        out.past_at_article_date += usize::from(at_article_date(ev, article));
    }
    if !date_right {
        miss(
            "date",
            ge.date.clone().unwrap_or_else(|| "null (unknown)".into()),
            format!(
                "{}..{} {} ({})",
                ev.date.start,
                ev.date.end,
                format!("{:?}", ev.date.precision).to_lowercase(),
                ev.date.note
            ),
        );
    }
    if ev.historical != ge.historical {
        out.historical_wrong += 1;
        miss(
            "historical",
            ge.historical.to_string(),
            ev.historical.to_string(),
        );
    }
}

/// A place at country level: given with country precision, or naming a
/// whole country or continent.
fn is_country_place(p: &EventPlace) -> bool {
    p.precision == PlacePrecision::Country
        || p.feature_code
            .as_deref()
            .is_some_and(|f| f.starts_with("PCL") || f == "CONT" || f == "TERR")
}

/// A coded place agrees with one gold entry: a gold country with the same
/// country at country level; otherwise the same entry, the same first-level
/// division, or within [`PLACE_RADIUS_KM`].
fn place_agrees(coded: &EventPlace, gold: &GoldPlace) -> bool {
    if gold.is_country {
        return is_country_place(coded) && coded.country.as_deref() == Some(gold.country.as_str());
    }
    if coded.geonameid == Some(gold.geonameid) {
        return true;
    }
    if is_country_place(coded) {
        return false;
    }
    if let (Some(a), Some(b)) = (&coded.admin1, &gold.admin1) {
        if a == b && coded.country.as_deref() == Some(gold.country.as_str()) {
            return true;
        }
    }
    match (coded.lat, coded.lon) {
        (Some(lat), Some(lon)) => km(lat, lon, gold.lat, gold.lon) <= PLACE_RADIUS_KM,
        _ => false,
    }
}

/// Great-circle distance in km.
fn km(lat1: f64, lon1: f64, lat2: f64, lon2: f64) -> f64 {
    let (p1, p2) = (lat1.to_radians(), lat2.to_radians());
    let dp = p2 - p1;
    let dl = (lon2 - lon1).to_radians();
    let a = (dp / 2.0).sin().powi(2) + p1.cos() * p2.cos() * (dl / 2.0).sin().powi(2);
    2.0 * 6371.0 * a.sqrt().min(1.0).asin()
}

/// Either name contains the other, case-folded (for gold places the
/// gazetteer does not know: "the Senate", "al-Hawl refugee camp").
fn same_name(gold: &str, coded: &str) -> bool {
    let (a, b) = (gold.to_lowercase(), coded.to_lowercase());
    !b.is_empty() && (a.contains(&b) || b.contains(&a))
}

fn describe_place(p: Option<&EventPlace>) -> String {
    match p {
        None => "none".into(),
        Some(p) => format!(
            "{} ({}, {}{}, {})",
            p.name,
            p.country.as_deref().unwrap_or("-"),
            format!("{:?}", p.precision).to_lowercase(),
            p.feature_code
                .as_deref()
                .map(|f| format!(" {f}"))
                .unwrap_or_default(),
            p.reason.map(|r| r.as_str()).unwrap_or("-"),
        ),
    }
}

/// A past act: the gold date ends before the article's week, or the gold
/// marks it historical.
fn is_past(ge: &GoldEvent, article: Option<NaiveDate>) -> bool {
    if ge.historical {
        return true;
    }
    let (Some(gd), Some(a)) = (ge.date.as_deref(), article) else {
        return false;
    };
    gold_window(gd).is_some_and(|(_, end)| end < a - chrono::Duration::days(ARTICLE_WEEK_DAYS))
}

/// The event carries the article's date: the publication date used for want
/// of its own, or a window inside the article's week.
fn at_article_date(ev: &Event, article: Option<NaiveDate>) -> bool {
    let d = &ev.date;
    match d.precision {
        DatePrecision::Publication | DatePrecision::UnknownRelative => true,
        DatePrecision::Unknown => false,
        _ => article.is_some_and(|a| {
            d.start >= a - chrono::Duration::days(ARTICLE_WEEK_DAYS) && d.end <= a
        }),
    }
}

/// The window a gold date names (YYYY-MM-DD, YYYY-MM or YYYY).
fn gold_window(gold: &str) -> Option<(NaiveDate, NaiveDate)> {
    let parts: Vec<&str> = gold.split('-').collect();
    let num = |i: usize| parts.get(i).and_then(|p| p.parse::<u32>().ok());
    match parts.len() {
        3 => NaiveDate::parse_from_str(gold, "%Y-%m-%d")
            .ok()
            .map(|d| (d, d)),
        2 => {
            let (y, m) = (num(0)? as i32, num(1)?);
            let start = NaiveDate::from_ymd_opt(y, m, 1)?;
            let next = if m == 12 {
                NaiveDate::from_ymd_opt(y + 1, 1, 1)?
            } else {
                NaiveDate::from_ymd_opt(y, m + 1, 1)?
            };
            Some((start, next.pred_opt()?))
        }
        1 => {
            let y = num(0)? as i32;
            Some((
                NaiveDate::from_ymd_opt(y, 1, 1)?,
                NaiveDate::from_ymd_opt(y, 12, 31)?,
            ))
        }
        _ => None,
    }
}

/// A coded date agrees with the gold: "article" — a current act, dated in
/// the week up to the article (not an unknown date); a day — the window
/// holds it and is at most a week wide; a month or year — the window lies
/// inside it.
pub(super) fn date_agrees(ev: &Event, gold: &str, article: Option<NaiveDate>) -> bool {
    let d = &ev.date;
    if d.precision == DatePrecision::Unknown {
        return false;
    }
    if gold == "article" {
        let Some(a) = article else {
            return false;
        };
        return d.end >= a - chrono::Duration::days(ARTICLE_WEEK_DAYS) && d.start <= a;
    }
    let Some((start, end)) = gold_window(gold) else {
        return false;
    };
    if start == end {
        return d.start <= start && start <= d.end && d.end - d.start <= chrono::Duration::days(7);
    }
    // a month or year: the window lies inside it
    start <= d.start && d.end <= end
}

#[cfg(test)]
mod tests {
    use super::*;

    fn place(lat: f64, lon: f64, admin1: Option<&str>, feature: &str) -> EventPlace {
        EventPlace {
            name: "x".into(),
            geonameid: Some(1),
            country: Some("SYR".into()),
            admin1: admin1.map(Into::into),
            feature_code: Some(feature.into()),
            lat: Some(lat),
            lon: Some(lon),
            precision: if feature.starts_with("PCL") {
                PlacePrecision::Country
            } else {
                PlacePrecision::Place
            },
            span: None,
            reason: None,
        }
    }

    fn gold(lat: f64, lon: f64, admin1: Option<&str>, is_country: bool) -> GoldPlace {
        GoldPlace {
            geonameid: 2,
            country: "SYR".into(),
            admin1: admin1.map(Into::into),
            lat,
            lon,
            is_country,
        }
    }

    #[test]
    fn places_agree_by_division_distance_or_country() {
        // same division, far apart
        assert!(place_agrees(
            &place(36.0, 37.0, Some("Aleppo"), "PPL"),
            &gold(36.9, 38.0, Some("Aleppo"), false)
        ));
        // another division, 30 km away
        assert!(place_agrees(
            &place(36.0, 37.0, Some("Idlib"), "PPL"),
            &gold(36.2, 37.1, Some("Aleppo"), false)
        ));
        // another division, 150 km away
        assert!(!place_agrees(
            &place(35.0, 37.0, Some("Hama"), "PPL"),
            &gold(36.2, 37.5, Some("Aleppo"), false)
        ));
        // a gold country wants the country, not a town in it
        assert!(!place_agrees(
            &place(35.0, 37.0, Some("Hama"), "PPL"),
            &gold(35.0, 38.0, None, true)
        ));
        assert!(place_agrees(
            &place(35.0, 38.0, None, "PCLI"),
            &gold(35.0, 38.0, None, true)
        ));
    }

    #[test]
    fn gold_windows() {
        let day = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
        assert_eq!(
            gold_window("2019-02"),
            Some((day("2019-02-01"), day("2019-02-28")))
        );
        assert_eq!(
            gold_window("2015"),
            Some((day("2015-01-01"), day("2015-12-31")))
        );
        assert_eq!(gold_window("article"), None);
    }
}
