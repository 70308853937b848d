//! What recognition learns about one document's names: gazetteer answers
//! remembered per text ([`Memo`]) and the words of people's names
//! ([`PersonNames`]).

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::cell::RefCell;
use std::sync::Arc;

use crate::cues::Cues;
use crate::gazetteer::{Candidate, Gazetteer};
use crate::recognize::{is_all_caps, Tok};

/// Gazetteer questions asked while reading one document, answered once per
/// distinct text (news repeats names); keyed by the text as written, so a
/// repeated question allocates nothing. Name questions are remembered
/// across documents by the gazetteer itself.
pub(crate) struct Memo<'a> {
    gaz: &'a Gazetteer,
    demonym: RefCell<HashMap<&'a str, bool>>,
    major: RefCell<HashMap<&'a str, bool>>,
    candidates: RefCell<HashMap<&'a str, Arc<[Candidate]>>>,
    /// Reused for lower-casing words.
    scratch: RefCell<String>,
    /// Reused for name keys.
    key: RefCell<String>,
}

impl<'a> Memo<'a> {
    pub(crate) fn new(gaz: &'a Gazetteer) -> Memo<'a> {
        Memo {
            gaz,
            key: RefCell::default(),
            demonym: RefCell::default(),
            major: RefCell::default(),
            candidates: RefCell::default(),
            scratch: RefCell::default(),
        }
    }

    fn cached<V: Copy>(
        map: &RefCell<HashMap<&'a str, V>>,
        text: &'a str,
        ask: impl FnOnce() -> V,
    ) -> V {
        if let Some(v) = map.try_borrow().ok().and_then(|m| m.get(text).copied()) {
            return v;
        }
        let v = ask();
        if let Ok(mut m) = map.try_borrow_mut() {
            m.insert(text, v);
        }
        v
    }

    /// (some name starts like `text`, `text` is a name).
    pub(crate) fn lookup(&self, text: &'a str) -> (bool, bool) {
        match self.key.try_borrow_mut() {
            Ok(mut key) => self.gaz.cached_name_status(text, &mut key),
            Err(_) => self.gaz.cached_name_status(text, &mut String::new()),
        }
    }
    fn has_name(&self, text: &'a str) -> bool {
        self.lookup(text).1
    }
    pub(crate) fn is_demonym(&self, word: &'a str) -> bool {
        Memo::cached(&self.demonym, word, || match self.key.try_borrow_mut() {
            Ok(mut key) => self.gaz.demonym_iso3(word, &mut key).is_some(),
            Err(_) => self.gaz.demonym_iso3(word, &mut String::new()).is_some(),
        })
    }
    /// [`Gazetteer::lookup`], once per name and document.
    pub(crate) fn candidates(&self, name: &'a str) -> Arc<[Candidate]> {
        if let Some(c) = self
            .candidates
            .try_borrow()
            .ok()
            .and_then(|m| m.get(name).cloned())
        {
            return c;
        }
        let c = self.gaz.shared_candidates(name);
        if let Ok(mut m) = self.candidates.try_borrow_mut() {
            m.insert(name, Arc::clone(&c));
        }
        c
    }
    /// `f` of `word` in lower case (in a reused buffer).
    pub(crate) fn with_lower<R>(&self, word: &str, f: impl FnOnce(&str) -> R) -> R {
        // Most words are lower-case ASCII already: no copy then.
        if word
            .bytes()
            .all(|b| b.is_ascii() && !b.is_ascii_uppercase())
        {
            return f(word);
        }
        match self.scratch.try_borrow_mut() {
            Ok(mut buf) => f(lower_into(word, &mut buf)),
            Err(_) => f(&word.to_lowercase()),
        }
    }
    pub(crate) fn names_major_place(&self, word: &'a str) -> bool {
        Memo::cached(&self.major, word, || {
            self.gaz.names_major_place(word, 100_000)
        })
    }
}

/// `s.to_lowercase()`: `s` itself when it is lower-case ASCII already (most
/// words), else written into `buf`.
fn lower_into<'b>(s: &'b str, buf: &'b mut String) -> &'b str {
    if s.bytes().all(|b| b.is_ascii() && !b.is_ascii_uppercase()) {
        return s;
    }
    buf.clear();
    if s.is_ascii() {
        buf.push_str(s);
        buf.make_ascii_lowercase();
    } else {
        buf.push_str(&s.to_lowercase());
    }
    buf.as_str()
}

/// Words of people's names in this document: capitalised words after a
/// person title ("President Obama", "leader Kim Jong Un"), and the words of
/// two- to four-word capitalised names that are no place and contain no
/// country, division, large town, title or facility word ("Gitanas Nauseda").
/// The multi-word names are judged lazily, only for words that a toponym
/// candidate is made of.
pub(crate) struct PersonNames<'a> {
    titled: HashSet<&'a str>,
    runs: Vec<&'a [Tok<'a>]>,
    by_word: HashMap<&'a str, Vec<usize>>,
    verdicts: RefCell<HashMap<usize, bool>>,
}

