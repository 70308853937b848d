//! Resolution in context, document level: a generic actor with no country
//! ("the government", "rebels", "security forces") takes one from the
//! document.
//!
//! Order of evidence (each step leaves a reason in the mention's rule and
//! lowers its confidence):
//!
//! 1. the sentence itself: demonym and "of"/possessive compounds ("Turkish
//!    forces", "forces of Assad", "Iran's government") are assembled by the
//!    recogniser, and "forces loyal to X" / apposition by the coder's
//!    tree-based country donors;
//! 2. "our government" in the author's own voice (no quotation mark in the
//!    sentence, no quotation still open): the publisher's country, when the
//!    document's source names a media organisation of the lexicon ("Guardian"
//!    → GBR); inside a quotation "our" is the speaker's, and is left alone;
//! 3. a people without a state of its own before the actor ("Kurdish
//!    authorities", "Yazidi fighters"), or a noun of its members ("Kurds";
//!    `data/lexicon/peoples.tsv`): the story's conflict
//!    country (below) when the people lives there, else the one land of the
//!    people the sentence names, else the land of the people the story names
//!    most (twice as often as any other); otherwise nothing (a Kurdish group
//!    in a British story is not British);
//! 4. when the sentence names no country at all: a governmental actor
//!    (primary sector GOV) takes the country of a government named within
//!    the last [`GOV_WINDOW`] sentences (a capital, a seat, a GOV actor with a
//!    country); when several were, the one whose country the story names most
//!    often, then a person in office or a seat of power over a group of
//!    officials, then the most recent; any other actor, and a governmental
//!    one with no government named just before, takes the story's main
//!    country: the country of at least two thirds of the document's country
//!    mentions, at least three (a Putin column about Syria names Russia most,
//!    but not overwhelmingly: "a dictator who starves his own population"
//!    stays without a country rather than become Russian);
//! 5. when the sentence does name a country, governmental, military and
//!    other actors are left alone (the sentence's structure decides: "Russia
//!    and the government"), except where the sentence says where the group
//!    is: civilians (CVL) and insurgents ([`INSURGENT`]) take the one
//!    country of all the places the sentence names (countries after a
//!    preposition, cities, capitals that do not act, and countries
//!    coordinated with them: "in Iraq and Syria" is two places), when one of
//!    them is not only a destination or origin ("fled to Turkey") — for
//!    insurgents, one after a locative preposition ("rebels in Idlib", not
//!    "bombers attacked Paris"); countries named as actors do not count
//!    ("Russian jets ... killing four people in al-Habit" → SYR CVL). Not
//!    when the text tells whose the group is otherwise: "foreign fighters",
//!    a possessive ("its people"), an "of"/"from" phrase ("families of
//!    British men"), a name after a title ("dissident journalist Jamal
//!    Khashoggi"), a hyphenated modifier ("tourist-dependent"); a city
//!    inside a longer name ("commander Adnan Afrin", "the New York Times")
//!    is no place. Confidence [`SENTENCE_PLACE_CONFIDENCE`]. Otherwise: Insurgents and the opposition ([`INSURGENT`])
//!    take the story's *conflict country* — its main country, else its
//!    theatre (the country of two thirds of the places it names) — when the
//!    sentence names foreign countries only as actors ("The Russians are
//!    negotiating with the rebels" in a Syria story), not when it names a
//!    foreign place ("rebels withdrew into Lebanon"); civilians and refugees
//!    ([`CIVILIAN`]) take it only when the sentence names it as a place and
//!    no other country ("civilians were killed in Syria").

use dyad_core::{ActorMention, MentionKind};
use rustc_hash::FxHashMap;

use crate::context_words::List;
use crate::model::StatelessPeople;

/// How many sentences back "the government most recently named" may lie.
const GOV_WINDOW: usize = 5;

/// Confidence cap for a country taken from the most recently named government.
const GOV_CONFIDENCE: f32 = 0.6;

/// What a mention's rule carries after a country filled in from the
/// document (every reason below starts with "country X"): the country is a
/// guess from the story, not written in the mention ("Kurds" in a Turkey
/// story), so the coder does not place a domestic act in it.
pub const DOCUMENT_COUNTRY_MARKER: &str = " + country ";

/// What a filled-in country's reason says when the country is that of the
/// places the mention's own sentence names ("killing four people in
/// al-Habit"), not a guess from the rest of the story: the coder may place a
/// domestic act of such sides in that country when the sentence names no
/// other (docs/geo.md, "Event location").
pub const SENTENCE_PLACE_MARKER: &str = ": the one country of the places its sentence names";

/// How many sentences back the scene of civilians in a sentence naming no
/// country may have been set.
const SCENE_WINDOW: usize = 2;

/// Singular nouns of a state's government that an opposition speaks of as
/// its own ("the government", "the regime"). Not "administration": in
/// this press it is mostly the US one, which foreign oppositions meet and
/// thank ("the Venezuelan opposition leader met the administration").
const OWN_GOVERNMENT_NOUNS: &[&str] = &["government", "regime"];

/// The country of the opposition named before `m` in its sentence, when `m`
/// is "the government" / "the regime" written alone
/// (no "of"/"in" phrase naming a place after it: "the government of Iraq") and every opposition actor (primary
/// sector OPP, with a country) named before it there is of one country: an
/// opposition is defined by the government it opposes ("Labour leader Jeremy
/// Corbyn has accused the government", "an opposition spokesman said talks
/// with the regime ..."). Returns the country and the first opposition
/// mention's text.
fn government_of_the_opposition(
    text: &str,
    mentions: &[ActorMention],
    m: &ActorMention,
) -> Option<(String, String)> {
    let noun = m.text.to_ascii_lowercase();
    if !OWN_GOVERNMENT_NOUNS.contains(&noun.as_str()) {
        return None;
    }
    let before = text.get(..m.span.start)?.trim_end();
    let det = before.rsplit(char::is_whitespace).next().unwrap_or("");
    if !det.eq_ignore_ascii_case("the") {
        return None;
    }
    // "the government of Iraq", "the regime in Damascus": a place phrase
    // after it names whose it is (not "accused the government of lying")
    let mut words = text
        .get(m.span.end..)
        .unwrap_or("")
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty() && !w.eq_ignore_ascii_case("the"));
    let next = words.next().unwrap_or("");
    let named_after = words
        .next()
        .is_some_and(|w| w.starts_with(|c: char| c.is_uppercase()));
    if ["of", "in", "at", "from"]
        .iter()
        .any(|w| next.eq_ignore_ascii_case(w))
        && named_after
    {
        return None;
    }
    let mut found: Option<(String, String)> = None;
    for o in mentions
        .iter()
        .filter(|o| o.sentence == m.sentence && o.span.end <= m.span.start)
        .filter(|o| o.actor.primary_sector() == Some("OPP"))
    {
        let Some(c) = o.actor.country.as_deref().filter(|c| c.len() == 3) else {
            continue;
        };
        match &found {
            Some((f, _)) if f != c => return None,
            Some(_) => {}
            None => found = Some((c.to_string(), o.text.clone())),
        }
    }
    found
}

/// Confidence cap for a country taken from the story's main country.
const MAIN_CONFIDENCE: f32 = 0.45;

