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
/// Built-in contextual rules written for dyad, applied after Brill's.
pub const CONTEXT_EXTRA_TSV: &str = include_str!("../../../../data/tagger/context-extra.tsv");
/// Built-in Brill contextual rules.
pub const CONTEXT_TSV: &str = include_str!("../../../../data/tagger/context.tsv");
/// Built-in verb inflections: lemma → forms.
pub const VERBS_TSV: &str = include_str!("../../../../data/tagger/verbs.tsv");
/// Hand-written corrections of the derived verb table (read before it, so they win).
pub const VERBS_FIXES_TSV: &str = include_str!("../../../../data/tagger/verbs-fixes.tsv");

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

/// The verb table: every form's lemma, and which forms are past tense or
/// past participle (keyed by [`word_key`]).
#[derive(Debug, Clone, Default)]
pub struct VerbTable {
    /// Inflected form → lemma.
    pub lemma_of: FastMap<u64, Box<str>>,
    /// Lemmas (base forms).
    pub lemmas: FastMap<u64, ()>,
    /// Past-tense forms.
    pub past: FastMap<u64, ()>,
    /// Past participles.
    pub participles: FastMap<u64, ()>,
}

/// Parses `lemma<TAB>present<TAB>ing<TAB>past<TAB>participle` lines (lists
/// comma-separated).
/// `files` are `(name, text)` pairs; where two rows list the same form, the
/// first read wins, so corrections go first.
pub fn parse_verbs(files: &[(&str, &str)], errors: &mut Vec<DataError>) -> VerbTable {
    let mut table = VerbTable::default();
    table.lemma_of.reserve(40_000);
    for &(file, text) in files {
        parse_verb_rows(file, text, errors, &mut table);
    }
    table
}

fn parse_verb_rows(file: &str, text: &str, errors: &mut Vec<DataError>, table: &mut VerbTable) {
    for (line, l) in data_lines(text) {
        let cols: Vec<&str> = l.split('\t').collect();
        let (Some(lemma), 5) = (cols.first().copied().filter(|s| !s.is_empty()), cols.len()) else {
            errors.push(DataError {
                file: file.into(),
                line,
                message: format!(
                    "want `lemma<TAB>present<TAB>ing<TAB>past<TAB>participle`, got {l:?}"
                ),
            });
            continue;
        };
        table.lemmas.insert(word_key(lemma), ());
        for (i, col) in cols.iter().enumerate().skip(1) {
            for form in col.split(',').filter(|f| !f.is_empty()) {
                let key = word_key(form);
                // First lemma wins: the table lists common verbs first.
                table.lemma_of.entry(key).or_insert_with(|| lemma.into());
                match i {
                    3 => {
                        table.past.insert(key, ());
                    }
                    4 => {
                        table.participles.insert(key, ());
                    }
                    _ => {}
                }
            }
        }
    }
}

/// Parses Brill rules (interning their words) `from<TAB>to<TAB>condition<TAB>x[<TAB>y]`.
/// `files` are `(name, text)` pairs, applied in the order given.
pub fn parse_rules(files: &[(&str, &str)], errors: &mut Vec<DataError>) -> RuleSet {
    let mut rules = Vec::new();
    let mut vocab = Vocab::default();
    for (file, line, l) in files
        .iter()
        .flat_map(|(file, text)| data_lines(text).map(move |(line, l)| (*file, line, l)))
    {
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
