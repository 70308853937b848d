//! Queries for interactive browsing (the API server and dashboard): keyset
//! pages of events, reports with highlight spans, actor autocomplete, event
//! counts per place, and stored documents with their annotations.

use rusqlite::params_from_iter;
use rusqlite::types::Value;
use serde::Serialize;

use super::{read_row, row_columns, EventFilter, EventRow, SENTENCE_SQL};
use crate::error::{sql, Result};
use crate::Store;

/// A highlighted span, relative to the text it is shown with.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Highlight {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// `actor`, `trigger`, `place` or `quantity`.
    pub label: &'static str,
    /// A short explanation (actor code, rule, value).
    pub detail: String,
}

/// One sentence reporting an event, with its highlights.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct HighlightedReport {
    /// The reporting event's id.
    pub event_id: i64,
    /// Document id.
    pub doc_id: String,
    /// Document title.
    pub title: Option<String>,
    /// Publisher.
    pub source: Option<String>,
    /// URL.
    pub url: Option<String>,
    /// Publication date.
    pub published: Option<String>,
    /// Sentence index in the document.
    pub sentence_index: i64,
    /// Sentence text.
    pub sentence: String,
    /// Highlights relative to the sentence.
    pub spans: Vec<Highlight>,
    /// Rule id.
    pub rule: String,
    /// Confidence.
    pub confidence: f64,
    /// Factuality.
    pub factuality: String,
}

/// An actor code with its event count, for autocomplete.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ActorHit {
    /// Country or actor code.
    pub code: String,
    /// A name seen with it.
    pub name: Option<String>,
    /// Events in which it is source or target.
    pub events: u64,
}

/// Event count of one place.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PlaceCount {
    /// Place name.
    pub name: String,
    /// GeoNames id.
    pub geonameid: Option<i64>,
    /// ISO3.
    pub country: Option<String>,
    /// Latitude.
    pub lat: Option<f64>,
    /// Longitude.
    pub lon: Option<f64>,
    /// Merged events located there.
    pub events: u64,
}

/// A stored document with every annotation, for the article view.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DocumentRecord {
    /// Document id.
    pub id: String,
    /// Title.
    pub title: Option<String>,
    /// Publisher.
    pub source: Option<String>,
    /// URL.
    pub url: Option<String>,
    /// Author.
    pub author: Option<String>,
    /// Publication date.
    pub date: Option<String>,
    /// How the date was obtained.
    pub date_origin: Option<String>,
    /// Cleaned text.
    pub text: String,
    /// Zones (JSON as stored).
    pub zones: serde_json::Value,
    /// Highlights relative to `text`.
    pub annotations: Vec<Highlight>,
    /// The document's events.
    pub events: Vec<EventRow>,
}

/// Keyset cursor of an event page: the (date, id) of the last row shown.
pub fn encode_cursor(row: &EventRow) -> String {
    format!("{}_{}", row.date, row.id)
}

fn decode_cursor(cursor: &str) -> Option<(String, i64)> {
    let (date, id) = cursor.rsplit_once('_')?;
    let id = id.parse().ok()?;
    (date.len() == 10 && date.chars().all(|c| c.is_ascii_digit() || c == '-'))
        .then(|| (date.to_string(), id))
}

