//! Feature hashing and the per-word values features are built from.
//!
//! A feature is a template number combined with one to four values (word
//! hashes, tag ids, labels, distances) into a 64-bit key. Word strings are
//! hashed once per sentence; building a feature is then a few multiplies.

use std::hash::Hasher;

const K: u64 = 0x51_7c_c1_b7_27_22_0a_95;

/// Hashes a string (FxHash over its bytes, finished with a mix).
#[inline]
pub fn hash_str(s: &str) -> u64 {
    let mut h = rustc_hash::FxHasher::default();
    h.write(s.as_bytes());
    h.write_u8(0xff);
    mix(h.finish())
}

#[inline]
fn mix(mut x: u64) -> u64 {
    x ^= x >> 33;
    x = x.wrapping_mul(0xff51_afd7_ed55_8ccd);
    x ^= x >> 33;
    x
}

/// Combines a template number and values into a feature key.
#[inline]
pub fn f1(t: u32, a: u64) -> u64 {
    mix((t as u64).wrapping_mul(K) ^ a)
}

/// Two values.
#[inline]
pub fn f2(t: u32, a: u64, b: u64) -> u64 {
    mix((t as u64).wrapping_mul(K) ^ a ^ b.rotate_left(23).wrapping_mul(K))
}

/// Three values.
#[inline]
pub fn f3(t: u32, a: u64, b: u64, c: u64) -> u64 {
    mix((t as u64).wrapping_mul(K)
        ^ a
        ^ b.rotate_left(23).wrapping_mul(K)
        ^ c.rotate_left(41).wrapping_mul(0x9e37_79b9_7f4a_7c15))
}

/// Four values.
#[inline]
pub fn f4(t: u32, a: u64, b: u64, c: u64, d: u64) -> u64 {
    f2(t, f3(t, a, b, c), d)
}

/// The values of one word that tagger and parser features use.
#[derive(Debug, Clone, Copy, Default)]
pub struct WordInfo {
    /// The form as written.
    pub form: u64,
    /// The lower-cased form (digits mapped to `0`).
    pub lower: u64,
    /// Lower-cased suffixes of 1–4 characters.
    pub suffix: [u64; 4],
    /// Lower-cased prefixes of 1–3 characters.
    pub prefix: [u64; 3],
    /// Word shape ("Xxxx", "dd", "x-x"), runs collapsed.
    pub shape: u64,
    /// Bit flags: 1 capital initial, 2 all caps, 4 has digit, 8 has hyphen,
    /// 16 no letter at all.
    pub flags: u64,
    /// The tag dyad-text's lexicon gives the word (a 94k-word lexicon from
    /// outside the treebank: known tags for words the treebank lacks).
    pub lex: u64,
}

/// Computes [`WordInfo`] for a word; `buf` is a reusable buffer and
/// `lexicon` dyad-text's tagger (for its lexicon).
pub fn word_info(word: &str, buf: &mut String, lexicon: &dyad_text::tag::Tagger) -> WordInfo {
    buf.clear();
    let mut flags = 0u64;
    let mut letters = 0usize;
    let mut uppers = 0usize;
    for (i, c) in word.chars().enumerate() {
        if c.is_ascii_digit() {
            buf.push('0');
            flags |= 4;
            continue;
        }
        if c == '-' {
            flags |= 8;
        }
        if c.is_alphabetic() {
            letters += 1;
            if c.is_uppercase() {
                uppers += 1;
                if i == 0 {
                    flags |= 1;
                }
            }
        }
        buf.extend(c.to_lowercase());
    }
    if letters > 1 && uppers == letters {
        flags |= 2;
    }
    if letters == 0 {
        flags |= 16;
    }
    let lower = hash_str(buf);
    let chars: Vec<(usize, char)> = buf.char_indices().collect();
    let n = chars.len();
    let mut suffix = [0u64; 4];
    for (k, s) in suffix.iter_mut().enumerate() {
        let len = k + 1;
        *s = if n >= len {
            let start = chars[n - len].0;
            f1(1000 + k as u32, hash_str(&buf[start..]))
        } else {
            f1(1000 + k as u32, lower)
        };
    }
    let mut prefix = [0u64; 3];
    for (k, p) in prefix.iter_mut().enumerate() {
        let len = k + 1;
        *p = if n > len {
            let end = chars[len].0;
            f1(1100 + k as u32, hash_str(&buf[..end]))
        } else {
            f1(1100 + k as u32, lower)
        };
    }
    let mut shape = String::new();
    let mut last = '\0';
    let mut run = 0;
    for c in word.chars() {
        let s = if c.is_uppercase() {
            'X'
        } else if c.is_lowercase() {
            'x'
        } else if c.is_ascii_digit() {
            'd'
        } else if c.is_alphabetic() {
            'a'
        } else {
            c
        };
        if s == last {
            run += 1;
            if run >= 2 {
                continue;
            }
        } else {
            run = 0;
        }
        last = s;
        shape.push(s);
        if shape.len() > 12 {
            break;
        }
    }
    WordInfo {
        form: hash_str(word),
        lower,
        suffix,
        prefix,
        shape: hash_str(&shape),
        flags,
        lex: lexicon.lexicon_tag(word).map_or(0, |p| p as u64 + 1),
    }
}

/// The padding value for positions outside the sentence.
pub const NONE: u64 = 0x6e6f_6e65;
