//! A set of text spans that answers "does any overlap this span?" by binary
//! search (per document: toponyms against actors, actors against toponyms).

use dyad_core::Span;

/// Spans sorted by start, with the running maximum of their ends.
pub(crate) struct SpanSet {
    spans: Vec<(usize, usize)>,
    max_ends: Vec<usize>,
}

impl SpanSet {
    pub(crate) fn new(spans: impl Iterator<Item = Span>) -> SpanSet {
        let mut spans: Vec<(usize, usize)> = spans.map(|s| (s.start, s.end)).collect();
        spans.sort_unstable();
        let mut max_end = 0;
        let max_ends = spans
            .iter()
            .map(|&(_, end)| {
                max_end = max_end.max(end);
                max_end
            })
            .collect();
        SpanSet { spans, max_ends }
    }

    /// True when some span of the set overlaps `span` (as [`Span::overlaps`]).
    pub(crate) fn overlaps(&self, span: Span) -> bool {
        let before = self.spans.partition_point(|&(start, _)| start < span.end);
        before > 0
            && self
                .max_ends
                .get(before - 1)
                .is_some_and(|&end| end > span.start)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn overlap_matches_span_overlaps() {
        let set = SpanSet::new([Span::new(10, 20), Span::new(2, 4), Span::new(30, 31)].into_iter());
        for (start, end) in [
            (0, 2),
            (0, 3),
            (4, 10),
            (19, 25),
            (20, 30),
            (21, 29),
            (30, 40),
            (5, 6),
        ] {
            let span = Span::new(start, end);
            let expected = [(10, 20), (2, 4), (30, 31)]
                .iter()
                .any(|&(s, e)| Span::new(s, e).overlaps(span));
            assert_eq!(set.overlaps(span), expected, "{start}..{end}");
        }
        assert!(!SpanSet::new(std::iter::empty()).overlaps(Span::new(0, 5)));
    }
}
