//! The query API: typed filters in, typed serde-serialisable rows out.
//!
//! Used by the CLI (`dyad events|dyads|timeline|show|export`) and by the
//! server. All SQL uses bound parameters; user text never becomes SQL.

mod browse;
mod filter;
mod summary;

use chrono::NaiveDate;
use rusqlite::types::Value;
use rusqlite::{params_from_iter, Row};
use serde::{Deserialize, Serialize};

use crate::error::{sql, Result};
use crate::Store;
pub use browse::{
    encode_cursor, ActorHit, DocumentRecord, Highlight, HighlightedReport, IndexRow, PlaceCount,
};
pub use filter::EventFilter;
pub use summary::{DyadSummary, Period, TimelineBucket};

/// One event or merged event as a flat record: the unit of query results and
/// of every export format.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EventRow {
    /// Event id, or merged-event id when `merged`.
    pub id: i64,
    /// True for a merged (cross-article) event.
    pub merged: bool,
    /// The merged event this event belongs to (events only).
    pub merged_id: Option<i64>,
    /// PLOVER type.
    pub plover: String,
    /// PLOVER mode.
    pub mode: Option<String>,
    /// PLOVER contexts, space-separated.
    pub contexts: String,
    /// CAMEO code.
    pub cameo: String,
    /// Goldstein score.
    pub goldstein: f64,
    /// CAMEO quad class 1–4.
    pub quad_class: i64,
    /// Source actor code (first source actor).
    pub source_code: Option<String>,
    /// Source actor name.
    pub source_name: Option<String>,
    /// Source country (ISO3).
    pub source_country: Option<String>,
    /// Source sectors, space-separated, primary first.
    pub source_sectors: Option<String>,
    /// Source organisation code.
    pub source_org: Option<String>,
    /// Target actor code (first target actor).
    pub target_code: Option<String>,
    /// Target actor name.
    pub target_name: Option<String>,
    /// Target country (ISO3).
    pub target_country: Option<String>,
    /// Target sectors.
    pub target_sectors: Option<String>,
    /// Target organisation code.
    pub target_org: Option<String>,
    /// Factuality ("asserted", ...).
    pub factuality: String,
    /// Event date (YYYY-MM-DD).
    pub date: String,
    /// First day of the date window.
    pub date_start: String,
    /// Last day of the date window.
    pub date_end: String,
    /// Date precision ("day", "month", ...).
    pub date_precision: String,
    /// Place name.
    pub place_name: Option<String>,
    /// Place country (ISO3).
    pub place_country: Option<String>,
    /// First-level division.
    pub place_admin1: Option<String>,
    /// GeoNames id.
    pub place_geonameid: Option<i64>,
    /// GeoNames feature code.
    pub place_feature: Option<String>,
    /// Latitude.
    pub lat: Option<f64>,
    /// Longitude.
    pub lon: Option<f64>,
    /// How the place was found ("trigger-obl", "clause", "dateline",
    /// "actor-country", ...; see docs/geo.md); none for events stored
    /// before schema version 5.
    pub place_reason: Option<String>,
    /// Distinct articles reporting it (1 for an event).
    pub num_articles: i64,
    /// Distinct publishers reporting it.
    pub num_sources: i64,
    /// Mentions (member events) of it.
    pub num_mentions: i64,
    /// Earliest publication date of a reporting article.
    pub first_report: Option<String>,
    /// Latest publication date of a reporting article.
    pub last_report: Option<String>,
    /// Id of the (anchor) reporting document.
    pub doc_id: String,
    /// URL of that document.
    pub url: Option<String>,
    /// Publisher of that document.
    pub publisher: Option<String>,
    /// The reporting sentence.
    pub sentence: String,
    /// The trigger text.
    pub trigger: String,
    /// The rule that fired.
    pub rule: String,
    /// Coder confidence.
    pub confidence: f64,
    /// Reported in the title or first paragraph.
    pub is_root: bool,
}

/// One report (sentence) of an event, for `dyad show`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Report {
    /// Event id of this mention.
    pub event_id: i64,
    /// Document id.
    pub doc_id: String,
    /// Document title.
    pub title: Option<String>,
    /// Publisher.
    pub publisher: Option<String>,
    /// URL.
    pub url: Option<String>,
    /// Publication date.
    pub pub_date: Option<String>,
    /// The sentence.
    pub sentence: String,
    /// Trigger text.
    pub trigger: String,
    /// Rule id.
    pub rule: String,
    /// Confidence.
    pub confidence: f64,
    /// Factuality.
    pub factuality: String,
    /// Event date as this mention resolved it, with its precision.
    pub date: String,
    /// Date precision of this mention.
    pub date_precision: String,
    /// The date expression, when there was one.
    pub date_text: Option<String>,
}

/// An event or merged event with every sentence that reported it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EventDetail {
    /// The requested record.
    pub record: EventRow,
    /// The merged event it belongs to (when `record` is a plain event).
    pub merged: Option<EventRow>,
    /// Every report of the (merged) event, by publication date.
    pub reports: Vec<Report>,
}