/// Sectors of actors that do not take a country from the story: bodies that
/// are international or named entities of their own.
const NO_DOCUMENT_COUNTRY: &[&str] = &["IGO", "NGO", "MNC", "UNK"];

fn needs_country(m: &ActorMention) -> bool {
    m.kind == MentionKind::Role
        && !names_several_states(&m.text)
        && m.actor.country.is_none()
        && m.actor.org.is_none()
        && m.actor
            .sectors
            .first()
            .is_some_and(|s| !NO_DOCUMENT_COUNTRY.contains(&s.as_str()))
}

/// "governments", "many regimes", "countries": a plural of a state's
/// government names several states, so no one country from the context is
/// theirs ("UNHCR has a mandate to support governments").
fn names_several_states(text: &str) -> bool {
    let last = text.rsplit(' ').next().unwrap_or("").to_lowercase();
    matches!(
        last.as_str(),
        "governments" | "regimes" | "administrations" | "states" | "countries" | "nations"
    )
}

/// The country of at least two thirds of `codes`, and at least three of
/// them, with its count and the total; blocs ("Western") are not counted
/// (country codes are three capital letters).
fn dominant<'a>(codes: impl Iterator<Item = &'a str>) -> Option<(String, usize, usize)> {
    let mut counts: FxHashMap<&str, usize> = FxHashMap::default();
    let mut total = 0;
    for c in codes.filter(|c| c.len() == 3 && c.bytes().all(|b| b.is_ascii_uppercase())) {
        *counts.entry(c).or_default() += 1;
        total += 1;
    }
    let mut ranked: Vec<(&str, usize)> = counts.into_iter().collect();
    ranked.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    match ranked.as_slice() {
        [(c, n), ..] if *n >= 3 && 3 * *n >= 2 * total => Some((c.to_string(), *n, total)),
        _ => None,
    }
}

/// The story's main country and how often it is named, when one stands out
/// among the document's country mentions.
fn main_country(mentions: &[ActorMention]) -> Option<(String, usize, usize)> {
    dominant(
        mentions
            .iter()
            .filter(|m| !coreferred(m))
            // a person of an insurgent group ("Baghdadi") is his country's
            // national, no sign that the story is about that state
            .filter(|m| {
                m.kind != MentionKind::Person
                    || m.actor
                        .primary_sector()
                        .is_none_or(|s| !INSURGENT.contains(&s))
            })
            .filter_map(|m| m.actor.country.as_deref()),
    )
}

/// A description or pronoun resolved to an earlier mention
/// (`crate::definite`): no new evidence of what the story is about.
fn coreferred(m: &ActorMention) -> bool {
    m.rule.contains(crate::definite::COREFERENCE_MARKER)
}

/// The story's theatre: the country of at least two thirds of the places the
/// document names (countries after a preposition, cities, capitals not
/// acting), at least three. A story about Syria names Russia, the US and
/// Britain as actors as often as Syria, but its places are Syrian.
fn theatre(named: &[Named]) -> Option<(String, usize, usize)> {
    dominant(
        named
            .iter()
            .filter(|n| n.as_place)
            .map(|n| n.country.as_str()),
    )
}

/// A country named in a sentence by the matcher (as an actor or a place).
#[derive(Debug, Clone)]
pub(crate) struct Named {
    /// Index of the sentence.
    pub sentence: usize,
    /// Country code.
    pub country: String,
    /// Named as a place: a country after a preposition ("in Syria"), a
    /// city, a capital that does not act ("attacked Paris").
    pub as_place: bool,
    /// Named as a place right after a preposition of direction ("fled to
    /// Turkey", "returned from Syria", "into Iraq"): where someone goes or
    /// comes from, not where they are.
    pub directional: bool,
    /// Named as a place right after a locative preposition ("in Idlib",
    /// "near Raqqa"), not as an object ("attacked Paris").
    pub locative: bool,
    /// Named as a place someone comes from or goes back to: right after
    /// "from" (not "returned from", "back from": a return ends elsewhere),
    /// or after "to" with a word of return right before it ("return to
    /// Syria", "back to Aleppo"): a displaced person's home.
    pub home: bool,
    /// Named by the country's (or a city's) name, not by a demonym
    /// ("Turkey", not "Turkish forces").
    pub by_name: bool,
    /// Byte span of the name in the text.
    pub start: usize,
    pub end: usize,
}

/// Nouns that name a state's ruling power without saying whose, and that
/// writers use for the government of the country a story is about, not for
/// their own ("the regime", "the junta").
const RULER_NOUNS: &[&str] = &["regime", "junta", "dictatorship"];

/// Words that may stand right before such a noun when it names the ruling
/// power itself: determiners, prepositions and conjunctions ("the regime",
/// "a regime offensive", "by the regime"), not a noun that makes it a system
/// ("sanctions regime", "visa regime") nor an epithet of a state named
/// ("that repulsive regime").
const BEFORE_RULER: &[&str] = &[
    "the", "a", "an", "and", "or", "by", "on", "of", "to", "with", "against", "for", "from",
    "under", "between", "than", "other",
];

/// Whether the mention is a ruler noun alone ("the regime", "regime" in
/// "regime forces") after a determiner, preposition or conjunction, or
/// opening its sentence.
fn names_the_ruler(text: &str, m: &ActorMention) -> bool {
    let own = m.text.trim();
    if !crate::words::is_in(RULER_NOUNS, own) {
        return false;
    }
    let before = text.get(..m.span.start).unwrap_or_default();
    let last_char = before.chars().rev().find(|c| !c.is_whitespace());
    let word = before.split_whitespace().next_back();
    match (last_char, word) {
        // sentence start
        (None, _) | (Some('.' | '!' | '?' | '“' | '"'), _) => true,
        (_, Some(w)) => crate::words::is_in(BEFORE_RULER, w),
        _ => false,
    }
}

/// Sectors of insurgents and the opposition: in a story about one conflict
/// country they are that country's even when the sentence names foreign
/// actors.
const INSURGENT: &[&str] = &["REB", "OPP", "INS", "UAF", "PRM", "SEP", "RAD"];

/// Sectors of civilians and refugees: the conflict country when it is the
/// only country their sentence names, and it names it as a place
/// ("civilians killed in Syria"; not "families of men who fought alongside
/// the YPG", where only an organisation carries the country).
const CIVILIAN: &[&str] = &["CVL", "REF"];

/// Confidence cap for a country taken from the places of the actor's own
/// sentence: sentence evidence, above the story's main country.
const SENTENCE_PLACE_CONFIDENCE: f32 = 0.55;

/// Words that say a group is not of the place where it is ("foreign
/// fighters detained in Syria", "overseas volunteers").
const NOT_OF_THE_PLACE: &[&str] = &[
    "foreign",
    "overseas",
    "international",
    "expatriate",
    "expat",
    "visiting",
];

/// Whether the mention's first word or the word right before it says the
/// group comes from elsewhere ("foreign fighters").
fn from_elsewhere(text: &str, m: &ActorMention) -> bool {
    let own = m.text.split_whitespace().next();
    let before = text
        .get(..m.span.start)
        .and_then(|b| b.split_whitespace().next_back());
    [own, before]
        .into_iter()
        .flatten()
        .any(|w| crate::words::is_in(NOT_OF_THE_PLACE, w))
}

