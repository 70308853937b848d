//! # dyad-coder: events from sentences
//!
//! Turns documents into PLOVER/CAMEO event records: who did what to whom,
//! when, where, how sure, and on which words. [`Engine`] wires the stages
//! (text pipeline → actor mentions → toponyms → parse → events); the coding
//! itself is rule-based over a trained dependency parse (`dyad-syntax`) and
//! linear in sentence length:
//!
//! * clause analysis (`clause`, `clause/tree.rs`): predicates and their
//!   arguments read from Universal Dependencies relations (subjects,
//!   objects, prepositional slots, control, coordination, relative clauses,
//!   light verbs, event nouns); an actor the tree does not link to a trigger
//!   is no argument. The older token-window analysis remains for comparison
//!   (`ParserChoice::None`);
//! * factuality on the tree (`tree_factuality`): negation scope, modals,
//!   conditionals, "without", requests, intention and denial governors;
//! * event patterns ([`PatternSet`], data in `data/patterns/*.tsv`, extended
//!   with `--lexicon DIR`): triggers with argument slots mapped to a PLOVER
//!   type/mode and a CAMEO code;
//! * factuality and attribution (`matching`): negated, hypothetical,
//!   intended, denied, reported; promises and threats re-typed as PLOVER
//!   defines them;
//! * records (`record`): CAMEO Goldstein and quad class, event date via
//!   [`dates`], quantities via [`quantities`], place via `dyad_geo`, and
//!   provenance with deterministic ids;
//! * [`eval`]: scoring against the seed expectations, PLOVER stories, real
//!   news events (`eval::events`) and PLV marked pairs (`eval::plv`);
//! * the default output policy ([`shown_by_default`]).
//!
//! Not here: reading files, storing events, serving them. The engine does no
//! I/O after loading its knowledge; it is `Send + Sync` and shared across
//! threads. The rules are documented in `docs/coder.md`.

pub mod dates;
pub mod quantities;

mod clause;
mod engine;
mod error;
mod locative;
mod matching;
mod number_words;
mod patterns;
mod qty;
mod record;
mod stages;
mod tree_factuality;
mod words;

pub use clause::{DepTree, Predicate, Tense as VerbTense};
pub use engine::{
    shown_by_default, Engine, EngineConfig, GazetteerChoice, ParseStats, ParserChoice,
    SentenceExplanation,
};
pub use error::CoderError;
pub use matching::Attempt;
pub use patterns::{Pattern, PatternSet, Slot, TriggerKind};
pub use record::event_id;
pub mod eval;

#[cfg(test)]
mod test_events;
#[cfg(test)]
mod tests;
