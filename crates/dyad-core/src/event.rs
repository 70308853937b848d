use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::{Actor, ResolvedPlace, Span};

/// One coded event: who did what to whom, when, where, and why dyad thinks so.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Event {
    /// Deterministic id: derived from document id, sentence index, trigger
    /// span and rule, so recoding the same text yields the same id.
    pub id: String,
    /// PLOVER event type ("CONSULT", "ASSAULT", ...).
    pub plover: String,
    /// PLOVER mode, when the pattern gives one ("visit", "air", ...).
    pub mode: Option<String>,
    /// PLOVER contexts ("military", "economic", ...).
    pub contexts: Vec<String>,
    /// CAMEO code ("042", "190", ...).
    pub cameo: String,
    /// Goldstein score of the CAMEO code (-10..10).
    pub goldstein: f32,
    /// CAMEO quad class: 1 verbal coop., 2 material coop., 3 verbal conflict,
    /// 4 material conflict.
    pub quad_class: u8,
    /// Source actor(s); several for compound actors ("Russia and China").
    pub source: Vec<EventActor>,
    /// Target actor(s).
    pub target: Vec<EventActor>,
    /// Whether the text asserts the event happened.
    pub factuality: Factuality,
    /// Who the report is attributed to ("Seoul said ..."), when someone is.
    pub attributed_to: Option<EventActor>,
    /// Quantities in the clause ("as many as 4.8 million artillery shells").
    pub quantities: Vec<Quantity>,
    /// When the event happened (not when it was published).
    pub date: EventDate,
    /// Where it happened, when known.
    pub place: Option<EventPlace>,
    /// Where it came from.
    pub provenance: Provenance,
    /// An act before the story: dated to an earlier year ("the 2003
    /// invasion"), or undated but put before the story by the sentence (a
    /// past perfect, a past adverb, "before taking office", an incident
    /// named by its place in passing). Kept with `--all`, left out of the
    /// default output.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub historical: bool,
    /// An act mentioned in passing rather than reported as news: an event
    /// noun not anchored in its clause ("Obama's **withdrawal** from Iraq"
    /// in a story about something else, "Russia's **veto**"). Says nothing
    /// about when (the act may be current); kept with `--all`, left out of
    /// the default output.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub in_passing: bool,
}

impl Event {
    /// The default output policy (`dyad code`, the store's queries and
    /// exports, cross-article merging): the events an analyst would keep
    /// without asking for more. Asserted or reported events, reported as news
    /// (not acts before the story nor mentioned in passing), whose sides are resolved to coded actors (a
    /// country or an organisation): a source always, a target unless the type
    /// is one that often has none (protests, mobilisations). `--all` shows
    /// the rest.
    pub fn shown_by_default(&self) -> bool {
        !self.historical
            && !self.in_passing
            && self.factuality.is_factual()
            && self.sides_resolved()
    }

    /// Whether both sides are resolved to coded actors (a country or an
    /// organisation): a source always, a target unless the type is one that
    /// often has none (protests, mobilisations) and there is none. A target
    /// may also be an unnamed intergovernmental body (sector IGO: "the
    /// international community"). The
    /// target of an attack, a detention or aid may also be people known only
    /// as civilians or refugees.
    pub fn sides_resolved(&self) -> bool {
        let coded = |side: &[EventActor]| {
            !side.is_empty()
                && side
                    .iter()
                    .all(|a| a.actor.country.is_some() || a.actor.org.is_some())
        };
        let target_optional = matches!(self.plover.as_str(), "PROTEST" | "MOBILIZE");
        // violence against, detention of or aid to people named only as
        // civilians or refugees ("killed 12 women", "rescued 600 people")
        // is news whatever their country; so is violence against a person
        // named with a non-combatant calling ("aid worker Peter Kassig":
        // a named individual with a role, not "hospitals" or "journalists",
        // whose country the sentence should give)
        let material = matches!(self.plover.as_str(), "ASSAULT" | "COERCE" | "AID");
        let people = |side: &[EventActor]| {
            !side.is_empty()
                && side.iter().all(|a| {
                    a.actor.country.is_some()
                        || a.actor.org.is_some()
                        || matches!(a.actor.primary_sector(), Some("CVL" | "REF"))
                        || (a.actor.role.is_some()
                            && matches!(
                                a.actor.primary_sector(),
                                Some("NGO" | "JRN" | "MED" | "EDU" | "REL")
                            ))
                })
        };
        // an unnamed intergovernmental body as the target ("called on the
        // international community to act", "condemned the international
        // community's inability"): CAMEO codes it IGO, an actor of its own,
        // although it has no country nor organisation code; as a source it
        // stays out (whose act it is, the sentence seldom says)
        let igo = |side: &[EventActor]| {
            !side.is_empty()
                && side.iter().all(|a| {
                    a.actor.country.is_some()
                        || a.actor.org.is_some()
                        || a.actor.sectors.iter().any(|s| s == "IGO")
                })
        };
        coded(&self.source)
            && (coded(&self.target)
                || igo(&self.target)
                || (material && people(&self.target))
                || (target_optional && self.target.is_empty()))
    }
}

