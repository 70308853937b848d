//! Checked calendar arithmetic for resolution: every helper returns
//! `None` instead of panicking when a date would leave chrono's range.

use chrono::{Datelike, Days, Months, NaiveDate};

use super::Part;

pub(super) fn add_days(d: NaiveDate, days: i64) -> Option<NaiveDate> {
    if days >= 0 {
        d.checked_add_days(Days::new(days.unsigned_abs()))
    } else {
        d.checked_sub_days(Days::new(days.unsigned_abs()))
    }
}

pub(super) fn week_start(d: NaiveDate) -> NaiveDate {
    let back = u64::from(d.weekday().num_days_from_monday());
    d.checked_sub_days(Days::new(back)).unwrap_or(d)
}

pub(super) fn month_start(d: NaiveDate) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(d.year(), d.month(), 1)
}

pub(super) fn month_end(d: NaiveDate) -> Option<NaiveDate> {
    month_start(d)?
        .checked_add_months(Months::new(1))?
        .pred_opt()
}

pub(super) fn shift_months(first: NaiveDate, offset: i32) -> Option<NaiveDate> {
    if offset >= 0 {
        first.checked_add_months(Months::new(offset.unsigned_abs()))
    } else {
        first.checked_sub_months(Months::new(offset.unsigned_abs()))
    }
}

pub(super) fn month_window(y: i32, m: u32) -> Option<(NaiveDate, NaiveDate)> {
    let s = NaiveDate::from_ymd_opt(y, m, 1)?;
    Some((s, month_end(s)?))
}

/// Early 1–10, mid 11–20, late 21–end of month.
pub(super) fn narrow_month(
    (s, e): (NaiveDate, NaiveDate),
    part: Part,
) -> Option<(NaiveDate, NaiveDate)> {
    let (y, m) = (s.year(), s.month());
    match part {
        Part::Early => Some((s, NaiveDate::from_ymd_opt(y, m, 10)?)),
        Part::Mid => Some((
            NaiveDate::from_ymd_opt(y, m, 11)?,
            NaiveDate::from_ymd_opt(y, m, 20)?,
        )),
        Part::Late => Some((NaiveDate::from_ymd_opt(y, m, 21)?, e)),
        _ => Some((s, e)),
    }
}

/// Early January–April, mid May–August, late September–December.
pub(super) fn narrow_year(y: i32, part: Part) -> Option<(NaiveDate, NaiveDate)> {
    let (m1, m2) = match part {
        Part::Early => (1, 4),
        Part::Mid => (5, 8),
        Part::Late => (9, 12),
        _ => (1, 12),
    };
    let s = NaiveDate::from_ymd_opt(y, m1, 1)?;
    let e = month_end(NaiveDate::from_ymd_opt(y, m2, 1)?)?;
    Some((s, e))
}

/// Generic narrowing: thirds of the window, or the part before/after the
/// publication date.
pub(super) fn narrow_by_thirds(
    s: NaiveDate,
    e: NaiveDate,
    part: Part,
    p: NaiveDate,
) -> Option<(NaiveDate, NaiveDate)> {
    let (s, e) = if s <= e { (s, e) } else { (e, s) };
    let len = (e - s).num_days() + 1;
    let third = (len / 3).max(1);
    match part {
        Part::Whole => Some((s, e)),
        Part::Early => Some((s, add_days(s, third - 1)?)),
        Part::Mid => Some((add_days(s, third)?, add_days(s, 2 * third - 1)?)),
        Part::Late => Some((add_days(s, 2 * third)?, e)),
        Part::BeforePublication => Some((s, p.clamp(s, e))),
        Part::AfterPublication => Some((p.clamp(s, e), e)),
    }
}
