//! Finding toponyms: capitalised spans that name gazetteer entries, with the
//! cues around them ("in", "the city of", "… Governorates").
//!
//! A span is kept when it is cued (a locative preposition, a settlement or
//! division noun, a dateline, or a list joined to a cued name) or when it is
//! prominent (a country, a first-level division, a user place or a town of at
//! least [`PROMINENT_POPULATION`] people). It is dropped when it is part of a
//! longer capitalised name ("Oxford University"), names a facility
//! ("the Vostochny cosmodrome"), is a person's name in the document
//! ("President Obama"), overlaps a person or organisation actor, or is an
//! uncued name acting as the subject of a verb ("Moscow said": an actor).

use rustc_hash::FxHashMap as HashMap;
use std::sync::Arc;

use dyad_core::{ActorMention, AnalyzedDocument, MentionKind, Pos, Span, ZoneKind};

use crate::cues::{Cues, WordCues};
use crate::gazetteer::{Candidate, Gazetteer};
use crate::names::{Memo, PersonNames};
use crate::normalize::name_key;
use crate::spans::SpanSet;

pub(crate) mod words;
use words::{is_all_caps, Sentence, Tok, Words};

/// Uncued towns at least this large are taken as toponyms.
pub(crate) const PROMINENT_POPULATION: u64 = 15_000;
/// Longest name, in tokens.
const MAX_NAME_TOKENS: usize = 6;
/// True for the lower-case words that may stand inside a multi-word name
/// (a `match`: asked of most words after a capitalised one).
fn is_connector(word: &str) -> bool {
    matches!(
        word,
        "of" | "de"
            | "del"
            | "la"
            | "le"
            | "el"
            | "al"
            | "upon"
            | "on"
            | "du"
            | "des"
            | "da"
            | "do"
            | "dos"
            | "das"
            | "-"
            | "and"
    )
}

/// What marked a span as a place.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Cue {
    /// Nothing: kept for prominence only.
    None,
    /// A locative preposition before it ("in", "near", "outside").
    Preposition,
    /// A settlement or division noun before it ("the city of").
    PlaceNoun,
    /// A dateline ("VILNIUS, Jul 07 –").
    Dateline,
    /// Joined by "and" or a comma to a cued place.
    Inherited,
}

/// What kind of place the text says it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Hint {
    /// An administrative division of the usual level given.
    Division(u8),
    /// A populated place ("city", "town", "village").
    Settlement,
}

/// A recognised toponym before resolution.
#[derive(Debug, Clone)]
pub(crate) struct Found {
    pub sentence: usize,
    pub span: Span,
    pub text: String,
    /// The name key of `text`.
    pub key: String,
    /// Shared by the mentions of one name in a document.
    pub candidates: Arc<[Candidate]>,
    pub cue: Cue,
    pub cue_word: Option<String>,
    pub hint: Option<Hint>,
    pub hint_word: Option<String>,
    /// Index (in the document's list) of a toponym right after a comma
    /// ("Prague, Oklahoma"), which may say where this one lies.
    pub qualifier: Option<usize>,
    prominent: bool,
    /// Prominent only if the document never writes it in lower case
    /// (checked once per document, after the scan).
    unless_lower: bool,
    acting: bool,
    suffix_plural: bool,
    prefix_hint: bool,
    first: usize,
    last: usize,
}

