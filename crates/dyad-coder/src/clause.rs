//! Clause analysis: predicates (verb groups and event nouns) and their actor
//! arguments, from tagged tokens and actor mentions.
//!
//! Rule-based and windowed: every scan looks at most [`WINDOW`] tokens away
//! from its start, so the cost per sentence is linear in its length whatever
//! its shape (run-ons, tables, all caps).

use std::borrow::Cow;

use dyad_core::{ActorMention, Pos, Sentence, Token};

use crate::patterns::{PatternSet, TriggerKind};
use crate::words;

/// Longest distance, in tokens, any argument scan looks.
pub const WINDOW: usize = 14;
/// Sentences longer than this are analysed in their first `MAX_TOKENS` tokens only.
pub const MAX_TOKENS: usize = 400;

/// Tense of a verb group.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tense {
    /// Simple past or perfect.
    Past,
    /// Present.
    Present,
    /// will/shall, going to.
    Future,
    /// Non-finite or unknown.
    Unknown,
}

/// A predicate: a verb group or an event noun, with its arguments.
#[derive(Debug, Clone)]
pub struct Predicate {
    /// Verb or noun.
    pub kind: TriggerKind,
    /// Token index of the head (main verb or noun).
    pub head: usize,
    /// First token of the verb group (== head for nouns).
    pub first: usize,
    /// Lemma of the head.
    pub lemma: String,
    /// Tense of the group.
    pub tense: Tense,
    /// have + participle.
    pub perfect: bool,
    /// be + participle, or a reduced passive followed by "by".
    pub passive: bool,
    /// not / n't / never in the group.
    pub negated: bool,
    /// The modal verb, lower-case.
    pub modal: Option<String>,
    /// to-infinitive or bare -ing / -ed form without auxiliary.
    pub nonfinite: bool,
    /// Index (in the predicate list) of the predicate this one depends on
    /// (the verb before a "to" infinitive, the verb of an event noun).
    pub governor: Option<usize>,
    /// Local mention indices of the grammatical subject (conjuncts in order).
    pub subject: Vec<usize>,
    /// Local mention indices of the direct object.
    pub object: Vec<usize>,
    /// Prepositional objects: (preposition, token index, mentions).
    /// The preposition is borrowed when it is a common one (no allocation).
    pub preps: Vec<(Cow<'static, str>, usize, Vec<usize>)>,
    /// One past the last token the clause's arguments may come from.
    pub clause_end: usize,
}

impl Predicate {
    /// Mentions after the given preposition.
    pub fn prep(&self, p: &str) -> Option<&[usize]> {
        self.preps
            .iter()
            .find(|(q, _, m)| q == p && !m.is_empty())
            .map(|(_, _, m)| m.as_slice())
    }

    /// Logical subject (agent): the "by" phrase of a passive, else the subject.
    pub fn agent(&self) -> Vec<usize> {
        if self.passive {
            self.prep("by").map(<[usize]>::to_vec).unwrap_or_default()
        } else {
            self.subject.clone()
        }
    }

    /// Logical object (patient): the subject of a passive, else the object.
    pub fn patient(&self) -> Vec<usize> {
        if self.passive {
            self.subject.clone()
        } else {
            self.object.clone()
        }
    }
}

/// An actor mention located in a sentence's tokens.
#[derive(Debug, Clone, Copy)]
pub struct LocalMention {
    /// First token.
    pub first: usize,
    /// Last token (inclusive).
    pub last: usize,
    /// Index in the document's mention list.
    pub global: usize,
}

/// A sentence prepared for analysis.
pub struct SentenceView<'a> {
    /// The document text.
    pub text: &'a str,
    /// Tokens (capped at [`MAX_TOKENS`]).
    pub tokens: &'a [Token],
    /// Lower-cased token texts, slices of one buffer (the sentence
    /// lower-cased at once) rather than one allocation per token.
    lower: Vec<&'a str>,
    /// Mentions in the sentence, in text order, non-overlapping.
    pub mentions: Vec<LocalMention>,
    /// For each token, the local mention covering it.
    pub mention_at: Vec<Option<usize>>,
    /// Headline case (see [`SentenceView::is_title_case`]).
    pub title: bool,
}

