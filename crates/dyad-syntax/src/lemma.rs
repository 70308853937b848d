//! Lemmas in the Universal Dependencies English convention: a table learned
//! from the treebank (form + Penn tag → lemma) over rules for unknown words
//! (dyad-text's verb inflection table and plural rules; names keep their
//! case).
//!
//! The table keeps only the entries the rules get wrong, so it stays small.

use dyad_core::Pos;
use rustc_hash::FxHashMap;

use crate::conllu::ConlluSentence;
use crate::model::{Reader, Writer};

/// The lemmatizer: exceptions learned from a treebank over rules.
#[derive(Debug, Clone, Default)]
pub struct Lemmatizer {
    /// (form, xpos) → lemma, exact spelling.
    exact: FxHashMap<(String, String), String>,
    /// (lower-case form, xpos) → lemma.
    lower: FxHashMap<(String, String), String>,
}

/// The rule lemma of `form` with Penn tag `xpos`, through dyad-text's
/// lemmatizer where it applies.
pub fn rule_lemma(text_tagger: &dyad_text::tag::Tagger, form: &str, xpos: &str) -> String {
    match xpos {
        "NNP" => return form.to_string(),
        "NNPS" => {
            return form
                .strip_suffix('s')
                .filter(|s| !s.is_empty())
                .unwrap_or(form)
                .to_string()
        }
        _ => {}
    }
    if !form.chars().any(char::is_alphabetic) {
        return form.to_string();
    }
    match Pos::from_str(xpos) {
        Some(pos) => text_tagger.lemma(form, pos),
        None => form.to_string(),
    }
}

/// Most frequent value per key (ties broken by the value, for determinism).
fn majority(
    counts: FxHashMap<(String, String), FxHashMap<String, u32>>,
) -> Vec<((String, String), String)> {
    let mut out: Vec<_> = counts
        .into_iter()
        .filter_map(|(k, v)| {
            let best = v
                .into_iter()
                .max_by(|a, b| a.1.cmp(&b.1).then_with(|| b.0.cmp(&a.0)))?;
            Some((k, best.0))
        })
        .collect();
    out.sort();
    out
}

impl Lemmatizer {
    /// Learns the exceptions from gold sentences.
    pub fn train(sentences: &[ConlluSentence], text_tagger: &dyad_text::tag::Tagger) -> Lemmatizer {
        let mut exact: FxHashMap<(String, String), FxHashMap<String, u32>> = FxHashMap::default();
        let mut lower: FxHashMap<(String, String), FxHashMap<String, u32>> = FxHashMap::default();
        for s in sentences {
            for t in &s.tokens {
                if t.lemma == "_" {
                    continue;
                }
                *exact
                    .entry((t.form.clone(), t.xpos.clone()))
                    .or_default()
                    .entry(t.lemma.clone())
                    .or_default() += 1;
                *lower
                    .entry((t.form.to_lowercase(), t.xpos.clone()))
                    .or_default()
                    .entry(t.lemma.clone())
                    .or_default() += 1;
            }
        }
        let mut lem = Lemmatizer::default();
        for ((form, xpos), lemma) in majority(lower) {
            if rule_lemma(text_tagger, &form, &xpos) != lemma {
                lem.lower.insert((form, xpos), lemma);
            }
        }
        for ((form, xpos), lemma) in majority(exact) {
            if lem.via_lower(text_tagger, &form, &xpos) != lemma {
                lem.exact.insert((form, xpos), lemma);
            }
        }
        lem
    }

    fn via_lower(&self, text_tagger: &dyad_text::tag::Tagger, form: &str, xpos: &str) -> String {
        let key = (form.to_lowercase(), xpos.to_string());
        match self.lower.get(&key) {
            Some(l) => l.clone(),
            None => rule_lemma(text_tagger, form, xpos),
        }
    }

    /// The lemma of `form` tagged `xpos`.
    pub fn lemma(&self, text_tagger: &dyad_text::tag::Tagger, form: &str, xpos: &str) -> String {
        // Avoid allocating the key for the common miss: look up by a
        // borrowed tuple is not possible with String pairs, so build once.
        let key = (form.to_string(), xpos.to_string());
        if let Some(l) = self.exact.get(&key) {
            return l.clone();
        }
        self.via_lower(text_tagger, form, xpos)
    }

    /// Number of exceptions (exact, lower-case).
    pub fn sizes(&self) -> (usize, usize) {
        (self.exact.len(), self.lower.len())
    }

    pub(crate) fn write(&self, w: &mut Writer) {
        for table in [&self.exact, &self.lower] {
            let mut rows: Vec<_> = table.iter().collect();
            rows.sort();
            w.u32(rows.len() as u32);
            for ((f, x), l) in rows {
                w.str(f);
                w.str(x);
                w.str(l);
            }
        }
    }

    pub(crate) fn read(r: &mut Reader) -> Result<Lemmatizer, String> {
        let mut lem = Lemmatizer::default();
        for k in 0..2 {
            let n = r.u32()? as usize;
            if n > r.remaining() {
                return Err("lemma table size out of range".into());
            }
            for _ in 0..n {
                let f = r.str()?;
                let x = r.str()?;
                let l = r.str()?;
                if k == 0 {
                    lem.exact.insert((f, x), l);
                } else {
                    lem.lower.insert((f, x), l);
                }
            }
        }
        Ok(lem)
    }
}
