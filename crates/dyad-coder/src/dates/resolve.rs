//! Resolving a date expression against the publication date.
//!
//! All calendar arithmetic is checked: an expression that would leave the
//! calendar ("900000 years ago", "February 30") resolves to
//! [`DatePrecision::UnknownRelative`] with a note, never a panic.

use chrono::{Datelike, Days, Months, NaiveDate, Weekday};
use dyad_core::{DatePrecision, EventDate};

use super::calendar::{
    add_days, month_end, month_start, month_window, narrow_by_thirds, narrow_month, narrow_year,
    shift_months, week_start,
};
use super::words::{month_name, weekday_name};
use super::{DateExpression, DateKind, Part, Relative, Season, Tense, Unit};

/// An [`EventDate`] for an expression that could not be resolved: the
/// publication date with precision unknown-relative.
pub fn unknown_relative(publication: NaiveDate, text: Option<String>, note: String) -> EventDate {
    EventDate {
        date: publication,
        start: publication,
        end: publication,
        precision: DatePrecision::UnknownRelative,
        text,
        note,
    }
}

/// Resolves `expr` against `publication` for a verb group of `tense`.
///
/// Underspecified expressions look backwards for past, present and unknown
/// tense and forwards for future tense (see `docs/dates-quantities.md`).
pub fn resolve(expr: &DateExpression, publication: NaiveDate, tense: Tense) -> EventDate {
    let text = expr.text.clone();
    let Some(w) = window(&expr.kind, publication, tense) else {
        let why = match expr.kind {
            DateKind::RelativeToOther => "relative to another event, not to publication",
            DateKind::Ambiguous => "day and month cannot be told apart",
            _ => "not a valid calendar date",
        };
        return unknown_relative(
            publication,
            Some(text.clone()),
            format!("'{text}' unresolved ({why}); publication date {publication} used"),
        );
    };
    let (mut start, mut end) = (w.start, w.end);
    let mut note = format!("'{text}' = {}", w.how);
    // A past event cannot end after publication, a future one cannot start
    // before it: clip windows that contain the publication date.
    if w.precision != DatePrecision::Day && start <= publication && publication <= end {
        match tense {
            Tense::Past if end > publication => {
                end = publication;
                note.push_str(&format!(", up to publication {publication} (past tense)"));
            }
            Tense::Future if start < publication => {
                start = publication;
                note.push_str(&format!(", from publication {publication} (future tense)"));
            }
            _ => {}
        }
    }
    if expr.preposition.as_deref() == Some("since") && end < publication {
        end = publication;
        note.push_str(&format!(
            "; 'since': from {start} to publication {publication}"
        ));
    }
    let date = if w.precision == DatePrecision::Day {
        w.start
    } else {
        start
    };
    EventDate {
        date,
        start,
        end,
        precision: w.precision,
        text: Some(text),
        note,
    }
}

/// Resolves an expression that needs no publication date: a day, month or
/// season with its year, or a year ("March 25, 2024", "May 2023", "in
/// 2022"). `None` for relative expressions ("last week", "Monday").
///
/// For undated documents: their absolute dates can still date events.
pub fn resolve_absolute(expr: &DateExpression) -> Option<EventDate> {
    let absolute = matches!(
        expr.kind,
        DateKind::Day { year: Some(_), .. }
            | DateKind::Month { year: Some(_), .. }
            | DateKind::Year { .. }
            | DateKind::YearRange { .. }
            | DateKind::Season { year: Some(_), .. }
    );
    if !absolute {
        return None;
    }
    let anchor = NaiveDate::from_ymd_opt(1970, 1, 1)?;
    let plain = DateExpression {
        preposition: None,
        ..expr.clone()
    };
    let resolved = resolve(&plain, anchor, Tense::Unknown);
    (resolved.precision != DatePrecision::UnknownRelative).then_some(resolved)
}

/// A resolved window with how it was obtained.
struct Window {
    start: NaiveDate,
    end: NaiveDate,
    precision: DatePrecision,
    how: String,
}

impl Window {
    fn new(start: NaiveDate, end: NaiveDate, precision: DatePrecision, how: String) -> Self {
        Window {
            start,
            end,
            precision,
            how,
        }
    }

    fn day(d: NaiveDate, how: String) -> Self {
        Window::new(d, d, DatePrecision::Day, how)
    }
}