impl<'a> SentenceView<'a> {
    /// False when no mention of `mentions` (in text order) can fall in
    /// `sentence`, so its view would have no mentions: lets the coder skip
    /// building views (and lower-casing tokens) for actor-less sentences.
    pub fn may_have_mentions(sentence: &Sentence, mentions: &[ActorMention]) -> bool {
        let lo = mentions.partition_point(|m| m.span.end <= sentence.span.start);
        let hi = mentions.partition_point(|m| m.span.start < sentence.span.end);
        mentions
            .get(lo..hi.max(lo))
            .unwrap_or(&[])
            .iter()
            .any(|m| m.sentence == sentence.index)
    }

    /// Builds the view of `sentence`, placing the document's `mentions`.
    ///
    /// `lower_buf` holds the lower-cased sentence while the view lives; the
    /// caller reuses it from sentence to sentence.
    pub fn new(
        text: &'a str,
        sentence: &'a Sentence,
        mentions: &[ActorMention],
        lower_buf: &'a mut String,
    ) -> Self {
        let n = sentence.tokens.len().min(MAX_TOKENS);
        let tokens = sentence.tokens.get(..n).unwrap_or(&[]);
        let (from, to) = (sentence.span.start, sentence.span.end);
        lower_buf.clear();
        lower_buf.push_str(text.get(from..to).unwrap_or(""));
        let in_sentence = lower_buf.len();
        // ASCII lower-casing keeps byte offsets: an ASCII token (or one
        // without capitals) is read in place; other capitalised tokens are
        // lower-cased fully and appended.
        lower_buf.make_ascii_lowercase();
        // (start, end) of each token in `lower_buf`
        let mut ranges = Vec::with_capacity(n);
        // headline case (see `is_title_case`), counted in the same pass
        let (mut words, mut caps) = (0usize, 0usize);
        for t in tokens {
            let w = text.get(t.span.start..t.span.end).unwrap_or("");
            if let Some(c) = w.chars().next().filter(|c| c.is_alphabetic()) {
                words += 1;
                caps += usize::from(c.is_uppercase());
            }
            let inside = t.span.start >= from && t.span.end <= from + in_sentence;
            if inside && (w.is_ascii() || !w.chars().any(char::is_uppercase)) {
                ranges.push((t.span.start - from, t.span.end - from));
            } else {
                let start = lower_buf.len();
                if w.chars().any(char::is_uppercase) {
                    lower_buf.push_str(&w.to_lowercase());
                } else {
                    lower_buf.push_str(w);
                }
                ranges.push((start, lower_buf.len()));
            }
        }
        let lower_buf: &'a String = lower_buf;
        let lower: Vec<&'a str> = ranges
            .iter()
            .map(|&(a, b)| lower_buf.get(a..b).unwrap_or(""))
            .collect();
        let mut mention_at = vec![None; n];
        let mut local = Vec::new();
        // mentions are in text order: only look at those inside the sentence
        let lo = mentions.partition_point(|m| m.span.end <= sentence.span.start);
        let hi = mentions.partition_point(|m| m.span.start < sentence.span.end);
        for (gi, m) in mentions.iter().enumerate().take(hi.max(lo)).skip(lo) {
            if m.sentence != sentence.index {
                continue;
            }
            let first = tokens.partition_point(|t| t.span.end <= m.span.start);
            let last_excl = tokens.partition_point(|t| t.span.start < m.span.end);
            if first >= last_excl {
                continue;
            }
            let mut last = last_excl - 1;
            // a headline verb swallowed by a name ("Egypt Leader Threatens")
            // belongs to the clause, not to the actor
            while last > first
                && tokens
                    .get(last)
                    .is_some_and(|t| matches!(t.pos, Pos::VBZ | Pos::VBD | Pos::VBP | Pos::VBN))
            {
                last -= 1;
            }
            if (first..=last).any(|i| mention_at.get(i).copied().flatten().is_some()) {
                continue;
            }
            let li = local.len();
            local.push(LocalMention {
                first,
                last,
                global: gi,
            });
            for slot in mention_at.iter_mut().take(last + 1).skip(first) {
                *slot = Some(li);
            }
        }
        local.sort_by_key(|m| m.first);
        // re-index after sorting
        for slot in mention_at.iter_mut() {
            *slot = None;
        }
        for (li, m) in local.iter().enumerate() {
            for slot in mention_at.iter_mut().take(m.last + 1).skip(m.first) {
                *slot = Some(li);
            }
        }
        SentenceView {
            text,
            tokens,
            lower,
            mentions: local,
            mention_at,
            title: is_title_case(words, caps),
        }
    }

