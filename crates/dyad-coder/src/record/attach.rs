//! What the dependency parse attaches to an event's trigger: its locative
//! phrases (the event's place) and its temporal modifiers (the event's
//! date). Used only when the sentence was parsed; the token-window path
//! (`--no-parse`) keeps dyad-geo's and dates.rs's word-distance rules.
//!
//! The word lists (locative prepositions, verbs of motion and of acting on a
//! place, past adverbs) are in `data/places/event-place.txt`
//! ([`super::place_words`]).

use dyad_core::{PlaceMention, PlaceReason, Span};

use super::place_words::PlaceWords;
use crate::clause::{DepTree, Predicate, SentenceView};
use crate::patterns::TriggerKind;

/// Relations that keep a word inside its noun phrase on the way up from a
/// toponym to the phrase that carries its preposition ("in **Syria's**
/// Idlib province", "the city **of Aleppo**", "in Hama, **Syria**").
fn inside_phrase(rel: &str) -> bool {
    matches!(
        rel,
        "compound" | "flat" | "amod" | "nmod:poss" | "appos" | "conj" | "nmod" | "nummod" | "det"
    )
}

/// A toponym that the parse attaches to the trigger or its clause.
#[derive(Debug, Clone, Copy)]
pub(super) struct AttachedPlace<'p> {
    pub place: &'p PlaceMention,
    pub reason: PlaceReason,
}

/// The tokens of `view` covering `span`: (first, last), both inclusive.
fn tokens_of(view: &SentenceView<'_>, span: Span) -> Option<(usize, usize)> {
    let first = view.tokens.iter().position(|t| t.span.end > span.start)?;
    let last = view.tokens.iter().rposition(|t| t.span.start < span.end)?;
    (first <= last).then_some((first, last))
}

/// The token of `first..=last` whose head lies outside the range (the
/// phrase's head), else its last token.
fn top_of(tree: &DepTree<'_>, first: usize, last: usize) -> usize {
    (first..=last)
        .find(|&k| tree.head(k).is_none_or(|h| h < first || h > last))
        .unwrap_or(last)
}

/// The nearest verb at or above `k`, when there is one within a few steps.
fn clause_verb(tree: &DepTree<'_>, mut k: usize) -> Option<usize> {
    for _ in 0..12 {
        if tree.upos(k) == "VERB" {
            return Some(k);
        }
        k = tree.head(k)?;
    }
    None
}

/// The nearest verb at or above `k` reached through nouns of its own
/// clause only: a noun heading a clause of its own (a copular predicate
/// "the militia is the arm of a group … **inside Turkey**", a relative or
/// adverbial clause) ends the walk, so its locative is not the outer
/// verb's ("Ankara says …" is not in Turkey).
fn same_clause_verb(tree: &DepTree<'_>, mut k: usize) -> Option<usize> {
    for _ in 0..12 {
        if tree.upos(k) == "VERB" {
            return Some(k);
        }
        let heads_clause = matches!(
            tree.base_rel(k),
            "ccomp" | "csubj" | "advcl" | "acl" | "parataxis" | "xcomp"
        ) || tree.kids(k).iter().any(|&c| tree.rel(c) == "cop");
        if heads_clause {
            return None;
        }
        k = tree.head(k)?;
    }
    None
}

/// The verb whose clause holds the trigger: the verb itself, or the verb an
/// event noun is the subject, object or oblique of ("launched an attack",
/// "the attack killed 20").
fn trigger_clause(tree: &DepTree<'_>, pred: &Predicate) -> Option<usize> {
    match pred.kind {
        TriggerKind::Verb => Some(pred.head),
        TriggerKind::Noun => {
            let h = tree.head(pred.head)?;
            matches!(tree.base_rel(pred.head), "obj" | "nsubj" | "obl")
                .then(|| clause_verb(tree, h))
                .flatten()
        }
    }
}

/// The preposition of the nominal headed by `k`, lower-cased, when it has
/// one (the clause analysis's [`crate::clause::case_word`]: its own `case`,
/// or that of a title before a name).
fn case_of<'v>(tree: &DepTree<'_>, view: &'v SentenceView<'_>, k: usize) -> Option<&'v str> {
    crate::clause::case_word(tree, tree, k).map(|c| view.low(c))
}

