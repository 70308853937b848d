//! An in-memory index of merged events for interactive queries.
//!
//! Dashboard queries filter by actor tokens ("RUS" among an event's source
//! actors), which SQLite can only answer by scanning every event. The server
//! instead keeps the compact facts of every merged event in memory (tens of
//! bytes each), sorted by (date, id), answers filters, timelines and dyad
//! lists from it, and reads full rows from SQLite only for the page shown.
//! The index is rebuilt when the database file changes (size or mtime of the
//! file or its WAL), so it never serves stale data for long.

use std::collections::{BTreeMap, HashSet};
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use chrono::NaiveDate;
use dyad_store::query::{IndexRow, Period};
use dyad_store::EventFilter;

/// What a database file looked like when the index was built.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileStamp(Vec<(u64, Option<SystemTime>)>);

impl FileStamp {
    /// Sizes and modification times of the database and its WAL.
    pub fn of(db: &Path) -> FileStamp {
        let mut wal = PathBuf::from(db);
        wal.as_mut_os_string().push("-wal");
        FileStamp(
            [db.to_path_buf(), wal]
                .iter()
                .map(|p| match std::fs::metadata(p) {
                    // An empty WAL (created when a reader opens the file) says nothing
                    // about the content: only a non-empty one's time counts.
                    Ok(m) if m.len() > 0 => (m.len(), m.modified().ok()),
                    _ => (0, None),
                })
                .collect(),
        )
    }
}

/// A place: name, GeoNames id, country.
type PlaceKey = (String, Option<i64>, Option<String>);
/// Sums for a place: latitude, longitude, events, events with coordinates.
type PlaceSums = (f64, f64, u64, u64);

/// One merged event's filterable facts.
#[derive(Debug, Clone)]
struct Entry {
    id: i64,
    date: String,
    day: Option<NaiveDate>,
    plover: String,
    cameo: String,
    quad_class: u8,
    goldstein: f64,
    src: Vec<Box<str>>,
    tgt: Vec<Box<str>>,
    src_key: String,
    tgt_key: String,
    place_lower: Option<String>,
    place_country: Option<String>,
    num_articles: i64,
}

/// Events at one place.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct PlaceCount {
    /// Place name as stored.
    pub name: String,
    /// GeoNames id.
    pub geonameid: Option<i64>,
    /// ISO3.
    pub country: Option<String>,
    /// Latitude.
    pub lat: Option<f64>,
    /// Longitude.
    pub lon: Option<f64>,
    /// Merged events there.
    pub events: u64,
}

/// An actor code with its number of events.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct ActorCount {
    /// Country or actor code.
    pub code: String,
    /// Merged events in which it is source or target.
    pub events: u64,
}

fn tokens(matched: &str) -> Vec<Box<str>> {
    matched
        .split('|')
        .filter(|t| !t.is_empty())
        .map(Box::from)
        .collect()
}

/// The index: entries sorted by (date, id).
#[derive(Debug, Clone)]
pub struct EventIndex {
    /// The file state it was built from.
    pub stamp: FileStamp,
    entries: Vec<Entry>,
    places: Vec<PlaceCount>,
    actors: Vec<ActorCount>,
    /// Stored documents when the index was built.
    pub documents: u64,
    /// Stored (single) events when the index was built.
    pub events: u64,
}

/// One period of a dyad timeline.
#[derive(Debug, Clone, PartialEq)]
pub struct Bucket {
    /// Period label (`2023-09`, `2023-W37`, `2023-09-13`).
    pub period: String,
    /// Events in it.
    pub total: u64,
    /// Per PLOVER type.
    pub by_type: BTreeMap<String, u64>,
    /// Per quad class (index 0 = class 1).
    pub by_quad: [u64; 4],
    /// Mean Goldstein.
    pub mean_goldstein: f64,
}