impl Store {
    /// One page of events by (date, id), after `cursor` when given; returns
    /// the rows and the cursor of the next page.
    pub fn events_page(
        &self,
        filter: &EventFilter,
        cursor: Option<&str>,
        limit: usize,
    ) -> Result<(Vec<EventRow>, Option<String>)> {
        let (mut from_where, mut params) = filter.sql_from_where(None)?;
        let t = filter.alias();
        let id = if filter.merged {
            "m.merged_id"
        } else {
            "e.event_id"
        };
        if let Some(c) = cursor {
            let (date, last) = decode_cursor(c)
                .ok_or_else(|| crate::StoreError::Query(format!("{c:?} is not a cursor")))?;
            params.push(Value::Text(date));
            let pd = params.len();
            params.push(Value::Integer(last));
            let pi = params.len();
            let cond = format!("({t}.date, {id}) > (?{pd}, ?{pi})");
            from_where.push_str(if from_where.contains(" WHERE ") {
                " AND "
            } else {
                " WHERE "
            });
            from_where.push_str(&cond);
        }
        params.push(Value::Integer(limit as i64 + 1));
        let query = format!(
            "SELECT {} {from_where} ORDER BY {t}.date, {id} LIMIT ?{}",
            row_columns(filter.merged),
            params.len()
        );
        let mut stmt = self
            .conn
            .prepare_cached(&query)
            .map_err(sql("paging events"))?;
        let mut rows = stmt
            .query(params_from_iter(params))
            .map_err(sql("paging events"))?;
        let mut out = Vec::new();
        while let Some(row) = rows.next().map_err(sql("reading events"))? {
            out.push(read_row(row, filter.merged).map_err(sql("reading an event"))?);
        }
        let next = if out.len() > limit {
            out.truncate(limit);
            out.last().map(encode_cursor)
        } else {
            None
        };
        Ok((out, next))
    }

    /// Every sentence reporting event `id` (or, for a merged event or a
    /// member of one, all its members), with highlights.
    pub fn highlighted_reports(&self, id: i64) -> Result<Vec<HighlightedReport>> {
        let merged: Option<i64> = self
            .conn
            .query_row(
                "SELECT merged_id FROM merged_members WHERE event_id = ?1
                 UNION SELECT merged_id FROM merged_events WHERE merged_id = ?1 LIMIT 1",
                [id],
                |r| r.get(0),
            )
            .ok();
        let condition = match merged {
            Some(_) => "JOIN merged_members mm ON mm.event_id = e.event_id WHERE mm.merged_id = ?1",
            None => "WHERE e.event_id = ?1",
        };
        self.reports_where(condition, merged.unwrap_or(id))
    }

