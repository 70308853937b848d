//! Cross-article merging: events of the same real-world happening, reported
//! by several articles, become one merged event.
//!
//! Events are partitioned into *blocks* (type key + dyad key, see
//! [`MergeConfig::block_key`]); only events of one block can merge. Within a
//! block, [`cluster::cluster`] is a pure function of the events, and it
//! decomposes over islands of overlapping merge windows. A write therefore
//! records, per block, the windows of the events it added or removed
//! ([`Touched`]); [`refresh`] then loads exactly the islands those windows
//! reach, deletes their old merged events and re-clusters them, in the same
//! transaction. Merging is incremental (cost bounded by the islands touched,
//! not the block's history) and yet independent of arrival order.

pub mod cluster;
pub mod config;
mod rows;

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;
use rusqlite::{params, Transaction};

use crate::error::{sql, Result};
use crate::text::parse_date;
pub use cluster::{merge_window, MergeItem};
pub use config::MergeConfig;
use rows::{insert_merged, load_members, Member};

/// Per block, the merge windows of the events a write added or removed.
pub(crate) type Touched = BTreeMap<String, Vec<(NaiveDate, NaiveDate)>>;

/// Sorted, disjoint unions of closed date intervals.
fn union(mut spans: Vec<(NaiveDate, NaiveDate)>) -> Vec<(NaiveDate, NaiveDate)> {
    spans.sort();
    let mut out: Vec<(NaiveDate, NaiveDate)> = Vec::with_capacity(spans.len());
    for (lo, hi) in spans {
        match out.last_mut() {
            Some(last) if lo <= last.1 => last.1 = last.1.max(hi),
            _ => out.push((lo, hi)),
        }
    }
    out
}

/// The parts of the sorted disjoint `spans` not inside the sorted disjoint
/// `covered` (closed day intervals).
fn subtract(
    spans: &[(NaiveDate, NaiveDate)],
    covered: &[(NaiveDate, NaiveDate)],
) -> Vec<(NaiveDate, NaiveDate)> {
    let mut out = Vec::new();
    for &(lo, hi) in spans {
        let mut start = lo;
        let mut open = true;
        for &(clo, chi) in covered {
            if chi < start || clo > hi {
                continue;
            }
            if clo > start {
                out.push((start, clo.pred_opt().unwrap_or(clo)));
            }
            match chi.succ_opt() {
                Some(next) if chi < hi => start = next,
                _ => {
                    open = false;
                    break;
                }
            }
        }
        if open && start <= hi {
            out.push((start, hi));
        }
    }
    out
}

/// Records touched windows as pending merge work.
pub(crate) fn record_pending(tx: &rusqlite::Connection, touched: &Touched) -> Result<()> {
    let mut stmt = tx
        .prepare_cached(
            "INSERT OR IGNORE INTO merge_pending (block_key, lo, hi) VALUES (?1, ?2, ?3)",
        )
        .map_err(sql("recording merge work"))?;
    for (block, spans) in touched {
        for (lo, hi) in union(spans.clone()) {
            stmt.execute(params![block, lo.to_string(), hi.to_string()])
                .map_err(sql("recording merge work"))?;
        }
    }
    Ok(())
}

/// Blocks re-merged per transaction when flushing pending work.
const FLUSH_BLOCKS: usize = 500;

