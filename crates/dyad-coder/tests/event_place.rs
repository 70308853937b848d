//! Event location fallbacks: an event whose own sentence names no place takes
//! a cued place of the article's lead inside one of its actors' countries.

use chrono::NaiveDate;
use dyad_coder::Engine;

#[test]
fn lead_place_in_an_actor_country_locates_unplaced_events() {
    let engine = Engine::builtin().expect("engine");
    if engine.warnings().iter().any(|w| w.contains("gazetteer")) {
        println!("SKIPPED: no gazetteer (run bash scripts/build-gazetteer.sh)");
        return;
    }
    let text = "Leaders gather at a launch site\n\n\
        Officials arrived on Tuesday at a launch site outside the city of Tsiolkovsky in the Amur region, Russia.\n\n\
        Russian President Vladimir Putin held talks with North Korean leader Kim Jong Un on Wednesday.";
    let doc =
        dyad_text::document_from_text("lead-place", text, NaiveDate::from_ymd_opt(2023, 9, 14));
    let coded = engine.code_document(doc);
    let talks = coded
        .events
        .iter()
        .find(|e| e.plover == "CONSULT")
        .unwrap_or_else(|| panic!("no CONSULT event in {:#?}", coded.events));
    let place = talks.place.as_ref().expect("a place");
    assert_eq!(place.country.as_deref(), Some("RUS"), "{place:?}");
    assert!(
        place.name.contains("Tsiolkovsky")
            || place.admin1.as_deref().is_some_and(|a| a.contains("Amur")),
        "{place:?}"
    );
    assert!(place.lat.is_some() && place.lon.is_some(), "{place:?}");
}

/// The engine with the built gazetteer, or `None` (SKIPPED) without one.
fn engine_with_gazetteer() -> Option<Engine> {
    let engine = Engine::builtin().expect("engine");
    if engine.warnings().iter().any(|w| w.contains("gazetteer")) {
        println!("SKIPPED: no gazetteer (run bash scripts/build-gazetteer.sh)");
        return None;
    }
    Some(engine)
}

fn code(engine: &Engine, text: &str, day: (i32, u32, u32)) -> Vec<dyad_core::Event> {
    let date = NaiveDate::from_ymd_opt(day.0, day.1, day.2);
    engine
        .code_document(dyad_text::document_from_text("t", text, date))
        .events
}

#[test]
fn a_place_after_a_preposition_fills_the_slot_as_its_country() {
    let Some(engine) = engine_with_gazetteer() else {
        return;
    };
    let events = code(
        &engine,
        "The French president arrived in China on Tuesday.",
        (2024, 1, 10),
    );
    let visit = events
        .iter()
        .find(|e| e.cameo == "042")
        .unwrap_or_else(|| panic!("no visit in {events:#?}"));
    let target: Vec<_> = visit.target.iter().map(|a| a.actor.code()).collect();
    assert_eq!(target, ["CHN"]);
    assert_eq!(
        visit.source.first().map(|a| a.actor.code()).as_deref(),
        Some("FRAGOV")
    );

    // The place is never the subject: the strike's source stays the Israeli side.
    let events = code(
        &engine,
        "An Israeli airstrike in Syria killed five people on Monday.",
        (2024, 1, 10),
    );
    assert!(!events.is_empty(), "no event");
    for e in &events {
        let sources: Vec<_> = e.source.iter().map(|a| a.actor.code()).collect();
        assert_eq!(sources, ["ISR"], "{e:#?}");
    }
}

#[test]
fn a_meeting_placed_in_a_country_narrows_to_the_story_town() {
    let Some(engine) = engine_with_gazetteer() else {
        return;
    };
    let text = "German chancellor arrives in France\n\n\
        The German chancellor arrived in France on Monday for talks in Paris with the French president.\n\n\
        The German chancellor met the French president on Monday.";
    let events = code(&engine, text, (2024, 5, 7));
    let meetings: Vec<_> = events.iter().filter(|e| e.plover == "CONSULT").collect();
    assert!(!meetings.is_empty(), "no meeting in {events:#?}");
    for e in meetings {
        let place = e.place.as_ref().expect("a place");
        assert_eq!(place.geonameid, Some(2988507), "not Paris: {place:?}");
    }
}

#[test]
fn a_country_level_place_carries_the_country_centroid() {
    let Some(engine) = engine_with_gazetteer() else {
        return;
    };
    // a domestic act: every participant is Turkish, so the act is in Turkey
    let events = code(
        &engine,
        "Turkish police arrested the Turkish opposition leader.",
        (2024, 2, 1),
    );
    let e = events.first().unwrap_or_else(|| panic!("no event"));
    let place = e.place.as_ref().expect("a place");
    assert_eq!(place.precision, dyad_core::PlacePrecision::Country);
    assert_eq!(place.reason, Some(dyad_core::PlaceReason::ActorCountry));
    assert_eq!(place.country.as_deref(), Some("TUR"), "{place:?}");
    assert!(
        place.geonameid.is_some() && place.lat.is_some(),
        "{place:?}"
    );
}

#[test]
fn places_standing_for_countries_stay_out_of_the_documents_actor_mentions() {
    let Some(engine) = engine_with_gazetteer() else {
        return;
    };
    let text = "The French president arrived in China on Tuesday. He met officials there.";
    let doc = dyad_text::document_from_text("t", text, NaiveDate::from_ymd_opt(2024, 1, 10));
    let coded = engine.code_document(doc);
    assert!(coded.events.iter().any(|e| e.cameo == "042"), "no visit");
    assert!(
        coded.actors.iter().all(|m| m.text != "China"),
        "{:#?}",
        coded.actors
    );
    // Antecedents still point at the mention they name.
    for m in &coded.actors {
        if let Some(a) = m.antecedent {
            assert!(a < coded.actors.len());
        }
    }
}

#[test]
fn a_sentence_naming_another_place_takes_no_lead_place() {
    let Some(engine) = engine_with_gazetteer() else {
        return;
    };
    let lead = "Officials arrived on Tuesday at a launch site outside the city of Tsiolkovsky \
                in the Amur region, Russia.\n\n";
    // the talks may be in Moscow, which the parse ties to the flight, not
    // the talks: the story's place would be a guess
    let text = format!(
        "{lead}Russian President Vladimir Putin held talks with North Korean leader Kim Jong \
         Un before flights to Moscow resumed."
    );
    let events = code(&engine, &text, (2023, 9, 14));
    let talks = events
        .iter()
        .find(|e| e.plover == "CONSULT")
        .unwrap_or_else(|| panic!("no CONSULT in {events:#?}"));
    assert!(talks.place.is_none(), "{:?}", talks.place);
    // a name as a mere modifier says nothing of where the talks were
    let text = format!(
        "{lead}After a lunch of Kamchatka crab dumplings, Russian President Vladimir Putin \
         held talks with North Korean leader Kim Jong Un."
    );
    let events = code(&engine, &text, (2023, 9, 14));
    if let Some(talks) = events.iter().find(|e| e.plover == "CONSULT") {
        assert!(talks.place.is_some(), "{talks:?}");
    }
}
