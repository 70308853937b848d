//! Unit tests of clause analysis, matching, factuality and records on
//! sentences written for these tests, with actor mentions placed by hand
//! (so they do not depend on the lexicon).

use chrono::NaiveDate;
use dyad_core::{Actor, ActorMention, DatePrecision, Event, Factuality, MentionKind, Span};

use crate::clause::{self, SentenceView};
use crate::dates;
use crate::locative::Mentions;
use crate::matching;
use crate::patterns::PatternSet;
use crate::record::{self, DocContext};

fn mentions(doc: &dyad_core::AnalyzedDocument, actors: &[(&str, &str)]) -> Vec<ActorMention> {
    let text = &doc.doc.text;
    let mut out = Vec::new();
    for (name, country) in actors {
        let mut from = 0;
        while let Some(pos) = text.get(from..).and_then(|t| t.find(name)) {
            let start = from + pos;
            let span = Span::new(start, start + name.len());
            let sentence = doc
                .sentences
                .iter()
                .find(|s| s.span.contains(span))
                .map(|s| s.index)
                .unwrap_or(0);
            out.push(ActorMention {
                span,
                sentence,
                text: name.to_string(),
                kind: MentionKind::Country,
                actor: Actor {
                    name: name.to_string(),
                    country: Some(country.to_string()),
                    sectors: vec!["GOV".into()],
                    ..Default::default()
                },
                antecedent: None,
                rule: "test".into(),
                confidence: 1.0,
            });
            from = start + name.len();
        }
    }
    out.sort_by_key(|m| m.span.start);
    out
}

fn code(text: &str, actors: &[(&str, &str)]) -> Vec<Event> {
    code_dated(text, actors, NaiveDate::from_ymd_opt(2024, 5, 15))
}

/// Codes `text` published on `date` (`None`: an undated document, even if
/// the text pipeline could infer a date from the text).
fn code_dated(text: &str, actors: &[(&str, &str)], date: Option<NaiveDate>) -> Vec<Event> {
    let doc = dyad_text::document_from_text("t", text, date);
    let mut analyzed = dyad_text::TextPipeline::new().analyze(doc);
    if date.is_none() {
        analyzed.doc.date = None;
    }
    let ms = mentions(&analyzed, actors);
    let patterns = PatternSet::builtin().expect("builtin patterns");
    let mut ctx = DocContext::new(&analyzed, ms.as_slice().into(), &[], None);
    ctx.publication = date;
    let mut events = Vec::new();
    let mut lower_buf = String::new();
    for sentence in &analyzed.sentences {
        let near = Mentions::from(ms.as_slice()).in_span(sentence.span);
        let view = SentenceView::new(&analyzed.doc.text, sentence, near, &mut lower_buf);
        let preds = clause::analyze(&view, &patterns);
        let (matches, _) =
            matching::match_sentence(&view, &preds, &patterns, ms.as_slice().into(), None, false);
        events.extend(
            matches
                .iter()
                .flat_map(|m| record::build_events(&ctx, sentence, &view, None, &preds, m, &[])),
        );
    }
    events
}

fn codes(ev: &Event) -> (String, String) {
    let c = |l: &[dyad_core::EventActor]| {
        l.iter()
            .filter_map(|a| a.actor.country.clone())
            .collect::<Vec<_>>()
            .join("+")
    };
    (c(&ev.source), c(&ev.target))
}

fn find<'a>(events: &'a [Event], plover: &str) -> &'a Event {
    events
        .iter()
        .find(|e| e.plover == plover)
        .unwrap_or_else(|| panic!("no {plover} event in {events:#?}"))
}

#[test]
fn visit_with_source_target_and_codes() {
    let evs = code(
        "Norway's prime minister visited Chile on Tuesday.",
        &[("Norway", "NOR"), ("Chile", "CHL")],
    );
    let ev = find(&evs, "CONSULT");
    assert_eq!(codes(ev), ("NOR".into(), "CHL".into()));
    assert_eq!(ev.cameo, "042");
    assert_eq!(ev.quad_class, 1);
    assert_eq!(ev.factuality, Factuality::Asserted);
    assert_eq!(ev.date.date, NaiveDate::from_ymd_opt(2024, 5, 14).unwrap());
    assert!(ev.provenance.rule.starts_with("consult:visit"));
    assert_eq!(ev.provenance.trigger_text, "visited");
}

