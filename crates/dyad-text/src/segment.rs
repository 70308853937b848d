//! Sentence segmentation that survives news abbreviations and numbers.
//!
//! A sentence ends at `.`, `?`, `!` or `…` (plus any closing quotes and
//! brackets) followed by white space and something that can start a
//! sentence. A period does not end a sentence after a title ("Gen.", "Lt.",
//! "Mr."), a month ("Sept."), an initial ("V."), or dotted initials ("U.S.",
//! "a.m.") unless the next word is one that usually opens a sentence
//! ("The", "He", "But"). Decimal points never qualify because no space follows
//! them. Line breaks always end a sentence.

use dyad_core::Span;

/// Abbreviations after which a period never ends a sentence (lower-case,
/// without the period): titles, ranks, months, and "No." style words that
/// are followed by more of the same sentence.
const NEVER_FINAL: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "rev", "fr", "sr", "jr", "st", "gen", "lt", "col", "maj",
    "capt", "cpt", "sgt", "cpl", "pvt", "adm", "cmdr", "cdr", "brig", "gov", "sen", "rep", "reps",
    "sens", "pres", "amb", "atty", "supt", "insp", "det", "hon", "messrs", "mt", "ft", "no", "nos",
    "vol", "vs", "v", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov",
    "dec", "approx", "dept", "est", "fig", "gov't", "ave", "blvd", "rd", "op", "cf", "e.g", "i.e",
    "al", "ret",
];

/// Abbreviations that may end a sentence when the next word usually opens
/// one ("... from the U.S. The talks ...").
const MAYBE_FINAL: &[&str] = &[
    "inc", "corp", "co", "ltd", "llc", "plc", "bros", "etc", "a.m", "p.m", "u.s", "u.n", "u.k",
    "e.u", "d.c", "n.y", "l.a", "u.s.a", "u.a.e",
];

/// Words that usually open a sentence; after an ambiguous abbreviation they
/// signal a boundary.
const OPENERS: &[&str] = &[
    "the",
    "a",
    "an",
    "he",
    "she",
    "it",
    "they",
    "we",
    "i",
    "you",
    "but",
    "and",
    "in",
    "on",
    "at",
    "this",
    "that",
    "these",
    "those",
    "there",
    "his",
    "her",
    "their",
    "its",
    "our",
    "as",
    "after",
    "before",
    "when",
    "while",
    "if",
    "however",
    "meanwhile",
    "officials",
    "some",
    "many",
    "no",
    "yet",
    "so",
    "since",
    "although",
    "still",
    "for",
    "during",
    "earlier",
    "later",
    "last",
    "what",
    "why",
    "how",
    "who",
    "where",
    "both",
    "one",
    "two",
    "three",
    "among",
    "according",
    "asked",
    "then",
];

/// Bytes that may end a sentence: a line break, `.`, `?`, `!`, and the
/// first byte of `…` (and of other characters, ruled out afterwards).
static MAY_END: [bool; 256] = {
    let mut table = [false; 256];
    table[b'\n' as usize] = true;
    table[b'.' as usize] = true;
    table[b'?' as usize] = true;
    table[b'!' as usize] = true;
    table[0xE2] = true;
    table
};

/// Splits `text[span]` into sentence spans (trimmed, never empty). Never
/// crosses a line break.
pub fn split_sentences(text: &str, span: Span, out: &mut Vec<Span>) {
    let Some(region) = text.get(span.start..span.end) else {
        return;
    };
    let bytes = region.as_bytes();
    let mut start = 0usize;
    let mut i = 0usize;
    while let Some(skip) = bytes
        .get(i..)
        .and_then(|rest| rest.iter().position(|&b| MAY_END[usize::from(b)]))
    {
        // Jump to the next byte that may end a sentence.
        i += skip;
        let Some(&b) = bytes.get(i) else { break };
        let boundary_end = match b {
            b'\n' => Some((i, i + 1)),
            b'.' | b'?' | b'!' => terminal_end(region, i),
            // U+2026 HORIZONTAL ELLIPSIS is E2 80 A6
            0xE2 if region.get(i..i + 3) == Some("…") => terminal_end(region, i + 2),
            _ => None,
        };
        if let Some((end, next)) = boundary_end {
            push_trimmed(region, span.start, start, end, out);
            start = next;
            i = next;
        } else {
            i += 1;
        }
    }
    push_trimmed(region, span.start, start, region.len(), out);
}

