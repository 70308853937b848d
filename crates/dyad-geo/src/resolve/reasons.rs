//! The reason strings of place mentions ("after 'in'; 3 candidates; other
//! places in SYR"), written for the winner only, by pieces (no `format!`:
//! this runs for every mention).

use crate::recognize::Cue;

use super::Scorer;

/// A reason string being written: each reason is appended after "; ".
pub(super) struct Reasons<'s> {
    out: &'s mut String,
    /// Some reason was appended.
    given: bool,
}

impl Reasons<'_> {
    pub(super) fn push(&mut self, pieces: &[&str]) {
        self.out.push_str("; ");
        for piece in pieces {
            self.out.push_str(piece);
        }
        self.given = true;
    }
}

/// The reason of the scorer's mention for `winner` (its candidate index).
#[inline]
pub(super) fn write_reason(scorer: &Scorer, winner: Option<usize>) -> String {
    let f = scorer.f;
    let n = f.candidates.len();
    let mut reason = String::with_capacity(128);
    match (f.cue, f.cue_word.as_deref()) {
        (Cue::None, _) => reason.push_str("prominent name"),
        (Cue::Dateline, _) => reason.push_str("dateline"),
        (Cue::Inherited, Some(w)) => push_quoted(&mut reason, "listed after '", w),
        (_, Some(w)) => push_quoted(&mut reason, "after '", w),
        (_, None) => reason.push_str("cued"),
    }
    reason.push_str("; ");
    push_decimal(&mut reason, n);
    reason.push_str(if n == 1 { " candidate" } else { " candidates" });
    let mut reasons = Reasons {
        out: &mut reason,
        given: false,
    };
    if let Some(i) = winner {
        scorer.explain(i, &mut reasons);
    }
    if !reasons.given && n > 1 {
        reason.push_str("; largest/most prominent");
    }
    reason
}

/// Appends `before`, `word` and a closing quote.
fn push_quoted(out: &mut String, before: &str, word: &str) {
    out.push_str(before);
    out.push_str(word);
    out.push('\'');
}

/// Appends `n` in decimal (what `format!("{n}")` writes).
fn push_decimal(out: &mut String, n: usize) {
    if n >= 10 {
        push_decimal(out, n / 10);
    }
    out.push(char::from(b'0' + (n % 10) as u8));
}
