//! # dyad-core: the value types every dyad stage speaks
//!
//! dyad turns news articles into political event records. Its pipeline is a
//! chain of stages, each taking the previous stage's value and returning a new
//! one:
//!
//! ```text
//! bytes ──read/clean──▶ Document ──segment/tag──▶ AnalyzedDocument
//!        ──actors──▶ Vec<ActorMention> ──places──▶ Vec<PlaceMention>
//!        ──code──▶ Vec<Event> ──store/merge──▶ database
//! ```
//!
//! This crate holds only those values ([`Document`], [`Sentence`], [`Token`],
//! [`ActorMention`], [`PlaceMention`], [`Event`]) and the ontology tables
//! ([`ontology`]: PLOVER types, CAMEO codes, the CAMEO→PLOVER map), plus the
//! month and weekday names every date reader shares ([`calendar`]). It does no
//! I/O, knows no file formats, and holds no knowledge files: reading lives in
//! `dyad-text`, knowledge in `dyad-lexicon`, coding in `dyad-coder`.
//!
//! ## Invariants
//! * Every [`Span`] is a byte range into the owning document's cleaned
//!   [`Document::text`], on `char` boundaries, with `start <= end`.
//! * Every [`Event`] carries its [`Provenance`]: document id, sentence index,
//!   trigger span, rule id and confidence.
#![deny(missing_docs)]

mod actor;
pub mod calendar;
mod document;
mod event;
pub mod ontology;
mod place;
mod span;

pub use actor::{Actor, ActorMention, MentionKind};
pub use document::{
    AnalyzedDocument, DateOrigin, Document, Pos, PubDate, Sentence, SentenceSyntax, Token,
    WordSyntax, Zone, ZoneKind,
};
pub use event::{
    DatePrecision, Event, EventActor, EventDate, EventPlace, Factuality, PlacePrecision,
    PlaceReason, Provenance, Quantity,
};
pub use place::{PlaceMention, ResolvedPlace};
pub use span::Span;

/// Everything dyad derived from one document: the output of the whole
/// coding pipeline and the input of the store and the server.
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct CodedDocument {
    /// The document with its sentences and tokens.
    pub analyzed: AnalyzedDocument,
    /// Actor mentions, in text order.
    pub actors: Vec<ActorMention>,
    /// Toponyms, in text order.
    pub places: Vec<PlaceMention>,
    /// Coded events (all factualities; callers filter).
    pub events: Vec<Event>,
}
