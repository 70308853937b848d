//! The arguments of a predicate: its subject (with coordination,
//! apposition and relative clauses), direct object and prepositional objects.

use std::borrow::Cow;

use dyad_core::Pos;

use super::{Predicate, SentenceView, WINDOW};
use crate::patterns::TriggerKind;
use crate::words;

pub(super) fn find_subject(view: &SentenceView<'_>, p: &Predicate) -> Vec<usize> {
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
            if lm.place {
                // "An Israeli airstrike in Syria killed …": walk past the place
                k = lm.first;
                continue;
            }
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

pub(super) fn find_object(view: &SentenceView<'_>, p: &Predicate) -> Vec<usize> {
    let mut k = p.head + 1;
    // "rebuff what he called the dominance of X": the object is what follows
    // the naming frame
    let naming_end = naming_frame_end(view, k);
    let limit = match naming_end {
        Some(end) => (end + WINDOW).min(view.len()),
        None => (p.head + WINDOW).min(p.clause_end),
    };
    k = naming_end.unwrap_or(k);
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
                    Pos::DT
                        | Pos::CD
                        | Pos::PRPS
                        | Pos::POS
                        | Pos::PDT
                        | Pos::RP
                        // scare quotes: the "special military operation"
                        | Pos::OpenQuote
                        | Pos::CloseQuote
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

/// Verbs that name what follows them in a free relative ("what he called",
/// "what officials described as").
const NAMING_VERBS: &[&str] = &["call", "describe", "term", "dub", "label", "brand"];

/// When a free relative naming frame starts at `k` ("what he called", "what
/// Moscow described as"), the token after it.
fn naming_frame_end(view: &SentenceView<'_>, k: usize) -> Option<usize> {
    if view.low(k) != "what" {
        return None;
    }
    let speaker_end = if view.pos(k + 1) == Some(Pos::PRP) {
        k + 1
    } else {
        let m = view.mention(k + 1)?;
        view.mentions.get(m)?.last
    };
    let verb = speaker_end + 1;
    if !(view.pos(verb).is_some_and(|q| q.is_verb()) && NAMING_VERBS.contains(&view.lemma(verb))) {
        return None;
    }
    Some(if view.is(verb + 1, "as") {
        verb + 2
    } else {
        verb + 1
    })
}

type PrepObjects = Vec<(Cow<'static, str>, usize, Vec<usize>)>;

pub(super) fn find_preps(view: &SentenceView<'_>, p: &Predicate) -> PrepObjects {
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