    /// Number of tokens analysed.
    pub fn len(&self) -> usize {
        self.tokens.len()
    }

    #[inline]
    pub(crate) fn pos(&self, i: usize) -> Option<Pos> {
        self.tokens.get(i).map(|t| t.pos)
    }

    #[inline]
    pub(crate) fn lemma(&self, i: usize) -> &str {
        self.tokens.get(i).map(|t| t.lemma.as_str()).unwrap_or("")
    }

    #[inline]
    pub(crate) fn low(&self, i: usize) -> &str {
        self.lower.get(i).copied().unwrap_or("")
    }

    /// True when token `i` has lemma or lower-case form `w`.
    #[inline]
    pub(crate) fn is(&self, i: usize, w: &str) -> bool {
        let low = self.low(i);
        self.lemma(i) == w
            || low == w
            || (low.len() > w.len() + 1
                && low.starts_with(w)
                && matches!(&low[w.len()..], "s" | "es"))
    }

    fn mention(&self, i: usize) -> Option<usize> {
        self.mention_at.get(i).copied().flatten()
    }

    fn is_verbish(&self, i: usize) -> bool {
        self.pos(i).is_some_and(|p| p.is_verb() || p == Pos::MD)
    }

    /// Clause boundary tokens: ";", ":", dashes, relative pronouns, "that",
    /// subordinating conjunctions.
    fn is_boundary(&self, i: usize) -> bool {
        let Some(p) = self.pos(i) else { return true };
        match p {
            Pos::Colon => true,
            Pos::WDT | Pos::WP | Pos::WPS => true,
            Pos::IN => words::is_subordinator(self.low(i)),
            _ => false,
        }
    }

    /// Mentions coordinated with mention `m` to its right ("X and Y", "X, Y and Z").
    fn conjuncts_after(&self, m: usize) -> Vec<usize> {
        let mut out = vec![m];
        let mut cur = m;
        let mut any_and = false;
        while out.len() < 6 {
            let Some(lm) = self.mentions.get(cur) else {
                break;
            };
            let mut j = lm.last + 1;
            let mut saw_conj = false;
            while j < self.len() && j <= lm.last + 4 {
                if self.is(j, "and") || self.low(j) == "," {
                    saw_conj = true;
                    any_and |= self.is(j, "and");
                    j += 1;
                } else if matches!(self.pos(j), Some(Pos::DT | Pos::PRPS | Pos::JJ)) && saw_conj {
                    j += 1;
                } else {
                    break;
                }
            }
            match self.mention(j) {
                Some(next)
                    if saw_conj
                        && next != cur
                        && self.mentions.get(next).is_some_and(|n| n.first == j) =>
                {
                    out.push(next);
                    cur = next;
                }
                _ => break,
            }
        }
        // commas alone make an apposition ("Putin, the Russian leader"),
        // except in headlines ("France, Peru Sign Deal")
        if !any_and && !self.title {
            out.truncate(1);
        }
        out
    }

    /// Mentions coordinated with mention `m` to its left; returns them in text order ending with `m`.
    fn conjuncts_before(&self, m: usize) -> Vec<usize> {
        let mut out = vec![m];
        let mut cur = m;
        let mut any_and = false;
        while out.len() < 6 {
            let Some(lm) = self.mentions.get(cur) else {
                break;
            };
            let mut j = lm.first;
            let mut saw_conj = false;
            while j > 0 && j + 4 >= lm.first {
                let k = j - 1;
                if self.is(k, "and") || self.low(k) == "," {
                    saw_conj = true;
                    any_and |= self.is(k, "and");
                    j = k;
                } else if matches!(self.pos(k), Some(Pos::DT | Pos::PRPS)) && !saw_conj {
                    j = k;
                } else {
                    break;
                }
            }
            if !saw_conj || j == 0 {
                break;
            }
            match self.mention(j - 1) {
                Some(prev) if prev != cur => {
                    out.insert(0, prev);
                    cur = prev;
                }
                _ => break,
            }
        }
        if !any_and && !self.title {
            // "The North's leader, Kim Jong Un, met": an apposition, keep the name
            out.drain(..out.len().saturating_sub(1));
        }
        out
    }
}

