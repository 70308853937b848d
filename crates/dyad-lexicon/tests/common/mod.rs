//! Helpers shared by the integration tests.
#![allow(dead_code)]

use std::sync::OnceLock;

use chrono::NaiveDate;
use dyad_core::{ActorMention, AnalyzedDocument, DateOrigin, Document, PubDate};
use dyad_lexicon::Lexicon;

/// The built-in lexicon, loaded once per test binary.
pub fn lex() -> &'static Lexicon {
    static LEX: OnceLock<Lexicon> = OnceLock::new();
    LEX.get_or_init(|| match Lexicon::builtin() {
        Ok(l) => l,
        Err(e) => panic!("built-in lexicon must load: {e}"),
    })
}

pub fn date(s: &str) -> NaiveDate {
    match NaiveDate::parse_from_str(s, "%Y-%m-%d") {
        Ok(d) => d,
        Err(e) => panic!("bad test date {s}: {e}"),
    }
}

/// A one-sentence document built by hand (no text pipeline).
pub fn raw_doc(text: &str, on: Option<&str>) -> AnalyzedDocument {
    AnalyzedDocument {
        doc: Document {
            id: "t".into(),
            text: text.to_string(),
            date: on.map(|d| PubDate {
                date: date(d),
                origin: DateOrigin::Cli,
                confidence: 1.0,
                note: String::new(),
            }),
            ..Default::default()
        },
        sentences: Vec::new(),
    }
}

/// A document run through the real text pipeline (sentences, tokens).
pub fn doc(text: &str, on: &str) -> AnalyzedDocument {
    static PIPELINE: OnceLock<dyad_text::TextPipeline> = OnceLock::new();
    let d = dyad_text::document_from_text("t", text, Some(date(on)));
    PIPELINE
        .get_or_init(dyad_text::TextPipeline::new)
        .analyze(d)
}

pub fn mentions(text: &str, on: &str) -> Vec<ActorMention> {
    lex().recognize(&raw_doc(text, Some(on)))
}

/// The mention whose text is exactly `text`.
pub fn find<'a>(ms: &'a [ActorMention], text: &str) -> &'a ActorMention {
    match ms.iter().find(|m| m.text == text) {
        Some(m) => m,
        None => panic!(
            "no mention {text:?} in {:?}",
            ms.iter().map(|m| m.text.as_str()).collect::<Vec<_>>()
        ),
    }
}

pub fn code(m: &ActorMention) -> String {
    format!(
        "{}:{}",
        m.actor.country.clone().unwrap_or_default(),
        m.actor.sectors.join("+")
    )
}