#[test]
fn passive_agent_becomes_source() {
    let evs = code(
        "Peru was attacked by Bolivia last week.",
        &[("Peru", "PER"), ("Bolivia", "BOL")],
    );
    let ev = find(&evs, "ASSAULT");
    assert_eq!(codes(ev), ("BOL".into(), "PER".into()));
}

#[test]
fn prepositional_target_and_talks_between() {
    let evs = code(
        "Chile fired dozens of rockets at Peru.",
        &[("Chile", "CHL"), ("Peru", "PER")],
    );
    assert_eq!(codes(find(&evs, "ASSAULT")), ("CHL".into(), "PER".into()));
    let evs = code(
        "The talks between Norway and Chile lasted five hours.",
        &[("Norway", "NOR"), ("Chile", "CHL")],
    );
    assert_eq!(codes(find(&evs, "CONSULT")), ("NOR".into(), "CHL".into()));
}

#[test]
fn factuality_negated_hypothetical_intended_reported() {
    let a = &[("Chile", "CHL"), ("Peru", "PER"), ("Norway", "NOR")];
    assert_eq!(
        find(&code("Chile has not attacked Peru.", a), "ASSAULT").factuality,
        Factuality::Negated
    );
    assert_eq!(
        find(&code("Chile could attack Peru.", a), "ASSAULT").factuality,
        Factuality::Hypothetical
    );
    let reported = code("Norway said Chile attacked Peru.", a);
    let ev = reported
        .iter()
        .find(|e| e.plover == "ASSAULT")
        .expect("assault");
    assert_eq!(ev.factuality, Factuality::Reported);
    assert_eq!(
        ev.attributed_to
            .as_ref()
            .and_then(|a| a.actor.country.clone()),
        Some("NOR".into())
    );
    // a threat is THREATEN, not a factual ASSAULT
    let evs = code("Chile threatened to attack Peru.", a);
    assert!(
        evs.iter()
            .all(|e| !(e.plover == "ASSAULT" && e.factuality.is_factual())),
        "{evs:#?}"
    );
    assert!(evs.iter().any(|e| e.plover == "THREATEN"));
}

#[test]
fn accusation_with_object_control() {
    let a = &[("Chile", "CHL"), ("Peru", "PER"), ("Norway", "NOR")];
    let evs = code("Norway accused Chile of shelling Peru.", a);
    assert_eq!(codes(find(&evs, "ACCUSE")), ("NOR".into(), "CHL".into()));
    let assault = find(&evs, "ASSAULT");
    assert_eq!(codes(assault), ("CHL".into(), "PER".into()));
    assert_eq!(assault.factuality, Factuality::Reported);
}

#[test]
fn coordinated_subjects_meet_reciprocally() {
    let evs = code(
        "Chile and Peru met in Lima.",
        &[("Chile", "CHL"), ("Peru", "PER")],
    );
    assert_eq!(codes(find(&evs, "CONSULT")), ("CHL".into(), "PER".into()));
}

#[test]
fn odd_inputs_do_not_panic() {
    let a = &[("Chile", "CHL"), ("Peru", "PER")];
    let long = "Chile attacked Peru and ".repeat(2000);
    let evs = code(&long, a);
    assert!(!evs.is_empty());
    let _ = code("CHILE ATTACKED PERU", a);
    let _ = code("12 34 56\n78 90 12\n", a);
    let _ = code("", a);
    let _ = code("Chile Peru Chile Peru", a);
}