/// Possessives before a group: the owner decides whose it is ("its people
/// on the ground in Syria" are Russia's, "his own men" the speaker's).
const POSSESSIVE_DETERMINERS: &[&str] = &[
    "its", "their", "his", "her", "our", "my", "your", "whose", "own",
];

/// Whether the sentence's places say nothing of whose the group is: its
/// first word or the word before it says it comes from elsewhere
/// ("foreign fighters"), a possessive owns it ("its people"), an "of" or
/// "from" phrase after it tells (the coder's tree reads "families of two
/// British men", "men from west London"), or it is only the first part of
/// a hyphenated modifier ("tourist-dependent").
fn place_says_nothing(text: &str, m: &ActorMention) -> bool {
    let before = text
        .get(..m.span.start)
        .and_then(|b| b.split_whitespace().next_back())
        .map(|w| w.trim_start_matches(['(', '“', '"', '‘']));
    let after_text = text.get(m.span.end..).unwrap_or_default();
    let after = after_text.split_whitespace().next();
    from_elsewhere(text, m)
        || before.is_some_and(|w| crate::words::is_in(POSSESSIVE_DETERMINERS, w))
        || after.is_some_and(|w| {
            crate::words::is_in(&["of", "from"], w)
                // a title before a name: "dissident journalist Jamal
                // Khashoggi" in Istanbul is not Turkish
                || w.starts_with(|c: char| c.is_uppercase())
        })
        || (after_text.starts_with(['-', '‐', '–']) && !holds_the_place(text, m))
        // a piece of a longer word ("man" in "Maarat al-Nu’man")
        || text
            .get(..m.span.start)
            .and_then(|b| b.chars().next_back())
            .is_some_and(|c| c.is_alphanumeric() || matches!(c, '’' | '\'' | '-'))
}

/// Second halves of a hyphenated modifier that make the group the holder
/// of the place it modifies ("rebel-held eastern Ghouta", "Isis-controlled
/// territory"): the group is where that place is.
const HOLDING: &[&str] = &["held", "controlled", "run", "occupied", "dominated"];

/// Whether the mention is the first half of "X-held"/"X-controlled".
fn holds_the_place(text: &str, m: &ActorMention) -> bool {
    let after = text.get(m.span.end..).unwrap_or_default();
    let Some(dash) = after
        .chars()
        .next()
        .filter(|c| matches!(c, '-' | '‐' | '–'))
    else {
        return false;
    };
    let word: String = after
        .get(dash.len_utf8()..)
        .unwrap_or_default()
        .chars()
        .take_while(|c| c.is_alphabetic())
        .collect();
    crate::words::is_in(HOLDING, &word)
}

/// The one country where the sentence says things happen: every place the
/// sentence names (a country after a preposition, a city, a capital that
/// does not act) is of that country, and at least one is not a destination
/// or origin ("in Idlib", not only "fled to Turkey"). Countries named as
/// actors do not count ("Russian jets killed four people in al-Habit").
fn sentence_place<'n>(
    named: &'n [Named],
    mentions: &[ActorMention],
    sentence: usize,
    locative_only: bool,
) -> Option<&'n str> {
    let mut one: Option<&str> = None;
    let mut located = false;
    // A place inside a longer name is no place ("the New York Times").
    let inside_a_name = |n: &Named| inside_a_longer_name(mentions, sentence, n);
    for n in named
        .iter()
        .filter(|n| n.sentence == sentence && n.as_place && !inside_a_name(n))
    {
        match one {
            Some(c) if c != n.country => return None,
            _ => one = Some(n.country.as_str()),
        }
        located |= if locative_only {
            n.locative
        } else {
            !n.directional
        };
    }
    one.filter(|_| located)
}

/// Whether the place `n` of `sentence` lies inside a longer actor name
/// ("the New York Times"): such a place is no place.
fn inside_a_longer_name(mentions: &[ActorMention], sentence: usize, n: &Named) -> bool {
    mentions.iter().any(|m| {
        m.sentence == sentence
            && m.span.start <= n.start
            && n.end <= m.span.end
            && m.span.end - m.span.start > n.end - n.start
    })
}

/// The one country a sentence names as a home (every place it names after
/// "from" or as a destination of return, [`Named::home`], is of that
/// country, and at least one is), places inside a longer name set aside.
fn home_place<'n>(
    named: &'n [Named],
    mentions: &[ActorMention],
    sentence: usize,
) -> Option<&'n str> {
    let inside_a_name = |n: &Named| inside_a_longer_name(mentions, sentence, n);
    let mut one: Option<&str> = None;
    for n in named
        .iter()
        .filter(|n| n.sentence == sentence && n.as_place && n.home && !inside_a_name(n))
    {
        match one {
            Some(c) if c != n.country => return None,
            _ => one = Some(n.country.as_str()),
        }
    }
    one
}

/// Group nouns of a governing body: with a stateless people's adjective
/// they name that people's own administration ("Kurdish authorities").
const GOVERNING_BODIES: &[&str] = &[
    "authorities",
    "authority",
    "administration",
    "administrations",
    "government",
    "governments",
    "officials",
    "leadership",
];

/// The people named by the word right before the mention ("Kurdish", also
/// "Kurdish-led"), or by the mention's own first word (the role "Kurdish
/// fighter", the noun "Kurds"), with its adjective and countries.
fn people_of<'p>(
    peoples: &'p [StatelessPeople],
    text: &str,
    m: &ActorMention,
) -> Option<&'p StatelessPeople> {
    let find = |word: &str, nouns: bool| {
        let word = word.split('-').next().unwrap_or(word);
        peoples.iter().find(|p| {
            p.adjective.eq_ignore_ascii_case(word)
                || (nouns
                    && p.nouns.iter().any(|n| {
                        n.eq_ignore_ascii_case(word)
                            || crate::text::plurals(n)
                                .iter()
                                .any(|pl| pl.eq_ignore_ascii_case(word))
                    }))
        })
    };
    m.text
        .split_whitespace()
        .next()
        .and_then(|w| find(w, true))
        .or_else(|| {
            find(
                text.get(..m.span.start)?.split_whitespace().next_back()?,
                false,
            )
        })
}

/// What the document-level pass reads besides the mentions.
pub(crate) struct DocContext<'a> {
    /// The document text the spans point into.
    pub text: &'a str,
    /// The countries the matcher found in each sentence (places included).
    pub named: &'a [Named],
    /// Sentences as (index, start, end) byte spans.
    pub sentences: &'a [(usize, usize, usize)],
    /// The country of the document's publisher, when its source field names
    /// a media organisation the lexicon knows.
    pub publisher_country: Option<String>,
    /// Peoples without a state of their own (`peoples.tsv`).
    pub peoples: &'a [StatelessPeople],
}

