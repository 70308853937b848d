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
//!
//! The place mentions are kept apart from the document's actor mentions
//! (see [`Mentions`]): the actor list is never copied or changed, and the
//! originals keep their indices (which `antecedent` refers to).

use dyad_core::{Actor, ActorMention, AnalyzedDocument, MentionKind, PlaceMention, Span};

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
    // the target of an act of force: "an assault on Afrin", "strikes against Idlib"
    "on",
    "against",
];

/// Nouns for settlements and areas whose "of" names the place: "the town of
/// Afrin" stands where "Afrin" would.
const PLACE_HEAD_NOUNS: &[&str] = &[
    "town",
    "city",
    "village",
    "province",
    "region",
    "district",
    "capital",
    "suburb",
    "enclave",
    "port",
    "governorate",
    "area",
    "neighbourhood",
    "neighborhood",
    // "arrived in the Black Sea resort of Sochi", "the island of Crete"
    "resort",
    "island",
    "municipality",
    "county",
    "hamlet",
];

/// How a place-derived mention's rule starts ([`is_place_mention`]).
const RULE_PREFIX: &str = "place:";

/// True for a mention this module added (a toponym standing for its country).
pub fn is_place_mention(m: &ActorMention) -> bool {
    m.kind == MentionKind::Country && m.rule.starts_with(RULE_PREFIX)
}

/// How much less a place-derived mention is trusted than its toponym.
const CONFIDENCE_FACTOR: f32 = 0.8;

/// The mentions the coder reads: the document's actor mentions, then the
/// place mentions of [`place_mentions`], each run in text order. A mention's
/// index is its position in the two runs put end to end (its `global`
/// index); [`Mentions::in_span`] merges the runs where text order matters.
#[derive(Clone, Copy)]
pub struct Mentions<'a> {
    actors: &'a [ActorMention],
    places: &'a [ActorMention],
}

impl<'a> Mentions<'a> {
    /// The document's actor mentions and the coder's place mentions.
    pub fn new(actors: &'a [ActorMention], places: &'a [ActorMention]) -> Mentions<'a> {
        Mentions { actors, places }
    }

    /// The document's actor mentions (global indices `0..len`).
    pub fn actors(&self) -> &'a [ActorMention] {
        self.actors
    }

    /// The mention of global index `global`.
    pub fn get(&self, global: usize) -> Option<&'a ActorMention> {
        match global.checked_sub(self.actors.len()) {
            None => self.actors.get(global),
            Some(place) => self.places.get(place),
        }
    }

    /// The mentions that may overlap `span`, with their global indices, in
    /// text order: the order of one list sorted by span, an actor mention
    /// before a place mention of the same span.
    pub fn in_span(&self, span: Span) -> InTextOrder<'a> {
        let (actors, actor_index) = near(self.actors, span);
        let (places, place_index) = near(self.places, span);
        InTextOrder {
            actors,
            actor_index,
            places,
            place_index: self.actors.len() + place_index,
        }
    }
}

impl<'a> From<&'a [ActorMention]> for Mentions<'a> {
    /// Actor mentions without place mentions.
    fn from(actors: &'a [ActorMention]) -> Mentions<'a> {
        Mentions::new(actors, &[])
    }
}

/// The part of `run` (in text order) that may overlap `span`, and the index
/// in `run` where it starts.
fn near(run: &[ActorMention], span: Span) -> (&[ActorMention], usize) {
    // Most sentences lie wholly before or after the few place mentions.
    match (run.first(), run.last()) {
        (None, _) => return (run, 0),
        (Some(first), _) if first.span.start >= span.end => return (&[], 0),
        (_, Some(last)) if last.span.end <= span.start => return (&[], run.len()),
        _ => {}
    }
    let lo = run.partition_point(|m| m.span.end <= span.start);
    let hi = run.partition_point(|m| m.span.start < span.end);
    (run.get(lo..hi.max(lo)).unwrap_or(&[]), lo)
}

/// Iterator of [`Mentions::in_span`]: `(global index, mention)`.
#[derive(Clone)]
pub struct InTextOrder<'a> {
    actors: &'a [ActorMention],
    actor_index: usize,
    places: &'a [ActorMention],
    place_index: usize,
}

