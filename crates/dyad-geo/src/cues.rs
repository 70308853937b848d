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
    /// Settlement nouns that, followed by "of", name what contains the
    /// settlement instead ("the capital of Chechnya" is no town).
    pub container_nouns: HashSet<String>,
    /// Division noun → usual administrative level.
    pub division_nouns: HashMap<String, u8>,
    pub facility_nouns: HashSet<String>,
    /// Shapes of the facility nouns and of the person titles: the two
    /// questions asked of most capitalised words and their neighbours.
    facility_shapes: Shapes,
    title_shapes: Shapes,
    pub continuations: HashSet<String>,
    pub not_places: HashSet<String>,
    pub person_titles: HashSet<String>,
    pub event_nouns: HashSet<String>,
    /// Every word of the lists above but the event nouns, with what the
    /// lists say of it (built by [`Cues::index_words`]).
    words: WordTable,
}

/// Which (byte length, first byte) and (byte length, last byte) pairs a
/// set of words has, ignoring ASCII case: most other words are ruled out by
/// three reads.
#[derive(Debug, Default)]
pub(crate) struct Shapes {
    /// Per byte length (31: longer), the first and the last bytes' classes
    /// as bit sets (see [`byte_class`]).
    firsts: [u32; 32],
    lasts: [u32; 32],
}

impl Shapes {
    fn bit(b: u8) -> u32 {
        1 << byte_class(b.to_ascii_lowercase())
    }

    pub(crate) fn add(&mut self, word: &str) {
        let (Some(&first), Some(&last)) = (word.as_bytes().first(), word.as_bytes().last()) else {
            return;
        };
        let len = word.len().min(31);
        if let (Some(f), Some(l)) = (self.firsts.get_mut(len), self.lasts.get_mut(len)) {
            *f |= Shapes::bit(first);
            *l |= Shapes::bit(last);
        }
    }

    /// False when no word added has `word`'s shape.
    pub(crate) fn may_hold(&self, word: &str) -> bool {
        let (Some(&first), Some(&last)) = (word.as_bytes().first(), word.as_bytes().last()) else {
            return false;
        };
        self.may_hold_shape(word.len(), first, last)
    }

    /// False when no word added is `len` bytes long and starts with
    /// `first`, or none is and ends with `last`.
    pub(crate) fn may_hold_shape(&self, len: usize, first: u8, last: u8) -> bool {
        let len = len.min(31);
        self.firsts
            .get(len)
            .is_some_and(|f| f & Shapes::bit(first) != 0)
            && self
                .lasts
                .get(len)
                .is_some_and(|l| l & Shapes::bit(last) != 0)
    }
}

/// One of 32 classes of a byte: lower-case letters one each, other bytes
/// folded together.
fn byte_class(b: u8) -> usize {
    match b {
        b'a'..=b'z' => usize::from(b - b'a'),
        _ => 26 + usize::from(b % 6),
    }
}

/// Listed words by (byte length, lower-cased first and last bytes) cell: a
/// word is compared, ignoring ASCII case, with the word or two of its cell
/// (most cells are empty); no hashing and no lower-case copy.
#[derive(Debug, Default)]
struct WordTable {
    /// Per cell (see [`WordTable::cell`]), its range in `entries`.
    cells: Vec<(u16, u16)>,
    /// Lower-case words, ordered by cell.
    entries: Vec<(String, WordCues)>,
    /// Every word is ASCII.
    ascii: bool,
}

impl WordTable {
    const CELLS: usize = 32 * 32 * 32;

    fn cell(word: &str) -> Option<usize> {
        let bytes = word.as_bytes();
        let first = byte_class(bytes.first()?.to_ascii_lowercase());
        let last = byte_class(bytes.last()?.to_ascii_lowercase());
        Some((word.len().min(31) * 32 + first) * 32 + last)
    }

    fn new(words: HashMap<String, WordCues>) -> WordTable {
        let ascii = words.keys().all(|w| w.is_ascii());
        let mut entries: Vec<(usize, String, WordCues)> = words
            .into_iter()
            .filter_map(|(w, c)| Some((WordTable::cell(&w)?, w, c)))
            .collect();
        entries.sort_unstable_by(|a, b| (a.0, &a.1).cmp(&(b.0, &b.1)));
        let mut cells = vec![(0u16, 0u16); WordTable::CELLS];
        for (at, (cell, _, _)) in entries.iter().enumerate() {
            let (Some(range), Ok(at)) = (cells.get_mut(*cell), u16::try_from(at)) else {
                continue;
            };
            if range.1 == range.0 {
                *range = (at, at);
            }
            range.1 = at.saturating_add(1);
        }
        WordTable {
            cells,
            entries: entries.into_iter().map(|(_, w, c)| (w, c)).collect(),
            ascii,
        }
    }

