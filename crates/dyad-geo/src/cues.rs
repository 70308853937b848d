//! Word lists that steer recognition, from `data/gazetteer/recognition.txt`
//! (embedded; see that file for what each list means).

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::borrow::Cow;
use std::sync::OnceLock;

/// The embedded word lists.
const RECOGNITION_TXT: &str = include_str!("../../../data/gazetteer/recognition.txt");
const RECOGNITION_NAME: &str = "data/gazetteer/recognition.txt";

/// Parsed word lists.
#[derive(Debug, Default)]
pub(crate) struct Cues {
    pub prepositions: HashSet<String>,
    pub settlement_nouns: HashSet<String>,
    /// Division noun → usual administrative level.
    pub division_nouns: HashMap<String, u8>,
    pub facility_nouns: HashSet<String>,
    facility_shapes: Shapes,
    pub continuations: HashSet<String>,
    pub not_places: HashSet<String>,
    pub person_titles: HashSet<String>,
    pub event_nouns: HashSet<String>,
}

/// Lengths and first bytes of a word list's (lower-case) words as bit sets:
/// most words are ruled out without hashing.
#[derive(Debug, Default)]
struct Shapes {
    /// Byte lengths (63: longer).
    lengths: u64,
    first_bytes: [u64; 4],
}

impl Shapes {
    fn add(&mut self, word: &str) {
        self.lengths |= 1 << word.len().min(63);
        if let Some(&b) = word.as_bytes().first() {
            if let Some(w) = self.first_bytes.get_mut(usize::from(b >> 6)) {
                *w |= 1 << (b & 63);
            }
        }
    }

    /// For an ASCII word: false when its lower-case form (same length,
    /// first byte lower-cased) is surely not in the list.
    fn may_hold(&self, word: &str) -> bool {
        let first = word.as_bytes().first().map(u8::to_ascii_lowercase);
        first.is_some_and(|b| {
            self.first_bytes
                .get(usize::from(b >> 6))
                .is_some_and(|w| w & (1 << (b & 63)) != 0)
        }) && self.lengths & (1 << word.len().min(63)) != 0
    }
}

impl Cues {
    /// Parses the list format; errors name the line.
    pub(crate) fn parse(name: &str, text: &str) -> Result<Cues, String> {
        let mut cues = Cues::default();
        let mut section = String::new();
        for (i, raw) in text.lines().enumerate() {
            let line = raw.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            if let Some(s) = line.strip_prefix('[').and_then(|s| s.strip_suffix(']')) {
                section = s.to_string();
                continue;
            }
            let word = line.to_lowercase();
            match section.as_str() {
                "prepositions" => {
                    cues.prepositions.insert(word);
                }
                "settlement-nouns" => {
                    cues.settlement_nouns.insert(word);
                }
                "division-nouns" => {
                    let mut parts = word.split_whitespace();
                    let (Some(noun), Some(level)) = (parts.next(), parts.next()) else {
                        return Err(format!("{name}:{}: expected 'noun level'", i + 1));
                    };
                    let level: u8 = level.parse().map_err(|_| {
                        format!("{name}:{}: level {level:?} is not a number", i + 1)
                    })?;
                    cues.division_nouns.insert(noun.to_string(), level);
                }
                "facility-nouns" => {
                    cues.facility_shapes.add(&word);
                    cues.facility_nouns.insert(word);
                }
                "continuations" => {
                    cues.continuations.insert(word);
                }
                "not-places" => {
                    cues.not_places.insert(word);
                }
                "person-titles" => {
                    cues.person_titles.insert(word);
                }
                "event-nouns" => {
                    cues.event_nouns.insert(word);
                }
                other => {
                    return Err(format!(
                        "{name}:{}: entry outside a known section ({other:?})",
                        i + 1
                    ));
                }
            }
        }
        Ok(cues)
    }

    /// The embedded lists (parsed once; a defect in them leaves lists empty,
    /// which the unit test below rules out).
    pub(crate) fn builtin() -> &'static Cues {
        static CUES: OnceLock<Cues> = OnceLock::new();
        CUES.get_or_init(|| Cues::parse(RECOGNITION_NAME, RECOGNITION_TXT).unwrap_or_default())
    }

    /// True when `word`, in lower case, is a facility noun; most words are
    /// ruled out by their length, unread.
    pub(crate) fn is_facility_noun(&self, word: &str) -> bool {
        if !word.is_ascii() {
            return self.facility_nouns.contains(&word.to_lowercase());
        }
        if !self.facility_shapes.may_hold(word) {
            return false;
        }
        if word.bytes().any(|b| b.is_ascii_uppercase()) {
            self.facility_nouns.contains(&word.to_ascii_lowercase())
        } else {
            self.facility_nouns.contains(word)
        }
    }

    /// Level of a division noun, singular or plural ("Governorates").
    pub(crate) fn division_level(&self, word: &str) -> Option<u8> {
        // Callers mostly pass lower-case ASCII: no copy then.
        let w: Cow<'_, str> = if word
            .bytes()
            .all(|b| b.is_ascii() && !b.is_ascii_uppercase())
        {
            Cow::Borrowed(word)
        } else {
            Cow::Owned(word.to_lowercase())
        };
        let w = w.as_ref();
        self.division_nouns
            .get(w)
            .or_else(|| w.strip_suffix('s').and_then(|s| self.division_nouns.get(s)))
            .or_else(|| {
                w.strip_suffix("ies")
                    .and_then(|s| self.division_nouns.get(&format!("{s}y")))
            })
            .copied()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_lists_parse_and_hold_the_core_cues() {
        let cues = Cues::parse(RECOGNITION_NAME, RECOGNITION_TXT).unwrap();
        assert!(cues.prepositions.contains("near") && cues.prepositions.contains("outside"));
        assert!(cues.settlement_nouns.contains("city"));
        assert_eq!(cues.division_level("Governorates"), Some(1));
        assert_eq!(cues.division_level("district"), Some(2));
        assert_eq!(cues.division_level("Counties"), Some(2));
        assert!(cues.facility_nouns.contains("cosmodrome"));
        assert!(cues.person_titles.contains("president"));
        assert!(cues.event_nouns.contains("shelling"));
    }

    #[test]
    fn bad_lists_are_reported_with_line() {
        let err = Cues::parse("x.txt", "[division-nouns]\nregion one\n").unwrap_err();
        assert!(err.contains("x.txt:2"), "{err}");
        let err = Cues::parse("x.txt", "orphan\n").unwrap_err();
        assert!(err.contains("x.txt:1"), "{err}");
    }
}