/// Does the pending merge work, [`FLUSH_BLOCKS`] blocks per transaction.
pub(crate) fn flush_pending(conn: &mut rusqlite::Connection, cfg: &MergeConfig) -> Result<usize> {
    let mut done = 0;
    loop {
        let tx = conn.transaction().map_err(sql("merging pending work"))?;
        let blocks: Vec<String> = {
            let mut stmt = tx
                .prepare_cached(
                    "SELECT DISTINCT block_key FROM merge_pending ORDER BY block_key LIMIT ?1",
                )
                .map_err(sql("listing pending merge work"))?;
            let rows = stmt
                .query_map([FLUSH_BLOCKS as i64], |r| r.get(0))
                .map_err(sql("listing pending merge work"))?;
            rows.collect::<rusqlite::Result<_>>()
                .map_err(sql("listing pending merge work"))?
        };
        if blocks.is_empty() {
            return Ok(done);
        }
        let mut touched = Touched::new();
        {
            let mut stmt = tx
                .prepare_cached("SELECT lo, hi FROM merge_pending WHERE block_key = ?1")
                .map_err(sql("reading pending merge work"))?;
            for block in &blocks {
                let rows = stmt
                    .query_map([block], |r| {
                        Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?))
                    })
                    .map_err(sql("reading pending merge work"))?;
                for row in rows {
                    let (lo, hi) = row.map_err(sql("reading pending merge work"))?;
                    if let (Some(lo), Some(hi)) = (parse_date(&lo), parse_date(&hi)) {
                        touched.entry(block.clone()).or_default().push((lo, hi));
                    }
                }
            }
        }
        refresh(&tx, &touched, cfg)?;
        {
            let mut del = tx
                .prepare_cached("DELETE FROM merge_pending WHERE block_key = ?1")
                .map_err(sql("clearing pending merge work"))?;
            for block in &blocks {
                del.execute([block])
                    .map_err(sql("clearing pending merge work"))?;
            }
        }
        tx.commit().map_err(sql("merging pending work"))?;
        done += blocks.len();
    }
}

/// Re-clusters the islands reached by every touched window.
pub(crate) fn refresh(tx: &Transaction<'_>, touched: &Touched, cfg: &MergeConfig) -> Result<()> {
    for (block, spans) in touched {
        refresh_block(tx, block, spans.clone(), cfg)?;
    }
    Ok(())
}

fn member_window(m: &Member, cfg: &MergeConfig) -> (NaiveDate, NaiveDate) {
    let it = &m.item;
    merge_window(it.precision, it.date, it.start, it.end, it.pub_date, cfg)
}

fn refresh_block(
    tx: &Transaction<'_>,
    block: &str,
    spans: Vec<(NaiveDate, NaiveDate)>,
    cfg: &MergeConfig,
) -> Result<()> {
    let reach = i64::from(cfg.max_window_days);
    let mut spans = union(spans);
    // What has been queried already, so each round reads only new ground
    // (a long island then costs one pass, not one pass per round).
    let mut covered: Vec<(NaiveDate, NaiveDate)> = Vec::new();
    let mut checked: BTreeSet<i64> = BTreeSet::new();
    let mut members: BTreeMap<i64, Member> = BTreeMap::new();
    let mut old_merged: BTreeSet<i64> = BTreeSet::new();
    // Grow the loaded set until it is a union of whole islands and holds
    // every member of every merged event it overlaps.
    loop {
        for (lo, hi) in subtract(&spans, &covered) {
            let floor = lo
                .checked_sub_signed(chrono::Duration::days(reach))
                .unwrap_or(NaiveDate::MIN);
            let loaded = load_members(
                tx,
                "e.block_key = ?1 AND e.merge_lo >= ?2 AND e.merge_lo <= ?3 AND e.merge_hi >= ?4",
                &[&block, &floor.to_string(), &hi.to_string(), &lo.to_string()],
                cfg,
            )?;
            for m in loaded {
                members.entry(m.item.event_id).or_insert(m);
            }
        }
        covered = spans.clone();
        let mut missing: Vec<i64> = Vec::new();
        {
            let mut by_event = tx
                .prepare_cached("SELECT merged_id FROM merged_members WHERE event_id = ?1")
                .map_err(sql("finding merged events"))?;
            let mut by_merged = tx
                .prepare_cached("SELECT event_id FROM merged_members WHERE merged_id = ?1")
                .map_err(sql("finding merged members"))?;
            for id in members.keys() {
                if !checked.insert(*id) {
                    continue;
                }
                let ids = by_event
                    .query_map([id], |r| r.get::<_, i64>(0))
                    .map_err(sql("finding merged events"))?;
                for mid in ids {
                    let mid = mid.map_err(sql("reading a merged id"))?;
                    if old_merged.insert(mid) {
                        let others = by_merged
                            .query_map([mid], |r| r.get::<_, i64>(0))
                            .map_err(sql("finding merged members"))?;
                        for other in others {
                            let other = other.map_err(sql("reading a merged member"))?;
                            if !members.contains_key(&other) {
                                missing.push(other);
                            }
                        }
                    }
                }
            }
        }
        for id in &missing {
            for m in load_members(tx, "e.event_id = ?1", &[id], cfg)? {
                members.entry(m.item.event_id).or_insert(m);
            }
        }
        let mut all = spans.clone();
        all.extend(members.values().map(|m| member_window(m, cfg)));
        let grown = union(all);
        if grown == spans && missing.is_empty() {
            break;
        }
        spans = grown;
    }

    let mut del_members = tx
        .prepare_cached("DELETE FROM merged_members WHERE merged_id = ?1")
        .map_err(sql("clearing merged members"))?;
    let mut del_merged = tx
        .prepare_cached("DELETE FROM merged_events WHERE merged_id = ?1")
        .map_err(sql("clearing merged events"))?;
    for mid in &old_merged {
        del_members
            .execute([mid])
            .map_err(sql("clearing merged members"))?;
        del_merged
            .execute([mid])
            .map_err(sql("clearing merged events"))?;
    }
    // Members of this block only (a stray member of another block, which a
    // consistent database never has, is left to its own block).
    let members: Vec<Member> = members.into_values().filter(|m| m.block == block).collect();
    let items: Vec<MergeItem> = members.iter().map(|m| m.item.clone()).collect();
    for cluster in cluster::cluster(&items, cfg) {
        let group: Vec<&Member> = cluster.iter().filter_map(|&i| members.get(i)).collect();
        insert_merged(tx, block, &group)?;
    }
    Ok(())
}

