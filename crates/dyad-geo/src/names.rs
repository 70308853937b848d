//! What recognition learns about one document's names: gazetteer answers
//! remembered per text ([`Memo`]) and the words of people's names
//! ([`PersonNames`]).

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::cell::{Cell, RefCell};
use std::sync::Arc;

use crate::cues::Cues;
use crate::gazetteer::{Candidate, Gazetteer};
use crate::recognize::words::{is_all_caps, Sentence, Words};

/// Gazetteer questions asked while reading one document. Candidates and
/// name questions are remembered across documents by the gazetteer itself
/// (per thread, by text: a repeated question allocates nothing); the rest
/// are cheap enough to ask again.
pub(crate) struct Memo<'a> {
    gaz: &'a Gazetteer,
    /// Reused for name keys.
    key: RefCell<String>,
}

impl<'a> Memo<'a> {
    pub(crate) fn new(gaz: &'a Gazetteer) -> Memo<'a> {
        Memo {
            gaz,
            key: RefCell::default(),
        }
    }

    /// (Remembered by the gazetteer: a per-document map in front of it
    /// costs more than it saves, measured.)
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
        // Not remembered: most words are asked about once per document,
        // and a map costs more than the gazetteer's answer (measured).
        match self.key.try_borrow_mut() {
            Ok(mut key) => self.gaz.demonym_iso3(word, &mut key).is_some(),
            Err(_) => self.gaz.demonym_iso3(word, &mut String::new()).is_some(),
        }
    }
    /// [`Gazetteer::lookup`], remembered by the gazetteer (per thread).
    pub(crate) fn candidates(&self, name: &'a str) -> Arc<[Candidate]> {
        self.gaz.shared_candidates(name)
    }
    pub(crate) fn names_major_place(&self, word: &'a str) -> bool {
        // Not remembered, as `is_demonym`.
        self.gaz.names_major_place(word, 100_000)
    }
}

/// Words of people's names in this document: capitalised words after a
/// person title ("President Obama", "leader Kim Jong Un"), and the words of
/// two- to four-word capitalised names that are no place and contain no
/// country, division, large town, title or facility word ("Gitanas Nauseda").
/// The multi-word names are judged lazily, only for words that a toponym
/// candidate is made of.
pub(crate) struct PersonNames<'a> {
    titled: HashSet<&'a str>,
    /// The capitalised runs, each text once (news repeats names).
    runs: Vec<Words<'a>>,
    /// Word → its latest link in `links`; a link is (run, previous link),
    /// so indexing a word allocates nothing of its own.
    by_word: HashMap<&'a str, u32>,
    links: Vec<(u32, u32)>,
    /// Verdicts of [`is_person_like`], by run.
    verdicts: Vec<Cell<Option<bool>>>,
}

/// Marks the end of a chain in [`PersonNames::links`].
const NO_LINK: u32 = u32::MAX;

