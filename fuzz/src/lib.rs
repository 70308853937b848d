//! Shared invariant checks for dyad's fuzz targets (see `docs/robustness.md`).
//!
//! A fuzz target feeds arbitrary bytes to one stage and then calls one of
//! these checks: any panic — in the stage or in a check — is a finding.
//! Not here: generating inputs (libFuzzer does that) or the fast property
//! tests that run under `cargo test` (those live beside each crate).

use dyad_core::{AnalyzedDocument, CodedDocument, Span};

/// Panics unless `span` lies inside `text` on char boundaries.
pub fn assert_within(text: &str, what: &str, span: Span) {
    assert!(
        span.start <= span.end
            && span.end <= text.len()
            && text.is_char_boundary(span.start)
            && text.is_char_boundary(span.end),
        "{what} span {span:?} outside the text or off a char boundary (len {})",
        text.len()
    );
}

/// Zones, sentences and tokens are inside the text; tokens inside their
/// sentence; sentences inside a zone of their kind.
pub fn check_analyzed(a: &AnalyzedDocument) {
    let text = &a.doc.text;
    for z in &a.doc.zones {
        assert_within(text, "zone", z.span);
    }
    for s in &a.sentences {
        assert_within(text, "sentence", s.span);
        assert!(
            a.doc
                .zones
                .iter()
                .any(|z| z.kind == s.zone && z.span.contains(s.span)),
            "sentence {:?} outside any {:?} zone",
            s.span,
            s.zone
        );
        for t in &s.tokens {
            assert_within(text, "token", t.span);
            assert!(
                s.span.contains(t.span),
                "token {:?} outside its sentence",
                t.span
            );
        }
    }
}

/// Everything [`check_analyzed`] checks, plus actor mentions, places and
/// events: spans inside the text, sentence indices in range, a non-empty
/// rule, and the trigger inside its sentence.
pub fn check_coded(c: &CodedDocument) {
    check_analyzed(&c.analyzed);
    let text = &c.analyzed.doc.text;
    let sentences = c.analyzed.sentences.len();
    for m in &c.actors {
        assert_within(text, "actor mention", m.span);
        assert!(
            m.sentence < sentences,
            "actor mention in sentence {}",
            m.sentence
        );
        assert!(
            m.antecedent.is_none_or(|a| a < c.actors.len()),
            "bad antecedent"
        );
    }
    for p in &c.places {
        assert_within(text, "place mention", p.span);
        assert!(
            p.sentence < sentences,
            "place mention in sentence {}",
            p.sentence
        );
    }
    for e in &c.events {
        let prov = &e.provenance;
        assert!(!prov.rule.is_empty(), "event without rule");
        assert_within(text, "event sentence", prov.sentence_span);
        assert_within(text, "event trigger", prov.trigger);
        assert!(
            prov.sentence_span.contains(prov.trigger),
            "trigger {:?} outside sentence {:?}",
            prov.trigger,
            prov.sentence_span
        );
        assert!(
            prov.sentence < sentences,
            "event in sentence {}",
            prov.sentence
        );
        for a in e.source.iter().chain(&e.target).chain(&e.attributed_to) {
            assert_within(text, "event actor", a.span);
        }
        for q in &e.quantities {
            assert_within(text, "quantity", q.span);
        }
        if let Some(span) = e.place.as_ref().and_then(|p| p.span) {
            assert_within(text, "event place", span);
        }
    }
}
