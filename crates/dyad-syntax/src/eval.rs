//! Scoring predicted analyses against gold CoNLL-U (gold tokens): tag,
//! lemma and attachment accuracies and per-relation precision/recall/F1.
//! Every word counts, punctuation included, as in the CoNLL 2018 shared task.

use std::collections::BTreeMap;

use crate::conllu::{ConlluSentence, ConlluToken};
use crate::{Parse, Scratch, Syntax};

/// Counts for one relation (full label): gold arcs, predicted arcs and
/// predicted arcs with the right head and label.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize)]
pub struct RelCounts {
    /// Gold words with this relation.
    pub gold: usize,
    /// Predicted words with this relation.
    pub predicted: usize,
    /// Predicted with this relation and the gold head and relation.
    pub correct: usize,
}

impl RelCounts {
    /// Precision, recall, F1.
    pub fn prf(&self) -> (f64, f64, f64) {
        let p = ratio(self.correct, self.predicted);
        let r = ratio(self.correct, self.gold);
        let f = if p + r > 0.0 {
            2.0 * p * r / (p + r)
        } else {
            0.0
        };
        (p, r, f)
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

/// Counts of an evaluation.
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize)]
pub struct Scores {
    /// Sentences.
    pub sentences: usize,
    /// Words.
    pub words: usize,
    /// Words with the right UPOS.
    pub upos: usize,
    /// Right Penn tag.
    pub xpos: usize,
    /// Right lemma (this crate's lemmatizer, exact match).
    pub lemma: usize,
    /// Right lemma with dyad-text's lemmatizer on the same predicted tags.
    pub text_lemma: usize,
    /// Right head.
    pub uas: usize,
    /// Right head and full relation (`nsubj:pass` ≠ `nsubj`).
    pub las: usize,
    /// Right head and base relation (subtype stripped): CoNLL 2018 LAS.
    pub las_base: usize,
    /// Per full relation.
    pub relations: BTreeMap<String, RelCounts>,
}

impl Scores {
    /// Ratios: (UPOS, XPOS, lemma, text lemma, UAS, LAS, CoNLL18 LAS).
    pub fn ratios(&self) -> [f64; 7] {
        let n = self.words;
        [
            ratio(self.upos, n),
            ratio(self.xpos, n),
            ratio(self.lemma, n),
            ratio(self.text_lemma, n),
            ratio(self.uas, n),
            ratio(self.las, n),
            ratio(self.las_base, n),
        ]
    }
}

fn base(l: &str) -> &str {
    l.split(':').next().unwrap_or(l)
}

/// Analyses the gold sentences' words and scores them. Returns the scores
/// and the predicted sentences (gold comments and multiword tokens kept).
pub fn evaluate(
    syntax: &Syntax,
    gold: &[ConlluSentence],
    lemmas: bool,
) -> (Scores, Vec<ConlluSentence>) {
    let mut scores = Scores::default();
    let mut out = Vec::with_capacity(gold.len());
    let mut scratch = Scratch::default();
    let mut parse = Parse::default();
    for g in gold {
        let words = g.forms();
        syntax.parse_tokens_into(&words, &mut parse, &mut scratch);
        let mut pred = ConlluSentence {
            comments: g.comments.clone(),
            tokens: Vec::with_capacity(words.len()),
            multiword: g.multiword.clone(),
        };
        scores.sentences += 1;
        for (i, gt) in g.tokens.iter().enumerate() {
            let tag = parse.tags.get(i).copied().unwrap_or(0);
            let head = parse.heads.get(i).copied().unwrap_or(0);
            let label = syntax.deprel(parse.labels.get(i).copied().unwrap_or(0));
            let lemma = if lemmas {
                syntax.lemma(&gt.form, tag)
            } else {
                String::new()
            };
            scores.words += 1;
            scores.upos += (syntax.upos(tag) == gt.upos) as usize;
            scores.xpos += (syntax.xpos(tag) == gt.xpos) as usize;
            if lemmas {
                scores.lemma += (lemma == gt.lemma) as usize;
                scores.text_lemma += (syntax.text_lemma(&gt.form, tag) == gt.lemma) as usize;
            }
            let head_ok = head == gt.head;
            scores.uas += head_ok as usize;
            scores.las += (head_ok && label == gt.deprel) as usize;
            scores.las_base += (head_ok && base(label) == base(&gt.deprel)) as usize;
            scores.relations.entry(gt.deprel.clone()).or_default().gold += 1;
            let r = scores.relations.entry(label.to_string()).or_default();
            r.predicted += 1;
            r.correct += (head_ok && label == gt.deprel) as usize;
            pred.tokens.push(ConlluToken {
                form: gt.form.clone(),
                lemma,
                upos: syntax.upos(tag).to_string(),
                xpos: syntax.xpos(tag).to_string(),
                feats: "_".into(),
                head,
                deprel: label.to_string(),
                deps: "_".into(),
                misc: gt.misc.clone(),
            });
        }
        out.push(pred);
    }
    (scores, out)
}