/// Finds the toponyms of a document (unresolved).
pub(crate) fn find_toponyms(
    gaz: &Gazetteer,
    doc: &AnalyzedDocument,
    actors: &[ActorMention],
) -> Vec<Found> {
    let cues = Cues::builtin();
    let text = doc.doc.text.as_str();
    // Tokens are classified on demand: most are ruled out by a byte, once.
    let tokens = || doc.sentences.iter().map(|s| s.tokens.as_slice());
    let (starts, ends) = words::find_starts(text, tokens());
    let sentences = words::sentences(text, tokens(), &starts, &ends);
    let memo = Memo::new(gaz);
    let actor_spans = SpanSet::new(
        actors
            .iter()
            .filter(|a| matches!(a.kind, MentionKind::Person | MentionKind::Organization))
            .map(|a| a.span),
    );
    let person_words = PersonNames::new(text, &sentences, cues);
    let dateline_key = doc.doc.dateline.as_deref().map(name_key);

    let mut out: Vec<Found> = Vec::new();
    for (sentence, marked) in doc.sentences.iter().zip(&sentences) {
        let toks = marked.words;
        let first_in_sentence = out.len();
        let mut title_case = None;
        let mut i = 0;
        // Only name-like words start a name: the scan jumps between them.
        for start in marked.name_starts() {
            if start < i {
                continue;
            }
            i = start;
            let Some(j) = longest_match(&memo, cues, text, toks, i) else {
                i += 1;
                continue;
            };
            let ctx = Assess {
                memo: &memo,
                cues,
                toks,
                text,
                sentence: sentence.index,
                in_dateline: sentence.zone == ZoneKind::Dateline,
                title_case: *title_case.get_or_insert_with(|| marked.is_title_case()),
                actors: &actor_spans,
                person_words: &person_words,
                dateline_key: dateline_key.as_deref(),
            };
            if let Some(found) = ctx.assess(i, j) {
                out.push(found);
            }
            i = j + 1;
        }
        link_lists(&mut out, first_in_sentence, toks);
    }
    drop_lower_case_words(&mut out, &sentences);
    out.retain(|f| f.cue != Cue::None || (f.prominent && !f.acting));
    // Qualifier indices point into the unfiltered list: recompute them.
    relink_qualifiers(&mut out, &sentences);
    out
}

/// A single uncued word is no prominent name when the document also writes it
/// in lower case ("Police in Lagos … the police").
fn drop_lower_case_words(out: &mut [Found], sentences: &[Sentence<'_>]) {
    let unsure: Vec<usize> = (0..out.len())
        .filter(|&k| {
            out.get(k)
                .is_some_and(|f| f.unless_lower && f.prominent && f.cue == Cue::None && !f.acting)
        })
        .collect();
    if unsure.is_empty() {
        return;
    }
    let mut written_lower: HashMap<&str, bool> = unsure
        .iter()
        .filter_map(|&k| out.get(k).map(|f| (f.key.as_str(), false)))
        .collect();
    // Lengths of the keys by first byte: most words are skipped unread.
    let mut lengths_by_first = [0u32; 256];
    for key in written_lower.keys() {
        if let Some(&b) = key.as_bytes().first() {
            lengths_by_first[usize::from(b)] |= 1 << key.len().min(31);
        }
    }
    for sentence in sentences {
        sentence
            .words
            .visit_lower_words_shaped(&lengths_by_first, |word| {
                if let Some(seen) = written_lower.get_mut(word) {
                    *seen = true;
                }
            });
    }
    let drop: Vec<usize> = unsure
        .into_iter()
        .filter(|&k| {
            out.get(k)
                .is_some_and(|f| written_lower.get(f.key.as_str()) == Some(&true))
        })
        .collect();
    for k in drop {
        if let Some(f) = out.get_mut(k) {
            f.prominent = false;
        }
    }
}

/// The end token of the longest gazetteer name starting at token `i`, a
/// name-like token.
fn longest_match<'a>(
    memo: &Memo<'a>,
    cues: &Cues,
    text: &'a str,
    toks: Words<'a>,
    i: usize,
) -> Option<usize> {
    let first = toks.span(i)?;
    let end = (i + MAX_NAME_TOKENS).min(toks.len());
    let mut best = None;
    // Grow the span while some name starts like it; keep the longest name.
    for j in i..end {
        // The first word may end a name (it is name-like); a later one ends
        // it capitalised, or as the facility word of a known facility ("the
        // Vostochny cosmodrome"). Inside a name: capitalised words,
        // connectors, full stops.
        let (last_end, name_end, inner_ok) = if j == i {
            (first.end, true, true)
        } else {
            let Some(last) = toks.get(j) else { break };
            let name_end = last.name_like || cues.is_facility_noun(last.text);
            let inner_ok =
                last.cap || is_connector(last.text) || matches!(last.text, "." | "'s" | "’s");
            // A word that can neither end nor continue a name ("Syria
            // said"): nothing to look up.
            if !inner_ok && !name_end {
                break;
            }
            (last.span.end, name_end, inner_ok)
        };
        let Some(span_text) = text.get(first.start..last_end) else {
            break;
        };
        let (prefix, exact) = memo.lookup(span_text);
        if !prefix {
            break;
        }
        if name_end && exact {
            best = Some(j);
        }
        if !inner_ok {
            break;
        }
    }
    best
}

