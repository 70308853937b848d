//! Adapter to the quantity extractor (`crate::quantities`): the quantities
//! written in an event's clause.

use dyad_core::{Quantity, Span};

/// Quantities inside `clause` of the sentence at `sentence` in `text`.
pub fn quantities_in(text: &str, sentence: Span, clause: Span) -> Vec<Quantity> {
    let sentence_text = sentence.slice(text);
    crate::quantities::find_quantities(sentence_text, sentence)
        .into_iter()
        .filter(|q| clause.contains(q.span) || clause.overlaps(q.span))
        .collect()
}
