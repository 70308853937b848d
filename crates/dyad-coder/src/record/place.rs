//! The place of an event record: its own toponym, the dateline, the
//! story's lead or the actors' country (see [`event_place`]).

use dyad_core::{EventActor, EventPlace, PlacePrecision, Span};

use super::DocContext;

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
    let is_country = |p: &EventPlace| {
        p.feature_code
            .as_deref()
            .is_some_and(|f| f.starts_with("PCL"))
    };
    let place = place?;
    if plover != "CONSULT" || !story_present || !is_country(&place) {
        return Some(place);
    }
    let Some(country) = place.country.as_deref() else {
        return Some(place);
    };
    match ctx.leads.lead(ctx, &[country]) {
        Some(lead) if !is_country(&lead) => Some(lead),
        _ => Some(place),
    }
}

/// The event's place: a toponym of its clause (via dyad-geo), else one of
/// the verb it is coordinated with (`partner`: "bombed Gaza and killed 20"
/// both happen in Gaza), else (for an event of the story's present) the
/// dateline, else a cued place of the article's lead in an actor's country;
/// else the country of the target or source actor.
#[allow(clippy::too_many_arguments)]
pub(super) fn event_place(
    ctx: &DocContext<'_>,
    sentence: usize,
    trigger: Span,
    partner: Option<Span>,
    clause: Span,
    source: &[EventActor],
    target: &[EventActor],
    story_present: bool,
) -> Option<EventPlace> {
    let own = ctx.located.event_location(sentence, trigger, Some(clause));
    if own
        .as_ref()
        .is_none_or(|p| p.precision != PlacePrecision::Place)
    {
        let partners = partner.and_then(|t| ctx.located.event_location(sentence, t, None));
        if let Some(p) = partners.filter(|p| p.precision == PlacePrecision::Place) {
            return Some(p);
        }
    }
    if let Some(p) = own {
        return Some(p);
    }
    if let Some(dateline) = ctx
        .doc
        .doc
        .dateline
        .as_ref()
        .filter(|d| story_present && !d.trim().is_empty())
    {
        let resolved = ctx
            .places
            .iter()
            .find(|p| p.text.eq_ignore_ascii_case(dateline.trim()))
            .and_then(|p| p.place.as_ref());
        return Some(EventPlace::named(
            dateline.trim().to_string(),
            resolved,
            PlacePrecision::Dateline,
            None,
        ));
    }
    // A cued town or division in the article's lead, inside one of the
    // actors' countries ("... outside the city of X, ... region, Russia"),
    // locates events whose own sentence names no place.
    let actor_countries: Vec<&str> = target
        .iter()
        .chain(source)
        .filter_map(|a| a.actor.country.as_deref())
        .collect();
    if let Some(p) = story_present
        .then(|| ctx.leads.lead(ctx, &actor_countries))
        .flatten()
    {
        return Some(p);
    }
    let country = target
        .iter()
        .chain(source)
        .find_map(|a| a.actor.country.clone().filter(|c| c.len() == 3))?;
    // The country's centroid, so the event can be mapped; a bare code when
    // there is no gazetteer (or the code is no country, e.g. a bloc).
    if let Some(p) = ctx.country_place(&country) {
        return Some(p);
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
    })
}
