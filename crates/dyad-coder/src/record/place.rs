//! The place of an event record: its own toponym, the dateline, the
//! story's lead or the actors' country (see [`event_place`]).

use dyad_core::{Event, EventActor, EventPlace, PlaceMention, PlacePrecision, PlaceReason, Span};

use super::place_words::PlaceWords;
use super::{attach, DocContext};
use crate::clause::{DepTree, Predicate, SentenceView};

/// [`dyad_geo::lead_location`] results of one document by actor countries:
/// many events of a story ask for the same countries.
#[derive(Default)]
pub struct LeadCache {
    /// The document's lead toponyms, found on first use.
    lead: std::cell::OnceCell<dyad_geo::Lead>,
    /// Answers so far, by actor countries.
    answers: std::cell::RefCell<Vec<(Vec<String>, Option<EventPlace>)>>,
}

impl LeadCache {
    fn lead(&self, ctx: &DocContext<'_>, countries: &[&str]) -> Option<EventPlace> {
        if let Some((_, found)) = self
            .answers
            .borrow()
            .iter()
            .find(|(key, _)| key == countries)
        {
            return found.clone();
        }
        let found = self
            .lead
            .get_or_init(|| dyad_geo::Lead::new(ctx.doc, ctx.places))
            .location(ctx.places, countries);
        let key = countries.iter().map(|c| c.to_string()).collect();
        self.answers.borrow_mut().push((key, found.clone()));
        found
    }
}

impl DocContext<'_> {
    /// The centroid place of country `iso3`, looked up once per document.
    pub(super) fn country_place(&self, iso3: &str) -> Option<EventPlace> {
        let gazetteer = self.gazetteer?;
        let mut known = self.countries.borrow_mut();
        if let Some((_, place)) = known.iter().find(|(code, _)| code == iso3) {
            return place.clone();
        }
        let place = gazetteer.country_event_place(iso3);
        known.push((iso3.to_string(), place.clone()));
        place
    }
}

/// A meeting or visit happens in one town: when its sentence names only a
/// country ("Putin arrives in North Korea"), the story's lead town in that
/// country ("… ties with Pyongyang") is more precise. Other event types keep
/// the country: "missiles fired into Ukraine" did not all land in the town
/// the lead names.
pub(super) fn narrow_meeting_place(
    ctx: &DocContext<'_>,
    place: Option<EventPlace>,
    plover: &str,
    story_present: bool,
) -> Option<EventPlace> {
    let place = place?;
    if plover != "CONSULT" || !story_present || !is_country(&place) {
        return Some(place);
    }
    let Some(country) = place.country.as_deref() else {
        return Some(place);
    };
    match ctx.leads.lead(ctx, &[country]) {
        Some(lead) if !is_country(&lead) => Some(lead.with_reason(PlaceReason::Lead)),
        _ => Some(place),
    }
}

/// A place naming a whole country.
fn is_country(p: &EventPlace) -> bool {
    p.feature_code
        .as_deref()
        .is_some_and(|f| f.starts_with("PCL"))
}

/// The parse of the event's sentence, for [`event_place`].
#[derive(Clone, Copy)]
pub(super) struct ParseOf<'t> {
    /// The sentence's tree.
    pub tree: &'t DepTree<'t>,
    /// Its predicates.
    pub preds: &'t [Predicate],
    /// The event's predicate.
    pub pred: &'t Predicate,
    /// The predicate it is coordinated with.
    pub partner: Option<&'t Predicate>,
}

/// What [`event_place`] needs to know of the event besides its actors.
pub(super) struct PlaceInputs<'e> {
    /// Sentence index.
    pub sentence: usize,
    /// The trigger's span.
    pub trigger: Span,
    /// The head of the verb the trigger is coordinated with.
    pub partner: Option<Span>,
    /// The trigger's clause (token-window path).
    pub clause: Span,
    /// The event's PLOVER type.
    pub plover: &'e str,
    /// A current act, not background: may take the story's place.
    pub story_present: bool,
    /// No side's country was filled in from the story: a domestic act may
    /// be placed in it.
    pub countries_certain: bool,
    /// No side's country was filled in from the story beyond the sentence:
    /// any filled-in country is that of the places the sentence names, so
    /// a domestic act may be placed in it when the sentence names no place
    /// of another country.
    pub countries_of_sentence: bool,
}

