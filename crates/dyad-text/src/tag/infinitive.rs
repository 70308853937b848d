//! Base-form verbs the contextual rules miss after infinitival "to" and
//! modals: "vowed to back the plan", "pledged to jointly rebuff the
//! sanctions", "to bring peace and jointly rebuff what …", "will back the
//! deal". Brill's rules already turn a noun or adjective right after "to" or
//! a modal into VB; the rule templates cannot see past an adverb that an
//! earlier rule made an adjective, nor back to the infinitive a coordinated
//! verb shares, so these cases are fixed here.

use dyad_core::Pos;

/// Forms that take an infinitive but the tagger often reads as nouns
/// ("the group plans to", "Russia's vows to").
const NOUN_LIKE_CONTROL: &[&str] = &[
    "plans",
    "vows",
    "pledges",
    "promises",
    "wants",
    "hopes",
    "needs",
    "threatens",
    "seeks",
];

/// Tags a base-form verb may have been given by mistake.
fn may_be_misread_verb(tag: Pos) -> bool {
    matches!(
        tag,
        Pos::NN | Pos::JJ | Pos::VBP | Pos::VBD | Pos::VBN | Pos::RB
    )
}

/// Tags of what may follow a verb read from an adverb ("back the plan",
/// "back them"): its object. "will still attend" keeps "still" an adverb.
fn object_follows(next: Option<Pos>) -> bool {
    matches!(
        next,
        Some(Pos::DT | Pos::PRPS | Pos::PRP | Pos::NNP | Pos::NNPS | Pos::NNS | Pos::CD | Pos::WP)
    )
}

/// An adverb between "to"/a modal/"and" and the verb: tagged RB, or an
/// "-ly" word a rule made an adjective ("jointly" before a noun).
fn is_adverb(word: &str, tag: Pos) -> bool {
    tag == Pos::RB || (tag == Pos::JJ && word.len() > 4 && word.ends_with("ly"))
}

/// True when "to" at `to` is infinitival: after a verb, a noun-like control
/// form ("plans to"), or "in order to".
fn infinitival_to(words: &[&str], tags: &[Pos], to: usize) -> bool {
    let Some(before) = to.checked_sub(1) else {
        return false;
    };
    let word = words.get(before).copied().unwrap_or("");
    tags.get(before).is_some_and(|t| t.is_verb())
        || NOUN_LIKE_CONTROL
            .iter()
            .any(|w| w.eq_ignore_ascii_case(word))
        || (word.eq_ignore_ascii_case("order")
            && before
                .checked_sub(1)
                .and_then(|j| words.get(j))
                .is_some_and(|w| w.eq_ignore_ascii_case("in")))
}

/// Modals by tag only: "the will of the people", "in May" are not modals.
fn is_modal(tag: Pos) -> bool {
    tag == Pos::MD
}

/// The token the verb at `i` hangs on, skipping adverbs (and "not"):
/// its index, and the index of the first adverb (or `i`).
fn governor(words: &[&str], tags: &[Pos], i: usize) -> Option<(usize, usize)> {
    let mut j = i.checked_sub(1)?;
    let mut first = i;
    // At most two adverbs: "to jointly rebuff", "would not even back".
    for _ in 0..3 {
        let (word, tag) = (words.get(j).copied()?, tags.get(j).copied()?);
        if !is_adverb(word, tag) {
            return Some((j, first));
        }
        first = j;
        j = j.checked_sub(1)?;
    }
    None
}

/// True when the verb at `k` (tagged VB) is itself the verb of an
/// infinitive or follows a modal: "to bring", "will attack".
fn is_infinitive_verb(words: &[&str], tags: &[Pos], k: usize) -> bool {
    tags.get(k) == Some(&Pos::VB)
        && governor(words, tags, k).is_some_and(|(g, _)| {
            let tag = tags.get(g).copied();
            (tag == Some(Pos::TO) && infinitival_to(words, tags, g)) || tag.is_some_and(is_modal)
        })
}

/// Retags base-form verbs after infinitival "to", after modals, and after
/// "and"/"or" coordinated with such a verb. `can_be_verb(i)` says whether
/// token `i` may be a base-form verb (a verb of the inflection table, or an
/// unknown word; not a mid-sentence capital).
pub fn fix_infinitives(words: &[&str], tags: &mut [Pos], can_be_verb: impl Fn(usize) -> bool) {
    for i in 1..tags.len() {
        let Some(tag) = tags.get(i).copied() else {
            break;
        };
        // Only a word after "to", a modal, "and"/"or" or an adverb can be one.
        let after = tags.get(i - 1).copied().unwrap_or(Pos::Period);
        if !may_be_misread_verb(tag)
            || !matches!(after, Pos::TO | Pos::MD | Pos::CC | Pos::RB | Pos::JJ)
        {
            continue;
        }
        let Some((g, first_adverb)) = governor(words, tags, i) else {
            continue;
        };
        let (gword, gtag) = (words.get(g).copied().unwrap_or(""), tags.get(g).copied());
        let Some(gtag) = gtag else { continue };
        let governed = if gtag == Pos::TO && gword.eq_ignore_ascii_case("to") {
            infinitival_to(words, tags, g)
        } else if is_modal(gtag) {
            true
        } else if gtag == Pos::CC
            && (gword.eq_ignore_ascii_case("and") || gword.eq_ignore_ascii_case("or"))
        {
            // "to bring X and jointly rebuff Y": the first conjunct is an
            // infinitive within the last 15 tokens of the clause, and this
            // verb has an object of its own starting with a determiner or
            // pronoun (so "to ban napalm and cluster bombs" keeps nouns).
            matches!(
                tags.get(i + 1),
                Some(Pos::DT | Pos::PRPS | Pos::PRP | Pos::WP | Pos::WDT)
            ) && (g.saturating_sub(15)..g)
                .rev()
                .take_while(|&k| {
                    !matches!(
                        tags.get(k),
                        Some(Pos::Comma | Pos::Colon | Pos::Period) | None
                    )
                })
                .any(|k| is_infinitive_verb(words, tags, k))
        } else {
            false
        };
        // An adverb-tagged word becomes a verb only before its object
        // ("to back the plan", not "will still attend").
        let fits = tag != Pos::RB || object_follows(tags.get(i + 1).copied());
        if governed && fits && can_be_verb(i) {
            if let Some(slot) = tags.get_mut(i) {
                *slot = Pos::VB;
            }
            for k in first_adverb..i {
                if let Some(slot) = tags.get_mut(k) {
                    *slot = Pos::RB;
                }
            }
        }
    }
}
