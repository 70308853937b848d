//! Event-date expressions: finding them in a sentence and resolving them
//! against the publication date.
//!
//! Pure functions, text in and spans out; no I/O and no panics on any input.
//! Work is linear in the sentence length: one tokenizer pass, then matchers
//! that look at most a few tokens ahead of each position.
//!
//! * [`find_date_expressions`] lists the date expressions of a sentence
//!   ("Sept. 13, 2023", "on Monday", "last winter", "nine months ago", ...),
//!   with document spans.
//! * [`resolve`] turns one expression into an [`EventDate`] given the
//!   publication date and the [`Tense`] of the verb group it belongs to.
//! * [`resolve_in_sentence`] does both.
//! * [`resolve_absolute`] resolves self-contained expressions ("March 25,
//!   2024", "in 2022") without a publication date, for undated documents;
//!   other events of undated documents get [`unknown_date`].
//! * [`pick_for_trigger`] / [`pick_for_trigger_in_text`] choose the date
//!   expression that belongs to an event trigger.
//!
//! The rules are documented in `docs/dates-quantities.md`.

mod calendar;
mod find;
mod pick;
mod resolve;
pub(crate) mod scan;
mod words;

use chrono::{NaiveDate, Weekday};
use dyad_core::{EventDate, Span};

pub use find::find_date_expressions;
pub(crate) use find::find_in_tokens;
pub use pick::{pick_for_trigger, pick_for_trigger_in_text};
pub use resolve::{resolve, resolve_absolute, unknown_relative};

/// The `date`, `start` and `end` of an [`EventDate`] whose date is unknown
/// (an undated document, and no absolute date expression for the event).
/// [`EventDate`] cannot leave them empty, so they hold this placeholder;
/// such dates always have precision [`dyad_core::DatePrecision::Unknown`]
/// and a note starting with [`UNKNOWN_DATE_NOTE`].
pub const UNKNOWN_DATE_PLACEHOLDER: NaiveDate = match NaiveDate::from_ymd_opt(1970, 1, 1) {
    Some(d) => d,
    None => NaiveDate::MIN,
};

/// How the note of an unknown event date starts.
pub const UNKNOWN_DATE_NOTE: &str = "date unknown";

/// True for an event date made by [`unknown_date`]: no date is known, and
/// `date`, `start` and `end` hold only the placeholder.
pub fn is_unknown(date: &EventDate) -> bool {
    date.precision == dyad_core::DatePrecision::Unknown
}

/// An event date that is not known: the document has no publication date
/// and the event no absolute date expression. `text` is the (relative)
/// expression of the event, when there is one.
pub fn unknown_date(text: Option<String>) -> EventDate {
    let note = match &text {
        Some(t) => format!(
            "{UNKNOWN_DATE_NOTE}: '{t}' is relative to the publication date, which the document lacks \
             ({UNKNOWN_DATE_PLACEHOLDER} is a placeholder, not the event's date)"
        ),
        None => format!(
            "{UNKNOWN_DATE_NOTE}: the document has no publication date and the sentence no absolute \
             date ({UNKNOWN_DATE_PLACEHOLDER} is a placeholder, not the event's date)"
        ),
    };
    EventDate {
        date: UNKNOWN_DATE_PLACEHOLDER,
        start: UNKNOWN_DATE_PLACEHOLDER,
        end: UNKNOWN_DATE_PLACEHOLDER,
        precision: dyad_core::DatePrecision::Unknown,
        text,
        note,
    }
}

/// Tense of the verb group a date expression belongs to. It decides the
/// direction of underspecified expressions: "in March" is the last March
/// for a past verb and the next March for a future one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Tense {
    /// "attacked", "had met": look backwards from the publication date.
    Past,
    /// "is meeting", "meets": the publication period; backwards if needed.
    Present,
    /// "will visit", "plans to": look forwards from the publication date.
    Future,
    /// No verb group known: treated like [`Tense::Past`] (news reports
    /// mostly report what happened).
    Unknown,
}

impl Tense {
    /// True when underspecified expressions resolve forwards in time.
    pub fn is_forward(self) -> bool {
        self == Tense::Future
    }
}

/// A date expression found in text.
#[derive(Debug, Clone, PartialEq)]
pub struct DateExpression {
    /// Where it is in the document text.
    pub span: Span,
    /// The expression as written.
    pub text: String,
    /// What it says.
    pub kind: DateKind,
    /// The preposition right before it ("on", "in", "since", ...), lower-cased.
    pub preposition: Option<String>,
}

/// A relative modifier: "last", "this", "next".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Relative {
    /// "last March", "last Monday": strictly before the publication period.
    Last,
    /// "this March", "this Monday": the current one, else by tense.
    This,
    /// "next March", "next Monday": strictly after the publication period.
    Next,
}