/// Whether every quotation in the sentence is a short curly-quoted phrase
/// ("regarding it as an “ally”"): scare quotes, not reported speech.
fn only_scare_quotes(sentence: &str) -> bool {
    if sentence.contains(['"', '«', '»']) {
        return false;
    }
    let mut rest = sentence;
    while let Some(open) = rest.find('“') {
        let after = rest.get(open + '“'.len_utf8()..).unwrap_or_default();
        let Some(close) = after.find('”') else {
            return false;
        };
        let quoted = after.get(..close).unwrap_or_default();
        if quoted.split_whitespace().count() > SCARE_QUOTE_WORDS {
            return false;
        }
        rest = after.get(close + '”'.len_utf8()..).unwrap_or_default();
    }
    !rest.contains('”')
}

/// The most words a scare-quoted phrase has.
const SCARE_QUOTE_WORDS: usize = 4;

/// "our government" written in the author's own voice: the word before the
/// mention is "our", its sentence holds no quotation but scare quotes, and
/// no quotation opened earlier in the document is still open (curly quotes
/// counted). (The mention cannot lie inside a scare-quoted phrase: "our"
/// would make it five words or fewer and inside, but then the sentence would
/// still be the author's, quoting a phrase.)
fn in_author_voice_after_our(ctx: &DocContext, m: &ActorMention) -> bool {
    let text = ctx.text;
    let our = text
        .get(..m.span.start)
        .and_then(|b| b.split_whitespace().next_back())
        .is_some_and(|w| w.eq_ignore_ascii_case("our"));
    if !our {
        return false;
    }
    let Some(&(_, start, end)) = ctx.sentences.iter().find(|s| s.0 == m.sentence) else {
        return false;
    };
    let Some(sentence) = text.get(start..end) else {
        return false;
    };
    if !only_scare_quotes(sentence) {
        return false;
    }
    let before = text.get(..start).unwrap_or_default();
    before.matches('“').count() <= before.matches('”').count()
}

