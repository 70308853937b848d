//! Targets reached through a verb's complement clause, on the parse.
//!
//! A verb of refusing, demanding or threatening often names its
//! counterpart only inside the clause it governs: "refused to meet *the
//! envoy*", "refused to lift sanctions *on Iran*", "threatened to move
//! *against the city*", "demanded that *the minister* resign". The trigger's
//! own slots are then empty, so its event had no target. This module
//! records, for every verb, the actors such a clause links: the patient of
//! its controlled verb (`xcomp`, or a to-infinitive `advcl`), else that
//! verb's first recipient-like prepositional object, one level further
//! down when that verb itself only governs another clause ("refused to
//! allow X to …"); and the subject of a subjunctive `that` clause ("demanded
//! that X resign": a bare verb with no auxiliary). The matcher uses them
//! only when a pattern's object slot is empty (`SlotUse::Complement`, at
//! lower confidence); the complement's own event is coded as before.

use super::tree::DepTree;
use super::view::SentenceView;
use super::{Predicate, TriggerKind};

/// Prepositions whose object may be the counterpart of a complement's act,
/// in order of preference (recipients and counterparts; not "of", "by" or
/// places).
const COUNTERPART_PREPS: [&str; 7] = ["against", "on", "with", "to", "upon", "at", "from"];

/// Verbs whose complement names their counterpart: refusing, demanding and
/// threatening are acts towards whoever the complement's act reaches
/// ("refused to meet X" rejects X). Not verbs of trying, helping, pledging
/// or sending, whose complement is a purpose ("sought to reassure X", "sent
/// forces to oust X", "pledged to close X"); nor agreeing, whose complement
/// is as often the subject's own business ("agreed to shut down its
/// charity"; with it, 1 more PLV row and more other-type synthetic events).
const COUNTERPART_VERBS: [&str; 4] = ["refuse", "demand", "insist", "threaten"];

/// Verbs of giving whose purpose clause may name who is given to:
/// "donated ventilators to assist *Ethiopia*", "provided $2 million to
/// support *the refugees*". Only through a verb of helping (below): "sent
/// aircraft to attack X" names a foe, not a recipient.
const GIVING_VERBS: [&str; 8] = [
    "provide",
    "give",
    "donate",
    "send",
    "deliver",
    "contribute",
    "supply",
    "allocate",
];

/// Verbs of helping whose patient is the one a gift is for.
const HELPING_VERBS: [&str; 5] = ["help", "assist", "support", "aid", "benefit"];

/// How deep a chain of complement clauses is followed ("refused to allow
/// X to …" is two).
const MAX_DEPTH: usize = 2;

/// Fills [`Predicate::complement`] for every verb predicate.
pub(super) fn fill(
    view: &SentenceView<'_>,
    tree: &DepTree<'_>,
    preds: &mut [Predicate],
    pred_at: &[Option<usize>],
) {
    let found: Vec<Vec<usize>> = (0..preds.len())
        .map(|pi| reach(view, tree, preds, pred_at, pi, 0))
        .collect();
    for (p, ms) in preds.iter_mut().zip(found) {
        p.complement = ms;
    }
}

/// The actors the complement clauses of predicate `pi` link, nearest first.
fn reach(
    view: &SentenceView<'_>,
    tree: &DepTree<'_>,
    preds: &[Predicate],
    pred_at: &[Option<usize>],
    pi: usize,
    depth: usize,
) -> Vec<usize> {
    let Some(p) = preds.get(pi) else {
        return Vec::new();
    };
    if p.kind != TriggerKind::Verb || depth > MAX_DEPTH {
        return Vec::new();
    }
    if depth == 0 && !p.passive && GIVING_VERBS.contains(&p.lemma.as_str()) {
        return helped(view, tree, preds, pred_at, p);
    }
    // the trigger itself must be such a verb, in the active voice ("Britons
    // killed fighting X" are no killers of X)
    if depth == 0 && (p.passive || !COUNTERPART_VERBS.contains(&p.lemma.as_str())) {
        return Vec::new();
    }
    let i = p.head;
    // the subject's own things are no counterpart ("agreed to shut down
    // his charity", "threatened to send its forces")
    let own = |q: &Predicate, ms: &[usize]| -> Vec<usize> {
        ms.iter()
            .copied()
            .filter(|m| !p.subject.contains(m) && !q.subject.contains(m))
            .filter(|&m| !owned_by_pronoun(view, tree, m))
            .collect()
    };
    for &c in tree.kids(i) {
        let Some(q) = pred_at.get(c).copied().flatten().and_then(|q| preds.get(q)) else {
            continue;
        };
        if q.kind != TriggerKind::Verb {
            continue;
        }
        let controlled = match tree.rel(c) {
            "xcomp" => true,
            // the parser's other reading of a to-infinitive (not further
            // down, where it is a purpose: "to use its influence to X")
            "advcl" if depth == 0 => tree
                .kids(c)
                .iter()
                .any(|&k| tree.rel(k) == "mark" && view.low(k) == "to"),
            _ => false,
        };
        // "demanded concrete steps to destroy X": whoever is to undergo the
        // demanded act is not the one asked; a demand names its addressee
        // in a "that" clause ("demanded that X resign") or as the
        // counterpart of the act ("demanding to negotiate with Washington")
        let demand = depth == 0 && matches!(p.lemma.as_str(), "demand" | "insist");
        if controlled {
            // an act named by an event noun reaches its own target, not the
            // complement's counterpart ("refused to back the invasion of X")
            let act_object = tree.kids(c).iter().any(|&k| {
                tree.rel(k) == "obj"
                    && pred_at
                        .get(k)
                        .copied()
                        .flatten()
                        .and_then(|o| preds.get(o))
                        .is_some_and(|o| o.kind == TriggerKind::Noun)
            });
            let patient = if act_object || demand {
                Vec::new()
            } else {
                own(q, &q.patient())
            };
            if !patient.is_empty() {
                return patient;
            }
            for prep in COUNTERPART_PREPS {
                if let Some(ms) = q.prep(prep) {
                    let ms = own(q, ms);
                    if !ms.is_empty() {
                        return ms;
                    }
                }
            }
            if let Some(qi) = pred_at.get(c).copied().flatten() {
                let deeper = reach(view, tree, preds, pred_at, qi, depth + 1);
                if !deeper.is_empty() {
                    return own(q, &deeper);
                }
            }
        } else if tree.rel(c) == "ccomp" && subjunctive(view, tree, c) {
            let subject: Vec<usize> = q
                .subject
                .iter()
                .copied()
                .filter(|m| !p.subject.contains(m))
                .collect();
            if !subject.is_empty() {
                return subject;
            }
        }
    }
    Vec::new()
}

