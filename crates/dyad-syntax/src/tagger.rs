//! The part-of-speech tagger: a greedy left-to-right averaged perceptron
//! over joint (Penn tag, Universal tag) classes, with the classic rich
//! feature set (word, affixes, shape, the two previous predicted tags and
//! the words around).

use crate::feat::{f1, f2, f3, WordInfo, NONE};
use crate::perceptron::{TrainWeights, Weights};
use crate::rng::Rng;

/// A joint tag: the Penn Treebank tag and the Universal POS tag.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct TagClass {
    /// Penn Treebank tag (`NNP`, `VBD`, `-LRB-`, `HYPH`, ...).
    pub xpos: String,
    /// Universal POS tag (`PROPN`, `VERB`, ...).
    pub upos: String,
}

/// The trained tagger.
#[derive(Debug, Clone, Default)]
pub struct TaggerModel {
    /// The classes, by id.
    pub classes: Vec<TagClass>,
    pub(crate) weights: Weights,
    /// Forms tagged without scoring (empty while training).
    pub(crate) dict: crate::tagdict::TagDict,
}

/// Value of "no tag" (before the sentence start).
const START: u64 = 0x5354_4152;

/// The features of word `i` given the two previous predicted classes (for
/// training; tagging scores the same set split in two, [`static_features`]
/// and [`tag_features`]).
pub(crate) fn features(words: &[WordInfo], i: usize, p1: u64, p2: u64, out: &mut Vec<u64>) {
    out.clear();
    let Some(w) = words.get(i) else { return };
    let at = |j: isize| -> Option<&WordInfo> {
        if j < 0 {
            None
        } else {
            words.get(j as usize)
        }
    };
    let i = i as isize;
    let lw = |j: isize| at(j).map_or(NONE, |x| x.lower);
    let (wm1, wm2, wp1, wp2) = (lw(i - 1), lw(i - 2), lw(i + 1), lw(i + 2));
    out.push(f1(0, 1));
    out.push(f1(1, w.lower));
    out.push(f1(2, w.form));
    for (k, s) in w.suffix.iter().enumerate() {
        out.push(f1(3 + k as u32, *s));
    }
    for (k, p) in w.prefix.iter().enumerate() {
        out.push(f1(7 + k as u32, *p));
    }
    out.push(f1(10, w.shape));
    out.push(f2(11, w.flags, (i == 0) as u64));
    out.push(f1(12, p1));
    out.push(f2(13, p2, p1));
    out.push(f2(14, p1, w.lower));
    out.push(f1(15, wm1));
    out.push(f1(16, wm2));
    out.push(f1(17, wp1));
    out.push(f1(18, wp2));
    out.push(f1(19, at(i - 1).map_or(NONE, |x| x.suffix[2])));
    out.push(f1(20, at(i + 1).map_or(NONE, |x| x.suffix[2])));
    out.push(f1(21, at(i + 1).map_or(NONE, |x| x.shape)));
    out.push(f1(22, at(i - 1).map_or(NONE, |x| x.shape)));
    out.push(f2(23, wm1, w.lower));
    out.push(f2(24, w.lower, wp1));
    out.push(f2(25, p1, wp1));
    out.push(f2(26, p1, w.suffix[2]));
    out.push(f2(27, wm1, wp1));
    out.push(f3(28, p1, w.shape, w.flags));
    out.push(f2(29, w.suffix[1], wp1));
    out.push(f2(30, wm2, wm1));
    out.push(f2(31, wp1, wp2));
    out.push(f1(32, at(i + 1).map_or(NONE, |x| x.suffix[1])));
    out.push(f2(33, at(i + 1).map_or(NONE, |x| x.flags), w.flags));
    out.push(f1(34, w.lex));
    out.push(f2(35, w.lex, w.suffix[2]));
    out.push(f2(36, w.lex, w.flags));
    out.push(f2(37, w.lex, p1));
    out.push(f1(38, at(i + 1).map_or(NONE, |x| x.lex)));
    out.push(f1(39, at(i - 1).map_or(NONE, |x| x.lex)));
    out.push(f2(40, w.lex, at(i + 1).map_or(NONE, |x| x.lex)));
}

