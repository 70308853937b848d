//! A tiny linear tokenizer shared by date and quantity extraction.
//!
//! It splits text into words, numbers and single punctuation characters and
//! records byte offsets, so matchers can look a few tokens ahead without
//! re-reading the text. One pass, no backtracking: cost is linear in the
//! input length.

use std::borrow::Cow;
use std::collections::HashSet;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

/// FNV-1a: a fast hash for the short words of the closed word lists (the
/// default SipHash costs more than the matching it guards).
#[derive(Default)]
pub(crate) struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for b in bytes {
            h ^= u64::from(*b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}

/// A set of words from a whitespace-separated list, built once.
pub(crate) type WordSet = HashSet<&'static str, BuildHasherDefault<Fnv>>;

/// The set of `list`, built on first use in `cell`.
pub(crate) fn word_set(cell: &'static OnceLock<WordSet>, list: &'static str) -> &'static WordSet {
    cell.get_or_init(|| list.split_whitespace().collect())
}

/// What kind of token it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    /// A run of letters, with internal apostrophes ("o'clock"); a final
    /// possessive "'s" is split off.
    Word,
    /// ASCII digits with thousands separators and one decimal part
    /// ("10,000", "4.8", "2023").
    Num,
    /// Any other single non-space character.
    Punct,
}

/// One token with its byte range in the scanned text.
#[derive(Debug, Clone)]
pub(crate) struct Tok<'a> {
    pub kind: Kind,
    /// First byte in the scanned text.
    pub start: usize,
    /// One past the last byte in the scanned text.
    pub end: usize,
    /// The token as written.
    pub text: &'a str,
    /// Lower-cased text (same as `text` for numbers and punctuation);
    /// borrowed unless lower-casing changes it.
    pub lower: Cow<'a, str>,
    /// True when whitespace (or the start of text) separates this token
    /// from the previous one.
    pub spaced: bool,
}

impl Tok<'_> {
    /// True for a punctuation token equal to `c`.
    pub fn is_punct(&self, c: char) -> bool {
        self.kind == Kind::Punct && self.text.starts_with(c)
    }

    /// True for a word starting with an upper-case letter.
    pub fn is_capitalized(&self) -> bool {
        self.kind == Kind::Word && self.text.chars().next().is_some_and(char::is_uppercase)
    }

    /// True for a number without separators or decimals.
    pub fn is_plain_int(&self) -> bool {
        self.kind == Kind::Num && self.text.bytes().all(|b| b.is_ascii_digit())
    }

    /// The value of a plain integer of at most 9 digits.
    pub fn small_int(&self) -> Option<u32> {
        if self.is_plain_int() && self.text.len() <= 9 {
            self.text.parse().ok()
        } else {
            None
        }
    }

    /// The numeric value of a number token ("10,000" → 10000.0).
    pub fn num_value(&self) -> Option<f64> {
        if self.kind != Kind::Num {
            return None;
        }
        let cleaned: String = self.text.chars().filter(|c| *c != ',').collect();
        cleaned.parse::<f64>().ok().filter(|v| v.is_finite())
    }
}

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '\u{2019}'
}

