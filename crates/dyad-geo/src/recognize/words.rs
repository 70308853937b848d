//! A sentence's tokens as recognition reads them, worked out on demand.
//!
//! Only name-like words can start a toponym (about one token in six),
//! so most tokens are ruled out by the first byte of their text and never
//! sliced or classified; [`Tok`]s are built only around candidates.

use dyad_core::{Pos, Span, Token};

/// A token with its text and what recognition asks of its case.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Tok<'a> {
    pub text: &'a str,
    /// Starts with a lower-case letter.
    pub lower: bool,
    /// [`is_capitalised`].
    pub cap: bool,
    /// [`is_name_like`].
    pub name_like: bool,
    pub pos: Pos,
    pub lemma: &'a str,
    pub span: Span,
}

impl<'a> Tok<'a> {
    // Inlined, so that callers compute only the fields they read.
    #[inline]
    fn new(token: &'a Token, text: &'a str) -> Tok<'a> {
        let tt = slice(text, token.span);
        let (lower, cap) = match tt.as_bytes().first() {
            Some(b) if b.is_ascii() => (b.is_ascii_lowercase(), b.is_ascii_uppercase()),
            _ => (
                tt.chars().next().is_some_and(char::is_lowercase),
                is_capitalised(tt),
            ),
        };
        Tok {
            text: tt,
            lower,
            cap,
            // Only words starting "a"/"e" can be an article before a name.
            name_like: cap
                || (matches!(tt.as_bytes().first(), Some(b'a' | b'e')) && is_name_like(tt)),
            pos: token.pos,
            lemma: token.lemma.as_str(),
            span: token.span,
        }
    }
}

/// A sentence with its [`Tok::name_like`] tokens (about one in six),
/// found in one pass over the document: the scan for names, the person name
/// runs and the headline test visit only these.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Sentence<'a> {
    pub words: Words<'a>,
    /// The name-like tokens, ascending.
    starts: &'a [Start],
}

/// A [`Tok::name_like`] token.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Start {
    index: u32,
    /// [`Tok::cap`] (every capitalised token is name-like).
    cap: bool,
}

/// Finds the name-like tokens of every sentence of a document, into one
/// vector, with the end of each sentence's share (see [`sentences`]).
pub(crate) fn find_starts<'t>(
    text: &str,
    sentences: impl Iterator<Item = &'t [Token]>,
) -> (Vec<Start>, Vec<usize>) {
    let bytes = text.as_bytes();
    let mut starts = Vec::new();
    let mut ends = Vec::new();
    for tokens in sentences {
        for (k, t) in tokens.iter().enumerate() {
            // Most tokens start with a lower-case ASCII letter or
            // punctuation: one byte (one table read) rules them out.
            let Some(&b) = bytes.get(t.span.start) else {
                continue;
            };
            let cap = match FIRST_BYTE[usize::from(b)] {
                FirstByte::Other => continue,
                // Capitalised, when the span slices to a word (its start, an
                // ASCII byte, is a character boundary).
                FirstByte::Upper
                    if t.span.start < t.span.end && text.is_char_boundary(t.span.end) =>
                {
                    true
                }
                FirstByte::Upper => continue,
                FirstByte::ArticleLetter if !may_be_name_like(bytes, t.span) => continue,
                FirstByte::NonAscii if is_punctuation_start(bytes, t.span.start) => continue,
                FirstByte::ArticleLetter | FirstByte::NonAscii => {
                    let tt = slice(text, t.span);
                    let cap = is_capitalised(tt);
                    if !(cap || is_name_like(tt)) {
                        continue;
                    }
                    cap
                }
            };
            let Ok(index) = u32::try_from(k) else { break };
            starts.push(Start { index, cap });
        }
        ends.push(starts.len());
    }
    (starts, ends)
}

/// What the first byte of a token says about [`Tok::name_like`].
#[derive(Clone, Copy)]
enum FirstByte {
    /// ASCII, neither upper case nor "a"/"e": not name-like.
    Other,
    /// An ASCII capital.
    Upper,
    /// "a" or "e": maybe an Arabic article ("al-Hasakah").
    ArticleLetter,
    /// Part of a longer character: read the text.
    NonAscii,
}

/// [`FirstByte`] of every byte value.
static FIRST_BYTE: [FirstByte; 256] = {
    let mut table = [FirstByte::Other; 256];
    let mut b = 0;
    while b < 256 {
        table[b] = match b as u8 {
            b'A'..=b'Z' => FirstByte::Upper,
            b'a' | b'e' => FirstByte::ArticleLetter,
            0x80.. => FirstByte::NonAscii,
            _ => FirstByte::Other,
        };
        b += 1;
    }
    table
};

