//! Clause analysis over a dependency tree (Universal Dependencies v2
//! relations): predicates and their arguments read from the parse instead
//! of token windows.
//!
//! The predicates it builds are the same [`Predicate`] values the window
//! analysis builds, so matching, factuality and records are shared; what
//! changes is where the arguments come from:
//!
//! * subject: `nsubj` / `nsubj:pass` (a passive's agent is its `obl:agent`,
//!   read as the "by" slot); a relative pronoun subject takes the noun the
//!   clause modifies; a reduced relative (`acl`) takes its noun (as patient
//!   when passive); a controlled `xcomp` takes its governor's object (object
//!   control: "urged Iran to stop") or subject; a coordinated verb (`conj`)
//!   without a subject shares its first conjunct's;
//! * object: `obj` (else `iobj`);
//! * prepositional slots: `obl` / `nmod` with their `case` word;
//! * event nouns: `nmod:poss`, a `compound` or `amod` naming an actor
//!   ("Russian strikes", "US airstrikes"), the "by" phrase, else the subject
//!   of a light verb whose object the noun is ("held talks", "launched an
//!   attack on X", whose `obl` slots the noun shares).
//!
//! An actor the tree does not link to the trigger is not an argument: no
//! "nearest actor" fallback.

use std::borrow::Cow;

use super::view::SentenceView;
use super::{Predicate, Tense};
use crate::patterns::{PatternSet, TriggerKind};
use crate::words;

/// A sentence's dependency tree, indexed like its tokens; the names
/// borrow from the parser's label tables.
#[derive(Debug, Clone, Default)]
pub struct DepTree<'a> {
    /// Head of each token (`None` for the root).
    pub head: Vec<Option<usize>>,
    /// UD relation of each token to its head ("nsubj", "obl:agent", ...).
    pub rel: Vec<&'a str>,
    /// Universal part of speech of each token ("VERB", "NOUN", ...).
    pub upos: Vec<&'a str>,
    /// Penn tag of each token ("VBD", "NN", ...).
    pub xpos: Vec<&'a str>,
    /// Children of each token, in text order (filled by [`DepTree::index`]).
    children: Vec<Vec<usize>>,
}

impl<'a> DepTree<'a> {
    /// A tree from its columns; heads that point outside the sentence or
    /// at the token itself are read as roots.
    pub fn new(
        head: Vec<Option<usize>>,
        rel: Vec<&'a str>,
        upos: Vec<&'a str>,
        xpos: Vec<&'a str>,
    ) -> DepTree<'a> {
        let mut t = DepTree {
            head,
            rel,
            upos,
            xpos,
            children: Vec::new(),
        };
        t.index();
        t
    }

    fn index(&mut self) {
        let n = self.head.len();
        let mut of = vec![Vec::new(); n];
        for i in 0..n {
            if let Some(h) = self.head[i].filter(|&h| h < n && h != i) {
                of[h].push(i);
            } else {
                self.head[i] = None;
            }
        }
        self.children = of;
    }

    /// Number of tokens.
    pub fn len(&self) -> usize {
        self.head.len()
    }

    /// True for an empty tree.
    pub fn is_empty(&self) -> bool {
        self.head.is_empty()
    }

    /// Relation of token `i` to its head.
    pub fn rel(&self, i: usize) -> &str {
        self.rel.get(i).copied().unwrap_or("")
    }

    /// The relation without its subtype ("obl:agent" → "obl").
    pub fn base_rel(&self, i: usize) -> &str {
        let r = self.rel(i);
        r.split(':').next().unwrap_or(r)
    }

    /// Universal POS of token `i`.
    pub fn upos(&self, i: usize) -> &str {
        self.upos.get(i).copied().unwrap_or("")
    }

    /// Penn tag of token `i`.
    pub fn xpos(&self, i: usize) -> &str {
        self.xpos.get(i).copied().unwrap_or("")
    }

    /// Head of token `i` (`None`: the root).
    pub fn head(&self, i: usize) -> Option<usize> {
        self.head.get(i).copied().flatten()
    }

    /// Children of token `i`.
    pub fn kids(&self, i: usize) -> &[usize] {
        self.children.get(i).map(Vec::as_slice).unwrap_or(&[])
    }

    fn with_rel<'s>(&'s self, i: usize, rel: &'s str) -> impl Iterator<Item = usize> + 's {
        self.kids(i)
            .iter()
            .copied()
            .filter(move |&c| self.rel(c) == rel)
    }

    /// The path from token `i` up to its ancestor `to`, as relations
    /// ("obl:agent<", "nsubj<conj<"), for explanations.
    pub fn path(&self, i: usize, to: usize) -> String {
        let mut out = String::new();
        let mut cur = i;
        for _ in 0..8 {
            if cur == to {
                return out;
            }
            let Some(h) = self.head(cur) else { break };
            out.push_str(self.rel(cur));
            out.push('<');
            cur = h;
        }
        if cur == to {
            out
        } else {
            format!("{out}~")
        }
    }
}

/// Verbs whose object may be an event noun that takes the verb's subject as
/// its agent ("X held talks with Y", "X launched an attack on Y").
pub(crate) fn is_light_verb(lemma: &str) -> bool {
    matches!(
        lemma,
        "hold"
            | "launch"
            | "carry"
            | "conduct"
            | "stage"
            | "mount"
            | "begin"
            | "start"
            // "commenced air and ground assaults on X" (sides14)
            | "commence"
            | "continue"
            | "make"
            | "have"
            | "give"
            | "issue"
            | "lodge"
            | "file"
            | "impose"
            | "sign"
            | "reach"
            | "step"
            | "resume"
            | "intensify"
            | "escalate"
            | "wage"
            | "lead"
            | "order"
            | "announce"
            | "offer"
            | "deliver"
            | "provide"
            | "extend"
            | "express"
            | "voice"
            | "do"
            | "take"
            | "open"
            | "unleash"
            | "perform"
            | "commit"
            | "pursue"
            | "complete"
            | "declare"
            | "renew"
            | "reaffirm"
            | "show"
            | "pledge"
            // "undertook joint exercises", "initiated an investigation
            // against X"
            | "undertake"
            | "initiate"
            // keeping an act going is doing it ("prolonged its sanctions on
            // X", "tightened the blockade of Y"); attending a meeting is
            // taking part ("attended the summit in X"; not hosting: the host
            // of "a summit in Baghdad" is no party to it)
            | "prolong"
            | "maintain"
            | "tighten"
            | "expand"
            | "attend"
            // strengthening an act is doing it ("reinforced their support
            // for X", "deepened its cooperation with Y")
            | "reinforce"
            | "strengthen"
            | "boost"
            | "deepen"
            | "redouble"
            // saying again or passing on an act is doing it ("reiterated
            // its call for X", "conveyed his support to Y")
            | "reiterate"
            | "restate"
            | "repeat"
            | "convey"
    )
}

/// A singular or first-person pronoun with no actor of its own: in what a
/// speaker says or vows, the speaker ("they" may be anyone, so not it).
/// The verb a purpose infinitive ("to help X") serves when the parser
/// hangs it as an adverbial clause on a word that is no predicate (a noun
/// or preposition inside the verb's object or oblique phrase): the nearest
/// verb up a chain of nominal relations. An adverbial clause modifies a
/// predicate in UD, so such an attachment is the parser's slip; a nominal
/// predicate (with a copula) keeps its clause, and the climb stops at a
/// subject or at any clausal relation.
fn purpose_host(
    tree: &DepTree<'_>,
    kids: &DepTree<'_>,
    i: usize,
    h: usize,
    pred_at: &[Option<usize>],
    is_to: impl Fn(usize) -> bool,
) -> Option<usize> {
    let to_infinitive = tree.rel(i) == "advcl"
        && kids
            .kids(i)
            .iter()
            .any(|&c| tree.rel(c) == "mark" && is_to(c));
    if !to_infinitive
        || pred_at.get(h).copied().flatten().is_some()
        || !matches!(tree.upos(h), "NOUN" | "PROPN" | "ADP" | "NUM" | "PRON")
        || kids.kids(h).iter().any(|&c| tree.rel(c) == "cop")
    {
        return None;
    }
    let mut cur = h;
    for _ in 0..8 {
        if !matches!(
            tree.base_rel(cur),
            "obj" | "obl" | "nmod" | "conj" | "compound" | "appos" | "flat"
        ) {
            return None;
        }
        let up = tree.head(cur)?;
        if tree.upos(up) == "VERB" {
            return pred_at.get(up).copied().flatten().map(|_| up);
        }
        if kids.kids(up).iter().any(|&c| tree.rel(c) == "cop") {
            return None;
        }
        cur = up;
    }
    None
}

fn is_speaker_pronoun(view: &SentenceView<'_>, k: usize) -> bool {
    matches!(view.low(k), "it" | "he" | "she" | "we" | "i") && view.mention(k).is_none()
}

/// The mention a relative "whose" at token `k` refers to: the one ending
/// right before it, a comma between allowed ("al-Qaida, whose attacks").
fn whose_antecedent(view: &SentenceView<'_>, k: usize) -> Option<usize> {
    let mut j = k.checked_sub(1)?;
    if view.low(j) == "," {
        j = j.checked_sub(1)?;
    }
    view.mention(j)
        .filter(|&m| !view.mentions.get(m).is_some_and(|lm| lm.place))
}

/// For a verb `i` the parser joins (`conj`) to an earlier verb with no
/// conjunction of its own ("..., outgoing chief X condemned the ban", where
/// the parser hung X on an earlier noun): when the word right before the
/// verb (past its own auxiliaries and adverbs) is a noun the verb does not
/// govern, that noun phrase is the verb's real subject and the partner's
/// subject is not. `Some(Some(m))` when it is actor mention `m` (not a
/// place), `Some(None)` when it names no actor, `None` when the verb does
/// not follow a noun.
fn name_right_before(
    view: &SentenceView<'_>,
    tree: &DepTree<'_>,
    kids: &DepTree<'_>,
    i: usize,
) -> Option<Option<usize>> {
    let own = kids.kids(i);
    if own.iter().any(|&k| tree.base_rel(k) == "cc") {
        return None;
    }
    let mut b = i.checked_sub(1)?;
    while own.contains(&b) && matches!(tree.base_rel(b), "aux" | "advmod") {
        b = b.checked_sub(1)?;
    }
    if !matches!(tree.upos(b), "PROPN" | "NOUN") || own.contains(&b) {
        return None;
    }
    // a noun with a preposition of its own is no subject, but the noun it
    // modifies may be ("the government delegation to Geneva refuses"); one
    // hung on a verb is that verb's ("interviewed by the Guardian say")
    let has_case = |x: usize| kids.kids(x).iter().any(|&k| tree.base_rel(k) == "case");
    let mut head = b;
    while has_case(head) {
        head = tree
            .head(head)
            .filter(|&h| h < i && matches!(tree.upos(h), "NOUN" | "PROPN"))?;
    }
    let m = view
        .mention_at
        .get(head)
        .copied()
        .flatten()
        .filter(|&m| view.mentions.get(m).is_some_and(|lm| !lm.place));
    Some(m)
}

/// The object verb `i` shares with its conjunct when only a conjunction
/// stands between them ("killing or imprisoning Kurds"): right-node raising.
fn shared_object(
    view: &SentenceView<'_>,
    tree: &DepTree<'_>,
    kids: &DepTree<'_>,
    i: usize,
) -> Vec<usize> {
    let Some(c) = kids
        .with_rel(i, "conj")
        .find(|&c| c == i + 2 && tree.rel(i + 1) == "cc" && tree.upos(c) == "VERB")
    else {
        return Vec::new();
    };
    let own = |rel: &str| -> Vec<usize> {
        kids.with_rel(c, rel)
            .flat_map(|o| np_mentions(view, tree, kids, o, true))
            .collect()
    };
    let object = own("obj");
    if object.is_empty() {
        own("iobj")
    } else {
        object
    }
}

fn is_relative_pronoun(low: &str) -> bool {
    matches!(low, "who" | "which" | "that" | "whom" | "whose")
}

/// The mentions of the "of" phrase of a relational noun ("an ally of the
/// PKK" → the PKK), which `np_owner` does not take as the noun's owner.
fn relational_of(
    view: &SentenceView<'_>,
    tree: &DepTree<'_>,
    kids: &DepTree<'_>,
    h: usize,
) -> Vec<usize> {
    if !words::is_relational_noun(view.lemma(h)) {
        return Vec::new();
    }
    kids.with_rel(h, "nmod")
        .filter(|&c| case_word(tree, kids, c).is_some_and(|k| view.low(k) == "of"))
        .map(|c| np_mentions(view, tree, kids, c, false))
        .find(|ms| !ms.is_empty())
        .unwrap_or_default()
}

/// True when the relative clause headed by verb `i` has no relative word
/// and lacks its object: "the country Austria criticised", "the people
/// Isis killed" — the modified noun is what the verb acts on. Only an
/// active verb with a subject of its own and no object, clausal
/// complement, subordinator, relative adverb or stranded preposition
/// ("the deal Iran signed up to", "the day Russia withdrew" is no object:
/// a day is no actor, and the antecedent must be one).
fn zero_relative_object(
    view: &SentenceView<'_>,
    tree: &DepTree<'_>,
    kids: &DepTree<'_>,
    i: usize,
    passive: bool,
) -> bool {
    if passive || tree.upos(i) != "VERB" {
        return false;
    }
    // a finite verb, or a participle with its auxiliary ("has accused"): a
    // bare participle is a reduced passive however the parser labels it
    // ("the Kurdish leader now imprisoned in Turkey")
    let finite = matches!(tree.xpos(i), "VBD" | "VBP" | "VBZ")
        || kids.kids(i).iter().any(|&c| tree.base_rel(c) == "aux");
    if !finite {
        return false;
    }
    let mut subject = false;
    for &c in kids.kids(i) {
        if c == i {
            continue;
        }
        let low = view.low(c);
        if is_relative_pronoun(low) || matches!(low, "where" | "when" | "why" | "how") {
            return false;
        }
        if tree.rel(c) == "nsubj:pass" {
            return false;
        }
        match tree.base_rel(c) {
            "nsubj" => subject = true,
            "obj" | "iobj" | "ccomp" | "xcomp" | "mark" | "expl" => return false,
            _ => {}
        }
        // a stranded preposition after the verb
        if c > i && tree.upos(c) == "ADP" && kids.kids(c).iter().all(|&g| g == c) {
            return false;
        }
    }
    subject
}