/// Headline case ("Singapore Expels Dozens of Diplomats"): taggers read
/// capitalised verbs as proper nouns there. `words` counts the tokens that
/// start with a letter, `caps` those of them that start with a capital.
fn is_title_case(words: usize, caps: usize) -> bool {
    words >= 3 && caps * 10 >= words * 7
}

/// Finds the predicates of a sentence and their arguments.
pub fn analyze(view: &SentenceView<'_>, patterns: &PatternSet) -> Vec<Predicate> {
    analyze_with(view, patterns, false)
}

/// Like [`analyze`], but returns no predicates at all when none of them
/// can trigger a pattern (the sentence cannot yield an event), without
/// looking for their arguments.
pub fn analyze_for_events(view: &SentenceView<'_>, patterns: &PatternSet) -> Vec<Predicate> {
    analyze_with(view, patterns, true)
}

fn analyze_with(
    view: &SentenceView<'_>,
    patterns: &PatternSet,
    only_triggered: bool,
) -> Vec<Predicate> {
    let mut preds = verb_groups(view, patterns);
    if view.title {
        add_headline_verbs(view, patterns, &mut preds);
    }
    add_event_nouns(view, patterns, &mut preds);
    // the matcher tries a predicate's patterns by lemma and by its
    // lower-case form: with neither a trigger, nothing can match
    let can_trigger = |p: &Predicate| {
        patterns.has_trigger(p.kind, &p.lemma)
            || (view.low(p.head) != p.lemma && patterns.has_trigger(p.kind, view.low(p.head)))
    };
    if only_triggered && !preds.iter().any(can_trigger) {
        return Vec::new();
    }
    preds.sort_by_key(|p| p.head);
    let n = preds.len();
    let next_boundary = next_boundaries(view);
    for i in 0..n {
        let clause_end = clause_end(view, &preds, i, &next_boundary);
        if let Some(p) = preds.get_mut(i) {
            p.clause_end = clause_end;
        }
    }
    let needs_arguments = if only_triggered {
        predicates_read_by_matching(&preds, can_trigger)
    } else {
        vec![true; n]
    };
    for (i, needed) in needs_arguments.iter().enumerate() {
        if !needed {
            continue;
        }
        let (subject, object, preps) = match preds.get(i) {
            Some(p) => (
                find_subject(view, p),
                find_object(view, p),
                find_preps(view, p),
            ),
            None => continue,
        };
        if let Some(p) = preds.get_mut(i) {
            p.subject = subject;
            p.object = object;
            p.preps = preps;
        }
    }
    link_governors(view, &mut preds);
    preds
}

