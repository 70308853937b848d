//! The text pipeline: segment → tokenize → tag → lemmatize.

use dyad_core::{AnalyzedDocument, Document, Pos, Sentence, Span, Token};

use crate::segment::split_sentences;
use crate::tag::{DataError, TagScratch, Tagger};
use crate::tokenize::{tokenize, RawToken};

/// Longest sentence kept whole, in tokens. A longer "sentence" is a table, a
/// list or text without punctuation; cutting it into runs of at most this
/// many tokens bounds the per-sentence work of later stages (which compare
/// tokens, mentions and triggers pairwise), so no input makes them quadratic.
pub const MAX_SENTENCE_TOKENS: usize = 400;

/// Turns cleaned [`Document`]s into [`AnalyzedDocument`]s.
///
/// Built once (loading the tagger data takes a few tens of milliseconds),
/// immutable, `Send + Sync`: share one by reference across rayon threads.
#[derive(Debug, Clone)]
pub struct TextPipeline {
    tagger: Tagger,
}

impl Default for TextPipeline {
    fn default() -> Self {
        Self::new()
    }
}

impl TextPipeline {
    /// The pipeline with the built-in tagger data. Lines of that data that
    /// fail validation are skipped (a unit test guarantees there are none).
    pub fn new() -> TextPipeline {
        let (tagger, _errors) = Tagger::builtin();
        TextPipeline { tagger }
    }

    /// Like [`TextPipeline::new`] but fails when the data has problems.
    pub fn try_new() -> Result<TextPipeline, Vec<DataError>> {
        let (tagger, errors) = Tagger::builtin();
        if errors.is_empty() {
            Ok(TextPipeline { tagger })
        } else {
            Err(errors)
        }
    }

    /// The tagger, for callers that tag text of their own.
    pub fn tagger(&self) -> &Tagger {
        &self.tagger
    }

    /// Segments every zone into sentences and tags their tokens. Sentences
    /// never cross zone boundaries.
    pub fn analyze(&self, doc: Document) -> AnalyzedDocument {
        let mut sentences = Vec::new();
        let mut spans: Vec<Span> = Vec::new();
        let mut raw: Vec<RawToken> = Vec::new();
        let mut tags: Vec<Pos> = Vec::new();
        let mut words: Vec<&str> = Vec::new();
        let mut scratch = TagScratch::default();
        for zone in &doc.zones {
            spans.clear();
            split_sentences(&doc.text, zone.span, &mut spans);
            cap_sentence_length(&doc.text, &mut spans, &mut raw);
            for span in &spans {
                raw.clear();
                tokenize(&doc.text, *span, &mut raw);
                if raw.is_empty() {
                    continue;
                }
                words.clear();
                words.extend(
                    raw.iter()
                        .map(|t| doc.text.get(t.span.start..t.span.end).unwrap_or("")),
                );
                self.tagger
                    .tag_with(&doc.text, &words, &raw, &mut tags, &mut scratch);
                let tokens = raw
                    .iter()
                    .zip(&words)
                    .zip(&tags)
                    .map(|((t, w), pos)| Token {
                        span: t.span,
                        pos: *pos,
                        lemma: self.tagger.lemma(w, *pos),
                    })
                    .collect();
                sentences.push(Sentence {
                    index: sentences.len(),
                    span: *span,
                    zone: zone.kind,
                    tokens,
                    syntax: None,
                });
            }
        }
        AnalyzedDocument { doc, sentences }
    }
}

/// Cuts every span of more than [`MAX_SENTENCE_TOKENS`] tokens into runs of
/// at most that many tokens (a span that short in bytes cannot be longer).
fn cap_sentence_length(text: &str, spans: &mut Vec<Span>, raw: &mut Vec<RawToken>) {
    if spans.iter().all(|s| s.len() <= MAX_SENTENCE_TOKENS) {
        return;
    }
    let mut capped = Vec::with_capacity(spans.len());
    for span in spans.iter() {
        raw.clear();
        if span.len() > MAX_SENTENCE_TOKENS {
            tokenize(text, *span, raw);
        }
        if raw.len() <= MAX_SENTENCE_TOKENS {
            capped.push(*span);
            continue;
        }
        for run in raw.chunks(MAX_SENTENCE_TOKENS) {
            if let (Some(first), Some(last)) = (run.first(), run.last()) {
                capped.push(Span::new(first.span.start, last.span.end));
            }
        }
    }
    *spans = capped;
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tagged(text: &str) -> Vec<(String, String, String)> {
        let pipeline = TextPipeline::new();
        let doc = crate::document_from_text("t", text, None);
        let analyzed = pipeline.analyze(doc);
        analyzed
            .sentences
            .iter()
            .flat_map(|s| s.tokens.iter())
            .map(|t| {
                (
                    t.text(&analyzed.doc.text).to_string(),
                    t.pos.to_string(),
                    t.lemma.clone(),
                )
            })
            .collect()
    }

    #[test]
    fn tags_a_news_sentence() {
        let got = tagged("The minister’s troops shelled two villages on Tuesday, officials said.");
        let pos: Vec<&str> = got.iter().map(|(_, p, _)| p.as_str()).collect();
        assert_eq!(
            pos,
            ["DT", "NN", "POS", "NNS", "VBD", "CD", "NNS", "IN", "NNP", ",", "NNS", "VBD", "."]
        );
        assert_eq!(got.get(4).map(|t| t.2.as_str()), Some("shell"));
        assert_eq!(got.get(6).map(|t| t.2.as_str()), Some("village"));
    }

    fn tag_of(text: &str, word: &str) -> String {
        tagged(text)
            .into_iter()
            .find(|(w, _, _)| w == word)
            .map(|(_, pos, _)| pos)
            .unwrap_or_default()
    }

    #[test]
    fn base_verbs_after_infinitival_to_and_modals() {
        let verbs = [
            ("The ministers vowed to rebuff the proposal.", "rebuff"),
            ("Russia pledged to jointly rebuff the sanctions.", "rebuff"),
            (
                "The president promised to bring peace and jointly rebuff what he called meddling.",
                "rebuff",
            ),
            ("The allies vowed to back the plan.", "back"),
            ("The US will back the deal.", "back"),
            ("The group plans to target the capital.", "target"),
        ];
        for (text, word) in verbs {
            assert_eq!(tag_of(text, word), "VB", "{word} in {text}");
        }
        assert_eq!(
            tag_of("Russia pledged to jointly rebuff the sanctions.", "jointly"),
            "RB"
        );
        assert_eq!(tag_of("The allies vowed to back the plan.", "to"), "TO");
        // Adverbs before a verb, and nouns coordinated after an infinitive's
        // object, stay as they are.
        assert_eq!(tag_of("The talks will still resume.", "still"), "RB");
        assert_eq!(
            tag_of("They agreed to ban napalm and cluster bombs.", "cluster"),
            "NN"
        );
    }

    #[test]
    fn pipeline_is_send_and_sync() {
        fn check<T: Send + Sync>() {}
        check::<TextPipeline>();
    }
}
