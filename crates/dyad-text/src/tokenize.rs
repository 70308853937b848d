//! Tokenization with byte offsets, Penn Treebank style.
//!
//! * Words keep inner hyphens ("Soviet-era", "1950-53") and inner
//!   apostrophes of names ("O’Brien").
//! * Clitics are split: "Russia’s" → "Russia" + "’s", "didn’t" → "did" +
//!   "n’t", "they’re" → "they" + "’re".
//! * Numbers keep inner "," and "." ("4.8", "10,000").
//! * Abbreviations keep their period ("U.S.", "Sept.", "V.").
//! * URLs and e-mail addresses are one token.
//! * Every other punctuation mark is its own token, except runs of the same
//!   mark ("...", "--").

use dyad_core::Span;

/// What kind of token this is; a hint for the tagger.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenShape {
    /// Letters (possibly with digits, hyphens, inner apostrophes or periods).
    Word,
    /// Digits, possibly with `,` `.` `-` `/` `:` inside.
    Number,
    /// Possessive or verbal clitic split off a word ("’s", "n’t", "’re").
    Clitic,
    /// Punctuation or symbol.
    Punct,
    /// URL or e-mail address.
    Url,
}

/// A token's span and shape.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RawToken {
    /// Byte span in the document text.
    pub span: Span,
    /// The token's shape.
    pub shape: TokenShape,
}

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '’'
}

/// The character starting at byte `i` of `s`, decoding UTF-8 only for
/// non-ASCII bytes (most of news text is ASCII).
fn char_at(s: &str, i: usize) -> Option<char> {
    let b = *s.as_bytes().get(i)?;
    if b.is_ascii() {
        Some(char::from(b))
    } else {
        s.get(i..)?.chars().next()
    }
}

/// [`char::is_whitespace`] with an ASCII fast path (which, unlike
/// [`u8::is_ascii_whitespace`], includes the vertical tab).
fn is_space(c: char) -> bool {
    if c.is_ascii() {
        matches!(c, ' ' | '\t' | '\n' | '\r' | '\x0B' | '\x0C')
    } else {
        c.is_whitespace()
    }
}

/// [`char::is_alphanumeric`] with an ASCII fast path.
fn is_alnum(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else {
        c.is_alphanumeric()
    }
}

/// Tokenizes `text[span]`, appending to `out`.
pub fn tokenize(text: &str, span: Span, out: &mut Vec<RawToken>) {
    let Some(region) = text.get(span.start..span.end) else {
        return;
    };
    let base = span.start;
    // Byte offset of the next character to look at; jumping straight to a
    // token's end avoids decoding its characters a second time.
    let mut next = 0usize;
    while let Some(c) = char_at(region, next) {
        let i = next;
        if is_space(c) {
            next = i + c.len_utf8();
            continue;
        }
        let rest = region.get(i..).unwrap_or("");
        let end = if matches!(c, 'h' | 'w')
            && (rest.starts_with("http://")
                || rest.starts_with("https://")
                || rest.starts_with("www."))
        {
            let len = rest.find(char::is_whitespace).unwrap_or(rest.len());
            let url = rest
                .get(..len)
                .unwrap_or("")
                .trim_end_matches(|c: char| ".,;:!?)\"”’'".contains(c));
            push(out, base, i, i + url.len(), TokenShape::Url);
            i + url.len().max(1)
        } else if is_alnum(c) {
            let run = scan_word_run(region, i);
            let chunk = region.get(i..run.end).unwrap_or("");
            // "://" and "@" can only be inside the run as joiners.
            if run.has_colon_or_at && (chunk.contains("://") || chunk.contains('@')) {
                push(out, base, i, run.end, TokenShape::Url);
            } else {
                split_word(region, base, i, &run, out);
            }
            run.end
        } else if is_apostrophe(c) {
            // A clitic after a closing quote or space ("’s" alone) or a quote.
            let clitic = clitic_len(rest);
            let prev_alnum = region
                .get(..i)
                .and_then(|p| p.chars().next_back())
                .is_some_and(is_alnum);
            if clitic > 0 && prev_alnum {
                push(out, base, i, i + clitic, TokenShape::Clitic);
                i + clitic
            } else {
                push(out, base, i, i + c.len_utf8(), TokenShape::Punct);
                i + c.len_utf8()
            }
        } else {
            // Punctuation: group runs of the same mark (all ASCII).
            let mut end = i + c.len_utf8();
            if matches!(c, '.' | '-' | '!' | '?') {
                let mark = c as u8;
                while region.as_bytes().get(end) == Some(&mark) {
                    end += 1;
                }
            }
            push(out, base, i, end, TokenShape::Punct);
            end
        };
        // Resume at the first character starting at or after `end`.
        next = end.max(i + 1);
        while next < region.len() && !region.is_char_boundary(next) {
            next += 1;
        }
    }
}