fn window(kind: &DateKind, p: NaiveDate, tense: Tense) -> Option<Window> {
    let back = !tense.is_forward();
    match *kind {
        DateKind::Day {
            year: Some(y),
            month,
            day,
            weekday,
        } => {
            let d = NaiveDate::from_ymd_opt(y, month, day)?;
            let mut how = d.to_string();
            if weekday.is_some_and(|w| w != d.weekday()) {
                how.push_str(" (the written weekday does not match)");
            }
            Some(Window::day(d, how))
        }
        DateKind::Day {
            year: None,
            month,
            day,
            weekday,
        } => day_without_year(p, tense, month, day, weekday),
        DateKind::Month {
            year,
            month,
            relative,
            part,
        } => {
            let (y, how) = match (year, relative) {
                (Some(y), _) => (y, String::new()),
                (None, Some(Relative::Last)) => ruled(
                    if month < p.month() {
                        p.year()
                    } else {
                        p.year() - 1
                    },
                    "last such month before",
                    p,
                ),
                (None, Some(Relative::Next)) => ruled(
                    if month > p.month() {
                        p.year()
                    } else {
                        p.year() + 1
                    },
                    "next such month after",
                    p,
                ),
                (None, Some(Relative::This)) => ruled(p.year(), "the year of", p),
                (None, None) if back => ruled(
                    if month <= p.month() {
                        p.year()
                    } else {
                        p.year() - 1
                    },
                    "most recent such month on/before",
                    p,
                ),
                (None, None) => ruled(
                    if month >= p.month() {
                        p.year()
                    } else {
                        p.year() + 1
                    },
                    "next such month on/after",
                    p,
                ),
            };
            let (s, e) = narrow_month(month_window(y, month)?, part)?;
            let label = format!("{} {y}{}", month_name(month), part_label(part));
            let how = if how.is_empty() {
                label
            } else {
                format!("{label} ({how})")
            };
            Some(Window::new(s, e, DatePrecision::Month, how))
        }
        DateKind::Year { year, part } => {
            let (s, e) = narrow_year(year, part)?;
            Some(Window::new(
                s,
                e,
                DatePrecision::Year,
                format!("{year}{}", part_label(part)),
            ))
        }
        DateKind::YearRange { from, to } => {
            let (s, _) = narrow_year(from, Part::Whole)?;
            let (_, e) = narrow_year(to, Part::Whole)?;
            Some(Window::new(
                s,
                e,
                DatePrecision::Year,
                format!("the years {from}\u{2013}{to}"),
            ))
        }
        DateKind::Weekday { weekday, relative } => weekday_window(p, tense, weekday, relative),
        DateKind::WeekdayOfWeek {
            weekday,
            week_offset,
        } => {
            let monday = add_days(week_start(p), i64::from(week_offset) * 7)?;
            let d = add_days(monday, i64::from(weekday.num_days_from_monday()))?;
            Some(Window::day(
                d,
                format!(
                    "{d} ({} of the week starting {monday})",
                    weekday_name(weekday)
                ),
            ))
        }
        DateKind::DayOffset { days } => {
            let d = add_days(p, days)?;
            Some(Window::day(
                d,
                format!("{d} ({days:+} days from publication {p})"),
            ))
        }
        DateKind::Period { unit, offset, part } => period_window(p, tense, unit, offset, part),
        DateKind::MonthOfRelativeYear { month, year_offset } => {
            let y = p.year().checked_add(year_offset)?;
            let (s, e) = month_window(y, month)?;
            Some(Window::new(
                s,
                e,
                DatePrecision::Month,
                format!("{} {y}", month_name(month)),
            ))
        }
        DateKind::Rolling { unit, amount } => rolling_window(p, unit, amount),
        DateKind::Season {
            season,
            year,
            relative,
        } => season_window(p, tense, season, year, relative),
        DateKind::Ago { low, high, unit } => ago_window(p, low, high, unit),
        DateKind::RelativeToOther | DateKind::Ambiguous => None,
    }
}

/// A chosen year with the rule that chose it, for the note.
fn ruled(year: i32, rule: &str, p: NaiveDate) -> (i32, String) {
    (year, format!("{rule} publication {p}"))
}

fn day_without_year(
    p: NaiveDate,
    tense: Tense,
    month: u32,
    day: u32,
    weekday: Option<Weekday>,
) -> Option<Window> {
    let all: Vec<NaiveDate> = [p.year() - 1, p.year(), p.year() + 1]
        .iter()
        .filter_map(|y| NaiveDate::from_ymd_opt(*y, month, day))
        .collect();
    let matching: Vec<NaiveDate> = all
        .iter()
        .copied()
        .filter(|d| weekday.is_none_or(|w| d.weekday() == w))
        .collect();
    let (pool, weekday_note) = if matching.is_empty() {
        (all, " (the written weekday matches no nearby year)")
    } else {
        (matching, "")
    };
    let (d, rule) = match tense {
        Tense::Past | Tense::Present => (
            pool.iter()
                .rev()
                .find(|d| **d <= p)
                .or(pool.first())
                .copied()?,
            "latest on/before",
        ),
        Tense::Future => (
            pool.iter().find(|d| **d >= p).or(pool.last()).copied()?,
            "next on/after",
        ),
        Tense::Unknown => (
            pool.iter()
                .min_by_key(|d| (**d - p).num_days().abs())
                .copied()?,
            "nearest to",
        ),
    };
    Some(Window::day(
        d,
        format!("{d} ({rule} publication {p}){weekday_note}"),
    ))
}