impl<'a> Iterator for InTextOrder<'a> {
    type Item = (usize, &'a ActorMention);

    fn next(&mut self) -> Option<Self::Item> {
        let key = |m: &ActorMention| (m.span.start, m.span.end);
        let place_first = match (self.actors.first(), self.places.first()) {
            (Some(a), Some(p)) => key(p) < key(a),
            (None, Some(_)) => true,
            (_, None) => false,
        };
        let (run, index) = if place_first {
            (&mut self.places, &mut self.place_index)
        } else {
            (&mut self.actors, &mut self.actor_index)
        };
        let (first, rest) = run.split_first()?;
        *run = rest;
        let global = *index;
        *index += 1;
        Some((global, first))
    }
}

/// A country mention for each toponym after a preposition that no actor
/// mention covers, in text order.
pub fn place_mentions(
    text: &str,
    actors: &[ActorMention],
    places: &[PlaceMention],
) -> Vec<ActorMention> {
    places
        .iter()
        // cheapest tests first: many toponyms are actor mentions too
        .filter(|p| stands_for_country(p))
        .filter(|p| !overlaps_any(actors, p.span))
        .filter(|p| follows_preposition(text, p.span.start))
        .filter_map(country_mention)
        .collect()
}

/// A country mention for each "<demonym> <place noun>" after a slot
/// preposition ("fired missiles at Ukrainian territory", "shelled positions
/// in Syrian towns") that no actor mention covers: the lexicon rightly does
/// not make such a phrase an actor, but as the object of a preposition it
/// stands for its country, like a toponym does. `country_of(demonym, noun)`
/// is the lexicon's lookup. In text order.
pub fn demonym_place_mentions<'c>(
    doc: &AnalyzedDocument,
    actors: &[ActorMention],
    country_of: impl Fn(&str, &str) -> Option<&'c str>,
) -> Vec<ActorMention> {
    let text = doc.doc.text.as_str();
    let mut out = Vec::new();
    for s in &doc.sentences {
        let word = |i: usize| s.tokens.get(i).map_or("", |t| t.text(text));
        for i in 1..s.tokens.len() {
            // the demonym, one or two words ("North Korean"), then the noun
            for width in [2usize, 1] {
                let noun_at = i + width;
                if noun_at >= s.tokens.len() {
                    continue;
                }
                let demonym = if width == 2 {
                    let (a, b) = (word(i), word(i + 1));
                    let mut d = String::with_capacity(a.len() + b.len() + 1);
                    d.push_str(a);
                    d.push(' ');
                    d.push_str(b);
                    d
                } else {
                    word(i).to_string()
                };
                let before = if word(i - 1).eq_ignore_ascii_case("the") {
                    i.checked_sub(2).map(word).unwrap_or("")
                } else {
                    word(i - 1)
                };
                if !SLOT_PREPOSITIONS
                    .iter()
                    .any(|p| p.eq_ignore_ascii_case(before))
                {
                    continue;
                }
                let Some(country) = country_of(&demonym, word(noun_at)) else {
                    continue;
                };
                let (Some(first), Some(last)) = (s.tokens.get(i), s.tokens.get(noun_at)) else {
                    continue;
                };
                let span = Span::new(first.span.start, last.span.end);
                if overlaps_any(actors, span) {
                    break;
                }
                out.push(ActorMention {
                    span,
                    sentence: s.index,
                    text: span.slice(text).to_string(),
                    kind: MentionKind::Country,
                    actor: Actor {
                        name: country.to_string(),
                        country: Some(country.to_string()),
                        ..Default::default()
                    },
                    antecedent: None,
                    rule: format!("{RULE_PREFIX}demonym + '{}' as its country", word(noun_at)),
                    confidence: CONFIDENCE_FACTOR,
                });
                break;
            }
        }
    }
    out
}

/// True when a mention of `actors` (in text order) overlaps `span`.
fn overlaps_any(actors: &[ActorMention], span: Span) -> bool {
    let from = actors.partition_point(|a| a.span.end <= span.start);
    actors
        .get(from..)
        .unwrap_or(&[])
        .iter()
        .take_while(|a| a.span.start < span.end)
        .any(|a| a.span.overlaps(span))
}

