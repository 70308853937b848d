//! JSON views of dyad values for the API: the wire shapes documented in
//! `assets/openapi.json`. Inner crates expose plain data; only this module
//! decides field names on the wire.

use dyad_core::{Actor, CodedDocument, Event, EventActor, EventPlace, Span};
use serde::Serialize;

/// An actor as the API shows it.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct ActorView {
    /// Compact code (`RUSGOV`).
    pub code: String,
    /// Display name.
    pub name: Option<String>,
    /// ISO3 or bloc code.
    pub country: Option<String>,
    /// Sector codes.
    pub sectors: Vec<String>,
}

impl ActorView {
    /// The view of a resolved actor.
    pub fn of(actor: &Actor) -> Self {
        ActorView {
            code: actor.code(),
            name: (!actor.name.is_empty()).then(|| actor.name.clone()),
            country: actor.country.clone(),
            sectors: actor.sectors.clone(),
        }
    }

    /// The view of the first actor of an event role, if any.
    pub fn first(actors: &[EventActor]) -> Option<Self> {
        actors.first().map(|a| ActorView::of(&a.actor))
    }
}

/// A place as the API shows it.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct PlaceView {
    /// Name as written or canonical.
    pub name: String,
    /// GeoNames id.
    pub geonameid: Option<u64>,
    /// ISO3.
    pub country: Option<String>,
    /// Latitude.
    pub lat: Option<f64>,
    /// Longitude.
    pub lon: Option<f64>,
    /// place | dateline | country.
    pub precision: String,
}

impl PlaceView {
    /// The view of an event place.
    pub fn of(place: &EventPlace) -> Self {
        PlaceView {
            name: place.name.clone(),
            geonameid: place.geonameid,
            country: place.country.clone(),
            lat: place.lat,
            lon: place.lon,
            precision: enum_name(&place.precision),
        }
    }
}

/// A highlighted span of text, relative to the text it is shown with.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct SpanView {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// actor | trigger | place | quantity.
    pub label: &'static str,
    /// Tooltip: resolution or rule.
    pub detail: String,
}

/// An event row of the API.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct EventView {
    /// Event id.
    pub id: String,
    /// Event date.
    pub date: String,
    /// Date precision.
    pub precision: String,
    /// PLOVER type.
    pub plover: String,
    /// PLOVER mode.
    pub mode: Option<String>,
    /// CAMEO code.
    pub cameo: String,
    /// CAMEO code name.
    pub cameo_name: Option<String>,
    /// Quad class 1–4.
    pub quad_class: u8,
    /// Goldstein score.
    pub goldstein: f32,
    /// First source actor.
    pub source: Option<ActorView>,
    /// First target actor.
    pub target: Option<ActorView>,
    /// Event place.
    pub place: Option<PlaceView>,
    /// Factuality.
    pub factuality: String,
    /// Attribution.
    pub attributed_to: Option<ActorView>,
    /// Quantities.
    pub quantities: Vec<QuantityView>,
    /// Reporting articles (1 for an unmerged event).
    pub num_articles: u64,
    /// Distinct publishers.
    pub num_sources: u64,
    /// Reporting sentences.
    pub num_mentions: u64,
    /// The (first) reporting sentence.
    pub sentence: String,
    /// Rule id.
    pub rule: String,
    /// Confidence.
    pub confidence: f32,
}

/// A quantity on the wire.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct QuantityView {
    /// Value.
    pub value: f64,
    /// Unit.
    pub unit: String,
    /// Qualifier.
    pub qualifier: Option<String>,
}

impl EventView {
    /// The view of a single coded event (not merged).
    pub fn of(e: &Event) -> Self {
        EventView {
            id: e.id.clone(),
            date: e.date.date.to_string(),
            precision: enum_name(&e.date.precision),
            plover: e.plover.clone(),
            mode: e.mode.clone(),
            cameo: e.cameo.clone(),
            cameo_name: dyad_core::ontology::cameo(&e.cameo).map(|c| c.name.to_string()),
            quad_class: e.quad_class,
            goldstein: e.goldstein,
            source: ActorView::first(&e.source),
            target: ActorView::first(&e.target),
            place: e.place.as_ref().map(PlaceView::of),
            factuality: e.factuality.as_str().to_string(),
            attributed_to: e.attributed_to.as_ref().map(|a| ActorView::of(&a.actor)),
            quantities: e
                .quantities
                .iter()
                .map(|q| QuantityView {
                    value: q.value,
                    unit: q.unit.clone(),
                    qualifier: q.qualifier.clone(),
                })
                .collect(),
            num_articles: 1,
            num_sources: 1,
            num_mentions: 1,
            sentence: e.provenance.sentence_text.clone(),
            rule: e.provenance.rule.clone(),
            confidence: e.provenance.confidence,
        }
    }
}

/// Highlight spans of one event inside its sentence (offsets relative to the
/// sentence start): its actors, trigger, place and quantities.
pub fn event_spans(e: &Event) -> Vec<SpanView> {
    let base = e.provenance.sentence_span;
    let mut spans = Vec::new();
    let mut push = |span: Span, label: &'static str, detail: String| {
        if base.contains(span) && !span.is_empty() {
            spans.push(SpanView {
                start: span.start - base.start,
                end: span.end - base.start,
                label,
                detail,
            });
        }
    };
    for a in e
        .source
        .iter()
        .chain(&e.target)
        .chain(e.attributed_to.iter())
    {
        push(a.span, "actor", a.actor.code());
    }
    push(
        e.provenance.trigger,
        "trigger",
        format!("{} {} · rule {}", e.plover, e.cameo, e.provenance.rule),
    );
    if let Some(p) = &e.place {
        if let Some(span) = p.span {
            push(span, "place", p.name.clone());
        }
    }
    for q in &e.quantities {
        push(q.span, "quantity", format!("{} {}", q.value, q.unit));
    }
    spans.sort_by_key(|s| (s.start, std::cmp::Reverse(s.end)));
    spans
}

/// All annotations of a coded document as spans into its text: actor
/// mentions, places, event triggers and quantities.
pub fn document_annotations(coded: &CodedDocument) -> Vec<SpanView> {
    let mut spans: Vec<SpanView> = Vec::new();
    for m in &coded.actors {
        spans.push(SpanView {
            start: m.span.start,
            end: m.span.end,
            label: "actor",
            detail: m.actor.code(),
        });
    }
    for p in &coded.places {
        let detail = match &p.place {
            Some(r) => format!("{} ({}), GeoNames {}", r.name, r.country, r.geonameid),
            None => "unresolved place".to_string(),
        };
        spans.push(SpanView {
            start: p.span.start,
            end: p.span.end,
            label: "place",
            detail,
        });
    }
    for e in &coded.events {
        let t = e.provenance.trigger;
        spans.push(SpanView {
            start: t.start,
            end: t.end,
            label: "trigger",
            detail: format!("{} {} · rule {}", e.plover, e.cameo, e.provenance.rule),
        });
        for q in &e.quantities {
            spans.push(SpanView {
                start: q.span.start,
                end: q.span.end,
                label: "quantity",
                detail: format!("{} {}", q.value, q.unit),
            });
        }
    }
    spans.sort_by_key(|s| (s.start, std::cmp::Reverse(s.end)));
    spans.dedup_by(|a, b| a.start < b.end && b.start < a.end);
    spans
}

/// The serde name of a unit-like enum value ("day", "unknown-relative").
fn enum_name<T: Serialize>(value: &T) -> String {
    serde_json::to_value(value)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}
