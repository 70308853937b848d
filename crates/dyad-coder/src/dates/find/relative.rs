//! Matchers for relative expressions: "last week", "past two months",
//! "early March", "earlier this year", "last winter", "nine months ago".

use super::{Found, Matcher};
use crate::dates::scan::Kind;
use crate::dates::words;
use crate::dates::{DateKind, Part, Relative, Unit};

impl Matcher<'_, '_> {
    /// "last week", "this month", "next year", "last Monday", "last March",
    /// "last winter", "last night", "this morning", "past two weeks".
    pub(super) fn relative(&self, i: usize) -> Option<(usize, DateKind)> {
        let w = self.word(i)?;
        let rel = match w {
            "last" | "past" => Relative::Last,
            "this" => Relative::This,
            _ => Relative::Next,
        };
        let offset = match rel {
            Relative::Last => -1,
            Relative::This => 0,
            Relative::Next => 1,
        };
        let next = self.word(i + 1)?;
        if w == "past" || (w == "last" && self.amount(i + 1).is_some()) {
            if let Some(found) = self.rolling(i + 1) {
                return Some(found);
            }
        }
        if w == "past" && !matches!(next, "week" | "month" | "year" | "weekend") {
            return None;
        }
        if let Some(unit) = period_unit(next) {
            if w == "past" && unit != Unit::Weekend {
                return Some((i + 2, DateKind::Rolling { unit, amount: 1 }));
            }
            return Some((
                i + 2,
                DateKind::Period {
                    unit,
                    offset,
                    part: Part::Whole,
                },
            ));
        }
        match (rel, next) {
            (Relative::Last, "night") => return Some((i + 2, DateKind::DayOffset { days: -1 })),
            (Relative::This, "morning" | "afternoon" | "evening") => {
                return Some((i + 2, DateKind::DayOffset { days: 0 }))
            }
            _ => {}
        }
        if let Some((end, DateKind::Weekday { weekday, .. })) = self.weekday_led(i + 1, true) {
            return Some((
                end,
                DateKind::Weekday {
                    weekday,
                    relative: Some(rel),
                },
            ));
        }
        if let Some((
            end,
            DateKind::Month {
                month, year: None, ..
            },
        )) = self.month_led(i + 1, true)
        {
            let kind = DateKind::Month {
                year: None,
                month,
                relative: Some(rel),
                part: Part::Whole,
            };
            return Some((end, kind));
        }
        self.season_led(i + 1, Some(rel), true)
    }

    /// "past two weeks", "last 24 hours", "past few days" → a rolling window.
    pub(super) fn rolling(&self, i: usize) -> Option<(usize, DateKind)> {
        let (_low, high, j) = self.amount(i)?;
        let (unit, scale, end) = self.amount_unit(j)?;
        let amount = high.saturating_mul(scale).max(1);
        Some((end, DateKind::Rolling { unit, amount }))
    }

    /// "early March", "mid-2023", "late last year", "earlier this month",
    /// "later today", "early Wednesday".
    pub(super) fn part_led(&self, i: usize) -> Option<(usize, DateKind)> {
        let w = self.word(i)?;
        let mut j = i + 1;
        if self.tok(j).is_some_and(|t| t.is_punct('-') && !t.spaced) {
            j += 1;
        }
        if matches!(w, "earlier" | "later") {
            let part = if w == "earlier" {
                Part::BeforePublication
            } else {
                Part::AfterPublication
            };
            let next = self.word(j)?;
            if matches!(next, "today" | "tonight") {
                return Some((j + 1, DateKind::DayOffset { days: 0 }));
            }
            if next == "this"
                && matches!(self.word(j + 1), Some("morning" | "afternoon" | "evening"))
            {
                return Some((j + 2, DateKind::DayOffset { days: 0 }));
            }
            let unit_at = match next {
                "this" => j + 1,
                "in" if self.word(j + 1) == Some("the") => j + 2,
                _ => return None,
            };
            let unit = period_unit(self.word(unit_at)?).filter(|u| *u != Unit::Weekend)?;
            return Some((
                unit_at + 1,
                DateKind::Period {
                    unit,
                    offset: 0,
                    part,
                },
            ));
        }
        let part = match w {
            "early" => Part::Early,
            "mid" => Part::Mid,
            _ => Part::Late,
        };
        if let Some(year) = self.year_at(j) {
            return Some((j + 1, DateKind::Year { year, part }));
        }
        if let Some((end, kind)) = self.month_led(j, true) {
            let kind = match kind {
                DateKind::Month {
                    year,
                    month,
                    relative,
                    ..
                } => DateKind::Month {
                    year,
                    month,
                    relative,
                    part,
                },
                other => other,
            };
            return Some((end, kind));
        }
        if matches!(self.word(j), Some("last" | "this" | "next")) {
            if let Some((end, kind)) = self.relative(j) {
                let kind = match kind {
                    DateKind::Period { unit, offset, .. } => {
                        DateKind::Period { unit, offset, part }
                    }
                    DateKind::Month {
                        year,
                        month,
                        relative,
                        ..
                    } => DateKind::Month {
                        year,
                        month,
                        relative,
                        part,
                    },
                    other => other,
                };
                return Some((end, kind));
            }
        }
        if let Some(found) = self.weekday_led(j, true) {
            return Some(found);
        }
        self.season_led(j, None, true)
    }