/// The toponyms of `places` (the sentence's resolved ones) that the parse
/// attaches to `pred`'s trigger as a locative ([`PlaceReason::TriggerObl`]),
/// as the object of a place verb ([`PlaceReason::TriggerObj`]) or as a
/// locative of another word of the trigger's clause
/// ([`PlaceReason::Clause`]); best first: by reason, then finer than a
/// country, then nearest to the trigger.
pub(super) fn attached_places<'p>(
    tree: &DepTree<'_>,
    view: &SentenceView<'_>,
    preds: &[Predicate],
    pred: &Predicate,
    places: &[&'p PlaceMention],
) -> Vec<AttachedPlace<'p>> {
    let words = PlaceWords::builtin();
    let trigger = pred.head;
    let clause = trigger_clause(tree, pred);
    let lemma = view.lemma(trigger).to_lowercase();
    let motion = PlaceWords::has(&words.motion, &lemma);
    // "launched attacks on Aleppo": a light verb's event noun is the act,
    // and its phrases are the act's own
    let event_noun = (pred.kind == TriggerKind::Verb && crate::clause::is_light_verb(&lemma))
        .then(|| {
            tree.kids(trigger)
                .iter()
                .copied()
                .find(|&k| tree.base_rel(k) == "obj")
        })
        .flatten();
    let noun_acts_on_place = event_noun
        .is_some_and(|n| PlaceWords::has(&words.place_objects, &view.lemma(n).to_lowercase()));
    let acts_on_place = PlaceWords::has(&words.place_objects, &lemma);
    // "waging war in Iraq", "launched strikes on Aleppo": an event noun's
    // light verb carries the noun's own phrases
    let light_verb = light_verb_of(tree, view, pred);
    let own = |g: usize| g == trigger || Some(g) == event_noun || Some(g) == light_verb;
    let mut found: Vec<(AttachedPlace<'p>, usize)> = Vec::new();
    for &place in places {
        let Some((first, last)) = tokens_of(view, place.span) else {
            continue;
        };
        let top = top_of(tree, first, last);
        // up the noun phrase ("the Ukrainian city of Kharkiv", "Syria's
        // Idlib province") to the word carrying a preposition other than
        // "of", or to the object of a place verb ("shelled the city of X")
        let place_verb = pred.kind == TriggerKind::Verb && acts_on_place;
        let mut k = top;
        let mut phrase = None;
        let mut object = false;
        for _ in 0..6 {
            if let Some(case) = case_of(tree, view, k).filter(|&c| c != "of") {
                phrase = Some((k, case));
                break;
            }
            if place_verb && tree.head(k) == Some(trigger) && tree.base_rel(k) == "obj" {
                object = true;
                break;
            }
            if !inside_phrase(tree.rel(k)) {
                break;
            }
            let Some(h) = tree.head(k) else { break };
            k = h;
        }
        if object {
            found.push((
                AttachedPlace {
                    place,
                    reason: PlaceReason::TriggerObj,
                },
                top,
            ));
            continue;
        }
        let Some((phrase, case)) = phrase else {
            continue;
        };
        let Some(governor) = tree.head(phrase) else {
            continue;
        };
        let is_verb = |g: usize| tree.upos(g) == "VERB";
        // "on" is a topic or target after most words ("sanctions on
        // Syria"), but the place of an attack ("attacks on New York")
        let attack_on = case == "on"
            && ((governor == trigger && acts_on_place)
                || (Some(governor) == event_noun && noun_acts_on_place)
                || (Some(governor) == light_verb && acts_on_place));
        let locative = PlaceWords::has(&words.locative, case)
            || (PlaceWords::has(&words.verb_only, case)
                && (is_verb(governor) || Some(governor) == event_noun))
            || (case == "to" && governor == trigger && motion)
            || attack_on;
        if !locative || !matches!(tree.base_rel(phrase), "obl" | "nmod" | "advmod" | "advcl") {
            continue;
        }
        // a locative of another event noun is that act's place ("accused
        // Russia of the attack in Salisbury": the accusation is not there)
        let other_act = governor != trigger && preds.iter().any(|p| p.head == governor);
        // ... unless that act frames the trigger's: "abused **during
        // detention in Syria**", "killed **amid the offensive in Afrin**"
        // happened within it, so where it was (as its date, see
        // `date_attachment`)
        // (a temporal phrase frames its clause's act even when the parser
        // hangs it on a noun of that clause: "killed two protesters during
        // the demonstrations in Basra")
        let frame = tree.head(governor).is_some_and(|h| {
            h == trigger
                || (pred.kind == TriggerKind::Verb
                    && tree.upos(h) != "VERB"
                    && same_clause_verb(tree, h) == Some(trigger))
        }) && matches!(tree.base_rel(governor), "obl" | "nmod")
            && matches!(
                case_of(tree, view, governor),
                Some("during" | "throughout" | "amid" | "amidst")
            );
        let reason = if own(governor) || frame {
            PlaceReason::TriggerObl
        } else if !other_act && clause.is_some() && same_clause_verb(tree, governor) == clause {
            PlaceReason::Clause
        } else {
            continue;
        };
        found.push((AttachedPlace { place, reason }, top));
    }
    let rank = |r: PlaceReason| match r {
        PlaceReason::TriggerObl | PlaceReason::TriggerObj => 0,
        _ => 1,
    };
    // a sea is as coarse as a country: "in the Black Sea resort of Sochi"
    // is in Sochi
    let coarse = |p: &PlaceMention| is_country(p) || is_countryless(p);
    found.sort_by_key(|(a, top)| (rank(a.reason), coarse(a.place), top.abs_diff(trigger)));
    // "Courts in France, Germany and Sweden are investigating": places of
    // several countries in the clause but none on the act itself say
    // where its actors are, not where it happened; taking the nearest
    // would be a guess
    let clause_countries: Vec<&str> = found
        .iter()
        .filter(|(a, _)| a.reason == PlaceReason::Clause)
        .filter_map(|(a, _)| a.place.place.as_ref().map(|r| r.country.as_str()))
        // (a sea or a continent names no rival country: "the Black Sea
        // resort of Sochi")
        .filter(|c| !c.is_empty())
        .collect();
    if clause_countries
        .iter()
        .any(|c| Some(c) != clause_countries.first())
    {
        found.retain(|(a, _)| a.reason != PlaceReason::Clause);
    }
    found.into_iter().map(|(a, _)| a).collect()
}