/// The features of word `i` that do not depend on the previous tags
/// (appended to `out`).
pub(crate) fn static_features(words: &[WordInfo], i: usize, out: &mut Vec<u64>) {
    let Some(w) = words.get(i) else { return };
    let at = |j: isize| -> Option<&WordInfo> {
        if j < 0 {
            None
        } else {
            words.get(j as usize)
        }
    };
    let i = i as isize;
    let lw = |j: isize| at(j).map_or(NONE, |x| x.lower);
    let (wm1, wm2, wp1, wp2) = (lw(i - 1), lw(i - 2), lw(i + 1), lw(i + 2));
    out.push(f1(0, 1));
    out.push(f1(1, w.lower));
    out.push(f1(2, w.form));
    for (k, s) in w.suffix.iter().enumerate() {
        out.push(f1(3 + k as u32, *s));
    }
    for (k, p) in w.prefix.iter().enumerate() {
        out.push(f1(7 + k as u32, *p));
    }
    out.push(f1(10, w.shape));
    out.push(f2(11, w.flags, (i == 0) as u64));
    out.push(f1(15, wm1));
    out.push(f1(16, wm2));
    out.push(f1(17, wp1));
    out.push(f1(18, wp2));
    out.push(f1(19, at(i - 1).map_or(NONE, |x| x.suffix[2])));
    out.push(f1(20, at(i + 1).map_or(NONE, |x| x.suffix[2])));
    out.push(f1(21, at(i + 1).map_or(NONE, |x| x.shape)));
    out.push(f1(22, at(i - 1).map_or(NONE, |x| x.shape)));
    out.push(f2(23, wm1, w.lower));
    out.push(f2(24, w.lower, wp1));
    out.push(f2(27, wm1, wp1));
    out.push(f2(29, w.suffix[1], wp1));
    out.push(f2(30, wm2, wm1));
    out.push(f2(31, wp1, wp2));
    out.push(f1(32, at(i + 1).map_or(NONE, |x| x.suffix[1])));
    out.push(f2(33, at(i + 1).map_or(NONE, |x| x.flags), w.flags));
    out.push(f1(34, w.lex));
    out.push(f2(35, w.lex, w.suffix[2]));
    out.push(f2(36, w.lex, w.flags));
    out.push(f1(38, at(i + 1).map_or(NONE, |x| x.lex)));
    out.push(f1(39, at(i - 1).map_or(NONE, |x| x.lex)));
    out.push(f2(40, w.lex, at(i + 1).map_or(NONE, |x| x.lex)));
}

/// Number of [`static_features`] of a word.
pub(crate) const N_STATIC: usize = 34;

/// The features of word `i` that depend on the two previous predicted
/// classes (appended to `out`).
pub(crate) fn tag_features(words: &[WordInfo], i: usize, p1: u64, p2: u64, out: &mut Vec<u64>) {
    let Some(w) = words.get(i) else { return };
    let wp1 = words.get(i + 1).map_or(NONE, |x| x.lower);
    out.push(f1(12, p1));
    out.push(f2(13, p2, p1));
    out.push(f2(14, p1, w.lower));
    out.push(f2(25, p1, wp1));
    out.push(f2(26, p1, w.suffix[2]));
    out.push(f3(28, p1, w.shape, w.flags));
    out.push(f2(37, w.lex, p1));
}

/// A tag class id as a feature value.
#[inline]
pub(crate) fn tag_value(class: u8) -> u64 {
    class as u64 + 1
}

impl TaggerModel {
    /// Tags a sentence's words (their [`WordInfo`]s) into class ids.
    pub fn tag(&self, words: &[WordInfo], out: &mut Vec<u8>, feats: &mut Vec<u64>) {
        self.tag_forcing(words, &[], out, feats);
    }

    /// Like [`TaggerModel::tag`], with the words in `force` given their
    /// classes (the words after each are tagged knowing it).
    pub fn tag_forcing(
        &self,
        words: &[WordInfo],
        force: &[(usize, u8)],
        out: &mut Vec<u8>,
        feats: &mut Vec<u64>,
    ) {
        out.clear();
        let n = self.weights.n_classes();
        let nc = n.max(1);
        // Words with an imposed class (forced, else the tag dictionary's)
        // are not scored. The features of the others that do not depend on
        // the previous tags are scored for the whole sentence at once
        // (their look-ups overlap); each such word then adds the scores of
        // its few features of the previous tags. Sums of integers: the
        // same scores as scoring all together.
        let mut known: Vec<Option<u8>> = Vec::with_capacity(words.len());
        feats.clear();
        let mut rows = 0usize;
        for (i, w) in words.iter().enumerate() {
            let class = match force.iter().find(|(k, _)| *k == i) {
                Some(&(_, class)) => Some(class),
                None => self.dict.class_of_hash(w.form),
            };
            known.push(class);
            if class.is_none() {
                static_features(words, i, feats);
                rows += 1;
            }
        }
        let mut fixed = vec![0i32; rows * nc];
        self.weights.score_tagger_rows(feats, N_STATIC, &mut fixed);
        let mut scores = vec![0i32; nc];
        let mut dynamic = vec![0i32; nc];
        let (mut p1, mut p2) = (START, START);
        let mut row = 0usize;
        for (i, class) in known.iter().enumerate() {
            let best = match class {
                Some(c) => *c,
                None => {
                    feats.clear();
                    tag_features(words, i, p1, p2, feats);
                    self.weights.score_tagger(feats, &mut dynamic);
                    let fixed_row = fixed.get(row * nc..(row + 1) * nc).unwrap_or(&[]);
                    row += 1;
                    for ((s, &a), &b) in scores.iter_mut().zip(fixed_row).zip(&dynamic) {
                        *s = a + b;
                    }
                    argmax(&scores) as u8
                }
            };
            out.push(best);
            p2 = p1;
            p1 = tag_value(best);
        }
    }