    /// "the summer of 2022", "the next day" (relative to another event),
    /// "the day before".
    pub(super) fn the_led(&self, i: usize) -> Option<(usize, DateKind)> {
        let next = self.word(i + 1)?;
        if matches!(next, "next" | "following" | "previous" | "same") {
            let unit = self.word(i + 2)?;
            let other = matches!(unit, "day" | "morning" | "night" | "evening" | "afternoon")
                || (next != "next" && matches!(unit, "week" | "month" | "year" | "weekend"));
            return other.then_some((i + 3, DateKind::RelativeToOther));
        }
        if next == "day" && matches!(self.word(i + 2), Some("before" | "after")) {
            // "the day before yesterday", "the day after tomorrow"
            return match (self.word(i + 2), self.word(i + 3)) {
                (Some("before"), Some("yesterday")) => {
                    Some((i + 4, DateKind::DayOffset { days: -2 }))
                }
                (Some("after"), Some("tomorrow")) => Some((i + 4, DateKind::DayOffset { days: 2 })),
                _ => Some((i + 3, DateKind::RelativeToOther)),
            };
        }
        if next == "weekend" {
            let kind = DateKind::Period {
                unit: Unit::Weekend,
                offset: 0,
                part: Part::Whole,
            };
            return Some((i + 2, kind));
        }
        if matches!(next, "end" | "start" | "beginning" | "middle" | "turn") {
            return self.boundary_of(i + 1);
        }
        None
    }

    /// "end of the year", "start of next month", "the middle of March".
    pub(super) fn boundary_of(&self, i: usize) -> Option<(usize, DateKind)> {
        let part = match self.word(i)? {
            "end" | "turn" => Part::Late,
            "middle" => Part::Mid,
            _ => Part::Early,
        };
        if self.word(i + 1) != Some("of") {
            return None;
        }
        let j = i + 2;
        let (offset, unit_at) = match self.word(j)? {
            "the" | "this" => (0, j + 1),
            "last" => (-1, j + 1),
            "next" => (1, j + 1),
            _ => {
                return match self.month_led(j, true)? {
                    (
                        end,
                        DateKind::Month {
                            year,
                            month,
                            relative,
                            ..
                        },
                    ) => Some((
                        end,
                        DateKind::Month {
                            year,
                            month,
                            relative,
                            part,
                        },
                    )),
                    _ => None,
                };
            }
        };
        let unit = period_unit(self.word(unit_at)?).filter(|u| *u != Unit::Weekend)?;
        Some((unit_at + 1, DateKind::Period { unit, offset, part }))
    }

    /// "recent days", "recent weeks": a rolling window of a typical size.
    pub(super) fn recent(&self, i: usize) -> Option<(usize, DateKind)> {
        let (unit, amount) = match self.word(i + 1)? {
            "days" => (Unit::Day, 7),
            "weeks" => (Unit::Week, 4),
            "months" => (Unit::Month, 6),
            "years" => (Unit::Year, 5),
            _ => return None,
        };
        Some((i + 2, DateKind::Rolling { unit, amount }))
    }

    /// "weeks ago", "years ago", "decades ago" (vague); "centuries ago" is
    /// skipped.
    pub(super) fn bare_ago(&self, i: usize) -> Option<Found> {
        let (low, high, unit) = match self.word(i)? {
            "days" => (2, 6, Unit::Day),
            "weeks" => (2, 4, Unit::Week),
            "months" => (2, 11, Unit::Month),
            "years" => (2, 9, Unit::Year),
            "decades" => (20, 90, Unit::Year),
            _ => return Some(Found::Skip(i + 2)),
        };
        Some(Found::Date(i + 2, DateKind::Ago { low, high, unit }))
    }