/// Builds the predicates of a sentence from its tree. With `only_triggered`,
/// returns nothing when no predicate can trigger a pattern.
pub fn analyze_tree(
    view: &SentenceView<'_>,
    tree: &DepTree<'_>,
    patterns: &PatternSet,
    only_triggered: bool,
) -> Vec<Predicate> {
    let n = view.len().min(tree.len());
    let kids = tree;
    let can_trigger = |kind: TriggerKind, i: usize| {
        patterns.has_trigger(kind, view.lemma(i)) || patterns.has_trigger(kind, view.low(i))
    };
    // 1. predicates: every verb (governors and speech verbs matter even
    //    when they trigger nothing) and every event noun
    let mut preds: Vec<Predicate> = Vec::new();
    let mut pred_at: Vec<Option<usize>> = vec![None; n];
    for (i, slot) in pred_at.iter_mut().enumerate() {
        let upos = tree.upos(i);
        let kind = match upos {
            "VERB" => TriggerKind::Verb,
            // a capitalised month read as a name is the month ("In March,
            // Russia vetoed ..."), not a march
            "PROPN" if dyad_core::calendar::month(view.low(i)).is_some() => continue,
            "NOUN" | "PROPN" if can_trigger(TriggerKind::Noun, i) => TriggerKind::Noun,
            // a trigger verb the tagger took for an adjective ("detained")
            "ADJ" if tree.xpos(i) == "VBN" && can_trigger(TriggerKind::Verb, i) => {
                TriggerKind::Verb
            }
            _ => continue,
        };
        *slot = Some(preds.len());
        preds.push(new_predicate(view, tree, kids, i, kind));
    }
    if only_triggered && !preds.iter().any(|p| can_trigger(p.kind, p.head)) {
        return Vec::new();
    }
    // 2. own arguments
    for p in preds.iter_mut() {
        let i = p.head;
        match p.kind {
            TriggerKind::Verb => {
                // a subordinate clause the parser missed leaves its subject
                // on the main verb ("As the remnants of X evaporate, ...,
                // US troops have shot down drones": both hang on "have");
                // a subject after the verb's own subordinator and before
                // another subject belongs to that clause, not to the verb
                let subjects: Vec<usize> = kids
                    .kids(i)
                    .iter()
                    .copied()
                    .filter(|&c| matches!(tree.rel(c), "nsubj" | "nsubj:pass"))
                    .collect();
                let marker = kids
                    .kids(i)
                    .iter()
                    .copied()
                    .find(|&c| c < i && tree.rel(c) == "mark");
                let stranded = |c: usize| {
                    marker.is_some_and(|m| m < c && subjects.iter().any(|&d| c < d && d < i))
                };
                // a "subject" introduced by a preposition, with a plain
                // subject between it and the verb, is an adverbial the
                // parser misread ("With his Middle East warmongering, ...,
                // Trump threatens X": the threat is Trump's alone). Next to
                // the verb, or alone, it stays: there the preposition is more
                // often a subordinator the parser hung on the subject ("Even
                // as the rebels negotiated", "after its forces launched").
                let introduced = |c: usize| {
                    kids.kids(c).iter().any(|&k| {
                        tree.rel(k) == "case"
                            && k < c
                            && !matches!(view.low(k), "'s" | "'" | "’s" | "’")
                    })
                };
                let prepositional = |c: usize| {
                    introduced(c)
                        && subjects
                            .iter()
                            .any(|&d| c < d && d < i && !stranded(d) && !introduced(d))
                };
                // a subject owned by "whose" after another subject is a
                // relative clause's, merged by the parser onto the main verb
                // ("Germany and France, whose ministers met in Paris,
                // negotiated a deal": the deal is the two countries', not
                // also their ministers' with them); its antecedent is there
                let whose_owned = |c: usize| {
                    subjects.iter().any(|&d| d < c)
                        && kids
                            .kids(c)
                            .iter()
                            .any(|&k| k < c && tree.rel(k) == "nmod:poss" && view.low(k) == "whose")
                };
                p.subject = subjects
                    .iter()
                    .copied()
                    .filter(|&c| !stranded(c) && !prepositional(c) && !whose_owned(c))
                    .flat_map(|c| subject_mentions(view, tree, kids, c))
                    .collect();
                let mut object: Vec<usize> = kids
                    .with_rel(i, "obj")
                    .filter(|&c| !is_copular_clause(tree, kids, c))
                    .flat_map(|c| np_mentions(view, tree, kids, c, true))
                    .collect();
                // "condemned the killing of refugees by soldiers": an act
                // aimed at an act is aimed at its doer; an event noun object
                // with a "by" agent stands for the agent, not for the
                // sufferers its "of" phrase names
                if let Some(agents) = kids
                    .with_rel(i, "obj")
                    .filter(|&c| view.mention(c).is_none() && can_trigger(TriggerKind::Noun, c))
                    .map(|c| event_object_agents(view, tree, kids, i, c))
                    .find(|a| !a.is_empty())
                {
                    object = agents;
                }
                if object.is_empty() {
                    object = kids
                        .with_rel(i, "iobj")
                        .flat_map(|c| np_mentions(view, tree, kids, c, true))
                        .collect();
                }
                // a naming frame stands for its object: "rebuff what he
                // called the dictatorship of the United States"
                if object.is_empty() {
                    for c in kids.with_rel(i, "ccomp") {
                        let naming = matches!(
                            view.lemma(c),
                            "call" | "describe" | "term" | "dub" | "label" | "brand"
                        );
                        let what = kids
                            .kids(c)
                            .iter()
                            .any(|&k| view.low(k) == "what" && tree.rel(k) == "obj");
                        if naming && what {
                            object = kids
                                .kids(c)
                                .iter()
                                .copied()
                                .filter(|&k| {
                                    view.low(k) != "what"
                                        && matches!(tree.rel(k), "obj" | "xcomp" | "obl")
                                })
                                .flat_map(|k| np_mentions(view, tree, kids, k, true))
                                .collect();
                        }
                    }
                }
                // "investigate how the White House handles clearances": an
                // inquiry's indirect question names who is looked into
                if object.is_empty() && words::is_inquiry_verb(view.lemma(i)) {
                    for c in kids.with_rel(i, "ccomp") {
                        let asks = kids.kids(c).iter().any(|&k| {
                            matches!(view.low(k), "how" | "why" | "whether" | "if" | "what")
                        });
                        if asks {
                            object.extend(
                                kids.with_rel(c, "nsubj")
                                    .flat_map(|k| np_mentions(view, tree, kids, k, false)),
                            );
                        }
                    }
                }
                // a bare `obl` (no preposition, not a time or measure) is
                // the parser's object mislabelled ("condemned the United
                // States")
                // A bare `obl:agent` after a "by" agent is not that: it
                // continues the agent's list ("besieged by Kurds, Russian
                // special forces, militias ..."), see `continued_agents`.
                let continued = continued_agents(tree, kids, i);
                // not for a verb whose object is a common noun: "exiting the
                // landmark deal, both Damascus and Riyadh experienced
                // attacks" exits the deal, not the capitals (after a name
                // the bare phrase is the name's apposition: "shell Haifa,
                // Israel's third largest city")
                let thing_obj = kids
                    .kids(i)
                    .iter()
                    .any(|&c| tree.rel(c) == "obj" && tree.upos(c) != "PROPN");
                if object.is_empty() && !thing_obj {
                    object = kids
                        .kids(i)
                        .iter()
                        .copied()
                        .filter(|&c| {
                            matches!(tree.rel(c), "obl" | "obl:agent")
                                && case_word(tree, kids, c).is_none()
                                && !continued.contains(&c)
                        })
                        .flat_map(|c| np_mentions(view, tree, kids, c, true))
                        .collect();
                }
                // "killing or imprisoning Kurds", "condemned and sanctioned
                // Iran": a transitive verb right before its conjunct, only
                // the conjunction between, shares the conjunct's object
                if object.is_empty() {
                    object = shared_object(view, tree, kids, i);
                }
                // "Trump signalled his intention to withdraw": a possessive
                // pronoun agreeing with the clause's subject is that
                // subject (binding), not the other side
                if let Some(subject) = kids.with_rel(i, "nsubj").next() {
                    object.retain(|&m| !bound_to_subject(view, tree, kids, m, subject));
                }
                p.object = object;
                p.preps = prep_slots(view, tree, kids, i, "obl");
                // "sells him arms": the dative shift of "sells arms to him"
                if let Some((r, ms)) = dative_recipient(view, tree, kids, i) {
                    if !p.preps.iter().any(|(w, _, _)| w.as_ref() == "to") {
                        p.preps.push((Cow::Borrowed("to"), r, ms));
                    }
                }
                if let Some((_, _, agents)) =
                    p.preps.iter_mut().find(|(w, _, _)| w.as_ref() == "by")
                {
                    agents.extend(
                        continued
                            .iter()
                            .flat_map(|&c| np_mentions(view, tree, kids, c, true)),
                    );
                }
                // "called on their partners, including the UK": members
                // listed after an argument fill that argument's slot, wherever
                // the parser hung them
                for c in kids.kids(i).iter().copied() {
                    if tree.base_rel(c) != "obl" || !lists_members(view, tree, kids, c) {
                        continue;
                    }
                    let members = np_mentions(view, tree, kids, c, true);
                    let before = kids
                        .kids(i)
                        .iter()
                        .copied()
                        .filter(|&k| k < c && matches!(tree.base_rel(k), "obl" | "obj"))
                        .max();
                    let Some(b) = before.filter(|_| !members.is_empty()) else {
                        continue;
                    };
                    if tree.base_rel(b) == "obj" {
                        p.object.extend(members);
                    } else if let Some(case) = kids
                        .kids(b)
                        .iter()
                        .copied()
                        .find(|&k| tree.rel(k) == "case" && tree.upos(k) != "PART")
                    {
                        match p.preps.iter_mut().find(|(_, at, _)| *at == case) {
                            Some((_, _, ms)) => ms.extend(members),
                            None => p.preps.push((prep_name(view.low(case)), case, members)),
                        }
                    }
                }
                let reported = reported_clauses(view, tree, i);
                p.obliged = reported
                    .iter()
                    .copied()
                    .filter(|&c| is_obliged(view, tree, c))
                    .flat_map(|c| obliged_parties(tree, c))
                    .flat_map(|k| np_mentions(view, tree, kids, k, false))
                    .collect();
                let speaker = p.subject.clone();
                p.blamed = reported
                    .iter()
                    .copied()
                    .flat_map(|c| blamed_parties(view, tree, patterns, c))
                    .flat_map(|k| np_mentions(view, tree, kids, k, false))
                    .filter(|m| !speaker.contains(m))
                    .collect();
                // a prepositional phrase on the object counts too, after the
                // verb's own: where it attaches is the parser's least sure
                // call ("suspended aid to Gaza", "condemned a protest by X")
                let attached: Vec<usize> = kids
                    .kids(i)
                    .iter()
                    .copied()
                    // not the agent's: "by a coalition of X and Y" names
                    // the agents, never a target
                    .filter(|&c| {
                        matches!(tree.base_rel(c), "obj" | "obl")
                            && tree.rel(c) != "obl:agent"
                            && !is_copular_clause(tree, kids, c)
                            && !case_word(tree, kids, c)
                                .is_some_and(|k| is_circumstance_preposition(view.low(k)))
                    })
                    .collect();
                for o in attached {
                    // an owned proposal's phrases are its content, not
                    // parties to what is done with it: "rejected Putin's
                    // call for Britain to expel X" rejects Putin, not Britain
                    // (its author's "from"/"by" phrase still counts)
                    let owned = owned_proposal(view, tree, kids, o);
                    let mut extra = prep_slots(view, tree, kids, o, "nmod");
                    extra.retain(|(w, _, _)| !owned || matches!(w.as_ref(), "from" | "by"));
                    // "ordered the tanker's release": the owner of an act
                    // done to it is the act's "of" phrase
                    extra.extend(owner_as_of(view, tree, kids, patterns, o));
                    // "promised decisions on a response to the X attack": a
                    // phrase under an oblique that names an act (an event
                    // noun standing for a party only through a modifier) is
                    // what the oblique's noun is about, not a participant
                    if tree.base_rel(o) == "obl" {
                        extra.retain(|(_, case, _)| {
                            tree.head(*case).is_none_or(|n| {
                                view.mention(n).is_some() || !can_trigger(TriggerKind::Noun, n)
                            })
                        });
                    }
                    // "in the Black Sea resort of Sochi", "at the town of
                    // X": the "of" phrase of a locative oblique names the
                    // place, never a party to the act (stop 32)
                    let locative = tree.base_rel(o) == "obl"
                        && case_word(tree, kids, o).is_some_and(|k| {
                            matches!(view.low(k), "in" | "at" | "near" | "inside")
                        });
                    if locative {
                        extra.retain(|(w, _, _)| w.as_ref() != "of");
                    }
                    p.preps.extend(extra);
                    p.preps.extend(beyond_locatives(view, tree, kids, o));
                    // a measure and whom it was imposed on: "lifted the
                    // sanctions imposed on X" (the participle's own phrases,
                    // not its agent)
                    for a in kids.with_rel(o, "acl") {
                        if tree.xpos(a) == "VBN" && words::is_imposing_verb(view.lemma(a)) {
                            p.preps.extend(
                                prep_slots(view, tree, kids, a, "obl").into_iter().filter(
                                    |(w, _, _)| matches!(w.as_ref(), "on" | "against" | "in"),
                                ),
                            );
                        }
                    }
                    // a measure's goods: "returned dozens of artifacts to X",
                    // "sent a shipment of arms to Y", "provided $2 million in
                    // assistance to Z"
                    if view.mention(o).is_none() {
                        for c in kids.with_rel(o, "nmod") {
                            // an amount's "in" phrase ("$2 million in aid"),
                            // not any noun's ("an inquiry in the wake of X")
                            let amount = matches!(tree.upos(o), "NUM" | "SYM")
                                || kids.with_rel(o, "nummod").next().is_some();
                            let goods = case_word(tree, kids, c).is_some_and(|k| {
                                view.low(k) == "of"
                                    || (view.low(k) == "in" && amount && view.mention(c).is_none())
                            });
                            if goods {
                                let extra = prep_slots(view, tree, kids, c, "nmod");
                                p.preps.extend(extra);
                                p.preps
                                    .extend(recipients_down_of_chain(view, tree, kids, c));
                            }
                        }
                    }
                }
                // "mobilized troops for a war against X": a mobilisation is
                // directed at whom the act it is for is against
                if is_mobilizing_verb(view, patterns, i)
                    && !p.preps.iter().any(|(w, _, _)| w.as_ref() == "against")
                {
                    p.preps
                        .extend(purpose_act_enemies(view, tree, kids, patterns, i));
                }
                // "returned a pendant engraved with the image of Peter the
                // Great to Russian authorities": a recipient the parser hung
                // anywhere under the thing handed over
                if words::is_handover_verb(&p.lemma)
                    && !p.preps.iter().any(|(w, _, _)| w.as_ref() == "to")
                {
                    if let Some(o) = kids.with_rel(i, "obj").next() {
                        let event_noun = |g: usize| can_trigger(TriggerKind::Noun, g);
                        p.preps
                            .extend(deep_recipient(view, tree, kids, o, &event_noun));
                    }
                }
            }
            TriggerKind::Noun => {
                // "ordered the tanker's release": the possessor of an act
                // done to its owner is who undergoes it (objects/owner-undergoes.tsv)
                let undergone = owner_as_of(view, tree, kids, patterns, i);
                p.subject = kids
                    .kids(i)
                    .iter()
                    .copied()
                    .filter(|&c| {
                        matches!(tree.rel(c), "nmod:poss" | "compound" | "amod")
                            && view.mention(c).is_some()
                            && !(undergone.is_some() && tree.rel(c) == "nmod:poss")
                    })
                    .flat_map(|c| np_mentions(view, tree, kids, c, false))
                    .collect();
                // "the group, whose attacks on X ...": the relative
                // possessor is the actor named right before it (wherever
                // the parser hangs the relative clause)
                if p.subject.is_empty() && undergone.is_none() {
                    if let Some(c) = kids
                        .kids(i)
                        .iter()
                        .copied()
                        .find(|&c| tree.rel(c) == "nmod:poss" && view.low(c) == "whose")
                    {
                        p.subject = whose_antecedent(view, c).into_iter().collect();
                    }
                }
                p.preps = prep_slots(view, tree, kids, i, "nmod");
                p.preps.extend(undergone);
                let beyond = beyond_locatives(view, tree, kids, i);
                p.preps.extend(beyond);
                let stacked = beyond_named_actors(view, tree, kids, i, &p.preps);
                p.preps.extend(stacked);
            }
        }
    }
    // 3. arguments by structure, in tree order (heads before dependents:
    //    a conjunct or controlled verb reads its governor's final subject)
    let order = top_down(tree, kids, n);
    // own agents before structure is read, for clauses that reach past
    // their governor ("passed a resolution criticising X")
    let preds_agent: Vec<Vec<usize>> = preds.iter().map(Predicate::agent).collect();
    let preds_lemma: Vec<String> = preds.iter().map(|q| q.lemma.clone()).collect();
    for &i in &order {
        let Some(pi) = pred_at[i] else { continue };
        let Some(h) = tree.head(i).filter(|&h| h < n) else {
            continue;
        };
        // "drained the stockpiles of arms in Europe and beyond to help X":
        // a purpose infinitive the parser hangs on a word inside the
        // verb's object or oblique serves that verb
        let h = purpose_host(tree, kids, i, h, &pred_at, |c| view.low(c) == "to").unwrap_or(h);
        let rel = tree.rel(i);
        let gov = pred_at[h];
        let governor = gov.and_then(|g| preds.get(g));
        let g_kind = governor.map(|q| q.kind);
        let g_lemma = governor.map(|q| q.lemma.clone()).unwrap_or_default();
        // a hyphenated pair is the two sides of its event noun only: a
        // clause under the noun does not inherit them ("a 2013 US-Russia
        // agreement to destroy the stockpiles")
        let not_pair = |v: Vec<usize>| -> Vec<usize> {
            v.into_iter()
                .filter(|&m| !view.mentions.get(m).is_some_and(|lm| lm.pair))
                .collect()
        };
        let g_agent = not_pair(governor.map(Predicate::agent).unwrap_or_default());
        let g_patient = not_pair(governor.map(Predicate::patient).unwrap_or_default());
        let g_passive = governor.is_some_and(|q| q.passive);
        let g_subject = not_pair(governor.map(|q| q.subject.clone()).unwrap_or_default());
        let g_governor = governor.and_then(|q| q.governor);
        // the agent of the governor's own judging head ("praising Spain for
        // resisting ... and thanking Germany": the praiser), as read so far
        let g_judge: Vec<usize> = tree
            .head(h)
            .filter(|&j| {
                words::is_judging_verb(view.lemma(j))
                    && kids
                        .kids(h)
                        .iter()
                        .any(|&c| tree.rel(c) == "mark" && view.low(c) == "for")
            })
            .and_then(|j| pred_at.get(j).copied().flatten())
            .and_then(|q| preds.get(q))
            .map(Predicate::agent)
            .unwrap_or_default();
        let g_anchored = governor.is_some_and(|q| q.anchored);
        let g_preps: Vec<_> = governor
            .map(|q| {
                q.preps
                    .iter()
                    .filter(|(w, _, _)| w != "by")
                    .cloned()
                    .collect()
            })
            .unwrap_or_default();
        let antecedent = || np_mentions(view, tree, kids, h, false);
        // "responded with a wave of artillery bombardment", "launched a
        // series of attacks on X": the verb whose subject acts, through a
        // "with" of responding or a measure noun
        let lent = (preds[pi].kind == TriggerKind::Noun)
            .then(|| lending_verb(view, tree, kids, i, h))
            .flatten()
            .and_then(|v| pred_at.get(v).copied().flatten())
            .filter(|&v| v != pi)
            .map(|v| {
                let q = &preds[v];
                // not the "with" or "of" phrase the noun itself sits in
                let preps: Vec<_> = q
                    .preps
                    .iter()
                    .filter(|(w, _, _)| !matches!(w.as_ref(), "by" | "with" | "of"))
                    .cloned()
                    .collect();
                (v, q.agent(), preps)
            });
        // "a wave of shelling targeting Damascus": what a measure noun's
        // clause does, its event's actor does
        let measured_agent: Option<Vec<usize>> = words::is_measure_noun(view.lemma(h))
            .then(|| {
                kids.with_rel(h, "nmod")
                    .filter_map(|c| pred_at.get(c).copied().flatten())
                    .map(|c| preds[c].agent())
                    .find(|a| !a.is_empty())
            })
            .flatten();
        // a noun's own subject read from a modifier ("artillery
        // bombardment") yields to the verb's subject; a possessor does not
        let own_by_modifier = !kids.kids(i).iter().any(|&c| tree.rel(c) == "nmod:poss");
        // "Kurdish forces, with whom they have partnered": a relative pronoun
        // after a preposition stands for the noun just before it, also when
        // the parser hangs the relative clause on the main verb
        let relative_obl: Vec<(usize, Vec<usize>)> = kids
            .kids(i)
            .iter()
            .copied()
            .filter(|&c| tree.rel(c) == "obl" && matches!(view.low(c), "whom" | "which"))
            .filter_map(|c| {
                let case = case_word(tree, kids, c)?;
                let mut a = case.checked_sub(1)?;
                if view.low(a) == "," {
                    a = a.checked_sub(1)?;
                }
                matches!(tree.upos(a), "NOUN" | "PROPN")
                    .then(|| (case, np_mentions(view, tree, kids, a, false)))
                    .filter(|(_, ms)| !ms.is_empty())
            })
            .collect();
        let p = &mut preds[pi];
        for (case, ms) in relative_obl {
            match p.preps.iter_mut().find(|(_, at, _)| *at == case) {
                Some((_, _, old)) => *old = ms,
                None => p.preps.push((prep_name(view.low(case)), case, ms)),
            }
        }
        if let Some((v, agent, preps)) = lent {
            if (p.subject.is_empty() || own_by_modifier) && !agent.is_empty() {
                p.governor = Some(v);
                p.anchored = true;
                p.subject = agent;
                p.preps.extend(preps);
                continue;
            }
        }
        // "after Canada had decided, with a resounding yes, to accept
        // refugees": an infinitive with "to" and no subject cannot be
        // coordinated with a finite verb; when the parser makes it a conjunct
        // of an earlier verb, it is the complement of the nearest verb of
        // intent between the two that has none (subject control)
        if p.kind == TriggerKind::Verb && tree.base_rel(i) == "conj" && p.subject.is_empty() {
            let to_infinitive = kids
                .kids(i)
                .iter()
                .any(|&c| tree.rel(c) == "mark" && view.low(c) == "to");
            let controller = (h + 1..i).rev().find(|&v| {
                tree.upos(v) == "VERB"
                    && pred_at[v].is_some_and(|q| {
                        words::is_intent_governor(&preds_lemma[q])
                            && !words::is_object_control(&preds_lemma[q])
                    })
                    && !kids.kids(v).iter().any(|&c| tree.base_rel(c) == "xcomp")
            });
            if let Some(q) = controller
                .filter(|_| to_infinitive)
                .and_then(|v| pred_at[v])
            {
                if !preds_agent[q].is_empty() {
                    p.governor = Some(q);
                    p.subject = preds_agent[q].clone();
                    continue;
                }
            }
        }
        // "The United States is the leading donor to Sudan, providing $5
        // billion in assistance": a participle joined to a copular noun
        // predicate (no predicate of ours) without a subject of its own
        // is the copula's subject's act
        if p.kind == TriggerKind::Verb
            && tree.base_rel(i) == "conj"
            && p.subject.is_empty()
            && g_kind.is_none()
            && tree.xpos(i) == "VBG"
            && h < i
            && matches!(tree.upos(h), "NOUN" | "PROPN")
            && kids.kids(h).iter().any(|&c| tree.rel(c) == "cop")
            && !kids
                .kids(i)
                .iter()
                .any(|&c| matches!(tree.base_rel(c), "nsubj" | "aux" | "mark"))
        {
            let subject: Vec<usize> = kids
                .with_rel(h, "nsubj")
                .flat_map(|c| np_mentions(view, tree, kids, c, false))
                .collect();
            if !subject.is_empty() {
                p.subject = subject;
                continue;
            }
        }
        match (p.kind, tree.base_rel(i)) {
            (TriggerKind::Verb, "conj") if g_kind == Some(TriggerKind::Verb) => {
                p.coordinated = gov;
                // "civilians were killed in airstrikes and shelling by X":
                // a bare -ing form after a passive is the parser's verb for
                // an event noun; the passive's patient does not shell
                let gerund_after_passive = g_passive
                    && view.pos(i) == Some(dyad_core::Pos::VBG)
                    && !kids.kids(i).iter().any(|&k| tree.base_rel(k) == "aux");
                // "X was shot, detained and tortured": a bare participle
                // conjoined to a passive (no auxiliary, subject or object
                // of its own) is passive too, so the shared subject is its
                // patient, not the one who detains
                // (only when there is a subject to share: an actor-less
                // passive gains nothing; not a participle that is an
                // adjective of attitude: "seen as a hawk, opposed to the deal")
                let shares_passive = g_passive
                    && p.subject.is_empty()
                    && !g_subject.is_empty()
                    && p.object.is_empty()
                    && view.pos(i) == Some(dyad_core::Pos::VBN)
                    && !words::is_attitude_participle(view.low(i))
                    && !kids
                        .kids(i)
                        .iter()
                        .any(|&k| matches!(tree.base_rel(k), "aux" | "nsubj" | "obj"));
                // a conjunct with a noun subject of its own that names no
                // actor ("..., and the new process banned X") has no actor
                // subject, not its partner's (a pronoun or a number may
                // still stand for the partner's: "and it sought", "and
                // 2,500 were wounded")
                let own_subject = kids.kids(i).iter().any(|&k| {
                    matches!(tree.rel(k), "nsubj" | "nsubj:pass")
                        && matches!(tree.upos(k), "NOUN" | "PROPN")
                });
                // "praising Spain for resisting pressure and thanking
                // Germany": a judging verb joined to what another judging
                // verb judges (the parser's attachment) is the judge's own
                // act, parallel to the first
                let judge = (words::is_judging_verb(view.lemma(i)) && !g_judge.is_empty())
                    .then(|| g_judge.clone());
                let name_before = name_right_before(view, tree, kids, i);
                if let Some(name) = name_before.filter(|_| p.subject.is_empty() && !own_subject) {
                    // the name the verb follows is its own subject
                    if let Some(m) = name {
                        p.subject = vec![m];
                    }
                } else if let Some(judge) = judge.filter(|_| p.subject.is_empty() && !own_subject) {
                    p.subject = judge;
                } else if p.subject.is_empty() && !gerund_after_passive && !own_subject {
                    p.subject = g_subject;
                    p.governor = p.governor.or(g_governor);
                }
                if shares_passive {
                    p.passive = true;
                }
            }
            // "called the king to congratulate him": a telephone call's
            // purpose is the caller's act on the one called
            (TriggerKind::Verb, "xcomp" | "advcl") if is_call_purpose(view, tree, i) => {
                p.governor = gov;
                if p.subject.is_empty() {
                    p.subject = g_agent.clone();
                }
                let own_object = p.object.iter().any(|&o| {
                    !g_agent.contains(&o)
                        && view
                            .mentions
                            .get(o)
                            .is_some_and(|lm| !matches!(view.low(lm.first), "him" | "her" | "them"))
                });
                if !own_object && !g_patient.is_empty() {
                    p.object = g_patient.clone();
                }
            }
            (TriggerKind::Verb, "xcomp") => {
                p.governor = gov;
                // "the cell that X has said beheaded hostages": a speech
                // verb's bare complement (the parser's xcomp, no "to") is a
                // report whose subject was moved away, not X's own act
                let gapped_report = words::is_speech_verb(&g_lemma)
                    && !words::is_object_control(&g_lemma)
                    && !kids
                        .kids(i)
                        .iter()
                        .any(|&k| tree.rel(k) == "mark" && view.low(k) == "to");
                if p.subject.is_empty() && !gapped_report {
                    // a passive governor's subject does the act: "Iran was
                    // urged to stop", "Russia is prepared to hold talks"
                    let controls = words::is_object_control(&g_lemma) || g_passive;
                    p.subject = if controls && !g_patient.is_empty() {
                        g_patient
                    } else {
                        g_agent
                    };
                }
                // "Germany is willing to provide support", "X is ready to
                // talk": an adjective predicate is no predicate of ours, so
                // its own subject controls the infinitive
                if p.subject.is_empty() && gov.is_none() && tree.upos(h) == "ADJ" {
                    let subjects: Vec<usize> = kids.with_rel(h, "nsubj").collect();
                    p.subject = subjects
                        .iter()
                        .flat_map(|&c| np_mentions(view, tree, kids, c, false))
                        .collect();
                    // "Russia said it was prepared to hold talks": the
                    // speaker pronoun, as for a verb's complement below
                    let speaker = subjects.iter().any(|&c| is_speaker_pronoun(view, c));
                    let said_by = (tree.rel(h) == "ccomp")
                        .then(|| tree.head(h))
                        .flatten()
                        .and_then(|s| pred_at.get(s).copied().flatten())
                        .filter(|&s| {
                            words::is_speech_verb(&preds_lemma[s])
                                || words::is_commitment_verb(&preds_lemma[s])
                        });
                    if p.subject.is_empty() && speaker {
                        if let Some(s) = said_by {
                            p.subject = preds_agent[s].clone();
                        }
                    }
                }
            }
            // "threatened to attack Israel" parsed as a purpose clause:
            // a to-infinitive without its own subject is controlled alike
            (TriggerKind::Verb, "advcl")
                if p.subject.is_empty()
                    && kids
                        .kids(i)
                        .iter()
                        .any(|&c| tree.rel(c) == "mark" && view.low(c) == "to") =>
            {
                p.governor = gov;
                p.subject = if words::is_object_control(&g_lemma) && !g_patient.is_empty() {
                    g_patient
                } else {
                    g_agent
                };
            }
            (TriggerKind::Verb, "advcl") => {
                p.governor = gov;
                // "blamed the delegation for setting preconditions": what
                // one is judged for is the judged one's act
                let judged_for = words::is_judging_verb(&g_lemma)
                    && !g_patient.is_empty()
                    && kids
                        .kids(i)
                        .iter()
                        .any(|&c| tree.rel(c) == "mark" && view.low(c) == "for");
                // "moves that would have ..., like pulling out of Nato": a
                // gerund after "like" or "such as" names an example of
                // something, not an act of the governor's subject
                let example = kids.kids(i).iter().any(|&c| {
                    tree.rel(c) == "mark"
                        && (view.low(c) == "like"
                            || (view.low(c) == "as" && c > 0 && view.low(c - 1) == "such"))
                });
                // "X said Y had ..., adding that ...": a participle of saying
                // the parser hung on a speaker's report goes on with the
                // speaker's words; it is no act of the report's subject
                let reporter = (words::is_speech_verb(view.lemma(i))
                    && matches!(tree.rel(h), "ccomp" | "parataxis"))
                .then(|| tree.head(h))
                .flatten()
                .and_then(|s| pred_at.get(s).copied().flatten())
                .filter(|&s| preds_lemma.get(s).is_some_and(|l| words::is_speech_verb(l)))
                .and_then(|s| preds_agent.get(s).cloned())
                .filter(|a| !a.is_empty());
                // "..., killing 20": a participle clause shares the subject
                if p.subject.is_empty() && p.nonfinite && tree.xpos(i) == "VBG" && !example {
                    p.subject = match reporter {
                        Some(r) => r,
                        None if judged_for => g_patient,
                        None => g_agent,
                    };
                }
            }
            (TriggerKind::Verb, "ccomp") => {
                p.governor = gov;
                // "Turkey said it would mount an assault": a singular or
                // first-person pronoun subject of what a speaker says or
                // vows is the speaker ("they" may be anyone, so not it)
                let speaker_pronoun = kids.kids(i).iter().any(|&c| {
                    matches!(tree.rel(c), "nsubj" | "nsubj:pass") && is_speaker_pronoun(view, c)
                });
                // "the rebels said they will release X": a plural speaker's
                // "they" of what it says it will do is the speaker (an act
                // declared for the future; "they" of a past act may be
                // anyone the speaker reports on, so not it)
                let plural_speaker_they = p
                    .modal
                    .as_deref()
                    .is_some_and(|md| matches!(md, "will" | "would" | "shall" | "'ll" | "wo"))
                    && kids.kids(i).iter().any(|&c| {
                        tree.rel(c) == "nsubj" && view.low(c) == "they" && view.mention(c).is_none()
                    })
                    && tree.head(i).is_some_and(|g| {
                        kids.kids(g).iter().any(|&c| {
                            tree.rel(c) == "nsubj" && matches!(tree.xpos(c), "NNS" | "NNPS")
                        })
                    });
                if p.subject.is_empty()
                    && (speaker_pronoun || plural_speaker_they)
                    && (words::is_speech_verb(&g_lemma) || words::is_commitment_verb(&g_lemma))
                {
                    p.subject = g_agent;
                }
            }
            (TriggerKind::Verb, "acl") => {
                p.governor = gov;
                if rel == "acl:relcl" && !is_mandative_content_clause(view, tree, kids, i) {
                    // the relative pronoun stands for the modified noun; after
                    // a relational noun, for its "of" phrase, which names no
                    // owner of the noun ("an ally of the PKK, which has
                    // fought ...": the PKK's clause)
                    let antecedent = || {
                        let own = antecedent();
                        if own.is_empty() {
                            relational_of(view, tree, kids, h)
                        } else {
                            own
                        }
                    };
                    for c in kids.kids(i).iter().copied() {
                        if !is_relative_pronoun(view.low(c)) {
                            continue;
                        }
                        match tree.rel(c) {
                            "nsubj" | "nsubj:pass" => p.subject = antecedent(),
                            // not when the verb has an object of its own:
                            // "the announcement that Trump has received an
                            // invitation" ("that" is no relative pronoun)
                            "obj" if kids.with_rel(i, "obj").count() == 1 => {
                                p.object = antecedent();
                            }
                            _ => {}
                        }
                    }
                    if relative_gap(view, tree, kids, i, p.passive).is_some() && p.object.is_empty()
                    {
                        let object = antecedent();
                        if !object.iter().any(|m| p.subject.contains(m)) {
                            p.object = object;
                        }
                    }
                    // "introduced a bill that would sanction X", "issued a
                    // statement which condemned X": what a document does in
                    // its relative clause is its issuer's act, as in its
                    // participle clause ("passed a resolution criticising X")
                    let relative_subject = kids
                        .kids(i)
                        .iter()
                        .any(|&c| tree.rel(c) == "nsubj" && is_relative_pronoun(view.low(c)));
                    if p.subject.is_empty()
                        && !p.passive
                        && relative_subject
                        && tree.rel(h) == "obj"
                        && words::is_document_noun(view.lemma(h))
                    {
                        if let Some(v) = tree
                            .head(h)
                            .filter(|&v| words::is_issuing_verb(view.lemma(v)))
                            .and_then(|v| pred_at.get(v).copied().flatten())
                        {
                            p.subject = preds_agent.get(v).cloned().unwrap_or_default();
                        }
                    }
                } else if p.subject.is_empty() {
                    // a participle describing a noun ("forces backing Assad",
                    // "fighters backed by Iran") characterises it: a
                    // background act, not the news
                    // (not when the noun heads the sentence, or a
                    // participle has an object of its own: "Russian jets
                    // bombed Ukrainian troops" misparsed as a noun phrase)
                    let describes = match tree.xpos(i) {
                        "VBG" => true,
                        "VBN" => p.object.is_empty(),
                        _ => false,
                    };
                    if describes && tree.head(h).is_some() {
                        p.anchored = false;
                    }
                    // "forces backed by Iran", "jets bombing the town"
                    // ("Russian attacks targeting civilians": an event
                    // noun's clause is its actor's)
                    p.subject = measured_agent
                        .clone()
                        .or_else(|| {
                            (g_kind == Some(TriggerKind::Noun) && !g_agent.is_empty())
                                .then(|| g_agent.clone())
                        })
                        .unwrap_or_else(antecedent);
                    // a participle with an object of its own is no passive
                    if tree.xpos(i) == "VBN" && p.object.is_empty() {
                        p.passive = true;
                    }
                    // "passed a resolution criticising X", "issued a
                    // statement condemning X": the clause is the act of the
                    // subject of the verb whose object the noun is
                    if p.subject.is_empty() && !p.passive && tree.rel(h) == "obj" {
                        // (a document's clause is its issuer's only:
                        // "condemned a report urging X" is not the
                        // condemners' urging; and a stance taken on a
                        // noun's act is not that act: "condemned the
                        // decision to bomb Syria")
                        if let Some(v) = tree
                            .head(h)
                            .filter(|&v| {
                                (!words::is_document_noun(view.lemma(h))
                                    || words::is_issuing_verb(view.lemma(v)))
                                    && !words::is_stance_verb(view.lemma(v))
                            })
                            .and_then(|v| pred_at.get(v).copied().flatten())
                        {
                            p.subject = preds_agent[v].clone();
                        }
                    }
                }
                // "the decision to attack X": a noun's infinitive is
                // intended by the noun's owner, as is a relative clause about
                // the noun ("an offensive that succeeded in pushing X out");
                // not a clause whose own subject names no actor ("the
                // states that we met with")
                let own_subject = kids.kids(i).iter().any(|&c| {
                    matches!(tree.rel(c), "nsubj" | "nsubj:pass" | "csubj")
                        && !is_relative_pronoun(view.low(c))
                });
                if p.subject.is_empty() && g_kind == Some(TriggerKind::Noun) && !own_subject {
                    p.subject = g_agent;
                }
            }
            // "engaged in talks with", "took part in attacks", "went further
            // in criticism of": a noun event in the verb's "in" phrase is its
            // subject's act (not under a verb of fleeing, dying or staying:
            // "fled earlier in the regional unrest" sets the scene)
            (TriggerKind::Noun, "obl")
                if g_kind == Some(TriggerKind::Verb)
                    && !words::is_scene_verb(&g_lemma)
                    && kids
                        .kids(i)
                        .iter()
                        .any(|&c| kids.rel(c) == "case" && view.low(c) == "in") =>
            {
                p.governor = gov;
                p.anchored = true;
                if p.subject.is_empty() {
                    p.subject = g_agent;
                }
            }
            (TriggerKind::Noun, "obj" | "nsubj:pass" | "xcomp")
                if g_kind == Some(TriggerKind::Verb) && is_light_verb(&g_lemma) =>
            {
                p.governor = gov;
                p.anchored = true;
                if p.subject.is_empty()
                    || speaker_owns_stated_act(view, tree, kids, i, &g_lemma, &p.subject, &g_agent)
                {
                    p.subject = g_agent;
                }
                // "launched an attack on X": the verb's slots serve the noun
                p.preps.extend(g_preps);
                // "giving Trump the praise he craves", "offered Kyiv its
                // support": the verb's other object receives the noun's act
                if matches!(
                    g_lemma.as_str(),
                    "give" | "offer" | "extend" | "grant" | "lend" | "send"
                ) {
                    let recipients: Vec<(usize, Vec<usize>)> = kids
                        .kids(h)
                        .iter()
                        .copied()
                        .filter(|&c| c != i && matches!(tree.rel(c), "iobj" | "obj"))
                        .filter_map(|c| {
                            let ms = np_mentions(view, tree, kids, c, false);
                            (!ms.is_empty()).then_some((c, ms))
                        })
                        .collect();
                    for (c, ms) in recipients {
                        p.preps.push((Cow::Borrowed("to"), c, ms.clone()));
                        p.preps.push((Cow::Borrowed("for"), c, ms));
                    }
                }
            }
            // "ordered the arrest and detention of X", "expressed its
            // rejection and condemnation of X": a conjoined event noun is
            // the same actor's act, under the same verb
            (TriggerKind::Noun, "conj") if g_kind == Some(TriggerKind::Noun) => {
                p.governor = g_governor;
                p.anchored = g_anchored;
                if p.subject.is_empty() {
                    p.subject = g_subject;
                }
                if p.preps.is_empty() {
                    p.preps = g_preps;
                }
            }
            (TriggerKind::Noun, _) if gov.is_some() => {
                p.governor = gov;
            }
            _ => {}
        }
    }
    // 4. an act suffered by a clause's subject ("X came under attack from
    //    Y", "X endured weeks of airstrikes by Y", "X is under assault from
    //    Y"): the subject is its target, a "from" phrase its doer
    for (i, at) in pred_at.iter().enumerate() {
        let Some(pi) = *at else { continue };
        if preds[pi].kind != TriggerKind::Noun || !is_hostile_act(view, patterns, i) {
            continue;
        }
        let Some(s) = sufferer(view, tree, kids, i) else {
            continue;
        };
        let ms = np_mentions(view, tree, kids, s, false);
        if ms.is_empty() {
            continue;
        }
        let p = &mut preds[pi];
        p.anchored = true;
        if p.subject.is_empty() && p.prep("by").is_none() {
            if let Some((_, at, doers)) = p.preps.iter().find(|(w, _, _)| w == "from").cloned() {
                p.preps.push((Cow::Borrowed("by"), at, doers));
            }
        }
        for slot in ["on", "against", "of"] {
            if p.prep(slot).is_none() {
                p.preps.push((Cow::Borrowed(slot), s, ms.clone()));
            }
        }
    }
    // 5. counterparts named only in a complement clause
    super::complement::fill(view, tree, &mut preds, &pred_at);
    preds
}

