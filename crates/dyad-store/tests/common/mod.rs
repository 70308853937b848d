//! Hand-built coded documents for store tests (no coder needed).
#![allow(dead_code)]

use chrono::NaiveDate;
use dyad_core::{
    Actor, AnalyzedDocument, CodedDocument, DateOrigin, DatePrecision, Document, Event, EventActor,
    EventDate, EventPlace, Factuality, PlacePrecision, Provenance, PubDate, Sentence, Span, Zone,
    ZoneKind,
};
use std::path::PathBuf;

pub fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("test date")
}

pub fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!(
        "dyad-store-test-{name}-{}-{}",
        std::process::id(),
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|t| t.as_nanos())
            .unwrap_or(0)
    ));
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

pub fn actor(country: &str, sector: &str, name: &str) -> EventActor {
    EventActor {
        actor: Actor {
            name: name.into(),
            country: Some(country.into()),
            sectors: vec![sector.into()],
            ..Actor::default()
        },
        text: name.into(),
        span: Span::new(0, 1),
    }
}

/// What one test event says.
#[derive(Clone)]
pub struct Spec {
    pub plover: &'static str,
    pub cameo: &'static str,
    pub src: (&'static str, &'static str),
    pub tgt: (&'static str, &'static str),
    pub date: &'static str,
    pub precision: DatePrecision,
    pub window: (&'static str, &'static str),
    pub place: Option<(&'static str, &'static str)>,
    pub place_precision: PlacePrecision,
    pub factuality: Factuality,
}

impl Spec {
    pub fn day(
        plover: &'static str,
        cameo: &'static str,
        src: &'static str,
        tgt: &'static str,
        date: &'static str,
    ) -> Spec {
        Spec {
            plover,
            cameo,
            src: (src, "GOV"),
            tgt: (tgt, "GOV"),
            date,
            precision: DatePrecision::Day,
            window: (date, date),
            place: None,
            place_precision: PlacePrecision::Place,
            factuality: Factuality::Asserted,
        }
    }

    pub fn month(mut self, first: &'static str, last: &'static str) -> Spec {
        self.date = first;
        self.precision = DatePrecision::Month;
        self.window = (first, last);
        self
    }

    pub fn at(mut self, name: &'static str, country: &'static str) -> Spec {
        self.place = Some((name, country));
        self
    }

    /// A place known only from the actors' country.
    pub fn in_country(mut self, country: &'static str) -> Spec {
        self.place = Some((country, country));
        self.place_precision = PlacePrecision::Country;
        self
    }

    pub fn factuality(mut self, f: Factuality) -> Spec {
        self.factuality = f;
        self
    }
}

/// A coded document: one sentence per event spec, in a body zone.
pub fn coded(id: &str, source: &str, pub_date: &str, specs: &[Spec]) -> CodedDocument {
    let mut text = format!("Headline of {id}\n\n");
    let title = Zone {
        kind: ZoneKind::Title,
        span: Span::new(0, text.len() - 2),
    };
    let body_start = text.len();
    let mut sentences = vec![Sentence {
        index: 0,
        span: title.span,
        zone: ZoneKind::Title,
        tokens: vec![],
        syntax: None,
    }];
    let mut events = Vec::new();
    for (i, s) in specs.iter().enumerate() {
        let start = text.len();
        let sentence = format!(
            "The {} government did {} ({}) with {} on {} in {}. ",
            s.src.0, s.plover, s.cameo, s.tgt.0, s.date, id
        );
        text.push_str(&sentence);
        let span = Span::new(start, start + sentence.len() - 1);
        sentences.push(Sentence {
            index: i + 1,
            span,
            zone: ZoneKind::Body,
            tokens: vec![],
            syntax: None,
        });
        let trigger = Span::new(start + 4, start + 7);
        events.push(Event {
            id: format!("{id}:{}:{}:{}", i + 1, trigger.start, s.plover),
            plover: s.plover.into(),
            mode: None,
            contexts: vec!["diplomatic".into()],
            cameo: s.cameo.into(),
            goldstein: if s.plover == "ASSAULT" { -9.0 } else { 1.0 },
            quad_class: if s.plover == "ASSAULT" { 4 } else { 1 },
            source: vec![actor(s.src.0, s.src.1, &format!("{} government", s.src.0))],
            target: vec![actor(s.tgt.0, s.tgt.1, &format!("{} government", s.tgt.0))],
            factuality: s.factuality,
            attributed_to: None,
            quantities: vec![],
            date: EventDate {
                date: d(s.date),
                start: d(s.window.0),
                end: d(s.window.1),
                precision: s.precision,
                text: None,
                note: "test".into(),
            },
            place: s.place.map(|(name, country)| EventPlace {
                name: name.into(),
                geonameid: Some(42),
                country: Some(country.into()),
                admin1: None,
                feature_code: Some("PPL".into()),
                lat: Some(51.8),
                lon: Some(128.3),
                precision: s.place_precision,
                span: None,
                reason: None,
            }),
            provenance: Provenance {
                doc_id: id.into(),
                sentence: i + 1,
                sentence_text: sentence.trim().into(),
                sentence_span: span,
                trigger,
                trigger_text: "gov".into(),
                rule: "test-rule".into(),
                confidence: 0.9,
            },
            historical: false,
            in_passing: false,
        });
    }
    let body = Zone {
        kind: ZoneKind::Body,
        span: Span::new(body_start, text.len()),
    };
    let doc = Document {
        id: id.into(),
        source: Some(source.into()),
        url: Some(format!("https://example.org/{id}")),
        title: Some(format!("Headline of {id}")),
        date: Some(PubDate {
            date: d(pub_date),
            origin: DateOrigin::Record,
            confidence: 1.0,
            note: "record".into(),
        }),
        content_hash: dyad_store::ids::sha256_hex(text.as_bytes()),
        text,
        zones: vec![title, body],
        ..Document::default()
    };
    CodedDocument {
        analyzed: AnalyzedDocument { doc, sentences },
        actors: vec![],
        places: vec![],
        events,
    }
}

/// The summit as two articles report it: one on the day, one nine months
/// later with month precision.
pub fn summit_pair() -> (CodedDocument, CodedDocument) {
    let a = coded(
        "a-2023",
        "Wire A",
        "2023-09-13",
        &[Spec::day("CONSULT", "040", "RUS", "PRK", "2023-09-13").at("Vostochny", "RUS")],
    );
    let b = coded(
        "b-2024",
        "Paper B",
        "2024-06-19",
        &[
            Spec::day("CONSULT", "040", "PRK", "RUS", "2023-09-01")
                .month("2023-09-01", "2023-09-30"),
            Spec::day("CONSULT", "040", "RUS", "PRK", "2024-06-19").at("Pyongyang", "PRK"),
        ],
    );
    (a, b)
}