/// True when the parse puts `place` in a prepositional phrase other than
/// "of" ("flights **from Syria** to Grozny", "clashes **in Manbij**"): the
/// sentence names it as where something happened or went, not as a
/// modifier ("Kamchatka crab dumplings") or an actor ("press the UK").
pub(super) fn in_place_phrase(
    tree: &DepTree<'_>,
    view: &SentenceView<'_>,
    place: &PlaceMention,
) -> bool {
    let Some((first, last)) = tokens_of(view, place.span) else {
        return false;
    };
    let mut k = top_of(tree, first, last);
    for _ in 0..6 {
        if let Some(case) = case_of(tree, view, k) {
            return case != "of";
        }
        if !inside_phrase(tree.rel(k)) {
            return false;
        }
        let Some(h) = tree.head(k) else { return false };
        k = h;
    }
    false
}

/// "**In eastern Ghouta** a besieged population … are enduring a month of
/// airstrikes from Russian and Syrian jets": a locative phrase that opens
/// the sentence and hangs on its root sets the scene of the main clause,
/// wherever the parser hangs the act's own words in it. The toponym of that
/// phrase, when the sentence's first word is a locative preposition (in,
/// at, near, …; not "from" or "to") and `pred`'s trigger reaches the root
/// through words of the main clause only: a reported, adverbial or relative
/// clause ("In Geneva, the UN said Russia **bombed** Aleppo"; "… jets,
/// which are attempting to **oust** …") may be set elsewhere.
pub(super) fn opening_place<'p>(
    tree: &DepTree<'_>,
    view: &SentenceView<'_>,
    pred: &Predicate,
    places: &[&'p PlaceMention],
) -> Option<&'p PlaceMention> {
    if view.len() == 0 || !PlaceWords::has(&PlaceWords::builtin().locative, view.low(0)) {
        return None;
    }
    let root = (0..tree.len()).find(|&k| tree.head(k).is_none())?;
    // the trigger's way up to the root stays in the main clause
    let mut k = pred.head;
    for _ in 0..tree.len() {
        if k == root {
            break;
        }
        if matches!(tree.base_rel(k), "ccomp" | "csubj" | "advcl" | "acl") {
            return None;
        }
        k = tree.head(k)?;
    }
    if k != root {
        return None;
    }
    places.iter().copied().find(|p| {
        let Some((first, last)) = tokens_of(view, p.span) else {
            return false;
        };
        // up through the toponym's noun phrase to the nominal that carries
        // the sentence's first word as its preposition, hung on the root
        let mut k = top_of(tree, first, last);
        for _ in 0..6 {
            if tree.kids(k).contains(&0) && tree.rel(0) == "case" {
                return tree.head(k) == Some(root) && tree.base_rel(k) == "obl";
            }
            if !inside_phrase(tree.rel(k)) {
                return false;
            }
            let Some(h) = tree.head(k) else { return false };
            k = h;
        }
        false
    })
}