impl<'a> PersonNames<'a> {
    pub(crate) fn new(sentences: &[&'a [Tok<'a>]], cues: &Cues) -> PersonNames<'a> {
        let mut names = PersonNames {
            titled: HashSet::default(),
            runs: Vec::new(),
            by_word: HashMap::default(),
            verdicts: RefCell::default(),
        };
        let mut buf = String::new();
        for &toks in sentences {
            let mut start = 0;
            while start < toks.len() {
                let mut end = start;
                while toks.get(end).is_some_and(|t| t.cap) {
                    end += 1;
                }
                if end == start {
                    start += 1;
                    continue;
                }
                let mut from = start;
                if from == 0 && toks.first().is_some_and(|t| !t.pos.is_proper()) {
                    from += 1;
                }
                if let Some(run) = toks.get(from..end).filter(|r| (2..=4).contains(&r.len())) {
                    let at = names.runs.len();
                    names.runs.push(run);
                    for t in run {
                        names.by_word.entry(t.text).or_default().push(at);
                    }
                }
                start = end;
            }
            let mut after_title = false;
            for (k, t) in toks.iter().enumerate() {
                let name_word = |t: &Tok<'_>| t.cap && !t.lower;
                // Whether a word is a title matters only before a name word
                // or as a name word after a title; elsewhere both readings
                // leave the same state for the next word.
                let matters =
                    toks.get(k + 1).is_some_and(name_word) || (after_title && name_word(t));
                if matters
                    && cues
                        .person_titles
                        .contains(lower_into(t.text, &mut buf).trim_end_matches('.'))
                {
                    after_title = true;
                    continue;
                }
                if after_title && name_word(t) {
                    names.titled.insert(t.text);
                    continue;
                }
                after_title = false;
            }
        }
        names
    }

    /// True when `word` (as written) is part of a person's name here.
    pub(crate) fn contains(
        &self,
        memo: &Memo<'a>,
        cues: &Cues,
        text: &'a str,
        word: &'a str,
    ) -> bool {
        if self.titled.contains(word) {
            return true;
        }
        let Some(runs) = self.by_word.get(word) else {
            return false;
        };
        runs.iter().any(|&r| {
            if let Some(v) = self
                .verdicts
                .try_borrow()
                .ok()
                .and_then(|m| m.get(&r).copied())
            {
                return v;
            }
            let v = self
                .runs
                .get(r)
                .is_some_and(|run| is_person_like(memo, cues, text, run));
            if let Ok(mut m) = self.verdicts.try_borrow_mut() {
                m.insert(r, v);
            }
            v
        })
    }
}

/// See [`PersonNames`].
fn is_person_like<'a>(memo: &Memo<'a>, cues: &Cues, text: &'a str, run: &[Tok<'a>]) -> bool {
    if !(2..=4).contains(&run.len()) {
        return false;
    }
    // Only words that could be read as places matter here.
    if !run.iter().any(|t| memo.has_name(t.text)) {
        return false;
    }
    let (Some(first), Some(last)) = (run.first(), run.last()) else {
        return false;
    };
    if memo.has_name(first.span.cover(last.span).slice(text)) {
        return false;
    }
    let plain_word = |t: &Tok<'a>| {
        let listed = memo.with_lower(t.text, |w| {
            let w = w.trim_end_matches('.');
            cues.person_titles.contains(w)
                || cues.continuations.contains(w)
                || cues.prepositions.contains(w)
                || cues.facility_nouns.contains(w)
                || cues.not_places.contains(w)
                || cues.division_level(w).is_some()
                || cues.settlement_nouns.contains(w)
        });
        !(listed || (is_all_caps(t.text) && t.text.len() > 1) || memo.is_demonym(t.text))
    };
    if !run.iter().all(plain_word) {
        return false;
    }
    !run.iter().any(|t| memo.names_major_place(t.text))
}