/// The sentences of a document with their [`find_starts`] marks.
pub(crate) fn sentences<'a>(
    text: &'a str,
    tokens: impl Iterator<Item = &'a [Token]>,
    starts: &'a [Start],
    ends: &[usize],
) -> Vec<Sentence<'a>> {
    let mut from = 0;
    tokens
        .zip(ends)
        .map(|(tokens, &end)| {
            let marks = starts.get(from..end).unwrap_or_default();
            from = end;
            Sentence {
                words: Words::new(text, tokens),
                starts: marks,
            }
        })
        .collect()
}

impl Sentence<'_> {
    /// The [`Tok::name_like`] tokens, ascending.
    pub(crate) fn name_starts(&self) -> impl Iterator<Item = usize> + '_ {
        self.starts.iter().map(|s| s.index as usize)
    }

    /// The number of [`Tok::cap`] tokens.
    pub(crate) fn cap_count(&self) -> usize {
        self.starts.iter().filter(|s| s.cap).count()
    }

    /// True for headline-style sentences: at least four words, 75%
    /// capitalised. Capitalised words are counted already, so most
    /// sentences are ruled out after a few lower-case words.
    pub(crate) fn is_title_case(&self) -> bool {
        // Capitalised words counted below are among these.
        let most_caps = self.cap_count();
        // Four words, three quarters capitalised: three at least.
        if most_caps < 3 {
            return false;
        }
        let words = &self.words;
        let (mut alphabetic, mut caps) = (0usize, 0usize);
        let bytes = words.text.as_bytes();
        for (k, t) in words.tokens.iter().enumerate() {
            // An ASCII first byte answers both questions, when the span
            // slices; other tokens are read as characters.
            let (is_alphabetic, is_cap) = match bytes.get(t.span.start) {
                Some(&b)
                    if b.is_ascii()
                        && t.span.start < t.span.end
                        && words.text.is_char_boundary(t.span.end) =>
                {
                    (b.is_ascii_alphabetic(), b.is_ascii_uppercase())
                }
                Some(_) if is_punctuation_start(bytes, t.span.start) => (false, false),
                _ => {
                    let tt = slice(words.text, t.span);
                    (
                        tt.chars().next().is_some_and(char::is_alphabetic),
                        is_capitalised(tt),
                    )
                }
            };
            if is_alphabetic {
                alphabetic += 1;
                caps += usize::from(is_cap);
                // caps ≥ 3 × lower-case words is needed at the end; caps
                // can reach neither more than `most_caps` nor more than
                // what the remaining tokens add.
                let lower = 3 * (alphabetic - caps);
                let left = words.tokens.len() - k - 1;
                if lower > most_caps || caps + left < lower {
                    return false;
                }
            }
        }
        alphabetic >= 4 && caps * 4 >= alphabetic * 3
    }

    /// Maximal runs `start..end` of [`Tok::cap`] tokens, in order.
    pub(crate) fn cap_runs(&self) -> impl Iterator<Item = (usize, usize)> + '_ {
        let mut caps = self
            .starts
            .iter()
            .filter(|s| s.cap)
            .map(|s| s.index as usize)
            .peekable();
        std::iter::from_fn(move || {
            let start = caps.next()?;
            let mut end = start + 1;
            while caps.next_if_eq(&end).is_some() {
                end += 1;
            }
            Some((start, end))
        })
    }
}

/// A run of one sentence's tokens (or all of it), read on demand.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Words<'a> {
    text: &'a str,
    tokens: &'a [Token],
}