/// The light verb an event noun trigger is the object of ("**waging** war",
/// "**launched** strikes"): its phrases are the noun's own.
fn light_verb_of(tree: &DepTree<'_>, view: &SentenceView<'_>, pred: &Predicate) -> Option<usize> {
    if pred.kind != TriggerKind::Noun || !matches!(tree.rel(pred.head), "obj" | "nsubj:pass") {
        return None;
    }
    let h = tree.head(pred.head)?;
    (tree.upos(h) == "VERB" && crate::clause::is_light_verb(&view.lemma(h).to_lowercase()))
        .then_some(h)
}

/// True for a toponym resolved to a whole country (or a continent).
pub(super) fn is_country(p: &PlaceMention) -> bool {
    p.place
        .as_ref()
        .is_some_and(|r| r.feature_code.starts_with("PCL") || r.feature_code == "CONT")
}

/// True for a toponym resolved to a place of no country (a sea or gulf of
/// the place file, a continent).
fn is_countryless(p: &PlaceMention) -> bool {
    p.place.as_ref().is_some_and(|r| r.country.is_empty())
}

/// Where the parse attaches a date expression, seen from one trigger.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum DateAttachment {
    /// A modifier of the trigger, or of the verb an event noun is the
    /// subject or object of: "attacked **on Monday**", "the **2016** coup",
    /// "launched an attack **last week**".
    Own,
    /// A modifier of the verb the trigger is coordinated with ("bombed Gaza
    /// on Monday and killed 20").
    Partner,
    /// A modifier of another verb or event noun: not this act's date.
    Other,
    /// Attached to no verb or event noun at all (the parser made the
    /// expression the root, or hung it on a bare noun): the parse cannot
    /// tell, and word distance decides.
    Unattached,
}