/// An actor in an event role, with the text span it was found at.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EventActor {
    /// The resolved actor.
    pub actor: Actor,
    /// The text as written.
    pub text: String,
    /// Where it is in the document text.
    pub span: Span,
}

/// Whether and how a text asserts an event.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Factuality {
    /// Stated as having happened or happening.
    Asserted,
    /// Stated as not having happened ("did not attack").
    Negated,
    /// Possible, conditional or predicted ("could", "would", "is unlikely to").
    Hypothetical,
    /// Intended, promised or threatened for the future ("vowed to", "plans to").
    Intended,
    /// Denied by the actor ("Russia denied supplying ...").
    Denied,
    /// Reported by someone other than the writer ("X said Y attacked Z").
    Reported,
}

impl Factuality {
    /// The name used in output.
    pub fn as_str(&self) -> &'static str {
        match self {
            Factuality::Asserted => "asserted",
            Factuality::Negated => "negated",
            Factuality::Hypothetical => "hypothetical",
            Factuality::Intended => "intended",
            Factuality::Denied => "denied",
            Factuality::Reported => "reported",
        }
    }

    /// True for events that the default output shows (asserted or reported).
    pub fn is_factual(&self) -> bool {
        matches!(self, Factuality::Asserted | Factuality::Reported)
    }
}

/// A quantity in an event's clause.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Quantity {
    /// The numeric value (4.8 million → 4_800_000).
    pub value: f64,
    /// What is counted ("artillery shells", "killed").
    pub unit: String,
    /// "at least", "as many as", "roughly", ... when written.
    pub qualifier: Option<String>,
    /// The text as written.
    pub text: String,
    /// Where it is in the document text.
    pub span: Span,
}

/// How precisely an event date is known.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum DatePrecision {
    /// A specific day.
    Day,
    /// A week ("last week").
    Week,
    /// A month ("in March").
    Month,
    /// A season ("last winter").
    Season,
    /// A year ("last year").
    Year,
    /// A date expression that cannot be resolved against the publication
    /// date ("two days later", "03/04/2024"): the publication date is used.
    UnknownRelative,
    /// A current act with no date expression of its own: the article's
    /// (publication) date, meaning "in the days up to publication".
    Publication,
    /// No date is known at all: the document has no publication date and
    /// the event no absolute date expression. `date`, `start` and `end` then
    /// hold a placeholder (1970-01-01) that is not the event's date.
    Unknown,
}

/// The date of an event, resolved against the publication date.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EventDate {
    /// Representative date (the day, or the first day of the period).
    pub date: NaiveDate,
    /// First day of the window the event may fall in.
    pub start: NaiveDate,
    /// Last day of that window (inclusive).
    pub end: NaiveDate,
    /// Precision of the resolution.
    pub precision: DatePrecision,
    /// The date expression as written, when there was one.
    pub text: Option<String>,
    /// How it was resolved ("'Wednesday' before 2023-09-13").
    pub note: String,
}

/// How an event place was determined.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum PlacePrecision {
    /// A toponym in the event's own clause or sentence.
    Place,
    /// The document's dateline.
    Dateline,
    /// Only the country of the actors.
    Country,
}

