//! The word lists of the context rules (`crate::context`): embedded from
//! `data/patterns/actors/context-words.txt`, one `[section]` a list, parsed
//! once and checked when the lexicon loads ([`check_builtin`]; errors name
//! the file and the line).

use std::sync::OnceLock;

use crate::error::{Problem, Severity};

const CONTEXT_WORDS_TXT: &str = include_str!("../../../data/patterns/actors/context-words.txt");
const CONTEXT_WORDS_NAME: &str = "data/patterns/actors/context-words.txt";

/// The sections of the file, each a list the context rules consult.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum List {
    /// Nouns of people a state posts abroad ("ambassador").
    PostedAbroad,
    /// Cities that seat international bodies ("Geneva").
    InternationalSeats,
    /// Points of the compass before a place ("south-west").
    Compass,
    /// Kinds of place before "of" and a name ("town").
    PlaceKinds,
    /// Determiners opening a sentence before a mention ("The").
    OpeningDeterminers,
    /// Verbs of leaving a home ("fled").
    LeavingHome,
    /// Words not allowed between the article and a nationality ("on").
    NotBeforeNationality,
    /// Words ending a nationality apposition ("who").
    AfterNationality,
    GatheringBodies,
    GatheringTopics,
}

const SECTIONS: &[(&str, List)] = &[
    ("posted-abroad", List::PostedAbroad),
    ("international-seats", List::InternationalSeats),
    ("compass", List::Compass),
    ("place-kinds", List::PlaceKinds),
    ("opening-determiners", List::OpeningDeterminers),
    ("leaving-home", List::LeavingHome),
    ("not-before-nationality", List::NotBeforeNationality),
    ("after-nationality", List::AfterNationality),
    ("gathering-bodies", List::GatheringBodies),
    ("gathering-topics", List::GatheringTopics),
];

/// The parsed lists, in the order of [`SECTIONS`].
type Lists = Vec<Vec<String>>;

fn problem(file: &str, line: usize, entry: &str, message: String) -> Problem {
    Problem {
        severity: Severity::Error,
        file: file.to_string(),
        line,
        column: None,
        entry: entry.to_string(),
        message,
    }
}

/// Parses the file: `[section]` lines, then one entry a line; `#` comments.
fn parse(name: &str, text: &str) -> Result<Lists, Problem> {
    let mut lists: Lists = vec![Vec::new(); SECTIONS.len()];
    let mut current: Option<usize> = None;
    for (i, raw) in text.lines().enumerate() {
        let line = raw.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        if let Some(head) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            let Some(k) = SECTIONS.iter().position(|(s, _)| *s == head) else {
                return Err(problem(name, i + 1, line, "unknown section".to_string()));
            };
            if !lists.get(k).is_some_and(Vec::is_empty) {
                return Err(problem(name, i + 1, line, "section repeated".to_string()));
            }
            current = Some(k);
            continue;
        }
        let Some(k) = current else {
            return Err(problem(
                name,
                i + 1,
                line,
                "entry before any [section] line".to_string(),
            ));
        };
        if !line
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, ' ' | '-' | '\'' | '’'))
            || line.contains("  ")
        {
            return Err(problem(
                name,
                i + 1,
                line,
                "expected a word or phrase (letters, digits, single spaces, hyphens)".to_string(),
            ));
        }
        let Some(list) = lists.get_mut(k) else {
            continue;
        };
        if list.iter().any(|w| w == line) {
            return Err(problem(name, i + 1, line, "entry repeated".to_string()));
        }
        list.push(line.to_string());
    }
    for ((section, _), list) in SECTIONS.iter().zip(&lists) {
        if list.is_empty() {
            return Err(problem(
                name,
                0,
                section,
                format!("section [{section}] missing or empty"),
            ));
        }
    }
    Ok(lists)
}

/// The embedded lists, parsed once ([`check_builtin`] turns a defect into a
/// load error; should one slip past, every list is empty).
fn builtin() -> &'static Lists {
    static LISTS: OnceLock<Lists> = OnceLock::new();
    LISTS.get_or_init(|| parse(CONTEXT_WORDS_NAME, CONTEXT_WORDS_TXT).unwrap_or_default())
}

/// Checks the embedded file (for the lexicon's loading).
pub(crate) fn check_builtin() -> Result<(), Problem> {
    parse(CONTEXT_WORDS_NAME, CONTEXT_WORDS_TXT).map(|_| ())
}

/// The entries of one list.
pub(crate) fn list(which: List) -> &'static [String] {
    SECTIONS
        .iter()
        .position(|(_, l)| *l == which)
        .and_then(|k| builtin().get(k))
        .map_or(&[], Vec::as_slice)
}

/// Whether `word` is an entry of the list (ASCII case ignored).
pub(crate) fn is_in(which: List, word: &str) -> bool {
    list(which).iter().any(|x| x.eq_ignore_ascii_case(word))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_builtin_file_loads_with_every_list() {
        check_builtin().expect("context words");
        assert!(is_in(List::PostedAbroad, "Ambassador"));
        assert!(is_in(List::InternationalSeats, "the hague"));
        assert!(is_in(List::Compass, "south-west"));
        assert!(is_in(List::AfterNationality, "who"));
        assert!(!is_in(List::LeavingHome, "stayed"));
        assert!(is_in(List::GatheringBodies, "Congress"));
        assert!(is_in(List::GatheringTopics, "dialogue"));
    }

    #[test]
    fn a_bad_file_names_its_line() {
        let err = parse("x.txt", "# c\n[compass]\nnorth\nsouth; west\n").unwrap_err();
        assert_eq!((err.file.as_str(), err.line), ("x.txt", 4));
        let err = parse("x.txt", "north\n").unwrap_err();
        assert_eq!(err.line, 1);
        let err = parse("x.txt", "[nowhere]\n").unwrap_err();
        assert!(err.message.contains("unknown"));
        let err = parse("x.txt", "[compass]\nnorth\nnorth\n").unwrap_err();
        assert_eq!(err.line, 3);
        let err = parse("x.txt", "[compass]\nnorth\n").unwrap_err();
        assert!(err.message.contains("missing"));
    }
}