    fn reports_where(&self, condition: &str, id: i64) -> Result<Vec<HighlightedReport>> {
        let query = format!(
            "SELECT e.event_id, d.id, d.title, d.source, d.url, d.pub_date, e.sentence, {SENTENCE_SQL},
                    e.sentence_start, e.src_start, e.src_end, e.src_code, e.tgt_start, e.tgt_end, e.tgt_code,
                    e.trigger_start, e.trigger_end, e.plover, e.cameo, e.place_start, e.place_end,
                    e.place_name, e.quantities, e.rule, e.confidence, e.factuality
             FROM events e JOIN documents d ON d.doc_id = e.doc_id {condition}
             ORDER BY d.pub_date, d.id, e.sentence, e.event_id"
        );
        let mut stmt = self
            .conn
            .prepare_cached(&query)
            .map_err(sql("listing reports"))?;
        let rows = stmt
            .query_map([id], |r| {
                let base: i64 = r.get(8)?;
                let mut spans = Vec::new();
                let mut push =
                    |s: Option<i64>, e: Option<i64>, label: &'static str, detail: String| {
                        if let (Some(s), Some(e)) = (s, e) {
                            if s >= base && e > s {
                                spans.push(Highlight {
                                    start: (s - base) as usize,
                                    end: (e - base) as usize,
                                    label,
                                    detail,
                                });
                            }
                        }
                    };
                push(
                    r.get(9)?,
                    r.get(10)?,
                    "actor",
                    r.get::<_, Option<String>>(11)?.unwrap_or_default(),
                );
                push(
                    r.get(12)?,
                    r.get(13)?,
                    "actor",
                    r.get::<_, Option<String>>(14)?.unwrap_or_default(),
                );
                let plover: String = r.get(17)?;
                let cameo: String = r.get(18)?;
                let rule: String = r.get(23)?;
                push(
                    r.get(15)?,
                    r.get(16)?,
                    "trigger",
                    format!("{plover} {cameo} · rule {rule}"),
                );
                push(
                    r.get(19)?,
                    r.get(20)?,
                    "place",
                    r.get::<_, Option<String>>(21)?.unwrap_or_default(),
                );
                let quantities: String = r.get(22)?;
                for q in serde_json::from_str::<Vec<dyad_core::Quantity>>(&quantities)
                    .unwrap_or_default()
                {
                    push(
                        Some(q.span.start as i64),
                        Some(q.span.end as i64),
                        "quantity",
                        format!("{} {}", q.value, q.unit),
                    );
                }
                spans.sort_by_key(|h| (h.start, std::cmp::Reverse(h.end)));
                Ok(HighlightedReport {
                    event_id: r.get(0)?,
                    doc_id: r.get(1)?,
                    title: r.get(2)?,
                    source: r.get(3)?,
                    url: r.get(4)?,
                    published: r.get(5)?,
                    sentence_index: r.get(6)?,
                    sentence: r.get::<_, Option<String>>(7)?.unwrap_or_default(),
                    spans,
                    rule,
                    confidence: r.get(24)?,
                    factuality: r.get(25)?,
                })
            })
            .map_err(sql("listing reports"))?;
        rows.collect::<rusqlite::Result<_>>()
            .map_err(sql("listing reports"))
    }

    /// Country and actor codes starting with `prefix` (case-insensitive),
    /// most frequent first.
    pub fn actor_hits(&self, prefix: &str, limit: usize) -> Result<Vec<ActorHit>> {
        let pattern = format!("{}%", prefix.trim().to_uppercase().replace(['%', '_'], ""));
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT code, max(name), count(*) AS n FROM (
                   SELECT src_country AS code, NULL AS name FROM events WHERE src_country LIKE ?1
                   UNION ALL SELECT tgt_country, NULL FROM events WHERE tgt_country LIKE ?1
                   UNION ALL SELECT src_code, src_name FROM events WHERE src_code LIKE ?1
                   UNION ALL SELECT tgt_code, tgt_name FROM events WHERE tgt_code LIKE ?1)
                 WHERE code IS NOT NULL AND code <> '' GROUP BY code ORDER BY n DESC, code LIMIT ?2",
            )
            .map_err(sql("autocompleting actors"))?;
        let rows = stmt
            .query_map(rusqlite::params![pattern, limit as i64], |r| {
                Ok(ActorHit {
                    code: r.get(0)?,
                    name: r.get(1)?,
                    events: r.get::<_, i64>(2)? as u64,
                })
            })
            .map_err(sql("autocompleting actors"))?;
        rows.collect::<rusqlite::Result<_>>()
            .map_err(sql("autocompleting actors"))
    }

    /// Merged events per place with coordinates, most events first.
    pub fn place_counts(&self, limit: usize) -> Result<Vec<PlaceCount>> {
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT place_name, place_geonameid, place_country, avg(place_lat), avg(place_lon), count(*) AS n
                 FROM merged_events WHERE place_name IS NOT NULL
                 GROUP BY place_name, place_geonameid, place_country ORDER BY n DESC, place_name LIMIT ?1",
            )
            .map_err(sql("counting places"))?;
        let rows = stmt
            .query_map([limit as i64], |r| {
                Ok(PlaceCount {
                    name: r.get(0)?,
                    geonameid: r.get(1)?,
                    country: r.get(2)?,
                    lat: r.get(3)?,
                    lon: r.get(4)?,
                    events: r.get::<_, i64>(5)? as u64,
                })
            })
            .map_err(sql("counting places"))?;
        rows.collect::<rusqlite::Result<_>>()
            .map_err(sql("counting places"))
    }

    /// A stored document by its id, with actor, place, trigger and quantity
    /// annotations and its events; `None` when no document has that id.
    pub fn document_record(&self, id: &str) -> Result<Option<DocumentRecord>> {
        let found = self.conn.query_row(
            "SELECT doc_id, id, title, source, url, author, pub_date, pub_date_origin, text, zones
             FROM documents WHERE id = ?1 ORDER BY doc_id LIMIT 1",
            [id],
            |r| {
                Ok((
                    r.get::<_, i64>(0)?,
                    DocumentRecord {
                        id: r.get(1)?,
                        title: r.get(2)?,
                        source: r.get(3)?,
                        url: r.get(4)?,
                        author: r.get(5)?,
                        date: r.get(6)?,
                        date_origin: r.get(7)?,
                        text: r.get(8)?,
                        zones: serde_json::from_str(&r.get::<_, String>(9)?).unwrap_or_default(),
                        annotations: Vec::new(),
                        events: Vec::new(),
                    },
                ))
            },
        );
        let (doc_key, mut record) = match found {
            Ok(v) => v,
            Err(rusqlite::Error::QueryReturnedNoRows) => return Ok(None),
            Err(e) => return Err(sql("reading a document")(e)),
        };
        let mut spans = Vec::new();
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT start, end, 'actor', code, 0 AS part, idx AS k FROM actor_mentions WHERE doc_id = ?1
                 UNION ALL SELECT start, end, 'place', coalesce(name, text), 1, idx FROM place_mentions WHERE doc_id = ?1
                 UNION ALL SELECT trigger_start, trigger_end, 'trigger', plover || ' ' || cameo || ' · rule ' || rule,
                   2, event_id FROM events WHERE doc_id = ?1
                 ORDER BY part, k",
            )
            .map_err(sql("reading annotations"))?;
        let rows = stmt
            .query_map([doc_key], |r| {
                let label: String = r.get(2)?;
                Ok(Highlight {
                    start: r.get::<_, i64>(0)? as usize,
                    end: r.get::<_, i64>(1)? as usize,
                    label: match label.as_str() {
                        "actor" => "actor",
                        "place" => "place",
                        _ => "trigger",
                    },
                    detail: r.get(3)?,
                })
            })
            .map_err(sql("reading annotations"))?;
        for h in rows {
            spans.push(h.map_err(sql("reading annotations"))?);
        }
        let quantities: Vec<String> = {
            let mut q = self
                .conn
                .prepare_cached("SELECT quantities FROM events WHERE doc_id = ?1 ORDER BY event_id")
                .map_err(sql("reading quantities"))?;
            let rows = q
                .query_map([doc_key], |r| r.get(0))
                .map_err(sql("reading quantities"))?;
            rows.collect::<rusqlite::Result<_>>()
                .map_err(sql("reading quantities"))?
        };
        for json in quantities {
            for q in serde_json::from_str::<Vec<dyad_core::Quantity>>(&json).unwrap_or_default() {
                spans.push(Highlight {
                    start: q.span.start,
                    end: q.span.end,
                    label: "quantity",
                    detail: format!("{} {}", q.value, q.unit),
                });
            }
        }
        // Overlaps: keep the earliest, longest span so highlights nest cleanly.
        spans.sort_by_key(|h| (h.start, std::cmp::Reverse(h.end)));
        let mut kept: Vec<Highlight> = Vec::with_capacity(spans.len());
        for h in spans {
            if kept.last().is_none_or(|k| h.start >= k.end) {
                kept.push(h);
            }
        }
        record.annotations = kept;
        let query = format!(
            "SELECT {} FROM events e JOIN documents d ON d.doc_id = e.doc_id WHERE e.doc_id = ?1 ORDER BY e.sentence, e.event_id",
            row_columns(false)
        );
        let mut stmt = self
            .conn
            .prepare_cached(&query)
            .map_err(sql("reading document events"))?;
        let rows = stmt
            .query_map([doc_key], |r| read_row(r, false))
            .map_err(sql("reading document events"))?;
        record.events = rows
            .collect::<rusqlite::Result<_>>()
            .map_err(sql("reading document events"))?;
        Ok(Some(record))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cursors_round_trip_and_reject_garbage() {
        assert_eq!(
            decode_cursor("2023-09-13_42"),
            Some(("2023-09-13".into(), 42))
        );
        assert_eq!(
            decode_cursor("2023-09-13_-7"),
            Some(("2023-09-13".into(), -7))
        );
        assert_eq!(decode_cursor("x'; DROP_1"), None);
        assert_eq!(decode_cursor("2023-09-13"), None);
    }
}

