//! Verb-phrase coordination: "Israel bombed Gaza and killed 20 people",
//! "vowed to punish Ukraine and (jointly) destroy Kyiv". The second verb has
//! no subject of its own; looking back from it would find the first verb's
//! object ("Gaza", "Ukraine"). It shares the first verb's subject instead.

use dyad_core::Pos;

use super::{Predicate, SentenceView, WINDOW};
use crate::patterns::TriggerKind;

/// Adverbs allowed between the conjunction and the verb ("and jointly").
const MAX_ADVERBS: usize = 2;

/// The earlier verb predicate that verb predicate `i` is coordinated with:
/// only a conjunction (and adverbs) stands before `i`'s verb group, and the
/// nearest verb predicate before it, within reach and with no clause
/// boundary between them, has a compatible form.
pub(super) fn coordinated_with(
    view: &SentenceView<'_>,
    preds: &[Predicate],
    i: usize,
) -> Option<usize> {
    let p = preds.get(i)?;
    if p.kind != TriggerKind::Verb || p.passive {
        return None;
    }
    let conjunction = conjunction_before(view, p.first)?;
    let conjunct = |q: &Predicate| {
        q.head < conjunction
            && p.first.saturating_sub(q.head) <= 2 * WINDOW
            && !(q.head + 1..conjunction).any(|k| view.is_boundary(k))
            && !q.passive
            && same_form(view, q, p)
    };
    let verbs = || {
        (0..i)
            .rev()
            .filter(|&j| preds.get(j).is_some_and(|q| q.kind == TriggerKind::Verb))
    };
    // "praising Kim for resisting X and thanking Y": the conjunct is
    // "praising"; a gerund after a preposition sits inside its complement
    // unless no other verb of the form is in reach ("tweeted about firing X
    // and clashing with Y")
    let outside_complement = verbs()
        .filter_map(|j| preds.get(j).map(|q| (j, q)))
        .take_while(|(_, q)| p.first.saturating_sub(q.head) <= 2 * WINDOW)
        .find(|(_, q)| conjunct(q) && !after_preposition(view, q))
        .map(|(j, _)| j);
    outside_complement.or_else(|| {
        let q = verbs().next()?;
        preds.get(q).filter(|q| conjunct(q)).map(|_| q)
    })
}

/// A verb group right after a preposition ("for resisting", "of firing").
fn after_preposition(view: &SentenceView<'_>, q: &Predicate) -> bool {
    q.first
        .checked_sub(1)
        .is_some_and(|k| view.pos(k) == Some(Pos::IN))
}

/// The token index of "and"/"or"/"but" right before `first`, over at most
/// [`MAX_ADVERBS`] adverbs.
fn conjunction_before(view: &SentenceView<'_>, first: usize) -> Option<usize> {
    let mut k = first.checked_sub(1)?;
    for _ in 0..MAX_ADVERBS {
        if !view.pos(k).is_some_and(|q| q.is_adverb()) {
            break;
        }
        k = k.checked_sub(1)?;
    }
    (view.pos(k) == Some(Pos::CC) && matches!(view.low(k), "and" | "or" | "but")).then_some(k)
}

/// Conjoined verb groups share their form: two infinitives, two -ing forms,
/// or two tensed (or bare past) forms ("struck … and killed", "has met …
/// and signed").
fn same_form(view: &SentenceView<'_>, a: &Predicate, b: &Predicate) -> bool {
    let (Some(x), Some(y)) = (view.pos(a.head), view.pos(b.head)) else {
        return false;
    };
    let tensed = |p: Pos| matches!(p, Pos::VBD | Pos::VBN | Pos::VBZ | Pos::VBP);
    x == y || (tensed(x) && tensed(y))
}
