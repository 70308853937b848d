//! Closed word classes used by the date finder: month and weekday names,
//! seasons, number words and the prepositions that introduce dates.
//!
//! These are grammar (closed classes of English), not domain knowledge, so
//! they live in code; the event lexicons live under `data/`.

use std::sync::OnceLock;

use super::scan::{word_set, WordSet};
use super::Season;

// Month and weekday names are shared with the dateline finder and the
// actor recogniser.
pub(crate) use dyad_core::calendar::{
    is_ambiguous_month, is_full_weekday, is_month_abbreviation, month, month_name, weekday,
    weekday_name,
};

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
