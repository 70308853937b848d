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

/// Tokenizes `text[span]`, appending to `out`.
pub fn tokenize(text: &str, span: Span, out: &mut Vec<RawToken>) {
    let Some(region) = text.get(span.start..span.end) else {
        return;
    };
    let base = span.start;
    // Byte offset of the next character to look at; jumping straight to a
    // token's end avoids decoding its characters a second time.
    let mut next = 0usize;
    while let Some(c) = region.get(next..).and_then(|r| r.chars().next()) {
        let i = next;
        if c.is_whitespace() {
            next = i + c.len_utf8();
            continue;
        }
        let rest = region.get(i..).unwrap_or("");
        let end = if rest.starts_with("http://")
            || rest.starts_with("https://")
            || rest.starts_with("www.")
        {
            let len = rest.find(char::is_whitespace).unwrap_or(rest.len());
            let url = rest
                .get(..len)
                .unwrap_or("")
                .trim_end_matches(|c: char| ".,;:!?)\"”’'".contains(c));
            push(out, base, i, i + url.len(), TokenShape::Url);
            i + url.len().max(1)
        } else if c.is_alphanumeric() {
            let run_end = scan_word_run(region, i);
            let chunk = region.get(i..run_end).unwrap_or("");
            if chunk.contains("://") || chunk.contains('@') || chunk.starts_with("www.") {
                push(out, base, i, run_end, TokenShape::Url);
            } else {
                split_word(region, base, i, run_end, out);
            }
            run_end
        } else if is_apostrophe(c) {
            // A clitic after a closing quote or space ("’s" alone) or a quote.
            let rest = region.get(i..).unwrap_or("");
            let clitic = clitic_len(rest);
            let prev_alnum = region
                .get(..i)
                .and_then(|p| p.chars().next_back())
                .is_some_and(char::is_alphanumeric);
            if clitic > 0 && prev_alnum {
                push(out, base, i, i + clitic, TokenShape::Clitic);
                i + clitic
            } else {
                push(out, base, i, i + c.len_utf8(), TokenShape::Punct);
                i + c.len_utf8()
            }
        } else {
            // Punctuation: group runs of the same mark.
            let mut end = i + c.len_utf8();
            while region.get(end..).and_then(|r| r.chars().next()) == Some(c)
                && (c == '.' || c == '-' || c == '!' || c == '?')
            {
                end += c.len_utf8();
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

/// End of a run of word characters starting at `i`: letters, digits and
/// the joiners `-` `'` `’` `.` `,` `/` `:` `@` `&` when a letter or digit
/// follows them (so "U.S" is scanned; the final "." is decided later).
fn scan_word_run(region: &str, i: usize) -> usize {
    let mut end = i;
    let mut chars = region.get(i..).unwrap_or("").char_indices().peekable();
    while let Some((off, c)) = chars.next() {
        if c.is_alphanumeric() {
            end = i + off + c.len_utf8();
            continue;
        }
        let joiner = matches!(
            c,
            '-' | '\'' | '’' | '.' | ',' | '/' | ':' | '@' | '&' | '_' | '\u{2011}'
        );
        let next_alnum = chars.peek().is_some_and(|&(_, n)| n.is_alphanumeric());
        if joiner && next_alnum {
            // "," ":" and "/" join only digits ("10,000", "9:30", "1/2"),
            // or appear inside URLs (handled by the caller).
            if matches!(c, ',' | ':' | '/') {
                let prev_digit = region
                    .get(..i + off)
                    .and_then(|p| p.chars().next_back())
                    .is_some_and(|p| p.is_ascii_digit());
                let next_digit = chars.peek().is_some_and(|&(_, n)| n.is_ascii_digit());
                let in_url = region
                    .get(i..i + off)
                    .is_some_and(|w| w.starts_with("http") || w.starts_with("www"));
                if !(prev_digit && next_digit || in_url) {
                    break;
                }
            }
            continue;
        }
        break;
    }
    // Abbreviation period: "U.S." / "Sept." / "V." take the final period.
    let word = region.get(i..end).unwrap_or("");
    if region.get(end..end + 1) == Some(".") && takes_period(word) {
        end += 1;
    }
    end
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
    let rest: String = chars.clone().take(3).collect::<String>().to_lowercase();
    let len = ap.len_utf8();
    let boundary = |n: usize| {
        s.get(len + n..)
            .and_then(|r| r.chars().next())
            .is_none_or(|c| !c.is_alphanumeric())
    };
    for (suffix, n) in [
        ("s", 1),
        ("re", 2),
        ("ve", 2),
        ("ll", 2),
        ("d", 1),
        ("m", 1),
    ] {
        if rest.starts_with(suffix) && boundary(n) {
            return len + n;
        }
    }
    0
}

/// Splits a scanned word into word + clitics and pushes the pieces.
fn split_word(region: &str, base: usize, s: usize, e: usize, out: &mut Vec<RawToken>) {
    let word = region.get(s..e).unwrap_or("");
    let shape = if word.chars().next().is_some_and(|c| c.is_ascii_digit())
        && word
            .chars()
            .all(|c| c.is_ascii_digit() || ",.-/:".contains(c))
    {
        TokenShape::Number
    } else {
        TokenShape::Word
    };
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
}
