//! # dyad-geo: gazetteer, toponym recognition and resolution
//!
//! What it is for: finding place names in analysed documents, resolving them
//! to GeoNames entries (coordinates, country, first-level division), and
//! choosing where an event happened.
//!
//! Not for: event coding (the coder calls [`event_location`]), reading or
//! tagging text (dyad-text), actors (dyad-lexicon).
//!
//! Main types and functions:
//! - [`Gazetteer`]: the compiled GeoNames-derived table (built by
//!   `bash scripts/build-gazetteer.sh` into `data/gazetteer/gazetteer.bin`),
//!   plus user places ([`Gazetteer::add_places_file`]). Load it with
//!   [`Gazetteer::load_default`]; "no gazetteer" is an error callers may treat
//!   as a warning (events then lack coordinates).
//! - [`Gazetteer::recognize`]: toponyms of a document as
//!   [`dyad_core::PlaceMention`]s, resolved with document context.
//! - [`Gazetteer::lookup`]: every [`Candidate`] a name can refer to.
//! - [`event_location`]: the place of an event's own clause or sentence, else
//!   the dateline place; [`DocPlaces`] answers the same for many events of
//!   one document, arranging its toponyms once.
//! - [`eval`]: scoring against geoparsing gold sets (`dyad eval geo`).
//!
//! See `docs/geo.md` for data sources, licences and the resolution rules.

mod cues;
mod error;
pub mod eval;
mod gazetteer;
mod location;
mod names;
mod normalize;
mod recognize;
mod resolve;
mod source;
mod spans;
mod table;
mod user;

pub use error::{GeoError, REBUILD_HINT};
pub use gazetteer::{default_paths, Candidate, Gazetteer, GAZETTEER_ENV, GAZETTEER_FILE};
pub use location::{event_location, lead_location, DocPlaces, Lead};
pub use normalize::name_key;
pub use source::{compile_file, parse_source};
pub use table::{build_table, SourceRecord};
pub use user::USER_ID_BASE;

use dyad_core::{ActorMention, AnalyzedDocument, PlaceMention};

impl Gazetteer {
    /// The toponyms of a document, resolved, in text order.
    ///
    /// `actors` are the document's actor mentions (may be empty): a name that
    /// is a person or organisation actor is not a place, and actors'
    /// countries count as weak context.
    pub fn recognize(&self, doc: &AnalyzedDocument, actors: &[ActorMention]) -> Vec<PlaceMention> {
        let found = recognize::find_toponyms(self, doc, actors);
        resolve::resolve(self, doc, found, actors)
    }
}
