//! Where an event happened: the toponym of the event's own phrase or clause,
//! else the dateline place.
//!
//! A toponym belongs to the word its prepositional phrase hangs on (its
//! *head*: walking back from the name over articles, adjectives, numbers,
//! prepositions, lists of names and place nouns to the first common noun or
//! verb). For an event with trigger `T` a toponym is taken, best first, when:
//! 1. its head is `T`, or a noun shortly after `T` with no verb or comma in
//!    between that names no event of its own ("fighting in Homs"; "held
//!    talks in Geneva"; "destroyed by a missile in Kyiv"; but not "condemned
//!    the shelling in Homs", where Homs is the shelling's place);
//! 2. it sits in a sentence-opening phrase and `T` is in the main clause
//!    ("Speaking from Berlin, Obama expressed …": the statement is in Berlin);
//! 3. it lies inside the caller's `clause_span` and hangs on no other verb.
//!
//! A toponym hanging on another word ("… the fighting in Homs" for the
//! statement "expressed") is not taken. When the chosen place is a whole
//! country and the same sentence names a town of that country, the town is
//! used. With no toponym, the dateline place is used
//! ([`PlacePrecision::Dateline`]); with none either, `None`: the caller then
//! uses the actors' country via [`Gazetteer::country_event_place`].

use std::borrow::Cow;
use std::cell::{Cell, OnceCell};

use dyad_core::{
    AnalyzedDocument, EventPlace, PlaceMention, PlacePrecision, Pos, ResolvedPlace, Span, Token,
    ZoneKind,
};

use crate::cues::Cues;
use crate::gazetteer::Gazetteer;
use crate::normalize::{name_key, name_key_into};

/// How far after the trigger a noun still counts as its object (tokens).
const OBJECT_WINDOW: usize = 5;

/// The place of an event: see the module documentation for the rules.
///
/// `sentence_index` is the event's sentence, `trigger_span` the span of its
/// trigger word(s), `clause_span` the event's clause when the caller knows it
/// (`None`: the rules above use the sentence). A caller placing many events
/// of one document builds a [`DocPlaces`] once instead (same answers).
pub fn event_location(
    doc: &AnalyzedDocument,
    places: &[PlaceMention],
    sentence_index: usize,
    trigger_span: Span,
    clause_span: Option<Span>,
) -> Option<EventPlace> {
    DocPlaces::new(doc, places).event_location(sentence_index, trigger_span, clause_span)
}

/// A document's toponyms arranged for placing many of its events: the
/// resolved ones grouped by sentence (an event looks only at its own
/// sentence's, found by binary search) and the dateline place found once.
/// [`DocPlaces::event_location`] answers exactly like [`event_location`].
#[derive(Debug, Clone)]
pub struct DocPlaces<'a> {
    doc: &'a AnalyzedDocument,
    /// The resolved toponyms by sentence, in text order within a sentence.
    resolved: Vec<&'a PlaceMention>,
    /// Where each of `resolved` sits in its sentence, worked out on first
    /// use (the events of one sentence share it).
    anchors: Vec<OnceCell<Option<Anchor>>>,
    /// The last sentence asked for and its opening comma ([`opening_comma`]):
    /// events come sentence by sentence.
    last_opening: Cell<Option<(usize, Option<usize>)>>,
    /// The toponym of the dateline (see `dateline_place`).
    dateline: Option<&'a PlaceMention>,
}