/// "Erdogan reiterated Turkey's support for X", "Maamau reaffirmed his
/// administration's commitment to X": an act stated again or voiced by its
/// owner's spokesman is the speaker's (the PLOVER source is who says it).
/// True when event noun `i` is the object of a verb of stating (express,
/// voice, reiterate, reaffirm, restate, repeat, convey, renew, pledge), its
/// own subject `owner` came from its possessor, and that possessor holds a
/// possessive pronoun of its own ("his administration's": the clause's
/// subject is its antecedent) or is of the speaker's own country. A third party's act
/// conveyed ("conveyed Assad's commitment") stays its owner's.
fn speaker_owns_stated_act(
    view: &SentenceView<'_>,
    tree: &DepTree<'_>,
    kids: &DepTree<'_>,
    i: usize,
    verb: &str,
    owner: &[usize],
    speaker: &[usize],
) -> bool {
    if owner.is_empty()
        || speaker.is_empty()
        || !matches!(
            verb,
            "express"
                | "voice"
                | "reiterate"
                | "reaffirm"
                | "restate"
                | "repeat"
                | "convey"
                | "renew"
                | "pledge"
        )
    {
        return false;
    }
    let Some(poss) = kids.with_rel(i, "nmod:poss").next() else {
        return false;
    };
    // the owner is the possessor's actor (not a compound or "by" phrase)
    let poss_mentions = np_mentions(view, tree, kids, poss, false);
    if poss_mentions.is_empty() || !owner.iter().all(|m| poss_mentions.contains(m)) {
        return false;
    }
    // (a bare "his support" is left to the pronoun's own resolution: the
    // speaker of "called X to express his support" may be a slip)
    let pronoun = kids
        .with_rel(poss, "nmod:poss")
        .any(|c| tree.xpos(c) == "PRP$");
    let country = |m: &usize| view.mentions.get(*m).and_then(|lm| lm.country);
    let same_country = owner
        .iter()
        .all(|m| country(m).is_some_and(|c| speaker.iter().any(|s| country(s) == Some(c))));
    pronoun || same_country
}