/// If the terminal at `i` ends a sentence, returns (end of sentence, start
/// of the rest).
fn terminal_end(region: &str, i: usize) -> Option<(usize, usize)> {
    let bytes = region.as_bytes();
    // Run of terminals ("?!", "...").
    let mut j = i + 1;
    while j < bytes.len() && matches!(bytes[j], b'.' | b'?' | b'!') {
        j += 1;
    }
    // Closing quotes and brackets belong to the sentence.
    loop {
        let rest = region.get(j..)?;
        let Some(c) = rest.chars().next() else { break };
        if matches!(c, '"' | '\'' | ')' | ']' | '”' | '’' | '»') {
            j += c.len_utf8();
        } else {
            break;
        }
    }
    let rest = region.get(j..)?;
    let ws_len = rest.len() - rest.trim_start_matches([' ', '\t', '\u{a0}']).len();
    let after = rest.get(ws_len..)?;
    if after.is_empty() {
        return Some((j, region.len()));
    }
    if ws_len == 0 {
        return None;
    }
    let next = after.chars().next()?;
    if !(next.is_uppercase() || next.is_ascii_digit() || "\"“‘'([«".contains(next)) {
        return None;
    }
    if bytes[i] == b'.' && j == i + 1 && !period_can_end(region, i, after) {
        return None;
    }
    Some((j, j + ws_len))
}

/// Decides whether the single period at `i` (followed by white space and a
/// capital) ends a sentence, looking at the word before it.
fn period_can_end(region: &str, i: usize, after: &str) -> bool {
    let before = region.get(..i).unwrap_or("");
    let word_start = before
        .rfind(|c: char| c.is_whitespace() || "(\"“‘[—–".contains(c))
        .map(|p| p + before[p..].chars().next().map_or(1, char::len_utf8))
        .unwrap_or(0);
    let word = before.get(word_start..).unwrap_or("");
    if word.is_empty() {
        return true;
    }
    let lower = word.to_lowercase();
    if NEVER_FINAL.contains(&lower.as_str()) {
        return false;
    }
    // A single capital letter is an initial ("Vladimir V. Putin").
    let mut chars = word.chars();
    if let (Some(c), None) = (chars.next(), chars.next()) {
        if c.is_uppercase() {
            return false;
        }
    }
    let dotted = word.contains('.') && word.split('.').all(|p| p.chars().count() <= 2);
    if dotted || MAYBE_FINAL.contains(&lower.as_str()) {
        let next_word: String = after
            .chars()
            .skip_while(|c| "\"“‘'([".contains(*c))
            .take_while(|c| c.is_alphanumeric())
            .collect::<String>()
            .to_lowercase();
        return OPENERS.contains(&next_word.as_str());
    }
    true
}

fn push_trimmed(region: &str, offset: usize, start: usize, end: usize, out: &mut Vec<Span>) {
    let Some(piece) = region.get(start..end) else {
        return;
    };
    let lead = piece.len() - piece.trim_start().len();
    let trimmed = piece.trim();
    if !trimmed.is_empty() {
        let s = offset + start + lead;
        out.push(Span::new(s, s + trimmed.len()));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<&str> {
        let mut spans = Vec::new();
        split_sentences(text, Span::new(0, text.len()), &mut spans);
        spans.iter().map(|s| s.slice(text)).collect()
    }

    #[test]
    fn abbreviations_and_numbers_do_not_split() {
        let t = "The U.S. and the U.N. met on Sept. 13 in Geneva. Gen. Ana Ruiz and Lt. Col. Omar Idris arrived at 9 a.m. local time. Mr. Lee said 4.8 million people were affected. Officials cited Vladimir V. Putin.";
        assert_eq!(
            split(t),
            [
                "The U.S. and the U.N. met on Sept. 13 in Geneva.",
                "Gen. Ana Ruiz and Lt. Col. Omar Idris arrived at 9 a.m. local time.",
                "Mr. Lee said 4.8 million people were affected.",
                "Officials cited Vladimir V. Putin."
            ]
        );
    }

    #[test]
    fn dotted_abbreviation_can_end_a_sentence() {
        assert_eq!(
            split("Aid was sent by the U.S. The convoy left at 6 p.m. Nobody was hurt."),
            [
                "Aid was sent by the U.S.",
                "The convoy left at 6 p.m. Nobody was hurt."
            ]
        );
    }

    #[test]
    fn quotes_and_parentheses() {
        let t = "\u{201c}We will not retreat.\u{201d} The general spoke (briefly.) Then he left. \"Why?\" she asked. (He did not answer.) Done!";
        assert_eq!(
            split(t),
            [
                "\u{201c}We will not retreat.\u{201d}",
                "The general spoke (briefly.)",
                "Then he left.",
                "\"Why?\" she asked.",
                "(He did not answer.)",
                "Done!"
            ]
        );
    }

    #[test]
    fn offsets_are_absolute_and_lines_split() {
        let t = "xx First one.\nSecond one";
        let mut spans = Vec::new();
        split_sentences(t, Span::new(3, t.len()), &mut spans);
        let got: Vec<&str> = spans.iter().map(|s| s.slice(t)).collect();
        assert_eq!(got, ["First one.", "Second one"]);
    }
}
