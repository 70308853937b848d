//! The event ontology: PLOVER event types, modes and contexts; CAMEO codes
//! with names, quad class and Goldstein scores; and the CAMEO→PLOVER map.
//!
//! The tables are compiled into the binary (they are the ontology's
//! definition, not user-extensible knowledge). The CAMEO table lives in
//! `data/cameo.tsv` beside this crate and is parsed once on first use.

use std::collections::HashMap;
use std::sync::OnceLock;

/// The 16 PLOVER types.
pub const PLOVER_TYPES: &[&str] = &[
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "SANCTION",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
];

/// True when `name` is one of the 16 PLOVER types.
pub fn is_plover_type(name: &str) -> bool {
    PLOVER_TYPES.contains(&name)
}

/// PLOVER modes allowed for each event type (PLOVER 0.8 codebook).
pub const PLOVER_MODES: &[(&str, &[&str])] = &[
    ("AGREE", &[]),
    (
        "CONSULT",
        &["visit", "third-party", "multilateral", "phone"],
    ),
    ("SUPPORT", &[]),
    ("CONCEDE", &[]),
    ("COOPERATE", &[]),
    ("AID", &[]),
    (
        "RETREAT",
        &[
            "withdraw",
            "release",
            "return",
            "disarm",
            "ceasefire",
            "access",
            "resign",
        ],
    ),
    ("REQUEST", &["assist", "change", "yield", "meet"]),
    ("ACCUSE", &["disapprove", "investigate", "allege"]),
    ("REJECT", &["assist", "change", "yield", "meet"]),
    (
        "THREATEN",
        &[
            "restrict",
            "ban",
            "arrest",
            "relations",
            "rights",
            "expel",
            "territory",
            "violence",
        ],
    ),
    (
        "PROTEST",
        &["demo", "riot", "strike", "hunger", "boycott", "obstruct"],
    ),
    ("SANCTION", &["convict", "expel", "withdraw", "discontinue"]),
    ("MOBILIZE", &["troops", "weapons", "police", "militia"]),
    (
        "COERCE",
        &[
            "seize",
            "restrict",
            "ban",
            "censor",
            "curfew",
            "arrest",
            "deport",
            "withhold",
            "misinformation",
            "cyber",
        ],
    ),
    (
        "ASSAULT",
        &[
            "abduct",
            "beat",
            "torture",
            "execute",
            "sexual",
            "assassinate",
            "destroy",
            "primitive",
            "firearms",
            "explosives",
            "suicide-attack",
            "aerial",
            "drone",
            "heavy-weapons",
            "crowd-control",
            "cleansing",
            "massacre",
            "unconventional",
        ],
    ),
];

/// PLOVER general contexts (usable with any event type).
pub const PLOVER_CONTEXTS: &[&str] = &[
    "military",
    "intelligence",
    "executive",
    "legislative",
    "election",
    "political_institutions",
    "pro_democracy",
    "pro_autocracy",
    "economic",
    "legal",
    "crime",
    "corruption",
    "human_rights",
    "rights_freedoms",
    "repression",
    "human_security",
    "gender",
    "lgbt",
    "religion_ethnicity",
    "inequality",
    "diplomatic",
    "territory",
    "cbrn",
    "health",
    "asylum",
    "migration",
    "disasters",
    "natural_resource",
    "environment",
    "technology",
    "humanitarian",
    "peacekeeping",
    "cyber",
    "terrorism",
];

/// Modes valid for a PLOVER type (empty for unknown types or types without modes).
pub fn plover_modes(plover: &str) -> &'static [&'static str] {
    PLOVER_MODES
        .iter()
        .find(|(t, _)| *t == plover)
        .map(|(_, m)| *m)
        .unwrap_or(&[])
}

/// True when `mode` is a mode of `plover`.
pub fn is_plover_mode(plover: &str, mode: &str) -> bool {
    plover_modes(plover).contains(&mode)
}

/// True when `context` is a PLOVER context.
pub fn is_plover_context(context: &str) -> bool {
    PLOVER_CONTEXTS.contains(&context)
}

/// One CAMEO event code with its scores and PLOVER equivalent.
#[derive(Debug, Clone, PartialEq)]
pub struct CameoCode {
    /// The code ("042", "1823").
    pub code: &'static str,
    /// Short name ("make a visit").
    pub name: &'static str,
    /// Goldstein conflict–cooperation score (-10..10).
    pub goldstein: f32,
    /// Quad class: 1 verbal coop., 2 material coop., 3 verbal conflict, 4 material conflict.
    pub quad_class: u8,
    /// PLOVER type, when the code has one (root 01 statements have none).
    pub plover: Option<&'static str>,
    /// PLOVER mode, when the mapping gives one.
    pub mode: Option<&'static str>,
    /// PLOVER contexts from the mapping.
    pub contexts: Vec<&'static str>,
}

const CAMEO_TSV: &str = include_str!("../data/cameo.tsv");

struct CameoTable {
    codes: Vec<CameoCode>,
    by_code: HashMap<&'static str, usize>,
}