fn verb_groups(view: &SentenceView<'_>, patterns: &PatternSet) -> Vec<Predicate> {
    // a verb trigger the tagger read as a noun right after an auxiliary
    // ("have cast", "did not attack")
    let mistagged = |k: usize| {
        view.pos(k).is_some_and(|p| p.is_noun() || p.is_adjective())
            && view.mention(k).is_none()
            && (patterns.has_trigger(TriggerKind::Verb, view.lemma(k))
                || (view.low(k) != view.lemma(k)
                    && patterns.has_trigger(TriggerKind::Verb, view.low(k))))
    };
    let mut out = Vec::new();
    let mut i = 0;
    while i < view.len() {
        let starts_to = view.pos(i) == Some(Pos::TO) && view.pos(i + 1) == Some(Pos::VB);
        if !(view.is_verbish(i) || starts_to) || view.mention(i).is_some() {
            i += 1;
            continue;
        }
        let first = i;
        let mut modal = None;
        let mut negated = false;
        let mut auxes: Vec<&str> = Vec::new();
        let mut head = i;
        let mut j = if starts_to { i + 1 } else { i };
        while j < view.len() && j < first + 8 {
            let pos = view.pos(j);
            if pos == Some(Pos::MD) {
                modal = Some(view.low(j).to_string());
                j += 1;
                continue;
            }
            if pos.is_some_and(|p| p.is_adverb())
                || (!auxes.is_empty()
                    && (view.is(j, "since") || words::is_time_adverb(view.low(j))))
                || (j > first && words::is_negation(view.low(j)))
            {
                if words::is_negation(view.low(j)) {
                    negated = true;
                }
                j += 1;
                continue;
            }
            let forced = !auxes.is_empty() && mistagged(j);
            if pos.is_some_and(|p| p.is_verb()) || forced {
                head = j;
                let lemma = view.lemma(j);
                // skip adverbs ("has since accused", "was also seen") to the next verb
                let mut k = j + 1;
                while k < j + 3
                    && (view.pos(k).is_some_and(|p| p.is_adverb())
                        || view.is(k, "since")
                        || words::is_time_adverb(view.low(k))
                        || words::is_negation(view.low(k)))
                {
                    k += 1;
                }
                let is_aux = (words::is_auxiliary(lemma)
                    || matches!(view.low(j), "did" | "does" | "do" | "had" | "has" | "have"))
                    && (view.pos(k).is_some_and(|p| p.is_verb() || p == Pos::MD) || mistagged(k));
                if is_aux {
                    auxes.push(lemma);
                    j += 1;
                    continue;
                }
                j += 1;
                break;
            }
            break;
        }
        // trailing adverbs belonged to the next word, not to this group
        let forced_head = !auxes.is_empty() && mistagged(head);
        let head_pos = if forced_head {
            Some(if view.low(head).ends_with("ed") {
                Pos::VBN
            } else {
                Pos::VB
            })
        } else {
            view.pos(head)
        };
        let head_is_verb = head_pos.is_some_and(|p| p.is_verb());
        if !head_is_verb {
            i = j.max(i + 1);
            continue;
        }
        let first_pos = view.pos(if starts_to { first + 1 } else { first });
        let has_be = auxes.iter().any(|a| *a == "be" || *a == "get");
        let has_have = auxes.contains(&"have");
        let followed_by_by = (head + 1..(head + 5).min(view.len())).any(|k| view.is(k, "by"));
        // a bare participle right after a plain noun is a reduced passive
        // ("captives released in ...")
        let after_noun = head > 0
            && view.pos(head - 1).is_some_and(|p| p.is_noun())
            && view.mention(head - 1).is_none();
        let passive = head_pos == Some(Pos::VBN)
            && (has_be || (auxes.is_empty() && modal.is_none() && (followed_by_by || after_noun)));
        let nonfinite = starts_to
            || (auxes.is_empty()
                && modal.is_none()
                && matches!(head_pos, Some(Pos::VBG) | Some(Pos::VBN)))
            || (auxes.is_empty() && modal.is_none() && head_pos == Some(Pos::VB));
        let tense = match (&modal, first_pos) {
            (Some(m), _) if m == "will" || m == "shall" || m == "'ll" => Tense::Future,
            (Some(_), _) => Tense::Unknown,
            _ if starts_to => Tense::Unknown,
            (None, Some(Pos::VBD)) => Tense::Past,
            (None, Some(Pos::VBZ | Pos::VBP)) if has_have => Tense::Past,
            (None, Some(Pos::VBZ | Pos::VBP)) => Tense::Present,
            _ => Tense::Unknown,
        };
        out.push(Predicate {
            kind: TriggerKind::Verb,
            head,
            first,
            lemma: if forced_head && !patterns.has_trigger(TriggerKind::Verb, view.lemma(head)) {
                view.low(head).to_string()
            } else {
                view.lemma(head).to_string()
            },
            tense,
            perfect: has_have,
            passive,
            negated,
            modal,
            nonfinite,
            governor: None,
            subject: Vec::new(),
            object: Vec::new(),
            preps: Vec::new(),
            clause_end: view.len(),
        });
        i = j.max(i + 1);
    }
    out
}

