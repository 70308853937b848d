//! The clustering of one merge block: a pure function of the *set* of events
//! in the block, so the result never depends on the order articles arrived in.
//!
//! 1. Events are sorted by (precision, window start, window end, event id).
//! 2. **Day clusters**: day-precision events, in that order, join the first
//!    day cluster whose window (intersection of its members' windows, each
//!    `date ± day_tolerance_days`) still intersects theirs and whose place is
//!    compatible; otherwise they open a new one. With a tolerance of 0 two
//!    events on different days never share a cluster.
//! 3. **Coarse events** (week, month, season, year, undated) join the day
//!    cluster that lies in their window and is place-compatible; among
//!    several, the one with most day members, then the earliest, then the
//!    first created. The choice looks only at step 2's result, so coarse
//!    events never influence each other here.
//! 4. Coarse events that found no day cluster group among themselves like
//!    step 2, on their (wider) windows.
//!
//! Every join needs overlapping windows, so the clustering decomposes over
//! *islands* (connected runs of overlapping windows): clustering a union of
//! whole islands gives the same clusters as clustering the whole block.
//! That is what lets [`super`] re-cluster only the islands a write touches.

use chrono::{Duration, NaiveDate};
use dyad_core::DatePrecision;

use super::config::{precision_rank, MergeConfig};

/// What the clustering needs to know about one event.
#[derive(Debug, Clone, PartialEq)]
pub struct MergeItem {
    /// Event row id.
    pub event_id: i64,
    /// Representative event date.
    pub date: NaiveDate,
    /// Window start (inclusive).
    pub start: NaiveDate,
    /// Window end (inclusive).
    pub end: NaiveDate,
    /// Date precision.
    pub precision: DatePrecision,
    /// Country of the event place, when known.
    pub place_country: Option<String>,
    /// Publication date of the reporting document, when known.
    pub pub_date: Option<NaiveDate>,
}

#[derive(Debug)]
struct Group {
    lo: NaiveDate,
    hi: NaiveDate,
    country: Option<String>,
    members: Vec<usize>,
}

impl Group {
    fn accepts(&self, lo: NaiveDate, hi: NaiveDate, country: &Option<String>) -> bool {
        lo.max(self.lo) <= hi.min(self.hi) && places_compatible(&self.country, country)
    }

    fn add(&mut self, index: usize, lo: NaiveDate, hi: NaiveDate, country: &Option<String>) {
        self.lo = self.lo.max(lo);
        self.hi = self.hi.min(hi);
        if self.country.is_none() {
            self.country.clone_from(country);
        }
        self.members.push(index);
    }
}

fn places_compatible(a: &Option<String>, b: &Option<String>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => a == b,
        _ => true,
    }
}

fn minus(date: NaiveDate, n: u32) -> NaiveDate {
    date.checked_sub_signed(Duration::days(i64::from(n)))
        .unwrap_or(NaiveDate::MIN)
}

fn plus(date: NaiveDate, n: u32) -> NaiveDate {
    date.checked_add_signed(Duration::days(i64::from(n)))
        .unwrap_or(NaiveDate::MAX)
}

/// The window an event may lie in, as the rules widen it: the basis of
/// every overlap test, also stored as `events.merge_lo/merge_hi`.
pub fn merge_window(
    precision: DatePrecision,
    date: NaiveDate,
    start: NaiveDate,
    end: NaiveDate,
    pub_date: Option<NaiveDate>,
    cfg: &MergeConfig,
) -> (NaiveDate, NaiveDate) {
    let (lo, hi) = match precision {
        DatePrecision::Day => (
            minus(date, cfg.day_tolerance_days),
            plus(date, cfg.day_tolerance_days),
        ),
        DatePrecision::UnknownRelative | DatePrecision::Publication => {
            let anchor = pub_date.unwrap_or(date);
            (minus(anchor, cfg.unknown_lookback_days), anchor)
        }
        _ => (
            minus(start, cfg.window_slack_days),
            plus(end, cfg.window_slack_days),
        ),
    };
    if lo <= hi {
        (lo, hi)
    } else {
        (hi, lo)
    }
}

fn window(item: &MergeItem, cfg: &MergeConfig) -> (NaiveDate, NaiveDate) {
    merge_window(
        item.precision,
        item.date,
        item.start,
        item.end,
        item.pub_date,
        cfg,
    )
}