impl<'a> DocPlaces<'a> {
    /// Arranges `places`, the toponyms of `doc`.
    pub fn new(doc: &'a AnalyzedDocument, places: &'a [PlaceMention]) -> DocPlaces<'a> {
        let mut resolved: Vec<&PlaceMention> = Vec::with_capacity(places.len());
        resolved.extend(places.iter().filter(|p| p.place.is_some()));
        // Recognition returns text order, hence sentence order; a stable
        // sort keeps text order within a sentence for any other caller.
        if !resolved.is_sorted_by_key(|p| p.sentence) {
            resolved.sort_by_key(|p| p.sentence);
        }
        DocPlaces {
            doc,
            anchors: vec![OnceCell::new(); resolved.len()],
            last_opening: Cell::new(None),
            resolved,
            dateline: dateline_place(doc, places),
        }
    }

    /// The resolved toponyms of sentence `index`, in text order, with
    /// their anchors.
    fn in_sentence(&self, index: usize) -> (&[&'a PlaceMention], &[OnceCell<Option<Anchor>>]) {
        let from = self.resolved.partition_point(|p| p.sentence < index);
        let to = self.resolved.partition_point(|p| p.sentence <= index);
        (
            self.resolved.get(from..to).unwrap_or(&[]),
            self.anchors.get(from..to).unwrap_or(&[]),
        )
    }

    /// [`event_location`] for this document.
    pub fn event_location(
        &self,
        sentence_index: usize,
        trigger_span: Span,
        clause_span: Option<Span>,
    ) -> Option<EventPlace> {
        let doc = self.doc;
        // Sentences are usually stored at their index: look there first.
        let sentence = doc
            .sentences
            .get(sentence_index)
            .filter(|s| s.index == sentence_index)
            .or_else(|| doc.sentences.iter().find(|s| s.index == sentence_index));
        // Most event sentences name no resolved place: skip their tokens.
        let (candidates, anchors) = self.in_sentence(sentence_index);
        if let Some(sentence) = sentence.filter(|_| !candidates.is_empty()) {
            let words = Words {
                text: &doc.doc.text,
                tokens: &sentence.tokens,
            };
            let opening = match self.last_opening.get() {
                Some((index, comma)) if index == sentence_index => comma,
                _ => {
                    let comma = opening_comma(words);
                    self.last_opening.set(Some((sentence_index, comma)));
                    comma
                }
            };
            let best = best_place(
                words,
                candidates,
                anchors,
                opening,
                trigger_span,
                clause_span,
            );
            if let Some(p) = best {
                let p = refine_country(p, candidates.iter().copied());
                return Some(to_event_place(p, PlacePrecision::Place));
            }
        }
        self.dateline
            .map(|p| to_event_place(p, PlacePrecision::Dateline))
    }
}

/// Where a toponym sits in its sentence: its first token and the token its
/// phrase hangs on ([`head_of`]).
#[derive(Debug, Clone, Copy)]
struct Anchor {
    first: usize,
    head: Option<usize>,
}

impl Anchor {
    /// The anchor of the toponym at `span`; `None` when it starts after
    /// the sentence's last token.
    fn of(words: Words<'_>, span: Span) -> Option<Anchor> {
        // Tokens are in text order: a binary search keeps long sentences
        // with many places from going quadratic.
        let first = words.tokens.partition_point(|t| t.span.start < span.start);
        if first >= words.tokens.len() {
            return None;
        }
        Some(Anchor {
            first,
            head: head_of(words, first, Cues::builtin()),
        })
    }
}

/// A sentence's tokens, read in place in the document text (no copy of
/// them per event).
#[derive(Clone, Copy)]
struct Words<'a> {
    text: &'a str,
    tokens: &'a [Token],
}

impl<'a> Words<'a> {
    /// Text and tag of token `k`.
    fn get(&self, k: usize) -> Option<(&'a str, Pos)> {
        self.tokens.get(k).map(|t| (t.span.slice(self.text), t.pos))
    }

    /// True when `t` is "," or ";" (read without slicing the text).
    fn is_separator(&self, t: &Token) -> bool {
        t.span.start.checked_add(1) == Some(t.span.end)
            && matches!(self.text.as_bytes().get(t.span.start), Some(b',' | b';'))
    }
}