/// Where the parse attaches the date expression at `expression`, seen from
/// `pred`'s trigger.
pub(super) fn date_attachment(
    tree: &DepTree<'_>,
    view: &SentenceView<'_>,
    preds: &[Predicate],
    pred: &Predicate,
    expression: Span,
) -> DateAttachment {
    let Some((first, last)) = tokens_of(view, expression) else {
        return DateAttachment::Unattached;
    };
    let top = top_of(tree, first, last);
    // the expression hangs on the first predicate (verb or event noun)
    // above it: that act is the one it dates
    let Some(mut k) = tree.head(top) else {
        return DateAttachment::Unattached;
    };
    let is_predicate = |k: usize| k == pred.head || preds.iter().any(|p| p.head == k);
    // "the worst loss since 1993", "the first time since 2011": a "since"
    // phrase on a superlative or first/last noun bounds a comparison, it
    // dates no act
    let since = case_of(tree, view, top) == Some("since");
    let superlative = |n: usize| {
        tree.kids(n).iter().any(|&c| {
            matches!(tree.rel(c), "amod" | "advmod")
                && (tree.xpos(c) == "JJS" || matches!(view.low(c), "first" | "last" | "only"))
        })
    };
    let mut found = false;
    for _ in 0..12 {
        if is_predicate(k) || tree.upos(k) == "VERB" {
            found = true;
            break;
        }
        if since && matches!(tree.upos(k), "NOUN" | "PROPN") && superlative(k) {
            return DateAttachment::Other;
        }
        let Some(h) = tree.head(k) else { break };
        k = h;
    }
    if !found {
        return DateAttachment::Unattached;
    }
    if k == pred.head {
        return DateAttachment::Own;
    }
    // an event noun framing the act ("backing for Saddam **in the 1980-88
    // war**", "killed **during the 2014 offensive**"): the act happened
    // within it, so the date written on the frame is the act's
    let frame = tree.head(k) == Some(pred.head)
        && matches!(tree.base_rel(k), "obl" | "nmod")
        && matches!(case_of(tree, view, k), Some("in" | "during" | "throughout"))
        && tree.head(top) == Some(k)
        && matches!(
            tree.base_rel(top),
            "compound" | "amod" | "nummod" | "nmod:poss"
        );
    if frame {
        return DateAttachment::Own;
    }
    if pred.kind == TriggerKind::Noun && trigger_clause(tree, pred) == Some(k) {
        // the light verb's date dates its event noun ("held talks on
        // Monday")
        return DateAttachment::Own;
    }
    // a coordinated verb, or a participle adjunct ("imposed a boycott last
    // year, accusing it of ..."), happens when its governor does
    let participle =
        tree.base_rel(pred.head) == "advcl" && matches!(tree.xpos(pred.head), "VBG" | "VBN");
    if (tree.rel(pred.head) == "conj" || participle) && tree.head(pred.head) == Some(k) {
        return DateAttachment::Partner;
    }
    // a "when" clause says when its governor happens: "will investigate
    // when they take control next month"; the date may hang on the verb
    // the clause's own verb completes ("when Iran ceased arming the rebels
    // in March 1975")
    for _ in 0..3 {
        match tree.head(k) {
            Some(h) if tree.base_rel(k) == "xcomp" => k = h,
            _ => break,
        }
    }
    let when_clause = tree.head(k) == Some(pred.head)
        && tree.base_rel(k) == "advcl"
        && tree.kids(k).iter().any(|&c| {
            matches!(tree.rel(c), "mark" | "advmod")
                && matches!(view.low(c), "when" | "as" | "while")
        });
    if when_clause {
        return DateAttachment::Partner;
    }
    // English puts the time clause of a future act in the present: in
    // "will investigate how X handles clearances when they take control
    // next month" the "when" clause dates the investigation, wherever in
    // the act's own complement the parser hangs it
    if pred.tense == crate::clause::Tense::Future
        && tree.base_rel(k) == "advcl"
        && matches!(tree.xpos(k), "VBP" | "VBZ")
        && tree.kids(k).iter().any(|&c| {
            matches!(tree.rel(c), "mark" | "advmod") && matches!(view.low(c), "when" | "once")
        })
        && !tree.kids(k).iter().any(|&c| tree.rel(c) == "aux")
        && below(tree, k, pred.head)
    {
        return DateAttachment::Partner;
    }
    DateAttachment::Other
}

/// Subordinators of a time clause whose act happens about when the clause
/// it hangs on does ("climaxed in 2011 **when** he visited Cairo").
const TIME_CLAUSE_MARKS: [&str; 7] = ["when", "as", "while", "after", "before", "once", "whenever"];

/// The verb whose date the act at `k` shares when it has none of its own:
/// the verb a conjunct without a subject of its own is coordinated with
/// ("fled to Damascus and met ..."), the verb a time clause hangs on
/// ("climaxed in September 2011 when he visited Cairo"), or the verb a
/// participle adjunct hangs on ("imposed a boycott last year, accusing
/// ...").
pub(super) fn clause_governor(
    tree: &DepTree<'_>,
    view: &SentenceView<'_>,
    k: usize,
) -> Option<usize> {
    let head = tree.head(k)?;
    if tree.upos(head) != "VERB" {
        return None;
    }
    let own_subject = tree.kids(k).iter().any(|&c| tree.base_rel(c) == "nsubj");
    let shares = match tree.base_rel(k) {
        "conj" => !own_subject,
        "advcl" => {
            matches!(tree.xpos(k), "VBG" | "VBN") && !own_subject
                || tree.kids(k).iter().any(|&c| {
                    matches!(tree.rel(c), "mark" | "advmod")
                        && TIME_CLAUSE_MARKS.contains(&view.low(c))
                })
        }
        _ => false,
    };
    shares.then_some(head)
}