struct Assess<'a, 'm> {
    memo: &'m Memo<'a>,
    cues: &'a Cues,
    toks: Words<'a>,
    text: &'a str,
    sentence: usize,
    in_dateline: bool,
    /// Most words capitalised (a headline): capitalised neighbours say
    /// little, so names next to one (and uncued names) must be major places.
    title_case: bool,
    /// Person and organisation actor mentions.
    actors: &'a SpanSet,
    person_words: &'m PersonNames<'a>,
    dateline_key: Option<&'a str>,
}

impl<'a> Assess<'a, '_> {
    /// The toponym at tokens `i..=j`, if it is one. Every test that rules
    /// it out is pure, so the cheap ones come first.
    fn assess(&self, i: usize, j: usize) -> Option<Found> {
        let first = self.toks.get(i)?;
        let last = if i == j { first } else { self.toks.get(j)? };
        let span = Span::new(first.span.start, last.span.end);
        let name = span.slice(self.text);
        let key = name_key(name);
        let single = i == j;
        let cues = self.cues;
        let key_cues = if single {
            cues.word(&key)
        } else {
            WordCues::default()
        };
        if key_cues.preposition || key_cues.continuation || key_cues.not_place {
            return None;
        }
        // Role mentions built on a place ("Aleppo Governorates", "Kyiv
        // officials") keep the place.
        if self.actors.overlaps(span) {
            return None;
        }
        let (mut cue, mut cue_word, prefix_hint) = self.cue_before(i);
        let next = self.toks.get(j + 1);
        if self.in_dateline
            || (i == 0
                && is_all_caps(name)
                && next.is_some_and(|t| matches!(t.text, "," | "-" | "–" | "—" | "(")))
            || self.dateline_key == Some(key.as_str())
        {
            cue = Cue::Dateline;
            cue_word = Some("dateline".into());
        }
        let cued = cue != Cue::None;
        // Part of a longer capitalised name before it ("President Obama").
        if i > 0 {
            if let Some(prev) = self.toks.get(i - 1) {
                let sentence_initial_word = i == 1 && !prev.pos.is_proper();
                let leads_in = |w: WordCues| w.preposition || w.continuation;
                if prev.cap
                    && !self.title_case
                    && !sentence_initial_word
                    && !leads_in(cues.word(prev.text))
                    && !self.memo.is_demonym(prev.text)
                    && cue != Cue::Dateline
                {
                    return None;
                }
            }
        }
        // A division or settlement word after it; or a longer name / facility.
        let mut suffix_hint = None;
        let mut suffix_plural = false;
        let mut acting = false;
        if let Some(nx) = next {
            // Asked in order, each only when the ones before say no.
            let next_cues = cues.word(nx.text);
            // Only 'S' lower-cases to 's'; only ASCII letters to "city"/"town".
            let next_word = if let Some(level) = next_cues.division_level {
                NextWord::Division(
                    level,
                    matches!(nx.text.chars().next_back(), Some('s' | 'S')),
                )
            } else if nx.lower
                && (nx.text.eq_ignore_ascii_case("city") || nx.text.eq_ignore_ascii_case("town"))
            {
                NextWord::Settlement
            } else if next_cues.facility_noun {
                NextWord::Facility
            } else if nx.cap && !next_cues.continuation {
                NextWord::Capitalised
            } else {
                NextWord::Other
            };
            if let NextWord::Division(level, plural) = next_word {
                suffix_hint = Some((Hint::Division(level), nx.text.to_string()));
                suffix_plural = plural;
            } else if next_word == NextWord::Settlement {
                suffix_hint = Some((Hint::Settlement, nx.text.to_string()));
            } else if next_word == NextWord::Facility {
                // A facility ("Oxford University", "the Vostochny cosmodrome").
                return None;
            } else if next_word == NextWord::Capitalised && !is_all_caps(name) {
                // Part of a longer name, unless a headline capitalises every
                // word and this is a major place.
                let headline_place = self.title_case && self.memo.names_major_place(name);
                if !headline_place {
                    return None;
                }
            }
            // "Moscow said": a place name acting is an actor, not a place
            // (decided after lists are joined: "in Texas and New York went").
            acting = !cued
                && (nx.pos == Pos::MD || nx.pos.is_verb())
                && !matches!(nx.lemma, "be" | "have");
        }
        // A person's name in this document is not a place in it.
        let all_person_words = self.toks.sub(i..j + 1)?.texts().all(|w| {
            self.person_words
                .contains(self.memo, self.cues, self.text, w)
        });
        if all_person_words {
            return None;
        }
        if !cued && self.memo.is_demonym(name) {
            return None;
        }
        let candidates = self.memo.candidates(name);
        if candidates.is_empty() {
            return None;
        }
        // Abbreviations ("U.S.", "U.N.") are places only as countries.
        let abbreviation = name.contains('.') && {
            let letters: String = name.chars().filter(|c| c.is_alphabetic()).collect();
            letters.len() <= 4 && is_all_caps(&letters)
        };
        if abbreviation && !candidates.iter().any(Candidate::is_country) {
            return None;
        }
        let prominent = self.is_prominent(name, single.then_some(first), &candidates);
        let (hint, hint_word, from_prefix) = match (suffix_hint, prefix_hint) {
            (Some((h, w)), _) => (Some(h), Some(w), false),
            (None, Some((h, w))) => (Some(h), Some(w), true),
            (None, None) => (None, None, false),
        };
        Some(Found {
            sentence: self.sentence,
            span,
            text: name.to_string(),
            key,
            candidates,
            cue,
            cue_word,
            hint,
            hint_word,
            qualifier: None,
            prominent,
            unless_lower: single,
            acting,
            suffix_plural,
            prefix_hint: from_prefix,
            first: i,
            last: j,
        })
    }

    /// Prominence; for a single word also when the document never writes
    /// it in lower case (see [`drop_lower_case_words`]).
    fn is_prominent(
        &self,
        name: &'a str,
        single: Option<Tok<'_>>,
        candidates: &[Candidate],
    ) -> bool {
        // A single uncued word must be tagged a noun ("Police in Lagos …").
        if single.is_some_and(|tok| !tok.pos.is_noun()) {
            return false;
        }
        if self.title_case {
            return self.memo.names_major_place(name);
        }
        let short_caps =
            is_all_caps(name) && name.chars().filter(|c| c.is_alphabetic()).count() <= 3;
        candidates.iter().any(|c| {
            c.is_country()
                || c.is_continent()
                || (!short_caps
                    && (c.division_level() == 1
                        || c.user_defined
                        || c.place.population >= PROMINENT_POPULATION))
        })
    }

    /// Looks back from token `i` for a preposition or place noun, over
    /// articles, adjectives and "of". Returns the cue and any kind hint.
    fn cue_before(&self, i: usize) -> (Cue, Option<String>, Option<(Hint, String)>) {
        let cues = self.cues;
        let mut hint: Option<(Hint, String)> = None;
        let mut noun: Option<String> = None;
        let mut k = i;
        let mut steps = 0;
        while k > 0 && steps < 6 {
            k -= 1;
            steps += 1;
            let Some(t) = self.toks.get(k) else { break };
            let w = cues.word(t.text);
            // Only ASCII letters lower-case to these (Kelvin sign aside).
            let article_or_of = || {
                ["of", "the", "a", "an"]
                    .iter()
                    .any(|a| t.text.eq_ignore_ascii_case(a))
            };
            let step = if w.preposition {
                Step::Preposition
            } else if t.lower
                && w.container_noun
                && self
                    .toks
                    .get(k + 1)
                    .is_some_and(|n| n.text.eq_ignore_ascii_case("of"))
            {
                // "the capital of X": X contains a settlement, so the noun
                // is a place cue that says nothing of X's kind
                Step::Noun(None)
            } else if t.lower && w.settlement_noun {
                Step::Noun(Some(Hint::Settlement))
            } else if let Some(level) = w.division_level.filter(|_| t.lower) {
                Step::Noun(Some(Hint::Division(level)))
            } else if article_or_of() || t.pos.is_adjective() {
                Step::Over
            } else {
                Step::Stop
            };
            match step {
                Step::Preposition if noun.is_some() => break,
                Step::Preposition => {
                    return (Cue::Preposition, Some(t.text.to_lowercase()), hint);
                }
                Step::Noun(h) => {
                    if let Some(h) = h {
                        hint.get_or_insert_with(|| (h, t.text.to_string()));
                    }
                    noun.get_or_insert_with(|| t.text.to_lowercase());
                }
                Step::Over => {}
                Step::Stop => break,
            }
        }
        match noun {
            Some(n) => (Cue::PlaceNoun, Some(n), hint),
            None => (Cue::None, None, None),
        }
    }
}