fn weekday_window(
    p: NaiveDate,
    tense: Tense,
    w: Weekday,
    relative: Option<Relative>,
) -> Option<Window> {
    let pw = i64::from(p.weekday().num_days_from_monday());
    let ww = i64::from(w.num_days_from_monday());
    let back = (pw - ww).rem_euclid(7);
    let fwd = (ww - pw).rem_euclid(7);
    let name = weekday_name(w);
    let (offset, rule) = match relative {
        Some(Relative::Last) => (
            -(if back == 0 { 7 } else { back }),
            format!("last {name} before"),
        ),
        Some(Relative::Next) => (if fwd == 0 { 7 } else { fwd }, format!("next {name} after")),
        _ if tense.is_forward() => (fwd, format!("next {name} on/after")),
        _ => (-back, format!("latest {name} on/before")),
    };
    let d = add_days(p, offset)?;
    Some(Window::day(d, format!("{d} ({rule} publication {p})")))
}

fn period_window(
    p: NaiveDate,
    tense: Tense,
    unit: Unit,
    offset: i32,
    part: Part,
) -> Option<Window> {
    // "this weekend" / "the weekend" on a weekday: the one before for past
    // tense, the coming one otherwise
    let offset = if unit == Unit::Weekend
        && offset == 0
        && matches!(tense, Tense::Past | Tense::Unknown)
        && p.weekday().num_days_from_monday() < 5
    {
        -1
    } else {
        offset
    };
    let which = match offset {
        -1 => "last",
        0 => "this",
        1 => "next",
        _ => "relative",
    };
    match unit {
        Unit::Week | Unit::Weekend => {
            let ws = add_days(week_start(p), i64::from(offset) * 7)?;
            let (s, e, precision) = if unit == Unit::Weekend {
                (add_days(ws, 5)?, add_days(ws, 6)?, DatePrecision::Week)
            } else {
                let (s, e) = narrow_by_thirds(ws, add_days(ws, 6)?, part, p)?;
                (s, e, DatePrecision::Week)
            };
            let name = if unit == Unit::Weekend {
                "weekend"
            } else {
                "week"
            };
            Some(Window::new(
                s,
                e,
                precision,
                format!("{which} {name} {s}..{e} (weeks run Monday-Sunday)"),
            ))
        }
        Unit::Month => {
            let first = month_start(p)?;
            let m = shift_months(first, offset)?;
            let (s, e) = match part {
                Part::BeforePublication | Part::AfterPublication => {
                    narrow_by_thirds(m, month_end(m)?, part, p)?
                }
                _ => narrow_month((m, month_end(m)?), part)?,
            };
            let how = format!(
                "{which} month: {} {}{}",
                month_name(m.month()),
                m.year(),
                part_label(part)
            );
            Some(Window::new(s, e, DatePrecision::Month, how))
        }
        Unit::Year => {
            let y = p.year().checked_add(offset)?;
            let (s, e) = match part {
                Part::BeforePublication | Part::AfterPublication => {
                    let (ys, ye) = narrow_year(y, Part::Whole)?;
                    narrow_by_thirds(ys, ye, part, p)?
                }
                _ => narrow_year(y, part)?,
            };
            Some(Window::new(
                s,
                e,
                DatePrecision::Year,
                format!("{which} year: {y}{}", part_label(part)),
            ))
        }
        Unit::Day => {
            let d = add_days(p, i64::from(offset))?;
            Some(Window::day(d, format!("{d}")))
        }
    }
}

fn rolling_window(p: NaiveDate, unit: Unit, amount: u32) -> Option<Window> {
    let n = u64::from(amount);
    let (start, precision) = match unit {
        Unit::Day | Unit::Weekend => {
            let precision = match n {
                0..=1 => DatePrecision::Day,
                2..=7 => DatePrecision::Week,
                8..=62 => DatePrecision::Month,
                _ => DatePrecision::Year,
            };
            (p.checked_sub_days(Days::new(n))?, precision)
        }
        Unit::Week => {
            let precision = match n {
                0..=1 => DatePrecision::Week,
                2..=8 => DatePrecision::Month,
                _ => DatePrecision::Year,
            };
            (p.checked_sub_days(Days::new(n.checked_mul(7)?))?, precision)
        }
        Unit::Month => {
            let precision = if n <= 1 {
                DatePrecision::Month
            } else {
                DatePrecision::Year
            };
            (p.checked_sub_months(Months::new(amount))?, precision)
        }
        Unit::Year => (
            p.checked_sub_months(Months::new(amount.checked_mul(12)?))?,
            DatePrecision::Year,
        ),
    };
    Some(Window::new(
        start,
        p,
        precision,
        format!("window {start}..{p} ending at publication"),
    ))
}

