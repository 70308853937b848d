//! Recognition, resolution and event location on sentences written for these
//! tests, with a small hand-made gazetteer (no built gazetteer needed).

use std::sync::OnceLock;

use dyad_core::{AnalyzedDocument, PlaceMention, PlacePrecision, Span};
use dyad_geo::{event_location, Gazetteer, SourceRecord};
use dyad_text::TextPipeline;

#[allow(clippy::too_many_arguments)]
fn rec(
    id: u32,
    name: &str,
    code: &str,
    country: &str,
    admin1: Option<u32>,
    lat: f64,
    lon: f64,
    population: u64,
    alts: &[&str],
) -> SourceRecord {
    SourceRecord {
        geonameid: id,
        name: name.into(),
        feature_class: if code.starts_with("PPL") { 'P' } else { 'A' },
        feature_code: code.into(),
        country: country.into(),
        admin1,
        lat,
        lon,
        population,
        names: alts.iter().map(|s| s.to_string()).collect(),
        demonyms: Vec::new(),
    }
}

/// Facts about real places, typed for these tests.
fn gazetteer() -> Gazetteer {
    let mut syria = rec(
        163843,
        "Syria",
        "PCLI",
        "SYR",
        None,
        35.0,
        38.0,
        22_000_000,
        &[],
    );
    syria.demonyms = vec!["Syrian".into()];
    let mut russia = rec(
        2017370,
        "Russia",
        "PCLI",
        "RUS",
        None,
        60.0,
        100.0,
        144_000_000,
        &[],
    );
    russia.demonyms = vec!["Russian".into()];
    Gazetteer::from_records(&[
        syria,
        russia,
        rec(
            2921044,
            "Germany",
            "PCLI",
            "DEU",
            None,
            51.5,
            10.5,
            82_000_000,
            &[],
        ),
        rec(
            3077311,
            "Czechia",
            "PCLI",
            "CZE",
            None,
            49.75,
            15.0,
            10_600_000,
            &["Czech Republic"],
        ),
        rec(
            6252001,
            "United States",
            "PCLI",
            "USA",
            None,
            39.8,
            -98.5,
            327_000_000,
            &[],
        ),
        rec(
            1861060,
            "Japan",
            "PCLI",
            "JPN",
            None,
            35.7,
            139.7,
            126_000_000,
            &[],
        ),
        rec(
            169575,
            "Homs Governorate",
            "ADM1",
            "SYR",
            Some(169575),
            34.7,
            37.9,
            0,
            &["Homs"],
        ),
        rec(
            170062,
            "Aleppo Governorate",
            "ADM1",
            "SYR",
            Some(170062),
            36.2,
            37.5,
            0,
            &["Aleppo"],
        ),
        rec(
            169577,
            "Homs",
            "PPLA",
            "SYR",
            Some(169575),
            34.73,
            36.71,
            775_000,
            &["Hims"],
        ),
        rec(
            170063,
            "Aleppo",
            "PPLA",
            "SYR",
            Some(170062),
            36.2,
            37.16,
            2_100_000,
            &["Halab"],
        ),
        rec(
            2950159,
            "Berlin",
            "PPLC",
            "DEU",
            None,
            52.52,
            13.41,
            3_400_000,
            &[],
        ),
        rec(
            3067696,
            "Prague",
            "PPLC",
            "CZE",
            None,
            50.09,
            14.42,
            1_165_000,
            &["Praha"],
        ),
        rec(
            4544379,
            "Oklahoma",
            "ADM1",
            "USA",
            Some(4544379),
            35.5,
            -97.5,
            0,
            &["State of Oklahoma"],
        ),
        rec(
            4548393,
            "Prague",
            "PPL",
            "USA",
            Some(4544379),
            35.49,
            -96.69,
            2_400,
            &[],
        ),
        rec(
            2027748,
            "Amur Oblast",
            "ADM1",
            "RUS",
            Some(2027748),
            52.0,
            128.0,
            0,
            &["Amur"],
        ),
        rec(
            479561,
            "Bashkortostan",
            "ADM1",
            "RUS",
            Some(479561),
            54.0,
            56.0,
            0,
            &[],
        ),
        rec(
            6641869,
            "Tsiolkovskiy",
            "PPL",
            "RUS",
            Some(2027748),
            51.77,
            128.12,
            7_000,
            &["Tsiolkovsky"],
        ),
        rec(
            2026609,
            "Blagoveshchensk",
            "PPLA",
            "RUS",
            Some(2027748),
            50.28,
            127.53,
            225_000,
            &[],
        ),
        rec(
            576317,
            "Blagoveshchensk",
            "PPL",
            "RUS",
            Some(479561),
            55.03,
            55.98,
            35_000,
            &[],
        ),
        rec(
            524901,
            "Moscow",
            "PPLC",
            "RUS",
            None,
            55.75,
            37.62,
            10_000_000,
            &[],
        ),
        rec(
            1854383,
            "Obama",
            "PPL",
            "JPN",
            None,
            35.5,
            135.75,
            30_000,
            &[],
        ),
    ])
}

