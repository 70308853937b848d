//! Reading merge members and writing merged events.

use std::collections::{BTreeMap, HashSet};

use chrono::NaiveDate;
use dyad_core::DatePrecision;
use rusqlite::{params, Transaction};

use super::{MergeConfig, MergeItem};
use crate::error::{sql, Result};
use crate::ids;
use crate::text::{parse_date, parse_precision, precision_str};

/// One block member as loaded from the database.
pub(super) struct Member {
    pub block: String,
    pub item: MergeItem,
    doc_id: i64,
    cameo: String,
    goldstein: f64,
    quad_class: i64,
    plover: String,
    publisher: String,
    place: Option<PlaceCols>,
    trusted_place: bool,
}

#[derive(Clone)]
struct PlaceCols {
    name: Option<String>,
    geonameid: Option<i64>,
    country: Option<String>,
    admin1: Option<String>,
    feature: Option<String>,
    lat: Option<f64>,
    lon: Option<f64>,
    reason: Option<String>,
}

/// Loads the merge members matching `condition` (over `events e`), e.g.
/// `e.block_key = ?1 AND ...`, with its parameters.
pub(super) fn load_members(
    tx: &Transaction<'_>,
    condition: &str,
    params: &[&dyn rusqlite::ToSql],
    cfg: &MergeConfig,
) -> Result<Vec<Member>> {
    let query = format!(
        "SELECT e.event_id, e.doc_id, e.plover, e.cameo, e.goldstein, e.quad_class,
                    e.date, e.date_start, e.date_end, e.date_precision,
                    e.place_name, e.place_geonameid, e.place_country, e.place_admin1,
                    e.place_feature, e.place_lat, e.place_lon,
                    d.pub_date, COALESCE(d.source, d.url, d.content_hash), e.place_precision,
                    e.block_key, e.place_reason
             FROM events e JOIN documents d ON d.doc_id = e.doc_id
             WHERE {condition}"
    );
    let mut stmt = tx
        .prepare_cached(&query)
        .map_err(sql("preparing the merge block query"))?;
    let rows = stmt
        .query_map(params, |r| {
            let date: String = r.get(6)?;
            let start: String = r.get(7)?;
            let end: String = r.get(8)?;
            let precision: String = r.get(9)?;
            let pub_date: Option<String> = r.get(17)?;
            let place = PlaceCols {
                name: r.get(10)?,
                geonameid: r.get(11)?,
                country: r.get(12)?,
                admin1: r.get(13)?,
                feature: r.get(14)?,
                lat: r.get(15)?,
                lon: r.get(16)?,
                reason: r.get(21)?,
            };
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, i64>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, String>(3)?,
                r.get::<_, f64>(4)?,
                r.get::<_, i64>(5)?,
                (date, start, end, precision, pub_date),
                place,
                r.get::<_, String>(18)?,
                r.get::<_, Option<String>>(19)?,
                r.get::<_, Option<String>>(20)?.unwrap_or_default(),
            ))
        })
        .map_err(sql("loading a merge block"))?;
    let mut members = Vec::new();
    for row in rows {
        let (
            event_id,
            doc_id,
            plover,
            cameo,
            goldstein,
            quad_class,
            dates,
            place,
            publisher,
            pp,
            block,
        ) = row.map_err(sql("reading a merge block"))?;
        let trusted = pp
            .as_deref()
            .is_some_and(|p| cfg.place_precisions.iter().any(|t| t == p));
        let (date, start, end, precision, pub_date) = dates;
        let Some(date) = parse_date(&date) else {
            continue; // unreadable dates cannot be placed in time: not merged
        };
        let item = MergeItem {
            event_id,
            date,
            start: parse_date(&start).unwrap_or(date),
            end: parse_date(&end).unwrap_or(date),
            precision: parse_precision(&precision).unwrap_or(DatePrecision::UnknownRelative),
            place_country: if trusted { place.country.clone() } else { None },
            pub_date: pub_date.as_deref().and_then(parse_date),
        };
        let has_place = place.name.is_some() || place.country.is_some();
        members.push(Member {
            block,
            trusted_place: trusted,
            item,
            doc_id,
            cameo,
            goldstein,
            quad_class,
            plover,
            publisher,
            place: has_place.then_some(place),
        });
    }
    Ok(members)
}

