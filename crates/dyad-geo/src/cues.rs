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
    /// Every word of the lists above but the event nouns, with what the
    /// lists say of it (built by [`Cues::index_words`]).
    words: HashMap<String, WordCues>,
    word_shapes: Shapes,
    title_shapes: Shapes,
    /// Every key of `words` is ASCII.
    ascii_words: bool,
}

/// Which (byte length, first byte) pairs a word list's (lower-case) words
/// have: most words are ruled out without hashing.
#[derive(Debug, Default)]
struct Shapes {
    /// Per byte length (31: longer), the first bytes as a bit set of 32
    /// classes (letters one each, other bytes folded together).
    firsts_by_length: [u32; 32],
}

impl Shapes {
    fn cell(len: usize, first: u8) -> (usize, u32) {
        let class = match first {
            b'a'..=b'z' => first - b'a',
            _ => 26 + first % 6,
        };
        (len.min(31), 1 << class)
    }

    fn add(&mut self, word: &str) {
        if let Some(&b) = word.as_bytes().first() {
            let (len, bit) = Shapes::cell(word.len(), b);
            if let Some(w) = self.firsts_by_length.get_mut(len) {
                *w |= bit;
            }
        }
    }

    /// For an ASCII word: false when its lower-case form (same length,
    /// first byte lower-cased) is surely not in the list.
    fn may_hold(&self, word: &str) -> bool {
        word.as_bytes().first().is_some_and(|&b| {
            let (len, bit) = Shapes::cell(word.len(), b.to_ascii_lowercase());
            self.firsts_by_length.get(len).is_some_and(|w| w & bit != 0)
        })
    }
}

/// What the word lists say about one lower-case word (one hash probe
/// answers every list recognition asks about).
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub(crate) struct WordCues {
    pub preposition: bool,
    pub settlement_noun: bool,
    /// As [`Cues::division_level`] (plural forms included).
    pub division_level: Option<u8>,
    pub facility_noun: bool,
    pub continuation: bool,
    pub not_place: bool,
    pub person_title: bool,
}

/// Sets the flag of one list in a [`WordCues`].
type MarkList = fn(&mut WordCues);

impl WordCues {
    /// In any of the lists.
    pub(crate) fn is_listed(&self) -> bool {
        *self != WordCues::default()
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
                    cues.title_shapes.add(&word);
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
        cues.index_words();
        Ok(cues)
    }

    /// Fills `words`: each listed word (and each plural a division noun
    /// answers to) with the lists that hold it.
    fn index_words(&mut self) {
        let mut words: HashMap<String, WordCues> = HashMap::default();
        let lists: [(&HashSet<String>, MarkList); 6] = [
            (&self.prepositions, |w| w.preposition = true),
            (&self.settlement_nouns, |w| w.settlement_noun = true),
            (&self.facility_nouns, |w| w.facility_noun = true),
            (&self.continuations, |w| w.continuation = true),
            (&self.not_places, |w| w.not_place = true),
            (&self.person_titles, |w| w.person_title = true),
        ];
        for (list, mark) in lists {
            for word in list {
                mark(words.entry(word.clone()).or_default());
            }
        }
        // Every form division_level answers to, in its order of preference:
        // the noun itself, "…s", "…ies" for "…y".
        for (noun, &level) in &self.division_nouns {
            words.entry(noun.clone()).or_default().division_level = Some(level);
        }
        for (noun, &level) in &self.division_nouns {
            let entry = words.entry(format!("{noun}s")).or_default();
            entry.division_level.get_or_insert(level);
        }
        for (noun, &level) in &self.division_nouns {
            if let Some(stem) = noun.strip_suffix('y') {
                let entry = words.entry(format!("{stem}ies")).or_default();
                entry.division_level.get_or_insert(level);
            }
        }
        for word in words.keys() {
            self.word_shapes.add(word);
        }
        self.ascii_words = words.keys().all(|w| w.is_ascii());
        self.words = words;
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

    /// What the lists say about `word`, in any case; most words are ruled
    /// out by their length and first byte, unhashed and uncopied.
    pub(crate) fn word(&self, word: &str) -> WordCues {
        if !word.is_ascii() {
            // Lower-casing keeps a non-ASCII character non-ASCII (but for
            // the Kelvin sign): such words are not in ASCII lists.
            if self.ascii_words && word.chars().any(|c| !c.is_ascii() && c != '\u{212A}') {
                return WordCues::default();
            }
            return self.lookup_lower(&word.to_lowercase());
        }
        if !self.word_shapes.may_hold(word) {
            return WordCues::default();
        }
        if !word.bytes().any(|b| b.is_ascii_uppercase()) {
            return self.lookup_lower(word);
        }
        let mut buf = [0u8; 32];
        match buf.get_mut(..word.len()) {
            Some(lower) => {
                lower.copy_from_slice(word.as_bytes());
                lower.make_ascii_lowercase();
                std::str::from_utf8(lower)
                    .map_or_else(|_| WordCues::default(), |lower| self.lookup_lower(lower))
            }
            None => self.lookup_lower(&word.to_ascii_lowercase()),
        }
    }

    fn lookup_lower(&self, lower: &str) -> WordCues {
        self.words.get(lower).copied().unwrap_or_default()
    }

    /// True when `word` (any case, full stops at its end ignored: "Gen.")
    /// is a person title; most words are ruled out unhashed.
    pub(crate) fn is_person_title(&self, word: &str) -> bool {
        let word = word.trim_end_matches('.');
        if word.is_ascii() && !self.title_shapes.may_hold(word) {
            return false;
        }
        self.word(word).person_title
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