/// The event's place, best first (docs/geo.md, "Event location"):
///
/// 1. on a parse, a toponym the tree attaches to the trigger (a locative
///    phrase, the object of a place verb), then one of the trigger's clause,
///    then one of the verb it is coordinated with; on the token-window path,
///    dyad-geo's `event_location` and the coordinated verb's;
/// 2. for a current act only, on a parse, a locative phrase opening the
///    sentence when the act is in its main clause ([`opening_scene`]), then
///    the dateline, else a cued place of the
///    article's lead in an actor's country;
/// 3. on a parse, the country only when it is certain: every participant
///    belongs to it by its own words, not by a country guessed from the
///    story, and the act is one of `[domestic-acts]` (a country's police
///    arresting its citizens; not a meeting of compatriots, which may be
///    abroad); a participant's home country alone is no place. On the
///    token-window path the target's or source's country, as before.
pub(super) fn event_place(
    ctx: &DocContext<'_>,
    at: &PlaceInputs<'_>,
    view: &SentenceView<'_>,
    parse: Option<ParseOf<'_>>,
    source: &[EventActor],
    target: &[EventActor],
) -> Option<EventPlace> {
    let from_text = match parse {
        Some(parse) => place_on_parse(ctx, at.sentence, view, parse),
        None => place_in_window(ctx, at),
    };
    if from_text.is_some() {
        return from_text;
    }
    // the story's place, for current acts that happen somewhere (on the
    // token-window path, for every current act, as before)
    let story_place = at.story_present
        && (parse.is_none() || PlaceWords::has(&PlaceWords::builtin().placed_acts, at.plover));
    // On a parse, a sentence that names a place in a phrase (not "of") the
    // parse does not tie to the act leaves its place open ("evacuation
    // flights from Syria to Grozny", "clashes in Manbij" hung elsewhere):
    // the story's place would be a guess, unless it is the place the
    // sentence names. A name as a modifier ("Kamchatka crab") or an actor
    // ("press the UK") says nothing of where the act is.
    let elsewhere = |story: Option<u64>| {
        parse.is_some_and(|parse| {
            ctx.places.iter().any(|p| {
                p.sentence == at.sentence
                    && p.place.as_ref().is_some_and(|r| story != Some(r.geonameid))
                    && attach::in_place_phrase(parse.tree, view, p)
            })
        })
    };
    // "In eastern Ghouta, … are enduring a month of airstrikes": a current
    // act of the sentence's main clause happens where the sentence opens,
    // unless the sentence names another place in a phrase
    if let Some(opening) = parse
        .filter(|_| story_place)
        .and_then(|parse| opening_scene(ctx, at.sentence, view, parse))
    {
        let precision = if attach::is_country(opening) {
            PlacePrecision::Country
        } else {
            PlacePrecision::Place
        };
        return Some(
            EventPlace::named(
                opening.text.clone(),
                opening.place.as_ref(),
                precision,
                Some(opening.span),
            )
            .with_reason(PlaceReason::Opening),
        );
    }
    if let Some(dateline) = ctx
        .doc
        .doc
        .dateline
        .as_ref()
        .filter(|d| story_place && !d.trim().is_empty())
    {
        let resolved = ctx
            .places
            .iter()
            .find(|p| p.text.eq_ignore_ascii_case(dateline.trim()))
            .and_then(|p| p.place.as_ref());
        if elsewhere(resolved.map(|r| r.geonameid)) {
            return None;
        }
        // On a parse, the dateline is where the reporter is: it places an
        // act only in the country of one of its participants ("PYONGYANG
        // — ... Russia had fired missiles at Ukraine" is not in Pyongyang;
        // a strike on Syria reported from Beirut is not in Beirut).
        let participants_there = resolved.is_none_or(|r| {
            source
                .iter()
                .chain(target)
                .any(|a| a.actor.country.as_deref() == Some(r.country.as_str()))
        });
        if parse.is_some() && !participants_there {
            return None;
        }
        return Some(
            EventPlace::named(
                dateline.trim().to_string(),
                resolved,
                PlacePrecision::Dateline,
                None,
            )
            .with_reason(PlaceReason::Dateline),
        );
    }
    // A cued town or division in the article's lead, inside one of the
    // actors' countries ("... outside the city of X, ... region, Russia"),
    // locates events whose own sentence names no place.
    let actor_countries: Vec<&str> = target
        .iter()
        .chain(source)
        .filter_map(|a| a.actor.country.as_deref())
        .collect();
    if let Some(p) = story_place
        .then(|| ctx.leads.lead(ctx, &actor_countries))
        .flatten()
        // on a parse, a country of the lead says little about where a
        // later sentence's act happened
        .filter(|p| parse.is_none() || p.precision != PlacePrecision::Country && !is_country(p))
        .filter(|p| !elsewhere(p.geonameid))
    {
        return Some(p.with_reason(PlaceReason::Lead));
    }
    let country = match parse {
        // a domestic statement is made wherever its speaker is
        // a meeting or aid between compatriots may be abroad
        Some(_) if !PlaceWords::has(&PlaceWords::builtin().domestic_acts, at.plover) => {
            return None
        }
        Some(_) => {
            let country = domestic_country(source, target)?;
            // a country guessed from the story is no certain country; one
            // taken from the sentence's own places is, when every place the
            // sentence names lies in it ("scores of men had been detained
            // by armed groups", after "detention in Syria")
            let certain = at.countries_certain
                || at.countries_of_sentence && sentence_names_only(ctx, at.sentence, &country);
            if !certain {
                return None;
            }
            country
        }
        None => target
            .iter()
            .chain(source)
            .find_map(|a| a.actor.country.clone().filter(|c| c.len() == 3))?,
    };
    // The country's centroid, so the event can be mapped; a bare code when
    // there is no gazetteer (or the code is no country, e.g. a bloc).
    if let Some(p) = ctx.country_place(&country) {
        return Some(p.with_reason(PlaceReason::ActorCountry));
    }
    Some(EventPlace {
        name: country.clone(),
        geonameid: None,
        country: Some(country),
        admin1: None,
        feature_code: None,
        lat: None,
        lon: None,
        precision: PlacePrecision::Country,
        span: None,
        reason: Some(PlaceReason::ActorCountry),
    })
}