fn push(out: &mut Vec<RawToken>, base: usize, s: usize, e: usize, shape: TokenShape) {
    if e > s {
        out.push(RawToken {
            span: Span::new(base + s, base + e),
            shape,
        });
    }
}

/// A run of word characters: where it ends and what it holds.
struct WordRun {
    /// Byte offset (in the region) after the run.
    end: usize,
    /// It holds an apostrophe (so clitics may need splitting off).
    has_apostrophe: bool,
    /// It holds a ":" or "@" (so it may be a URL or an e-mail address).
    has_colon_or_at: bool,
}

/// The run of word characters starting at `i`: letters, digits and
/// the joiners `-` `'` `’` `.` `,` `/` `:` `@` `&` when a letter or digit
/// follows them (so "U.S" is scanned; the final "." is decided later).
fn scan_word_run(region: &str, i: usize) -> WordRun {
    let bytes = region.as_bytes();
    let mut run = WordRun {
        end: i,
        has_apostrophe: false,
        has_colon_or_at: false,
    };
    let mut j = i;
    while let Some(c) = char_at(region, j) {
        if is_alnum(c) {
            j += c.len_utf8();
            run.end = j;
            continue;
        }
        let joiner = matches!(
            c,
            '-' | '\'' | '’' | '.' | ',' | '/' | ':' | '@' | '&' | '_' | '\u{2011}'
        );
        if !joiner {
            break;
        }
        let after = j + c.len_utf8();
        let next = char_at(region, after);
        if !next.is_some_and(is_alnum) {
            break;
        }
        // "," ":" and "/" join only digits ("10,000", "9:30", "1/2"),
        // or appear inside URLs (handled by the caller).
        if matches!(c, ',' | ':' | '/') {
            let prev_digit = j
                .checked_sub(1)
                .and_then(|p| bytes.get(p))
                .is_some_and(u8::is_ascii_digit);
            let next_digit = next.is_some_and(|n| n.is_ascii_digit());
            let in_url = region
                .get(i..j)
                .is_some_and(|w| w.starts_with("http") || w.starts_with("www"));
            if !(prev_digit && next_digit || in_url) {
                break;
            }
        }
        run.has_apostrophe |= is_apostrophe(c);
        run.has_colon_or_at |= matches!(c, ':' | '@');
        j = after;
    }
    // Abbreviation period: "U.S." / "Sept." / "V." take the final period.
    let word = region.get(i..run.end).unwrap_or("");
    if bytes.get(run.end) == Some(&b'.') && takes_period(word) {
        run.end += 1;
    }
    run
}

/// Abbreviations that keep their final period as part of the token.
fn takes_period(word: &str) -> bool {
    const ABBREV: &[&str] = &[
        "mr", "mrs", "ms", "dr", "prof", "rev", "sr", "jr", "st", "gen", "lt", "col", "maj",
        "capt", "sgt", "cpl", "adm", "gov", "sen", "rep", "jan", "feb", "mar", "apr", "jun", "jul",
        "aug", "sep", "sept", "oct", "nov", "dec", "inc", "corp", "co", "ltd", "vs", "etc", "mt",
        "ft", "brig", "cmdr", "gov't",
    ];
    if word.contains('.')
        && word
            .split('.')
            .all(|p| !p.is_empty() && p.chars().count() <= 2 && p.chars().all(char::is_alphabetic))
    {
        return true;
    }
    let mut chars = word.chars();
    if let (Some(c), None) = (chars.next(), chars.next()) {
        return c.is_uppercase();
    }
    ABBREV.iter().any(|a| a.eq_ignore_ascii_case(word))
}