/// Fills the country of generic actors from the document (see the module
/// documentation). Mentions are in text order.
pub(crate) fn country_from_document(mentions: &mut [ActorMention], ctx: &DocContext) {
    let (named, text) = (ctx.named, ctx.text);
    if !mentions.iter().any(needs_country) {
        return;
    }
    let main = main_country(mentions);
    // The conflict country for insurgents, civilians and stateless peoples:
    // the main country, else the theatre.
    let conflict = main.clone().map(|(c, n, total)| {
        let why = format!("the story's main country ({n} of {total} country mentions)");
        (c, why)
    });
    let conflict = conflict.or_else(|| {
        theatre(named).map(|(c, n, total)| {
            let why = format!("the story's theatre ({n} of {total} places named)");
            (c, why)
        })
    });
    let theatre_code = theatre(named).map(|(c, _, _)| c);
    let theatre_code = theatre_code.as_deref();
    let mut counts: FxHashMap<String, usize> = FxHashMap::default();
    // Countries each sentence names (matcher readings and mentions with a
    // country), and those it names as places.
    let mut here: FxHashMap<usize, Vec<String>> = FxHashMap::default();
    let mut places: FxHashMap<usize, Vec<String>> = FxHashMap::default();
    let mut by_name: FxHashMap<usize, Vec<String>> = FxHashMap::default();
    for m in mentions.iter().filter(|m| !coreferred(m)) {
        if let Some(c) = &m.actor.country {
            *counts.entry(c.clone()).or_default() += 1;
            here.entry(m.sentence).or_default().push(c.clone());
        }
    }
    for n in named {
        here.entry(n.sentence).or_default().push(n.country.clone());
        if n.by_name {
            by_name
                .entry(n.sentence)
                .or_default()
                .push(n.country.clone());
        }
        if n.as_place {
            places
                .entry(n.sentence)
                .or_default()
                .push(n.country.clone());
        }
    }
    // Countries whose government the document names anywhere (a GOV actor
    // or a capital with the country, not a description resolved to one).
    let governed: rustc_hash::FxHashSet<&str> = mentions
        .iter()
        .filter(|m| !coreferred(m))
        .filter(|m| {
            m.actor.sectors.first().is_some_and(|s| s == "GOV") || m.kind == MentionKind::Capital
        })
        .filter_map(|m| m.actor.country.as_deref())
        .collect();
    let governed: rustc_hash::FxHashSet<String> =
        governed.into_iter().map(str::to_string).collect();
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
        if !needs_country(m) {
            continue;
        }
        // "Kurdish forces": a people without a state has no state army, so
        // its armed force is a non-state armed group (REB), wherever it is
        // (unless the country found below is one where the people governs
        // its own region: `self_rule`, the sector is then put back)
        // Likewise its authorities ("Kurdish authorities", "the Kurdish
        // administration"): outside a land where it governs a recognised
        // region, a people's own administration is no state's government
        // (titles stay: "a Kurdish mayor" in Turkey holds a state office)
        let mut state_force: Option<(String, &[String])> = None;
        let governing_body = m.actor.primary_sector() == Some("GOV")
            && m.kind == MentionKind::Role
            && m.text
                .split_whitespace()
                .next_back()
                .is_some_and(|w| GOVERNING_BODIES.iter().any(|b| b.eq_ignore_ascii_case(w)));
        if matches!(m.actor.primary_sector(), Some("MIL" | "PRM")) || governing_body {
            if let Some(people) = people_of(ctx.peoples, text, m) {
                state_force = m
                    .actor
                    .primary_sector()
                    .map(|s| (s.to_string(), people.self_rule.as_slice()));
            }
        }
        if state_force.is_some() {
            if let Some(armed) = mentions.get_mut(i) {
                if let Some(first) = armed.actor.sectors.first_mut() {
                    *first = "REB".to_string();
                }
                armed.rule.push_str(if governing_body {
                    " + REB: the administration of a people without a state"
                } else {
                    " + REB: the armed force of a people without a state"
                });
            }
        }
        let Some(m) = mentions.get(i) else { break };
        let in_sentence: &[String] = here.get(&m.sentence).map_or(&[], Vec::as_slice);
        let conflict_code = conflict.as_ref().map(|(c, _)| c.as_str());
        let conflict_reason = |extra: &str| {
            conflict.as_ref().map(|(c, why)| {
                (
                    c.clone(),
                    format!("country {c}: {why}{extra}"),
                    MAIN_CONFIDENCE,
                )
            })
        };
        let main_reason = |extra: &str| {
            main.as_ref().map(|(c, n, total)| {
                (
                    c.clone(),
                    format!(
                        "country {c}: the story's main country ({n} of {total} country mentions){extra}"
                    ),
                    MAIN_CONFIDENCE,
                )
            })
        };
        let primary = m.actor.sectors.first().map(String::as_str);
        let governmental = primary == Some("GOV");
        let publisher = ctx
            .publisher_country
            .as_deref()
            .filter(|_| governmental && in_author_voice_after_our(ctx, m));
        let chosen = if let Some(c) = publisher {
            Some((
                c.to_string(),
                format!("country {c}: \"our\" in the author's own voice, the publisher's country"),
                GOV_CONFIDENCE,
            ))
        } else if let Some(c) = theatre_code.filter(|c| governed.contains(*c)).filter(|c| {
            governmental
                && ctx.publisher_country.as_deref() != Some(*c)
                && names_the_ruler(text, m)
                && places
                    .get(&m.sentence)
                    .is_none_or(|ps| ps.iter().all(|x| x == c))
        }) {
            // "the regime": the ruling power of the country where the story
            // happens (its theatre, not the publisher's country), when the
            // story names that country's government and the sentence places
            // nothing elsewhere ("talks between the regime and the
            // opposition in Vienna" stay open)
            Some((
                c.to_string(),
                format!(
                    "country {c}: \"{}\" is the ruling power of the story's theatre, whose government it names",
                    m.text
                ),
                MAIN_CONFIDENCE,
            ))
        } else if let Some((c, who)) = governmental
            .then(|| government_of_the_opposition(text, mentions, m))
            .flatten()
        {
            // "Labour leader Jeremy Corbyn has accused the government of
            // ...": the government an opposition speaks of is its own
            // country's (the sentence may name other governments: "waiting
            // for instructions from Donald Trump").
            Some((
                c.clone(),
                format!(
                    "country {c}: \"{}\" after the opposition of {c} in its sentence ({who:?}), whose government it is",
                    m.text
                ),
                GOV_CONFIDENCE,
            ))
        } else if let Some(people) = people_of(ctx.peoples, text, m) {
            let (adj, lands) = (people.adjective.as_str(), people.lands.as_slice());
            let lands_text = lands.join(", ");
            if conflict_code.is_some_and(|c| lands.iter().any(|l| l == c)) {
                conflict_reason(&format!("; {adj}: a people of {lands_text}"))
            } else {
                // the lands the sentence names by name or as places: a
                // demonym ("Iranian drones", "the Turkish offensive
                // against the Kurds") names an actor's country, not where
                // the people are
                let named_here = by_name.get(&m.sentence).map_or(&[][..], Vec::as_slice);
                let placed_here = places.get(&m.sentence).map_or(&[][..], Vec::as_slice);
                let mut in_lands: Vec<&String> = named_here
                    .iter()
                    .chain(placed_here)
                    .filter(|c| lands.contains(c))
                    .collect();
                in_lands.sort();
                in_lands.dedup();
                // Else the land of the people the story names most, at least
                // twice and twice as often as any other of its lands.
                let mut by_story: Vec<(usize, &str)> = lands
                    .iter()
                    .map(|l| (counts.get(l).copied().unwrap_or(0), l.as_str()))
                    .collect();
                by_story.sort_unstable_by(|a, b| b.cmp(a));
                match (in_lands.as_slice(), by_story.as_slice()) {
                    ([c], _) => Some((
                        (*c).clone(),
                        format!("country {c}: {adj}, a people of {lands_text}, and the sentence names {c}"),
                        MAIN_CONFIDENCE,
                    )),
                    ([], [(n, c), rest @ ..])
                        if *n >= 2 && rest.first().is_none_or(|(k, _)| *n >= 2 * *k) =>
                    {
                        Some((
                            (*c).to_string(),
                            format!("country {c}: {adj}, a people of {lands_text}, and the story names {c} most of those ({n} mentions)"),
                            MAIN_CONFIDENCE,
                        ))
                    }
                    _ => None,
                }
            }
        } else if in_sentence.is_empty() {
            let from_gov = if governmental {
                govs.iter()
                    .enumerate()
                    .filter(|(_, (_, s, _, _))| m.sentence.saturating_sub(*s) <= GOV_WINDOW)
                    .max_by_key(|(i, (c, _, _, w))| (counts.get(c).copied().unwrap_or(0), *w, *i))
                    .map(|(_, g)| g)
            } else {
                None
            };
            if let Some((c, s, text, _)) = from_gov {
                Some((
                    c.clone(),
                    format!(
                        "country {c} from a government named just before ({text:?}, sentence {s})"
                    ),
                    GOV_CONFIDENCE,
                ))
            } else if let Some(r) = main_reason("") {
                Some(r)
            } else if primary == Some("CVL") && !place_says_nothing(text, m) {
                // Civilians in a sentence that names no country, in a story
                // with no main country: the scene the text has just set, when
                // the nearest sentence before (two at most) that names a
                // country names only one, as a place, and it is the story's
                // conflict country ("The agony of eastern Ghouta ... Once
                // again civilians are being killed").
                (1..=SCENE_WINDOW)
                    .filter_map(|back| m.sentence.checked_sub(back))
                    .find(|s| here.get(s).is_some_and(|h| !h.is_empty()))
                    .and_then(|s| {
                        let c = sentence_place(named, mentions, s, false)?;
                        let all_same = here.get(&s).is_some_and(|h| h.iter().all(|x| x == c));
                        (all_same && conflict_code == Some(c)).then(|| {
                            (
                                c.to_string(),
                                format!("country {c}: the one country of the places the sentence before names (sentence {s}), the story's conflict country"),
                                MAIN_CONFIDENCE,
                            )
                        })
                    })
            } else {
                None
            }
        } else if governmental {
            None
        } else if let Some(c) = primary
            .filter(|p| *p == "REF" && !place_says_nothing(text, m) && !from_elsewhere(text, m))
            .and_then(|_| home_place(named, mentions, m.sentence))
        {
            // Refugees whose own sentence names one country as where
            // someone comes from or goes back to ("Sharf had arrived from
            // Syria ... to accept more refugees", "no refugees would be
            // forced to return to Syria"): that is their home.
            Some((
                c.to_string(),
                format!("country {c}: refugees, and the one country the sentence names as where people come from or return to"),
                MAIN_CONFIDENCE,
            ))
        } else if let Some(c) = primary
            .filter(|p| (INSURGENT.contains(p) || *p == "CVL") && !place_says_nothing(text, m))
            // Armed groups only where the sentence says they are ("rebels
            // in Idlib"), not where they strike ("bombers attacked Paris").
            // A holder ("rebel-held X") is wherever the place held is, after
            // a preposition or not ("shelled rebel-held Douma").
            .and_then(|p| {
                let locative_only = p != "CVL" && !holds_the_place(text, m);
                sentence_place(named, mentions, m.sentence, locative_only)
            })
        {
            // Sentence evidence first: civilians and armed groups where the
            // sentence places them ("killing four people in al-Habit";
            // refugees are left out: they are mostly somewhere else than
            // home).
            Some((
                c.to_string(),
                format!("country {c}{SENTENCE_PLACE_MARKER}"),
                SENTENCE_PLACE_CONFIDENCE,
            ))
        } else if primary.is_some_and(|p| INSURGENT.contains(&p) || CIVILIAN.contains(&p))
            && !from_elsewhere(text, m)
            && conflict_code.is_some_and(|c| {
                in_sentence.iter().all(|x| x == c)
                    && places
                        .get(&m.sentence)
                        .is_some_and(|ps| ps.iter().any(|x| x == c))
            })
        {
            conflict_reason(", the only country the sentence names")
        } else if primary.is_some_and(|p| INSURGENT.contains(&p))
            && !from_elsewhere(text, m)
            && conflict_code.is_some_and(|c| {
                places
                    .get(&m.sentence)
                    .is_none_or(|ps| ps.iter().all(|x| x == c))
            })
        {
            conflict_reason("; insurgents and the opposition are the conflict country's, the sentence names other countries only as actors")
        } else {
            None
        };
        let Some((country, reason, cap)) = chosen else {
            continue;
        };
        if let Some(m) = mentions.get_mut(i) {
            // "Kurdish forces" in Iraq: the Kurdistan Region's own forces
            if let Some((sector, self_rule)) = &state_force {
                if self_rule.contains(&country) {
                    if let Some(first) = m.actor.sectors.first_mut() {
                        first.clone_from(sector);
                    }
                    m.rule.push_str(&format!(
                        " (but {country} is where the people governs its own region: {sector})"
                    ));
                }
            }
            m.actor.country = Some(country);
            // every reason reads "country X…", so the rule carries the marker
            m.rule.push_str(" + ");
            m.rule.push_str(&reason);
            debug_assert!(m.rule.contains(DOCUMENT_COUNTRY_MARKER));
            m.confidence = m.confidence.min(cap);
        }
    }
}

