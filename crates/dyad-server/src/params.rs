//! Query-parameter validation: every parameter is parsed into a typed value
//! or rejected with a 400 naming it. Unknown parameters are rejected too, so a
//! typo never silently widens a query.

use std::collections::HashMap;

use chrono::NaiveDate;

use crate::error::ApiError;

/// Raw query parameters, consumed as they are validated.
pub struct Params {
    raw: HashMap<String, String>,
}

impl Params {
    /// Wraps the raw query map.
    pub fn new(raw: HashMap<String, String>) -> Self {
        Params { raw }
    }

    fn take(&mut self, name: &str) -> Option<String> {
        self.raw
            .remove(name)
            .map(|v| v.trim().to_string())
            .filter(|v| !v.is_empty())
    }

    /// A free-text parameter (bounded length).
    pub fn text(&mut self, name: &str) -> Result<Option<String>, ApiError> {
        match self.take(name) {
            Some(v) if v.chars().count() > 200 => {
                Err(ApiError::param(name, "longer than 200 characters"))
            }
            other => Ok(other),
        }
    }

    /// An actor code or name: letters, digits, spaces and `.-'` only.
    pub fn actor(&mut self, name: &str) -> Result<Option<String>, ApiError> {
        let Some(v) = self.text(name)? else {
            return Ok(None);
        };
        if v.chars().all(|c| c.is_alphanumeric() || " .-'".contains(c)) {
            Ok(Some(v))
        } else {
            Err(ApiError::param(
                name,
                "expected an actor code such as RUS or RUSGOV",
            ))
        }
    }

    /// A required actor code.
    pub fn required_actor(&mut self, name: &str) -> Result<String, ApiError> {
        self.actor(name)?
            .ok_or_else(|| ApiError::param(name, "is required (an actor code such as RUS)"))
    }

    /// A date `YYYY-MM-DD`.
    pub fn date(&mut self, name: &str) -> Result<Option<NaiveDate>, ApiError> {
        match self.take(name) {
            None => Ok(None),
            Some(v) => NaiveDate::parse_from_str(&v, "%Y-%m-%d")
                .map(Some)
                .map_err(|_| {
                    ApiError::param(name, format!("expected a date YYYY-MM-DD, got {v:?}"))
                }),
        }
    }

    /// An unsigned integer within `[min, max]`.
    pub fn uint(&mut self, name: &str, min: u64, max: u64) -> Result<Option<u64>, ApiError> {
        match self.take(name) {
            None => Ok(None),
            Some(v) => match v.parse::<u64>() {
                Ok(n) if (min..=max).contains(&n) => Ok(Some(n)),
                _ => Err(ApiError::param(
                    name,
                    format!("expected an integer from {min} to {max}, got {v:?}"),
                )),
            },
        }
    }

    /// One of a fixed set of words.
    pub fn choice(&mut self, name: &str, allowed: &[&str]) -> Result<Option<String>, ApiError> {
        match self.take(name) {
            None => Ok(None),
            Some(v) => {
                let lower = v.to_ascii_lowercase();
                if allowed.contains(&lower.as_str()) {
                    Ok(Some(lower))
                } else {
                    Err(ApiError::param(
                        name,
                        format!("expected one of {}, got {v:?}", allowed.join(", ")),
                    ))
                }
            }
        }
    }

    /// A PLOVER event type (case-insensitive).
    pub fn plover(&mut self, name: &str) -> Result<Option<String>, ApiError> {
        match self.take(name) {
            None => Ok(None),
            Some(v) => {
                let upper = v.to_ascii_uppercase();
                if dyad_core::ontology::is_plover_type(&upper) {
                    Ok(Some(upper))
                } else {
                    Err(ApiError::param(name, format!("unknown PLOVER type {v:?}")))
                }
            }
        }
    }

    /// A CAMEO code or prefix: 2 to 4 digits.
    pub fn cameo(&mut self, name: &str) -> Result<Option<String>, ApiError> {
        match self.take(name) {
            None => Ok(None),
            Some(v) if (2..=4).contains(&v.len()) && v.chars().all(|c| c.is_ascii_digit()) => {
                Ok(Some(v))
            }
            Some(v) => Err(ApiError::param(
                name,
                format!("expected a CAMEO code of 2–4 digits, got {v:?}"),
            )),
        }
    }

    /// A boolean flag (`true`/`false`/`1`/`0`).
    pub fn flag(&mut self, name: &str) -> Result<bool, ApiError> {
        match self.take(name).as_deref() {
            None | Some("false") | Some("0") => Ok(false),
            Some("true") | Some("1") => Ok(true),
            Some(v) => Err(ApiError::param(
                name,
                format!("expected true or false, got {v:?}"),
            )),
        }
    }

    /// Fails on any parameter not consumed so far.
    pub fn finish(self) -> Result<(), ApiError> {
        match self.raw.keys().min() {
            None => Ok(()),
            Some(k) => Err(ApiError::param(k, "unknown parameter")),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn params(pairs: &[(&str, &str)]) -> Params {
        Params::new(
            pairs
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect(),
        )
    }

    #[test]
    fn validates_and_names_the_parameter() {
        let mut p = params(&[("since", "2023-13-01")]);
        let err = p.date("since").unwrap_err().to_string();
        assert!(err.contains("'since'"), "{err}");

        let mut p = params(&[("limit", "0")]);
        assert!(p.uint("limit", 1, 500).is_err());
        let mut p = params(&[("limit", "20")]);
        assert_eq!(p.uint("limit", 1, 500).unwrap(), Some(20));

        let mut p = params(&[("type", "consult")]);
        assert_eq!(p.plover("type").unwrap().as_deref(), Some("CONSULT"));
        let mut p = params(&[("type", "PARTY")]);
        assert!(p.plover("type").is_err());

        let mut p = params(&[("a", "RUS; DROP TABLE events")]);
        assert!(p.actor("a").is_err());
    }

    #[test]
    fn unknown_parameters_are_rejected() {
        let mut p = params(&[("limit", "5"), ("bogus", "1")]);
        p.uint("limit", 1, 10).unwrap();
        let err = p.finish().unwrap_err().to_string();
        assert!(err.contains("'bogus'"), "{err}");
    }
}