/// The toponym of `candidates` (one sentence's, in text order) that best
/// places the event of `trigger_span`: lowest rank, then nearest; the first
/// of equals.
fn best_place<'a>(
    words: Words<'_>,
    candidates: &[&'a PlaceMention],
    anchors: &[OnceCell<Option<Anchor>>],
    opening_comma: Option<usize>,
    trigger_span: Span,
    clause_span: Option<Span>,
) -> Option<&'a PlaceMention> {
    let toks = words.tokens;
    // Tokens are in text order: binary searches skip the tokens that cannot
    // be the trigger's first (ending before it) or last (starting after it).
    let from = toks.partition_point(|t| t.span.end < trigger_span.start);
    let trig_first = toks
        .get(from..)
        .unwrap_or_default()
        .iter()
        .position(|t| t.span.overlaps(trigger_span) || t.span.start >= trigger_span.start)
        .map(|k| k + from);
    let upto = toks.partition_point(|t| t.span.start <= trigger_span.end);
    let trig_last = toks
        .get(..upto)
        .unwrap_or_default()
        .iter()
        .rposition(|t| t.span.overlaps(trigger_span) || t.span.end <= trigger_span.end);
    let mut best: Option<(u8, usize, &PlaceMention)> = None;
    for (&p, anchor) in candidates.iter().zip(anchors) {
        let distance = p.span.start.abs_diff(trigger_span.start);
        // Nothing ranks above 0: a toponym no nearer than a rank-0 one
        // cannot win, and its anchor need not be worked out.
        if best.is_some_and(|(r, d, _)| r == 0 && distance >= d) {
            continue;
        }
        let Some(anchor) = *anchor.get_or_init(|| Anchor::of(words, p.span)) else {
            continue;
        };
        let ranked = rank_place(
            anchor,
            words,
            p.span,
            trig_first,
            trig_last,
            clause_span,
            opening_comma,
        );
        let Some(rank) = ranked else { continue };
        let better = match best {
            None => true,
            Some((r, d, _)) => (rank, distance) < (r, d),
        };
        if better {
            best = Some((rank, distance, p));
        }
    }
    best.map(|(_, _, p)| p)
}

/// Rank of a toponym for the trigger (lower is better), `None` when it
/// belongs to another word.
fn rank_place(
    Anchor { first, head }: Anchor,
    words: Words<'_>,
    span: Span,
    trig_first: Option<usize>,
    trig_last: Option<usize>,
    clause: Option<Span>,
    opening_comma: Option<usize>,
) -> Option<u8> {
    let cues = Cues::builtin();
    if let (Some(h), Some(tf), Some(tl)) = (head, trig_first, trig_last) {
        if (tf..=tl).contains(&h) {
            return Some(0);
        }
        let between = words.tokens.get(tl + 1..h).unwrap_or_default();
        if h > tl
            && h - tl <= OBJECT_WINDOW
            && words.get(h).is_some_and(|(word, pos)| {
                pos.is_noun() && !cues.event_nouns.contains(lowercase(word).as_ref())
            })
            && !between
                .iter()
                .any(|t| t.pos.is_verb() || words.is_separator(t))
        {
            return Some(0);
        }
    }
    // In a sentence-opening phrase, for an event of the main clause.
    if let Some(comma) = opening_comma {
        if first < comma && trig_first.is_some_and(|t| t > comma) {
            return Some(1);
        }
    }
    if let Some(c) = clause {
        let hangs_on_other = head.and_then(|h| words.get(h)).is_some_and(|(word, pos)| {
            pos.is_verb() || cues.event_nouns.contains(lowercase(word).as_ref())
        });
        if c.contains(span) && !hangs_on_other {
            return Some(2);
        }
    }
    None
}

/// The comma closing a sentence-opening phrase ("Speaking from Berlin, …",
/// "In Kyiv, …"): the first "," or ";" of a sentence that opens with one.
fn opening_comma(words: Words<'_>) -> Option<usize> {
    words
        .tokens
        .iter()
        .position(|t| words.is_separator(t))
        .filter(|_| opens_with_phrase(words))
}

/// True when the sentence opens with a participle or preposition, as a
/// phrase before the main clause does ("Speaking from …", "In Kyiv, …").
fn opens_with_phrase(words: Words<'_>) -> bool {
    words.get(0).is_some_and(|(word, pos)| {
        matches!(pos, Pos::VBG | Pos::VBN | Pos::IN | Pos::TO)
            || Cues::builtin()
                .prepositions
                .contains(lowercase(word).as_ref())
    })
}

/// `s.to_lowercase()`, borrowed when `s` is lower-case ASCII already (most
/// words): no allocation per word.
fn lowercase(s: &str) -> Cow<'_, str> {
    if s.bytes().all(|b| b.is_ascii() && !b.is_ascii_uppercase()) {
        Cow::Borrowed(s)
    } else {
        Cow::Owned(s.to_lowercase())
    }
}