/// Where an event happened.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EventPlace {
    /// Name as written (or the country name for country precision).
    pub name: String,
    /// GeoNames id, when resolved to a gazetteer entry.
    pub geonameid: Option<u64>,
    /// ISO3 of the country.
    pub country: Option<String>,
    /// First-level administrative division.
    pub admin1: Option<String>,
    /// GeoNames feature code.
    pub feature_code: Option<String>,
    /// Latitude.
    pub lat: Option<f64>,
    /// Longitude.
    pub lon: Option<f64>,
    /// How the place was chosen.
    pub precision: PlacePrecision,
    /// Where the toponym is in the text, for place precision.
    pub span: Option<Span>,
    /// How the place was found (absent in records written before
    /// 2026-12-05).
    #[serde(
        default,
        rename = "place_reason",
        skip_serializing_if = "Option::is_none"
    )]
    pub reason: Option<PlaceReason>,
}

/// How an event's place was found, best first (see docs/geo.md, "Event
/// location").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum PlaceReason {
    /// A locative phrase attached to the trigger in the parse ("attacked
    /// the town **in Idlib province**", "the strike **near Homs**").
    TriggerObl,
    /// The direct object of a trigger that acts on a place ("visited
    /// **Pyongyang**", "shelled **Douma**").
    TriggerObj,
    /// A locative phrase elsewhere in the trigger's own clause ("attacked
    /// a base **in Homs**").
    Clause,
    /// The locative of the verb the trigger is coordinated with ("bombed
    /// Gaza **in X** and killed 20").
    Coordinated,
    /// A locative phrase that opens the sentence and sets the scene of its
    /// main clause ("**In eastern Ghouta** a besieged population … are
    /// enduring a month of airstrikes"; current acts only).
    Opening,
    /// The token-window heuristics of `dyad_geo::event_location`
    /// (`--no-parse`).
    Window,
    /// The document's dateline (current acts only).
    Dateline,
    /// A cued town of the article's lead (current acts only).
    Lead,
    /// The one country every participant belongs to (a domestic act), or,
    /// with `--no-parse`, the target's or source's country.
    ActorCountry,
    /// The place another report of the same act in the same document gives
    /// in its own sentence (same type, same sides, same day), taken instead
    /// of the dateline or the lead: a headline's "talks" and "the two
    /// leaders spoke" are where the lead says the leaders met.
    SameEvent,
}

impl PlaceReason {
    /// The serde (kebab-case) name.
    pub fn as_str(self) -> &'static str {
        match self {
            PlaceReason::TriggerObl => "trigger-obl",
            PlaceReason::TriggerObj => "trigger-obj",
            PlaceReason::Clause => "clause",
            PlaceReason::Coordinated => "coordinated",
            PlaceReason::Opening => "opening",
            PlaceReason::Window => "window",
            PlaceReason::Dateline => "dateline",
            PlaceReason::Lead => "lead",
            PlaceReason::ActorCountry => "actor-country",
            PlaceReason::SameEvent => "same-event",
        }
    }
}

impl EventPlace {
    /// A place named `name` in the text, resolved to `place` when the
    /// gazetteer knew it.
    pub fn named(
        name: String,
        place: Option<&ResolvedPlace>,
        precision: PlacePrecision,
        span: Option<Span>,
    ) -> EventPlace {
        EventPlace {
            name,
            geonameid: place.map(|r| r.geonameid),
            // A sea or a continent has no country: none, not an empty code.
            country: place.map(|r| r.country.clone()).filter(|c| !c.is_empty()),
            admin1: place.and_then(|r| r.admin1.clone()),
            feature_code: place.map(|r| r.feature_code.clone()),
            lat: place.map(|r| r.lat),
            lon: place.map(|r| r.lon),
            precision,
            span,
            reason: None,
        }
    }

    /// The same place, saying how it was found.
    pub fn with_reason(mut self, reason: PlaceReason) -> EventPlace {
        self.reason = Some(reason);
        self
    }
}

/// Where an event came from: enough to find and re-check its evidence.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Provenance {
    /// Document id.
    pub doc_id: String,
    /// Sentence index in the document.
    pub sentence: usize,
    /// The sentence text.
    pub sentence_text: String,
    /// Span of the sentence in the document text.
    pub sentence_span: Span,
    /// Span of the trigger (verb group or event noun).
    pub trigger: Span,
    /// Trigger text as written.
    pub trigger_text: String,
    /// Id of the pattern or rule that fired.
    pub rule: String,
    /// 0.0–1.0.
    pub confidence: f32,
}
