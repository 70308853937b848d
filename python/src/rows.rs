//! Event rows for Arrow, as NDJSON.
//!
//! `pyarrow.json.read_json` with the explicit schema of `dyad/_schema.py`
//! turns these lines into a table (multi-threaded, in C++). Going through
//! NDJSON rather than building Arrow arrays here keeps the `arrow` crates
//! (a large build, and a version to keep in step with pyarrow's) out of the
//! package; the schema is written once, in Python, and the reader rejects
//! any field it does not declare, so the two cannot drift silently. The
//! cost is small beside coding (a few microseconds per event).

use dyad_core::EventActor;
use dyad_store::coded::{event_rows, portable_document};
use dyad_store::{effective_hash, EventRow};
use serde::Serialize;

use crate::coder::{Failure, Outcome};
use crate::error::BindingError;

/// One actor of an event's `source_actors` / `target_actors` list.
#[derive(Serialize)]
struct ActorOut<'a> {
    code: String,
    name: &'a str,
    country: Option<&'a str>,
    sectors: &'a [String],
    org: Option<&'a str>,
    role: Option<&'a str>,
    person_id: Option<&'a str>,
    text: &'a str,
    start: usize,
    end: usize,
}

fn actors(list: &[EventActor]) -> Vec<ActorOut<'_>> {
    list.iter()
        .map(|a| ActorOut {
            code: a.actor.code(),
            name: &a.actor.name,
            country: a.actor.country.as_deref(),
            sectors: &a.actor.sectors,
            org: a.actor.org.as_deref(),
            role: a.actor.role.as_deref(),
            person_id: a.actor.person_id.as_deref(),
            text: &a.text,
            start: a.span.start,
            end: a.span.end,
        })
        .collect()
}

/// One NDJSON row: the export columns (absent on error and document-only
/// rows) plus the columns only a freshly coded event has.
#[derive(Serialize)]
struct Row<'a> {
    #[serde(flatten)]
    export: Option<EventRow>,
    /// The document id of a row without an event.
    #[serde(rename = "doc_id", skip_serializing_if = "Option::is_none")]
    doc_only_id: Option<&'a str>,
    /// The coder's event id (`id` in `dyad code --format jsonl`).
    event_id: Option<&'a str>,
    content_hash: Option<&'a str>,
    /// Index of the input in the call.
    input: usize,
    source_actors: Option<Vec<ActorOut<'a>>>,
    target_actors: Option<Vec<ActorOut<'a>>>,
    attributed_to: Option<String>,
    event_json: Option<String>,
    document: Option<String>,
    error: Option<&'a str>,
    error_stage: Option<&'a str>,
}

impl<'a> Row<'a> {
    fn empty(input: usize) -> Row<'a> {
        Row {
            export: None,
            doc_only_id: None,
            event_id: None,
            content_hash: None,
            input,
            source_actors: None,
            target_actors: None,
            attributed_to: None,
            event_json: None,
            document: None,
            error: None,
            error_stage: None,
        }
    }
}

fn push(out: &mut Vec<u8>, row: &Row<'_>) -> Result<(), BindingError> {
    serde_json::to_writer(&mut *out, row)?;
    out.push(b'\n');
    Ok(())
}

/// The NDJSON rows of one input's outcome (see `Coder.code_rows`).
pub fn outcome_rows(
    input: usize,
    outcome: &Outcome,
    all_factuality: bool,
    documents: bool,
) -> Result<Vec<u8>, BindingError> {
    let mut out = Vec::new();
    let coded = match outcome {
        Ok(coded) => coded,
        Err(Failure {
            stage,
            message,
            doc_id,
        }) => {
            let mut row = Row::empty(input);
            row.doc_only_id = doc_id.as_deref();
            row.error = Some(message);
            row.error_stage = Some(stage);
            push(&mut out, &row)?;
            return Ok(out);
        }
    };
    let hash = effective_hash(&coded.analyzed.doc);
    let mut document = if documents {
        Some(portable_document(coded)?)
    } else {
        None
    };
    for (export, event) in event_rows(coded) {
        if !all_factuality && !dyad_coder::shown_by_default(event) {
            continue;
        }
        let row = Row {
            event_id: Some(&event.id),
            content_hash: Some(&hash),
            source_actors: Some(actors(&event.source)),
            target_actors: Some(actors(&event.target)),
            attributed_to: event.attributed_to.as_ref().map(|a| a.actor.code()),
            event_json: Some(serde_json::to_string(event)?),
            document: document.take(),
            export: Some(export),
            ..Row::empty(input)
        };
        push(&mut out, &row)?;
    }
    if let Some(document) = document {
        // No event: the document still travels, on a row of its own.
        let mut row = Row::empty(input);
        row.doc_only_id = Some(&coded.analyzed.doc.id);
        row.content_hash = Some(&hash);
        row.document = Some(document);
        push(&mut out, &row)?;
    }
    Ok(out)
}