/// True when toponym `p` resolved to a place with a country code (checked
/// first: it is the cheapest test).
fn stands_for_country(p: &PlaceMention) -> bool {
    p.place.as_ref().is_some_and(|r| r.country.len() == 3)
}

/// The country mention standing for toponym `p`, when it resolved to a
/// place with a country code.
fn country_mention(p: &PlaceMention) -> Option<ActorMention> {
    let place = p.place.as_ref()?;
    if place.country.len() != 3 {
        return None;
    }
    let is_country = place.feature_code.starts_with("PCL");
    // Built with pushes, not `format!`: this runs for every such toponym.
    let name = if is_country {
        place.name.clone()
    } else {
        let mut name = String::with_capacity(place.name.len() + 6);
        for part in [place.name.as_str(), " (", place.country.as_str(), ")"] {
            name.push_str(part);
        }
        name
    };
    let mut rule = String::with_capacity(48);
    rule.push_str(RULE_PREFIX);
    push_decimal(&mut rule, place.geonameid);
    for part in [" ", place.feature_code.as_str(), " as its country"] {
        rule.push_str(part);
    }
    Some(ActorMention {
        span: p.span,
        sentence: p.sentence,
        text: p.text.clone(),
        kind: MentionKind::Country,
        actor: Actor {
            name,
            country: Some(place.country.clone()),
            ..Default::default()
        },
        antecedent: None,
        rule,
        confidence: p.confidence * CONFIDENCE_FACTOR,
    })
}

/// Appends `n` in decimal, as `format!("{n}")` writes it.
fn push_decimal(out: &mut String, mut n: u64) {
    // u64::MAX has 20 digits; they are found last first
    let mut digits = [b'0'; 20];
    let mut first = digits.len();
    for slot in digits.iter_mut().rev() {
        *slot = b'0' + (n % 10) as u8;
        n /= 10;
        first -= 1;
        if n == 0 {
            break;
        }
    }
    let written = digits.get(first..).unwrap_or_default();
    out.extend(written.iter().map(|&d| char::from(d)));
}

/// True when the word before byte `start` (skipping "the") is one of
/// [`SLOT_PREPOSITIONS`].
fn follows_preposition(text: &str, start: usize) -> bool {
    let Some(before) = text.get(..start) else {
        return false;
    };
    // Only spaces may separate the preposition (or "the") from the name.
    let (mut word, rest) = last_word(before);
    if word.eq_ignore_ascii_case("the") {
        word = last_word(rest).0;
    }
    if word.eq_ignore_ascii_case("of") {
        // "(an assault on) the town of Afrin": the phrase stands for its
        // place; the whole phrase needs a slot preposition itself
        let (noun, rest) = last_word(rest);
        let noun = noun.trim_end_matches(',');
        return PLACE_HEAD_NOUNS
            .iter()
            .any(|p| p.eq_ignore_ascii_case(noun))
            && (rest.split_whitespace().rev().take(5))
                .any(|w| SLOT_PREPOSITIONS.iter().any(|p| p.eq_ignore_ascii_case(w)));
    }
    SLOT_PREPOSITIONS
        .iter()
        .any(|p| p.eq_ignore_ascii_case(word))
        || VISIT_VERBS.iter().any(|v| v.eq_ignore_ascii_case(word))
}

/// Verb forms whose direct object is the place visited, standing for its
/// country as a preposition's object does: "Merkel visited Iraq" is a visit
/// to Iraq as "Merkel arrived in Iraq" is ("- visit +").
const VISIT_VERBS: &[&str] = &[
    "visit", "visits", "visited", "visiting", "tour", "tours", "toured", "touring",
];

/// The last whitespace-separated word of `text` ("" when none) and the text
/// before it; reads only the end of `text` (it runs once per toponym, on
/// all the text before it).
fn last_word(text: &str) -> (&str, &str) {
    ascii_last_word(text).unwrap_or_else(|| {
        let text = text.trim_end();
        match text.rsplit_once(char::is_whitespace) {
            Some((rest, word)) => (word, rest),
            None => (text, ""),
        }
    })
}