    /// A season word with its context: "in the winter", "last summer",
    /// "summer 2022", "the summer of 2022".
    pub(super) fn season_led(
        &self,
        i: usize,
        relative: Option<Relative>,
        context: bool,
    ) -> Option<(usize, DateKind)> {
        let season = words::season(self.word(i)?)?;
        let j = if self.word(i + 1) == Some("of") {
            i + 2
        } else {
            i + 1
        };
        let year = self.year_at(j);
        let mut prev_ctx = context;
        if !prev_ctx {
            let mut k = i.checked_sub(1);
            if k.is_some_and(|k| self.word(k) == Some("the")) {
                k = k.and_then(|k| k.checked_sub(1));
            }
            prev_ctx = k
                .and_then(|k| self.word(k))
                .is_some_and(words::is_date_preposition);
        }
        if year.is_none() && !prev_ctx {
            return None;
        }
        let end = if year.is_some() { j + 1 } else { i + 1 };
        Some((
            end,
            DateKind::Season {
                season,
                year,
                relative,
            },
        ))
    }

    /// An amount: digits, number words ("nine", "twenty-five"), "a", "a
    /// few", "several", "a couple of". Returns (low, high, index after).
    pub(super) fn amount(&self, i: usize) -> Option<(u32, u32, usize)> {
        let tok = self.tok(i)?;
        if tok.kind == Kind::Num {
            let n = tok.small_int()?;
            return Some((n, n, i + 1));
        }
        let w = tok.lower.as_ref();
        match w {
            "few" => return Some((2, 5, i + 1)),
            "several" => return Some((3, 7, i + 1)),
            "couple" if self.word(i + 1) == Some("of") => return Some((2, 2, i + 2)),
            "a" | "an" => {
                if let Some((lo, hi, end)) = self.word(i + 1).and_then(|n| match n {
                    "few" => Some((2, 5, i + 2)),
                    "couple" if self.word(i + 2) == Some("of") => Some((2, 2, i + 3)),
                    _ => None,
                }) {
                    return Some((lo, hi, end));
                }
            }
            _ => {}
        }
        let n = words::small_number(w).filter(|_| w != "hundred" && w != "dozen")?;
        // "twenty-five"
        if n >= 20
            && self
                .tok(i + 1)
                .is_some_and(|t| t.is_punct('-') && !t.spaced)
        {
            if let Some(units) = self
                .word(i + 2)
                .and_then(words::small_number)
                .filter(|u| *u < 10)
            {
                return Some((n + units, n + units, i + 3));
            }
        }
        Some((n, n, i + 1))
    }

    /// A unit word for amounts: (unit, multiplier, index after).
    pub(super) fn amount_unit(&self, i: usize) -> Option<(Unit, u32, usize)> {
        let (unit, scale) = match self.word(i)? {
            "day" | "days" | "hour" | "hours" | "minute" | "minutes" => (Unit::Day, 1),
            "week" | "weeks" => (Unit::Week, 1),
            "fortnight" | "fortnights" => (Unit::Week, 2),
            "month" | "months" => (Unit::Month, 1),
            "year" | "years" => (Unit::Year, 1),
            "decade" | "decades" => (Unit::Year, 10),
            _ => return None,
        };
        Some((unit, scale, i + 1))
    }

    /// "nine months ago", "a year ago", "a few days ago"; "two days later"
    /// is relative to another event.
    pub(super) fn ago(&self, i: usize) -> Option<(usize, DateKind)> {
        let (low, high, j) = self.amount(i)?;
        let unit_word = self.word(j)?;
        let (unit, scale, k) = self.amount_unit(j)?;
        let hours = unit_word.starts_with("hour") || unit_word.starts_with("minute");
        match self.word(k)? {
            "ago" if hours => Some((k + 1, DateKind::DayOffset { days: 0 })),
            "ago" => Some((
                k + 1,
                DateKind::Ago {
                    low: low.saturating_mul(scale),
                    high: high.saturating_mul(scale),
                    unit,
                },
            )),
            "later" | "earlier" | "before" | "after" | "prior" => {
                Some((k + 1, DateKind::RelativeToOther))
            }
            _ => None,
        }
    }
}

fn period_unit(w: &str) -> Option<Unit> {
    match w {
        "week" => Some(Unit::Week),
        "weekend" => Some(Unit::Weekend),
        "month" => Some(Unit::Month),
        "year" => Some(Unit::Year),
        _ => None,
    }
}