/// The compact facts of one merged event that interactive filters and
/// aggregates need, for an in-memory index (see `dyad-server`).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct IndexRow {
    /// Merged event id.
    pub id: i64,
    /// Event date (YYYY-MM-DD).
    pub date: String,
    /// PLOVER type.
    pub plover: String,
    /// CAMEO code.
    pub cameo: String,
    /// Quad class 1–4.
    pub quad_class: i64,
    /// Goldstein score.
    pub goldstein: f64,
    /// Source match tokens, `|RUS|RUSGOV|...|` as in the events table.
    pub src_match: String,
    /// Target match tokens.
    pub tgt_match: String,
    /// Source country (or organisation / code) of the first source actor; "-" when none.
    pub src_key: String,
    /// Target key, as `src_key`.
    pub tgt_key: String,
    /// Place name.
    pub place_name: Option<String>,
    /// Place country.
    pub place_country: Option<String>,
    /// Place GeoNames id.
    pub place_geonameid: Option<i64>,
    /// Place latitude.
    pub lat: Option<f64>,
    /// Place longitude.
    pub lon: Option<f64>,
    /// Reporting articles.
    pub num_articles: i64,
}

impl Store {
    /// Every merged event's index facts, ordered by (date, id). One scan
    /// without document joins: cheap enough to rebuild when the file changes.
    pub fn merged_index(&self) -> Result<Vec<IndexRow>> {
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT m.merged_id, m.date, m.plover, m.cameo, m.quad_class, m.goldstein,
                        e.src_match, e.tgt_match,
                        coalesce(e.src_country, e.src_org, e.src_code, '-'),
                        coalesce(e.tgt_country, e.tgt_org, e.tgt_code, '-'),
                        m.place_name, m.place_country, m.num_articles,
                        m.place_geonameid, m.place_lat, m.place_lon
                 FROM merged_events m JOIN events e ON e.event_id = m.anchor_event
                 ORDER BY m.date, m.merged_id",
            )
            .map_err(sql("indexing merged events"))?;
        let rows = stmt
            .query_map([], |r| {
                Ok(IndexRow {
                    id: r.get(0)?,
                    date: r.get(1)?,
                    plover: r.get(2)?,
                    cameo: r.get(3)?,
                    quad_class: r.get(4)?,
                    goldstein: r.get(5)?,
                    src_match: r.get(6)?,
                    tgt_match: r.get(7)?,
                    src_key: r.get(8)?,
                    tgt_key: r.get(9)?,
                    place_name: r.get(10)?,
                    place_country: r.get(11)?,
                    num_articles: r.get(12)?,
                    place_geonameid: r.get(13)?,
                    lat: r.get(14)?,
                    lon: r.get(15)?,
                })
            })
            .map_err(sql("indexing merged events"))?;
        rows.collect::<rusqlite::Result<_>>()
            .map_err(sql("indexing merged events"))
    }

    /// Full rows of the merged events `ids`, in the order given.
    pub fn merged_rows(&self, ids: &[i64]) -> Result<Vec<EventRow>> {
        let query = format!(
            "SELECT {} FROM merged_events m JOIN events e ON e.event_id = m.anchor_event
             JOIN documents d ON d.doc_id = e.doc_id WHERE m.merged_id = ?1",
            row_columns(true)
        );
        let mut stmt = self
            .conn
            .prepare_cached(&query)
            .map_err(sql("reading merged events"))?;
        let mut out = Vec::with_capacity(ids.len());
        for id in ids {
            let mut rows = stmt.query([id]).map_err(sql("reading merged events"))?;
            if let Some(row) = rows.next().map_err(sql("reading merged events"))? {
                out.push(read_row(row, true).map_err(sql("reading a merged event"))?);
            }
        }
        Ok(out)
    }
}