fn table() -> &'static CameoTable {
    static TABLE: OnceLock<CameoTable> = OnceLock::new();
    TABLE.get_or_init(|| {
        let codes: Vec<CameoCode> = CAMEO_TSV.lines().filter_map(parse_line).collect();
        let by_code = codes.iter().enumerate().map(|(i, c)| (c.code, i)).collect();
        CameoTable { codes, by_code }
    })
}

fn dash_none(field: &'static str) -> Option<&'static str> {
    let field = field.trim();
    (!field.is_empty() && field != "-").then_some(field)
}

/// Parses one table row; comment and malformed rows yield `None` (the table
/// is compiled in and checked by the unit tests below).
fn parse_line(line: &'static str) -> Option<CameoCode> {
    if line.starts_with('#') || line.trim().is_empty() {
        return None;
    }
    let mut f = line.split('\t');
    let code = f.next()?.trim();
    let goldstein: f32 = f.next()?.trim().parse().ok()?;
    let plover = dash_none(f.next()?);
    let mode = dash_none(f.next()?);
    let contexts = dash_none(f.next()?)
        .map(|c| c.split(';').map(str::trim).collect())
        .unwrap_or_default();
    let name = f.next()?.trim();
    Some(CameoCode {
        code,
        name,
        goldstein,
        quad_class: quad_class_of_root(code)?,
        plover,
        mode,
        contexts,
    })
}

fn quad_class_of_root(code: &str) -> Option<u8> {
    let root: u8 = code.get(..2)?.parse().ok()?;
    match root {
        1..=5 => Some(1),
        6..=8 => Some(2),
        9..=13 => Some(3),
        14..=20 => Some(4),
        _ => None,
    }
}

/// All CAMEO codes, in table order (roots before their children).
pub fn cameo_codes() -> &'static [CameoCode] {
    &table().codes
}

/// The CAMEO code entry, if `code` is a known code.
pub fn cameo(code: &str) -> Option<&'static CameoCode> {
    let t = table();
    t.by_code.get(code).and_then(|&i| t.codes.get(i))
}

/// The two-digit root of a CAMEO code ("0231" → "02"); `None` when too short.
pub fn cameo_root(code: &str) -> Option<&str> {
    code.get(..2)
}

/// PLOVER type of a CAMEO code.
pub fn plover_for_cameo(code: &str) -> Option<&'static str> {
    cameo(code).and_then(|c| c.plover)
}

/// Goldstein score of a CAMEO code.
pub fn goldstein(code: &str) -> Option<f32> {
    cameo(code).map(|c| c.goldstein)
}

/// Quad class of a CAMEO code (1..=4).
pub fn quad_class(code: &str) -> Option<u8> {
    cameo(code).map(|c| c.quad_class)
}

/// The most general CAMEO code for a PLOVER type (its first code in table
/// order), used when a pattern names only a PLOVER type.
pub fn default_cameo_for_plover(plover: &str) -> Option<&'static str> {
    const DEFAULTS: &[(&str, &str)] = &[
        ("AGREE", "030"),
        ("CONSULT", "040"),
        ("SUPPORT", "050"),
        ("CONCEDE", "080"),
        ("COOPERATE", "060"),
        ("AID", "070"),
        ("RETREAT", "084"),
        ("REQUEST", "100"),
        ("ACCUSE", "110"),
        ("REJECT", "120"),
        ("THREATEN", "130"),
        ("PROTEST", "140"),
        ("SANCTION", "160"),
        ("MOBILIZE", "150"),
        ("COERCE", "170"),
        ("ASSAULT", "190"),
    ];
    DEFAULTS.iter().find(|(p, _)| *p == plover).map(|(_, c)| *c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_row_parses() {
        let rows = CAMEO_TSV
            .lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
            .count();
        assert_eq!(
            rows,
            cameo_codes().len(),
            "a row of cameo.tsv failed to parse"
        );
        assert!(cameo_codes().len() >= 290);
    }

    #[test]
    fn lookups() {
        let visit = cameo("042").expect("042");
        assert_eq!(visit.plover, Some("CONSULT"));
        assert_eq!(visit.mode, Some("visit"));
        assert_eq!(quad_class("042"), Some(1));
        assert_eq!(quad_class("0874"), Some(2));
        assert_eq!(quad_class("112"), Some(3));
        assert_eq!(quad_class("190"), Some(4));
        assert_eq!(goldstein("190"), Some(-10.0));
        assert_eq!(plover_for_cameo("163"), Some("COERCE"));
        assert_eq!(plover_for_cameo("010"), None);
        assert_eq!(cameo_root("1823"), Some("18"));
        assert!(cameo("999").is_none());
    }

    #[test]
    fn mappings_are_consistent() {
        for c in cameo_codes() {
            if let Some(p) = c.plover {
                assert!(is_plover_type(p), "{} maps to unknown type {p}", c.code);
            }
            for ctx in &c.contexts {
                assert!(
                    is_plover_context(ctx),
                    "{} has unknown context {ctx}",
                    c.code
                );
            }
            assert!((-10.0..=10.0).contains(&c.goldstein));
        }
        for p in PLOVER_TYPES {
            let code = default_cameo_for_plover(p).expect("default code");
            assert_eq!(plover_for_cameo(code), Some(*p));
        }
        assert!(is_plover_mode("CONSULT", "visit"));
        assert!(!is_plover_mode("CONSULT", "riot"));
    }
}