/// Whom a gift's purpose clause helps: the patient of a to-infinitive of
/// helping under the giving verb or under its object ("provided $2 million
/// in assistance to support X"), not the giver's own ("to support its
/// troops").
fn helped(
    view: &SentenceView<'_>,
    tree: &DepTree<'_>,
    preds: &[Predicate],
    pred_at: &[Option<usize>],
    p: &Predicate,
) -> Vec<usize> {
    let i = p.head;
    let to_infinitive = |c: usize| {
        matches!(tree.rel(c), "xcomp" | "advcl" | "acl")
            && tree
                .kids(c)
                .iter()
                .any(|&k| tree.rel(k) == "mark" && view.low(k) == "to")
    };
    // the clause hangs on the verb, or on its object's noun phrase, where
    // the parser may put it on a conjunct or an "of" noun ("a shipment of
    // ventilators and other equipment to assist X")
    let mut clauses: Vec<usize> = tree.kids(i).to_vec();
    let mut nouns: Vec<usize> = tree
        .kids(i)
        .iter()
        .copied()
        .filter(|&k| matches!(tree.rel(k), "obj" | "obl"))
        .collect();
    for _ in 0..3 {
        let mut next = Vec::new();
        for &n in &nouns {
            for &k in tree.kids(n) {
                clauses.push(k);
                if matches!(tree.rel(k), "nmod" | "conj") {
                    next.push(k);
                }
            }
        }
        nouns = next;
    }
    for c in clauses.into_iter().filter(|&c| to_infinitive(c)) {
        let Some(q) = pred_at.get(c).copied().flatten().and_then(|q| preds.get(q)) else {
            continue;
        };
        if q.kind != TriggerKind::Verb || !HELPING_VERBS.contains(&q.lemma.as_str()) {
            continue;
        }
        let ms: Vec<usize> = q
            .patient()
            .iter()
            .copied()
            .filter(|m| !p.subject.contains(m) && !q.subject.contains(m))
            .filter(|&m| !owned_by_pronoun(view, tree, m))
            .collect();
        if !ms.is_empty() {
            return ms;
        }
    }
    Vec::new()
}

/// A clause whose verb is a bare form with no auxiliary and no "to", under
/// "that" or nothing: "(demanded) that X resign".
fn subjunctive(view: &SentenceView<'_>, tree: &DepTree<'_>, c: usize) -> bool {
    tree.xpos(c) == "VB"
        && !tree.kids(c).iter().any(|&k| {
            matches!(tree.rel(k), "aux" | "aux:pass" | "cop")
                || (tree.rel(k) == "mark" && view.low(k) != "that")
        })
        && tree.kids(c).iter().any(|&k| tree.rel(k) == "nsubj")
}

/// A mention whose head has a possessive pronoun ("his charity", "its
/// forces", "their own troops").
fn owned_by_pronoun(view: &SentenceView<'_>, tree: &DepTree<'_>, m: usize) -> bool {
    let Some(lm) = view.mentions.get(m) else {
        return false;
    };
    let possessive = |k: usize| {
        matches!(
            view.low(k),
            "his" | "her" | "its" | "their" | "our" | "my" | "your"
        )
    };
    // any word of the mention may carry it: a mention may run on past its
    // head ("its troops in Iraq" read as one mention)
    (lm.first < lm.last && possessive(lm.first))
        || (lm.first..=lm.last).any(|w| {
            tree.kids(w)
                .iter()
                .any(|&k| tree.rel(k) == "nmod:poss" && possessive(k))
        })
}