/// Verb triggers written capitalised in a headline and tagged as nouns:
/// "Expels" → expel, "Lifted" → lift.
fn add_headline_verbs(view: &SentenceView<'_>, patterns: &PatternSet, preds: &mut Vec<Predicate>) {
    for i in 0..view.len() {
        let nounish = view.pos(i).is_some_and(|p| p.is_noun() || p.is_adjective());
        if !nounish
            || view.mention(i).is_some()
            || preds.iter().any(|p| p.first <= i && i <= p.head)
        {
            continue;
        }
        let low = view.low(i);
        let stems = [
            Some(low),
            low.strip_suffix('s'),
            low.strip_suffix("es"),
            low.strip_suffix("ed"),
            low.strip_suffix('d'),
            low.strip_suffix("ing"),
        ];
        let mut lemma = stems
            .iter()
            .flatten()
            .find(|c| !c.is_empty() && patterns.has_trigger(TriggerKind::Verb, c))
            .map(|c| c.to_string());
        if lemma.is_none() {
            // doubled consonant or dropped e: "Planned" → plan, "Closed" → close
            if let Some(stem) = low.strip_suffix("ed").or_else(|| low.strip_suffix("ing")) {
                let undoubled = stem.get(..stem.len().saturating_sub(1)).unwrap_or("");
                let with_e = format!("{stem}e");
                lemma = [undoubled.to_string(), with_e]
                    .into_iter()
                    .find(|c| !c.is_empty() && patterns.has_trigger(TriggerKind::Verb, c));
            }
        }
        let Some(lemma) = lemma else { continue };
        let past = low.ends_with("ed");
        let after_actor = i > 0 && view.mention(i - 1).is_some();
        let after_to = i > 0 && view.is(i - 1, "to");
        preds.push(Predicate {
            kind: TriggerKind::Verb,
            head: i,
            first: i,
            lemma,
            tense: if past { Tense::Past } else { Tense::Present },
            perfect: false,
            passive: past && !after_actor,
            negated: false,
            modal: None,
            nonfinite: after_to,
            governor: None,
            subject: Vec::new(),
            object: Vec::new(),
            preps: Vec::new(),
            clause_end: view.len(),
        });
    }
}

fn add_event_nouns(view: &SentenceView<'_>, patterns: &PatternSet, preds: &mut Vec<Predicate>) {
    for i in 0..view.len() {
        let is_noun = view.pos(i).is_some_and(|p| p.is_noun() || p.is_adjective());
        if !is_noun || view.mention(i).is_some() || is_month_name(view, i) {
            continue;
        }
        let lemma = if patterns.has_trigger(TriggerKind::Noun, view.lemma(i)) {
            view.lemma(i)
        } else if view.low(i) != view.lemma(i)
            && patterns.has_trigger(TriggerKind::Noun, view.low(i))
        {
            view.low(i)
        } else {
            continue;
        };
        preds.push(Predicate {
            kind: TriggerKind::Noun,
            head: i,
            first: i,
            lemma: lemma.to_string(),
            tense: Tense::Unknown,
            perfect: false,
            passive: false,
            negated: i > 0 && view.is(i - 1, "no"),
            modal: None,
            nonfinite: true,
            governor: None,
            subject: Vec::new(),
            object: Vec::new(),
            preps: Vec::new(),
            clause_end: view.len(),
        });
    }
}

/// "March", "May": capitalised month names are dates, not event nouns.
fn is_month_name(view: &SentenceView<'_>, i: usize) -> bool {
    matches!(view.low(i), "march" | "may")
        && view
            .tokens
            .get(i)
            .is_some_and(|t| t.text(view.text).starts_with(char::is_uppercase))
}

/// The clause of predicate `i` ends at the next boundary token or at the
/// next finite verb group, whichever comes first (and at most 3×WINDOW on).
/// `next_boundary[k]` is the first boundary token at or after `k` (see
/// [`next_boundaries`]).
fn clause_end(
    view: &SentenceView<'_>,
    preds: &[Predicate],
    i: usize,
    next_boundary: &[usize],
) -> usize {
    let Some(p) = preds.get(i) else {
        return view.len();
    };
    let limit = (p.head + 3 * WINDOW).min(view.len());
    let next_finite = preds
        .iter()
        .filter(|q| q.kind == TriggerKind::Verb && q.first > p.head && !q.nonfinite)
        .map(|q| q.first)
        .min()
        .unwrap_or(limit);
    let boundary = next_boundary
        .get(p.head + 1)
        .copied()
        .unwrap_or(limit)
        .min(limit);
    next_finite.min(boundary).min(limit)
}

/// For each token index `k` (and `len`), the first clause boundary token at
/// or after `k`, else the sentence length: one pass instead of a scan per
/// predicate.
fn next_boundaries(view: &SentenceView<'_>) -> Vec<usize> {
    let len = view.len();
    let mut next = vec![len; len + 1];
    for k in (0..len).rev() {
        let after = next.get(k + 1).copied().unwrap_or(len);
        if let Some(slot) = next.get_mut(k) {
            *slot = if view.is_boundary(k) { k } else { after };
        }
    }
    next
}

