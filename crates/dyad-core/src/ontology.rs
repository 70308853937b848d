//! The event ontology: PLOVER event types, modes and contexts; CAMEO codes
//! with names, quad class and Goldstein scores; and the CAMEO→PLOVER map.
//!
//! The tables are compiled into the binary (they are the ontology's
//! definition, not user-extensible knowledge).

/// The 16 PLOVER event types.
pub const PLOVER_TYPES: &[&str] = &[
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
];

/// True when `name` is one of the 16 PLOVER types.
pub fn is_plover_type(name: &str) -> bool {
    PLOVER_TYPES.contains(&name)
}