#[test]
fn quantities_and_promises() {
    let a = &[("Chile", "CHL"), ("Peru", "PER"), ("Norway", "NOR")];
    let evs = code("Norway said Chile shipped at least 300 tanks to Peru.", a);
    let aid = find(&evs, "AID");
    assert_eq!(codes(aid), ("CHL".into(), "PER".into()));
    let q = aid.quantities.first().expect("a quantity");
    assert_eq!((q.value, q.qualifier.as_deref()), (300.0, Some("at least")));
    // a promise of a concession is CONCEDE (the PLOVER manual: promised
    // concessions are verbal concessions), asserted
    let evs = code("Chile promised to lift the curfew in the capital.", a);
    let concede = find(&evs, "CONCEDE");
    assert_eq!(concede.factuality, Factuality::Asserted);
    assert!(concede.provenance.rule.ends_with("+intent"));
}

#[test]
fn may_have_mentions_agrees_with_the_view() {
    let text = "Egypt criticised Israel on Monday. The weather was fine. Israel replied.";
    let doc = dyad_text::document_from_text("t", text, None);
    let analyzed = dyad_text::TextPipeline::new().analyze(doc);
    let ms = mentions(&analyzed, &[("Egypt", "EGY"), ("Israel", "ISR")]);
    let flags: Vec<bool> = analyzed
        .sentences
        .iter()
        .map(|s| SentenceView::may_have_mentions(s, Mentions::from(ms.as_slice()).in_span(s.span)))
        .collect();
    assert_eq!(flags, [true, false, true]);
    let mut lower_buf = String::new();
    for (sentence, may) in analyzed.sentences.iter().zip(&flags) {
        let near = Mentions::from(ms.as_slice()).in_span(sentence.span);
        let view = SentenceView::new(&analyzed.doc.text, sentence, near, &mut lower_buf);
        // the pre-check may only skip sentences whose view has no mentions
        assert!(*may || view.mentions.is_empty());
    }
}

#[test]
fn undated_documents_date_events_only_by_absolute_expressions() {
    let a = &[("Chile", "CHL"), ("Peru", "PER")];
    let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
    let evs = code_dated("Chile attacked Peru on 12 March 2023.", a, None);
    let date = &find(&evs, "ASSAULT").date;
    assert_eq!(
        (date.date, date.precision),
        (day(2023, 3, 12), DatePrecision::Day)
    );
    assert!(!dates::is_unknown(date));
    let evs = code_dated("In January 2024, Chile attacked Peru.", a, None);
    let date = &find(&evs, "ASSAULT").date;
    assert_eq!((date.start, date.end), (day(2024, 1, 1), day(2024, 1, 31)));
    assert_eq!(date.precision, DatePrecision::Month);
    // relative or no expression: no date, said explicitly
    let evs = code_dated("Chile attacked Peru yesterday.", a, None);
    let date = &find(&evs, "ASSAULT").date;
    assert!(dates::is_unknown(date), "{date:?}");
    assert_eq!(date.precision, DatePrecision::Unknown);
    assert_eq!(date.text.as_deref(), Some("yesterday"));
    assert!(date.note.contains("no publication date") || date.note.contains("lacks"));
    let evs = code_dated("Chile attacked Peru.", a, None);
    let date = &find(&evs, "ASSAULT").date;
    assert!(dates::is_unknown(date) && date.text.is_none(), "{date:?}");
    // with a publication date, the same sentence is dated as before
    let evs = code("Chile attacked Peru yesterday.", a);
    let date = &find(&evs, "ASSAULT").date;
    assert_eq!(
        (date.date, date.precision),
        (day(2024, 5, 14), DatePrecision::Day)
    );
    assert!(!dates::is_unknown(date));
}

#[test]
fn the_object_fallback_does_not_reach_past_another_verb() {
    let a = &[("Chile", "CHL"), ("Peru", "PER")];
    // "footage" is what Chile released; Peru belongs to "showing".
    let evs = code("Chile released footage showing soldiers of Peru.", a);
    assert!(evs.iter().all(|e| e.plover != "RETREAT"), "{evs:#?}");
    // The fallback still finds an object the verb governs.
    let evs = code("Chile released the captured soldiers of Peru.", a);
    assert!(evs.iter().any(|e| e.plover == "RETREAT"), "{evs:#?}");
}