/// Whether every pattern of event noun `i` is a hostile act, one a party
/// can suffer (an attack, a siege, sanctions, threats, criticism): "under
/// the agreement" is nobody's plight.
fn is_hostile_act(view: &SentenceView<'_>, patterns: &PatternSet, i: usize) -> bool {
    let mut any = false;
    for lemma in [view.lemma(i), view.low(i)] {
        for p in patterns.for_trigger(TriggerKind::Noun, lemma) {
            any = true;
            if !matches!(
                p.plover.as_str(),
                "ASSAULT" | "COERCE" | "SANCTION" | "THREATEN" | "ACCUSE"
            ) {
                return false;
            }
        }
    }
    any
}

/// Whether every verb pattern of `i` is a MOBILIZE one ("mobilize",
/// "deploy", "station", "amass"): a verb that only moves one's own forces,
/// not one that also gives or sends aid ("send").
fn is_mobilizing_verb(view: &SentenceView<'_>, patterns: &PatternSet, i: usize) -> bool {
    let mut any = false;
    for lemma in [view.lemma(i), view.low(i)] {
        for p in patterns.for_trigger(TriggerKind::Verb, lemma) {
            any = true;
            if p.plover != "MOBILIZE" {
                return false;
            }
        }
    }
    any
}

/// The enemies of the act of force a mobilisation is for: the "against" and
/// "on" phrases of an event noun of force (one with an ASSAULT or COERCE
/// pattern: war, assault, offensive) in a "for" phrase of verb `v` or of
/// its object ("mobilized troops for the Gulf War against Iraq", "massed
/// forces for an offensive on X"), returned as the verb's "against" slot.
/// The forces moved are never the target (they are the mover's own).
fn purpose_act_enemies(
    view: &SentenceView<'_>,
    tree: &DepTree<'_>,
    kids: &DepTree<'_>,
    patterns: &PatternSet,
    v: usize,
) -> Vec<(Cow<'static, str>, usize, Vec<usize>)> {
    let is_for = |c: usize| case_word(tree, kids, c).is_some_and(|k| view.low(k) == "for");
    let mut acts: Vec<usize> = kids
        .kids(v)
        .iter()
        .copied()
        .filter(|&c| tree.base_rel(c) == "obl" && is_for(c))
        .collect();
    for o in kids.with_rel(v, "obj") {
        acts.extend(kids.with_rel(o, "nmod").filter(|&c| is_for(c)));
    }
    let mut out = Vec::new();
    for a in acts {
        let force = [view.lemma(a), view.low(a)].into_iter().any(|l| {
            patterns
                .for_trigger(TriggerKind::Noun, l)
                .any(|p| matches!(p.plover.as_str(), "ASSAULT" | "COERCE"))
        });
        if view.mention(a).is_some() || !force {
            continue;
        }
        for (w, case, ms) in prep_slots(view, tree, kids, a, "nmod") {
            if matches!(w.as_ref(), "against" | "on") {
                out.push((Cow::Borrowed("against"), case, ms));
            }
        }
    }
    out
}

/// The head of the phrase naming who suffers hostile act `i`: the subject
/// of the verb it is undergone through ([`undergoing_verb`]), or of the act
/// itself as a copular predicate ("X is under siege").
fn sufferer(
    view: &SentenceView<'_>,
    tree: &DepTree<'_>,
    kids: &DepTree<'_>,
    i: usize,
) -> Option<usize> {
    let subject_of = |v: usize| {
        kids.kids(v)
            .iter()
            .copied()
            .find(|&k| tree.rel(k) == "nsubj")
    };
    let under = case_word(tree, kids, i).is_some_and(|k| view.low(k) == "under");
    if under && kids.kids(i).iter().any(|&k| tree.rel(k) == "cop") {
        return subject_of(i);
    }
    undergoing_verb(view, tree, i).and_then(subject_of)
}

/// The verb through which event noun `i` is undergone by that verb's
/// subject: a verb of undergoing whose object the act is ("endured
/// airstrikes", "faced criticism", also through a measure of time or
/// number: "endured weeks of airstrikes"), or a verb with the act in an
/// "under" phrase ("came under attack", "collapsed under the assault").
fn undergoing_verb(view: &SentenceView<'_>, tree: &DepTree<'_>, i: usize) -> Option<usize> {
    // "weeks of airstrikes", "a wave of attacks": the measure stands in
    let mut node = i;
    if let Some(h) = tree.head(i) {
        if tree.rel(i) == "nmod"
            && case_word(tree, tree, i).is_some_and(|k| view.low(k) == "of")
            && (words::is_measure_noun(view.lemma(h)) || words::is_time_unit(view.lemma(h)))
        {
            node = h;
        }
    }
    let v = tree.head(node)?;
    if tree.upos(v) != "VERB" {
        return None;
    }
    let undergone = match tree.rel(node) {
        "obj" => matches!(
            view.lemma(v),
            "endure" | "suffer" | "face" | "withstand" | "weather" | "sustain" | "survive"
        ),
        "obl" => case_word(tree, tree, node).is_some_and(|k| view.low(k) == "under"),
        _ => false,
    };
    undergone.then_some(v)
}

/// True when `o` is a proposal noun ("call", "demand", "plan") whose author
/// is named by a possessor or a "from"/"by" phrase holding an actor.
pub(crate) fn owned_proposal(
    view: &SentenceView<'_>,
    tree: &DepTree<'_>,
    kids: &DepTree<'_>,
    o: usize,
) -> bool {
    if !words::is_proposal_noun(view.lemma(o)) || view.mention(o).is_some() {
        return false;
    }
    kids.kids(o).iter().any(|&c| {
        let author = match tree.rel(c) {
            "nmod:poss" => true,
            "nmod" => {
                case_word(tree, kids, c).is_some_and(|k| matches!(view.low(k), "from" | "by"))
            }
            _ => false,
        };
        author && view.mention(c).is_some()
    })
}

/// The verb that lends its subject to event noun `i` (head `h`) beyond a
/// plain light-verb object: "responded with shelling" (a "with" of
/// responding), or through a measure noun ("a wave of airstrikes") that is
/// such a verb's "with" phrase or a light verb's object.
fn lending_verb(
    view: &SentenceView<'_>,
    tree: &DepTree<'_>,
    kids: &DepTree<'_>,
    i: usize,
    h: usize,
) -> Option<usize> {
    let carries = |n: usize, v: usize| {
        let with = tree.base_rel(n) == "obl"
            && case_word(tree, kids, n).is_some_and(|k| view.low(k) == "with")
            && matches!(
                view.lemma(v),
                "respond" | "retaliate" | "react" | "reply" | "answer" | "hit"
            );
        let light = matches!(tree.rel(n), "obj" | "nsubj:pass") && is_light_verb(view.lemma(v));
        (with, light)
    };
    if carries(i, h).0 {
        return Some(h);
    }
    let of =
        tree.base_rel(i) == "nmod" && case_word(tree, kids, i).is_some_and(|k| view.low(k) == "of");
    if of && words::is_measure_noun(view.lemma(h)) {
        let v = tree.head(h)?;
        let (with, light) = carries(h, v);
        if with || light {
            return Some(v);
        }
    }
    // "launched a mediation effort between X and Y", "began a bombing
    // campaign against X": the event noun modifies a noun of undertaking,
    // which stands in the light verb's object (the verb's slots already
    // hold that object's phrases)
    if tree.rel(i) == "compound" && words::is_undertaking_noun(view.lemma(h)) {
        let v = tree.head(h)?;
        if carries(h, v).1 {
            return Some(v);
        }
    }
    None
}

/// A predicate for token `i` with its verb group read from the tree.
fn new_predicate(
    view: &SentenceView<'_>,
    tree: &DepTree<'_>,
    kids: &DepTree<'_>,
    i: usize,
    kind: TriggerKind,
) -> Predicate {
    let mut first = i;
    let mut negated = false;
    let mut modal = None;
    let mut perfect = false;
    let mut passive = false;
    let mut finite_tag: Option<&str> = None;
    let mut future = false;
    for &c in kids.kids(i) {
        let rel = tree.rel(c);
        let low = view.low(c);
        match rel {
            "aux" | "aux:pass" | "cop" => {
                first = first.min(c);
                if rel == "aux:pass" {
                    passive = true;
                }
                let x = tree.xpos(c);
                if x == "MD" {
                    if matches!(low, "will" | "shall" | "'ll" | "wo") {
                        future = true;
                    }
                    modal = Some(low.to_string());
                    // "cannot" is one token: a modal that negates
                    if low == "cannot" {
                        negated = true;
                    }
                } else if view.lemma(c) == "have" {
                    perfect = true;
                }
                if finite_tag.is_none() && matches!(x, "VBD" | "VBZ" | "VBP" | "MD") {
                    finite_tag = Some(x);
                }
            }
            "mark" if low == "to" => {
                first = first.min(c);
            }
            "advmod" | "neg" if words::is_not_adverb(low) => {
                first = first.min(c);
                negated = true;
            }
            "nsubj:pass" => passive = true,
            // an agent without "by" is the parser's object ("coastguards
            // rescued about 5,000 people" read as a participle); a verb with
            // a subject and an object of its own is active, and its "by"
            // phrase the object's ("investigated the killing of X by Y")
            "obl:agent" if case_word(tree, kids, c).is_some() && !active_frame(tree, kids, i) => {
                passive = true
            }
            _ => {}
        }
    }
    // "did not attack": the negation sits between auxiliary and verb
    let own = tree.xpos(i);
    let finite = finite_tag.or(matches!(own, "VBD" | "VBZ" | "VBP").then_some(own));
    let nonfinite = kind == TriggerKind::Verb && finite.is_none();
    let tense = if future {
        Tense::Future
    } else {
        match finite {
            Some("VBD") => Tense::Past,
            Some("VBZ" | "VBP") if perfect => Tense::Past,
            Some("VBZ" | "VBP") => Tense::Present,
            Some("MD") => Tense::Unknown,
            _ => Tense::Unknown,
        }
    };
    Predicate {
        kind,
        head: i,
        first,
        lemma: view.lemma(i).to_string(),
        tense,
        perfect,
        passive: passive && kind == TriggerKind::Verb,
        negated,
        modal,
        nonfinite,
        governor: None,
        coordinated: None,
        subject: Vec::new(),
        object: Vec::new(),
        preps: Vec::new(),
        clause_end: view.len(),
        from_tree: true,
        // nouns: decided by their place in the tree (below)
        anchored: kind == TriggerKind::Verb
            || anchoring_rel(tree.rel(i))
            || view.title
            // a copular predicate heads its clause: "it would be the first
            // meeting between X and Y" is that clause's act (not a
            // predicate with a preposition: "was behind the attack in X"
            // names an incident in passing, "are in detention" a state)
            || (kids.kids(i).iter().any(|&c| kids.rel(c) == "cop")
                && !kids.kids(i).iter().any(|&c| kids.rel(c) == "case")),
        obliged: Vec::new(),
        blamed: Vec::new(),
        complement: Vec::new(),
        // an object after the verb first: a fronted "obj" is the parser's
        // slip ("British citizen X gave birth to ..." with "citizen" as obj)
        object_word: double_object_theme(view, tree, kids.kids(i), i)
            .or_else(|| {
                kids.kids(i)
                    .iter()
                    .copied()
                    .find(|&c| tree.rel(c) == "obj" && c > i)
            })
            .or_else(|| kids.kids(i).iter().copied().find(|&c| tree.rel(c) == "obj"))
            .or_else(|| {
                kids.kids(i)
                    .iter()
                    .copied()
                    .find(|&c| passive && tree.rel(c) == "nsubj:pass")
            })
            .map(|o| relative_antecedent(view, tree, i, o))
            .or_else(|| relative_gap(view, tree, kids, i, passive)),
        quoted: false,
        particle: kids
            .kids(i)
            .iter()
            .copied()
            .find(|&c| tree.rel(c) == "compound:prt"),
    }
}

