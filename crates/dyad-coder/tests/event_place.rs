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
