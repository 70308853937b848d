//! Coordinated verbs share their subject ("X bombed A and killed B": X
//! killed), and a free relative naming frame ("what he called …") does not
//! hide the object after it.

use chrono::NaiveDate;
use dyad_coder::{Engine, EngineConfig, GazetteerChoice};
use dyad_core::{Event, Factuality};

fn code(text: &str) -> Vec<Event> {
    let engine = Engine::new(EngineConfig {
        gazetteer: GazetteerChoice::None,
        ..Default::default()
    })
    .expect("engine");
    let doc = dyad_text::document_from_text("coord", text, NaiveDate::from_ymd_opt(2024, 6, 18));
    engine.code_document(doc).events
}

fn countries(side: &[dyad_core::EventActor]) -> Vec<String> {
    side.iter()
        .filter_map(|a| a.actor.country.clone())
        .collect()
}

#[test]
fn second_conjunct_takes_the_first_ones_subject_not_its_object() {
    let events = code("Israel bombed Gaza and killed 20 people on Monday.");
    let killing = events
        .iter()
        .find(|e| e.provenance.trigger_text == "killed")
        .unwrap_or_else(|| panic!("no killing in {events:#?}"));
    assert_eq!(countries(&killing.source), ["ISR"], "{killing:#?}");
}

#[test]
fn a_vow_governs_both_conjuncts() {
    let events = code("Russia vowed to punish Ukraine and destroy Kyiv.");
    let threat = events
        .iter()
        .find(|e| e.provenance.trigger_text == "destroy")
        .unwrap_or_else(|| panic!("no event on 'destroy' in {events:#?}"));
    assert_eq!(threat.plover, "THREATEN", "{threat:#?}");
    assert_eq!(countries(&threat.source), ["RUS"], "{threat:#?}");
    assert_eq!(threat.factuality, Factuality::Asserted, "{threat:#?}");
}

#[test]
fn adverb_after_and_and_a_naming_frame_before_the_object() {
    let events = code(
        "President Emmanuel Macron of France arrived in Spain after vowing to bring ties \
         with Madrid to new heights and jointly rebuff what he called the \u{201c}reckless \
         dominance\u{201d} of the United States.",
    );
    let rebuff = events
        .iter()
        .find(|e| e.provenance.trigger_text == "rebuff")
        .unwrap_or_else(|| panic!("no event on 'rebuff' in {events:#?}"));
    assert_eq!(rebuff.plover, "ACCUSE", "{rebuff:#?}");
    assert_eq!(countries(&rebuff.source), ["FRA"], "{rebuff:#?}");
    assert_eq!(countries(&rebuff.target), ["USA"], "{rebuff:#?}");
}

#[test]
fn a_new_subject_after_and_is_its_own_clause() {
    let events = code("Israel bombed Gaza and Hamas condemned the Israeli government.");
    let condemnation = events
        .iter()
        .find(|e| e.provenance.trigger_text == "condemned")
        .unwrap_or_else(|| panic!("no condemnation in {events:#?}"));
    // "and Hamas fired": a subject of its own, not the bomber's
    assert!(
        !countries(&condemnation.source).contains(&"ISR".to_string()),
        "{condemnation:#?}"
    );
    assert!(!condemnation.source.is_empty(), "{condemnation:#?}");
}

#[test]
fn a_gerund_inside_a_complement_is_not_the_conjunct() {
    let events = code(
        "President Emmanuel Macron of France wrote an article praising Spain for resisting \
         pressure and thanking Germany for its support.",
    );
    let thanks = events
        .iter()
        .find(|e| e.provenance.trigger_text == "thanking")
        .unwrap_or_else(|| panic!("no event on 'thanking' in {events:#?}"));
    assert_eq!(countries(&thanks.source), ["FRA"], "{thanks:#?}");
    assert_eq!(countries(&thanks.target), ["DEU"], "{thanks:#?}");
}

#[test]
fn a_coordinated_verb_happens_where_its_partner_does() {
    if let Err(e) = dyad_geo::Gazetteer::load_default() {
        println!("SKIPPED: gazetteer not built ({e})");
        return;
    }
    let engine = Engine::new(EngineConfig {
        gazetteer: GazetteerChoice::Default,
        ..Default::default()
    })
    .expect("engine");
    let doc = dyad_text::document_from_text(
        "coord",
        "Israel bombed Gaza and killed 20 people on Monday.",
        NaiveDate::from_ymd_opt(2024, 6, 18),
    );
    let events = engine.code_document(doc).events;
    let killing = events
        .iter()
        .find(|e| e.provenance.trigger_text == "killed")
        .unwrap_or_else(|| panic!("no killing in {events:#?}"));
    let place = killing.place.as_ref().expect("a place");
    assert_eq!(place.name, "Gaza", "{killing:#?}");
}

#[test]
fn compound_sides_give_one_event_per_dyad() {
    let events = code("Germany and Japan condemned Iran and Venezuela on Tuesday.");
    let mut dyads: Vec<(Vec<String>, Vec<String>)> = events
        .iter()
        .filter(|e| e.plover == "ACCUSE")
        .map(|e| (countries(&e.source), countries(&e.target)))
        .collect();
    dyads.sort();
    let pair = |a: &str, b: &str| (vec![a.to_string()], vec![b.to_string()]);
    assert_eq!(
        dyads,
        [
            pair("DEU", "IRN"),
            pair("DEU", "VEN"),
            pair("JPN", "IRN"),
            pair("JPN", "VEN")
        ],
        "{events:#?}"
    );
}

#[test]
fn a_leader_and_his_country_stay_one_side() {
    let events = code("Vladimir Putin and Russia condemned Norway on Tuesday.");
    let accusations: Vec<&Event> = events.iter().filter(|e| e.plover == "ACCUSE").collect();
    assert_eq!(accusations.len(), 1, "{events:#?}");
    assert_eq!(accusations[0].source.len(), 2, "{events:#?}");
}