/// A sentence of a quotation whose speaker is named in another sentence
/// ("Jan Egeland said: “Hope at last for Idlib. The Syrian government and
/// the armed groups must respect the deal.”"): what the sentence's main
/// clauses demand of an actor (`should+`) or say strongly against one
/// (`blames+`) is the speaker's, as if "the speaker said" stood before it.
/// Returns that implicit verb of saying (lemma "say", its head the main
/// clause's, its subject `speaker`, a local mention the caller added for
/// the speaker) when the sentence holds such a demand or blame.
pub fn quoted_statement(
    view: &SentenceView<'_>,
    tree: &DepTree<'_>,
    patterns: &PatternSet,
    speaker: usize,
) -> Option<Predicate> {
    let n = view.len().min(tree.len());
    let root = (0..n).find(|&i| tree.head(i).is_none() && tree.rel(i) == "root")?;
    // a sentence with its own verb of saying reports someone's words itself
    let says = (0..n).any(|i| {
        tree.upos(i) == "VERB"
            && (words::is_speech_verb(view.lemma(i)) || words::is_allegation_verb(view.lemma(i)))
    });
    if says {
        return None;
    }
    let mut clauses = vec![root];
    clauses.extend(tree.with_rel(root, "conj"));
    // the speaker's own "we"/"I" is no one the speaker demands of or blames
    let first_person = |m: &usize| {
        view.mentions
            .get(*m)
            .is_some_and(|lm| matches!(view.low(lm.first), "i" | "we" | "me" | "us" | "our" | "my"))
    };
    let obliged: Vec<usize> = clauses
        .iter()
        .copied()
        .filter(|&c| is_obliged(view, tree, c))
        .flat_map(|c| obliged_parties(tree, c))
        .flat_map(|k| np_mentions(view, tree, tree, k, false))
        .filter(|m| !first_person(m))
        .collect();
    let blamed: Vec<usize> = clauses
        .iter()
        .copied()
        .flat_map(|c| blamed_parties(view, tree, patterns, c))
        .flat_map(|k| np_mentions(view, tree, tree, k, false))
        .filter(|m| !first_person(m))
        .collect();
    if obliged.is_empty() && blamed.is_empty() {
        return None;
    }
    let mut p = new_predicate(view, tree, tree, root, TriggerKind::Verb);
    p.lemma = "say".into();
    p.subject = vec![speaker];
    p.obliged = obliged;
    p.blamed = blamed;
    p.anchored = true;
    p.quoted = true;
    Some(p)
}

/// Relations that make an event noun the act of its sentence rather than
/// one mentioned in passing: the root, a subject, a parataxis.
fn anchoring_rel(rel: &str) -> bool {
    matches!(rel, "root" | "nsubj" | "nsubj:pass" | "parataxis")
}

/// Tokens in top-down order (each head before its dependents); tokens
/// caught in a cycle (a malformed tree) come last in text order.
fn top_down(tree: &DepTree<'_>, kids: &DepTree<'_>, n: usize) -> Vec<usize> {
    let mut out = Vec::with_capacity(n);
    let mut seen = vec![false; n];
    let roots: Vec<usize> = (0..n)
        .filter(|&i| tree.head(i).is_none_or(|h| h >= n || h == i))
        .collect();
    let mut stack: Vec<usize> = roots.into_iter().rev().collect();
    while let Some(i) = stack.pop() {
        if std::mem::replace(&mut seen[i], true) {
            continue;
        }
        out.push(i);
        for &c in kids.kids(i).iter().rev() {
            if !seen[c] {
                stack.push(c);
            }
        }
    }
    out.extend((0..n).filter(|&i| !seen[i]));
    out
}

/// Prepositions that set an act in its circumstances ("withdrew amid a row
/// with Erdoğan", "during talks with X"): the names inside such a phrase
/// are not the act's counterpart.
/// "Trump's demand that Germany repatriate its citizens": a clause after a
/// noun of demanding or proposing, opened by "that" right after the noun and
/// with a subject of its own, is what is demanded, not a relative clause
/// (the parser reads "that" as a relative pronoun and the demand's owner
/// would become the object). A relative reading keeps its verbs of handling
/// a demand ("the demand that Germany rejected").
pub(crate) fn is_mandative_content_clause(
    view: &SentenceView<'_>,
    tree: &DepTree<'_>,
    kids: &DepTree<'_>,
    i: usize,
) -> bool {
    let Some(h) = tree.head(i) else {
        return false;
    };
    let mandative = matches!(
        view.lemma(h),
        "demand"
            | "call"
            | "request"
            | "proposal"
            | "suggestion"
            | "insistence"
            | "recommendation"
            | "plea"
            | "appeal"
            | "requirement"
    );
    let handled = matches!(
        view.lemma(i),
        "make"
            | "issue"
            | "reject"
            | "accept"
            | "put"
            | "submit"
            | "send"
            | "receive"
            | "ignore"
            | "meet"
            | "table"
            | "present"
            | "back"
            | "support"
            | "voice"
            | "repeat"
            | "announce"
            | "publish"
            | "write"
            | "deliver"
            | "rebuff"
            | "refuse"
            | "dismiss"
            | "heed"
            | "answer"
    );
    let that_after_noun =
        h + 1 < view.len() && view.low(h + 1) == "that" && tree.head(h + 1) == Some(i);
    let own_subject = kids
        .kids(i)
        .iter()
        .any(|&c| matches!(tree.rel(c), "nsubj" | "nsubj:pass") && c != h + 1);
    mandative && !handled && that_after_noun && own_subject
}

fn is_circumstance_preposition(word: &str) -> bool {
    matches!(
        word,
        "amid"
            | "amidst"
            | "during"
            | "after"
            | "before"
            | "despite"
            | "following"
            | "since"
            | "until"
            | "throughout"
            | "without"
    )
}

/// Whether the nominal `c` heads a copular clause ("denies [being a member
/// of Isis]", "admitted [being an agent of X]"): the object is then a
/// proposition about the subject, and the names inside it are not the
/// verb's object.
fn is_copular_clause(tree: &DepTree<'_>, kids: &DepTree<'_>, c: usize) -> bool {
    kids.kids(c).iter().any(|&k| tree.rel(k) == "cop")
}

/// The bare `obl:agent` and `obl` dependents (no preposition; a time is
/// `obl:tmod`) of verb `i` that follow an agent with "by": the parser's
/// reading of an agent list ("besieged by a mixture of
/// Kurds and Arabs, Russian special forces, Iranian-backed militias"), so
/// they are agents too, not a mislabelled object.
fn continued_agents(tree: &DepTree<'_>, kids: &DepTree<'_>, i: usize) -> Vec<usize> {
    let Some(first_by) = kids
        .kids(i)
        .iter()
        .copied()
        .find(|&c| tree.rel(c) == "obl:agent" && case_word(tree, kids, c).is_some())
    else {
        return Vec::new();
    };
    kids.kids(i)
        .iter()
        .copied()
        .filter(|&c| {
            c > first_by
                && matches!(tree.rel(c), "obl:agent" | "obl")
                && case_word(tree, kids, c).is_none()
        })
        .collect()
}

/// Prepositional slots of token `i`: its `obl*` (verbs) or `nmod*` (nouns)
/// dependents with their `case` word.
fn prep_slots(
    view: &SentenceView<'_>,
    tree: &DepTree<'_>,
    kids: &DepTree<'_>,
    i: usize,
    base: &str,
) -> Vec<(Cow<'static, str>, usize, Vec<usize>)> {
    let mut out = Vec::new();
    for &c in kids.kids(i) {
        if tree.base_rel(c) != base || tree.rel(c) == "nmod:poss" || tree.rel(c) == "obl:tmod" {
            continue;
        }
        let Some(case) = case_word(tree, kids, c) else {
            continue;
        };
        let word = view.low(case);
        // "launched on the basis of intelligence": a phrase of grounds names
        // why, not a participant (its "of" phrase is no target)
        if words::is_grounds_noun(view.lemma(c)) {
            continue;
        }
        // a phrase with a subject of its own heads a clause the parser
        // misread ("vetoed the resolution, as it does repeatedly on Syria":
        // Syria is the topic of the "as" clause, not the veto's target)
        if kids
            .kids(c)
            .iter()
            .any(|&k| matches!(tree.rel(k), "nsubj" | "nsubj:pass"))
        {
            continue;
        }
        let ms = np_mentions(view, tree, kids, c, true);
        if ms.is_empty() {
            continue;
        }
        out.push((prep_name(word), case, ms));
    }
    out
}

/// The possessor of act noun `n` as the noun's "of" phrase, when the noun
/// names an act its owner undergoes (`objects/owner-undergoes.tsv`: "the
/// tanker's release", "his extradition") and has no "of" phrase of its own
/// ("Turkey's extradition of X": the possessor is the doer). The slot's
/// case index is the possessor's own marker ("'s", "his"), not an "of":
/// the phrase is implied (`Predicate::implied_prep`).
fn owner_as_of(
    view: &SentenceView<'_>,
    tree: &DepTree<'_>,
    kids: &DepTree<'_>,
    patterns: &PatternSet,
    n: usize,
) -> Option<(Cow<'static, str>, usize, Vec<usize>)> {
    if !patterns.is_owner_undergoing(view.lemma(n)) {
        return None;
    }
    let has_of = kids.with_rel(n, "nmod").any(|c| {
        tree.rel(c) != "nmod:poss" && case_word(tree, kids, c).is_some_and(|k| view.low(k) == "of")
    });
    if has_of {
        return None;
    }
    let c = kids
        .kids(n)
        .iter()
        .copied()
        .find(|&c| tree.rel(c) == "nmod:poss" && view.low(c) != "whose")?;
    let ms = np_mentions(view, tree, kids, c, false);
    if ms.is_empty() {
        return None;
    }
    let marker = kids
        .kids(c)
        .iter()
        .copied()
        .find(|&k| tree.rel(k) == "case")
        .unwrap_or(c);
    Some((Cow::Borrowed("of"), marker, ms))
}