/// True when `k` lies in the subtree of `top` (within a dozen steps).
fn below(tree: &DepTree<'_>, mut k: usize, top: usize) -> bool {
    for _ in 0..12 {
        let Some(h) = tree.head(k) else { return false };
        if h == top {
            return true;
        }
        k = h;
    }
    false
}

/// True when the parse marks the trigger's act as earlier than the story:
/// past perfect ("had been arrested", "had set"), or a past adverb of the
/// trigger ("previously", "formerly", "once", "in the past").
pub(super) fn marked_past(tree: &DepTree<'_>, view: &SentenceView<'_>, pred: &Predicate) -> bool {
    // a conjunct with no auxiliary or subject of its own shares its first
    // conjunct's ("had arrested and tortured him"), and an infinitive is
    // the act of the verb it completes ("had decided to accept")
    let governor = tree.head(pred.head).filter(|_| {
        let bare = !tree
            .kids(pred.head)
            .iter()
            .any(|&c| matches!(tree.base_rel(c), "aux" | "nsubj"));
        match tree.base_rel(pred.head) {
            // not a present form ("had fled and now lives in Berlin")
            "conj" => bare && !matches!(tree.xpos(pred.head), "VBZ" | "VBP"),
            "xcomp" => true,
            _ => false,
        }
    });
    past_perfect(tree, view, pred.head)
        || governor.is_some_and(|g| past_perfect(tree, view, g))
        || past_description(tree, view, pred.head)
        || before_office(tree, view, pred.head)
        || trigger_clause(tree, pred)
            .is_some_and(|v| v != pred.head && before_office(tree, view, v))
        || tree.kids(pred.head).iter().any(|&c| {
            (tree.rel(c) == "advmod"
                && PlaceWords::has(&PlaceWords::builtin().past_adverbs, view.low(c)))
                || (tree.base_rel(c) == "obl"
                    && view.low(c) == "past"
                    && case_of(tree, view, c) == Some("in"))
        })
}

/// True when the verb at `k` is a past perfect ("had been arrested", "he'd
/// arrived") that is not only a reported past shifted back.
fn past_perfect(tree: &DepTree<'_>, view: &SentenceView<'_>, k: usize) -> bool {
    // in a reported clause the past perfect is often only the reported
    // past tense shifted back ("quoted Trump as saying that he had given
    // instructions"): it does not put the act before the story
    // ("the men say they had been detained" is a past act: only a past
    // governor shifts the tense back)
    let reported =
        tree.base_rel(k) == "ccomp" && tree.head(k).is_none_or(|g| !present_tense(tree, g));
    if reported {
        return false;
    }
    let aux = |c: usize| tree.rel(c) == "aux";
    let kids = tree.kids(k);
    kids.iter().any(|&c| aux(c) && view.low(c) == "had")
        // "'d" before a participle is "had" ("he'd arrived"), unless a
        // "have" follows it ("he'd have gone" is "would have")
        || (tree.xpos(k) == "VBN"
            && kids
                .iter()
                // the parser may take it for a passive auxiliary
                .any(|&c| {
                    tree.base_rel(c) == "aux" && matches!(view.low(c), "'d" | "\u{2019}d")
                })
            && !kids.iter().any(|&c| aux(c) && view.low(c) == "have"))
}

/// True when the trigger's clause describes someone as they were: it is a
/// relative clause or infinitive inside a noun phrase that a past adverb
/// ("once", "formerly", `[past-adverbs]`) marks as bygone ("**Once** a
/// commander who ordered raids on the border, he now runs a charity": the
/// raids are earlier acts). The walk goes up from the trigger through
/// infinitives, relative clauses and noun modifiers, and stops at a verb
/// reached any other way (that verb's own clause is not described). The
/// parser may make the adverb itself the head of the phrase ("Once" as
/// the root with "one of ..." below it, or a `case` of the noun); "once
/// again", "once more" are not past.
fn past_description(tree: &DepTree<'_>, view: &SentenceView<'_>, trigger: usize) -> bool {
    let words = &PlaceWords::builtin().past_adverbs;
    let past_adverb = |a: usize| {
        PlaceWords::has(words, view.low(a))
            && !matches!(
                view.tokens.get(a + 1).map(|_| view.low(a + 1)),
                Some("again" | "more")
            )
    };
    let mut k = trigger;
    let mut through_noun = false;
    for _ in 0..10 {
        let Some(h) = tree.head(k) else { break };
        let rel = tree.rel(k);
        let infinitive = matches!(tree.base_rel(k), "xcomp" | "advcl")
            && tree
                .kids(k)
                .iter()
                .any(|&c| tree.rel(c) == "mark" && view.low(c) == "to");
        let upward = infinitive
            || matches!(
                rel,
                "acl:relcl" | "acl" | "nmod" | "appos" | "obj" | "nsubj"
            );
        if !upward {
            break;
        }
        if tree.upos(h) == "VERB" && !infinitive {
            break;
        }
        if tree.upos(h) != "VERB" {
            through_noun = true;
        }
        if through_noun
            && (past_adverb(h)
                || tree
                    .kids(h)
                    .iter()
                    .any(|&c| matches!(tree.rel(c), "advmod" | "case") && past_adverb(c)))
        {
            return true;
        }
        k = h;
    }
    false
}

