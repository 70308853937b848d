//! Reading a number at a token position: digits with scale words ("4.8
//! million", "$1.2bn"), number words ("two hundred and fifty", "a dozen")
//! and vague plurals ("tens of millions", "hundreds of").

use crate::dates::scan::{Kind, Tok};

/// A number read from the tokens.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Number {
    /// The value (a lower bound for vague plurals).
    pub value: f64,
    /// Index of the first token after the number.
    pub end: usize,
    /// True for vague plurals ("hundreds of"): the value is a lower bound.
    pub vague: bool,
    /// True when written in words ("nine", "a dozen").
    pub worded: bool,
    /// The scale word applied to digits ("4.8 million" → 1e6), else 1.
    pub scale: f64,
}

/// Multiplier of a scale word, written apart ("4.8 million") or glued
/// ("4.8m", "1.2bn").
fn scale(lower: &str, glued: bool) -> Option<f64> {
    match lower {
        "thousand" => Some(1e3),
        "million" | "mln" => Some(1e6),
        "billion" => Some(1e9),
        "trillion" => Some(1e12),
        "k" if glued => Some(1e3),
        "m" | "mn" if glued => Some(1e6),
        "bn" | "b" if glued => Some(1e9),
        "bn" => Some(1e9),
        "tn" if glued => Some(1e12),
        _ => None,
    }
}

/// Units of measurement that may be glued to digits ("5km").
pub(crate) fn glued_measure(lower: &str) -> bool {
    matches!(
        lower,
        "km" | "kms"
            | "kg"
            | "kgs"
            | "mi"
            | "ft"
            | "t"
            | "mw"
            | "gw"
            | "kw"
            | "ha"
            | "mph"
            | "kmh"
            | "sq"
    )
}

/// Value of a number word below a hundred ("seven", "forty").
fn unit_word(lower: &str) -> Option<f64> {
    crate::number_words::cardinal(lower).map(f64::from)
}

/// Base of a vague plural ("dozens" → 12, "thousands" → 1000).
fn vague_base(lower: &str) -> Option<f64> {
    match lower {
        "tens" => Some(10.0),
        "dozens" => Some(12.0),
        "scores" => Some(20.0),
        "hundreds" => Some(100.0),
        "thousands" => Some(1e3),
        "millions" => Some(1e6),
        "billions" => Some(1e9),
        _ => None,
    }
}

/// True for any word that can be part of a number phrase.
pub(crate) fn is_number_word(lower: &str) -> bool {
    unit_word(lower).is_some()
        || vague_base(lower).is_some()
        || matches!(
            lower,
            "hundred" | "thousand" | "million" | "billion" | "trillion" | "dozen"
        )
}

fn word<'t>(t: &'t [Tok], i: usize) -> Option<&'t str> {
    t.get(i)
        .filter(|x| x.kind == Kind::Word)
        .map(|x| x.lower.as_ref())
}

fn glued(t: &[Tok], i: usize) -> bool {
    t.get(i).is_some_and(|x| !x.spaced)
}

/// Reads a number starting at token `i`.
pub(crate) fn read_number(t: &[Tok], i: usize) -> Option<Number> {
    let tok = t.get(i)?;
    match tok.kind {
        Kind::Num => read_digits(t, i),
        Kind::Word => read_vague(t, i).or_else(|| read_words(t, i)),
        Kind::Punct => None,
    }
}

/// "10,000", "4.8 million", "4.8m", "1.2bn".
fn read_digits(t: &[Tok], i: usize) -> Option<Number> {
    let mut value = t.get(i)?.num_value()?;
    let mut end = i + 1;
    // "$9-billion": a hyphen may join digits and a scale word
    let hyphen = t.get(end).is_some_and(|x| x.is_punct('-') && !x.spaced)
        && t.get(end + 1)
            .is_some_and(|x| !x.spaced && scale(&x.lower, false).is_some());
    if hyphen {
        end += 1;
    }
    let mut applied = 1.0;
    if let Some(next) = t.get(end).filter(|x| x.kind == Kind::Word) {
        if let Some(s) = scale(&next.lower, !next.spaced) {
            value *= s;
            applied = s;
            end += 1;
        }
    }
    value.is_finite().then_some(Number {
        value,
        end,
        vague: false,
        worded: false,
        scale: applied,
    })
}