    /// The entry of `word` (any ASCII case; other characters as listed).
    fn get(&self, word: &str) -> WordCues {
        let Some(&(from, to)) = WordTable::cell(word).and_then(|c| self.cells.get(c)) else {
            return WordCues::default();
        };
        self.entries
            .get(usize::from(from)..usize::from(to))
            .unwrap_or_default()
            .iter()
            // Listed words are lower case: only `word` is folded.
            .find(|(listed, _)| {
                listed.len() == word.len()
                    && listed
                        .bytes()
                        .zip(word.bytes())
                        .all(|(l, w)| l == w.to_ascii_lowercase())
            })
            .map(|&(_, cues)| cues)
            .unwrap_or_default()
    }
}

/// What the word lists say about one lower-case word (one hash probe
/// answers every list recognition asks about).
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub(crate) struct WordCues {
    pub preposition: bool,
    pub settlement_noun: bool,
    pub container_noun: bool,
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
                "container-nouns" => {
                    cues.container_nouns.insert(word);
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
        let lists: [(&HashSet<String>, MarkList); 7] = [
            (&self.prepositions, |w| w.preposition = true),
            (&self.settlement_nouns, |w| w.settlement_noun = true),
            (&self.container_nouns, |w| w.container_noun = true),
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
        self.words = WordTable::new(words);
    }

    /// The embedded lists (parsed once; a defect in them leaves lists empty,
    /// which the unit test below rules out).
    pub(crate) fn builtin() -> &'static Cues {
        static CUES: OnceLock<Cues> = OnceLock::new();
        CUES.get_or_init(|| Cues::parse(RECOGNITION_NAME, RECOGNITION_TXT).unwrap_or_default())
    }

    /// True when `word`, in lower case, is a facility noun.
    pub(crate) fn is_facility_noun(&self, word: &str) -> bool {
        if word.is_ascii() && !self.facility_shapes.may_hold(word) {
            return false;
        }
        self.word(word).facility_noun
    }

    /// What the lists say about `word`, in any case.
    pub(crate) fn word(&self, word: &str) -> WordCues {
        if word.is_ascii() {
            return self.words.get(word);
        }
        // Lower-casing keeps a non-ASCII character non-ASCII (but for the
        // Kelvin sign): such words are not in ASCII lists.
        if self.words.ascii && word.chars().any(|c| !c.is_ascii() && c != '\u{212A}') {
            return WordCues::default();
        }
        self.words.get(&word.to_lowercase())
    }

    /// False when a word of `len` bytes starting with `first` and ending
    /// with `last` surely is no person title (see [`Cues::is_person_title`]);
    /// non-ASCII ends and full stops are left to it.
    pub(crate) fn may_be_person_title(&self, len: usize, first: u8, last: u8) -> bool {
        !first.is_ascii()
            || !last.is_ascii()
            || last == b'.'
            || self.title_shapes.may_hold_shape(len, first, last)
    }

    /// True when `word` (any case, full stops at its end ignored: "Gen.")
    /// is a person title.
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
        assert!(cues.container_nouns.contains("capital"));
        assert_eq!(cues.division_level("Governorates"), Some(1));
        assert_eq!(cues.division_level("district"), Some(2));
        assert_eq!(cues.division_level("Counties"), Some(2));
        assert!(cues.facility_nouns.contains("cosmodrome"));
        assert!(cues.person_titles.contains("president"));
        assert!(cues.event_nouns.contains("shelling"));
    }

    #[test]
    fn one_lookup_answers_every_list_in_any_case() {
        let cues = Cues::parse(RECOGNITION_NAME, RECOGNITION_TXT).unwrap();
        assert!(cues.word("Near").preposition);
        assert!(cues.word("CITY").settlement_noun);
        assert_eq!(cues.word("Governorates").division_level, Some(1));
        assert_eq!(cues.word("counties").division_level, Some(2));
        assert!(cues.is_facility_noun("Cosmodrome"));
        assert!(cues.is_person_title("Gen.") && cues.is_person_title("PRESIDENT"));
        assert!(cues.word("said").continuation && cues.word("Monday").continuation);
        assert!(!cues.word("Aleppo").is_listed() && !cues.word("Ḩimş").is_listed());
        assert!(!cues.word("").is_listed() && !cues.word("cities-of").is_listed());
        // Every listed word is found, whatever its cell neighbours.
        for list in [&cues.prepositions, &cues.not_places, &cues.facility_nouns] {
            for word in list {
                assert!(cues.word(&word.to_uppercase()).is_listed(), "{word}");
            }
        }
    }

    #[test]
    fn bad_lists_are_reported_with_line() {
        let err = Cues::parse("x.txt", "[division-nouns]\nregion one\n").unwrap_err();
        assert!(err.contains("x.txt:2"), "{err}");
        let err = Cues::parse("x.txt", "orphan\n").unwrap_err();
        assert!(err.contains("x.txt:1"), "{err}");
    }
}