/// True when a "before" clause of the trigger has its subject taking up an
/// office ("**Before taking office**, she campaigned for ...", "before he
/// became minister", "before joining the government"): the act belongs to
/// the time before the role the story knows them in, not to the story's
/// day. The verbs and nouns are those of entering a post; a plain "before
/// leaving" or "before the vote" says nothing about how long before.
fn before_office(tree: &DepTree<'_>, view: &SentenceView<'_>, trigger: usize) -> bool {
    let words = PlaceWords::builtin();
    let lemma = |k: usize| view.lemma(k).to_lowercase();
    tree.kids(trigger).iter().any(|&c| {
        tree.base_rel(c) == "advcl"
            && tree
                .kids(c)
                .iter()
                .any(|&m| tree.rel(m) == "mark" && view.low(m) == "before")
            && PlaceWords::has(&words.office_verbs, &lemma(c))
            && (lemma(c) == "become"
                || tree.kids(c).iter().any(|&o| {
                    matches!(tree.base_rel(o), "obj" | "obl")
                        && PlaceWords::has(&words.office_nouns, &lemma(o))
                }))
    })
}

/// True when the verb at `k` is in the present tense: a present form itself
/// ("says"), or a present auxiliary ("are abused", "has said").
fn present_tense(tree: &DepTree<'_>, k: usize) -> bool {
    matches!(tree.xpos(k), "VBZ" | "VBP")
        || tree.kids(k).iter().any(|&c| {
            matches!(tree.rel(c), "aux" | "aux:pass") && matches!(tree.xpos(c), "VBZ" | "VBP")
        })
}

/// True when the trigger's clause is a perfect with a "since" phrase or
/// clause ("since the 2013 attack there **have been** dozens of attacks",
/// "has arrested thousands since the coup"): the act is spread over the
/// time since then, not an act of the publication date.
pub(super) fn perfect_since(tree: &DepTree<'_>, view: &SentenceView<'_>, pred: &Predicate) -> bool {
    let Some(verb) = clause_verb(tree, pred.head) else {
        return false;
    };
    let perfect = tree
        .kids(verb)
        .iter()
        .any(|&c| tree.rel(c) == "aux" && matches!(view.low(c), "have" | "has" | "had" | "'ve"));
    let since_on = |k: usize| {
        tree.kids(k).iter().any(|&c| {
            (tree.rel(c) == "mark" && view.low(c) == "since")
                || (matches!(tree.base_rel(c), "obl" | "advcl" | "nmod")
                    && tree
                        .kids(c)
                        .iter()
                        .any(|&m| matches!(tree.rel(m), "case" | "mark") && view.low(m) == "since"))
        })
    };
    perfect && (since_on(verb) || since_on(pred.head))
}