/// The toponym of a locative phrase opening the sentence whose main clause
/// holds the act ([`attach::opening_place`]), when the sentence names no
/// other place in a phrase away from it. A place at the scene's edge is
/// the scene ("… oust the rebels from **Damascus**'s doorstep" after "In
/// eastern Ghouta"): one within the 50 km `dyad eval events` counts as the
/// same place does not leave the act's place open.
fn opening_scene<'c>(
    ctx: &'c DocContext<'_>,
    sentence: usize,
    view: &SentenceView<'_>,
    parse: ParseOf<'_>,
) -> Option<&'c PlaceMention> {
    let toponyms: Vec<&PlaceMention> = ctx
        .places
        .iter()
        .filter(|p| p.sentence == sentence && p.place.is_some())
        .collect();
    let opening = attach::opening_place(parse.tree, view, parse.pred, &toponyms)?;
    let scene = opening.place.as_ref()?;
    let near_scene = |r: &dyad_core::ResolvedPlace| {
        r.geonameid == scene.geonameid
            || dyad_geo::eval::haversine_km(r.lat, r.lon, scene.lat, scene.lon) <= 50.0
    };
    let elsewhere = toponyms.iter().any(|p| {
        p.place.as_ref().is_some_and(|r| !near_scene(r))
            && attach::in_place_phrase(parse.tree, view, p)
    });
    (!elsewhere).then_some(opening)
}

/// The one country of every participant, when the act is certainly there:
/// a source and a target all of one country. "Russian police arrested
/// Russian activists" is in Russia; "Russia warned the US" is nowhere in
/// particular, and "Turkish forces will patrol" may be anywhere.
fn domestic_country(source: &[EventActor], target: &[EventActor]) -> Option<String> {
    if source.is_empty() || target.is_empty() {
        return None;
    }
    let mut countries = source
        .iter()
        .chain(target)
        .map(|a| a.actor.country.as_deref());
    let first = countries.next().flatten().filter(|c| c.len() == 3)?;
    countries
        .all(|c| c == Some(first))
        .then(|| first.to_string())
}

/// The sentence names a place, and every place it names lies in `country`
/// (a toponym of no country, a sea, counts as another place).
fn sentence_names_only(ctx: &DocContext<'_>, sentence: usize, country: &str) -> bool {
    let mut named = ctx
        .places
        .iter()
        .filter(|p| p.sentence == sentence)
        .filter_map(|p| p.place.as_ref())
        .peekable();
    named.peek().is_some() && named.all(|r| r.country == country)
}

