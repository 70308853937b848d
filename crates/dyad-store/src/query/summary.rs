//! Aggregates: top dyads and timelines.

use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDate};
use rusqlite::params_from_iter;
use rusqlite::types::Value;
use serde::{Deserialize, Serialize};

use super::EventFilter;
use crate::error::{sql, Result, StoreError};
use crate::Store;

/// Events of one directed dyad.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DyadSummary {
    /// Source country (else organisation, else actor code).
    pub source: String,
    /// Target country (else organisation, else actor code).
    pub target: String,
    /// Number of events (merged events when the filter says so).
    pub events: u64,
    /// Quad class 1 (verbal cooperation) count.
    pub verbal_coop: u64,
    /// Quad class 2 (material cooperation) count.
    pub material_coop: u64,
    /// Quad class 3 (verbal conflict) count.
    pub verbal_conflict: u64,
    /// Quad class 4 (material conflict) count.
    pub material_conflict: u64,
    /// Share of cooperation (quad 1–2) among all events, 0–1.
    pub coop_share: f64,
    /// Mean Goldstein score.
    pub mean_goldstein: f64,
    /// Articles behind these events (sum of num_articles).
    pub articles: u64,
}

/// Timeline granularity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Period {
    /// One bucket per day (`2023-09-13`).
    Day,
    /// One bucket per ISO week (`2023-W37`).
    Week,
    /// One bucket per month (`2023-09`).
    Month,
}

impl Period {
    /// The bucket label of a date.
    pub fn label(&self, date: NaiveDate) -> String {
        match self {
            Period::Day => date.to_string(),
            Period::Week => {
                let w = date.iso_week();
                format!("{}-W{:02}", w.year(), w.week())
            }
            Period::Month => format!("{}-{:02}", date.year(), date.month()),
        }
    }
}

impl std::str::FromStr for Period {
    type Err = StoreError;
    fn from_str(s: &str) -> Result<Self> {
        match s {
            "day" => Ok(Period::Day),
            "week" => Ok(Period::Week),
            "month" => Ok(Period::Month),
            _ => Err(StoreError::Query(format!(
                "{s:?} is not a period (day, week, month)"
            ))),
        }
    }
}

/// One period of a timeline.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TimelineBucket {
    /// Period label.
    pub period: String,
    /// Events in the period.
    pub events: u64,
    /// Events per PLOVER type.
    pub by_type: BTreeMap<String, u64>,
    /// Events per quad class (index 0 = class 1).
    pub by_quad: [u64; 4],
    /// Mean Goldstein score.
    pub mean_goldstein: f64,
}

const UNKNOWN: &str = "'-'";

impl Store {
    /// Directed dyads matching `filter`, most events first (at most
    /// `filter.limit`).
    pub fn dyads(&self, filter: &EventFilter) -> Result<Vec<DyadSummary>> {
        let (from_where, mut params) = filter.sql_from_where(None)?;
        let t = filter.alias();
        let articles = if filter.merged { "m.num_articles" } else { "1" };
        let mut query = format!(
            "SELECT COALESCE(e.src_country, e.src_org, e.src_code, {UNKNOWN}) AS a,
                    COALESCE(e.tgt_country, e.tgt_org, e.tgt_code, {UNKNOWN}) AS b,
                    COUNT(*), SUM({t}.quad_class = 1), SUM({t}.quad_class = 2),
                    SUM({t}.quad_class = 3), SUM({t}.quad_class = 4), AVG({t}.goldstein),
                    SUM({articles})
             {from_where} GROUP BY a, b ORDER BY COUNT(*) DESC, a, b"
        );
        if let Some(limit) = filter.limit {
            query.push_str(" LIMIT ?");
            params.push(Value::Integer(i64::try_from(limit).unwrap_or(i64::MAX)));
        }
        let mut stmt = self
            .conn
            .prepare(&query)
            .map_err(sql("summarising dyads"))?;
        let rows = stmt
            .query_map(params_from_iter(params), |r| {
                let count = |i: usize| {
                    r.get::<_, Option<i64>>(i)
                        .map(|n| n.unwrap_or(0).max(0) as u64)
                };
                let events = count(2)?;
                let (q1, q2) = (count(3)?, count(4)?);
                Ok(DyadSummary {
                    source: r.get(0)?,
                    target: r.get(1)?,
                    events,
                    verbal_coop: q1,
                    material_coop: q2,
                    verbal_conflict: count(5)?,
                    material_conflict: count(6)?,
                    coop_share: if events == 0 {
                        0.0
                    } else {
                        (q1 + q2) as f64 / events as f64
                    },
                    mean_goldstein: r.get::<_, Option<f64>>(7)?.unwrap_or(0.0),
                    articles: count(8)?,
                })
            })
            .map_err(sql("summarising dyads"))?;
        rows.collect::<rusqlite::Result<_>>()
            .map_err(sql("summarising dyads"))
    }

    /// Counts per period (per PLOVER type and quad class) and mean
    /// Goldstein, for events matching `filter`, in period order.
    pub fn timeline(&self, filter: &EventFilter, by: Period) -> Result<Vec<TimelineBucket>> {
        let (from_where, params) = filter.sql_from_where(None)?;
        let t = filter.alias();
        let query =
            format!("SELECT {t}.date, {t}.plover, {t}.quad_class, {t}.goldstein, {t}.date_precision {from_where}");
        let mut stmt = self
            .conn
            .prepare(&query)
            .map_err(sql("building a timeline"))?;
        let mut rows = stmt
            .query(params_from_iter(params))
            .map_err(sql("building a timeline"))?;
        let mut buckets: BTreeMap<String, (TimelineBucket, f64)> = BTreeMap::new();
        while let Some(row) = rows.next().map_err(sql("building a timeline"))? {
            let date: String = row.get(0).map_err(sql("reading a timeline row"))?;
            let precision: String = row.get(4).map_err(sql("reading a timeline row"))?;
            // Events of undated documents have no period to count in.
            let Some(date) = crate::text::parse_date(&date).filter(|_| precision != "unknown")
            else {
                continue;
            };
            let plover: String = row.get(1).map_err(sql("reading a timeline row"))?;
            let quad: i64 = row.get(2).map_err(sql("reading a timeline row"))?;
            let goldstein: f64 = row.get(3).map_err(sql("reading a timeline row"))?;
            let label = by.label(date);
            let (bucket, sum) = buckets.entry(label.clone()).or_insert_with(|| {
                (
                    TimelineBucket {
                        period: label,
                        events: 0,
                        by_type: BTreeMap::new(),
                        by_quad: [0; 4],
                        mean_goldstein: 0.0,
                    },
                    0.0,
                )
            });
            bucket.events += 1;
            *bucket.by_type.entry(plover).or_default() += 1;
            if let Some(slot) = usize::try_from(quad - 1)
                .ok()
                .and_then(|i| bucket.by_quad.get_mut(i))
            {
                *slot += 1;
            }
            *sum += goldstein;
        }
        Ok(buckets
            .into_values()
            .map(|(mut b, sum)| {
                b.mean_goldstein = if b.events == 0 {
                    0.0
                } else {
                    sum / b.events as f64
                };
                b
            })
            .collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn period_labels() {
        let d = NaiveDate::from_ymd_opt(2023, 9, 13).expect("date");
        assert_eq!(Period::Day.label(d), "2023-09-13");
        assert_eq!(Period::Week.label(d), "2023-W37");
        assert_eq!(Period::Month.label(d), "2023-09");
        assert!("year".parse::<Period>().is_err());
    }
}