/// Splits `text` into tokens in one linear pass.
pub(crate) fn tokenize(text: &str) -> Vec<Tok<'_>> {
    let bytes = text.as_bytes();
    let len = bytes.len();
    let mut toks = Vec::with_capacity(len / 5 + 1);
    let mut prev_end: Option<usize> = None;
    let mut i = 0;
    while i < len {
        let (c, clen) = char_at(text, i);
        if c.is_whitespace() {
            i += clen;
            continue;
        }
        let start = i;
        i += clen;
        let kind = if is_letter(c) {
            // letters, with internal apostrophes followed by a letter
            while i < len {
                let (d, dlen) = char_at(text, i);
                if is_letter(d) {
                    i += dlen;
                } else if is_apostrophe(d) {
                    let mut rest = text.get(i + dlen..).unwrap_or("").chars();
                    let after = rest.next();
                    // a possessive "'s" is split off ("Saturday's" → "Saturday" "'" "s")
                    let possessive = matches!(after, Some('s' | 'S'))
                        && !rest.next().is_some_and(char::is_alphabetic);
                    if after.is_some_and(char::is_alphabetic) && !possessive {
                        i += dlen;
                    } else {
                        break;
                    }
                } else {
                    break;
                }
            }
            Kind::Word
        } else if c.is_ascii_digit() {
            let mut seen_decimal = false;
            while i < len {
                let b = bytes.get(i).copied().unwrap_or(b' ');
                if b.is_ascii_digit() {
                    i += 1;
                } else if b == b',' && !seen_decimal && three_digits_follow(bytes, i + 1) {
                    // thousands separator: ",ddd"
                    i += 4;
                } else if b == b'.' && !seen_decimal && digit_at(bytes, i + 1) {
                    seen_decimal = true;
                    i += 1;
                } else {
                    break;
                }
            }
            Kind::Num
        } else {
            Kind::Punct
        };
        let tok_text = text.get(start..i).unwrap_or("");
        let lower = if kind == Kind::Word {
            lower_case(tok_text)
        } else {
            Cow::Borrowed(tok_text)
        };
        toks.push(Tok {
            kind,
            start,
            end: i,
            text: tok_text,
            lower,
            spaced: prev_end != Some(start),
        });
        prev_end = Some(i);
    }
    toks
}

/// The char at byte `i` (a char boundary) and its length; ASCII is read
/// without decoding.
fn char_at(text: &str, i: usize) -> (char, usize) {
    match text.as_bytes().get(i) {
        Some(&b) if b < 0x80 => (char::from(b), 1),
        _ => text
            .get(i..)
            .and_then(|s| s.chars().next())
            .map_or((' ', 1), |c| (c, c.len_utf8())),
    }
}

fn is_letter(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphabetic()
    } else {
        c.is_alphabetic()
    }
}

/// Lower-cased word with typographic apostrophes made plain; borrowed
/// when already lower-case ASCII (most words), so no allocation.
fn lower_case(word: &str) -> Cow<'_, str> {
    if word.bytes().all(|b| b.is_ascii_lowercase() || b == b'\'') {
        Cow::Borrowed(word)
    } else if word.is_ascii() {
        // same result as below (no typographic apostrophe), one allocation
        Cow::Owned(word.to_ascii_lowercase())
    } else {
        Cow::Owned(word.to_lowercase().replace('\u{2019}', "'"))
    }
}

fn digit_at(bytes: &[u8], i: usize) -> bool {
    bytes.get(i).is_some_and(u8::is_ascii_digit)
}

/// True when exactly three digits start at `i` and no fourth follows.
fn three_digits_follow(bytes: &[u8], i: usize) -> bool {
    digit_at(bytes, i)
        && digit_at(bytes, i + 1)
        && digit_at(bytes, i + 2)
        && !digit_at(bytes, i + 3)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> Vec<(Kind, &str)> {
        tokenize(text)
            .into_iter()
            .map(|t| (t.kind, t.text))
            .collect()
    }

    #[test]
    fn numbers_words_and_punct() {
        assert_eq!(
            kinds("At least 10,000 shells, 4.8m"),
            vec![
                (Kind::Word, "At"),
                (Kind::Word, "least"),
                (Kind::Num, "10,000"),
                (Kind::Word, "shells"),
                (Kind::Punct, ","),
                (Kind::Num, "4.8"),
                (Kind::Word, "m"),
            ]
        );
        assert_eq!(
            kinds("2023-09-13 o'clock Russia’s 1,2"),
            vec![
                (Kind::Num, "2023"),
                (Kind::Punct, "-"),
                (Kind::Num, "09"),
                (Kind::Punct, "-"),
                (Kind::Num, "13"),
                (Kind::Word, "o'clock"),
                (Kind::Word, "Russia"),
                (Kind::Punct, "’"),
                (Kind::Word, "s"),
                (Kind::Num, "1"),
                (Kind::Punct, ","),
                (Kind::Num, "2"),
            ]
        );
    }

    #[test]
    fn spacing_and_lowercase() {
        let t = tokenize("Sept. 13");
        assert_eq!(t[0].lower, "sept");
        assert!(t[0].spaced);
        assert!(!t[1].spaced);
        assert!(t[2].spaced);
        assert_eq!(t[2].small_int(), Some(13));
    }
}