impl<'a> Words<'a> {
    pub(crate) fn new(text: &'a str, tokens: &'a [Token]) -> Words<'a> {
        Words { text, tokens }
    }

    pub(crate) fn len(&self) -> usize {
        self.tokens.len()
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.tokens.is_empty()
    }

    /// Token `k`, classified.
    #[inline]
    pub(crate) fn get(&self, k: usize) -> Option<Tok<'a>> {
        self.tokens.get(k).map(|t| Tok::new(t, self.text))
    }

    /// The text of token `k` (`""` off its char boundaries, as [`Span::slice`]).
    pub(crate) fn text(&self, k: usize) -> Option<&'a str> {
        self.tokens.get(k).map(|t| slice(self.text, t.span))
    }

    /// Tokens `range` of this run.
    pub(crate) fn sub(&self, range: std::ops::Range<usize>) -> Option<Words<'a>> {
        self.tokens
            .get(range)
            .map(|tokens| Words::new(self.text, tokens))
    }

    pub(crate) fn texts(&self) -> impl Iterator<Item = &'a str> + '_ {
        self.tokens.iter().map(|t| slice(self.text, t.span))
    }

    /// [`Tok::cap`] of a token of this run; lower-case and punctuation ASCII
    /// starts are answered from one byte.
    #[cfg(test)]
    fn is_cap_token(&self, t: &Token) -> bool {
        match self.text.as_bytes().get(t.span.start) {
            Some(b) if b.is_ascii() && !b.is_ascii_uppercase() => false,
            Some(_) => is_capitalised(slice(self.text, t.span)),
            None => false,
        }
    }

    /// [`Tok::cap`] of token `k` (false past the end).
    #[cfg(test)]
    fn is_cap(&self, k: usize) -> bool {
        self.tokens.get(k).is_some_and(|t| self.is_cap_token(t))
    }

    /// The byte length, first and last bytes of token `k`'s span (read
    /// unsliced: a filter only).
    pub(crate) fn shape(&self, k: usize) -> Option<(usize, u8, u8)> {
        let span = self.tokens.get(k)?.span;
        let bytes = self.text.as_bytes();
        let first = *bytes.get(span.start)?;
        let last = *bytes.get(span.end.checked_sub(1)?)?;
        Some((span.end.saturating_sub(span.start), first, last))
    }

    /// The span of token `k`.
    pub(crate) fn span(&self, k: usize) -> Option<Span> {
        self.tokens.get(k).map(|t| t.span)
    }

    /// The part of speech of token `k`.
    pub(crate) fn pos(&self, k: usize) -> Option<Pos> {
        self.tokens.get(k).map(|t| t.pos)
    }

    /// Calls `visit` with the texts of the tokens that start with a
    /// lower-case letter and whose byte length `lengths_by_first[first
    /// byte]` holds (bit 31: 31 bytes or more); asked before slicing, so
    /// other tokens cost a few reads (a plain loop: an iterator adapter
    /// here was a call per token, measured).
    #[inline]
    pub(crate) fn visit_lower_words_shaped(
        &self,
        lengths_by_first: &[u32; 256],
        mut visit: impl FnMut(&'a str),
    ) {
        let bytes = self.text.as_bytes();
        for t in self.tokens {
            let Some(&first) = bytes.get(t.span.start) else {
                continue;
            };
            let len = t.span.end.saturating_sub(t.span.start).min(31);
            if lengths_by_first[usize::from(first)] & (1 << len) == 0 {
                continue;
            }
            let tt = slice(self.text, t.span);
            let lower = match tt.as_bytes().first() {
                Some(b) if b.is_ascii() => b.is_ascii_lowercase(),
                _ => tt.chars().next().is_some_and(char::is_lowercase),
            };
            if lower {
                visit(tt);
            }
        }
    }
}

/// False when the token at `span` surely is not [`Tok::name_like`]: it
/// starts with an ASCII byte that is not upper case, and is no "a…-"/"e…-"
/// Arabic article. Reads a byte or three.
#[inline]
fn may_be_name_like(bytes: &[u8], span: Span) -> bool {
    let at = |i: usize| {
        let i = span.start + i;
        if i < span.end {
            bytes.get(i).copied()
        } else {
            None
        }
    };
    match at(0) {
        Some(b'a' | b'e') => at(2) == Some(b'-') || at(3) == Some(b'-'),
        Some(b) if b.is_ascii() => b.is_ascii_uppercase(),
        Some(_) => true,
        None => false,
    }
}

/// True when the bytes at `at` encode a character of U+2000..U+203F
/// (spaces, dashes, curly quotes: common in news text), which is neither a
/// letter nor upper or lower case; two reads instead of a Unicode table
/// search.
#[inline]
fn is_punctuation_start(bytes: &[u8], at: usize) -> bool {
    bytes.get(at) == Some(&0xE2) && bytes.get(at + 1) == Some(&0x80)
}

/// [`Span::slice`], inlined (it is called for most tokens read).
#[inline]
fn slice(text: &str, span: Span) -> &str {
    text.get(span.start..span.end).unwrap_or("")
}