    /// Number of features and weights.
    pub fn sizes(&self) -> (usize, usize) {
        self.weights.sizes()
    }
}

/// Index of the largest score (the first on ties).
#[inline]
pub(crate) fn argmax(scores: &[i32]) -> usize {
    let mut best = 0;
    let mut best_score = i32::MIN;
    for (i, &s) in scores.iter().enumerate() {
        if s > best_score {
            best = i;
            best_score = s;
        }
    }
    best
}

/// A training sentence for the tagger: word infos and gold class ids.
pub(crate) struct TagExample {
    pub words: Vec<WordInfo>,
    pub gold: Vec<u8>,
}

/// Trains the tagger for `epochs` passes over `examples` in an order
/// shuffled by `seed`. `report` is called after each epoch with the epoch
/// number and the training accuracy of that pass.
pub(crate) fn train(
    examples: &[TagExample],
    classes: Vec<TagClass>,
    epochs: usize,
    seed: u64,
    prune: i32,
    report: &mut dyn FnMut(usize, f64, &TaggerModel),
) -> TaggerModel {
    let n = classes.len();
    let mut tw = TrainWeights::new(n);
    let mut rng = Rng::new(seed);
    let mut order: Vec<usize> = (0..examples.len()).collect();
    let mut feats = Vec::new();
    let mut scores = vec![0i64; n];
    let mut last = None;
    for epoch in 0..epochs {
        rng.shuffle(&mut order);
        let (mut right, mut total) = (0usize, 0usize);
        for &k in &order {
            let ex = &examples[k];
            let (mut p1, mut p2) = (START, START);
            for i in 0..ex.words.len() {
                features(&ex.words, i, p1, p2, &mut feats);
                tw.score(&feats, &mut scores);
                let mut best = 0;
                for c in 1..n {
                    if scores[c] > scores[best] {
                        best = c;
                    }
                }
                let gold = ex.gold[i] as usize;
                if best != gold {
                    tw.update(&feats, gold, 1);
                    tw.update(&feats, best, -1);
                } else {
                    right += 1;
                }
                total += 1;
                tw.tick();
                // Condition on the prediction, as at test time.
                p2 = p1;
                p1 = tag_value(best as u8);
            }
        }
        let model = TaggerModel {
            classes: classes.clone(),
            weights: tw.finish(prune),
            dict: Default::default(),
        };
        report(epoch + 1, right as f64 / total.max(1) as f64, &model);
        last = Some(model);
    }
    last.unwrap_or(TaggerModel {
        classes,
        weights: tw.finish(prune),
        dict: Default::default(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn static_and_tag_features_make_the_whole_set() {
        let (lexicon, _) = dyad_text::tag::Tagger::builtin();
        let mut buf = String::new();
        let words: Vec<WordInfo> = ["Rebels", "shelled", "the", "town", "on", "Monday", "."]
            .iter()
            .map(|w| crate::feat::word_info(w, &mut buf, &lexicon))
            .collect();
        for i in 0..words.len() {
            let mut all = Vec::new();
            features(&words, i, 5, 9, &mut all);
            let mut fixed = Vec::new();
            static_features(&words, i, &mut fixed);
            assert_eq!(fixed.len(), N_STATIC);
            let mut rest = Vec::new();
            tag_features(&words, i, 5, 9, &mut rest);
            assert_eq!(all.len(), 41);
            let mut parts = [fixed, rest].concat();
            all.sort_unstable();
            parts.sort_unstable();
            assert_eq!(all, parts);
        }
    }
}