/// An undirected dyad summary.
#[derive(Debug, Clone, PartialEq)]
pub struct DyadCount {
    /// First actor key (alphabetically).
    pub a: String,
    /// Second actor key.
    pub b: String,
    /// Merged events between them, either direction.
    pub events: u64,
    /// Quad classes 1–2.
    pub cooperation: u64,
    /// Quad classes 3–4.
    pub conflict: u64,
    /// Mean Goldstein.
    pub mean_goldstein: f64,
}

impl EventIndex {
    /// Builds the index from rows ordered by (date, id).
    pub fn new(stamp: FileStamp, rows: Vec<IndexRow>) -> EventIndex {
        let mut places: BTreeMap<PlaceKey, PlaceSums> = BTreeMap::new();
        let mut actors: BTreeMap<String, u64> = BTreeMap::new();
        for r in &rows {
            if let Some(name) = &r.place_name {
                let p = places
                    .entry((name.clone(), r.place_geonameid, r.place_country.clone()))
                    .or_default();
                if let (Some(lat), Some(lon)) = (r.lat, r.lon) {
                    p.0 += lat;
                    p.1 += lon;
                    p.3 += 1;
                }
                p.2 += 1;
            }
            let mut seen: Vec<&str> = Vec::new();
            for t in r.src_match.split('|').chain(r.tgt_match.split('|')) {
                if !t.is_empty() && !seen.contains(&t) {
                    seen.push(t);
                    *actors.entry(t.to_string()).or_default() += 1;
                }
            }
        }
        let mut places: Vec<PlaceCount> = places
            .into_iter()
            .map(
                |((name, geonameid, country), (lat, lon, n, with_coords))| PlaceCount {
                    name,
                    geonameid,
                    country,
                    lat: (with_coords > 0).then(|| lat / with_coords as f64),
                    lon: (with_coords > 0).then(|| lon / with_coords as f64),
                    events: n,
                },
            )
            .collect();
        places.sort_by(|a, b| b.events.cmp(&a.events).then_with(|| a.name.cmp(&b.name)));
        let mut actors: Vec<ActorCount> = actors
            .into_iter()
            .map(|(code, events)| ActorCount { code, events })
            .collect();
        actors.sort_by(|a, b| b.events.cmp(&a.events).then_with(|| a.code.cmp(&b.code)));
        let entries = rows
            .into_iter()
            .map(|r| Entry {
                id: r.id,
                day: NaiveDate::parse_from_str(&r.date, "%Y-%m-%d").ok(),
                date: r.date,
                plover: r.plover,
                cameo: r.cameo,
                quad_class: r.quad_class.clamp(0, 4) as u8,
                goldstein: r.goldstein,
                src: tokens(&r.src_match),
                tgt: tokens(&r.tgt_match),
                src_key: r.src_key,
                tgt_key: r.tgt_key,
                place_lower: r.place_name.map(|p| p.to_lowercase()),
                place_country: r.place_country,
                num_articles: r.num_articles,
            })
            .collect();
        EventIndex {
            stamp,
            entries,
            places,
            actors,
            documents: 0,
            events: 0,
        }
    }

    /// Places with event counts, most events first.
    pub fn places(&self, limit: usize) -> &[PlaceCount] {
        &self.places[..limit.min(self.places.len())]
    }

    /// Actor codes starting with `prefix` (case-insensitive), most events first.
    pub fn actors(&self, prefix: &str, limit: usize) -> Vec<ActorCount> {
        let prefix = prefix.trim().to_uppercase();
        self.actors
            .iter()
            .filter(|a| a.code.starts_with(&prefix))
            .take(limit)
            .cloned()
            .collect()
    }