pub(crate) fn is_capitalised(s: &str) -> bool {
    match s.as_bytes().first() {
        Some(b) if b.is_ascii() => b.is_ascii_uppercase(),
        _ => s.chars().next().is_some_and(char::is_uppercase),
    }
}

/// Capitalised, or an Arabic article before a capitalised name ("al-Hasakah").
fn is_name_like(s: &str) -> bool {
    if is_capitalised(s) {
        return true;
    }
    // Every article below is "a…-"/"e…-" of two or three letters.
    let b = s.as_bytes();
    if !matches!(b.first(), Some(b'a' | b'e'))
        || !(b.get(2) == Some(&b'-') || b.get(3) == Some(&b'-'))
    {
        return false;
    }
    ARABIC_ARTICLES
        .iter()
        .any(|p| s.strip_prefix(p).is_some_and(is_capitalised))
}

/// Arabic articles written before a capitalised name ("al-Hasakah").
const ARABIC_ARTICLES: &[&str] = &[
    "al-", "el-", "ad-", "ash-", "as-", "an-", "ar-", "at-", "az-", "ed-", "en-", "es-",
];

pub(crate) fn is_all_caps(s: &str) -> bool {
    s.chars().any(|c| c.is_alphabetic()) && !s.chars().any(|c| c.is_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tokens(text: &str) -> Vec<Token> {
        let mut out = Vec::new();
        let mut at = 0;
        for w in text.split(' ') {
            out.push(Token {
                span: Span::new(at, at + w.len()),
                pos: Pos::NN,
                lemma: w.to_lowercase(),
            });
            at += w.len() + 1;
        }
        out
    }

    #[test]
    fn quick_answers_agree_with_classified_tokens() {
        let text = "the Élysée in al-Hasakah and Öcalan said ‘Homs’ — 12 ash-sham el-Bab “Ünye”";
        let toks = tokens(text);
        let (starts, ends) = find_starts(text, std::iter::once(toks.as_slice()));
        let sentence = sentences(text, std::iter::once(toks.as_slice()), &starts, &ends);
        let sentence = sentence.first().unwrap();
        let words = sentence.words;
        for k in 0..=words.len() {
            let tok = words.get(k);
            assert_eq!(words.is_cap(k), tok.is_some_and(|t| t.cap), "{k}");
            let marked = sentence.name_starts().any(|s| s == k);
            assert_eq!(marked, tok.is_some_and(|t| t.name_like), "{k}");
        }
        let names: Vec<&str> = (0..words.len())
            .filter_map(|k| words.get(k))
            .filter(|t| t.name_like)
            .map(|t| t.text)
            .collect();
        assert_eq!(names, ["Élysée", "al-Hasakah", "Öcalan", "el-Bab"]);
    }

    #[test]
    fn cap_runs_are_maximal() {
        let text = "In Idlib , Syrian Army Units met Turkish officers near ‘Homs’ Ölüdeniz";
        let toks = tokens(text);
        let (starts, ends) = find_starts(text, std::iter::once(toks.as_slice()));
        let sentence = sentences(text, std::iter::once(toks.as_slice()), &starts, &ends);
        let runs: Vec<(usize, usize)> = sentence.first().unwrap().cap_runs().collect();
        assert_eq!(runs, [(0, 2), (3, 6), (7, 8), (11, 12)]);
    }

    #[test]
    fn title_case_needs_four_words_three_quarters_capitalised() {
        for (text, expected) in [
            ("Rebels Shell The Old City of Aleppo", true),
            ("Rebels shell the old city of Aleppo", false),
            ("Rebels Shell Aleppo", false),
            ("Rebels Shell Old Aleppo , Say Monitors", true),
        ] {
            let toks = tokens(text);
            let (starts, ends) = find_starts(text, std::iter::once(toks.as_slice()));
            let sentence = sentences(text, std::iter::once(toks.as_slice()), &starts, &ends);
            assert_eq!(sentence[0].is_title_case(), expected, "{text}");
        }
    }

    #[test]
    fn lower_words_are_filtered_by_shape() {
        let text = "Police said police and the Police";
        let toks = tokens(text);
        let words = Words::new(text, &toks);
        let mut shapes = [0u32; 256];
        shapes[usize::from(b'p')] = 1 << 6;
        shapes[usize::from(b'P')] = 1 << 6;
        let mut found: Vec<&str> = Vec::new();
        words.visit_lower_words_shaped(&shapes, |w| found.push(w));
        assert_eq!(found, ["police"]);
    }
}