/// "tens of millions", "hundreds of thousands of", "dozens of", "several
/// hundred". The value is a lower bound: twice the base.
fn read_vague(t: &[Tok], i: usize) -> Option<Number> {
    let first = word(t, i)?;
    if matches!(first, "several" | "few") || (first == "a" && word(t, i + 1) == Some("few")) {
        let k = if first == "a" { i + 2 } else { i + 1 };
        let factor = if first == "several" { 3.0 } else { 2.0 };
        let base = match word(t, k)? {
            "hundred" => 100.0,
            "thousand" => 1e3,
            "million" => 1e6,
            "billion" => 1e9,
            "dozen" => 12.0,
            _ => return None,
        };
        return Some(Number {
            value: factor * base,
            end: k + 1,
            vague: true,
            worded: true,
            scale: 1.0,
        });
    }
    let mut value = 2.0 * vague_base(first)?;
    let mut end = i + 1;
    // "tens of millions (of)", "hundreds of thousands (of)"
    if word(t, end) == Some("of") {
        end += 1;
        if let Some(next) = word(t, end).and_then(vague_base) {
            value *= next;
            end += 1;
            if word(t, end) == Some("of") {
                end += 1;
            }
        }
    }
    Some(Number {
        value,
        end,
        vague: true,
        worded: true,
        scale: 1.0,
    })
}

/// "nine", "twenty-five", "two hundred and fifty", "a dozen", "two dozen",
/// "half a dozen", "a million", "two million", "1.5 million" is digits.
fn read_words(t: &[Tok], i: usize) -> Option<Number> {
    let first = word(t, i)?;
    let mut k = i;
    let mut total = 0.0_f64;
    let mut current = 0.0_f64;
    let mut any = false;
    if first == "half" && word(t, i + 1) == Some("a") {
        let s = match word(t, i + 2)? {
            "dozen" => 12.0,
            "million" => 1e6,
            "billion" => 1e9,
            "thousand" => 1e3,
            "hundred" => 100.0,
            _ => return None,
        };
        return Some(Number {
            value: s / 2.0,
            end: i + 3,
            vague: false,
            worded: true,
            scale: 1.0,
        });
    }
    // a scale word alone ("billion") is the tail of a number already read
    if matches!(
        first,
        "hundred" | "thousand" | "million" | "billion" | "trillion" | "dozen"
    ) {
        return None;
    }
    if matches!(first, "a" | "an") {
        match word(t, i + 1) {
            Some("dozen" | "hundred" | "thousand" | "million" | "billion") => {
                current = 1.0;
                k = i + 1;
            }
            _ => return None,
        }
    }
    // bounded: a number phrase has at most a dozen words
    while k < t.len() && k < i + 12 {
        let Some(w) = word(t, k) else { break };
        if let Some(v) = unit_word(w) {
            current += v;
            any = true;
            k += 1;
            // "twenty-five"
            if v >= 20.0
                && t.get(k).is_some_and(|x| x.is_punct('-') && !x.spaced)
                && glued(t, k + 1)
            {
                if let Some(u) = word(t, k + 1).and_then(unit_word).filter(|u| *u < 10.0) {
                    current += u;
                    k += 2;
                }
            }
            continue;
        }
        match w {
            "hundred" => current = current.max(1.0) * 100.0,
            "dozen" => current = current.max(1.0) * 12.0,
            "thousand" | "million" | "billion" | "trillion" => {
                let s = scale(w, false).unwrap_or(1.0);
                total += current.max(1.0) * s;
                current = 0.0;
            }
            "and" if any && word(t, k + 1).and_then(unit_word).is_some() => {}
            _ => break,
        }
        any = true;
        k += 1;
    }
    if !any {
        return None;
    }
    Some(Number {
        value: total + current,
        end: k,
        vague: false,
        worded: true,
        scale: 1.0,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dates::scan::tokenize;

    fn read(text: &str) -> Option<(f64, bool)> {
        let t = tokenize(text);
        read_number(&t, 0).map(|n| (n.value, n.vague))
    }

    #[test]
    fn digits_and_scales() {
        assert_eq!(read("10,000 containers"), Some((10_000.0, false)));
        assert_eq!(read("4.8 million shells"), Some((4_800_000.0, false)));
        assert_eq!(read("1.2bn"), Some((1_200_000_000.0, false)));
        assert_eq!(read("9-billion deal"), Some((9e9, false)));
        assert_eq!(read("billion"), None);
    }

    #[test]
    fn words() {
        assert_eq!(read("nine months"), Some((9.0, false)));
        assert_eq!(read("twenty-five people"), Some((25.0, false)));
        assert_eq!(read("two hundred and fifty people"), Some((250.0, false)));
        assert_eq!(read("a dozen drones"), Some((12.0, false)));
        assert_eq!(read("two dozen drones"), Some((24.0, false)));
        assert_eq!(read("half a dozen drones"), Some((6.0, false)));
        assert_eq!(read("three million people"), Some((3e6, false)));
        assert_eq!(read("a house"), None);
    }

    #[test]
    fn vague_plurals_are_lower_bounds() {
        assert_eq!(read("tens of millions of people"), Some((2e7, true)));
        assert_eq!(read("hundreds of thousands"), Some((2e5, true)));
        assert_eq!(read("dozens of drones"), Some((24.0, true)));
        assert_eq!(read("several hundred troops"), Some((300.0, true)));
    }
}
