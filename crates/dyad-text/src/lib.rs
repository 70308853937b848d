//! # dyad-text: from bytes to analysed documents
//!
//! Reads inputs (plain text, directories, JSONL, HTML, WARC, stdin), cleans
//! scraped text into zones (title, body, caption, byline, dateline, heading),
//! finds the publication date, and runs the text pipeline: sentence
//! segmentation, tokenization with byte offsets, part-of-speech tags and
//! lemmas.
//!
//! Not here: knowledge of actors, places or events (later stages), and
//! HTML main-content extraction and WARC parsing themselves: those are
//! `dyad-web`'s, called from [`read::read_html_page`] (with a small fallback
//! extractor, [`read::extract_html`], for pages it cannot handle) and from
//! the WARC input.
//!
//! ## Stages and main types
//! 1. [`read_inputs`] with [`ReadOptions`] → `Result<Document, ReadError>`
//!    per document (a bad document never stops the batch); or
//!    [`read_raw_inputs`] → [`RawDocument`]s, turned into documents by
//!    [`build_document`] (on worker threads, say);
//! 2. [`clean::clean_text`] → [`clean::Cleaned`] (zones, removed lines,
//!    byline author, dateline agency/place);
//! 3. [`date::infer_date`] / [`date::given_date`] → [`dyad_core::PubDate`];
//! 4. [`TextPipeline::analyze`] → [`dyad_core::AnalyzedDocument`]
//!    (segment → tokenize → tag → lemmatize).
//!
//! [`document_from_text`] runs steps 2–3 on a string, for tests and for other
//! crates. See `docs/text.md` for the heuristics and measured figures.
//!
//! ## Invariants
//! * Every span indexes [`Document::text`] on char boundaries.
//! * Sentences never cross zone boundaries.
//! * No input makes any function here panic.
#![deny(missing_docs)]

mod build;
pub mod clean;
pub mod date;
mod error;
mod pipeline;
pub mod read;
pub mod segment;
pub mod tag;
pub mod tokenize;

use chrono::NaiveDate;
use dyad_core::{DateOrigin, Document};

pub use build::build_document;
pub use error::ReadError;
pub use pipeline::{TextPipeline, MAX_SENTENCE_TOKENS};
pub use read::{
    read_inputs, read_raw_inputs, InputFormat, Inputs, RawBody, RawDocument, RawInputs,
    ReadOptions, DEFAULT_MAX_DOC_BYTES,
};

/// Builds a cleaned document from plain text: cleaning, zones, byline and
/// dateline metadata, and the date (`date` given → [`DateOrigin::Cli`] with
/// confidence 1.0, otherwise inferred from the text).
pub fn document_from_text(id: &str, text: &str, date: Option<NaiveDate>) -> Document {
    let mut raw = RawDocument::from_text(text.to_string());
    raw.id = Some(id.to_string()).filter(|s| !s.is_empty());
    raw.date = date.map(|d| (d, DateOrigin::Cli));
    build_document(raw, &ReadOptions::default())
}