    /// Number of merged events indexed.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// True when no event is indexed.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    fn matching<'a>(&'a self, f: &'a EventFilter) -> impl Iterator<Item = &'a Entry> + 'a {
        let norm = |s: &Option<String>| s.as_ref().map(|t| t.trim().to_uppercase());
        let (source, target) = (norm(&f.source), norm(&f.target));
        let dyad = f
            .dyad
            .as_ref()
            .map(|(a, b)| (a.trim().to_uppercase(), b.trim().to_uppercase()));
        let plover = f.plover.as_ref().map(|p| p.trim().to_uppercase());
        let since = f.since.map(|d| d.to_string());
        let until = f.until.map(|d| d.to_string());
        let place = f
            .place
            .as_ref()
            .map(|p| (p.trim().to_lowercase(), p.trim().to_uppercase()));
        let has = |list: &[Box<str>], t: &str| list.iter().any(|x| &**x == t);
        self.entries.iter().filter(move |e| {
            source.as_ref().is_none_or(|s| has(&e.src, s))
                && target.as_ref().is_none_or(|t| has(&e.tgt, t))
                && dyad.as_ref().is_none_or(|(a, b)| {
                    (has(&e.src, a) && has(&e.tgt, b)) || (has(&e.src, b) && has(&e.tgt, a))
                })
                && plover.as_ref().is_none_or(|p| &e.plover == p)
                && f.cameo
                    .as_ref()
                    .is_none_or(|c| e.cameo.starts_with(c.trim()))
                && since.as_ref().is_none_or(|s| e.date.as_str() >= s.as_str())
                && until.as_ref().is_none_or(|u| e.date.as_str() <= u.as_str())
                && place.as_ref().is_none_or(|(lower, upper)| {
                    e.place_lower
                        .as_ref()
                        .is_some_and(|p| p.contains(lower.as_str()))
                        || e.place_country.as_deref() == Some(upper.as_str())
                })
                && f.min_articles
                    .is_none_or(|n| e.num_articles >= i64::from(n))
        })
    }

    /// Ids of one page of matching events after the (date, id) `after`, and
    /// whether more follow.
    pub fn page(
        &self,
        f: &EventFilter,
        after: Option<(&str, i64)>,
        limit: usize,
    ) -> (Vec<i64>, bool) {
        let mut ids = Vec::with_capacity(limit + 1);
        for e in self.matching(f) {
            if let Some((date, id)) = after {
                if (e.date.as_str(), e.id) <= (date, id) {
                    continue;
                }
            }
            ids.push(e.id);
            if ids.len() > limit {
                break;
            }
        }
        let more = ids.len() > limit;
        ids.truncate(limit);
        (ids, more)
    }

    /// The date of an indexed event (for cursors).
    pub fn date_of(&self, id: i64) -> Option<&str> {
        self.entries
            .iter()
            .find(|e| e.id == id)
            .map(|e| e.date.as_str())
    }

    /// Matching events per period.
    pub fn timeline(&self, f: &EventFilter, by: Period) -> Vec<Bucket> {
        let mut buckets: BTreeMap<String, (Bucket, f64)> = BTreeMap::new();
        for e in self.matching(f) {
            let Some(day) = e.day else { continue };
            let label = by.label(day);
            let (b, sum) = buckets.entry(label.clone()).or_insert_with(|| {
                (
                    Bucket {
                        period: label,
                        total: 0,
                        by_type: BTreeMap::new(),
                        by_quad: [0; 4],
                        mean_goldstein: 0.0,
                    },
                    0.0,
                )
            });
            b.total += 1;
            *b.by_type.entry(e.plover.clone()).or_default() += 1;
            if (1..=4).contains(&e.quad_class) {
                b.by_quad[usize::from(e.quad_class - 1)] += 1;
            }
            *sum += e.goldstein;
        }
        buckets
            .into_values()
            .map(|(mut b, sum)| {
                b.mean_goldstein = sum / b.total.max(1) as f64;
                b
            })
            .collect()
    }

    /// Undirected dyads with both sides known, international pairs first,
    /// then by event count.
    pub fn dyads(&self, limit: usize) -> Vec<DyadCount> {
        let mut pairs: BTreeMap<(&str, &str), (u64, u64, u64, f64)> = BTreeMap::new();
        for e in &self.entries {
            let (s, t) = (e.src_key.as_str(), e.tgt_key.as_str());
            if s == "-" || t == "-" || s.is_empty() || t.is_empty() {
                continue;
            }
            let key = if s <= t { (s, t) } else { (t, s) };
            let p = pairs.entry(key).or_default();
            p.0 += 1;
            match e.quad_class {
                1 | 2 => p.1 += 1,
                3 | 4 => p.2 += 1,
                _ => {}
            }
            p.3 += e.goldstein;
        }
        let mut list: Vec<DyadCount> = pairs
            .into_iter()
            .map(|((a, b), (n, coop, conf, sum))| DyadCount {
                a: a.to_string(),
                b: b.to_string(),
                events: n,
                cooperation: coop,
                conflict: conf,
                mean_goldstein: sum / n.max(1) as f64,
            })
            .collect();
        list.sort_by(|x, y| {
            (x.a == x.b)
                .cmp(&(y.a == y.b))
                .then(y.events.cmp(&x.events))
                .then_with(|| (&x.a, &x.b).cmp(&(&y.a, &y.b)))
        });
        list.truncate(limit);
        list
    }

    /// Distinct actor keys (for diagnostics).
    pub fn actor_keys(&self) -> HashSet<&str> {
        self.entries
            .iter()
            .flat_map(|e| [e.src_key.as_str(), e.tgt_key.as_str()])
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(id: i64, date: &str, plover: &str, quad: i64, src: &str, tgt: &str) -> IndexRow {
        IndexRow {
            id,
            date: date.into(),
            plover: plover.into(),
            cameo: "042".into(),
            quad_class: quad,
            goldstein: if quad <= 2 { 4.0 } else { -6.0 },
            src_match: format!("|{src}|{src}GOV|"),
            tgt_match: format!("|{tgt}|"),
            src_key: src.into(),
            tgt_key: tgt.into(),
            place_name: Some("Pyongyang".into()),
            place_country: Some("PRK".into()),
            place_geonameid: Some(1871859),
            lat: Some(39.03),
            lon: Some(125.75),
            num_articles: 1,
        }
    }

    fn index() -> EventIndex {
        EventIndex::new(
            FileStamp(Vec::new()),
            vec![
                row(1, "2023-09-13", "CONSULT", 1, "RUS", "PRK"),
                row(2, "2023-09-14", "CONSULT", 1, "PRK", "RUS"),
                row(3, "2024-03-28", "REJECT", 3, "RUS", "UNO"),
                row(4, "2024-06-19", "ASSAULT", 4, "RUS", "UKR"),
                row(5, "2024-06-19", "CONSULT", 1, "RUS", "PRK"),
            ],
        )
    }

    #[test]
    fn dyad_filter_matches_both_directions_and_pages_by_cursor() {
        let idx = index();
        let f = EventFilter {
            dyad: Some(("rus".into(), "PRK".into())),
            merged: true,
            ..EventFilter::default()
        };
        let (ids, more) = idx.page(&f, None, 2);
        assert_eq!((ids.clone(), more), (vec![1, 2], true));
        let (ids, more) = idx.page(&f, Some(("2023-09-14", 2)), 2);
        assert_eq!((ids, more), (vec![5], false));
        let f = EventFilter {
            source: Some("RUSGOV".into()),
            since: NaiveDate::from_ymd_opt(2024, 1, 1),
            ..EventFilter::default()
        };
        assert_eq!(idx.page(&f, None, 10).0, vec![3, 4, 5]);
    }

    #[test]
    fn timeline_and_dyads_aggregate() {
        let idx = index();
        let f = EventFilter {
            dyad: Some(("RUS".into(), "PRK".into())),
            ..EventFilter::default()
        };
        let t = idx.timeline(&f, Period::Month);
        let labels: Vec<&str> = t.iter().map(|b| b.period.as_str()).collect();
        assert_eq!(labels, vec!["2023-09", "2024-06"]);
        assert_eq!(t[0].total, 2);
        assert_eq!(t[0].by_quad, [2, 0, 0, 0]);
        assert_eq!(idx.places(10)[0].events, 5);
        assert_eq!(idx.actors("ru", 1)[0].code, "RUS");
        let d = idx.dyads(10);
        assert_eq!(
            (d[0].a.as_str(), d[0].b.as_str(), d[0].events),
            ("PRK", "RUS", 3)
        );
    }
}