fn analyse(text: &str) -> AnalyzedDocument {
    static PIPELINE: OnceLock<TextPipeline> = OnceLock::new();
    PIPELINE
        .get_or_init(TextPipeline::new)
        .analyze(dyad_text::document_from_text("t", text, None))
}

fn places(text: &str) -> (AnalyzedDocument, Vec<PlaceMention>) {
    let doc = analyse(text);
    let found = gazetteer().recognize(&doc, &[]);
    (doc, found)
}

/// (text as written, geonameid) of each resolved toponym.
fn ids(found: &[PlaceMention]) -> Vec<(String, u64)> {
    found
        .iter()
        .map(|p| (p.text.clone(), p.place.as_ref().map_or(0, |r| r.geonameid)))
        .collect()
}

#[test]
fn fighting_in_homs_and_aleppo_is_the_syrian_cities() {
    let (_, found) =
        places("Government forces pounded rebel positions near Homs and Aleppo on Monday.");
    assert_eq!(
        ids(&found),
        vec![("Homs".into(), 169577), ("Aleppo".into(), 170063)]
    );
    assert!(found
        .iter()
        .all(|p| p.confidence > 0.5 && !p.reason.is_empty()));
}

#[test]
fn governorates_after_a_list_make_every_name_a_division() {
    let (_, found) = places("Shelling hit villages across Homs and Aleppo Governorates overnight.");
    assert_eq!(
        ids(&found),
        vec![("Homs".into(), 169575), ("Aleppo".into(), 170062)]
    );
    let (_, found) = places("Aid reached the Aleppo Governorate on Sunday.");
    assert_eq!(
        found
            .first()
            .and_then(|p| p.place.as_ref())
            .map(|r| r.feature_code.as_str()),
        Some("ADM1")
    );
}

#[test]
fn prague_is_czech_unless_a_qualifier_says_oklahoma() {
    let (_, found) = places("Ministers met in Prague on Friday.");
    assert_eq!(ids(&found), vec![("Prague".into(), 3067696)]);
    let (_, found) = places("The delegation travelled to Prague, Oklahoma, for a trade fair.");
    assert_eq!(
        ids(&found),
        vec![("Prague".into(), 4548393), ("Oklahoma".into(), 4544379)]
    );
    let (_, found) = places("Farmers in Oklahoma founded a town they called Prague.");
    assert_eq!(ids(&found).last(), Some(&("Prague".into(), 4548393)));
}

#[test]
fn admin_hierarchy_in_the_text_picks_the_right_namesake() {
    let (_, found) = places(
        "Engineers gathered outside the town of Tsiolkovsky, some 200 km from Blagoveshchensk in the Amur region of Russia.",
    );
    let got = ids(&found);
    assert!(got.contains(&("Tsiolkovsky".into(), 6641869)), "{got:?}");
    assert!(
        got.contains(&("Blagoveshchensk".into(), 2026609)),
        "{got:?}"
    );
    assert!(got.contains(&("Amur".into(), 2027748)), "{got:?}");
    assert!(got.contains(&("Russia".into(), 2017370)), "{got:?}");
    let town = found
        .iter()
        .find(|p| p.text == "Tsiolkovsky")
        .and_then(|p| p.place.clone())
        .unwrap();
    assert_eq!(town.admin1.as_deref(), Some("Amur Oblast"));
}