/// Confidence cap for a person's country taken from the home named right
/// after the name ("Jo Bloggs, 31, from Leeds").
const HOME_CONFIDENCE: f32 = 0.6;

/// What follows the comma after a person's name and an age written next
/// ("NAME, 24, ..." → "..."; "NAME, ..." → "..."); None without the comma.
fn past_comma_and_age(between: &str) -> Option<&str> {
    let rest = between.strip_prefix(", ")?;
    Some(match rest.split_once(", ") {
        Some((age, rest))
            if !age.is_empty() && age.len() <= 3 && age.bytes().all(|b| b.is_ascii_digit()) =>
        {
            rest
        }
        _ => rest,
    })
}

/// The text between a person's name and the place of their home in the
/// newspaper apposition "NAME, (AGE,) (a NOUN) from PLACE": ", from ",
/// ", 24, from ", ", 22, a dairy farmer from ".
fn home_apposition(between: &str) -> bool {
    let Some(rest) = past_comma_and_age(between) else {
        return false;
    };
    if rest == "from " {
        return true;
    }
    // ", 22, a dairy farmer from ": a person noun of a few words between
    let Some(noun) = rest
        .strip_prefix("a ")
        .or_else(|| rest.strip_prefix("an "))
        .and_then(|r| r.strip_suffix(" from "))
    else {
        return false;
    };
    let words: Vec<&str> = noun.split(' ').collect();
    words.len() <= HOME_NOUN_WORDS
        && words
            .iter()
            .all(|w| !w.is_empty() && w.chars().all(|c| c.is_alphabetic() || c == '-'))
}

/// The text between a person's name and a place where the person lives:
/// " fled (from) their/his/her (family) home(s) in ", ", (AGE,) who
/// live(s)/lived in ", also after a coordinated name (" and Srihini fled
/// from their home in "). A home left is where the person lived; only a
/// name right before counts.
fn residence_between(between: &str) -> bool {
    // ", 38, who lives in "
    if let Some(rest) = between.strip_prefix(", ") {
        let rest = match rest.split_once(", ") {
            Some((age, rest))
                if !age.is_empty() && age.len() <= 3 && age.bytes().all(|b| b.is_ascii_digit()) =>
            {
                rest
            }
            _ => rest,
        };
        return matches!(rest, "who lives in " | "who live in " | "who lived in ");
    }
    // " and Srihini fled ...": one capitalised name coordinated before the verb
    let rest = match between.strip_prefix(" and ") {
        Some(r) => match r.split_once(' ') {
            Some((name, r))
                if name.starts_with(char::is_uppercase)
                    && name.chars().all(char::is_alphabetic) =>
            {
                format!(" {r}")
            }
            _ => return false,
        },
        None => between.to_string(),
    };
    let words: Vec<&str> = rest.split_whitespace().collect();
    let [verb, tail @ ..] = words.as_slice() else {
        return false;
    };
    if !rest.starts_with(' ')
        || !rest.ends_with(" in ")
        || !crate::context_words::is_in(List::LeavingHome, verb)
    {
        return false;
    }
    let tail = match tail {
        ["from", t @ ..] => t,
        t => t,
    };
    let tail = match tail {
        ["their" | "his" | "her", t @ ..] => t,
        _ => return false,
    };
    let tail = match tail {
        ["family", t @ ..] => t,
        t => t,
    };
    matches!(tail, ["home" | "homes" | "house", "in"])
}

/// The text between a person's name and a country, demonym or city in
/// the apposition "NAME, (AGE,) the/a/an (up to two words) COUNTRY":
/// ", the ", ", a former ", ", 24, a senior " (no preposition among the
/// words: "an expert on Syrian affairs" is no Syrian).
fn nationality_before(between: &str) -> bool {
    let Some(rest) = past_comma_and_age(between) else {
        return false;
    };
    let Some(words) = ["the ", "a ", "an "]
        .iter()
        .find_map(|a| rest.strip_prefix(a))
    else {
        return false;
    };
    let words: Vec<&str> = words.split(' ').filter(|w| !w.is_empty()).collect();
    words.len() <= 2
        && words.iter().all(|w| {
            w.chars()
                .all(|c| c.is_lowercase() || c.is_ascii_digit() || c == '-')
                && !crate::context_words::is_in(List::NotBeforeNationality, w)
        })
        && (words.is_empty() || between.ends_with(' '))
}

/// Most lowercase words of the person noun after the nationality ("crown
/// prince", "aid worker").
const NATIONALITY_NOUN_WORDS: usize = 3;

/// The text after the country, demonym or city of a nationality apposition:
/// up to three lowercase words (the person noun: "woman", "crown prince",
/// none after "a Briton") and then the end of the apposition (a comma,
/// stop, bracket or dash, or a word of the after-nationality list). Not a
/// possessive or a compound ("the Syrian regime's opponent", "the US-backed
/// commander").
fn nationality_after(after: &str) -> bool {
    let mut rest = after;
    for _ in 0..=NATIONALITY_NOUN_WORDS {
        match rest.chars().next() {
            None => return true,
            Some(',' | '.' | ';' | ')' | '–' | '—' | ':') => return true,
            Some(' ') => {}
            Some(_) => return false,
        }
        let tail = rest.get(1..).unwrap_or_default();
        let word_len = tail
            .find(|c: char| !(c.is_alphabetic() || c == '-'))
            .unwrap_or(tail.len());
        let word = tail.get(..word_len).unwrap_or_default();
        if crate::context_words::is_in(List::AfterNationality, word) {
            return true;
        }
        if word.is_empty() || !word.chars().all(|c| c.is_lowercase() || c == '-') {
            return false;
        }
        rest = tail.get(word_len..).unwrap_or_default();
    }
    false
}

/// Most words of the person noun in ", a dairy farmer from PLACE".
const HOME_NOUN_WORDS: usize = 3;

/// People the lexicon does not know, introduced with where they come from
/// ("Jo Bloggs, 31, from Leeds, was ..."): a civilian named this way with
/// no country takes the country of that place (a place of the lexicon,
/// `named`), and so do later mentions of the same name
/// (`crate::unknown::link_antecedents`). Runs before descriptions and
/// pronouns are resolved, so those take it too. Only the apposition right
/// after the name counts: "fled from Leeds" says where someone was, not
/// whose national they are.
pub(crate) fn country_from_home(mentions: &mut [ActorMention], text: &str, named: &[Named]) {
    // every country reading: a home after "from" or "in" is a place, a
    // nationality ("the US woman") is no place
    let homes: Vec<(usize, usize, usize, &str)> = named
        .iter()
        .map(|n| (n.sentence, n.start, n.end, n.country.as_str()))
        .collect();
    fill_homes(mentions, text, &homes);
}

