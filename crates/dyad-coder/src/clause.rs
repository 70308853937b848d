//! Clause analysis: predicates (verb groups and event nouns) and their actor
//! arguments, from tagged tokens and actor mentions.
//!
//! Rule-based and windowed: every scan looks at most [`WINDOW`] tokens away
//! from its start, so the cost per sentence is linear in its length whatever
//! its shape (run-ons, tables, all caps).

use std::borrow::Cow;

use dyad_core::Pos;

use crate::patterns::{PatternSet, TriggerKind};
use crate::words;

mod arguments;
mod complement;
mod coordination;
mod tree;
mod view;

use arguments::{find_object, find_preps, find_subject};
use coordination::coordinated_with;
pub use tree::{analyze_tree, country_donors, quoted_statement, DepTree};
pub(crate) use tree::{
    case_word, is_call_purpose, is_light_verb, is_mandative_content_clause, owned_proposal,
};

pub use view::{LocalMention, SentenceView};

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
    /// Index of the earlier verb predicate this one is coordinated with
    /// ("bombed Gaza and killed"): it shares that one's subject, governor and
    /// factuality.
    pub coordinated: Option<usize>,
    /// Local mention indices of the grammatical subject (conjuncts in order).
    pub subject: Vec<usize>,
    /// Local mention indices of the direct object.
    pub object: Vec<usize>,
    /// Prepositional objects: (preposition, token index, mentions).
    /// The preposition is borrowed when it is a common one (no allocation).
    pub preps: Vec<(Cow<'static, str>, usize, Vec<usize>)>,
    /// One past the last token the clause's arguments may come from.
    pub clause_end: usize,
    /// Built from the dependency tree: its arguments are exactly what the
    /// tree links to the trigger (no fallback to nearby actors).
    pub from_tree: bool,
    /// Reported as an act rather than mentioned in passing: every verb; an
    /// event noun that heads the sentence, is the subject of a verb ("the
    /// attack killed 20") or the object of a light verb ("held talks").
    /// Unanchored event nouns ("Obama's withdrawal from Iraq" inside
    /// another statement) are marked as mentioned in passing (`Event::in_passing`).
    pub anchored: bool,
    /// On a parse: local mention indices of the subject of a clause this
    /// verb governs whose verb carries should/must/ought/need/have to
    /// ("said the US should leave" → the US), for `should+` slots.
    pub obliged: Vec<usize>,
    /// On a parse: local mention indices of the actor a clause this verb
    /// governs says something strongly negative about ("said the militia is
    /// a terror group" → the militia), for `blames+` slots.
    pub blamed: Vec<usize>,
    /// On a parse: local mention indices of the counterpart a complement
    /// clause of this verb links ("refused to meet X", "demanded that X
    /// resign" → X), for an empty object slot (`complement.rs`).
    pub complement: Vec<usize>,
    /// On a parse: the token heading the direct object (or, in a passive,
    /// the subject), whatever it is ("gave *instructions* to X").
    pub object_word: Option<usize>,
    /// A statement made by a quotation's speaker named in another sentence
    /// ([`tree::quoted_statement`]): a verb of saying with no word of its
    /// own, its head the quoted clause's, asserted by being said.
    pub quoted: bool,
    /// On a parse: the verb's particle ("ended *up* in", "gave *up*"),
    /// whose phrasal verb may mean something else than the verb alone.
    pub particle: Option<usize>,
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
        predicates_read_by_matching(view, &preds, can_trigger)
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
            coordinated: None,
            subject: Vec::new(),
            object: Vec::new(),
            preps: Vec::new(),
            clause_end: view.len(),
            from_tree: false,
            anchored: true,
            obliged: Vec::new(),
            blamed: Vec::new(),
            complement: Vec::new(),
            object_word: None,
            quoted: false,
            particle: None,
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
            coordinated: None,
            subject: Vec::new(),
            object: Vec::new(),
            preps: Vec::new(),
            clause_end: view.len(),
            from_tree: false,
            anchored: true,
            obliged: Vec::new(),
            blamed: Vec::new(),
            complement: Vec::new(),
            object_word: None,
            quoted: false,
            particle: None,
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
            coordinated: None,
            subject: Vec::new(),
            object: Vec::new(),
            preps: Vec::new(),
            clause_end: view.len(),
            from_tree: false,
            anchored: true,
            obliged: Vec::new(),
            blamed: Vec::new(),
            complement: Vec::new(),
            object_word: None,
            quoted: false,
            particle: None,
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

/// Which predicates' arguments the matcher reads (directly or through
/// control): those that can trigger a pattern, speech and allegation verbs
/// (attribution reads their subjects) and, transitively, the governors of
/// these (control copies a governor's subject or object). The others keep
/// empty arguments: finding them would not change any event.
fn predicates_read_by_matching(
    view: &SentenceView<'_>,
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
        if !needed.get(i).copied().unwrap_or(false) {
            continue;
        }
        // a coordinated verb takes its subject from the earlier conjunct
        if let Some(slot) = coordinated_with(view, preds, i).and_then(|q| needed.get_mut(q)) {
            *slot = true;
        }
        if !p.nonfinite {
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
        if let Some(q) = coordinated_with(view, preds, i) {
            share_with_conjunct(preds, i, q);
            continue;
        }
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

/// Coordinated verb `i` shares the subject and governor of the earlier
/// conjunct `q` (already linked: `q < i`).
fn share_with_conjunct(preds: &mut [Predicate], i: usize, q: usize) {
    let Some((subject, governor)) = preds.get(q).map(|c| (c.subject.clone(), c.governor)) else {
        return;
    };
    if let Some(p) = preds.get_mut(i) {
        p.coordinated = Some(q);
        if !subject.is_empty() {
            p.subject = subject;
        }
        p.governor = governor.or(p.governor);
    }
}