/// [`last_word`] read byte by byte, `None` when a non-ASCII byte is met
/// (the word, or the space around it, may then be Unicode).
fn ascii_last_word(text: &str) -> Option<(&str, &str)> {
    // the ASCII characters `char::is_whitespace` accepts
    let is_space = |b: u8| matches!(b, b' ' | b'\t' | b'\n' | b'\x0B' | b'\x0C' | b'\r');
    let bytes = text.as_bytes();
    let end = bytes
        .iter()
        .rposition(|&b| !is_space(b))
        .map_or(0, |i| i + 1);
    let head = bytes.get(..end)?;
    let start = match head.iter().rposition(|&b| is_space(b) || !b.is_ascii()) {
        Some(i) if !head.get(i)?.is_ascii() => return None,
        Some(i) => i + 1,
        None => 0,
    };
    let word = text.get(start..end)?;
    let rest = text.get(..start.saturating_sub(1))?;
    Some((word, rest))
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
        let nbsp = "  In\u{a0}the  Alps";
        assert!(follows_preposition(nbsp, nbsp.find("Alps").unwrap()));
        assert!(!follows_preposition("the ", 4));
        assert!(!follows_preposition("", 0));
    }

    #[test]
    fn a_settlement_of_a_name_after_a_slot_preposition() {
        let text = "Shells fell on the eastern town of Dorvik. The mayor of Lund spoke. \
                    Jets struck near the city of Ostra; a village of Kem.";
        assert!(follows_preposition(text, text.find("Dorvik").unwrap()));
        assert!(follows_preposition(text, text.find("Ostra").unwrap()));
        assert!(
            !follows_preposition(text, text.find("Lund").unwrap()),
            "no place noun"
        );
        assert!(
            !follows_preposition(text, text.find("Kem").unwrap()),
            "no preposition"
        );
        let attack = "an attack against Halvik";
        assert!(follows_preposition(attack, attack.find("Halvik").unwrap()));
    }

    #[test]
    fn ascii_reading_of_the_last_word_agrees_with_unicode_reading() {
        let unicode = |text: &str| -> (String, String) {
            let text = text.trim_end();
            match text.rsplit_once(char::is_whitespace) {
                Some((rest, word)) => (word.into(), rest.into()),
                None => (text.into(), String::new()),
            }
        };
        for text in [
            "",
            " ",
            "in",
            "met in ",
            "met\tin\n ",
            "a  b",
            "x\u{a0}in ",
            "in\u{a0}",
            "caf\u{e9} in",
            "\u{2003}to ",
            "\x0Bin\x0B",
        ] {
            let (word, rest) = last_word(text);
            assert_eq!(
                (word.to_string(), rest.to_string()),
                unicode(text),
                "{text:?}"
            );
        }
    }

    #[test]
    fn decimals_as_format_writes_them() {
        for n in [0, 7, 10, 99, 100, 1_234_567, u64::MAX] {
            let mut s = String::from("x");
            push_decimal(&mut s, n);
            assert_eq!(s, format!("x{n}"));
        }
    }

    #[test]
    fn mentions_merge_in_text_order() {
        let mention = |start, end, rule: &str| ActorMention {
            span: Span::new(start, end),
            sentence: 0,
            text: String::new(),
            kind: MentionKind::Country,
            actor: Actor::default(),
            antecedent: None,
            rule: rule.to_string(),
            confidence: 1.0,
        };
        let actors = [
            mention(0, 5, "a0"),
            mention(10, 15, "a1"),
            mention(30, 35, "a2"),
        ];
        let places = [
            mention(10, 15, "p0"),
            mention(20, 25, "p1"),
            mention(40, 45, "p2"),
        ];
        let mentions = Mentions::new(&actors, &places);
        let order: Vec<(usize, &str)> = mentions
            .in_span(Span::new(3, 41))
            .map(|(i, m)| (i, m.rule.as_str()))
            .collect();
        assert_eq!(
            order,
            [
                (0, "a0"),
                (1, "a1"),
                (3, "p0"),
                (4, "p1"),
                (2, "a2"),
                (5, "p2")
            ]
        );
        assert_eq!(mentions.get(4).map(|m| m.rule.as_str()), Some("p1"));
        assert!(mentions.get(6).is_none());
        assert_eq!(mentions.in_span(Span::new(16, 19)).count(), 0);
    }
}