/// Clusters the items of one block; returns clusters of indices into
/// `items`, each sorted in the canonical order (its first index is the
/// anchor), clusters ordered by their anchor.
pub fn cluster(items: &[MergeItem], cfg: &MergeConfig) -> Vec<Vec<usize>> {
    let mut order: Vec<usize> = (0..items.len()).collect();
    let key = |i: &usize| {
        let it = &items[*i];
        let (lo, hi) = window(it, cfg);
        (precision_rank(it.precision), lo, hi, it.event_id)
    };
    order.sort_by_key(key);

    let mut day_groups: Vec<Group> = Vec::new();
    let mut coarse: Vec<usize> = Vec::new();
    for &i in &order {
        let item = &items[i];
        if item.precision != DatePrecision::Day {
            coarse.push(i);
            continue;
        }
        let (lo, hi) = window(item, cfg);
        match day_groups
            .iter_mut()
            .find(|g| g.accepts(lo, hi, &item.place_country))
        {
            Some(g) => g.add(i, lo, hi, &item.place_country),
            None => day_groups.push(Group {
                lo,
                hi,
                country: item.place_country.clone(),
                members: vec![i],
            }),
        }
    }

    // Step 3 decides on a frozen view of the day clusters.
    let frozen: Vec<(NaiveDate, NaiveDate, Option<String>, usize)> = day_groups
        .iter()
        .map(|g| (g.lo, g.hi, g.country.clone(), g.members.len()))
        .collect();
    let mut coarse_groups: Vec<Group> = Vec::new();
    for i in coarse {
        let item = &items[i];
        let (lo, hi) = window(item, cfg);
        let best = frozen
            .iter()
            .enumerate()
            .filter(|(_, (glo, ghi, country, _))| {
                lo.max(*glo) <= hi.min(*ghi) && places_compatible(country, &item.place_country)
            })
            .min_by_key(|(index, (glo, _, _, size))| (std::cmp::Reverse(*size), *glo, *index))
            .map(|(index, _)| index);
        if let Some(g) = best.and_then(|index| day_groups.get_mut(index)) {
            g.members.push(i);
            continue;
        }
        match coarse_groups
            .iter_mut()
            .find(|g| g.accepts(lo, hi, &item.place_country))
        {
            Some(g) => g.add(i, lo, hi, &item.place_country),
            None => coarse_groups.push(Group {
                lo,
                hi,
                country: item.place_country.clone(),
                members: vec![i],
            }),
        }
    }

    let mut clusters: Vec<Vec<usize>> = day_groups
        .into_iter()
        .chain(coarse_groups)
        .map(|mut g| {
            g.members.sort_by_key(key);
            g.members
        })
        .collect();
    clusters.sort_by_key(|c| c.first().map(key));
    clusters
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("test date")
    }

    fn day(id: i64, date: &str, country: Option<&str>) -> MergeItem {
        MergeItem {
            event_id: id,
            date: d(date),
            start: d(date),
            end: d(date),
            precision: DatePrecision::Day,
            place_country: country.map(str::to_string),
            pub_date: Some(d(date)),
        }
    }

    fn month(id: i64, first: &str, last: &str) -> MergeItem {
        MergeItem {
            event_id: id,
            date: d(first),
            start: d(first),
            end: d(last),
            precision: DatePrecision::Month,
            place_country: None,
            pub_date: Some(d("2024-06-19")),
        }
    }

    fn cfg() -> MergeConfig {
        MergeConfig::builtin().expect("built-in rules")
    }

    fn ids(items: &[MergeItem], clusters: &[Vec<usize>]) -> Vec<Vec<i64>> {
        clusters
            .iter()
            .map(|c| c.iter().map(|&i| items[i].event_id).collect())
            .collect()
    }

    #[test]
    fn same_day_merges_different_days_do_not() {
        let items = vec![
            day(1, "2023-09-13", None),
            day(2, "2023-09-13", Some("RUS")),
            day(3, "2023-09-14", None),
        ];
        assert_eq!(
            ids(&items, &cluster(&items, &cfg())),
            vec![vec![1, 2], vec![3]]
        );
    }

    #[test]
    fn month_event_joins_the_day_inside_its_month() {
        let items = vec![
            day(1, "2023-09-13", Some("RUS")),
            month(2, "2023-09-01", "2023-09-30"),
            month(3, "2023-10-01", "2023-10-31"),
        ];
        assert_eq!(
            ids(&items, &cluster(&items, &cfg())),
            vec![vec![1, 2], vec![3]]
        );
    }

    #[test]
    fn a_month_event_does_not_chain_two_days() {
        let items = vec![
            day(1, "2023-09-13", None),
            day(2, "2023-09-20", None),
            month(3, "2023-09-01", "2023-09-30"),
        ];
        let got = ids(&items, &cluster(&items, &cfg()));
        assert_eq!(got.len(), 2);
        assert!(got.contains(&vec![2]));
    }

    #[test]
    fn places_in_different_countries_do_not_merge() {
        let items = vec![
            day(1, "2023-09-13", Some("RUS")),
            day(2, "2023-09-13", Some("PRK")),
        ];
        assert_eq!(cluster(&items, &cfg()).len(), 2);
    }

    #[test]
    fn result_does_not_depend_on_input_order() {
        let mut items = vec![
            day(5, "2023-09-13", None),
            month(2, "2023-09-01", "2023-09-30"),
            day(9, "2023-09-13", Some("RUS")),
            day(1, "2023-09-20", Some("PRK")),
            month(7, "2023-11-01", "2023-11-30"),
            month(3, "2023-11-01", "2023-11-30"),
        ];
        let first = ids(&items, &cluster(&items, &cfg()));
        items.reverse();
        assert_eq!(ids(&items, &cluster(&items, &cfg())), first);
        items.swap(0, 3);
        assert_eq!(ids(&items, &cluster(&items, &cfg())), first);
    }
}
