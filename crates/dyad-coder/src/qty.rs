//! Adapter to the quantity extractor (`crate::quantities`): the quantities
//! written in an event's clause.

use dyad_core::{Quantity, Span};

/// Quantities of the sentence at `sentence` in `text`, from its tokens and
/// date expressions (document spans) already found.
pub(crate) fn sentence_quantities_in(
    text: &str,
    sentence: Span,
    tokens: &[crate::dates::scan::Tok<'_>],
    dates: &[crate::dates::DateExpression],
) -> Vec<Quantity> {
    // the finder wants date spans relative to the sentence
    let relative: Vec<Span> = dates
        .iter()
        .map(|e| {
            Span::new(
                e.span.start.saturating_sub(sentence.start),
                e.span.end.saturating_sub(sentence.start),
            )
        })
        .collect();
    crate::quantities::find_quantities_in(sentence.slice(text), tokens, &relative, sentence)
}

/// Those of `all` inside (or overlapping) `clause`.
pub fn in_clause(all: &[Quantity], clause: Span) -> Vec<Quantity> {
    all.iter()
        .filter(|q| clause.overlaps(q.span))
        .cloned()
        .collect()
}
