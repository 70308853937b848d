//! Namesakes with the built gazetteer: document context may prefer a small
//! town over a far larger namesake only so far. Skips, saying so, when the
//! gazetteer has not been built (`scripts/test.sh` builds it first).

use dyad_core::{AnalyzedDocument, PlaceMention};
use dyad_geo::{Gazetteer, GeoError};
use dyad_text::TextPipeline;

fn gazetteer() -> Option<Gazetteer> {
    match Gazetteer::load_default() {
        Ok(g) => Some(g),
        Err(e @ GeoError::NotFound { .. }) => {
            println!("SKIPPED: gazetteer not built ({e})");
            None
        }
        Err(e) => panic!("gazetteer present but unusable: {e}"),
    }
}

fn places(gaz: &Gazetteer, text: &str) -> Vec<PlaceMention> {
    let doc: AnalyzedDocument =
        TextPipeline::new().analyze(dyad_text::document_from_text("n", text, None));
    gaz.recognize(&doc, &[])
}

/// (country, feature code) chosen for the first mention written `name`.
fn chosen(found: &[PlaceMention], name: &str) -> (String, String) {
    let m = found
        .iter()
        .find(|m| m.text == name)
        .unwrap_or_else(|| panic!("'{name}' not found in {found:#?}"));
    let p = m.place.as_ref().expect("resolved");
    (p.country.clone(), p.feature_code.clone())
}

#[test]
fn a_world_capital_beats_a_small_namesake_in_the_countrys_context() {
    let Some(gaz) = gazetteer() else { return };
    let found = places(
        &gaz,
        "The American envoy arrived in Berlin after meetings in Washington and New York.",
    );
    assert_eq!(chosen(&found, "Berlin").0, "DEU", "{found:#?}");
    assert_eq!(chosen(&found, "Washington").0, "USA", "{found:#?}");
}

#[test]
fn a_state_beside_another_state_stays_a_state() {
    let Some(gaz) = gazetteer() else { return };
    let found = places(
        &gaz,
        "Officials in Texas and Oklahoma said the storm was moving east.",
    );
    assert_eq!(
        chosen(&found, "Texas"),
        ("USA".into(), "ADM1".into()),
        "{found:#?}"
    );
    assert_eq!(
        chosen(&found, "Oklahoma"),
        ("USA".into(), "ADM1".into()),
        "{found:#?}"
    );
}

#[test]
fn a_stated_state_still_picks_its_small_town() {
    let Some(gaz) = gazetteer() else { return };
    let found = places(
        &gaz,
        "Authorities in Paris, Texas, closed schools after a tornado.",
    );
    assert_eq!(chosen(&found, "Paris").0, "USA", "{found:#?}");
}

#[test]
fn a_region_of_no_country_beats_a_village_of_its_name_in_an_american_story() {
    let Some(gaz) = gazetteer() else { return };
    // GeoNames has a Maryland village called Middle East; the place file's
    // region has no country and must not lose to it on American context
    let found = places(
        &gaz,
        "American officials in Washington and New York said the group could seize a swath of the Middle East.",
    );
    assert_eq!(
        chosen(&found, "Middle East"),
        (String::new(), "RGN".into()),
        "{found:#?}"
    );
}
