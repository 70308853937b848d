//! Choosing the date expression that belongs to an event trigger.
//!
//! Rule (documented in `docs/dates-quantities.md`):
//! 1. Resolved candidates win over unknown-relative ones.
//! 2. The closest candidate to the trigger wins, by byte gap (0 when they
//!    overlap). A candidate *before* the trigger counts its gap 1.5 times:
//!    adjuncts after the verb ("attacked ... on Monday") are more often the
//!    verb's own than fronted ones.
//! 3. With the sentence text ([`pick_for_trigger_in_text`]), each clause
//!    boundary between candidate and trigger (";", " but ", " while ",
//!    ", and ", " after ", ...) adds 200, and a candidate governed by a
//!    reporting verb ("said on Wednesday") that is not the trigger adds 150,
//!    so "X said on Wednesday that Y attacked Z in March" dates the attack
//!    in March.
//! 4. Ties go to the candidate after the trigger, then to the earlier one.

use dyad_core::{DatePrecision, EventDate, Span};

/// Gap beyond which the text between candidate and trigger is not read
/// (keeps the cost bounded on huge sentences; such candidates are far
/// anyway).
const MAX_GAP_SCAN: usize = 600;
const BOUNDARY_PENALTY: usize = 200;
const REPORTING_PENALTY: usize = 150;

/// Picks the date expression closest to `trigger` (see the module rule).
pub fn pick_for_trigger(candidates: &[(Span, EventDate)], trigger: Span) -> Option<&EventDate> {
    best(candidates, |span| base_score(*span, trigger))
}

/// Like [`pick_for_trigger`], also penalising candidates in another clause
/// or governed by a reporting verb. `text` is the sentence, `base` its span
/// in the document; spans are document spans.
pub fn pick_for_trigger_in_text<'c>(
    text: &str,
    base: Span,
    candidates: &'c [(Span, EventDate)],
    trigger: Span,
) -> Option<&'c EventDate> {
    best(candidates, |span| {
        let (score, after) = base_score(*span, trigger);
        let gap = if after {
            Span::new(trigger.end, span.start)
        } else {
            Span::new(span.end, trigger.start)
        };
        let penalty =
            boundary_penalty(text, base, gap) + reporting_penalty(text, base, *span, trigger);
        (score.saturating_add(penalty), after)
    })
}

/// (score, candidate is after the trigger).
fn base_score(span: Span, trigger: Span) -> (usize, bool) {
    if span.overlaps(trigger) {
        return (0, true);
    }
    if span.start >= trigger.end {
        (span.start - trigger.end, true)
    } else {
        let gap = trigger.start.saturating_sub(span.end);
        (gap.saturating_add(gap / 2), false)
    }
}

fn best<F>(candidates: &[(Span, EventDate)], score: F) -> Option<&EventDate>
where
    F: Fn(&Span) -> (usize, bool),
{
    let any_resolved = candidates
        .iter()
        .any(|(_, d)| d.precision != DatePrecision::UnknownRelative);
    candidates
        .iter()
        .filter(|(_, d)| !any_resolved || d.precision != DatePrecision::UnknownRelative)
        .min_by_key(|(span, _)| {
            let (s, after) = score(span);
            (s, !after, span.start)
        })
        .map(|(_, d)| d)
}

/// Text of a document span inside the sentence, or "" when out of range.
fn slice(text: &str, base: Span, span: Span) -> &str {
    let (Some(s), Some(e)) = (
        span.start.checked_sub(base.start),
        span.end.checked_sub(base.start),
    ) else {
        return "";
    };
    text.get(s..e).unwrap_or("")
}

fn boundary_penalty(text: &str, base: Span, gap: Span) -> usize {
    if gap.len() > MAX_GAP_SCAN {
        return BOUNDARY_PENALTY;
    }
    let between = slice(text, base, gap);
    let count = if between.is_ascii() {
        count_markers(between.as_bytes(), true)
    } else {
        count_markers(between.to_lowercase().as_bytes(), false)
    };
    count.saturating_mul(BOUNDARY_PENALTY)
}