/// Length of a clitic at the start of `s` ("'s", "’re", "n't" is handled in
/// [`split_word`]), 0 when none.
fn clitic_len(s: &str) -> usize {
    let mut chars = s.chars();
    let Some(ap) = chars.next() else { return 0 };
    let len = ap.len_utf8();
    // The suffixes are ASCII; no other character lower-cases to one of
    // their letters, so comparing ASCII-lower-cased characters is exact.
    let mut rest = [None; 2];
    for (slot, c) in rest.iter_mut().zip(chars) {
        *slot = Some(c.to_ascii_lowercase());
    }
    let boundary = |n: usize| {
        s.get(len + n..)
            .and_then(|r| r.chars().next())
            .is_none_or(|c| !is_alnum(c))
    };
    let n = match rest {
        [Some('s' | 'd' | 'm'), _] => 1,
        [Some('r'), Some('e')] | [Some('v'), Some('e')] | [Some('l'), Some('l')] => 2,
        _ => return 0,
    };
    if boundary(n) {
        len + n
    } else {
        0
    }
}

/// Splits a scanned word into word + clitics and pushes the pieces.
fn split_word(region: &str, base: usize, s: usize, run: &WordRun, out: &mut Vec<RawToken>) {
    let e = run.end;
    let word = region.get(s..e).unwrap_or("");
    let shape = if word.as_bytes().first().is_some_and(u8::is_ascii_digit)
        && word
            .bytes()
            .all(|b| b.is_ascii_digit() || b",.-/:".contains(&b))
    {
        TokenShape::Number
    } else {
        TokenShape::Word
    };
    if !run.has_apostrophe {
        push(out, base, s, e, shape);
        return;
    }
    // n't / n’t
    for neg in ["n't", "n’t", "N'T", "N’T"] {
        if let Some(stem) = word.strip_suffix(neg) {
            if !stem.is_empty() {
                let cut = s + stem.len();
                push(out, base, s, cut, shape);
                push(out, base, cut, e, TokenShape::Clitic);
                return;
            }
        }
    }
    // 's 're 've 'll 'd 'm at the end of the word
    if let Some(pos) = word.rfind(is_apostrophe) {
        let tail = word.get(pos..).unwrap_or("");
        if pos > 0 && clitic_len(tail) == tail.len() {
            push(out, base, s, s + pos, shape);
            push(out, base, s + pos, e, TokenShape::Clitic);
            return;
        }
    }
    push(out, base, s, e, shape);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(text: &str) -> Vec<&str> {
        let mut out = Vec::new();
        tokenize(text, Span::new(0, text.len()), &mut out);
        out.iter().map(|t| t.span.slice(text)).collect()
    }

    #[test]
    fn news_tokens() {
        assert_eq!(
            toks("Russia’s Soviet-era arms didn't go to the U.S. in Sept. 2023, said O’Brien."),
            [
                "Russia",
                "’s",
                "Soviet-era",
                "arms",
                "did",
                "n't",
                "go",
                "to",
                "the",
                "U.S.",
                "in",
                "Sept.",
                "2023",
                ",",
                "said",
                "O’Brien",
                "."
            ]
        );
        assert_eq!(
            toks("“We’re here,” he said — 4.8 million and 10,000 shells (125 miles)..."),
            [
                "“", "We", "’re", "here", ",", "”", "he", "said", "—", "4.8", "million", "and",
                "10,000", "shells", "(", "125", "miles", ")", "..."
            ]
        );
        assert_eq!(
            toks("Vladimir V. Putin at 9 a.m. on 1950-53"),
            ["Vladimir", "V.", "Putin", "at", "9", "a.m.", "on", "1950-53"]
        );
        assert_eq!(
            toks("email x@y.com or https://a.org/b"),
            ["email", "x@y.com", "or", "https://a.org/b"]
        );
        assert_eq!(toks("the leaders' talks"), ["the", "leaders", "'", "talks"]);
    }

    #[test]
    fn byte_scanning_keeps_unicode_rules() {
        // Vertical tab, no-break and ideographic spaces separate words;
        // non-ASCII letters and digits join them; clitics in capitals split.
        assert_eq!(
            toks("a\u{0B}b\u{a0}Café\u{3000}naïve ٣٤ THEY’RE İstanbul’s"),
            [
                "a",
                "b",
                "Café",
                "naïve",
                "٣٤",
                "THEY",
                "’RE",
                "İstanbul",
                "’s"
            ]
        );
        assert_eq!(
            toks("x\u{2011}y 10,000/5 a,b"),
            ["x\u{2011}y", "10,000/5", "a", ",", "b"]
        );
        assert_eq!(toks("’ll’s ’Sx"), ["’", "ll", "’s", "’", "Sx"]);
    }
}
