//! Country codes as hash keys that cost one word to hash and compare.
//!
//! Scoring asks per candidate what the document says about its country
//! (actors, demonyms, other places): ISO3 codes packed into a number make
//! each of those look-ups a one-word hash instead of a string hash and a
//! byte comparison.

/// A country code: packed when short (every ISO3 code), else the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(super) enum CountryKey<'a> {
    /// Up to seven bytes, with the length in the top byte.
    Packed(u64),
    Long(&'a str),
}

impl<'a> CountryKey<'a> {
    pub(super) fn of(code: &'a str) -> CountryKey<'a> {
        let bytes = code.as_bytes();
        if bytes.len() > 7 {
            return CountryKey::Long(code);
        }
        let mut packed = (bytes.len() as u64) << 56;
        for (i, &b) in bytes.iter().enumerate() {
            packed |= u64::from(b) << (8 * i);
        }
        CountryKey::Packed(packed)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn equal_codes_give_equal_keys_and_others_differ() {
        assert_eq!(CountryKey::of("SYR"), CountryKey::of("SYR"));
        let codes = ["", "SY", "SYR", "SYR\0", "RYS", "LONGCODE1", "LONGCODE2"];
        for (i, a) in codes.iter().enumerate() {
            for b in codes.iter().skip(i + 1) {
                assert_ne!(CountryKey::of(a), CountryKey::of(b), "{a} {b}");
            }
        }
    }
}