fn find_subject(view: &SentenceView<'_>, p: &Predicate) -> Vec<usize> {
    if p.passive && p.nonfinite && p.kind == TriggerKind::Verb {
        // reduced passive ("a building destroyed by ..."): the patient is the
        // noun phrase right before the participle
        return p
            .head
            .checked_sub(1)
            .and_then(|k| view.mention(k))
            .map(|m| vec![m])
            .unwrap_or_default();
    }
    if p.kind == TriggerKind::Noun {
        return noun_modifier(view, p.head)
            .map(|m| vec![m])
            .unwrap_or_default();
    }
    let stop = p.first.saturating_sub(3 * WINDOW);
    let mut k = p.first;
    let mut rel_skip = false;
    while k > stop {
        k -= 1;
        if let Some(m) = view.mention(k) {
            let lm = view.mentions.get(m).copied();
            let Some(lm) = lm else { break };
            // a mention inside a prepositional phrase ("the leader of Russia"):
            // prefer the head noun phrase's mention if one is close before it
            if lm.first > 0
                && view.pos(lm.first - 1) == Some(Pos::IN)
                && view.is(lm.first - 1, "of")
            {
                if let Some(head_m) = (lm.first.saturating_sub(6)..lm.first.saturating_sub(1))
                    .rev()
                    .find_map(|j| view.mention(j))
                {
                    return view.conjuncts_before(head_m);
                }
            }
            if lm.first > 0
                && view.is(lm.first - 1, "to")
                && lm.first > 1
                && view.is(lm.first - 2, "according")
            {
                k = lm.first;
                continue;
            }
            return view.conjuncts_before(m);
        }
        let pos = view.pos(k);
        if matches!(pos, Some(Pos::WDT | Pos::WP)) {
            // relative clause: the antecedent is the mention right before the pronoun
            let before = k.checked_sub(1).and_then(|j| {
                if view.low(j) == "," {
                    j.checked_sub(1)
                } else {
                    Some(j)
                }
            });
            if let Some(m) = before.and_then(|j| view.mention(j)) {
                return view.conjuncts_before(m);
            }
            if !rel_skip {
                return Vec::new();
            }
        }
        if view.low(k) == "," && k > 0 {
            // skip a parenthetical relative clause ", who ... ," before the verb
            let rel_start = (k.saturating_sub(WINDOW)..k).rev().find(|&j| {
                matches!(view.pos(j), Some(Pos::WDT | Pos::WP)) && j > 0 && view.low(j - 1) == ","
            });
            if let Some(r) = rel_start {
                rel_skip = true;
                k = r - 1;
                continue;
            }
        }
        if view.is_boundary(k) || pos == Some(Pos::Colon) {
            break;
        }
        if view.is_verbish(k) && !view.is(k, "according") {
            break;
        }
    }
    Vec::new()
}

/// The actor modifying an event noun: "Russia's invasion", "Russian strikes",
/// "a North Korean missile test".
fn noun_modifier(view: &SentenceView<'_>, head: usize) -> Option<usize> {
    let mut k = head;
    while k > 0 && k + 5 > head {
        k -= 1;
        if let Some(m) = view.mention(k) {
            return Some(m);
        }
        let ok = view.pos(k).is_some_and(|p| {
            p.is_noun() || p.is_adjective() || matches!(p, Pos::POS | Pos::CD | Pos::VBN | Pos::VBG)
        });
        if !ok {
            return None;
        }
    }
    None
}

fn find_object(view: &SentenceView<'_>, p: &Predicate) -> Vec<usize> {
    let limit = (p.head + WINDOW).min(p.clause_end);
    let mut k = p.head + 1;
    let mut crossed_of = false;
    while k < limit {
        if let Some(m) = view.mention(k) {
            return view.conjuncts_after(m);
        }
        let pos = view.pos(k);
        let ok = pos.is_some_and(|q| {
            q.is_noun()
                || q.is_adjective()
                || q.is_adverb()
                || matches!(
                    q,
                    Pos::DT | Pos::CD | Pos::PRPS | Pos::POS | Pos::PDT | Pos::RP
                )
        });
        if view.is(k, "of") && !crossed_of && k > p.head + 1 {
            crossed_of = true;
            k += 1;
            continue;
        }
        if !ok {
            break;
        }
        k += 1;
    }
    Vec::new()
}