/// Recomputes every event's merge window and every merged event from
/// scratch (after a migration or a change of merge rules).
pub(crate) fn rebuild_all(tx: &Transaction<'_>, cfg: &MergeConfig) -> Result<()> {
    tx.execute_batch("DELETE FROM merged_members; DELETE FROM merged_events;")
        .map_err(sql("clearing merged events"))?;
    let members = load_members(tx, "e.block_key IS NOT NULL", &[], cfg)?;
    let mut blocks: BTreeMap<String, Vec<Member>> = BTreeMap::new();
    {
        let mut update = tx
            .prepare_cached("UPDATE events SET merge_lo = ?2, merge_hi = ?3 WHERE event_id = ?1")
            .map_err(sql("updating merge windows"))?;
        for m in members {
            let (lo, hi) = member_window(&m, cfg);
            update
                .execute(params![m.item.event_id, lo.to_string(), hi.to_string()])
                .map_err(sql("updating merge windows"))?;
            blocks.entry(m.block.clone()).or_default().push(m);
        }
    }
    for (block, members) in blocks {
        let items: Vec<MergeItem> = members.iter().map(|m| m.item.clone()).collect();
        for cluster in cluster::cluster(&items, cfg) {
            let group: Vec<&Member> = cluster.iter().filter_map(|&i| members.get(i)).collect();
            insert_merged(tx, &block, &group)?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("date")
    }

    #[test]
    fn subtract_leaves_only_new_ground() {
        let spans = vec![(d("2024-01-01"), d("2024-01-31"))];
        let covered = vec![
            (d("2024-01-05"), d("2024-01-10")),
            (d("2024-01-20"), d("2024-02-10")),
        ];
        assert_eq!(
            subtract(&spans, &covered),
            vec![
                (d("2024-01-01"), d("2024-01-04")),
                (d("2024-01-11"), d("2024-01-19"))
            ]
        );
        assert_eq!(subtract(&spans, &[]), spans);
        assert!(subtract(&spans, &spans).is_empty());
    }

    #[test]
    fn union_merges_overlapping_and_touching_spans() {
        let spans = vec![
            (d("2024-01-05"), d("2024-01-06")),
            (d("2024-01-01"), d("2024-01-05")),
            (d("2024-02-01"), d("2024-02-01")),
        ];
        assert_eq!(
            union(spans),
            vec![
                (d("2024-01-01"), d("2024-01-06")),
                (d("2024-02-01"), d("2024-02-01"))
            ]
        );
    }
}
