//! Text forms of values in database columns.

use chrono::NaiveDate;
use dyad_core::DatePrecision;
use serde::{de::DeserializeOwned, Serialize};

/// The serde (kebab-case) name of a unit enum value, e.g. `"unknown-relative"`.
pub(crate) fn enum_str<T: Serialize>(value: &T) -> String {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(s)) => s,
        _ => String::new(),
    }
}

/// Parses a serde (kebab-case) name back into a unit enum value.
pub(crate) fn parse_enum<T: DeserializeOwned>(text: &str) -> Option<T> {
    serde_json::from_value(serde_json::Value::String(text.to_string())).ok()
}

/// Column form of a date precision.
pub(crate) fn precision_str(p: DatePrecision) -> String {
    enum_str(&p)
}

/// Parses a date precision column.
pub(crate) fn parse_precision(text: &str) -> Option<DatePrecision> {
    parse_enum(text)
}

/// Parses a `YYYY-MM-DD` column.
pub(crate) fn parse_date(text: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn enums_round_trip_through_their_names() {
        let s = precision_str(DatePrecision::UnknownRelative);
        assert_eq!(s, "unknown-relative");
        assert_eq!(parse_precision(&s), Some(DatePrecision::UnknownRelative));
        assert_eq!(parse_precision("fortnight"), None);
        assert_eq!(
            parse_date("2023-09-13").map(|d| d.to_string()).as_deref(),
            Some("2023-09-13")
        );
        assert_eq!(parse_date("13/09/2023"), None);
    }
}