/// The token a toponym's phrase hangs on (see module docs).
fn head_of(words: Words<'_>, first: usize, cues: &Cues) -> Option<usize> {
    let mut k = first;
    while k > 0 {
        k -= 1;
        let (text, pos) = words.get(k)?;
        let skip_by_tag = matches!(
            pos,
            Pos::DT
                | Pos::PDT
                | Pos::CD
                | Pos::IN
                | Pos::TO
                | Pos::CC
                | Pos::POS
                | Pos::PRPS
                | Pos::NNP
                | Pos::NNPS
                | Pos::Comma
        ) || pos.is_adjective();
        if skip_by_tag {
            continue;
        }
        // Only words their tag does not settle are lower-cased and looked
        // up (most capitalised words are names, settled by their tag).
        let lower = lowercase(text);
        let lower = lower.as_ref();
        let skip = cues.settlement_nouns.contains(lower)
            || cues.division_level(lower).is_some()
            || cues.prepositions.contains(lower);
        if !skip {
            return Some(k);
        }
    }
    None
}

/// How many sentences from the start of a document its lead spans.
const LEAD_SENTENCES: usize = 3;

/// The document's lead place, for an event whose sentence names no place and
/// whose document has no dateline: the first cued town or division (not a
/// whole country) of the lead (title, captions, first body sentences) that lies in one
/// of `countries` (the event's actors' countries); failing that, a cued
/// country of the lead among `countries` ("arrives in North Korea"), narrowed
/// to a town of it named in the same sentence. Precision is
/// [`PlacePrecision::Dateline`] (like a dateline, it says where the story is
/// set), or [`PlacePrecision::Country`] for a whole country. Call it after [`event_location`] and before the country fallback:
/// "talks between Putin and Kim" in a story led by "at the cosmodrome outside
/// the city of Tsiolkovsky … Amur region, Russia" is placed in Tsiolkovsky.
pub fn lead_location(
    doc: &AnalyzedDocument,
    places: &[PlaceMention],
    countries: &[&str],
) -> Option<EventPlace> {
    Lead::new(doc, places).location(places, countries)
}

/// What [`lead_location`] needs of a document, worked out once: the lead's
/// locative toponyms. Build it once per document and ask
/// [`Lead::location`] per event (same answers as [`lead_location`]).
#[derive(Debug, Clone, Default)]
pub struct Lead {
    /// Indices into the document's places of the lead's locative toponyms
    /// that resolved, in text order.
    places: Vec<usize>,
}

impl Lead {
    /// The lead of `doc`, whose toponyms are `places`.
    pub fn new(doc: &AnalyzedDocument, places: &[PlaceMention]) -> Lead {
        let lead = lead_sentences(doc);
        // Toponyms come in text order (as recognition returns them): those
        // after the lead's last sentence need no look.
        let last = lead.iter().max().copied().unwrap_or(0);
        let in_text_order = places.is_sorted_by_key(|p| p.sentence);
        Lead {
            places: places
                .iter()
                .enumerate()
                .take_while(|(_, p)| !in_text_order || p.sentence <= last)
                .filter(|(_, p)| p.place.is_some() && lead.contains(&p.sentence) && is_locative(p))
                .map(|(i, _)| i)
                .collect(),
        }
    }

    /// [`lead_location`] for the same `places` this lead was built from.
    pub fn location(&self, places: &[PlaceMention], countries: &[&str]) -> Option<EventPlace> {
        let in_actor_country = |r: &ResolvedPlace| countries.contains(&r.country.as_str());
        let lead_places = || self.places.iter().filter_map(|&i| places.get(i));
        let town = lead_places().find(|p| {
            p.place.as_ref().is_some_and(|r| {
                !r.feature_code.starts_with("PCL")
                    && r.feature_code != "CONT"
                    && in_actor_country(r)
            })
        });
        if let Some(p) = town {
            return Some(to_event_place(p, PlacePrecision::Dateline));
        }
        // "Putin has arrived in North Korea … ties with Pyongyang": a cued
        // country sets the story there; a town of it named in the same
        // sentence makes the place precise (the first such country wins),
        // else the first cued country itself is the place.
        let mut countries_in_lead = lead_places().filter(|p| {
            p.place
                .as_ref()
                .is_some_and(|r| r.feature_code.starts_with("PCL") && in_actor_country(r))
        });
        let first = countries_in_lead.next()?;
        let refined = std::iter::once(first)
            .chain(countries_in_lead)
            .find_map(|country| {
                let same_sentence = places.iter().filter(|o| o.sentence == country.sentence);
                let town = refine_country(country, same_sentence);
                (!std::ptr::eq(town, country)).then_some(town)
            });
        match refined {
            Some(town) => Some(to_event_place(town, PlacePrecision::Dateline)),
            None => Some(to_event_place(first, PlacePrecision::Country)),
        }
    }
}