/// The gazetteer's resolved places as (sentence, start, end, country), the
/// form the context rules read.
fn resolved_places(places: &[dyad_core::PlaceMention]) -> Vec<(usize, usize, usize, &str)> {
    places
        .iter()
        .filter_map(|p| {
            let c = p.place.as_ref()?.country.as_str();
            Some((p.sentence, p.span.start, p.span.end, c))
        })
        .collect()
}

/// [`country_from_home`] for places the gazetteer resolved after the actors
/// were recognised ("from Lewes": `places`), run by the coder: the person,
/// and every later mention referring back to it, takes the place's country.
pub fn country_from_home_places(
    mentions: &mut [ActorMention],
    text: &str,
    places: &[dyad_core::PlaceMention],
) {
    fill_homes(mentions, text, &resolved_places(places));
}

/// Gives each unknown civilian with no country the country of the home
/// (sentence, start, end, country) named right after the name: a home
/// apposition ("from PLACE"), a nationality apposition ("the US woman",
/// [`nationality_before`], [`nationality_after`]) or where the person lives
/// ([`residence_between`]); and every mention of the same chain (its first
/// mention and those whose antecedent was given it) the same.
fn fill_homes(mentions: &mut [ActorMention], text: &str, homes: &[(usize, usize, usize, &str)]) {
    for i in 0..mentions.len() {
        let Some(m) = mentions.get(i) else { continue };
        let unknown_countryless = |m: &ActorMention| {
            (m.kind == MentionKind::Person
                || (m.kind == MentionKind::Coreference && m.antecedent.is_some()))
                && m.rule.starts_with(crate::unknown::UNKNOWN_PERSON_RULE)
                && m.actor.country.is_none()
                && m.actor.org.is_none()
        };
        // a later mention ("... and Srihini fled from their home in Hama")
        // gives the country to the whole chain from its first mention
        let root = m.antecedent.unwrap_or(i);
        if !unknown_countryless(m)
            || !mentions
                .get(root)
                .is_some_and(|r| root <= i && r.antecedent.is_none() && unknown_countryless(r))
        {
            continue;
        }
        let (sentence, end) = (m.sentence, m.span.end);
        let fits = |s: usize, start: usize, c: &str| {
            s == sentence
                && start > end
                && c.len() == 3
                && c.bytes().all(|b| b.is_ascii_uppercase())
        };
        let home = homes.iter().find(|(s, start, _, c)| {
            fits(*s, *start, c) && text.get(end..*start).is_some_and(home_apposition)
        });
        // "Hoda X, the US woman who ...", "Jack X, a Briton held by ...":
        // the nationality the apposition gives
        let nationality = || {
            homes.iter().find(|(s, start, stop, c)| {
                fits(*s, *start, c)
                    && text.get(end..*start).is_some_and(nationality_before)
                    && text.get(*stop..).is_some_and(nationality_after)
            })
        };
        // "X fled from their home in Hama", "X, who lives in Leeds": where
        // the person lives
        let residence = || {
            homes.iter().find(|(s, start, _, c)| {
                fits(*s, *start, c) && text.get(end..*start).is_some_and(residence_between)
            })
        };
        let (reason, found) = match (home, nationality(), residence()) {
            (Some(h), _, _) => ("the home named after the name (\"from", h),
            (None, Some(n), _) => ("the nationality in the apposition after the name (\"", n),
            (None, None, Some(r)) => ("where the person lives, named after the name (\"", r),
            (None, None, None) => continue,
        };
        let &(_, start, stop, country) = found;
        let place = text.get(start..stop).unwrap_or("");
        let reason = if home.is_some() {
            format!(" + country {country}: {reason} {place}\")")
        } else {
            format!(" + country {country}: {reason}{place}\")")
        };
        let mut given: Vec<usize> = vec![root];
        for j in root..mentions.len() {
            let Some(x) = mentions.get_mut(j) else {
                continue;
            };
            if j != root && !x.antecedent.is_some_and(|a| given.contains(&a)) {
                continue;
            }
            // A possessive ("his fiancee", "Hall's video") is often read
            // as standing for what it owns: it keeps no country, so such a
            // reading does not reach the default output with the owner's.
            if x.actor.country.is_some() || possessive(text, x) {
                given.push(j);
                continue;
            }
            x.actor.country = Some(country.to_string());
            x.rule.push_str(&reason);
            x.confidence = x.confidence.min(HOME_CONFIDENCE);
            given.push(j);
        }
    }
}

/// Whether mention `m` is a possessive: "his", "her", "their" or a name
/// followed by "'s".
fn possessive(text: &str, m: &ActorMention) -> bool {
    let word = m.text.to_ascii_lowercase();
    matches!(word.as_str(), "his" | "her" | "their" | "its")
        || text
            .get(m.span.end..)
            .is_some_and(|t| t.starts_with("'s") || t.starts_with("\u{2019}s"))
}

/// Confidence cap for a country taken from a place phrase of the actor's
/// own ("officials in Ankara", "Over in Cyprus, officials"): sentence
/// evidence, as [`SENTENCE_PLACE_CONFIDENCE`].
const OWN_PLACE_CONFIDENCE: f32 = SENTENCE_PLACE_CONFIDENCE;

/// Primary sectors of generic actors a place phrase of their own makes of
/// that place's country: state bodies that act where they are (officials,
/// police, courts, legislators) and civilians ("people in Baghuz"). Not
/// armed forces (US troops at an Iraqi base), refugees (mostly somewhere
/// else than home), journalists or aid workers (often foreign
/// correspondents), nor insurgents (their own rule above).
const OWN_PLACE_SECTORS: &[&str] = &["GOV", "COP", "JUD", "LEG", "CVL"];

/// Strips an optional compass word ("south-west ") from the end of `s`.
fn without_compass(s: &str) -> &str {
    let Some(rest) = s.strip_suffix(' ') else {
        return s;
    };
    match rest.rsplit_once(' ') {
        Some((head, word)) if crate::context_words::is_in(List::Compass, word) => {
            // keep the space that ended the head
            s.get(..head.len() + 1).unwrap_or(s)
        }
        None if crate::context_words::is_in(List::Compass, rest) => "",
        _ => s,
    }
}

/// Whether `between` (the text from the end of an actor to the start of a
/// place) is a place phrase right after the actor: " in PLACE", " at
/// PLACE", " in the (town|city|… of) PLACE", with a compass word allowed
/// before the place ("officials in Ankara", "the court in the town of
/// Kilis", "police at Manchester airport" is not: the place is the airport's
/// name's first word, but read as Manchester).
fn place_after_actor(between: &str) -> bool {
    let b = without_compass(between);
    let Some(rest) = b.strip_prefix(" in ").or_else(|| b.strip_prefix(" at ")) else {
        return false;
    };
    if rest.is_empty() {
        return true;
    }
    let Some(rest) = rest.strip_prefix("the ") else {
        return false;
    };
    if rest.is_empty() {
        return true;
    }
    rest.strip_suffix(" of ")
        .is_some_and(|kind| crate::context_words::is_in(List::PlaceKinds, kind))
}