/// What the word after a name says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum NextWord {
    /// A division noun (level, plural).
    Division(u8, bool),
    /// "city" or "town", in lower case.
    Settlement,
    Facility,
    /// Capitalised, and no word that may follow a place ("said").
    Capitalised,
    Other,
}

/// What a word before a name says, looking back for a cue.
enum Step {
    Preposition,
    /// A settlement or division noun ("city", "province"), with the kind it
    /// says the name is (none for "the capital of").
    Noun(Option<Hint>),
    /// An article, adjective or "of": look further back.
    Over,
    Stop,
}

/// Joins toponyms listed with commas/"and" in one sentence: a cue or a kind
/// word stated once applies to the whole list ("the cities of Homs and
/// Aleppo", "Homs and Aleppo Governorates").
fn link_lists(out: &mut [Found], from: usize, toks: Words<'_>) {
    let joined = |a: &Found, b: &Found| -> bool {
        toks.sub(a.last + 1..b.first).is_some_and(|between| {
            !between.is_empty()
                && between
                    .texts()
                    .all(|t| matches!(t, "," | "and" | "or" | "&"))
        })
    };
    let Some(list) = out.get_mut(from..) else {
        return;
    };
    let mut start = 0;
    while start < list.len() {
        let mut end = start;
        while end + 1 < list.len() && joined(&list[end], &list[end + 1]) {
            end += 1;
        }
        if end > start {
            let cue = list[start].cue;
            let cue_word = list[start].cue_word.clone();
            let prefix = (list[start].prefix_hint)
                .then(|| (list[start].hint, list[start].hint_word.clone()));
            let suffix =
                (list[end].suffix_plural).then(|| (list[end].hint, list[end].hint_word.clone()));
            for f in &mut list[start..=end] {
                if f.cue == Cue::None && cue != Cue::None {
                    f.cue = Cue::Inherited;
                    f.cue_word.clone_from(&cue_word);
                }
                if f.hint.is_none() {
                    if let Some((h, w)) = suffix.clone().or_else(|| prefix.clone()) {
                        f.hint = h;
                        f.hint_word = w;
                    }
                }
            }
        }
        start = end + 1;
    }
}

/// Sets `qualifier` for "X, Y" pairs (only a comma between them).
fn relink_qualifiers(out: &mut [Found], sentences: &[Sentence<'_>]) {
    for a in 0..out.len() {
        let b = a + 1;
        let (Some(x), Some(y)) = (out.get(a), out.get(b)) else {
            continue;
        };
        if x.sentence != y.sentence {
            continue;
        }
        let Some(toks) = sentences.get(x.sentence) else {
            continue;
        };
        let between = toks.words.sub(x.last + 1..y.first);
        if between.is_some_and(|w| w.len() == 1 && w.text(0) == Some(",")) {
            if let Some(f) = out.get_mut(a) {
                f.qualifier = Some(b);
            }
        }
    }
}