pub(super) fn insert_merged(tx: &Transaction<'_>, block: &str, group: &[&Member]) -> Result<()> {
    let Some(anchor) = group.first() else {
        return Ok(());
    };
    let merged_id = ids::merged_id(anchor.item.event_id);

    // The most reported CAMEO code (ties: the smallest) and its first member.
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for m in group {
        *counts.entry(m.cameo.as_str()).or_default() += 1;
    }
    let top = counts
        .iter()
        .max_by_key(|(code, n)| (**n, std::cmp::Reverse(**code)))
        .map(|(code, _)| *code)
        .unwrap_or(anchor.cameo.as_str());
    let coded = group.iter().find(|m| m.cameo == top).unwrap_or(anchor);

    // Dates: day clusters span their days; coarse clusters the intersection.
    let days: Vec<NaiveDate> = group
        .iter()
        .filter(|m| m.item.precision == DatePrecision::Day)
        .map(|m| m.item.date)
        .collect();
    let (date, start, end, precision) = match (days.iter().min(), days.iter().max()) {
        (Some(lo), Some(hi)) => (*lo, *lo, *hi, DatePrecision::Day),
        _ => {
            let lo = group
                .iter()
                .map(|m| m.item.start)
                .max()
                .unwrap_or(anchor.item.start);
            let hi = group
                .iter()
                .map(|m| m.item.end)
                .min()
                .unwrap_or(anchor.item.end);
            let (lo, hi) = if lo <= hi {
                (lo, hi)
            } else {
                (anchor.item.start, anchor.item.end)
            };
            (lo, lo, hi, anchor.item.precision)
        }
    };
    // The place of the first member with a trusted place, else any place.
    let place = group
        .iter()
        .filter(|m| m.trusted_place)
        .chain(group.iter())
        .find_map(|m| m.place.clone());
    let articles: HashSet<i64> = group.iter().map(|m| m.doc_id).collect();
    let sources: HashSet<&str> = group.iter().map(|m| m.publisher.as_str()).collect();
    let reports: Vec<NaiveDate> = group.iter().filter_map(|m| m.item.pub_date).collect();
    let first = reports.iter().min().map(|d| d.to_string());
    let last = reports.iter().max().map(|d| d.to_string());
    let p = place.as_ref();

    tx.prepare_cached(
        "INSERT INTO merged_events (merged_id, block_key, anchor_event, plover, cameo, goldstein,
            quad_class, date, date_start, date_end, date_precision, place_name, place_geonameid,
            place_country, place_admin1, place_feature, place_lat, place_lon, num_articles,
            num_sources, num_mentions, first_report, last_report, place_reason)
         VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?14,?15,?16,?17,?18,?19,?20,?21,?22,?23,
            ?24)",
    )
    .and_then(|mut s| {
        s.execute(params![
            merged_id,
            block,
            anchor.item.event_id,
            coded.plover,
            coded.cameo,
            coded.goldstein,
            coded.quad_class,
            date.to_string(),
            start.to_string(),
            end.to_string(),
            precision_str(precision),
            p.and_then(|p| p.name.clone()),
            p.and_then(|p| p.geonameid),
            p.and_then(|p| p.country.clone()),
            p.and_then(|p| p.admin1.clone()),
            p.and_then(|p| p.feature.clone()),
            p.and_then(|p| p.lat),
            p.and_then(|p| p.lon),
            articles.len() as i64,
            sources.len() as i64,
            group.len() as i64,
            first,
            last,
            p.and_then(|p| p.reason.clone()),
        ])
    })
    .map_err(sql("storing a merged event"))?;
    let mut member_stmt = tx
        .prepare_cached("INSERT INTO merged_members (merged_id, event_id) VALUES (?1, ?2)")
        .map_err(sql("preparing merged members"))?;
    for m in group {
        member_stmt
            .execute(params![merged_id, m.item.event_id])
            .map_err(sql("storing a merged member"))?;
    }
    Ok(())
}
