//! Adapter to the quantity extractor (`crate::quantities`): the quantities
//! written in an event's clause.

use dyad_core::{Quantity, Span};

/// Quantities of the sentence at `sentence` in `text`.
pub fn sentence_quantities(text: &str, sentence: Span) -> Vec<Quantity> {
    crate::quantities::find_quantities(sentence.slice(text), sentence)
}

/// Those of `all` inside (or overlapping) `clause`.
pub fn in_clause(all: &[Quantity], clause: Span) -> Vec<Quantity> {
    all.iter()
        .filter(|q| clause.overlaps(q.span))
        .cloned()
        .collect()
}
