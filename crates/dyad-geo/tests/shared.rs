//! Tests over ../shared (gold sets and seed articles) with the built
//! gazetteer. They skip, saying so, when ../shared or the gazetteer is absent
//! (`scripts/test.sh` builds the gazetteer first, so CI runs them).

use std::path::{Path, PathBuf};

use dyad_core::{AnalyzedDocument, PlaceMention};
use dyad_geo::eval::{read_gold, GeoScore};
use dyad_geo::{Gazetteer, GeoError};
use dyad_text::TextPipeline;

fn shared() -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared");
    if dir.is_dir() {
        Some(dir)
    } else {
        println!("SKIPPED: ../shared not found");
        None
    }
}

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

fn analyse(id: &str, text: &str) -> AnalyzedDocument {
    TextPipeline::new().analyze(dyad_text::document_from_text(id, text, None))
}

#[test]
fn eval_geo_gold_sets_meet_the_acceptance_bar() {
    let (Some(shared), Some(gaz)) = (shared(), gazetteer()) else {
        return;
    };
    let dir = shared.join("eval/geo");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("eval/geo readable")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "jsonl"))
        .collect();
    files.sort();
    assert!(!files.is_empty(), "no gold files in {}", dir.display());
    for file in files {
        let mut score = GeoScore::default();
        for case in read_gold(&file).expect("gold parses") {
            let doc = analyse(&case.id, &case.text);
            score.add_case(&case, &gaz.recognize(&doc, &[]));
        }
        println!(
            "{}: toponyms {} accuracy {:.3} country accuracy {:.3} recall {:.3}",
            file.display(),
            score.toponyms,
            score.accuracy(),
            score.country_accuracy(),
            score.recall()
        );
        for f in &score.failures {
            println!(
                "  FAIL {} {}: expected {}; got {}",
                f.case, f.name, f.expected, f.got
            );
        }
        assert!(
            score.accuracy() >= 0.80,
            "accuracy below 0.80 on {}",
            file.display()
        );
        assert!(
            score.country_accuracy() >= 0.90,
            "country accuracy below 0.90 on {}",
            file.display()
        );
        assert!(
            score.recall() >= 0.80,
            "recall below 0.80 on {}",
            file.display()
        );
    }
}

fn seed_text(shared: &Path, prefix: &str) -> Option<String> {
    let dir = shared.join("samples/seeds");
    let path = std::fs::read_dir(&dir)
        .ok()?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .find(|p| {
            p.file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with(prefix))
        })?;
    std::fs::read_to_string(path).ok()
}

fn resolved<'a>(places: &'a [PlaceMention], name: &str) -> Vec<&'a PlaceMention> {
    places.iter().filter(|p| p.text == name).collect()
}

#[test]
fn seed_000_summit_area_is_tsiolkovsky_in_amur_oblast() {
    let (Some(shared), Some(gaz)) = (shared(), gazetteer()) else {
        return;
    };
    let Some(text) = seed_text(&shared, "000_") else {
        println!("SKIPPED: seed 000 not found");
        return;
    };
    let doc = analyse("000", &text);
    let places = gaz.recognize(&doc, &[]);
    let town = resolved(&places, "Tsiolkovsky");
    let town = town
        .first()
        .and_then(|p| p.place.as_ref())
        .expect("Tsiolkovsky found");
    assert_eq!(town.country, "RUS");
    assert_eq!(town.admin1.as_deref(), Some("Amur Oblast"));
    let region = resolved(&places, "Amur");
    let region = region
        .first()
        .and_then(|p| p.place.as_ref())
        .expect("Amur region found");
    assert_eq!(
        (region.feature_code.as_str(), region.geonameid),
        ("ADM1", 2027748)
    );
}

#[test]
fn seed_003_pyongyang_kharkiv_kyiv_resolve() {
    let (Some(shared), Some(gaz)) = (shared(), gazetteer()) else {
        return;
    };
    let Some(text) = seed_text(&shared, "003_") else {
        println!("SKIPPED: seed 003 not found");
        return;
    };
    let doc = analyse("003", &text);
    let places = gaz.recognize(&doc, &[]);
    for (name, id, country) in [
        ("Pyongyang", 1871859, "PRK"),
        ("Kharkiv", 706483, "UKR"),
        ("Kyiv", 703448, "UKR"),
    ] {
        let found = resolved(&places, name);
        assert!(!found.is_empty(), "{name} not found");
        for p in found {
            let r = p.place.as_ref().expect("resolved");
            assert_eq!(
                (r.geonameid, r.country.as_str()),
                (id, country),
                "{name}: {}",
                p.reason
            );
        }
    }
    assert!(
        resolved(&places, "Kim").is_empty(),
        "a person's name taken for a place: {:?}",
        resolved(&places, "Kim")
    );
}