/// The lead's sentences: the first [`LEAD_SENTENCES`] content sentences
/// (title and captions included: a caption often says where a photo of the
/// event was taken) and the first [`LEAD_SENTENCES`] of the body.
fn lead_sentences(doc: &AnalyzedDocument) -> Vec<usize> {
    let content = doc
        .sentences
        .iter()
        .filter(|s| s.zone.is_content())
        .take(LEAD_SENTENCES);
    let body = doc
        .sentences
        .iter()
        .filter(|s| s.zone == ZoneKind::Body)
        .take(LEAD_SENTENCES);
    content.chain(body).map(|s| s.index).collect()
}

/// True when recognition found the toponym by a cue, not by prominence alone.
fn is_cued(p: &PlaceMention) -> bool {
    !p.reason.starts_with("prominent")
}

/// True when the toponym's cue says where something is ("in", "at",
/// "outside the city of"), not where something goes or comes from: "opened
/// his stores to Moscow" does not set a story in Moscow.
fn is_locative(p: &PlaceMention) -> bool {
    const MOTION: [&str; 7] = ["to", "from", "into", "toward", "towards", "for", "with"];
    // The reason opens with how the name was found: "after 'to'; …".
    let cue = p
        .reason
        .split(';')
        .next()
        .and_then(|first| first.trim_end().strip_suffix('\''))
        .and_then(|rest| rest.rsplit_once('\''))
        .map(|(_, cue)| cue);
    is_cued(p) && !cue.is_some_and(|c| MOTION.contains(&c))
}

/// A country-level choice refined to a town of that country named in the
/// same sentence ("arrived in North Korea … Pyongyang"); `same_sentence`
/// are that sentence's toponyms in text order (the most populous town wins,
/// the last of equals).
fn refine_country<'a>(
    p: &'a PlaceMention,
    same_sentence: impl Iterator<Item = &'a PlaceMention>,
) -> &'a PlaceMention {
    let Some(chosen) = p.place.as_ref() else {
        return p;
    };
    if !chosen.feature_code.starts_with("PCL") {
        return p;
    }
    same_sentence
        .filter(|o| {
            o.place
                .as_ref()
                .is_some_and(|r| r.country == chosen.country && r.feature_class == "P")
        })
        .max_by_key(|o| o.place.as_ref().map_or(0, |r| r.population))
        .unwrap_or(p)
}

/// The dateline's toponym: one in a dateline zone, or named like
/// `Document::dateline`.
fn dateline_place<'a>(
    doc: &AnalyzedDocument,
    places: &'a [PlaceMention],
) -> Option<&'a PlaceMention> {
    let dateline_sentences: Vec<usize> = doc
        .sentences
        .iter()
        .filter(|s| s.zone == ZoneKind::Dateline)
        .map(|s| s.index)
        .collect();
    let key = doc
        .doc
        .dateline
        .as_deref()
        .map(name_key)
        .filter(|k| !k.is_empty());
    // One buffer for the places' keys (this runs once per event).
    let mut place_key = String::new();
    places.iter().filter(|p| p.place.is_some()).find(|p| {
        dateline_sentences.contains(&p.sentence)
            || key.as_deref().is_some_and(|k| {
                name_key_into(&p.text, &mut place_key);
                place_key == k
            })
            || p.reason.starts_with("dateline")
    })
}

fn to_event_place(p: &PlaceMention, precision: PlacePrecision) -> EventPlace {
    EventPlace::named(p.text.clone(), p.place.as_ref(), precision, Some(p.span))
}

impl Gazetteer {
    /// A country-precision event place (the country's centroid), the last
    /// fallback when an event's sentence and the dateline name no place.
    pub fn country_event_place(&self, iso3: &str) -> Option<EventPlace> {
        let c = self.country_place(iso3)?;
        Some(EventPlace {
            name: c.name,
            geonameid: Some(c.geonameid),
            country: Some(c.country),
            admin1: None,
            feature_code: Some(c.feature_code),
            lat: Some(c.lat),
            lon: Some(c.lon),
            precision: PlacePrecision::Country,
            span: None,
            reason: None,
        })
    }
}