#[test]
fn a_capital_acting_is_an_actor_and_a_capital_after_in_is_a_place() {
    let (_, found) = places("Moscow said the talks had failed.");
    assert!(found.is_empty(), "{:?}", ids(&found));
    let (_, found) = places("Protesters gathered in Moscow on Saturday.");
    assert_eq!(ids(&found), vec![("Moscow".into(), 524901)]);
}

#[test]
fn people_demonyms_and_longer_names_are_not_places() {
    let (_, found) = places("President Obama spoke to reporters. Obama later left.");
    assert!(found.is_empty(), "{:?}", ids(&found));
    let (_, found) = places("Syrian troops advanced while Russian jets flew overhead.");
    assert!(found.is_empty(), "{:?}", ids(&found));
    let (_, found) = places("She studied at the Berlin Institute before moving.");
    assert!(found.is_empty(), "{:?}", ids(&found));
}

fn span_of(doc: &AnalyzedDocument, word: &str) -> Span {
    let start = doc.doc.text.find(word).expect("word in text");
    Span::new(start, start + word.len())
}

#[test]
fn event_location_takes_the_place_of_the_events_own_phrase() {
    let (doc, found) =
        places("Speaking from Berlin, the chancellor condemned the shelling in Homs and Aleppo.");
    let statement = event_location(&doc, &found, 0, span_of(&doc, "condemned"), None).unwrap();
    assert_eq!(
        (statement.name.as_str(), statement.precision),
        ("Berlin", PlacePrecision::Place)
    );
    let shelling = event_location(&doc, &found, 0, span_of(&doc, "shelling"), None).unwrap();
    assert_eq!(shelling.name, "Homs");
    assert_eq!(shelling.country.as_deref(), Some("SYR"));
}

#[test]
fn event_location_falls_back_to_the_dateline_then_nothing() {
    let (doc, found) = places("BERLIN, May 4 - The minister resigned.\n\nThe party met later.");
    let last = doc.sentences.last().map(|s| s.index).unwrap();
    let place = event_location(&doc, &found, last, span_of(&doc, "met"), None).unwrap();
    assert_eq!(
        (place.name.as_str(), place.precision),
        ("BERLIN", PlacePrecision::Dateline)
    );
    let (doc, found) = places("The minister resigned.");
    assert!(event_location(&doc, &found, 0, span_of(&doc, "resigned"), None).is_none());
    let country = gazetteer().country_event_place("SYR").unwrap();
    assert_eq!(
        (country.precision, country.geonameid),
        (PlacePrecision::Country, Some(163843))
    );
}

#[test]
fn odd_input_never_panics() {
    let gaz = gazetteer();
    let pieces = [
        "Homs",
        "ALEPPO",
        "in",
        ",",
        "and",
        "Governorates",
        "Ḩimş",
        "—",
        "'s",
        "Prague,",
        "Oklahoma",
        "city",
        "of",
        "the",
        "é",
        "🙂",
        "\u{200b}",
        "Mr.",
        "U.N.",
        "(",
        ")",
        "\n\n",
        "Moscow",
        "said",
        "district",
        "region",
        "Obama",
        "-",
        "..",
        "Speaking",
        "from",
        "Berlin",
    ];
    let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
    for _ in 0..60 {
        let mut text = String::new();
        for _ in 0..40 {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            text.push_str(pieces[(seed % pieces.len() as u64) as usize]);
            text.push(if seed.is_multiple_of(3) { '\t' } else { ' ' });
        }
        let doc = analyse(&text);
        let found = gaz.recognize(&doc, &[]);
        for p in &found {
            assert!(p.span.slice(&doc.doc.text) == p.text);
            for s in &doc.sentences {
                let _ = event_location(&doc, &found, s.index, p.span, Some(s.span));
                let _ = event_location(
                    &doc,
                    &found,
                    s.index,
                    Span::new(usize::MAX - 1, usize::MAX),
                    None,
                );
            }
        }
    }
    assert!(gaz.lookup("").is_empty() && gaz.country_place("XXX").is_none());
}

