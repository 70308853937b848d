//! # dyad-coder: events from sentences
//!
//! Clause analysis, event patterns, PLOVER/CAMEO coding, factuality,
//! attribution, quantities and event dates.
//!
//! Not here: I/O of any kind. The coder is pure: analysed documents and
//! mentions in, events out.

pub mod dates;
pub mod quantities;

mod clause;
mod engine;
mod error;
mod matching;
mod patterns;
mod qty;
mod record;
mod stages;
mod words;

pub use clause::{Predicate, Tense as VerbTense};
pub use engine::{Engine, EngineConfig, GazetteerChoice, SentenceExplanation};
pub use error::CoderError;
pub use matching::Attempt;
pub use patterns::{Pattern, PatternSet, Slot, TriggerKind};
pub use record::event_id;
pub mod eval;

#[cfg(test)]
mod tests;
