//! Resolution in context, document level: a generic actor with no country
//! ("the government", "rebels", "security forces") takes one from the
//! document when its own sentence names none.
//!
//! Order of evidence (each step leaves a reason in the mention's rule and
//! lowers its confidence):
//!
//! 1. the sentence itself: demonym and "of"/possessive compounds ("Turkish
//!    forces", "forces of Assad", "Iran's government") are assembled by the
//!    recogniser, and "forces loyal to X" / apposition by the coder's
//!    tree-based country donors; so when any other mention of the sentence
//!    carries a country, or the sentence names a country or a place of one
//!    even as a mere place ("in Syria"), this pass leaves the actor alone;
//! 2. a governmental actor (primary sector GOV) takes the country of a
//!    government named within the last [`GOV_WINDOW`] sentences (a capital, a
//!    seat, a GOV actor with a country); when several were, the one whose
//!    country the story names most often, then a person in office or a seat
//!    of power over a group of officials, then the most recent;
//! 3. otherwise the story's main country: the country of at least two thirds
//!    of the document's country mentions, at least three (a Putin column about
//!    Syria names Russia most, but not overwhelmingly: "a dictator who
//!    starves his own population" stays without a country rather than become
//!    Russian).

use dyad_core::{ActorMention, MentionKind};
use rustc_hash::FxHashMap;

/// How many sentences back "the government most recently named" may lie.
const GOV_WINDOW: usize = 5;

/// Confidence cap for a country taken from the most recently named government.
const GOV_CONFIDENCE: f32 = 0.6;

/// Confidence cap for a country taken from the story's main country.
const MAIN_CONFIDENCE: f32 = 0.45;

/// Sectors of actors that do not take a country from the story: bodies that
/// are international or named entities of their own.
const NO_DOCUMENT_COUNTRY: &[&str] = &["IGO", "NGO", "MNC", "UNK"];

fn needs_country(m: &ActorMention) -> bool {
    m.kind == MentionKind::Role
        && m.actor.country.is_none()
        && m.actor.org.is_none()
        && m.actor
            .sectors
            .first()
            .is_some_and(|s| !NO_DOCUMENT_COUNTRY.contains(&s.as_str()))
}

/// The story's main country and how often it is named, when one stands out.
fn main_country(mentions: &[ActorMention]) -> Option<(String, usize, usize)> {
    let mut counts: FxHashMap<&str, usize> = FxHashMap::default();
    let mut total = 0;
    for m in mentions {
        if let Some(c) = m.actor.country.as_deref() {
            // Blocs ("Western") are not a story's country; codes are 3 letters.
            if c.len() == 3 && c.bytes().all(|b| b.is_ascii_uppercase()) {
                *counts.entry(c).or_default() += 1;
                total += 1;
            }
        }
    }
    let mut ranked: Vec<(&str, usize)> = counts.into_iter().collect();
    ranked.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    match ranked.as_slice() {
        [(c, n), ..] if *n >= 3 && 3 * *n >= 2 * total => Some((c.to_string(), *n, total)),
        _ => None,
    }
}

/// Fills the country of generic actors from the document (see the module
/// documentation). Mentions are in text order.
/// `names_country`: indices of sentences that name a country or a place of
/// one (from the matcher's atoms, places included).
pub(crate) fn country_from_document(mentions: &mut [ActorMention], names_country: &[usize]) {
    if !mentions.iter().any(needs_country) {
        return;
    }
    let main = main_country(mentions);
    let mut counts: FxHashMap<String, usize> = FxHashMap::default();
    for m in mentions.iter() {
        if let Some(c) = &m.actor.country {
            *counts.entry(c.clone()).or_default() += 1;
        }
    }
    // Sentences in which some mention carries a country.
    let mut with_country: Vec<usize> = mentions
        .iter()
        .filter(|m| m.actor.country.is_some())
        .map(|m| m.sentence)
        .collect();
    with_country.dedup();
    // Governments named so far: (country, sentence, text, weight), in text
    // order; a person in office or a capital/seat (weight 2) names a
    // government more surely than "officials" (weight 1).
    let mut govs: Vec<(String, usize, String, u8)> = Vec::new();
    for i in 0..mentions.len() {
        let Some(m) = mentions.get(i) else { break };
        let is_gov =
            m.actor.sectors.first().is_some_and(|s| s == "GOV") || m.kind == MentionKind::Capital;
        if is_gov {
            if let Some(c) = &m.actor.country {
                if c.len() == 3 {
                    let weight = match m.kind {
                        MentionKind::Person | MentionKind::Capital | MentionKind::Country => 2,
                        _ => 1,
                    };
                    govs.push((c.clone(), m.sentence, m.text.clone(), weight));
                }
            }
        }
        if !needs_country(m)
            || with_country.contains(&m.sentence)
            || names_country.contains(&m.sentence)
        {
            continue;
        }
        let governmental = m.actor.sectors.first().is_some_and(|s| s == "GOV");
        let from_gov = if governmental {
            govs.iter()
                .enumerate()
                .filter(|(_, (_, s, _, _))| m.sentence.saturating_sub(*s) <= GOV_WINDOW)
                .max_by_key(|(i, (c, _, _, w))| (counts.get(c).copied().unwrap_or(0), *w, *i))
                .map(|(_, g)| g)
        } else {
            None
        };
        let (country, reason, cap) = if let Some((c, s, text, _)) = from_gov {
            (
                c.clone(),
                format!("country {c} from a government named just before ({text:?}, sentence {s})"),
                GOV_CONFIDENCE,
            )
        } else if let Some((c, n, total)) = &main {
            (
                c.clone(),
                format!("country {c}: the story's main country ({n} of {total} country mentions)"),
                MAIN_CONFIDENCE,
            )
        } else {
            continue;
        };
        if let Some(m) = mentions.get_mut(i) {
            m.actor.country = Some(country);
            m.rule.push_str(" + ");
            m.rule.push_str(&reason);
            m.confidence = m.confidence.min(cap);
        }
    }
}
