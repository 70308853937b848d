//! Closed word classes used by the date finder: month and weekday names,
//! seasons, number words and the prepositions that introduce dates.
//!
//! These are grammar (closed classes of English), not domain knowledge, so
//! they live in code; the event lexicons live under `data/`.

use std::sync::OnceLock;

use chrono::Weekday;

use super::scan::{word_set, WordSet};
use super::Season;

/// Month number (1–12) for a month name or its usual abbreviation.
pub(crate) fn month(lower: &str) -> Option<u32> {
    let m = match lower {
        "january" | "jan" => 1,
        "february" | "feb" => 2,
        "march" | "mar" => 3,
        "april" | "apr" => 4,
        "may" => 5,
        "june" | "jun" => 6,
        "july" | "jul" => 7,
        "august" | "aug" => 8,
        "september" | "sept" | "sep" => 9,
        "october" | "oct" => 10,
        "november" | "nov" => 11,
        "december" | "dec" => 12,
        _ => return None,
    };
    Some(m)
}

/// True for abbreviations that only count as months when followed by a
/// period or a day number ("Jan." but not "jan" alone).
pub(crate) fn is_month_abbreviation(lower: &str) -> bool {
    matches!(
        lower,
        "jan"
            | "feb"
            | "mar"
            | "apr"
            | "jun"
            | "jul"
            | "aug"
            | "sept"
            | "sep"
            | "oct"
            | "nov"
            | "dec"
    )
}

/// Month names that are also common English words ("may", "march"): they
/// need a date context to count.
pub(crate) fn is_ambiguous_month(lower: &str) -> bool {
    matches!(lower, "may" | "march" | "mar")
}

/// English full name of month `m` (1–12).
pub(crate) fn month_name(m: u32) -> &'static str {
    const NAMES: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    NAMES
        .get((m as usize).wrapping_sub(1))
        .copied()
        .unwrap_or("?")
}

/// Weekday for a weekday name or abbreviation.
pub(crate) fn weekday(lower: &str) -> Option<Weekday> {
    let w = match lower {
        "monday" | "mon" => Weekday::Mon,
        "tuesday" | "tue" | "tues" => Weekday::Tue,
        "wednesday" | "wed" => Weekday::Wed,
        "thursday" | "thu" | "thur" | "thurs" => Weekday::Thu,
        "friday" | "fri" => Weekday::Fri,
        "saturday" | "sat" => Weekday::Sat,
        "sunday" | "sun" => Weekday::Sun,
        _ => return None,
    };
    Some(w)
}

/// True for full weekday names (abbreviations need a following period).
pub(crate) fn is_full_weekday(lower: &str) -> bool {
    lower.ends_with("day") && weekday(lower).is_some()
}

/// English name of a weekday.
pub(crate) fn weekday_name(w: Weekday) -> &'static str {
    match w {
        Weekday::Mon => "Monday",
        Weekday::Tue => "Tuesday",
        Weekday::Wed => "Wednesday",
        Weekday::Thu => "Thursday",
        Weekday::Fri => "Friday",
        Weekday::Sat => "Saturday",
        Weekday::Sun => "Sunday",
    }
}

/// Season for a season name.
pub(crate) fn season(lower: &str) -> Option<Season> {
    let s = match lower {
        "winter" => Season::Winter,
        "spring" => Season::Spring,
        "summer" => Season::Summer,
        "autumn" | "fall" => Season::Autumn,
        _ => return None,
    };
    Some(s)
}

/// Words that name a part of the day after a weekday ("Wednesday night").
pub(crate) fn is_day_part(lower: &str) -> bool {
    matches!(
        lower,
        "morning" | "afternoon" | "evening" | "night" | "overnight" | "midday" | "noon"
    )
}

/// Prepositions recorded on a date expression.
pub(crate) fn is_date_preposition(lower: &str) -> bool {
    matches!(
        lower,
        "on" | "in"
            | "since"
            | "by"
            | "until"
            | "till"
            | "during"
            | "from"
            | "at"
            | "before"
            | "after"
            | "through"
            | "throughout"
            | "over"
            | "of"
            | "between"
            | "around"
    )
}

/// Words after which a bare four-digit number reads as a year.
pub(crate) fn introduces_year(lower: &str) -> bool {
    is_date_preposition(lower) || matches!(lower, "early" | "late" | "mid" | "year")
}

/// Value of a small number word for date amounts ("nine" → 9, "twenty",
/// "a" → 1, "dozen", "hundred"): the shared cardinals plus these.
pub(crate) fn small_number(lower: &str) -> Option<u32> {
    match lower {
        "a" | "an" => Some(1),
        "dozen" => Some(12),
        "hundred" => Some(100),
        _ => crate::number_words::cardinal(lower),
    }
}

/// Ordinal day numbers written as words ("the third", "21st" is handled
/// by the digit path).
pub(crate) fn is_ordinal_suffix(lower: &str) -> bool {
    matches!(lower, "st" | "nd" | "rd" | "th")
}

/// Words that can open a date expression. Checked first, with one hash
/// lookup, so the matchers only run on the few tokens that matter.
const DATE_STARTS: &str = "\
    today tonight yesterday tomorrow recent end start beginning middle turn days weeks months years \
    decades centuries century last this next past coming early mid late earlier later the \
    january jan february feb march mar april apr may june jun july jul august aug september \
    sept sep october oct november nov december dec monday mon tuesday tue tues wednesday wed \
    thursday thu thur thurs friday fri saturday sat sunday sun winter spring summer autumn \
    fall a an few several couple one two three four five six seven eight nine ten eleven \
    twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty thirty forty \
    fifty sixty seventy eighty ninety";

/// True when a lower-cased word may open a date expression.
pub(crate) fn may_start_date(lower: &str) -> bool {
    static SET: OnceLock<WordSet> = OnceLock::new();
    lower.len() <= 9 && word_set(&SET, DATE_STARTS).contains(lower)
}