/// Byte-exact slice of the document text as SQL (`substr` on TEXT counts
/// characters, on BLOB bytes).
const SENTENCE_SQL: &str = "CAST(substr(CAST(d.text AS BLOB), e.sentence_start + 1, \
     e.sentence_end - e.sentence_start) AS TEXT)";

fn row_columns(merged: bool) -> String {
    let t = if merged { "m" } else { "e" };
    let counts = if merged {
        "m.num_articles, m.num_sources, m.num_mentions, m.first_report, m.last_report"
    } else {
        "1, 1, 1, d.pub_date, d.pub_date"
    };
    let id = if merged { "m.merged_id" } else { "e.event_id" };
    let merged_id = if merged {
        "NULL"
    } else {
        "(SELECT mm.merged_id FROM merged_members mm WHERE mm.event_id = e.event_id)"
    };
    format!(
        "{id}, {merged_id}, {t}.plover, e.mode, e.contexts, {t}.cameo, {t}.goldstein, {t}.quad_class,
         e.src_code, e.src_name, e.src_country, e.src_sectors, e.src_org,
         e.tgt_code, e.tgt_name, e.tgt_country, e.tgt_sectors, e.tgt_org,
         e.factuality, {t}.date, {t}.date_start, {t}.date_end, {t}.date_precision,
         {t}.place_name, {t}.place_country, {t}.place_admin1, {t}.place_geonameid,
         {t}.place_feature, {t}.place_lat, {t}.place_lon, {counts},
         d.id, d.url, d.source, {SENTENCE_SQL}, e.trigger_text, e.rule, e.confidence, e.is_root,
         {t}.place_reason"
    )
}

fn read_row(r: &Row<'_>, merged: bool) -> rusqlite::Result<EventRow> {
    Ok(EventRow {
        id: r.get(0)?,
        merged,
        merged_id: r.get(1)?,
        plover: r.get(2)?,
        mode: r.get(3)?,
        contexts: r.get(4)?,
        cameo: r.get(5)?,
        goldstein: r.get(6)?,
        quad_class: r.get(7)?,
        source_code: r.get(8)?,
        source_name: r.get(9)?,
        source_country: r.get(10)?,
        source_sectors: r.get(11)?,
        source_org: r.get(12)?,
        target_code: r.get(13)?,
        target_name: r.get(14)?,
        target_country: r.get(15)?,
        target_sectors: r.get(16)?,
        target_org: r.get(17)?,
        factuality: r.get(18)?,
        date: r.get(19)?,
        date_start: r.get(20)?,
        date_end: r.get(21)?,
        date_precision: r.get(22)?,
        place_name: r.get(23)?,
        place_country: r.get(24)?,
        place_admin1: r.get(25)?,
        place_geonameid: r.get(26)?,
        place_feature: r.get(27)?,
        lat: r.get(28)?,
        lon: r.get(29)?,
        place_reason: r.get(43)?,
        num_articles: r.get(30)?,
        num_sources: r.get(31)?,
        num_mentions: r.get(32)?,
        first_report: r.get(33)?,
        last_report: r.get(34)?,
        doc_id: r.get(35)?,
        url: r.get(36)?,
        publisher: r.get(37)?,
        sentence: r.get::<_, Option<String>>(38)?.unwrap_or_default(),
        trigger: r.get(39)?,
        rule: r.get(40)?,
        confidence: r.get(41)?,
        is_root: r.get(42)?,
    })
}

impl Store {
    /// Events (or merged events, per `filter.merged`) matching `filter`,
    /// ordered by date then id.
    pub fn events(&self, filter: &EventFilter) -> Result<Vec<EventRow>> {
        let mut rows = Vec::new();
        self.for_each_event(filter, |row| {
            rows.push(row);
            Ok(())
        })?;
        Ok(rows)
    }

    /// Streams matching rows to `sink` without collecting them (exports).
    pub fn for_each_event(
        &self,
        filter: &EventFilter,
        mut sink: impl FnMut(EventRow) -> Result<()>,
    ) -> Result<()> {
        let (from_where, mut params) = filter.sql_from_where(None)?;
        let t = if filter.merged { "m" } else { "e" };
        let id = if filter.merged {
            "m.merged_id"
        } else {
            "e.event_id"
        };
        let mut query = format!(
            "SELECT {} {from_where} ORDER BY {t}.date, {id}",
            row_columns(filter.merged)
        );
        if let Some(limit) = filter.limit {
            query.push_str(" LIMIT ?");
            params.push(Value::Integer(i64::try_from(limit).unwrap_or(i64::MAX)));
        }
        let mut stmt = self.conn.prepare(&query).map_err(sql("querying events"))?;
        let mut rows = stmt
            .query(params_from_iter(params))
            .map_err(sql("querying events"))?;
        while let Some(row) = rows.next().map_err(sql("reading events"))? {
            sink(read_row(row, filter.merged).map_err(sql("reading an event"))?)?;
        }
        Ok(())
    }

