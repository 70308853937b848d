//! Demonyms ("Syrian", "British") and the countries they point at.
//!
//! Resolution asks about every capitalised word of a document, and few are
//! demonyms: a filter by first byte, last byte and length turns most words
//! away before a key is built or hashed.

use rustc_hash::FxHashMap;

use crate::normalize::name_key_into;

/// Longest length the filter tells apart (longer keys share its top bit).
const LONG: usize = 63;

/// ASCII letters and digits, by byte (a table read per byte: every
/// capitalised word of a document is scanned).
const ALPHANUMERIC: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 256 {
        table[b] = (b as u8).is_ascii_alphanumeric();
        b += 1;
    }
    table
};

/// Demonym keys with the ISO3 country each points at.
#[derive(Debug, Default)]
pub(crate) struct Demonyms {
    countries: FxHashMap<String, String>,
    /// Bit `n` of `by_first[b]`: some key of length `n` (up to [`LONG`])
    /// starts with byte `b` (or its lower case).
    by_first: Vec<u64>,
    /// The same for the last byte.
    by_last: Vec<u64>,
}

impl Demonyms {
    pub(super) fn new(countries: FxHashMap<String, String>) -> Demonyms {
        let mut by_first = vec![0u64; 256];
        let mut by_last = vec![0u64; 256];
        for key in countries.keys() {
            let bit = length_bit(key.len());
            let bytes = key.as_bytes();
            for (masks, b) in [(&mut by_first, bytes.first()), (&mut by_last, bytes.last())] {
                // Both cases: words are asked about as written.
                for b in b.into_iter().flat_map(|&b| [b, b.to_ascii_uppercase()]) {
                    if let Some(mask) = masks.get_mut(b as usize) {
                        *mask |= bit;
                    }
                }
            }
        }
        Demonyms {
            countries,
            by_first,
            by_last,
        }
    }

    /// The ISO3 country `word` points at; `key` is scratch space. Inlined:
    /// most words leave at the filter.
    #[inline]
    pub(crate) fn country(&self, word: &str, key: &mut String) -> Option<&str> {
        let bytes = word.as_bytes();
        let plain = bytes.iter().all(|&b| ALPHANUMERIC[b as usize]);
        // A plain word's key is the word in lower case: filter first.
        if plain && !self.may_be_key(bytes) {
            return None;
        }
        self.look_up(word, plain, key)
    }

    /// [`Demonyms::country`] past the filter (`plain`: `word` is ASCII
    /// letters and digits).
    fn look_up(&self, word: &str, plain: bool, key: &mut String) -> Option<&str> {
        if plain {
            key.clear();
            key.push_str(word);
            key.make_ascii_lowercase();
        } else {
            name_key_into(word, key);
        }
        self.countries.get(key.as_str()).map(String::as_str)
    }

    /// False when no key is `word` in lower case (`word` being ASCII
    /// letters and digits).
    fn may_be_key(&self, word: &[u8]) -> bool {
        let bit = length_bit(word.len());
        let has = |masks: &[u64], b: Option<&u8>| {
            b.and_then(|&b| masks.get(b as usize))
                .is_some_and(|mask| mask & bit != 0)
        };
        has(&self.by_first, word.first()) && has(&self.by_last, word.last())
    }
}

fn length_bit(len: usize) -> u64 {
    1u64 << len.min(LONG)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn demonyms() -> Demonyms {
        let countries = [
            ("syrian", "SYR"),
            ("british", "GBR"),
            ("cote divoirian", "CIV"),
        ]
        .into_iter()
        .map(|(k, c)| (k.to_string(), c.to_string()))
        .collect();
        Demonyms::new(countries)
    }

    #[test]
    fn finds_demonyms_in_any_case_and_spelling() {
        let d = demonyms();
        let mut key = String::new();
        assert_eq!(d.country("Syrian", &mut key), Some("SYR"));
        assert_eq!(d.country("BRITISH", &mut key), Some("GBR"));
        assert_eq!(d.country("Côte d'Ivoirian", &mut key), Some("CIV"));
    }

    #[test]
    fn turns_other_words_away() {
        let d = demonyms();
        let mut key = String::new();
        for word in [
            "Syria",
            "Syrians",
            "Sxrian",
            "Britain",
            "S",
            "",
            "Syrian-born",
        ] {
            assert_eq!(d.country(word, &mut key), None, "{word}");
        }
    }
}
