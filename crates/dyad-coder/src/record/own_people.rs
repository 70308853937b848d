//! The words that mark people as not the acting state's own
//! (`data/patterns/actors/not-own-people.txt`), and the nouns of people who
//! belong to the scene of a violent act (`data/patterns/actors/scene-people.txt`):
//! embedded; checked when the engine loads, errors naming file and line.

use std::sync::OnceLock;

use crate::error::CoderError;

const NOT_OWN_PEOPLE_TXT: &str =
    include_str!("../../../../data/patterns/actors/not-own-people.txt");
const NOT_OWN_PEOPLE_NAME: &str = "data/patterns/actors/not-own-people.txt";
const SCENE_PEOPLE_TXT: &str = include_str!("../../../../data/patterns/actors/scene-people.txt");
const SCENE_PEOPLE_NAME: &str = "data/patterns/actors/scene-people.txt";

/// Parses the list: one lower-case word a line, `#` comments.
fn parse(name: &str, text: &str) -> Result<Vec<String>, CoderError> {
    let mut words = Vec::new();
    for (i, raw) in text.lines().enumerate() {
        let line = raw.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        if !line.chars().all(|c| c.is_lowercase() || c == '-') {
            return Err(CoderError::WordList {
                file: name.to_string(),
                line: i + 1,
                message: format!("expected one lower-case word, found {line:?}"),
            });
        }
        words.push(line.to_string());
    }
    Ok(words)
}

/// The embedded list, parsed once ([`check_builtin`] turns a defect into an
/// error when the engine loads; should one slip past, the list is empty).
fn builtin() -> &'static [String] {
    static WORDS: OnceLock<Vec<String>> = OnceLock::new();
    WORDS.get_or_init(|| parse(NOT_OWN_PEOPLE_NAME, NOT_OWN_PEOPLE_TXT).unwrap_or_default())
}

/// The embedded scene-people list, parsed once (as [`builtin`]).
fn scene_builtin() -> &'static [String] {
    static WORDS: OnceLock<Vec<String>> = OnceLock::new();
    WORDS.get_or_init(|| parse(SCENE_PEOPLE_NAME, SCENE_PEOPLE_TXT).unwrap_or_default())
}

/// Checks the embedded lists (for [`crate::Engine::new`]).
pub(crate) fn check_builtin() -> Result<(), CoderError> {
    parse(NOT_OWN_PEOPLE_NAME, NOT_OWN_PEOPLE_TXT)?;
    parse(SCENE_PEOPLE_NAME, SCENE_PEOPLE_TXT).map(|_| ())
}

/// True when `word` (any case; a final plural "s" ignored) is a noun of
/// people who belong to the scene of a violent act ("civilians",
/// "Villagers").
pub(crate) fn belongs_to_the_scene(word: &str) -> bool {
    let low = word.to_lowercase();
    let singular = low.strip_suffix('s').unwrap_or(&low);
    scene_builtin().iter().any(|w| *w == low || w == singular)
}

/// True when `word` (any case; a final plural "s" ignored) marks people as
/// not the acting state's own ("foreigners", "Tourists", "dual").
pub(crate) fn marks_not_own(word: &str) -> bool {
    let low = word.to_lowercase();
    let singular = low.strip_suffix('s').unwrap_or(&low);
    builtin().iter().any(|w| *w == low || w == singular)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_builtin_list_loads_and_matches_plurals() {
        check_builtin().expect("not-own-people list");
        assert!(marks_not_own("Foreigners"));
        assert!(marks_not_own("refugees"));
        assert!(marks_not_own("dual"));
        assert!(!marks_not_own("activists"));
        assert!(belongs_to_the_scene("Civilians"));
        assert!(belongs_to_the_scene("villagers"));
        assert!(!belongs_to_the_scene("men"));
    }

    #[test]
    fn a_bad_line_names_file_and_line() {
        let err = parse("x.txt", "# c\nforeign\nTwo words\n").unwrap_err();
        assert!(err.to_string().contains("x.txt") && err.to_string().contains('3'));
    }
}
