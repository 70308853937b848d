//! Places that fill a pattern's prepositional slot as their country.
//!
//! The actor recogniser deliberately does not take "in Syria" or "travelled
//! to Moscow" for actors: there they are places, and the actor list, the
//! actors gold set and the store must not count them. But patterns such as
//! "- arrive in +", "- airstrike in +" or "- send * to +" name the host or the
//! target by exactly that place ("the French president arrived in China": a
//! visit to China). So the coder, and only the coder, adds one country-level
//! mention for each resolved toponym that directly follows a preposition and
//! overlaps no actor mention. Such a mention stands for the place's country;
//! its rule says which toponym it came from.

use dyad_core::{Actor, ActorMention, MentionKind, PlaceMention};

/// Prepositions after which a place can fill a pattern's slot.
const SLOT_PREPOSITIONS: &[&str] = &[
    "in",
    "at",
    "to",
    "into",
    "from",
    "inside",
    "near",
    "across",
    "throughout",
    "toward",
    "towards",
];

/// How a place-derived mention's rule starts ([`is_place_mention`]).
const RULE_PREFIX: &str = "place:";

/// True for a mention this module added (a toponym standing for its country).
pub fn is_place_mention(m: &ActorMention) -> bool {
    m.kind == MentionKind::Country && m.rule.starts_with(RULE_PREFIX)
}

/// How much less a place-derived mention is trusted than its toponym.
const CONFIDENCE_FACTOR: f32 = 0.8;

/// Adds to `actors` a country mention for each toponym after a preposition
/// that no actor mention covers, keeping text order. The originals are moved,
/// not copied; [`remove_place_mentions`] restores the list (and with it the
/// originals' indices, which `antecedent` refers to).
pub fn add_place_mentions(text: &str, actors: &mut Vec<ActorMention>, places: &[PlaceMention]) {
    let added: Vec<ActorMention> = places
        .iter()
        .filter(|p| follows_preposition(text, p.span.start))
        .filter(|p| !overlaps_any(actors, p.span))
        .filter_map(place_mention)
        .collect();
    if added.is_empty() {
        return;
    }
    let originals = std::mem::take(actors);
    actors.reserve(originals.len() + added.len());
    let mut added = added.into_iter().peekable();
    for m in originals {
        while let Some(p) =
            added.next_if(|p| (p.span.start, p.span.end) < (m.span.start, m.span.end))
        {
            actors.push(p);
        }
        actors.push(m);
    }
    actors.extend(added);
}

/// Removes what [`add_place_mentions`] added.
pub fn remove_place_mentions(actors: &mut Vec<ActorMention>) {
    actors.retain(|m| !is_place_mention(m));
}

/// True when a mention of `actors` (in text order) overlaps `span`.
fn overlaps_any(actors: &[ActorMention], span: dyad_core::Span) -> bool {
    let from = actors.partition_point(|a| a.span.end <= span.start);
    actors
        .get(from..)
        .unwrap_or(&[])
        .iter()
        .take_while(|a| a.span.start < span.end)
        .any(|a| a.span.overlaps(span))
}

/// The country mention standing for toponym `p`, when it resolved to a
/// place with a country code.
fn place_mention(p: &PlaceMention) -> Option<ActorMention> {
    let place = p.place.as_ref()?;
    if place.country.len() != 3 {
        return None;
    }
    let is_country = place.feature_code.starts_with("PCL");
    Some(ActorMention {
        span: p.span,
        sentence: p.sentence,
        text: p.text.clone(),
        kind: MentionKind::Country,
        actor: Actor {
            name: if is_country {
                place.name.clone()
            } else {
                format!("{} ({})", place.name, place.country)
            },
            country: Some(place.country.clone()),
            ..Default::default()
        },
        antecedent: None,
        rule: format!(
            "{RULE_PREFIX}{} {} as its country",
            place.geonameid, place.feature_code
        ),
        confidence: p.confidence * CONFIDENCE_FACTOR,
    })
}

/// True when the word before byte `start` (skipping "the") is one of
/// [`SLOT_PREPOSITIONS`].
fn follows_preposition(text: &str, start: usize) -> bool {
    let Some(before) = text.get(..start) else {
        return false;
    };
    // Only spaces may separate the preposition (or "the") from the name.
    let mut words = before.split_whitespace().rev();
    let mut word = words.next();
    if word.is_some_and(|w| w.eq_ignore_ascii_case("the")) {
        word = words.next();
    }
    word.is_some_and(|w| SLOT_PREPOSITIONS.iter().any(|p| p.eq_ignore_ascii_case(w)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prepositions_before_a_name() {
        let text = "Troops moved into the Donbas. Leaders met in Paris, then Rome.";
        assert!(follows_preposition(text, text.find("Donbas").unwrap()));
        assert!(follows_preposition(text, text.find("Paris").unwrap()));
        assert!(!follows_preposition(text, text.find("Rome").unwrap()));
        assert!(!follows_preposition(text, 0));
        assert!(!follows_preposition("in, Paris", 4));
    }
}