/// Clause-boundary markers (lower case).
const MARKERS: [&str; 14] = [
    ";",
    " but ",
    " while ",
    " whereas ",
    " although ",
    " though ",
    ", and ",
    " and then ",
    " after ",
    " before ",
    " when ",
    " since ",
    " — ",
    " – ",
];

/// Number of occurrences of the markers in `text`, each marker counted
/// without overlaps from left to right (as `str::matches` counts), in one
/// pass. `fold_ascii` compares ASCII letters case-insensitively (for ASCII
/// text, the same as lower-casing it first).
fn count_markers(text: &[u8], fold_ascii: bool) -> usize {
    // where each marker may next start (its previous match ends there)
    let mut next = [0usize; MARKERS.len()];
    let mut count = 0;
    for i in 0..text.len() {
        let Some(&b) = text.get(i) else { break };
        if !matches!(b, b';' | b' ' | b',') {
            continue;
        }
        let rest = text.get(i..).unwrap_or(&[]);
        // the byte after the first tells most markers apart: test it first
        let second = rest.get(1).map(|c| {
            if fold_ascii {
                c.to_ascii_lowercase()
            } else {
                *c
            }
        });
        for (m, marker) in MARKERS.iter().enumerate() {
            let marker = marker.as_bytes();
            if marker.first() != Some(&b) || (marker.len() > 1 && marker.get(1) != second.as_ref())
            {
                continue;
            }
            let Some(head) = rest.get(..marker.len()) else {
                continue;
            };
            let Some(slot) = next.get_mut(m) else {
                continue;
            };
            let hit = if fold_ascii {
                head.eq_ignore_ascii_case(marker)
            } else {
                head == marker
            };
            if i >= *slot && hit {
                count += 1;
                *slot = i + marker.len();
            }
        }
    }
    count
}

/// Penalty when up to three words before the candidate include a
/// reporting verb that is not the trigger itself.
fn reporting_penalty(text: &str, base: Span, span: Span, trigger: Span) -> usize {
    let Some(head) = span
        .start
        .checked_sub(base.start)
        .and_then(|rel| text.get(..rel))
    else {
        return 0;
    };
    let mut cut = head.len().saturating_sub(40);
    while !head.is_char_boundary(cut) {
        cut -= 1;
    }
    let segment = head.get(cut..).unwrap_or("");
    const REPORTING: [&str; 16] = [
        "said",
        "says",
        "told",
        "announced",
        "stated",
        "reported",
        "added",
        "confirmed",
        "claimed",
        "insisted",
        "noted",
        "wrote",
        "tweeted",
        "posted",
        "warned",
        "declared",
    ];
    let mut offset = segment.len();
    for word in segment.split_whitespace().rev().take(3) {
        let pos = segment
            .get(..offset)
            .and_then(|s| s.rfind(word))
            .unwrap_or(0);
        offset = pos;
        let clean = word
            .trim_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase();
        if REPORTING.contains(&clean.as_str()) {
            let abs = base.start.saturating_add(cut + pos);
            let word_span = Span::new(abs, abs.saturating_add(word.len()));
            return if word_span.overlaps(trigger) {
                0
            } else {
                REPORTING_PENALTY
            };
        }
    }
    0
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The reference: lower-case, then count each marker with `str::matches`.
    fn reference(text: &str) -> usize {
        let lower = text.to_lowercase();
        MARKERS.iter().map(|m| lower.matches(m).count()).sum()
    }

    #[test]
    fn one_pass_marker_count_agrees_with_str_matches() {
        for text in [
            "",
            ";",
            " but but but ",
            "They met; and then, After the talks , and then left",
            " While  WHILE while ",
            "the envoy left — and then – returned; Since then",
            "Ünder Sïege, and ÉTÉ ; but now",
            ", and , and, and ",
        ] {
            let fast = if text.is_ascii() {
                count_markers(text.as_bytes(), true)
            } else {
                count_markers(text.to_lowercase().as_bytes(), false)
            };
            assert_eq!(fast, reference(text), "{text:?}");
        }
    }
}