fn season_window(
    p: NaiveDate,
    tense: Tense,
    season: Season,
    year: Option<i32>,
    relative: Option<Relative>,
) -> Option<Window> {
    let start_month = match season {
        Season::Winter => 12,
        Season::Spring => 3,
        Season::Summer => 6,
        Season::Autumn => 9,
    };
    let occurrence = |y: i32| -> Option<(NaiveDate, NaiveDate)> {
        let s = NaiveDate::from_ymd_opt(y, start_month, 1)?;
        let e = month_end(shift_months(s, 2)?)?;
        Some((s, e))
    };
    let name = match season {
        Season::Winter => "winter",
        Season::Spring => "spring",
        Season::Summer => "summer",
        Season::Autumn => "autumn",
    };
    let (s, e, rule) = if let Some(y) = year {
        let (s, e) = occurrence(y)?;
        (s, e, format!("{name} {y}"))
    } else {
        let around: Vec<(NaiveDate, NaiveDate)> = (p.year() - 2..=p.year() + 1)
            .filter_map(occurrence)
            .collect();
        let containing = around.iter().find(|(s, e)| *s <= p && p <= *e).copied();
        let last = around.iter().rev().find(|(_, e)| *e < p).copied();
        let next = around.iter().find(|(s, _)| *s > p).copied();
        let started = around.iter().rev().find(|(s, _)| *s <= p).copied();
        let upcoming = around.iter().find(|(_, e)| *e >= p).copied();
        let (pick, rule) = match relative {
            Some(Relative::Last) => (last, "last completed"),
            Some(Relative::Next) => (next, "next"),
            _ if containing.is_some() => (containing, "current"),
            _ if tense.is_forward() => (upcoming, "next"),
            _ => (started, "most recent"),
        };
        let (s, e) = pick?;
        (s, e, format!("{rule} {name} before/around publication {p}"))
    };
    Some(Window::new(
        s,
        e,
        DatePrecision::Season,
        format!("{s}..{e} ({rule}; seasons are meteorological, northern hemisphere)"),
    ))
}

fn ago_window(p: NaiveDate, low: u32, high: u32, unit: Unit) -> Option<Window> {
    let exact = low == high;
    let (lo, hi) = (u64::from(low), u64::from(high));
    let how = |s: NaiveDate, e: NaiveDate| format!("{s}..{e} counted back from publication {p}");
    match unit {
        Unit::Day | Unit::Weekend => {
            let newest = p.checked_sub_days(Days::new(lo))?;
            let oldest = p.checked_sub_days(Days::new(hi))?;
            if exact {
                return Some(Window::day(newest, how(newest, newest)));
            }
            let precision = if hi <= 7 {
                DatePrecision::Week
            } else {
                DatePrecision::Month
            };
            Some(Window::new(oldest, newest, precision, how(oldest, newest)))
        }
        Unit::Week => {
            let newest = week_start(p.checked_sub_days(Days::new(lo.checked_mul(7)?))?);
            let oldest = week_start(p.checked_sub_days(Days::new(hi.checked_mul(7)?))?);
            let end = add_days(newest, 6)?;
            let precision = if exact {
                DatePrecision::Week
            } else {
                DatePrecision::Month
            };
            Some(Window::new(oldest, end, precision, how(oldest, end)))
        }
        Unit::Month => {
            let first = month_start(p)?;
            let newest = first.checked_sub_months(Months::new(low))?;
            let oldest = first.checked_sub_months(Months::new(high))?;
            let end = month_end(newest)?;
            let precision = if exact {
                DatePrecision::Month
            } else {
                DatePrecision::Year
            };
            Some(Window::new(oldest, end, precision, how(oldest, end)))
        }
        Unit::Year => {
            let newest = p.year().checked_sub(i32::try_from(low).ok()?)?;
            let oldest = p.year().checked_sub(i32::try_from(high).ok()?)?;
            let s = NaiveDate::from_ymd_opt(oldest, 1, 1)?;
            let e = NaiveDate::from_ymd_opt(newest, 12, 31)?;
            Some(Window::new(s, e, DatePrecision::Year, how(s, e)))
        }
    }
}

fn part_label(part: Part) -> &'static str {
    match part {
        Part::Whole => "",
        Part::Early => " (early part)",
        Part::Mid => " (middle part)",
        Part::Late => " (late part)",
        Part::BeforePublication => " (up to publication)",
        Part::AfterPublication => " (from publication)",
    }
}
