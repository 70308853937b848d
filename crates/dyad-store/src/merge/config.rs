//! The merge rule as data: `data/merge.toml`, embedded in the binary.

use std::path::Path;

use dyad_core::{Actor, DatePrecision, Event, EventActor};
use serde::Deserialize;

use crate::error::{Result, StoreError};

/// The built-in rules (`data/merge.toml`).
pub const BUILTIN_MERGE_RULES: &str = include_str!("../../../../data/merge.toml");

/// How event types must agree to merge.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum TypeMatch {
    /// Same PLOVER type.
    Plover,
    /// Same two-digit CAMEO root.
    CameoRoot,
}

/// How actors are compared.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
pub enum ActorKey {
    /// Country, else organisation, else actor code.
    #[serde(rename = "country")]
    Country,
    /// Country (or organisation) plus the primary sector.
    #[serde(rename = "country+sector")]
    CountrySector,
    /// The full actor code.
    #[serde(rename = "code")]
    Code,
}

/// Validated merge rules. See `data/merge.toml` for each field's meaning.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MergeConfig {
    /// Version of the rules.
    pub version: u32,
    /// Type compatibility.
    pub type_match: TypeMatch,
    /// Actor comparison.
    pub actor_key: ActorKey,
    /// Types whose dyad is unordered.
    pub symmetric_types: Vec<String>,
    /// Factualities that are merged.
    pub factualities: Vec<String>,
    /// Max distance in days between two merged day-precision events.
    pub day_tolerance_days: u32,
    /// Widening of coarse windows, in days on each side.
    pub window_slack_days: u32,
    /// Window before the publication date for undated events.
    pub unknown_lookback_days: u32,
    /// Place precisions whose country takes part in the place test.
    pub place_precisions: Vec<String>,
    /// Events whose window is longer than this are not merged.
    pub max_window_days: u32,
}

const FACTUALITIES: &[&str] = &[
    "asserted",
    "negated",
    "hypothetical",
    "intended",
    "denied",
    "reported",
];

impl MergeConfig {
    /// The built-in rules.
    pub fn builtin() -> Result<MergeConfig> {
        Self::parse(BUILTIN_MERGE_RULES, "built-in data/merge.toml")
    }

    /// Rules from a TOML file.
    pub fn from_file(path: &Path) -> Result<MergeConfig> {
        let text = std::fs::read_to_string(path).map_err(|source| StoreError::Io {
            path: path.to_path_buf(),
            source,
        })?;
        Self::parse(&text, &path.display().to_string())
    }

    /// Parses and validates rules; errors name `origin` and the line.
    pub fn parse(text: &str, origin: &str) -> Result<MergeConfig> {
        let err = |message: String| StoreError::MergeConfig {
            origin: origin.to_string(),
            message,
        };
        let cfg: MergeConfig = toml::from_str(text).map_err(|e| {
            let line = e
                .span()
                .map(|s| text[..s.start.min(text.len())].matches('\n').count() + 1);
            match line {
                Some(line) => err(format!("line {line}: {}", e.message())),
                None => err(e.message().to_string()),
            }
        })?;
        for t in &cfg.symmetric_types {
            if !dyad_core::ontology::is_plover_type(t) {
                return Err(err(format!("symmetric_types: {t:?} is not a PLOVER type")));
            }
        }
        for f in &cfg.factualities {
            if !FACTUALITIES.contains(&f.as_str()) {
                return Err(err(format!(
                    "factualities: {f:?} is not one of {}",
                    FACTUALITIES.join(", ")
                )));
            }
        }
        for p in &cfg.place_precisions {
            if !["place", "dateline", "country"].contains(&p.as_str()) {
                return Err(err(format!(
                    "place_precisions: {p:?} is not one of place, dateline, country"
                )));
            }
        }
        if cfg.max_window_days == 0 || cfg.max_window_days > 3660 {
            return Err(err("max_window_days must be between 1 and 3660".into()));
        }
        if cfg.day_tolerance_days > 366 || cfg.window_slack_days > 366 {
            return Err(err("day tolerances above 366 days make no sense".into()));
        }
        Ok(cfg)
    }

    /// The merge block of an event, or `None` when it is not merged (a side
    /// unresolved, or its factuality is not listed). Events can only merge inside one block:
    /// the block is type key + dyad key.
    pub fn block_key(&self, event: &Event) -> Option<String> {
        // a countryless "forces → people" is no real-world event to count; a
        // background mention of a dated act ("the two men met nine months
        // ago") does merge with the reports of that act
        if !event.sides_resolved() {
            return None;
        }
        if !self
            .factualities
            .iter()
            .any(|f| f == event.factuality.as_str())
        {
            return None;
        }
        let type_key = match self.type_match {
            TypeMatch::Plover => event.plover.clone(),
            TypeMatch::CameoRoot => cameo_root(&event.cameo).to_string(),
        };
        let symmetric = self.symmetric_types.contains(&event.plover);
        let (src, tgt, arrow) = if symmetric {
            // No direction: the participants are everyone on either side
            // ("Kim and Putin held talks" codes both as sources).
            let mut all: Vec<String> = self.actor_keys(&event.source);
            all.extend(self.actor_keys(&event.target));
            all.sort();
            all.dedup();
            match all.as_slice() {
                [] => ("-".to_string(), "-".to_string(), "~"),
                [only] => (only.clone(), "-".to_string(), "~"),
                [first, rest @ ..] => (first.clone(), rest.join("+"), "~"),
            }
        } else {
            (
                join_keys(self.actor_keys(&event.source)),
                join_keys(self.actor_keys(&event.target)),
                ">",
            )
        };
        Some(format!("{type_key}|{src}{arrow}{tgt}"))
    }