    /// One event or merged event by id, with every report of it; `None`
    /// when no such id exists.
    pub fn show(&self, id: i64) -> Result<Option<EventDetail>> {
        let (record, merged) = match self.row_by_id(false, id)? {
            Some(event) => {
                let merged = match event.merged_id {
                    Some(mid) => self.row_by_id(true, mid)?,
                    None => None,
                };
                (event, merged)
            }
            None => match self.row_by_id(true, id)? {
                Some(m) => (m, None),
                None => return Ok(None),
            },
        };
        let reports = match &merged {
            _ if record.merged => self.reports_of_merged(record.id)?,
            Some(m) => self.reports_of_merged(m.id)?,
            None => self.reports_of_event(record.id)?,
        };
        Ok(Some(EventDetail {
            record,
            merged,
            reports,
        }))
    }

    fn row_by_id(&self, merged: bool, id: i64) -> Result<Option<EventRow>> {
        let filter = EventFilter {
            merged,
            factual_only: false,
            all: true,
            ..EventFilter::default()
        };
        let (from_where, params) = filter.sql_from_where(Some(id))?;
        let query = format!("SELECT {} {from_where}", row_columns(merged));
        let mut stmt = self
            .conn
            .prepare(&query)
            .map_err(sql("looking up an event"))?;
        let mut rows = stmt
            .query(params_from_iter(params))
            .map_err(sql("looking up an event"))?;
        match rows.next().map_err(sql("looking up an event"))? {
            Some(row) => Ok(Some(
                read_row(row, merged).map_err(sql("reading an event"))?,
            )),
            None => Ok(None),
        }
    }

    fn reports_of_merged(&self, merged_id: i64) -> Result<Vec<Report>> {
        self.reports(
            "JOIN merged_members mm ON mm.event_id = e.event_id WHERE mm.merged_id = ?1",
            merged_id,
        )
    }

    fn reports_of_event(&self, event_id: i64) -> Result<Vec<Report>> {
        self.reports("WHERE e.event_id = ?1", event_id)
    }

    fn reports(&self, condition: &str, id: i64) -> Result<Vec<Report>> {
        let query = format!(
            "SELECT e.event_id, d.id, d.title, d.source, d.url, d.pub_date, {SENTENCE_SQL},
                    e.trigger_text, e.rule, e.confidence, e.factuality, e.date,
                    e.date_precision, e.date_text
             FROM events e JOIN documents d ON d.doc_id = e.doc_id {condition}
             ORDER BY d.pub_date, d.id, e.sentence, e.event_id"
        );
        let mut stmt = self.conn.prepare(&query).map_err(sql("listing reports"))?;
        let rows = stmt
            .query_map([id], |r| {
                Ok(Report {
                    event_id: r.get(0)?,
                    doc_id: r.get(1)?,
                    title: r.get(2)?,
                    publisher: r.get(3)?,
                    url: r.get(4)?,
                    pub_date: r.get(5)?,
                    sentence: r.get::<_, Option<String>>(6)?.unwrap_or_default(),
                    trigger: r.get(7)?,
                    rule: r.get(8)?,
                    confidence: r.get(9)?,
                    factuality: r.get(10)?,
                    date: r.get(11)?,
                    date_precision: r.get(12)?,
                    date_text: r.get(13)?,
                })
            })
            .map_err(sql("listing reports"))?;
        rows.collect::<rusqlite::Result<_>>()
            .map_err(sql("listing reports"))
    }
}

/// Parses a `YYYY-MM-DD` (or `YYYY-MM`, `YYYY`) bound; `end` picks the last
/// day of a month or year.
pub fn parse_bound(text: &str, end: bool) -> Result<NaiveDate> {
    let bad = || {
        crate::StoreError::Query(format!(
            "{text:?} is not a date (YYYY-MM-DD, YYYY-MM or YYYY)"
        ))
    };
    let parts: Vec<&str> = text.trim().split('-').collect();
    let num = |s: &str| s.parse::<u32>().map_err(|_| bad());
    match parts.as_slice() {
        [y, m, d] => NaiveDate::from_ymd_opt(num(y)? as i32, num(m)?, num(d)?).ok_or_else(bad),
        [y, m] => {
            let (y, m) = (num(y)? as i32, num(m)?);
            let first = NaiveDate::from_ymd_opt(y, m, 1).ok_or_else(bad)?;
            if !end {
                return Ok(first);
            }
            let next = if m == 12 {
                NaiveDate::from_ymd_opt(y + 1, 1, 1)
            } else {
                NaiveDate::from_ymd_opt(y, m + 1, 1)
            };
            next.and_then(|n| n.pred_opt()).ok_or_else(bad)
        }
        [y] => {
            let y = num(y)? as i32;
            if end {
                NaiveDate::from_ymd_opt(y, 12, 31).ok_or_else(bad)
            } else {
                NaiveDate::from_ymd_opt(y, 1, 1).ok_or_else(bad)
            }
        }
        _ => Err(bad()),
    }
}