#[test]
fn lead_location_places_an_unplaced_event_where_the_story_is_set() {
    let (doc, found) = places(
        "Leaders met outside the town of Tsiolkovsky in the Amur region of Russia.\n\nThe talks lasted five hours. Later the two sides said little.",
    );
    let last = doc.sentences.last().map(|s| s.index).unwrap();
    assert!(event_location(&doc, &found, last, span_of(&doc, "said"), None).is_none());
    let lead = dyad_geo::lead_location(&doc, &found, &["RUS", "PRK"]).unwrap();
    assert_eq!(
        (lead.name.as_str(), lead.precision),
        ("Tsiolkovsky", PlacePrecision::Dateline)
    );
    assert_eq!(lead.admin1.as_deref(), Some("Amur Oblast"));
    assert!(dyad_geo::lead_location(&doc, &found, &["USA"]).is_none());
}

#[test]
fn lead_location_narrows_a_lead_country_to_a_town_of_the_same_sentence() {
    let (doc, found) = places(
        "The minister arrived in Syria, his first trip to Homs since the war.\n\nThe talks lasted five hours.",
    );
    let lead = dyad_geo::lead_location(&doc, &found, &["SYR", "RUS"]).unwrap();
    assert_eq!(
        (lead.name.as_str(), lead.precision, lead.geonameid),
        ("Homs", PlacePrecision::Dateline, Some(169577))
    );
    // Without a town of that country in the sentence the country itself is
    // the place, at country precision.
    let (doc, found) =
        places("The minister arrived in Syria on Monday.\n\nThe talks lasted five hours.");
    let lead = dyad_geo::lead_location(&doc, &found, &["SYR"]).unwrap();
    assert_eq!(
        (lead.name.as_str(), lead.precision),
        ("Syria", PlacePrecision::Country)
    );
    assert!(dyad_geo::lead_location(&doc, &found, &["DEU"]).is_none());
    // A lead worked out once per document answers like `lead_location`.
    let once = dyad_geo::Lead::new(&doc, &found);
    for countries in [&["SYR"][..], &["DEU"], &["RUS", "SYR"]] {
        assert_eq!(
            once.location(&found, countries),
            dyad_geo::lead_location(&doc, &found, countries)
        );
    }
}

#[test]
fn lead_location_ignores_goals_and_origins_of_motion() {
    // "to Berlin" says where the shipment went, not where the story is set.
    let (doc, found) =
        places("The factory sent its engines to Berlin last year.\n\nThe talks lasted five hours.");
    assert!(found.iter().any(|p| p.text == "Berlin"));
    assert!(dyad_geo::lead_location(&doc, &found, &["DEU"]).is_none());
}

#[test]
fn headlines_in_title_case_still_yield_major_places() {
    let (_, found) = places("Rebel Shelling Hits Aleppo As Talks Stall In Geneva Again");
    assert_eq!(ids(&found).first(), Some(&("Aleppo".into(), 170063)));
    let (_, found) = places("Government Forces Retake Small Hilltop Near Obama Ridge");
    assert!(found.iter().all(|p| p.text != "Obama"), "{:?}", ids(&found));
}

fn actor(
    doc: &AnalyzedDocument,
    text: &str,
    kind: dyad_core::MentionKind,
) -> dyad_core::ActorMention {
    dyad_core::ActorMention {
        span: span_of(doc, text),
        sentence: 0,
        text: text.into(),
        kind,
        actor: dyad_core::Actor {
            country: Some("SYR".into()),
            ..Default::default()
        },
        antecedent: None,
        rule: "test".into(),
        confidence: 1.0,
    }
}

#[test]
fn person_and_organisation_actors_hide_places_but_roles_do_not() {
    use dyad_core::MentionKind;
    let doc =
        analyse("Aid arrived in Homs and Aleppo Governorates while Berlin Airlines staff waited.");
    let actors = vec![
        actor(&doc, "Aleppo Governorates", MentionKind::Role),
        actor(&doc, "Berlin Airlines", MentionKind::Organization),
    ];
    let found = gazetteer().recognize(&doc, &actors);
    assert_eq!(
        ids(&found),
        vec![("Homs".into(), 169575), ("Aleppo".into(), 170062)]
    );
    let doc = analyse("Reporters waited in Prague for Moscow.");
    let found = gazetteer().recognize(&doc, &[actor(&doc, "Moscow", MentionKind::Person)]);
    assert_eq!(ids(&found), vec![("Prague".into(), 3067696)]);
}