/// Whether the place starting at `start` opens its sentence in a fronted
/// locative phrase: "In PLACE", "Over in PLACE", "Back in PLACE" right
/// after a sentence boundary.
fn fronted_place(text: &str, start: usize) -> bool {
    let before = without_compass(text.get(..start).unwrap_or_default());
    let opener = ["Over in ", "Back in ", "Here in ", "Elsewhere in ", "In "]
        .iter()
        .find(|o| before.ends_with(*o));
    let Some(opener) = opener else {
        return false;
    };
    let head = before
        .get(..before.len() - opener.len())
        .unwrap_or_default();
    let spaced = head.ends_with(char::is_whitespace);
    match head.trim_end().chars().next_back() {
        None => true,
        Some('“' | '"') => true,
        Some('.' | '!' | '?' | '”' | '\n') => spaced,
        _ => false,
    }
}

/// The place (sentence, start, end, country) of `m`'s own place phrase:
/// right after it ("officials in Ankara"), or a fronted locative whose
/// clause `m` opens ("Over in Cyprus, officials are ..."), or an "in PLACE"
/// that a "where"/"when" clause with `m` as its subject follows ("on
/// holiday in south-west Turkey, when the authorities arrested him").
fn own_place<'p>(
    text: &str,
    m: &ActorMention,
    places: &'p [(usize, usize, usize, &'p str)],
) -> Option<&'p (usize, usize, usize, &'p str)> {
    let after_actor = places.iter().find(|(s, start, _, _)| {
        *s == m.sentence
            && *start > m.span.end
            && text.get(m.span.end..*start).is_some_and(place_after_actor)
    });
    let before_actor = || {
        places.iter().find(|(s, start, end, _)| {
            if *s != m.sentence || *end > m.span.start {
                return false;
            }
            let Some(between) = text.get(*end..m.span.start) else {
                return false;
            };
            let between = between.strip_suffix("the ").unwrap_or(between);
            (between == ", " && fronted_place(text, *start))
                || (matches!(between, ", where " | ", when ")
                    && without_compass(text.get(..*start).unwrap_or_default()).ends_with(" in "))
        })
    };
    let found = after_actor.or_else(before_actor)?;
    let (_, start, end, country) = found;
    // one country: a place coordinated with another ("people in the UK, US
    // and Europe") must be of the same country, and a capitalised word
    // coordinated with it must be a place of that country
    let after = text.get(*end..).unwrap_or_default();
    for sep in [", ", " and ", " or ", ", and "] {
        if let Some(rest) = after.strip_prefix(sep) {
            if rest.starts_with(char::is_uppercase) {
                let next = end + sep.len();
                let same = places
                    .iter()
                    .any(|(s, st, _, c)| *s == m.sentence && *st == next && c == country);
                if !(same || (found_is_fronted(text, *start, m) && sep == ", ")) {
                    return None;
                }
            }
        }
    }
    let name = text.get(*start..*end).unwrap_or_default();
    if crate::context_words::is_in(List::InternationalSeats, name) {
        return None;
    }
    Some(found)
}

/// Whether the place at `start` is the fronted phrase whose comma comes
/// right before `m` ("In Cyprus, officials"): its ", " is no coordination.
fn found_is_fronted(text: &str, start: usize, m: &ActorMention) -> bool {
    start < m.span.start && fronted_place(text, start)
}

/// Generic actors placed by a place phrase of their own take its country
/// ("officials in Ankara", "the court in the town of Kilis", "Over in
/// Cyprus, officials", "people in Baghuz"): state bodies and civilians
/// ([`OWN_PLACE_SECTORS`]) with no country or organisation, whose text does
/// not say they come from elsewhere ("foreign", a possessive, an "of" or
/// "from" phrase, a capitalised modifier before them: "Kurdish officials"),
/// not posted abroad ("the ambassador in Ankara"), and not in a city that
/// seats international bodies ("officials in Geneva"). Runs after the
/// document pass, on the places the lexicon knows (`named`), and again in
/// the coder on the places the gazetteer resolves.
pub(crate) fn country_from_own_place(mentions: &mut [ActorMention], text: &str, named: &[Named]) {
    // places named by name ("Turkey", "Ankara"), not demonyms ("Turkish")
    let places: Vec<(usize, usize, usize, &str)> = named
        .iter()
        .filter(|n| n.by_name)
        .map(|n| (n.sentence, n.start, n.end, n.country.as_str()))
        .collect();
    fill_own_places(mentions, text, &places);
}

/// [`country_from_own_place`] for places the gazetteer resolved after the
/// actors were recognised ("the court in the town of Kilis").
pub fn country_from_own_place_places(
    mentions: &mut [ActorMention],
    text: &str,
    places: &[dyad_core::PlaceMention],
) {
    fill_own_places(mentions, text, &resolved_places(places));
}

/// Gives each generic actor of [`OWN_PLACE_SECTORS`] with no country the
/// country of its own place phrase ([`own_place`]).
fn fill_own_places(
    mentions: &mut [ActorMention],
    text: &str,
    places: &[(usize, usize, usize, &str)],
) {
    for m in mentions.iter_mut() {
        if m.kind != MentionKind::Role
            || m.actor.country.is_some()
            || m.actor.org.is_some()
            || names_several_states(&m.text)
            || !m
                .actor
                .primary_sector()
                .is_some_and(|s| OWN_PLACE_SECTORS.contains(&s))
            || m.text
                .split_whitespace()
                .any(|w| crate::context_words::is_in(List::PostedAbroad, w))
            || place_says_nothing(text, m)
        {
            continue;
        }
        // a capitalised modifier before the mention names whose it is
        // ("Kurdish officials", "Assad officials"); a word after a comma or
        // at the sentence start does not
        let before = text.get(..m.span.start).unwrap_or_default();
        let modifier = before
            .strip_suffix(' ')
            .and_then(|b| b.split_whitespace().next_back())
            .is_some_and(|w| {
                w.starts_with(char::is_uppercase)
                    && !w.ends_with([',', '.', '“', '"'])
                    && !crate::context_words::is_in(List::OpeningDeterminers, w)
            })
            && !before.trim_end().ends_with(['.', '!', '?', '“', '"']);
        if modifier || m.text.starts_with(char::is_uppercase) && m.text.contains(' ') {
            continue;
        }
        let Some(&(_, start, end, country)) = own_place(text, m, places) else {
            continue;
        };
        if country.len() != 3 || !country.bytes().all(|b| b.is_ascii_uppercase()) {
            continue;
        }
        let place = text.get(start..end).unwrap_or_default();
        m.actor.country = Some(country.to_string());
        m.rule.push_str(&format!(
            " + country {country}: placed by a place phrase of its own (\"{place}\")"
        ));
        m.confidence = m.confidence.min(OWN_PLACE_CONFIDENCE);
    }
}
