//! The article-extraction benchmark metric: texts are split into `\w+` tokens
//! (Unicode word characters), turned into multisets of 4-token shingles (a text
//! shorter than 4 tokens is one shingle); per page, TP/FP/FN are the overlap and
//! the two excesses, normalised by their sum so long pages weigh no more than
//! short ones. Precision is the mean of TP/(TP+FP) over pages with TP+FP > 0,
//! recall the mean of TP/(TP+FN) over pages with TP+FN > 0, F1 the harmonic mean
//! of the two means. A page where both texts are empty scores precision and
//! recall 1.

use std::collections::HashMap;

/// Shingle width.
const N: usize = 4;

/// Per-page counts, normalised to sum to 1 (all zero when both texts are empty).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PageScore {
    /// Overlap share.
    pub tp: f64,
    /// Predicted-only share.
    pub fp: f64,
    /// Truth-only share.
    pub fn_: f64,
}

impl PageScore {
    /// Precision of this page, `None` when nothing was predicted (both-empty counts 1).
    pub fn precision(&self) -> Option<f64> {
        if self.both_empty() {
            return Some(1.0);
        }
        (self.tp + self.fp > 0.0).then(|| self.tp / (self.tp + self.fp))
    }

    /// Recall of this page, `None` when the truth is empty (both-empty counts 1).
    pub fn recall(&self) -> Option<f64> {
        if self.both_empty() {
            return Some(1.0);
        }
        (self.tp + self.fn_ > 0.0).then(|| self.tp / (self.tp + self.fn_))
    }

    /// F1 of this page (0 when either side is undefined or zero).
    pub fn f1(&self) -> f64 {
        match (self.precision(), self.recall()) {
            (Some(p), Some(r)) if p + r > 0.0 => 2.0 * p * r / (p + r),
            _ => 0.0,
        }
    }

    fn both_empty(&self) -> bool {
        self.tp == 0.0 && self.fp == 0.0 && self.fn_ == 0.0
    }
}

/// `\w+` tokens of a text.
pub fn tokens(text: &str) -> Vec<&str> {
    text.split(|c: char| !(c.is_alphanumeric() || c == '_'))
        .filter(|t| !t.is_empty())
        .collect()
}

fn shingles<'a>(toks: &[&'a str]) -> HashMap<Vec<&'a str>, usize> {
    let mut m = HashMap::new();
    if toks.is_empty() {
        return m;
    }
    if toks.len() < N {
        m.insert(toks.to_vec(), 1);
        return m;
    }
    for w in toks.windows(N) {
        *m.entry(w.to_vec()).or_insert(0) += 1;
    }
    m
}

/// Score one page.
pub fn score_page(truth: &str, predicted: &str) -> PageScore {
    let (tt, pt) = (tokens(truth), tokens(predicted));
    let (ts, ps) = (shingles(&tt), shingles(&pt));
    let (mut tp, mut fp, mut fn_) = (0usize, 0usize, 0usize);
    for (k, &p) in &ps {
        let t = ts.get(k).copied().unwrap_or(0);
        tp += p.min(t);
        fp += p.saturating_sub(t);
    }
    for (k, &t) in &ts {
        fn_ += t.saturating_sub(ps.get(k).copied().unwrap_or(0));
    }
    let sum = (tp + fp + fn_) as f64;
    if sum == 0.0 {
        return PageScore {
            tp: 0.0,
            fp: 0.0,
            fn_: 0.0,
        };
    }
    PageScore {
        tp: tp as f64 / sum,
        fp: fp as f64 / sum,
        fn_: fn_ as f64 / sum,
    }
}

/// Corpus-level precision, recall and F1.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Summary {
    /// Mean precision.
    pub precision: f64,
    /// Mean recall.
    pub recall: f64,
    /// Harmonic mean of the two.
    pub f1: f64,
}

/// Combine page scores.
pub fn summarise(pages: &[PageScore]) -> Summary {
    let mean = |v: Vec<f64>| {
        if v.is_empty() {
            0.0
        } else {
            v.iter().sum::<f64>() / v.len() as f64
        }
    };
    let precision = mean(pages.iter().filter_map(PageScore::precision).collect());
    let recall = mean(pages.iter().filter_map(PageScore::recall).collect());
    let f1 = if precision + recall > 0.0 {
        2.0 * precision * recall / (precision + recall)
    } else {
        0.0
    };
    Summary {
        precision,
        recall,
        f1,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identical_texts_score_one() {
        let s = score_page(
            "The cat sat on the mat today.",
            "The cat, sat on the mat today!",
        );
        assert_eq!((s.precision(), s.recall()), (Some(1.0), Some(1.0)));
    }

    #[test]
    fn extra_and_missing_text_split_precision_and_recall() {
        // truth: 6 tokens → 3 shingles; prediction adds 2 tokens → 5 shingles, 3 shared.
        let s = score_page("a b c d e f", "a b c d e f g h");
        assert_eq!(s.precision(), Some(3.0 / 5.0));
        assert_eq!(s.recall(), Some(1.0));
        assert!((s.tp + s.fp + s.fn_ - 1.0).abs() < 1e-12);
    }

    #[test]
    fn empty_prediction_has_no_precision_and_zero_recall() {
        let s = score_page("one two three four five", "");
        assert_eq!(s.precision(), None);
        assert_eq!(s.recall(), Some(0.0));
        let both = score_page("", "  ");
        assert_eq!((both.precision(), both.recall()), (Some(1.0), Some(1.0)));
    }

    #[test]
    fn short_texts_are_one_shingle_and_unicode_words_count() {
        assert_eq!(
            tokens("Привет, мир_1! 東京"),
            vec!["Привет", "мир_1", "東京"]
        );
        let s = score_page("Привет мир", "Привет мир");
        assert_eq!(s.recall(), Some(1.0));
    }

    #[test]
    fn summary_means_over_defined_pages() {
        let pages = [score_page("a b c d", "a b c d"), score_page("a b c d", "")];
        let s = summarise(&pages);
        assert_eq!(s.precision, 1.0);
        assert_eq!(s.recall, 0.5);
        assert!((s.f1 - 2.0 / 3.0).abs() < 1e-12);
    }
}
