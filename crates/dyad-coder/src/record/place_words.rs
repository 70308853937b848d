//! The word lists of the event's place and time on the parse, from
//! `data/places/event-place.txt` (embedded; checked when the engine loads,
//! errors naming file and line).

use std::sync::OnceLock;

use crate::error::CoderError;

const EVENT_PLACE_TXT: &str = include_str!("../../../../data/places/event-place.txt");
const EVENT_PLACE_NAME: &str = "data/places/event-place.txt";

/// The lists, each lower case except the PLOVER types.
#[derive(Debug, Default, Clone, PartialEq)]
pub(crate) struct PlaceWords {
    /// Prepositions whose object is where the act happened.
    pub locative: Vec<String>,
    /// Prepositions locative only after a verb.
    pub verb_only: Vec<String>,
    /// Verbs and nouns of going somewhere ("to X" is the place).
    pub motion: Vec<String>,
    /// Verbs whose direct object is the place.
    pub place_objects: Vec<String>,
    /// Adverbs that put an undated act before the story.
    pub past_adverbs: Vec<String>,
    /// Adverbs that make an undated act a repeated one.
    pub habitual_adverbs: Vec<String>,
    /// Subordinators of a condition ("**if** they reach agreement").
    pub condition_marks: Vec<String>,
    /// Verbs of taking up a post ("before **taking** office").
    pub office_verbs: Vec<String>,
    /// Nouns of a post ("before taking **office**").
    pub office_nouns: Vec<String>,
    /// PLOVER types that happen where the story is set.
    pub placed_acts: Vec<String>,
    /// PLOVER types placed in the participants' one country (a domestic act).
    pub domestic_acts: Vec<String>,
}

impl PlaceWords {
    /// Parses the list format; errors name file and line.
    pub(crate) fn parse(name: &str, text: &str) -> Result<PlaceWords, CoderError> {
        let mut words = PlaceWords::default();
        let mut section: Option<&mut Vec<String>> = None;
        for (i, raw) in text.lines().enumerate() {
            let error = |message: String| CoderError::WordList {
                file: name.to_string(),
                line: i + 1,
                message,
            };
            let line = raw.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            if let Some(s) = line.strip_prefix('[').and_then(|s| s.strip_suffix(']')) {
                section = Some(match s {
                    "locative-prepositions" => &mut words.locative,
                    "verb-prepositions" => &mut words.verb_only,
                    "motion-words" => &mut words.motion,
                    "place-object-verbs" => &mut words.place_objects,
                    "past-adverbs" => &mut words.past_adverbs,
                    "habitual-adverbs" => &mut words.habitual_adverbs,
                    "condition-marks" => &mut words.condition_marks,
                    "office-verbs" => &mut words.office_verbs,
                    "office-nouns" => &mut words.office_nouns,
                    "placed-acts" => &mut words.placed_acts,
                    "domestic-acts" => &mut words.domestic_acts,
                    other => return Err(error(format!("unknown section [{other}]"))),
                });
                continue;
            }
            if line.contains(char::is_whitespace) {
                return Err(error(format!("one word a line, got {line:?}")));
            }
            let Some(list) = section.as_deref_mut() else {
                return Err(error(format!("{line:?} stands before any [section]")));
            };
            list.push(line.to_string());
        }
        for entry in words.placed_acts.iter().chain(&words.domestic_acts) {
            if !dyad_core::ontology::is_plover_type(entry) {
                return Err(CoderError::WordList {
                    file: name.to_string(),
                    line: line_of(text, entry),
                    message: format!("{entry:?} is not a PLOVER type"),
                });
            }
        }
        for list in [
            &mut words.locative,
            &mut words.verb_only,
            &mut words.motion,
            &mut words.place_objects,
            &mut words.past_adverbs,
            &mut words.habitual_adverbs,
            &mut words.condition_marks,
            &mut words.office_verbs,
            &mut words.office_nouns,
        ] {
            for w in list.iter_mut() {
                *w = w.to_lowercase();
            }
        }
        Ok(words)
    }

    /// The embedded lists, parsed once. [`PlaceWords::check_builtin`] (run
    /// when the engine loads) turns a defect into an error; should one slip
    /// past, the lists are empty and no place is read from the parse.
    pub(crate) fn builtin() -> &'static PlaceWords {
        static WORDS: OnceLock<PlaceWords> = OnceLock::new();
        WORDS.get_or_init(|| {
            PlaceWords::parse(EVENT_PLACE_NAME, EVENT_PLACE_TXT).unwrap_or_default()
        })
    }

    /// Checks the embedded lists (for [`crate::Engine::new`]).
    pub(crate) fn check_builtin() -> Result<(), CoderError> {
        PlaceWords::parse(EVENT_PLACE_NAME, EVENT_PLACE_TXT).map(|_| ())
    }

    /// True when `word` (lower case) is in `list`.
    pub(crate) fn has(list: &[String], word: &str) -> bool {
        list.iter().any(|w| w == word)
    }
}

/// The 1-based line of the first line reading `entry` (for errors found
/// after the pass).
fn line_of(text: &str, entry: &str) -> usize {
    text.lines()
        .position(|l| l.trim() == entry)
        .map_or(0, |i| i + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_builtin_lists_load() {
        PlaceWords::check_builtin().expect("data/places/event-place.txt");
        let w = PlaceWords::builtin();
        assert!(PlaceWords::has(&w.locative, "near"));
        assert!(PlaceWords::has(&w.place_objects, "visit"));
        assert!(PlaceWords::has(&w.placed_acts, "CONSULT"));
        assert!(PlaceWords::has(&w.condition_marks, "if"));
        assert!(PlaceWords::has(&w.domestic_acts, "COERCE"));
        assert!(!PlaceWords::has(&w.domestic_acts, "CONSULT"));
    }

    #[test]
    fn errors_name_file_and_line() {
        let err = PlaceWords::parse("x.txt", "# c\n[motion-words]\ngo\n[colours]\nred\n")
            .expect_err("unknown section");
        assert_eq!(err.to_string(), "x.txt:4: unknown section [colours]");
        let err = PlaceWords::parse("x.txt", "go\n").expect_err("no section");
        assert!(err.to_string().starts_with("x.txt:1:"), "{err}");
        let err = PlaceWords::parse("x.txt", "[placed-acts]\nCONSULT\nMEET\n").expect_err("type");
        assert_eq!(err.to_string(), "x.txt:3: \"MEET\" is not a PLOVER type");
        let err = PlaceWords::parse("x.txt", "[motion-words]\ngo home\n").expect_err("two words");
        assert!(err.to_string().starts_with("x.txt:2:"), "{err}");
    }
}
