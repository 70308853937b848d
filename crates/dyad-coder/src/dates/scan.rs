//! A tiny linear tokenizer shared by date and quantity extraction.
//!
//! It splits text into words, numbers and single punctuation characters and
//! records byte offsets, so matchers can look a few tokens ahead without
//! re-reading the text. One pass, no backtracking: cost is linear in the
//! input length.

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
    /// Lower-cased text (same as `text` for numbers and punctuation).
    pub lower: String,
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
    let mut toks = Vec::new();
    let bytes = text.as_bytes();
    let mut iter = text.char_indices().peekable();
    let mut prev_end: Option<usize> = None;
    while let Some((start, c)) = iter.next() {
        if c.is_whitespace() {
            continue;
        }
        let mut end = start + c.len_utf8();
        let kind = if c.is_alphabetic() {
            // letters, with internal apostrophes followed by a letter
            while let Some(&(i, d)) = iter.peek() {
                if d.is_alphabetic() {
                    iter.next();
                    end = i + d.len_utf8();
                } else if is_apostrophe(d) {
                    let mut rest = text.get(i + d.len_utf8()..).unwrap_or("").chars();
                    let after = rest.next();
                    // a possessive "'s" is split off ("Saturday's" → "Saturday" "'" "s")
                    let possessive = matches!(after, Some('s' | 'S'))
                        && !rest.next().is_some_and(char::is_alphabetic);
                    if after.is_some_and(char::is_alphabetic) && !possessive {
                        iter.next();
                        end = i + d.len_utf8();
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
            while let Some(&(i, d)) = iter.peek() {
                if d.is_ascii_digit() {
                    iter.next();
                    end = i + 1;
                } else if d == ',' && !seen_decimal && three_digits_follow(bytes, i + 1) {
                    // thousands separator: consume ",ddd"
                    iter.next();
                    for _ in 0..3 {
                        iter.next();
                    }
                    end = i + 4;
                } else if d == '.' && !seen_decimal && digit_at(bytes, i + 1) {
                    seen_decimal = true;
                    iter.next();
                    end = i + 1;
                } else {
                    break;
                }
            }
            Kind::Num
        } else {
            Kind::Punct
        };
        let tok_text = text.get(start..end).unwrap_or("");
        let lower = if kind == Kind::Word {
            tok_text.to_lowercase().replace('\u{2019}', "'")
        } else {
            tok_text.to_string()
        };
        toks.push(Tok {
            kind,
            start,
            end,
            text: tok_text,
            lower,
            spaced: prev_end != Some(start),
        });
        prev_end = Some(end);
    }
    toks
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