type PrepObjects = Vec<(Cow<'static, str>, usize, Vec<usize>)>;

fn find_preps(view: &SentenceView<'_>, p: &Predicate) -> PrepObjects {
    let limit = (p.head + 2 * WINDOW).min(p.clause_end.max(p.head + 1));
    let mut out = Vec::new();
    for k in p.head + 1..limit {
        if !matches!(view.pos(k), Some(Pos::IN | Pos::TO | Pos::RP)) {
            continue;
        }
        let low = view.low(k);
        let prep = words::common_preposition(low)
            .map(Cow::Borrowed)
            .unwrap_or_else(|| Cow::Owned(low.to_string()));
        let mut j = k + 1;
        let mut found = Vec::new();
        while j < limit && j <= k + 7 {
            if let Some(m) = view.mention(j) {
                found = view.conjuncts_after(m);
                break;
            }
            let stop = view.pos(j).is_some_and(|q| {
                q.is_verb()
                    || matches!(q, Pos::IN | Pos::TO | Pos::Comma | Pos::Period | Pos::Colon)
            });
            if stop && !view.is(j, "of") {
                break;
            }
            j += 1;
        }
        out.push((prep, k, found));
    }
    out
}

/// Which predicates' arguments the matcher reads (directly or through
/// control): those that can trigger a pattern, speech and allegation verbs
/// (attribution reads their subjects) and, transitively, the governors of
/// these (control copies a governor's subject or object). The others keep
/// empty arguments: finding them would not change any event.
fn predicates_read_by_matching(
    preds: &[Predicate],
    can_trigger: impl Fn(&Predicate) -> bool,
) -> Vec<bool> {
    let mut needed: Vec<bool> = preds
        .iter()
        .map(|p| {
            can_trigger(p)
                || (p.kind == TriggerKind::Verb
                    && (words::is_speech_verb(&p.lemma) || words::is_allegation_verb(&p.lemma)))
        })
        .collect();
    // a governor comes before its dependent: walking backwards closes the
    // set over chains of governors
    for i in (0..preds.len()).rev() {
        let Some(p) = preds.get(i) else { continue };
        if !needed.get(i).copied().unwrap_or(false) || !p.nonfinite {
            continue;
        }
        if let Some(slot) = governor_of(preds, i, p.first).and_then(|g| needed.get_mut(g)) {
            *slot = true;
        }
    }
    needed
}

/// The verb predicate that non-finite predicate `i` (first token `first`)
/// depends on: the nearest verb before it, close enough, whose clause
/// reaches it.
fn governor_of(preds: &[Predicate], i: usize, first: usize) -> Option<usize> {
    (0..i).rev().find(|&g| {
        preds.get(g).is_some_and(|q| {
            q.kind == TriggerKind::Verb
                && q.head < first
                && first - q.head <= WINDOW
                && q.clause_end >= first
        })
    })
}

/// Links non-finite verbs and event nouns to the predicate they depend on and
/// fills their missing subjects by control ("vowed to attack", "accused X of
/// firing", "urged X to withdraw", "held talks").
fn link_governors(view: &SentenceView<'_>, preds: &mut [Predicate]) {
    for i in 0..preds.len() {
        let Some(p) = preds.get(i) else { continue };
        let (first, head, kind, nonfinite) = (p.first, p.head, p.kind, p.nonfinite);
        if !nonfinite {
            continue;
        }
        let Some(g) = governor_of(preds, i, first) else {
            continue;
        };
        let (g_subject, g_object, g_object_control) = match preds.get(g) {
            Some(q) => (q.agent(), q.patient(), words::is_object_control(&q.lemma)),
            None => continue,
        };
        let before = first.checked_sub(1).map(|k| view.low(k)).unwrap_or("");
        if let Some(p) = preds.get_mut(i) {
            p.governor = Some(g);
            let controlled = kind == TriggerKind::Verb
                && (p.subject.is_empty() || matches!(before, "of" | "for" | "to" | "by" | ","));
            if controlled && (!g_subject.is_empty() || !g_object.is_empty()) {
                let object_control = g_object_control || matches!(before, "of" | "for");
                let controller = if object_control && !g_object.is_empty() {
                    g_object
                } else {
                    g_subject
                };
                if !controller.is_empty() {
                    p.subject = controller;
                }
            } else if p.subject.is_empty() && kind == TriggerKind::Noun {
                // the event noun is the object of its governor: "X held talks", "X launched an attack"
                if !g_object
                    .iter()
                    .any(|&m| view.mentions.get(m).is_some_and(|lm| lm.first < head))
                {
                    p.subject = g_subject;
                }
            }
        }
    }
}
