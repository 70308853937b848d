//! English month and weekday names, shared by every crate that reads dates
//! (the dateline finder here, the coder's date expressions, the actor
//! recogniser's "In March, Russia …" check). They are grammar — closed word
//! classes — so they live in code, once.
//!
//! Functions taking `lower` expect the word lower-cased; [`is_time_word`]
//! takes it as written.

use chrono::Weekday;

/// Month number (1–12) for a month name or its usual abbreviation
/// ("january", "jan", "sept").
pub fn month(lower: &str) -> Option<u32> {
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

/// True for the abbreviations of [`month`] ("jan", "sept"): they count as
/// months only with a period or a day number after them.
pub fn is_month_abbreviation(lower: &str) -> bool {
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
pub fn is_ambiguous_month(lower: &str) -> bool {
    matches!(lower, "may" | "march" | "mar")
}

/// English full name of month `m` (1–12); "?" for any other number.
pub fn month_name(m: u32) -> &'static str {
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

/// Weekday for a weekday name or abbreviation ("monday", "mon", "thurs").
pub fn weekday(lower: &str) -> Option<Weekday> {
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
pub fn is_full_weekday(lower: &str) -> bool {
    lower.ends_with("day") && weekday(lower).is_some()
}

/// English name of a weekday.
pub fn weekday_name(w: Weekday) -> &'static str {
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

/// Holidays that open a sentence the way a date does ("At Easter, …").
const HOLIDAYS: &[&str] = &["christmas", "easter", "ramadan"];

/// True for a month name or abbreviation, a full weekday name or a holiday,
/// in any letter case: a word that names a time, not a town ("In March,
/// Russia vetoed" is no "Town, Country").
pub fn is_time_word(word: &str) -> bool {
    if word.len() > 9 || !word.is_ascii() {
        return false;
    }
    let lower = word.to_ascii_lowercase();
    month(&lower).is_some() || is_full_weekday(&lower) || HOLIDAYS.contains(&lower.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_and_abbreviations() {
        assert_eq!(month("september"), Some(9));
        assert_eq!(month("sept"), Some(9));
        assert_eq!(month("dec"), Some(12));
        assert_eq!(month("decade"), None);
        assert!(is_month_abbreviation("sept"));
        assert!(is_month_abbreviation("jun"));
        assert!(!is_month_abbreviation("june"));
        assert!(!is_month_abbreviation("may"));
        assert_eq!(month_name(3), "March");
        assert_eq!(month_name(0), "?");
        assert_eq!(month_name(13), "?");
    }

    #[test]
    fn weekdays() {
        assert_eq!(weekday("thurs"), Some(Weekday::Thu));
        assert!(is_full_weekday("sunday"));
        assert!(!is_full_weekday("sun"));
        assert_eq!(weekday_name(Weekday::Wed), "Wednesday");
    }

    #[test]
    fn time_words_in_any_case() {
        for w in ["March", "MARCH", "Sept", "Monday", "Easter"] {
            assert!(is_time_word(w), "{w}");
        }
        for w in ["Moscow", "Mon", "Sun", "Marchers", ""] {
            assert!(!is_time_word(w), "{w}");
        }
    }
}
