//! Partial dates of role periods (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`).

use chrono::NaiveDate;

/// Which end of a period a partial date stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Edge {
    /// First day of the year/month.
    Start,
    /// Last day of the year/month.
    End,
}

/// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; a partial date is widened to the
/// first or last day it covers, so periods are inclusive.
pub(crate) fn parse_partial(text: &str, edge: Edge) -> Option<NaiveDate> {
    // No vector of parts: 100,000 people rows each carry one or two dates.
    let mut parts = text.trim().split('-');
    let year_text = parts.next()?;
    let month_text = parts.next();
    let day_text = parts.next();
    if parts.next().is_some() {
        return None;
    }
    let year: i32 = year_text.parse().ok()?;
    if year_text.len() != 4 {
        return None;
    }
    match (month_text, day_text) {
        (None, _) => match edge {
            Edge::Start => NaiveDate::from_ymd_opt(year, 1, 1),
            Edge::End => NaiveDate::from_ymd_opt(year, 12, 31),
        },
        (Some(m), None) => {
            let month: u32 = m.parse().ok()?;
            let first = NaiveDate::from_ymd_opt(year, month, 1)?;
            match edge {
                Edge::Start => Some(first),
                Edge::End => {
                    let (ny, nm) = if month == 12 {
                        (year + 1, 1)
                    } else {
                        (year, month + 1)
                    };
                    NaiveDate::from_ymd_opt(ny, nm, 1)?.pred_opt()
                }
            }
        }
        (Some(m), Some(d)) => {
            let month: u32 = m.parse().ok()?;
            let day: u32 = d.parse().ok()?;
            NaiveDate::from_ymd_opt(year, month, day)
        }
    }
}

/// Parses the loose dates found in evaluation files and on the command line:
/// `2022-01-10`, `1 July 2021`, `October 1, 2021`, `2021-07`, `2021`.
pub fn parse_loose_date(text: &str) -> Option<NaiveDate> {
    let t = text.trim();
    if let Some(d) = parse_partial(t, Edge::Start) {
        return Some(d);
    }
    for fmt in [
        "%d %B %Y",
        "%B %d, %Y",
        "%B %d %Y",
        "%d %b %Y",
        "%b %d, %Y",
        "%Y/%m/%d",
    ] {
        if let Ok(d) = NaiveDate::parse_from_str(t, fmt) {
            return Some(d);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn partial_dates_widen_to_period_edges() {
        let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d);
        assert_eq!(parse_partial("2008", Edge::Start), d(2008, 1, 1));
        assert_eq!(parse_partial("2012", Edge::End), d(2012, 12, 31));
        assert_eq!(parse_partial("2024-02", Edge::End), d(2024, 2, 29));
        assert_eq!(parse_partial("2023-12", Edge::End), d(2023, 12, 31));
        assert_eq!(parse_partial("2008-05-07", Edge::End), d(2008, 5, 7));
        assert_eq!(parse_partial("08", Edge::Start), None);
        assert_eq!(parse_partial("2008-13", Edge::Start), None);
        assert_eq!(parse_partial("", Edge::Start), None);
    }

    #[test]
    fn partial_dates_reject_extra_and_empty_parts() {
        let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d);
        assert_eq!(parse_partial(" 1999-11 ", Edge::Start), d(1999, 11, 1));
        assert_eq!(parse_partial("1999-", Edge::Start), None);
        assert_eq!(parse_partial("1999-11-", Edge::End), None);
        assert_eq!(parse_partial("1999-11-02-03", Edge::Start), None);
        assert_eq!(parse_partial("1999--02", Edge::Start), None);
        assert_eq!(parse_partial("19999", Edge::Start), None);
        assert_eq!(parse_partial("1999-02-30", Edge::Start), None);
    }

    #[test]
    fn loose_dates() {
        let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d);
        assert_eq!(parse_loose_date("1 july 2021"), d(2021, 7, 1));
        assert_eq!(parse_loose_date("October 1, 2021"), d(2021, 10, 1));
        assert_eq!(parse_loose_date("2022-01-10"), d(2022, 1, 10));
        assert_eq!(parse_loose_date("today"), None);
    }
}