/// The last "to" phrase naming an actor anywhere under `o`, the object of a
/// verb of handing over, when the parser hung it on a noun inside the thing
/// handed over (an owner's name, a date, a part: "returned 12 skulls that
/// date back to A.D. 640 to Peru", "returned a sculpture of the head of
/// Emperor X to Ambassador Y"): a noun of the thing takes no recipient of its
/// own. Not a phrase on a verb or adjective inside it ("troops who were
/// deployed to X", "forces loyal to Y"), nor one heading a clause.
fn deep_recipient(
    view: &SentenceView<'_>,
    tree: &DepTree<'_>,
    kids: &DepTree<'_>,
    o: usize,
    event_noun: &dyn Fn(usize) -> bool,
) -> Option<(Cow<'static, str>, usize, Vec<usize>)> {
    // a thing, not people handed over ("returning X and her child to the
    // UK": a person's "to" phrase stays where the parser put it)
    let party = |k: usize| view.mention(k).is_some();
    if party(o) || kids.with_rel(o, "conj").any(party) {
        return None;
    }
    let mut stack = vec![(o, 0usize)];
    let mut best: Option<(Cow<'static, str>, usize, Vec<usize>)> = None;
    while let Some((cur, depth)) = stack.pop() {
        if depth > 8 {
            continue;
        }
        for &c in kids.kids(cur) {
            stack.push((c, depth + 1));
        }
        if cur == o || !matches!(tree.base_rel(cur), "nmod" | "list") {
            continue;
        }
        let Some(case) = kids
            .kids(cur)
            .iter()
            .copied()
            .find(|&k| tree.rel(k) == "case" && view.low(k) == "to")
        else {
            continue;
        };
        // a noun that takes a "to" of its own ("allegiance to X", "an
        // envoy to Y", "aid to Z") keeps it
        let on_noun = tree.head(cur).is_some_and(|g| {
            matches!(tree.upos(g), "NOUN" | "PROPN" | "NUM")
                && !words::takes_to_phrase(view.lemma(g))
                && !event_noun(g)
        });
        let clause = kids
            .kids(cur)
            .iter()
            .any(|&k| matches!(tree.rel(k), "nsubj" | "nsubj:pass"));
        if !on_noun || clause {
            continue;
        }
        let ms = np_mentions(view, tree, kids, cur, true);
        if ms.is_empty() {
            continue;
        }
        if best.as_ref().is_none_or(|(_, b, _)| case > *b) {
            best = Some((prep_name("to"), case, ms));
        }
    }
    best
}

/// The recipient phrases the parser hung deeper inside a thing handed over
/// ("returned a statue of the head of a king to Ethiopia": "to Ethiopia"
/// under "king"): down the chain of "of" phrases below the goods' first one
/// (at most three deep, named or not), a "to", "into" or "for" phrase is the
/// verb's, since a thing's part or owner takes no recipient of its own.
fn recipients_down_of_chain(
    view: &SentenceView<'_>,
    tree: &DepTree<'_>,
    kids: &DepTree<'_>,
    first: usize,
) -> Vec<(Cow<'static, str>, usize, Vec<usize>)> {
    let mut out = Vec::new();
    let mut cur = first;
    for _ in 0..3 {
        let Some(next) = kids
            .with_rel(cur, "nmod")
            .find(|&c| case_word(tree, kids, c).is_some_and(|k| view.low(k) == "of"))
        else {
            break;
        };
        out.extend(
            prep_slots(view, tree, kids, next, "nmod")
                .into_iter()
                .filter(|(w, _, _)| matches!(w.as_ref(), "to" | "into" | "for")),
        );
        cur = next;
    }
    out
}

/// The prepositional phrases the parser hung on a locative phrase of `o`
/// rather than on `o` itself ("held talks in Jordan with King Abdullah":
/// "with" depends on "Jordan"): a named place takes no "with", "against"
/// or "to" of its own, so such a phrase is `o`'s. Further locatives and "of"
/// phrases ("in the city of Aleppo") stay the place's.
fn beyond_locatives(
    view: &SentenceView<'_>,
    tree: &DepTree<'_>,
    kids: &DepTree<'_>,
    o: usize,
) -> Vec<(Cow<'static, str>, usize, Vec<usize>)> {
    let mut out = Vec::new();
    for c in kids.with_rel(o, "nmod") {
        // a named place ("in Jordan", "in Bishkek"), not an event or
        // circumstance ("participation in a summit on X", "in the wake of Y")
        let locative = tree.upos(c) == "PROPN"
            && case_word(tree, kids, c)
                .is_some_and(|k| matches!(view.low(k), "in" | "at" | "near" | "inside"));
        if !locative {
            continue;
        }
        out.extend(
            prep_slots(view, tree, kids, c, "nmod")
                .into_iter()
                .filter(|(w, _, _)| !matches!(w.as_ref(), "of" | "in" | "at" | "near" | "inside")),
        );
    }
    out
}

/// The agent or target phrases the parser stacked on a named actor of an
/// event noun rather than on the noun ("an attack on Iran by Israel": "by
/// Israel" under "Iran"; "the attack by Israel on Iran"): a named actor
/// takes no "by", "on" or "against" phrase of its own, so such a phrase is
/// the noun's, unless the noun already has one of that preposition.
fn beyond_named_actors(
    view: &SentenceView<'_>,
    tree: &DepTree<'_>,
    kids: &DepTree<'_>,
    noun: usize,
    own: &[(Cow<'static, str>, usize, Vec<usize>)],
) -> Vec<(Cow<'static, str>, usize, Vec<usize>)> {
    let mut out = Vec::new();
    let named = |c: usize| tree.upos(c) == "PROPN" && view.mention(c).is_some();
    for c in kids.with_rel(noun, "nmod") {
        let argument = case_word(tree, kids, c)
            .is_some_and(|k| matches!(view.low(k), "on" | "against" | "by"));
        if !argument || !named(c) {
            continue;
        }
        for (w, case, ms) in prep_slots(view, tree, kids, c, "nmod") {
            let stacked = matches!(w.as_ref(), "by" | "on" | "against")
                && tree.head(case).is_some_and(named)
                && !own.iter().chain(out.iter()).any(|(x, _, _)| *x == w);
            if stacked {
                out.push((w, case, ms));
            }
        }
    }
    out
}

/// The preposition (`case`) of the nominal headed by `c`: its own, or
/// that of a descriptor or modifier before it, where parsers hang it on a
/// titled name ("with [former president]nmod:desc Hamid Karzai": "with"
/// depends on "president").
pub(crate) fn case_word(tree: &DepTree<'_>, kids: &DepTree<'_>, c: usize) -> Option<usize> {
    let own = |h: usize| {
        kids.kids(h)
            .iter()
            .copied()
            .find(|&k| tree.rel(k) == "case" && tree.upos(k) != "PART")
    };
    own(c)
        .or_else(|| {
            kids.kids(c)
                .iter()
                .copied()
                .filter(|&m| {
                    m < c && matches!(tree.rel(m), "nmod:desc" | "compound" | "amod" | "flat")
                })
                .find_map(own)
        })
        .or_else(|| {
            // a quantity before the noun, where parsers hang the preposition
            // on the number ("to about one million refugees": "to" depends on
            // "million", itself a `nummod` of "refugees")
            kids.kids(c)
                .iter()
                .copied()
                .filter(|&m| m < c && tree.rel(m) == "nummod")
                .find_map(|m| {
                    own(m).or_else(|| {
                        kids.kids(m)
                            .iter()
                            .copied()
                            .filter(|&q| q < m && matches!(tree.rel(q), "compound" | "nummod"))
                            .find_map(own)
                    })
                })
        })
}

fn prep_name(word: &str) -> Cow<'static, str> {
    crate::patterns::SLOT_PREPS
        .iter()
        .find(|p| **p == word)
        .map(|p| Cow::Borrowed(*p))
        .unwrap_or_else(|| Cow::Owned(word.to_string()))
}

/// Whether mention `m` is a possessive pronoun of the clause's own object
/// that agrees in number with the clause's `subject` ("Russia reinforced
/// its troops", "the rebels moved their fighters"): it stands for the
/// subject.
fn bound_to_subject(
    view: &SentenceView<'_>,
    tree: &DepTree<'_>,
    kids: &DepTree<'_>,
    m: usize,
    subject: usize,
) -> bool {
    let Some(lm) = view.mentions.get(m) else {
        return false;
    };
    // the object's own possessor ("his intention"), not a possessor's
    // possessor ("praised his counterpart's victory": the counterpart is
    // another person)
    if lm.first != lm.last
        || tree.rel(lm.first) != "nmod:poss"
        || tree.head(lm.first).is_none_or(|h| tree.rel(h) != "obj")
    {
        return false;
    }
    let plural_subject = matches!(tree.xpos(subject), "NNS" | "NNPS")
        || matches!(view.low(subject), "they" | "we")
        || kids.with_rel(subject, "conj").next().is_some();
    match view.low(lm.first) {
        "his" | "her" | "its" => !plural_subject,
        "their" => plural_subject,
        _ => false,
    }
}

/// Whether verb `i` has both an active subject and a direct object: then a
/// "by" phrase the parser hung on it as an agent is its object's.
fn active_frame(tree: &DepTree<'_>, kids: &DepTree<'_>, i: usize) -> bool {
    kids.kids(i).iter().any(|&c| tree.rel(c) == "nsubj")
        && kids.kids(i).iter().any(|&c| tree.rel(c) == "obj")
}

/// The doers of event noun `c`, the direct object of verb `i`: its own "by"
/// phrase, or the "by" phrase the parser hung on an active verb with a
/// subject ("investigated the slaughter of X by Y").
fn event_object_agents(
    view: &SentenceView<'_>,
    tree: &DepTree<'_>,
    kids: &DepTree<'_>,
    i: usize,
    c: usize,
) -> Vec<usize> {
    let by = |k: usize| case_word(tree, kids, k).is_some_and(|w| view.low(w) == "by");
    let own = kids
        .kids(c)
        .iter()
        .copied()
        .filter(|&k| tree.base_rel(k) == "nmod" && by(k));
    let hung =
        kids.kids(i).iter().copied().filter(|&k| {
            tree.rel(k) == "obl:agent" && k > c && by(k) && active_frame(tree, kids, i)
        });
    // "condemned the threats made by X", "dismissed the protest filed by
    // X": the agent of a participle of doing describing the event noun is
    // its doer (not of one of its fate: "a conference boycotted by X")
    let described: Vec<usize> = kids
        .kids(c)
        .iter()
        .copied()
        .filter(|&a| {
            tree.base_rel(a) == "acl"
                && tree.xpos(a) == "VBN"
                && words::is_doing_verb(view.lemma(a))
        })
        .flat_map(|a| kids.kids(a).iter().copied())
        .filter(|&g| tree.rel(g) == "obl:agent" && by(g))
        .collect();
    own.chain(hung)
        .chain(described)
        .flat_map(|k| np_mentions(view, tree, kids, k, false))
        .collect()
}

/// Whether phrase head `head` names an actor whose mention ends right
/// before a possessive "'s" of a relational noun: the parser split "with
/// the Syrian president Bashar al-Assad's main backers" into two phrases,
/// and the first one's actor is whom the backers back, not the argument
/// (in a whole parse a possessor is an `nmod:poss` below its noun, never a
/// phrase head). An owned noun ("Assad's forces") is left alone: its owner
/// is the side.
fn is_split_possessor(view: &SentenceView<'_>, tree: &DepTree<'_>, head: usize) -> bool {
    let Some(lm) = view.mention(head).and_then(|m| view.mentions.get(m)) else {
        return false;
    };
    let next = lm.last + 1;
    if next >= view.len()
        || tree.xpos(next) != "POS"
        || tree.rel(head).starts_with("nmod")
        || !tree
            .head(next)
            .is_some_and(|h| lm.first <= h && h <= lm.last)
    {
        return false;
    }
    // the possessed noun, after at most two adjectives ("main backers")
    (next + 1..view.len().min(next + 4))
        .find(|&k| tree.upos(k) != "ADJ")
        .is_some_and(|k| tree.upos(k) == "NOUN" && words::is_relational_noun(view.lemma(k)))
}

/// The actor mentions a noun phrase headed by `h` stands for: the mention
/// on its head, else one on a modifier that names its owner ("the Trump
/// administration", "Iran's foreign minister", "forces of Assad"), plus
/// its conjuncts ("Russia and China"). `places` admits toponyms standing
/// for their country (never subjects).
fn np_mentions(
    view: &SentenceView<'_>,
    tree: &DepTree<'_>,
    kids: &DepTree<'_>,
    h: usize,
    places: bool,
) -> Vec<usize> {
    let mut out = Vec::new();
    let mut heads = vec![h];
    // conjuncts of the head: "Russia and China", "X, Y and Z"
    // (a parser may hang the conjunct on the last word of a name: "Donald
    // Trump and Theresa May" → conj under "Trump", flat under "Donald")
    let mut k = 0;
    while k < heads.len() && heads.len() < 8 {
        let cur = heads[k];
        let name_parts = kids
            .kids(cur)
            .iter()
            .copied()
            .filter(|&c| matches!(kids.rel(c), "flat" | "compound"));
        for part in std::iter::once(cur).chain(name_parts) {
            for c in kids.with_rel(part, "conj") {
                if !heads.contains(&c) {
                    heads.push(c);
                }
            }
        }
        // members it lists: "its neighbours, including Israel"
        for c in kids.with_rel(cur, "nmod") {
            if !heads.contains(&c) && lists_members(view, tree, kids, c) {
                heads.push(c);
            }
            // "the guarantors of the peace process – Russia, Turkey and
            // Iran –": a named apposition the parser hung on an
            // arrangement in the "of" phrase names the head (an
            // arrangement has no members of its own)
            if cur == h && words::is_arrangement_noun(view.lemma(c)) && view.mention(c).is_none() {
                for a in kids.with_rel(c, "appos") {
                    if !heads.contains(&a) && tree.upos(a) == "PROPN" && view.mention(a).is_some() {
                        heads.push(a);
                    }
                }
            }
        }
        k += 1;
    }
    let usable = |m: usize| places || !view.mentions.get(m).is_some_and(|lm| lm.place);
    for head in heads {
        if is_split_possessor(view, tree, head) {
            continue;
        }
        if let Some(m) = np_owner(view, tree, kids, head, places) {
            // "Russian and Syrian jets": the owning modifier's conjuncts
            // own the phrase too (a plural one: "X and Y's clique fought"
            // is one side, which a reciprocal verb would split)
            // ("Russian and Syrian governments", where "Syrian
            // governments" is the head's own mention and "Russian" its
            // coordinated modifier)
            let mut co_owners = Vec::new();
            let mut before = Vec::new();
            if tree.xpos(head) == "NNS" {
                for &c in kids.kids(head) {
                    if c == head || !matches!(tree.rel(c), "amod" | "compound") {
                        continue;
                    }
                    let Some(mc) = view.mention(c).filter(|&x| usable(x)) else {
                        continue;
                    };
                    // the last conjunct sits in the head's own mention
                    // ("Syrian governments"), or the head names no actor
                    let head_span = view.mention(head).and_then(|hm| view.mentions.get(hm));
                    let conj: Vec<usize> = kids
                        .with_rel(c, "conj")
                        .filter(|&d| head_span.is_none_or(|lm| lm.first <= d && d <= lm.last))
                        .filter_map(|d| view.mention(d).filter(|&x| usable(x)))
                        .collect();
                    // or the parser hung both modifiers and the
                    // coordinator on the noun ("the Russian and Turkish
                    // presidents": amod, cc, amod)
                    // (adjacent: modifier, coordinator, the head's mention)
                    let flat = head_span.is_some_and(|lm| {
                        let d = lm.first.wrapping_sub(1);
                        view.mentions
                            .get(mc)
                            .is_some_and(|x| x.last + 2 == lm.first)
                            && tree.head(d) == Some(head)
                            && tree.rel(d) == "cc"
                    });
                    if conj.is_empty() && !flat {
                        continue;
                    }
                    co_owners.push(mc);
                    co_owners.extend(conj);
                }
                // "the presidents of Iran and Turkey", "the foreign
                // ministers of France and Germany": a plural role whose own
                // mention ends in an "of" country stands for each
                // coordinated country too
                let head_mention = view.mention(head).and_then(|hm| view.mentions.get(hm));
                // "Russia and Turkey's foreign ministers", "Pakistan and
                // Afghanistan's intelligence services": coordinated
                // possessors share the plural role; the parser hangs the
                // first on the role and the last, inside the role's own
                // mention, as its conjunct
                if let Some(lm) = head_mention.filter(|lm| lm.first <= head && head <= lm.last) {
                    for c in kids.with_rel(head, "nmod:poss") {
                        if c >= lm.first {
                            continue;
                        }
                        let Some(mc) = view.mention(c).filter(|&x| usable(x) && x != m) else {
                            continue;
                        };
                        if kids
                            .with_rel(c, "conj")
                            .any(|d| lm.first <= d && d <= lm.last)
                        {
                            before.push(mc);
                        }
                    }
                }
                if let Some(lm) = head_mention.filter(|lm| lm.first <= head && head <= lm.last) {
                    for c in kids.with_rel(head, "nmod") {
                        let of = case_word(tree, kids, c).is_some_and(|k| view.low(k) == "of");
                        if !of || c < lm.first || c > lm.last {
                            continue;
                        }
                        co_owners.extend(
                            kids.with_rel(c, "conj")
                                .filter_map(|d| view.mention(d).filter(|&x| usable(x))),
                        );
                    }
                }
            }
            for m in before
                .into_iter()
                .chain(std::iter::once(m))
                .chain(co_owners)
            {
                if !out.contains(&m) {
                    out.push(m);
                }
                if let Some(t) = view.mentions.get(m).and_then(|lm| lm.twin) {
                    if !out.contains(&t) {
                        out.push(t);
                    }
                }
            }
        }
    }
    out
}

fn np_owner(
    view: &SentenceView<'_>,
    tree: &DepTree<'_>,
    kids: &DepTree<'_>,
    h: usize,
    places: bool,
) -> Option<usize> {
    let place_ok = |m: usize| places || !view.mentions.get(m).is_some_and(|lm| lm.place);
    if let Some(m) = view.mention(h).filter(|&m| place_ok(m)) {
        // "the UN Syria special envoy, Staffan de Mistura": a role named
        // by a known person of another country or of none is that person
        // (the role's words may name the posting, not the owner); of the
        // same country the role stays, which says what the person is now
        // ("the outgoing chairman of the Senate committee, Bob Corker")
        if let Some(role) = view.mentions.get(m).filter(|lm| lm.role) {
            if let Some(p) = kids
                .with_rel(h, "appos")
                .filter_map(|a| view.mention(a))
                .find(|&p| {
                    view.mentions.get(p).is_some_and(|lm| {
                        lm.known_person && (role.country.is_none() || lm.country != role.country)
                    })
                })
            {
                return Some(p);
            }
            // "the PKK, a designated terrorist group that has fought ...":
            // a description with no country of its own, set in apposition
            // after a name, is the named actor (a relative clause on the
            // description says what the name did)
            if role.country.is_none() && !role.known_person && tree.rel(h) == "appos" {
                if let Some(named) = tree
                    .head(h)
                    .and_then(|n| view.mention(n))
                    .filter(|&n| n != m && place_ok(n))
                    .filter(|&n| {
                        view.mentions.get(n).is_some_and(|lm| {
                            !lm.role && !lm.pair && (lm.country.is_some() || lm.known_person)
                        })
                    })
                {
                    return Some(named);
                }
            }
        }
        return Some(m);
    }
    // a hyphenated pair is the two sides of the event noun it modifies,
    // not the owner of its phrase as another word's argument ("accused X
    // of violating a US-Russia agreement": the agreement's parties are not
    // what is violated)
    let usable = |m: usize| place_ok(m) && !view.mentions.get(m).is_some_and(|lm| lm.pair);
    // modifiers naming the owner, nearest kinds first
    // an apposition names the referent itself ("his counterpart, Sergio
    // Mattarella"); a possessor only the owner ("his counterpart")
    // a demonym or name modifying a weapon or good is no argument ("fired
    // North Korean missiles"); modifying a place, group or asset it names
    // its owner ("shelled Ukrainian territory", "freed Taliban prisoners")
    // (an act named by the -ing form of a weapon's noun is no weapon:
    // "Syrian government shelling killed X", "Russian bombing")
    let thing_head = words::is_thing_noun(view.lemma(h)) && !view.low(h).ends_with("ing");
    // "the Syrian wing of the PKK": a part is its organisation's
    if words::is_part_noun(view.lemma(h)) {
        if let Some(m) = kids
            .with_rel(h, "nmod")
            .filter(|&c| case_word(tree, kids, c).is_some_and(|k| view.low(k) == "of"))
            .find_map(|c| view.mention(c))
            .filter(|&m| usable(m))
        {
            return Some(m);
        }
    }
    // "a request from X", "the resolution proposed by X": a proposal's
    // author owns it (X is who is rejected or backed)
    if words::is_proposal_noun(view.lemma(h)) {
        for &c in kids.kids(h) {
            let author = match tree.rel(c) {
                "nmod" => {
                    case_word(tree, kids, c).is_some_and(|k| matches!(view.low(k), "from" | "by"))
                }
                _ => false,
            };
            let by_agent = tree.base_rel(c) == "acl"
                && tree.xpos(c) == "VBN"
                && kids.kids(c).iter().any(|&a| tree.rel(a) == "obl:agent");
            let from = if by_agent {
                kids.kids(c)
                    .iter()
                    .copied()
                    .find(|&a| tree.rel(a) == "obl:agent")
            } else {
                author.then_some(c)
            };
            // "five names that De Mistura wanted to add": the subject of a
            // relative clause putting it forward
            let relcl_author = (tree.rel(c) == "acl:relcl"
                && words::is_authoring_verb(view.lemma(c)))
            .then(|| kids.with_rel(c, "nsubj").next())
            .flatten();
            let from = from.or(relcl_author);
            if let Some(m) = from.and_then(|a| view.mention(a)).filter(|&m| usable(m)) {
                return Some(m);
            }
        }
    }
    // "the opposition's backers", "Russia's allies": a relational noun's
    // possessor is the other party, not the referent; so is its "of"
    // phrase ("critics of Erdogan", "opponents of the president": the
    // referent is left unnamed rather than given the party it opposes or
    // backs; a relative clause after "an ally of the PKK, which ..." is
    // another matter, read elsewhere)
    let relational = |n: usize| words::is_relational_noun(view.lemma(n));
    for rels in [
        &["appos"][..],
        &["flat", "compound", "amod"][..],
        &["nmod:poss"][..],
        &["nmod"][..],
    ] {
        for &c in kids.kids(h) {
            if !rels.contains(&tree.rel(c)) {
                continue;
            }
            if tree.rel(c) == "nmod:poss" && relational(h) {
                continue;
            }
            // "the family of a British soldier begged": kin and counsel
            // speak and act for themselves, not as the person they belong to
            if matches!(tree.rel(c), "nmod:poss" | "nmod") && words::is_kin_noun(view.lemma(h)) {
                continue;
            }
            if matches!(tree.rel(c), "compound" | "amod") && thing_head {
                continue;
            }
            // "the Astana process", "the Mexico City policy", "the Minsk
            // agreement": a city before an arrangement names it after
            // where it was made, it owns nothing
            if tree.rel(c) == "compound"
                && words::is_arrangement_noun(view.lemma(h))
                && view
                    .mention(c)
                    .and_then(|m| view.mentions.get(m))
                    .is_some_and(|lm| lm.city)
            {
                continue;
            }
            if tree.rel(c) == "nmod" {
                let of = case_word(tree, kids, c).is_some_and(|k| view.low(k) == "of");
                if !of || relational(h) {
                    continue;
                }
                // "an attack on Douma, north of Damascus": an "of" phrase
                // set by a compass direction says where, not whose
                if is_bearing_phrase(view, tree, kids, c) {
                    continue;
                }
            }
            if let Some(m) = view.mention(c).filter(|&m| usable(m)) {
                return Some(m);
            }
            // one level further: "the leader of the Syrian government"
            // (not "another of the opposition's backers"; nor an
            // arrangement's modifier: "the guarantors of the Syrian peace
            // process" are not Syria)
            if tree.rel(c) == "nmod" && words::is_arrangement_noun(view.lemma(c)) {
                continue;
            }
            for &g in kids.kids(c) {
                if tree.rel(g) == "nmod:poss" && relational(c) {
                    continue;
                }
                if matches!(tree.rel(g), "compound" | "amod" | "flat" | "nmod:poss") {
                    if let Some(m) = view.mention(g).filter(|&m| usable(m)) {
                        return Some(m);
                    }
                }
            }
        }
    }
    participle_agent(view, tree, kids, h, thing_head).filter(|&m| usable(m))
}

/// The agent of a past participle of doing (`words::is_doing_verb`) on a
/// noun that names no owner of its own: "condemned the continuing threats
/// made by the United States", "dismissed the protest filed by X",
/// "quashed the orders passed by the police chief": the act or document is
/// its maker's, and the maker is who is condemned or rebuffed. Other
/// participles name another part ("a coalition supported by the US", "a
/// conference boycotted by X", "positions held by X"). A weapon or good is
/// not its supplier's ("rockets fired by X" is read elsewhere), so
/// `thing_head` phrases are left alone.
fn participle_agent(
    view: &SentenceView<'_>,
    tree: &DepTree<'_>,
    kids: &DepTree<'_>,
    h: usize,
    thing_head: bool,
) -> Option<usize> {
    if thing_head {
        return None;
    }
    kids.kids(h)
        .iter()
        .copied()
        .filter(|&c| {
            c > h
                && tree.base_rel(c) == "acl"
                && tree.xpos(c) == "VBN"
                && words::is_doing_verb(view.lemma(c))
        })
        .flat_map(|c| kids.with_rel(c, "obl:agent"))
        .find_map(|a| view.mention(a))
}

/// True when the "of" phrase headed by `c` gives a bearing from a place:
/// "north of Damascus", "some 20km south-east of Idlib". The place it names
/// locates the phrase it modifies; it does not own it.
fn is_bearing_phrase(
    view: &SentenceView<'_>,
    tree: &DepTree<'_>,
    kids: &DepTree<'_>,
    c: usize,
) -> bool {
    let bearing = |k: usize| words::is_compass_bearing(view.low(k));
    if kids.kids(c).iter().any(|&k| {
        k < c && matches!(tree.base_rel(k), "advmod" | "amod" | "obl" | "nmod") && bearing(k)
    }) {
        return true;
    }
    // the parser may hang the bearing elsewhere: the word before "of"
    case_word(tree, kids, c)
        .and_then(|k| k.checked_sub(1))
        .is_some_and(|b| b < view.len() && bearing(b))
}

/// Mentions a clause's subject phrase headed by `c` names as the clause's
/// doer. An act whose own mention is absent ("the bombing of Aleppo
/// prompted X", "the siege of Ghouta led X to ...") is no actor; its "of"
/// phrase names who suffered it, never who does what the clause says. Its
/// own doer ("Russia's bombing", "Syrian shelling") may still be.
fn subject_mentions(
    view: &SentenceView<'_>,
    tree: &DepTree<'_>,
    kids: &DepTree<'_>,
    c: usize,
) -> Vec<usize> {
    let ms = np_mentions(view, tree, kids, c, false);
    if view.mention(c).is_some() || !words::is_act_on_noun(view.lemma(c)) {
        return ms;
    }
    let ofs: Vec<usize> = kids
        .with_rel(c, "nmod")
        .filter(|&o| case_word(tree, kids, o).is_some_and(|k| view.low(k) == "of"))
        .collect();
    if ofs.is_empty() {
        return ms;
    }
    let under_of = |t: usize| {
        let mut cur = t;
        for _ in 0..tree.len() {
            if ofs.contains(&cur) {
                return true;
            }
            if cur == c {
                return false;
            }
            match tree.head(cur) {
                Some(h) => cur = h,
                None => return false,
            }
        }
        false
    };
    ms.into_iter()
        .filter(|&m| !view.mentions.get(m).is_some_and(|lm| under_of(lm.last)))
        .collect()
}

/// True when the phrase headed by `c` lists members of the phrase before
/// it: "including the UK", "such as France", "notably Iran".
fn lists_members(
    view: &SentenceView<'_>,
    tree: &DepTree<'_>,
    kids: &DepTree<'_>,
    c: usize,
) -> bool {
    kids.kids(c).iter().any(|&k| {
        matches!(tree.rel(k), "case" | "mark")
            && (matches!(view.low(k), "including" | "notably" | "especially")
                || (view.low(k) == "such" && kids.kids(k).iter().any(|&f| view.low(f) == "as")))
    })
}

/// For each local mention with no country (a generic actor: "the
/// administration", "forces", "the government"), the mention in its own
/// noun phrase that gives it one: a compound, demonym or possessor ("the
/// Trump administration", "Turkish forces", "Iran's government"), an
/// "of" phrase ("forces of Assad") or "loyal to X" ("forces loyal to
/// Assad"). `has_country(m)` tells whether mention `m` carries a country.
pub fn country_donors(
    view: &SentenceView<'_>,
    tree: &DepTree<'_>,
    has_country: impl Fn(usize) -> bool,
) -> Vec<Option<usize>> {
    let mut out = vec![None; view.mentions.len()];
    for (m, lm) in view.mentions.iter().enumerate() {
        if has_country(m) {
            continue;
        }
        // the mention's head: its token whose head lies outside it
        let head = (lm.first..=lm.last.min(tree.len().saturating_sub(1)))
            .find(|&i| tree.head(i).is_none_or(|h| h < lm.first || h > lm.last))
            .unwrap_or(lm.last);
        let donor_at = |i: usize| view.mention(i).filter(|&d| d != m && has_country(d));
        let mut found = None;
        'search: for &c in tree.kids(head) {
            let rel = tree.rel(c);
            let ok = match rel {
                "compound" | "amod" | "nmod:poss" | "flat" => true,
                "nmod" => case_word(tree, tree, c).is_some_and(|k| view.low(k) == "of"),
                _ => false,
            };
            if ok {
                if let Some(d) = donor_at(c) {
                    found = Some(d);
                    break 'search;
                }
            }
            // "forces loyal to Assad": an adjective with its object
            if rel == "amod" && view.low(c) == "loyal" {
                for &g in tree.kids(c) {
                    if let Some(d) = donor_at(g) {
                        found = Some(d);
                        break 'search;
                    }
                }
            }
        }
        out[m] = found;
    }
    out
}

/// The clauses verb `i` reports: its `ccomp` and `parataxis` clauses, and
/// when `i` is itself a reporting clause hung on the report ("The US must
/// do more, the opposition leader said": `said` is a `parataxis` of `do`),
/// that report; each with the clauses coordinated with it.
fn reported_clauses(view: &SentenceView<'_>, tree: &DepTree<'_>, i: usize) -> Vec<usize> {
    let mut out: Vec<usize> = tree
        .kids(i)
        .iter()
        .copied()
        .filter(|&c| matches!(tree.rel(c), "ccomp" | "parataxis"))
        .collect();
    // a bare reporting clause after the report ("..., X said"), not a
    // clause of its own joined by a semicolon ("...; X tweeted a photo")
    let bare = !tree
        .kids(i)
        .iter()
        .any(|&k| matches!(tree.rel(k), "obj" | "ccomp" | "xcomp" | "parataxis"));
    if tree.rel(i) == "parataxis" && bare {
        out.extend(tree.head(i).filter(|&h| h < i));
    }
    // the same reporting clause the parser hung on the report as a relative
    // or adverbial clause ("... but must do more, the opposition leader has
    // said"): bare, its own subject no relative pronoun, after a comma
    let misattached = matches!(tree.rel(i), "acl:relcl" | "acl" | "advcl" | "ccomp");
    if misattached && bare && trailing_reporting_clause(view, tree, i) {
        out.extend(tree.head(i).filter(|&h| h < i));
    }
    let mut k = 0;
    while k < out.len() && out.len() < 12 {
        for c in tree.with_rel(out[k], "conj") {
            if c != i && !out.contains(&c) {
                out.push(c);
            }
        }
        k += 1;
    }
    out
}

/// Whether verb `i` opens a trailing ", X (has) said": its subject is no
/// relative pronoun, stands before it, and follows a comma that nothing
/// else of the clause precedes.
fn trailing_reporting_clause(view: &SentenceView<'_>, tree: &DepTree<'_>, i: usize) -> bool {
    let kids = tree.kids(i);
    let Some(subject) = kids.iter().copied().find(|&k| tree.rel(k) == "nsubj") else {
        return false;
    };
    if subject > i || is_relative_pronoun(view.low(subject)) {
        return false;
    }
    // the clause's first word: the subject's own first word (determiners,
    // modifiers) or an earlier dependent of the verb
    let mut first = subject;
    let mut stack = vec![subject];
    while let Some(k) = stack.pop() {
        for &c in tree.kids(k) {
            first = first.min(c);
            stack.push(c);
        }
    }
    for &k in kids {
        if tree.rel(k) != "punct" {
            first = first.min(k);
        }
    }
    first
        .checked_sub(1)
        .is_some_and(|comma| view.low(comma) == ",")
        && !kids.iter().any(|&k| is_relative_pronoun(view.low(k)))
}

/// The subjects of clause `c`; a coordinated clause without one of its own
/// shares the first clause's ("the US is showing a commitment but must do
/// more").
fn clause_subjects(tree: &DepTree<'_>, c: usize) -> Vec<usize> {
    let own = |c: usize| -> Vec<usize> {
        tree.kids(c)
            .iter()
            .copied()
            .filter(|&k| matches!(tree.rel(k), "nsubj" | "nsubj:pass"))
            .collect()
    };
    let subjects = own(c);
    match tree.head(c) {
        Some(h) if subjects.is_empty() && tree.rel(c) == "conj" => own(h),
        _ => subjects,
    }
}

/// Who an obligation clause obliges: its subject, but in a passive clause
/// the "by" agent, if any ("foreign fighters should be brought to justice"
/// demands nothing of the fighters; "should be tried by Iraqi courts"
/// of the courts).
fn obliged_parties(tree: &DepTree<'_>, c: usize) -> Vec<usize> {
    let subjects = clause_subjects(tree, c);
    if !subjects.iter().any(|&k| tree.rel(k) == "nsubj:pass") {
        return subjects;
    }
    tree.kids(c)
        .iter()
        .copied()
        .filter(|&k| tree.rel(k) == "obl:agent")
        .collect()
}

/// Verbs whose subject undergoes rather than does what the clause says
/// ("Y faced a terrible crisis", "Y lost the war"): nothing said with them
/// blames the subject.
fn undergoes(lemma: &str) -> bool {
    matches!(
        lemma,
        "face"
            | "die"
            | "perish"
            | "suffer"
            | "endure"
            | "experience"
            | "undergo"
            | "survive"
            | "lose"
            | "fear"
            | "confront"
            | "escape"
            | "flee"
            | "receive"
            | "mourn"
            | "grieve"
            | "worry"
            | "witness"
            | "see"
            | "feel"
            | "need"
            | "want"
            | "fight"
            | "combat"
            | "tackle"
            | "oppose"
            | "resist"
            | "prevent"
            | "stop"
            | "end"
            | "investigate"
            | "report"
    )
}

/// How negative an act must be to blame its doer when the act itself is the
/// negative word ("Y betrayed its allies", not "Y defeated Isis"): VADER's
/// raters put betray at -3.2, defeat at -2.0.
const WRONGFUL_ACT: f32 = -2.5;

/// The heads of the parties clause `c`, reported by a speaker, blames: its
/// subject (or the doer of an act-noun subject, `judged_parties`) when the
/// clause judges what the subject is or does (`blames`),
/// or the doer of an extraposed infinitive ("it was wrong for Turkey to
/// ...", `extraposed_doers`).
fn blamed_parties(
    view: &SentenceView<'_>,
    tree: &DepTree<'_>,
    patterns: &PatternSet,
    c: usize,
) -> Vec<usize> {
    if let Some(doers) = extraposed_doers(view, tree, patterns, c) {
        return doers;
    }
    if blames(view, tree, patterns, c) {
        judged_parties(view, tree, patterns, c)
    } else {
        Vec::new()
    }
}

/// Whether `c` is modified by a negation, a modal of possibility or a
/// hedge ("is not", "would be", "could", "perhaps", "potentially"): what
/// it says is not asserted.
fn negated_or_hypothetical(view: &SentenceView<'_>, tree: &DepTree<'_>, c: usize) -> bool {
    tree.kids(c).iter().any(|&k| {
        let low = view.low(k);
        (tree.rel(k) == "advmod"
            && (words::is_not_adverb(low) || low == "longer" || words::is_hedge_adverb(low)))
            || (tree.rel(k) == "aux"
                && matches!(low, "would" | "could" | "might" | "may" | "cannot"))
    })
}

/// An extraposed judgment of an act: clause `c` is "it is ADJ (for/of Y)
/// to VERB" with "it" as its subject and an adjective of conduct
/// (`evaluative/conduct.tsv`: "wrong", "irresponsible", "unacceptable")
/// as its predicate. None when `c` is no such clause (then `blames`
/// reads it); else the heads of who does the judged act: "for Y" as the
/// infinitive's subject or an "of Y"/"for Y" phrase on the adjective
/// ("it was wrong of Turkey to ..."), possibly none ("it is ludicrous to
/// attempt ...": no party named). Nothing when the infinitive is passive
/// ("for civilians to be bombed": Y undergoes the act), when the
/// adjective is one of degree ("too reckless for Y to ...") or the
/// clause is negated or hypothetical ("it would be wrong for Y to ...":
/// a warning, not a charge).
fn extraposed_doers(
    view: &SentenceView<'_>,
    tree: &DepTree<'_>,
    patterns: &PatternSet,
    c: usize,
) -> Option<Vec<usize>> {
    let kids = tree.kids(c);
    let expletive = kids.iter().any(|&k| {
        k < c && (tree.rel(k) == "expl" || (tree.rel(k) == "nsubj" && view.low(k) == "it"))
    });
    let copular = kids.iter().any(|&k| tree.rel(k) == "cop");
    if !expletive || !copular || !patterns.is_conduct_word(view.low(c)) {
        return None;
    }
    let infinitive = kids.iter().copied().find(|&k| {
        k > c
            && matches!(tree.rel(k), "csubj" | "ccomp" | "xcomp" | "advcl")
            && tree
                .kids(k)
                .iter()
                .any(|&m| tree.rel(m) == "mark" && view.low(m) == "to")
    })?;
    let degree = kids
        .iter()
        .any(|&k| tree.rel(k) == "advmod" && matches!(view.low(k), "too" | "enough"));
    let passive = tree
        .kids(infinitive)
        .iter()
        .any(|&m| matches!(tree.rel(m), "aux:pass" | "nsubj:pass"));
    if degree || passive || negated_or_hypothetical(view, tree, c) {
        return Some(Vec::new());
    }
    let mut doers: Vec<usize> = tree
        .kids(infinitive)
        .iter()
        .copied()
        .filter(|&m| tree.rel(m) == "nsubj" && m < infinitive)
        .collect();
    doers.extend(kids.iter().copied().filter(|&k| {
        k > c
            && k < infinitive
            && tree.rel(k) == "obl"
            && case_word(tree, tree, k).is_some_and(|w| matches!(view.low(w), "for" | "of"))
    }));
    Some(doers)
}

/// A verb of failing or betraying a party (`evaluative/failing.tsv`:
/// "fail", "let down", "abandon") whose direct object is a party: an actor
/// or a personal pronoun ("failed us", "let its allies down", "abandoned
/// the Kurds"; not "failed to agree", "abandoned its plan").
fn wrongs_a_party(
    view: &SentenceView<'_>,
    tree: &DepTree<'_>,
    patterns: &PatternSet,
    c: usize,
) -> bool {
    let kids = tree.kids(c);
    let particle = kids
        .iter()
        .copied()
        .find(|&k| tree.rel(k) == "compound:prt")
        .map(|k| view.low(k));
    if !patterns.is_failing_verb(view.lemma(c), particle) {
        return false;
    }
    kids.iter().any(|&k| {
        tree.rel(k) == "obj"
            && (matches!(view.low(k), "us" | "them" | "him" | "her" | "you" | "me")
                || !np_mentions(view, tree, tree, k, false).is_empty())
    })
}

/// Whether clause `c`, reported by a speaker, says something strongly
/// negative about what its (active) subject is or does: a copular predicate
/// ("Y is a terror group", "Y's move was a blatant violation") or an act
/// with an object ("Y holds abhorrent views", "Y betrayed its allies"). The
/// subject must name the actor itself or its owner ("the US's move"), not
/// a victim ("the death of any child is tragic"). Not when the clause is
/// negated (a denial) or hypothetical (would, could, might, may), when its
/// verb triggers a pattern of its own (that event is coded and carries the
/// attribution), or when the subject undergoes the act.
fn blames(view: &SentenceView<'_>, tree: &DepTree<'_>, patterns: &PatternSet, c: usize) -> bool {
    let kids = tree.kids(c);
    let Some(subject) = kids.iter().copied().find(|&k| tree.rel(k) == "nsubj") else {
        return false;
    };
    let names_actor = view.mention(subject).is_some()
        || tree
            .kids(subject)
            .iter()
            .any(|&d| matches!(tree.rel(d), "nmod:poss" | "compound" | "conj"))
        || act_doer(view, tree, patterns, subject).is_some();
    let negated_or_hypothetical = negated_or_hypothetical(view, tree, c);
    // a relative clause the parser took for a report ("fighters whom
    // Turkey considers terrorists")
    let relative = kids
        .iter()
        .any(|&k| matches!(view.low(k), "whom" | "who" | "which" | "whose"));
    if !names_actor || negated_or_hypothetical || relative || undergoes(view.lemma(c)) {
        return false;
    }
    let valence = |k: usize| {
        patterns
            .negative_valence(view.low(k))
            .or_else(|| patterns.negative_valence(view.lemma(k)))
    };
    let copular = kids.iter().any(|&k| tree.rel(k) == "cop") || tree.upos(c) != "VERB";
    // "X is under attack", "X is at risk": a plight, not a charge (unlike
    // "X is behind the attack")
    if copular
        && case_word(tree, tree, c)
            .is_some_and(|k| matches!(view.low(k), "under" | "at" | "amid" | "among" | "without"))
    {
        return false;
    }
    if !copular {
        // "X said Y had failed us", "... let its allies down": a verb of
        // failing or betraying a party (its own patterns, if any, need a
        // thing: "abandon * plan")
        if wrongs_a_party(view, tree, patterns, c) {
            return true;
        }
        if patterns.has_trigger(TriggerKind::Verb, view.lemma(c)) {
            return false;
        }
        // "X behaved shamefully", "Y acted irresponsibly": an intransitive
        // act judged by a manner adverb after it, an adverb in -ly of an
        // adjective of conduct (`evaluative/conduct.tsv`: "shameful" + ly);
        // not any negative word ("reacted angrily" says how Y felt, "badly
        // needed" is degree)
        let has_object = kids.iter().any(|&k| matches!(tree.rel(k), "obj" | "xcomp"));
        if !has_object
            && kids.iter().any(|&k| {
                k > c
                    && tree.rel(k) == "advmod"
                    && manner_adverb_base(view.low(k))
                        .is_some_and(|base| patterns.is_conduct_word(&base))
            })
        {
            return true;
        }
        if !has_object {
            return false;
        }
        if valence(c).is_some_and(|v| v <= WRONGFUL_ACT) {
            return true;
        }
    }
    // the predicate (for an act, what it is done to), four levels down,
    // without the subject and without clauses of their own (what a
    // relative clause says is said of another noun)
    let clausal = |rel: &str| {
        rel.starts_with("nsubj")
            || rel.starts_with("csubj")
            || matches!(rel, "ccomp" | "advcl" | "acl:relcl" | "parataxis" | "acl")
    };
    let mut frontier: Vec<usize> = if copular {
        vec![c]
    } else {
        kids.iter()
            .copied()
            .filter(|&k| matches!(tree.rel(k), "obj" | "xcomp"))
            .collect()
    };
    for _ in 0..4 {
        let mut next = Vec::new();
        for &k in &frontier {
            if valence(k).is_some() {
                return true;
            }
            next.extend(
                tree.kids(k)
                    .iter()
                    .copied()
                    .filter(|&d| !clausal(tree.rel(d))),
            );
        }
        frontier = next;
    }
    false
}

/// The doer named in a phrase of an act noun that names no actor itself:
/// its "by" phrase ("the suggestion by X"), or its "of" phrase when the noun
/// is one of an actor's own act (`evaluative/conduct-nouns.tsv`: "the
/// silence of X", not "the death of X"). Only a phrase that names an actor
/// ("the Nato members").
fn act_doer(
    view: &SentenceView<'_>,
    tree: &DepTree<'_>,
    patterns: &PatternSet,
    n: usize,
) -> Option<usize> {
    if view.mention(n).is_some()
        || tree
            .kids(n)
            .iter()
            .any(|&d| matches!(tree.rel(d), "nmod:poss" | "compound"))
    {
        return None;
    }
    let of_doer = patterns.is_conduct_noun(view.lemma(n)) || patterns.is_conduct_noun(view.low(n));
    tree.with_rel(n, "nmod").find(|&m| {
        (view.mention(m).is_some() || !np_mentions(view, tree, tree, m, false).is_empty())
            && case_word(tree, tree, m).is_some_and(|k| match view.low(k) {
                "by" => true,
                "of" => of_doer,
                _ => false,
            })
    })
}

/// Who a judging clause `c` judges: its subjects, but for a subject that is
/// an act named with its doer and no actor of its own, that doer ("the
/// silence of X is unacceptable" judges X).
fn judged_parties(
    view: &SentenceView<'_>,
    tree: &DepTree<'_>,
    patterns: &PatternSet,
    c: usize,
) -> Vec<usize> {
    clause_subjects(tree, c)
        .into_iter()
        .map(|k| act_doer(view, tree, patterns, k).unwrap_or(k))
        .collect()
}

/// The adjective a manner adverb in -ly is made from: "shamefully" →
/// "shameful", "irresponsibly" → "irresponsible", "angrily" → "angry".
/// None for a word that is not such an adverb.
fn manner_adverb_base(word: &str) -> Option<String> {
    if word.len() < 6 || !word.is_ascii() {
        return None;
    }
    let stem = word.strip_suffix("ly")?;
    if let Some(s) = stem.strip_suffix("ib") {
        return Some(format!("{s}ible"));
    }
    if let Some(s) = stem.strip_suffix("ab") {
        return Some(format!("{s}able"));
    }
    if let Some(s) = stem.strip_suffix('i') {
        return Some(format!("{s}y"));
    }
    Some(stem.to_string())
}

/// Whether clause head `c` carries an obligation: should, must, ought to,
/// or need/have to.
fn is_obliged(view: &SentenceView<'_>, tree: &DepTree<'_>, c: usize) -> bool {
    let modal = tree.kids(c).iter().any(|&k| {
        tree.rel(k).starts_with("aux") && matches!(view.low(k), "should" | "must" | "ought")
    });
    // "need to leave", "has to leave": the clause head is need/have with an
    // infinitive
    let need = matches!(view.lemma(c), "need" | "have")
        && tree.kids(c).iter().any(|&k| {
            tree.rel(k) == "xcomp"
                && tree
                    .kids(k)
                    .iter()
                    .any(|&m| tree.rel(m) == "mark" && view.low(m) == "to")
        });
    // "demanded that Dbeibeh appear": a subjunctive (a bare verb after
    // "that", no modal) is what a demand asks for
    // (not an infinitive the parser hung "that" on: "said that the
    // government's decision to use X meant ...")
    let subjunctive = tree.xpos(c) == "VB"
        && tree
            .kids(c)
            .iter()
            .any(|&k| tree.rel(k) == "mark" && view.low(k) == "that")
        && !tree.kids(c).iter().any(|&k| {
            tree.rel(k).starts_with("aux") || (tree.rel(k) == "mark" && view.low(k) == "to")
        });
    // "X will have to pay the price", "X must face the consequences": a
    // penalty the obliged party is told it will suffer threatens it, it
    // asks nothing of it
    let act = if need {
        tree.kids(c)
            .iter()
            .copied()
            .find(|&k| tree.rel(k) == "xcomp")
            .unwrap_or(c)
    } else {
        c
    };
    (modal || need || subjunctive) && !is_penalty(view, tree, act)
}

/// A penalty suffered: "pay the price", "pay dearly", "face the
/// consequences", "regret it".
fn is_penalty(view: &SentenceView<'_>, tree: &DepTree<'_>, v: usize) -> bool {
    let object = |nouns: &[&str]| {
        tree.kids(v)
            .iter()
            .any(|&k| tree.rel(k) == "obj" && nouns.contains(&view.lemma(k)))
    };
    match view.lemma(v) {
        "pay" => {
            object(&["price", "cost"])
                || tree.kids(v).iter().any(|&k| {
                    tree.rel(k) == "advmod" && matches!(view.low(k), "dearly" | "heavily")
                })
        }
        "face" | "bear" | "suffer" => object(&["consequence", "consequences", "wrath"]),
        "regret" => true,
        _ => false,
    }
}

/// The noun a relative clause without a relative word is about, when the
/// clause lacks its object ([`zero_relative_object`]): "a message he gave to
/// the council" gives a message. Nouns of time, manner, reason and place
/// are the clause's circumstance, not its object ("the day Russia withdrew",
/// "the way he spoke").
fn relative_gap(
    view: &SentenceView<'_>,
    tree: &DepTree<'_>,
    kids: &DepTree<'_>,
    verb: usize,
    passive: bool,
) -> Option<usize> {
    let noun = tree.head(verb).filter(|&h| h < verb)?;
    let adverbial = words::is_time_unit(view.lemma(noun))
        || matches!(
            view.lemma(noun),
            "time" | "moment" | "way" | "reason" | "place" | "period" | "weekend"
        );
    let relative =
        tree.rel(verb) == "acl:relcl" && matches!(tree.upos(noun), "NOUN" | "PROPN") && !adverbial;
    (relative && zero_relative_object(view, tree, kids, verb, passive)).then_some(noun)
}

/// A relative pronoun object stands for the noun its clause modifies:
/// "the weapons which Iran sent" sends weapons, not "which".
fn relative_antecedent(
    view: &SentenceView<'_>,
    tree: &DepTree<'_>,
    verb: usize,
    object: usize,
) -> usize {
    let pronoun = object < verb && matches!(view.low(object), "that" | "which" | "whom");
    match tree.head(verb) {
        Some(noun) if pronoun && noun < object && tree.rel(verb) == "acl:relcl" => noun,
        _ => object,
    }
}

/// The recipient of a verb of handing goods over with two objects, the
/// recipient first ("sells him arms", "supplied them weapons"): an actor
/// object (`obj` or `iobj`) right before a second `obj` that names no actor,
/// nothing but words of that phrase between. `None` for one object, for a
/// verb outside [`words::is_goods_transfer_verb`], or when the second
/// object is itself an actor ("sold the rebels' weapons" is one phrase).
fn dative_recipient(
    view: &SentenceView<'_>,
    tree: &DepTree<'_>,
    kids: &DepTree<'_>,
    verb: usize,
) -> Option<(usize, Vec<usize>)> {
    if !words::is_goods_transfer_verb(view.lemma(verb)) || tree.upos(verb) != "VERB" {
        return None;
    }
    let mut objects = kids
        .kids(verb)
        .iter()
        .copied()
        .filter(|&c| c > verb && matches!(tree.rel(c), "obj" | "iobj"));
    let (first, theme) = (objects.next()?, objects.next()?);
    if tree.rel(theme) != "obj"
        || theme - first > 6
        || (first + 1..theme).any(|k| tree.upos(k) == "PUNCT" || view.low(k) == ",")
        || tree.upos(theme) == "PROPN"
        || view.mention(theme).is_some()
    {
        return None;
    }
    let ms = np_mentions(view, tree, kids, first, false);
    (!ms.is_empty()).then_some((first, ms))
}

/// "gave US special forces access to X": of two objects right after each
/// other the second is the thing given, the first the parser's slip for an
/// indirect object. Only close objects with no punctuation between them: a
/// distant second "obj" is usually a misattached apposition.
fn double_object_theme(
    view: &SentenceView<'_>,
    tree: &DepTree<'_>,
    kids: &[usize],
    verb: usize,
) -> Option<usize> {
    let mut objects = kids
        .iter()
        .copied()
        .filter(|&c| tree.rel(c) == "obj" && c > verb);
    let (first, second) = (objects.next()?, objects.next()?);
    let close = second - first <= 8
        && (first + 1..second).all(|k| tree.upos(k) != "PUNCT" && view.low(k) != ",");
    close.then_some(second)
}

/// True when verb `i` is the to-infinitive saying what a telephone call was
/// made for: "called the Kenyan president to congratulate him", "phoned X to
/// discuss the crisis" (a bare "call" with a direct object, no "on"/"upon":
/// "called on X to withdraw" asks; and a verb of saying, thanking or
/// discussing, which the call itself does: "called the parties to return to
/// talks" summons them and stays a request).
pub(crate) fn is_call_purpose(view: &SentenceView<'_>, tree: &DepTree<'_>, i: usize) -> bool {
    if !matches!(tree.base_rel(i), "xcomp" | "advcl")
        || !tree
            .kids(i)
            .iter()
            .any(|&c| tree.rel(c) == "mark" && view.low(c) == "to")
        || !words::is_call_purpose_verb(view.lemma(i))
    {
        return false;
    }
    let Some(h) = tree.head(i) else {
        return false;
    };
    // "called on Ghana to", "called upon", "called up": the word right
    // after the verb ("called X on Friday to ..." still telephones)
    matches!(view.lemma(h), "call" | "phone" | "telephone" | "ring")
        && tree.kids(h).iter().any(|&c| tree.rel(c) == "obj" && c < i)
        && !matches!(view.low(h + 1), "on" | "upon" | "up" | "for")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// "Allies drained stocks of arms in Europe and beyond to help Kyiv",
    /// with the purpose clause hung on "beyond" as the greedy parser does.
    fn misattached_purpose() -> DepTree<'static> {
        // 0 Allies 1 drained 2 stocks 3 of 4 arms 5 in 6 Europe 7 and
        // 8 beyond 9 to 10 help 11 Kyiv
        let head = vec![
            Some(1),
            None,
            Some(1),
            Some(4),
            Some(2),
            Some(6),
            Some(4),
            Some(8),
            Some(4),
            Some(10),
            Some(8),
            Some(10),
        ];
        let rel = vec![
            "nsubj", "root", "obj", "case", "nmod", "case", "nmod", "cc", "conj", "mark", "advcl",
            "obj",
        ];
        let upos = vec![
            "NOUN", "VERB", "NOUN", "ADP", "NOUN", "ADP", "PROPN", "CCONJ", "ADP", "PART", "VERB",
            "PROPN",
        ];
        let xpos = vec![
            "NNS", "VBD", "NNS", "IN", "NNS", "IN", "NNP", "CC", "IN", "TO", "VB", "NNP",
        ];
        DepTree::new(head, rel, upos, xpos)
    }

    #[test]
    fn a_purpose_clause_hung_inside_the_object_serves_the_verb() {
        let tree = misattached_purpose();
        let mut pred_at = vec![None; tree.len()];
        pred_at[1] = Some(0);
        pred_at[10] = Some(1);
        let is_to = |c: usize| c == 9;
        assert_eq!(purpose_host(&tree, &tree, 10, 8, &pred_at, is_to), Some(1));
        // no "to": not a purpose infinitive
        assert_eq!(purpose_host(&tree, &tree, 10, 8, &pred_at, |_| false), None);
        // the host that is a predicate of its own keeps the clause
        pred_at[8] = Some(2);
        assert_eq!(purpose_host(&tree, &tree, 10, 8, &pred_at, is_to), None);
    }

    #[test]
    fn a_purpose_clause_under_a_subject_or_a_nominal_predicate_stays() {
        // 0 Troops 1 to 2 help 3 arrived: the clause under the subject
        let tree = DepTree::new(
            vec![Some(3), Some(2), Some(0), None],
            vec!["nsubj", "mark", "advcl", "root"],
            vec!["NOUN", "PART", "VERB", "VERB"],
            vec!["NNS", "TO", "VB", "VBD"],
        );
        let pred_at = vec![None, None, Some(1), Some(0)];
        assert_eq!(purpose_host(&tree, &tree, 2, 0, &pred_at, |c| c == 1), None);
        // 0 It 1 was 2 a 3 mistake 4 to 5 help: "mistake" is a predicate
        let tree = DepTree::new(
            vec![Some(3), Some(3), Some(3), None, Some(5), Some(3)],
            vec!["nsubj", "cop", "det", "root", "mark", "advcl"],
            vec!["PRON", "AUX", "DET", "NOUN", "PART", "VERB"],
            vec!["PRP", "VBD", "DT", "NN", "TO", "VB"],
        );
        let pred_at = vec![None, None, None, None, None, Some(0)];
        assert_eq!(purpose_host(&tree, &tree, 5, 3, &pred_at, |c| c == 4), None);
    }
}
