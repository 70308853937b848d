//! Loading the tagger's data files (lexicon, contextual rules, verb forms).
//!
//! The built-in files under `data/tagger/` are embedded at compile time.
//! Each loader validates every line and reports problems naming the file and
//! line; bad lines are skipped so a tagger is always available.

use dyad_core::Pos;

use super::rules::{Rule, RuleSet, Vocab};

/// A fast, non-cryptographic hash map for the tagger's string keys (the keys
/// are our own data, so hash-flooding resistance is not needed).
pub type FastMap<K, V> = rustc_hash::FxHashMap<K, V>;

/// The 64-bit key of a word in the tagger's tables. Tables keyed by it
/// need no key strings: a lookup touches one compact table instead of
/// chasing a pointer per probe (a test checks the built-in words' keys are
/// distinct).
pub fn word_key(word: &str) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = rustc_hash::FxHasher::default();
    word.hash(&mut h);
    h.finish()
}

/// Built-in lexicon: word → most frequent Penn tag.
pub const LEXICON_TSV: &str = include_str!("../../../../data/tagger/lexicon.tsv");
/// Built-in lexicon overrides written for dyad (replace lexicon entries).
pub const OVERRIDES_TSV: &str = include_str!("../../../../data/tagger/overrides.tsv");
/// Built-in Brill contextual rules.
pub const CONTEXT_TSV: &str = include_str!("../../../../data/tagger/context.tsv");
/// Built-in verb inflections: lemma → forms.
pub const VERBS_TSV: &str = include_str!("../../../../data/tagger/verbs.tsv");

/// A problem in a tagger data file.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("{file}:{line}: {message}")]
pub struct DataError {
    /// File name.
    pub file: String,
    /// 1-based line number.
    pub line: usize,
    /// What is wrong.
    pub message: String,
}

fn data_lines<'a>(text: &'a str) -> impl Iterator<Item = (usize, &'a str)> + 'a {
    text.lines()
        .enumerate()
        .map(|(i, l)| (i + 1, l))
        .filter(|(_, l)| !l.trim().is_empty() && !l.starts_with('#'))
}

/// Parses `word<TAB>tag` lines.
pub fn parse_lexicon(
    file: &str,
    text: &str,
    errors: &mut Vec<DataError>,
) -> FastMap<Box<str>, Pos> {
    let mut map = FastMap::default();
    map.reserve(100_000);
    for (line, l) in data_lines(text) {
        let mut cols = l.split('\t');
        match (
            cols.next(),
            cols.next().and_then(Pos::from_str),
            cols.next(),
        ) {
            (Some(word), Some(pos), None) if !word.is_empty() => {
                map.insert(word.into(), pos);
            }
            _ => errors.push(DataError {
                file: file.into(),
                line,
                message: format!("want `word<TAB>penn-tag`, got {l:?}"),
            }),
        }
    }
    map
}

/// Parses `lemma<TAB>form,form,...` lines into form → lemma.
pub fn parse_verbs(
    file: &str,
    text: &str,
    errors: &mut Vec<DataError>,
) -> FastMap<Box<str>, Box<str>> {
    let mut map: FastMap<Box<str>, Box<str>> = FastMap::default();
    map.reserve(40_000);
    for (line, l) in data_lines(text) {
        let mut cols = l.split('\t');
        let (Some(lemma), forms) = (
            cols.next().filter(|s| !s.is_empty()),
            cols.next().unwrap_or(""),
        ) else {
            errors.push(DataError {
                file: file.into(),
                line,
                message: "empty lemma".into(),
            });
            continue;
        };
        for form in forms.split(',').filter(|f| !f.is_empty()) {
            // First lemma wins: the table lists common verbs first.
            map.entry(form.into()).or_insert_with(|| lemma.into());
        }
    }
    map
}

/// Parses Brill rules (interning their words) `from<TAB>to<TAB>condition<TAB>x[<TAB>y]`.
pub fn parse_rules(file: &str, text: &str, errors: &mut Vec<DataError>) -> RuleSet {
    let mut rules = Vec::new();
    let mut vocab = Vocab::default();
    for (line, l) in data_lines(text) {
        match Rule::parse(l, &mut vocab) {
            Ok(rule) => rules.push(rule),
            Err(message) => errors.push(DataError {
                file: file.into(),
                line,
                message,
            }),
        }
    }
    RuleSet::new(rules, vocab)
}