    fn actor_keys(&self, actors: &[EventActor]) -> Vec<String> {
        let mut keys: Vec<String> = actors.iter().map(|a| self.actor_key(&a.actor)).collect();
        keys.sort();
        keys.dedup();
        keys
    }

    fn actor_key(&self, actor: &Actor) -> String {
        let base = actor
            .country
            .clone()
            .or_else(|| actor.org.clone())
            .unwrap_or_else(|| actor.code());
        match self.actor_key {
            ActorKey::Country => base,
            ActorKey::CountrySector => match actor.primary_sector() {
                Some(s) if actor.country.is_some() || actor.org.is_some() => format!("{base}{s}"),
                _ => base,
            },
            ActorKey::Code => actor.code(),
        }
    }
}

fn join_keys(keys: Vec<String>) -> String {
    if keys.is_empty() {
        "-".into()
    } else {
        keys.join("+")
    }
}

/// The two-digit CAMEO root of a code ("0211" → "02"), or the code itself
/// when shorter.
pub fn cameo_root(code: &str) -> &str {
    code.get(..2).unwrap_or(code)
}

/// The three-digit CAMEO base code ("0211" → "021").
pub fn cameo_base(code: &str) -> &str {
    code.get(..3).unwrap_or(code)
}

/// Rank of a precision, finest first.
pub fn precision_rank(p: DatePrecision) -> u8 {
    match p {
        DatePrecision::Day => 0,
        DatePrecision::Week => 1,
        DatePrecision::Month => 2,
        DatePrecision::Season => 3,
        DatePrecision::Year => 4,
        DatePrecision::UnknownRelative | DatePrecision::Publication => 5,
        DatePrecision::Unknown => 6,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_rules_parse() {
        let cfg = MergeConfig::builtin().expect("built-in rules");
        assert_eq!(cfg.type_match, TypeMatch::Plover);
        assert_eq!(cfg.day_tolerance_days, 0);
        assert!(cfg.symmetric_types.iter().any(|t| t == "CONSULT"));
    }

    #[test]
    fn bad_rules_name_the_line() {
        let text = "version = 1\ntype_match = \"plover\"\nactor_key = \"nation\"\n";
        let err = MergeConfig::parse(text, "x.toml").unwrap_err().to_string();
        assert!(err.contains("x.toml") && err.contains("line 3"), "{err}");
        let bad_type = BUILTIN_MERGE_RULES.replace("\"CONSULT\"", "\"CHAT\"");
        let err = MergeConfig::parse(&bad_type, "y.toml")
            .unwrap_err()
            .to_string();
        assert!(err.contains("CHAT"), "{err}");
    }

    fn event(plover: &str, src: &[&str], tgt: &[&str]) -> Event {
        let actors = |codes: &[&str]| -> Vec<EventActor> {
            codes
                .iter()
                .map(|c| EventActor {
                    actor: Actor {
                        name: c.to_string(),
                        country: Some(c.to_string()),
                        sectors: vec!["GOV".into()],
                        ..Actor::default()
                    },
                    text: c.to_string(),
                    span: dyad_core::Span::new(0, 1),
                })
                .collect()
        };
        let date = chrono::NaiveDate::from_ymd_opt(2023, 9, 13).expect("date");
        Event {
            id: "e".into(),
            plover: plover.into(),
            mode: None,
            contexts: vec![],
            cameo: "040".into(),
            goldstein: 1.0,
            quad_class: 1,
            source: actors(src),
            target: actors(tgt),
            factuality: dyad_core::Factuality::Asserted,
            attributed_to: None,
            quantities: vec![],
            date: dyad_core::EventDate {
                date,
                start: date,
                end: date,
                precision: DatePrecision::Day,
                text: None,
                note: String::new(),
            },
            place: None,
            provenance: dyad_core::Provenance {
                doc_id: "d".into(),
                sentence: 0,
                sentence_text: String::new(),
                sentence_span: dyad_core::Span::new(0, 1),
                trigger: dyad_core::Span::new(0, 1),
                trigger_text: String::new(),
                rule: String::new(),
                confidence: 1.0,
            },
            historical: false,
            in_passing: false,
        }
    }

    #[test]
    fn symmetric_types_ignore_direction_and_compounds() {
        let cfg = MergeConfig::builtin().expect("rules");
        let a = cfg.block_key(&event("CONSULT", &["RUS"], &["PRK"]));
        assert_eq!(a.as_deref(), Some("CONSULT|PRK~RUS"));
        assert_eq!(cfg.block_key(&event("CONSULT", &["PRK"], &["RUS"])), a);
        assert_eq!(
            cfg.block_key(&event("CONSULT", &["PRK", "RUS"], &["RUS"])),
            a
        );
        let directed = cfg.block_key(&event("ASSAULT", &["RUS"], &["UKR"]));
        assert_eq!(directed.as_deref(), Some("ASSAULT|RUS>UKR"));
        assert_ne!(
            cfg.block_key(&event("ASSAULT", &["UKR"], &["RUS"])),
            directed
        );
        let mut hypothetical = event("ASSAULT", &["RUS"], &["UKR"]);
        hypothetical.factuality = dyad_core::Factuality::Hypothetical;
        assert_eq!(cfg.block_key(&hypothetical), None);
    }

    #[test]
    fn cameo_parts() {
        assert_eq!(cameo_root("0211"), "02");
        assert_eq!(cameo_base("0211"), "021");
        assert_eq!(cameo_base("04"), "04");
    }
}