impl<'a> PersonNames<'a> {
    pub(crate) fn new(text: &'a str, sentences: &[Sentence<'a>], cues: &Cues) -> PersonNames<'a> {
        let mut names = PersonNames {
            titled: HashSet::default(),
            runs: Vec::new(),
            by_word: HashMap::default(),
            links: Vec::new(),
            verdicts: Vec::new(),
        };
        // Sized once: at most one run word per capitalised word.
        let most = sentences.iter().map(Sentence::cap_count).sum();
        names.by_word.reserve(most);
        names.links.reserve(most);
        let mut by_cover: HashMap<&'a str, u32> = HashMap::default();
        by_cover.reserve(most / 2);
        for sentence in sentences {
            for (start, end) in sentence.cap_runs() {
                names.add_run(text, &sentence.words, start, end, &mut by_cover);
                names.add_titled(&sentence.words, start, end, cues);
            }
        }
        names.verdicts = vec![Cell::new(None); names.runs.len()];
        names
    }

    /// Collects the words of capitalised run `start..end` that follow a
    /// person title: after a title (lower-case before the run, or a
    /// capitalised one inside it), each word is a name word or a further
    /// title. Only the word before a run and the run's words can matter:
    /// any other word is followed by a lower-case one, which ends a name.
    fn add_titled(&mut self, words: &Words<'a>, start: usize, end: usize, cues: &Cues) {
        // Most words are ruled out by their length, first and last bytes.
        let is_title = |k: usize| {
            words
                .shape(k)
                .is_some_and(|(len, first, last)| cues.may_be_person_title(len, first, last))
                && words.text(k).is_some_and(|w| cues.is_person_title(w))
        };
        let mut after_title = start > 0 && is_title(start - 1);
        for k in start..end {
            // The run's last word is asked about only after a title: a
            // title with no name after it changes nothing.
            let last = k + 1 == end;
            if (!last || after_title) && is_title(k) {
                after_title = true;
            } else if after_title {
                if let Some(word) = words.text(k) {
                    self.titled.insert(word);
                }
            }
        }
    }

    /// Records the capitalised run `start..end` of a sentence when it has
    /// two to four words (a sentence-initial word not tagged a proper noun
    /// left out), unless the same words were recorded before.
    fn add_run(
        &mut self,
        text: &'a str,
        words: &Words<'a>,
        start: usize,
        end: usize,
        by_cover: &mut HashMap<&'a str, u32>,
    ) {
        let start = if start == 0 && words.pos(0).is_some_and(|p| !p.is_proper()) {
            1
        } else {
            start
        };
        let Some(run) = words.sub(start..end).filter(|r| (2..=4).contains(&r.len())) else {
            return;
        };
        let (Some(first), Some(last)) = (run.span(0), run.span(run.len() - 1)) else {
            return;
        };
        let cover = first.cover(last).slice(text);
        let Ok(at) = u32::try_from(self.runs.len()) else {
            return;
        };
        match by_cover.get(cover) {
            // The same words again: same verdict, nothing to add.
            Some(&seen)
                if self
                    .runs
                    .get(seen as usize)
                    .is_some_and(|r| same_words(r, &run)) =>
            {
                return;
            }
            Some(_) => {}
            None => {
                by_cover.insert(cover, at);
            }
        }
        self.runs.push(run);
        for word in run.texts() {
            let Ok(link) = u32::try_from(self.links.len()) else {
                return;
            };
            let head = self.by_word.entry(word).or_insert(NO_LINK);
            self.links.push((at, *head));
            *head = link;
        }
    }

    /// True when `word` (as written) is part of a person's name here.
    pub(crate) fn contains(
        &self,
        memo: &Memo<'a>,
        cues: &Cues,
        text: &'a str,
        word: &'a str,
    ) -> bool {
        if !self.titled.is_empty() && self.titled.contains(word) {
            return true;
        }
        let mut link = match self.by_word.get(word) {
            Some(&head) => head,
            None => return false,
        };
        while let Some(&(run, previous)) = self.links.get(link as usize) {
            if self.verdict(memo, cues, text, run as usize) {
                return true;
            }
            link = previous;
        }
        false
    }

    /// [`is_person_like`] of run `r`, judged once.
    fn verdict(&self, memo: &Memo<'a>, cues: &Cues, text: &'a str, r: usize) -> bool {
        let Some(cell) = self.verdicts.get(r) else {
            return false;
        };
        if let Some(v) = cell.get() {
            return v;
        }
        let v = self
            .runs
            .get(r)
            .is_some_and(|run| is_person_like(memo, cues, text, run));
        cell.set(Some(v));
        v
    }
}

/// Same token texts, in order.
fn same_words(a: &Words<'_>, b: &Words<'_>) -> bool {
    a.len() == b.len() && a.texts().eq(b.texts())
}

/// See [`PersonNames`]. The tests are pure, so the cheap ones come first.
fn is_person_like<'a>(memo: &Memo<'a>, cues: &Cues, text: &'a str, run: &Words<'a>) -> bool {
    if !(2..=4).contains(&run.len()) {
        return false;
    }
    // No title, facility, division or other listed word; no acronym.
    let listed =
        |w: &str| cues.word(w.trim_end_matches('.')).is_listed() || (is_all_caps(w) && w.len() > 1);
    if run.texts().any(listed) {
        return false;
    }
    // Only words that could be read as places matter here.
    if !run.texts().any(|w| memo.has_name(w)) {
        return false;
    }
    let (Some(first), Some(last)) = (run.span(0), run.span(run.len() - 1)) else {
        return false;
    };
    if memo.has_name(first.cover(last).slice(text)) {
        return false;
    }
    if run.texts().any(|w| memo.is_demonym(w)) {
        return false;
    }
    !run.texts().any(|w| memo.names_major_place(w))
}