/// The place the parse gives: the trigger's own locative or place object,
/// its clause's locative, else the coordinated verb's.
fn place_on_parse(
    ctx: &DocContext<'_>,
    sentence: usize,
    view: &SentenceView<'_>,
    ParseOf {
        tree,
        preds,
        pred,
        partner,
    }: ParseOf<'_>,
) -> Option<EventPlace> {
    // a story names a few dozen places: a scan is cheaper than an index
    let toponyms: Vec<&PlaceMention> = ctx
        .places
        .iter()
        .filter(|p| p.sentence == sentence && p.place.is_some())
        .collect();
    if toponyms.is_empty() {
        return None;
    }
    let best = attach::attached_places(tree, view, preds, pred, &toponyms)
        .into_iter()
        .next()
        .or_else(|| {
            let partner = partner?;
            attach::attached_places(tree, view, preds, partner, &toponyms)
                .into_iter()
                .find(|a| a.reason != PlaceReason::Clause)
                .map(|a| attach::AttachedPlace {
                    reason: PlaceReason::Coordinated,
                    ..a
                })
        })?;
    let precision = if attach::is_country(best.place) {
        PlacePrecision::Country
    } else {
        PlacePrecision::Place
    };
    Some(
        EventPlace::named(
            best.place.text.clone(),
            best.place.place.as_ref(),
            precision,
            Some(best.place.span),
        )
        .with_reason(best.reason),
    )
}

/// The token-window path's place (`--no-parse`): dyad-geo's toponym of the
/// clause, else the coordinated verb's.
fn place_in_window(ctx: &DocContext<'_>, at: &PlaceInputs<'_>) -> Option<EventPlace> {
    let own = ctx
        .located
        .event_location(at.sentence, at.trigger, Some(at.clause))
        // the dateline comes later, for current acts only
        .filter(|p| p.precision != PlacePrecision::Dateline);
    if own
        .as_ref()
        .is_none_or(|p| p.precision != PlacePrecision::Place)
    {
        let partners = at
            .partner
            .and_then(|t| ctx.located.event_location(at.sentence, t, None));
        if let Some(p) = partners.filter(|p| p.precision == PlacePrecision::Place) {
            return Some(p.with_reason(PlaceReason::Coordinated));
        }
    }
    own.map(|p| p.with_reason(PlaceReason::Window))
}

/// Gives a current act placed only by the story (its dateline or lead) the
/// place another report of the same act in the document gives in its own
/// sentence: same PLOVER type, same sides (either order for a meeting or
/// cooperation), same first day. "Kim and Putin hold talks" (headline) and
/// "the two leaders spoke for hours" are where the lead says they met, not
/// in the dateline's city. Nothing changes where two such reports disagree.
pub(crate) fn share_same_event_places(events: &mut [Event]) {
    let sides = |e: &Event| -> (Vec<String>, Vec<String>) {
        let codes = |side: &[EventActor]| {
            let mut c: Vec<String> = side.iter().map(|a| a.actor.code()).collect();
            c.sort();
            c
        };
        (codes(&e.source), codes(&e.target))
    };
    let own_sentence = |e: &Event| {
        e.place.as_ref().and_then(|p| p.reason).is_some_and(|r| {
            matches!(
                r,
                PlaceReason::TriggerObl
                    | PlaceReason::TriggerObj
                    | PlaceReason::Clause
                    | PlaceReason::Coordinated
                    | PlaceReason::Opening
            )
        })
    };
    let from_story = |e: &Event| {
        e.place
            .as_ref()
            .and_then(|p| p.reason)
            .is_some_and(|r| matches!(r, PlaceReason::Dateline | PlaceReason::Lead))
    };
    if !events.iter().any(own_sentence) || !events.iter().any(from_story) {
        return;
    }
    let mut updates = Vec::new();
    for (i, e) in events.iter().enumerate() {
        if !from_story(e) || e.historical {
            continue;
        }
        let (s, t) = sides(e);
        if s.is_empty() || t.is_empty() {
            continue;
        }
        let symmetric = matches!(e.plover.as_str(), "CONSULT" | "COOPERATE");
        let mut found: Option<&EventPlace> = None;
        let mut conflict = false;
        for d in events
            .iter()
            .filter(|d| own_sentence(d) && d.plover == e.plover)
        {
            if d.date.start != e.date.start {
                continue;
            }
            let (ds, dt) = sides(d);
            if !((ds == s && dt == t) || (symmetric && ds == t && dt == s)) {
                continue;
            }
            let Some(p) = d.place.as_ref() else { continue };
            match found {
                Some(f) if f.name != p.name || f.geonameid != p.geonameid => conflict = true,
                _ => found = Some(p),
            }
        }
        if let (Some(p), false) = (found, conflict) {
            updates.push((i, p.clone().with_reason(PlaceReason::SameEvent)));
        }
    }
    for (i, place) in updates {
        if let Some(e) = events.get_mut(i) {
            e.place = Some(place);
        }
    }
}
