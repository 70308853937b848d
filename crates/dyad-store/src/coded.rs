//! Coded documents outside a database.
//!
//! * [`event_rows`]: the export rows ([`EventRow`], the columns of the CSV
//!   and Parquet exports) that a coded document's events will have once
//!   stored, computed without a database: same ids, same flat actor and
//!   place columns. The Python package builds its Arrow tables from them.
//! * [`portable_document`] / [`from_portable`]: a coded document as a JSON
//!   text that can travel through files written elsewhere (a Spark job's
//!   Parquet output) and come back into a store with [`crate::import`]
//!   exactly as if it had been coded by `dyad ingest`. Tokens (which the
//!   store does not keep) and the events (which travel as rows of their
//!   own) are left out.

use std::collections::HashMap;

use dyad_core::{CodedDocument, Event};
use serde::{Deserialize, Serialize};

use crate::error::{json, Result};
use crate::ids;
use crate::query::EventRow;
use crate::text::precision_str;
use crate::write::{effective_hash, root_paragraph_end, ActorCols};

/// The export rows of `coded`'s events, in the document's event order and
/// for all factualities, paired with their events: what `dyad export`
/// would print for them as single (not merged) events once they are
/// stored. `merged_id` is `None` (merging needs the store).
pub fn event_rows(coded: &CodedDocument) -> Vec<(EventRow, &Event)> {
    let doc = &coded.analyzed.doc;
    let hash = effective_hash(doc);
    let root_end = root_paragraph_end(doc);
    let pub_date = doc.date.as_ref().map(|d| d.date.to_string());
    let mut seen: HashMap<&str, usize> = HashMap::new();
    coded
        .events
        .iter()
        .map(|event| {
            let occurrence = seen.entry(event.id.as_str()).or_default();
            let id = ids::event_id(&hash, &event.id, *occurrence);
            *occurrence += 1;
            let src = ActorCols::new(&event.source);
            let tgt = ActorCols::new(&event.target);
            let place = event.place.as_ref();
            let prov = &event.provenance;
            let row = EventRow {
                id,
                merged: false,
                merged_id: None,
                plover: event.plover.clone(),
                mode: event.mode.clone(),
                contexts: event.contexts.join(" "),
                cameo: event.cameo.clone(),
                goldstein: f64::from(event.goldstein),
                quad_class: i64::from(event.quad_class),
                source_code: src.code,
                source_name: src.name,
                source_country: src.country,
                source_sectors: src.sectors,
                source_org: src.org,
                target_code: tgt.code,
                target_name: tgt.name,
                target_country: tgt.country,
                target_sectors: tgt.sectors,
                target_org: tgt.org,
                factuality: event.factuality.as_str().to_string(),
                date: event.date.date.to_string(),
                date_start: event.date.start.to_string(),
                date_end: event.date.end.to_string(),
                date_precision: precision_str(event.date.precision),
                place_name: place.map(|p| p.name.clone()),
                place_country: place.and_then(|p| p.country.clone()),
                place_admin1: place.and_then(|p| p.admin1.clone()),
                place_geonameid: place
                    .and_then(|p| p.geonameid)
                    .and_then(|g| i64::try_from(g).ok()),
                place_feature: place.and_then(|p| p.feature_code.clone()),
                lat: place.and_then(|p| p.lat),
                lon: place.and_then(|p| p.lon),
                place_reason: place.and_then(|p| p.reason).map(|r| r.as_str().to_string()),
                num_articles: 1,
                num_sources: 1,
                num_mentions: 1,
                first_report: pub_date.clone(),
                last_report: pub_date.clone(),
                doc_id: doc.id.clone(),
                url: doc.url.clone(),
                publisher: doc.source.clone(),
                sentence: doc
                    .text
                    .get(prov.sentence_span.start..prov.sentence_span.end)
                    .unwrap_or_default()
                    .to_string(),
                trigger: prov.trigger_text.clone(),
                rule: prov.rule.clone(),
                confidence: f64::from(prov.confidence),
                is_root: prov.sentence_span.start < root_end,
            };
            (row, event)
        })
        .collect()
}

/// The portable form: a coded document without its events and tokens.
#[derive(Serialize, Deserialize)]
struct Portable {
    /// Format version, so a newer writer is recognised.
    version: u32,
    /// The document, its sentences (without tokens), and its mentions.
    coded: CodedDocument,
}

/// Version of the portable form this build writes and reads.
pub const PORTABLE_VERSION: u32 = 1;

/// `coded` as portable JSON: everything the store keeps of a document
/// except its events (which travel as their own rows, see
/// [`from_portable`]). Tokens and removed boilerplate lines are dropped.
pub fn portable_document(coded: &CodedDocument) -> Result<String> {
    let mut analyzed = coded.analyzed.clone();
    analyzed.doc.removed.clear();
    for sentence in &mut analyzed.sentences {
        sentence.tokens.clear();
    }
    let portable = Portable {
        version: PORTABLE_VERSION,
        coded: CodedDocument {
            analyzed,
            actors: coded.actors.clone(),
            places: coded.places.clone(),
            events: Vec::new(),
        },
    };
    serde_json::to_string(&portable).map_err(json("encoding a portable document"))
}

/// Rebuilds a coded document from [`portable_document`]'s JSON and its
/// events (in their original order).
pub fn from_portable(text: &str, events: Vec<Event>) -> Result<CodedDocument> {
    let portable: Portable =
        serde_json::from_str(text).map_err(json("decoding a portable document"))?;
    if portable.version > PORTABLE_VERSION {
        return Err(crate::StoreError::Query(format!(
            "portable document version {} is newer than this dyad reads ({PORTABLE_VERSION})",
            portable.version
        )));
    }
    let mut coded = portable.coded;
    coded.events = events;
    Ok(coded)
}

#[cfg(test)]
mod tests {
    use super::*;
    use dyad_core::Document;

    #[test]
    fn portable_documents_round_trip_without_tokens() {
        let coded = CodedDocument {
            analyzed: dyad_core::AnalyzedDocument {
                doc: Document {
                    id: "d1".into(),
                    text: "Russia met China.".into(),
                    removed: vec!["Advertisement".into()],
                    content_hash: "abc".into(),
                    ..Default::default()
                },
                sentences: Vec::new(),
            },
            ..Default::default()
        };
        let text = portable_document(&coded).unwrap();
        let back = from_portable(&text, Vec::new()).unwrap();
        assert_eq!(back.analyzed.doc.text, "Russia met China.");
        assert!(back.analyzed.doc.removed.is_empty());
        assert_eq!(effective_hash(&back.analyzed.doc), "abc");
        assert!(from_portable("{\"version\": 99, \"coded\": {}}", Vec::new()).is_err());
    }
}
