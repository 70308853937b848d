//! Counterparts named only in a complement clause (`clause/complement.rs`):
//! "refused to meet X", "refused to lift the ban on X", "demanded that X
//! release …". Sentences written for these tests (none from a gold set).

use chrono::NaiveDate;
use dyad_coder::{Engine, EngineConfig, GazetteerChoice};
use dyad_core::Event;

fn code(text: &str) -> Vec<Event> {
    let engine = Engine::new(EngineConfig {
        gazetteer: GazetteerChoice::None,
        ..Default::default()
    })
    .expect("engine");
    let doc = dyad_text::document_from_text("c", text, NaiveDate::from_ymd_opt(2024, 6, 18));
    engine.code_document(doc).events
}

fn countries(side: &[dyad_core::EventActor]) -> Vec<String> {
    side.iter()
        .filter_map(|a| a.actor.country.clone().or_else(|| a.actor.org.clone()))
        .collect()
}

/// The event of type `plover` on `trigger`, or a panic listing what was coded.
fn on<'e>(events: &'e [Event], trigger: &str, plover: &str) -> &'e Event {
    events
        .iter()
        .find(|e| e.provenance.trigger_text.ends_with(trigger) && e.plover == plover)
        .unwrap_or_else(|| panic!("no {plover} on '{trigger}' in {events:#?}"))
}

#[test]
fn refusing_to_meet_rejects_whom_the_meeting_would_have_reached() {
    let events = code("Norway refused to meet the Chilean envoy last week.");
    let ev = on(&events, "refused", "REJECT");
    assert_eq!(countries(&ev.source), ["NOR"], "{ev:#?}");
    assert_eq!(countries(&ev.target), ["CHL"], "{ev:#?}");
}

#[test]
fn refusing_to_let_x_act_rejects_x() {
    let events = code("The Danish navy refused to let Estonian trawlers enter the harbour.");
    let ev = on(&events, "refused", "REJECT");
    assert_eq!(countries(&ev.source), ["DNK"], "{ev:#?}");
    assert_eq!(countries(&ev.target), ["EST"], "{ev:#?}");
}

/// A guard more than a proof: without the complement slot another pattern
/// of "demand" ("- demand that +") already reads Albania here; the
/// complement must keep the same dyad when it takes over.
#[test]
fn demanding_that_x_act_is_a_demand_on_x() {
    let events = code("The Greek parliament demanded that Albania release the fishermen.");
    let ev = on(&events, "demanded", "REQUEST");
    assert_eq!(countries(&ev.source), ["GRC"], "{ev:#?}");
    assert_eq!(countries(&ev.target), ["ALB"], "{ev:#?}");
}

#[test]
fn the_subjects_own_forces_are_no_counterpart() {
    let events = code("Erdogan has repeatedly threatened to send his forces into the valley.");
    for ev in events.iter().filter(|e| e.plover == "THREATEN") {
        assert!(ev.target.is_empty(), "{ev:#?}");
    }
}

#[test]
fn verbs_of_trying_take_no_counterpart_from_their_complement() {
    let events = code("Peru has sought to reassure Bolivian farmers about the new tariffs.");
    for ev in events
        .iter()
        .filter(|e| e.provenance.trigger_text.ends_with("sought"))
    {
        assert!(ev.target.is_empty(), "{ev:#?}");
    }
}

#[test]
fn keeping_an_act_going_is_the_subjects_act() {
    // "prolong" as a light verb: the event noun takes its subject
    let events = code("Britain prolonged its sanctions against Belarus for a year.");
    let ev = events
        .iter()
        .find(|e| e.provenance.trigger_text.ends_with("sanctions"))
        .unwrap_or_else(|| panic!("no event on 'sanctions' in {events:#?}"));
    assert_eq!(countries(&ev.source), ["GBR"], "{ev:#?}");
    assert_eq!(countries(&ev.target), ["BLR"], "{ev:#?}");
}

#[test]
fn suspending_supplies_is_a_sanction() {
    let events = code("Canada suspended food supplies to Haiti on Monday.");
    let ev = on(&events, "suspended", "SANCTION");
    assert_eq!(countries(&ev.source), ["CAN"], "{ev:#?}");
    assert_eq!(countries(&ev.target), ["HTI"], "{ev:#?}");
}