/// True when an adverb of the trigger, or of the verb an event noun belongs
/// to, makes the act a repeated or habitual one ("are **routinely**
/// detained", "**regularly** shell the town"): no single date fits it. Not
/// in the perfect: "have repeatedly called on" reports acts up to now, the
/// latest of them current.
pub(super) fn habitual(tree: &DepTree<'_>, view: &SentenceView<'_>, pred: &Predicate) -> bool {
    let words = &PlaceWords::builtin().habitual_adverbs;
    let has = |k: usize| {
        // a participle without a passive auxiliary is taken as a perfect
        // too (the parser may hang "have repeatedly urged" on "have")
        let perfect = tree.kids(k).iter().any(|&c| {
            tree.rel(c) == "aux" && matches!(view.low(c), "have" | "has" | "had" | "'ve")
        }) || (tree.xpos(k) == "VBN"
            && !tree.kids(k).iter().any(|&c| tree.rel(c) == "aux:pass"));
        !perfect
            && tree
                .kids(k)
                .iter()
                .any(|&c| tree.rel(c) == "advmod" && PlaceWords::has(words, view.low(c)))
    };
    has(pred.head) || trigger_clause(tree, pred).is_some_and(|v| v != pred.head && has(v))
}

/// True when the trigger's act is a condition: its clause (or the clause an
/// infinitive or a subjectless conjunct of it belongs to: "if they **are
/// able to reach** agreement", "if they meet and **agree**") is introduced by
/// one of `[condition-marks]` ("if", "unless"). Such an act has not
/// happened; undated, it has no date. The mark is looked for on the clause
/// whatever its relation: the parser may make the "if" clause the root ("If
/// the UN … are able to reach agreement, the outcome would …").
pub(super) fn conditional(tree: &DepTree<'_>, view: &SentenceView<'_>, pred: &Predicate) -> bool {
    let marks = &PlaceWords::builtin().condition_marks;
    let mut k = trigger_clause(tree, pred).unwrap_or(pred.head);
    for _ in 0..6 {
        // "asked if Russia would attack": a reported question, not a condition
        if matches!(tree.base_rel(k), "ccomp" | "csubj") {
            return false;
        }
        // the clause's own subordinator is its last mark before the verb
        // ("If Trump walks out …, as he has threatened": "as"), and a
        // condition is finite (not the participle of "troops stationed in
        // Syria", to which the parser may hang the "if" of "are withdrawn")
        let mark = tree
            .kids(k)
            .iter()
            .copied()
            // an infinitive's "to" is no subordinator
            .filter(|&c| tree.rel(c) == "mark" && c < k && view.low(c) != "to")
            .max();
        let finite = matches!(tree.xpos(k), "VBZ" | "VBP" | "VBD" | "MD")
            || tree
                .kids(k)
                .iter()
                .any(|&c| matches!(tree.base_rel(c), "aux" | "cop"));
        if let Some(m) = mark {
            // "even if" concedes an act ("even if it criticises Iran's
            // missile programme"): it may well have happened
            let even = m > 0 && view.low(m - 1) == "even";
            return finite && !even && PlaceWords::has(marks, view.low(m));
        }
        // a conjunct with a subject of its own is a clause of its own ("If
        // they agree, the outcome would be …" parsed as a conjunct)
        let shares = match tree.base_rel(k) {
            "xcomp" => true,
            "conj" => !tree
                .kids(k)
                .iter()
                .any(|&c| matches!(tree.base_rel(c), "nsubj" | "csubj")),
            _ => false,
        };
        match tree.head(k).filter(|_| shares) {
            Some(h) => k = h,
            None => return false,
        }
    }
    false
}

/// True when an event noun named in passing is a known incident identified
/// by its place: "**the** Douma attack", "**the** attack **in Salisbury**"
/// (a definite noun with a toponym as its modifier or its "in"/"at"
/// phrase). Such an incident is an earlier one the story refers back to,
/// not an act of the publication date.
pub(super) fn named_incident(
    tree: &DepTree<'_>,
    view: &SentenceView<'_>,
    pred: &Predicate,
    places: &[&PlaceMention],
) -> bool {
    if pred.kind != TriggerKind::Noun || pred.anchored {
        return false;
    }
    let noun = pred.head;
    let definite = tree
        .kids(noun)
        .iter()
        .any(|&c| tree.rel(c) == "det" && view.low(c) == "the");
    if !definite {
        return false;
    }
    places.iter().any(|p| {
        let Some((first, last)) = tokens_of(view, p.span) else {
            return false;
        };
        let top = top_of(tree, first, last);
        if tree.head(top) != Some(noun) {
            return false;
        }
        match tree.base_rel(top) {
            "compound" | "amod" => top < noun,
            "nmod" => matches!(case_of(tree, view, top), Some("in" | "at")),
            _ => false,
        }
    })
}