/// Which part of a period is meant ("early March", "earlier this year").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Part {
    /// The whole period.
    Whole,
    /// First third ("early March": 1–10; "early 2023": Jan–Apr).
    Early,
    /// Middle third ("mid-March": 11–20; "mid-2023": May–Aug).
    Mid,
    /// Last third ("late March": 21–end; "late 2023": Sep–Dec).
    Late,
    /// From the start of the period to the publication date
    /// ("earlier this month").
    BeforePublication,
    /// From the publication date to the end of the period
    /// ("later this year").
    AfterPublication,
}

/// A calendar unit for relative periods.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Unit {
    /// Days.
    Day,
    /// Monday-to-Sunday weeks.
    Week,
    /// Saturday and Sunday of a week.
    Weekend,
    /// Calendar months.
    Month,
    /// Calendar years.
    Year,
}

/// Meteorological (northern-hemisphere) seasons.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Season {
    /// December to February (spans the year boundary).
    Winter,
    /// March to May.
    Spring,
    /// June to August.
    Summer,
    /// September to November ("autumn", "fall").
    Autumn,
}

/// What a date expression says, before resolution.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum DateKind {
    /// A calendar day; the year may be missing ("June 17").
    Day {
        /// Year when written.
        year: Option<i32>,
        /// Month 1–12.
        month: u32,
        /// Day of month as written (validated at resolution).
        day: u32,
        /// Weekday when written ("Monday, June 17").
        weekday: Option<Weekday>,
    },
    /// A month, with or without a year ("in March", "March 2023",
    /// "last March", "early March", "a January attack").
    Month {
        /// Year when written.
        year: Option<i32>,
        /// Month 1–12.
        month: u32,
        /// Relative modifier when written.
        relative: Option<Relative>,
        /// Part of the month.
        part: Part,
    },
    /// A year ("in 2022", "late 2023").
    Year {
        /// The year.
        year: i32,
        /// Part of the year.
        part: Part,
    },
    /// A span of years written as a range ("the 1980-88 war", "2011–2014",
    /// "1990-1991"): from the first year's 1 January to the last one's 31
    /// December.
    YearRange {
        /// The first year.
        from: i32,
        /// The last year (after `from`, at most a century on).
        to: i32,
    },
    /// A weekday ("Wednesday", "on Monday", "last Friday").
    Weekday {
        /// The weekday.
        weekday: Weekday,
        /// Relative modifier when written.
        relative: Option<Relative>,
    },
    /// A weekday of a week given relative to publication ("Monday last
    /// week", "Friday next week").
    WeekdayOfWeek {
        /// The weekday.
        weekday: Weekday,
        /// -1 last week, 0 this week, 1 next week (Monday-to-Sunday weeks).
        week_offset: i32,
    },
    /// A day relative to publication: today 0, yesterday -1, tomorrow 1.
    DayOffset {
        /// Days from the publication date.
        days: i64,
    },
    /// A calendar period relative to publication ("last week" = Week -1,
    /// "this month" = Month 0, "earlier this year" = Year 0 before
    /// publication).
    Period {
        /// Week, weekend, month or year.
        unit: Unit,
        /// -1 last, 0 this, 1 next.
        offset: i32,
        /// Part of the period.
        part: Part,
    },
    /// A window ending at publication ("the past week", "the past two
    /// months").
    Rolling {
        /// Unit of the window.
        unit: Unit,
        /// Number of units.
        amount: u32,
    },
    /// A season ("last winter", "this summer", "the summer of 2022").
    Season {
        /// Which season.
        season: Season,
        /// Year when written (winter Y = December Y to February Y+1).
        year: Option<i32>,
        /// Relative modifier when written.
        relative: Option<Relative>,
    },
    /// "nine months ago", "a few days ago": `low..=high` units before
    /// publication (equal for exact amounts).
    Ago {
        /// Smallest number of units.
        low: u32,
        /// Largest number of units.
        high: u32,
        /// The unit.
        unit: Unit,
    },
    /// Relative to another event, not to publication ("two days later",
    /// "the day before"): resolves to unknown-relative.
    RelativeToOther,
    /// A month of a year given relative to publication ("May this year",
    /// "March last year").
    MonthOfRelativeYear {
        /// Month 1–12.
        month: u32,
        /// -1 last year, 0 this year, 1 next year.
        year_offset: i32,
    },
    /// A numeric date whose day and month cannot be told apart
    /// ("03/04/2024"): resolves to unknown-relative.
    Ambiguous,
}

/// True for month and weekday names (full forms), which end noun phrases.
pub(crate) fn is_calendar_word(lower: &str) -> bool {
    (words::month(lower).is_some() && !words::is_month_abbreviation(lower))
        || words::is_full_weekday(lower)
}

/// Finds the date expressions of `text` and resolves each one.
///
/// `base` is the span of `text` in the document; the returned spans are
/// document spans.
pub fn resolve_in_sentence(
    text: &str,
    base: Span,
    publication: NaiveDate,
    tense: Tense,
) -> Vec<(Span, EventDate)> {
    find_date_expressions(text, base)
        .iter()
        .map(|e| (e.span, resolve(e, publication, tense)))
        .collect()
}
