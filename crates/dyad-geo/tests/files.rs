//! Gazetteer and user place files: round trip, bad input, missing files.

use std::path::{Path, PathBuf};

use dyad_geo::{build_table, compile_file, Gazetteer, GeoError, SourceRecord, USER_ID_BASE};

fn tmp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("dyad-geo-{name}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn record() -> SourceRecord {
    SourceRecord {
        geonameid: 169577,
        name: "Homs".into(),
        feature_class: 'P',
        feature_code: "PPLA".into(),
        country: "SYR".into(),
        admin1: None,
        lat: 34.72682,
        lon: 36.72339,
        population: 775_404,
        names: vec!["Ḩimş".into()],
        demonyms: Vec::new(),
    }
}

#[test]
fn a_compiled_gazetteer_loads_and_finds_names_without_diacritics() {
    let dir = tmp_dir("roundtrip");
    let path = dir.join("g.bin");
    std::fs::write(&path, build_table(&[record()])).unwrap();
    let gaz = Gazetteer::load(&path).unwrap();
    let hits = gaz.lookup("Hims");
    assert_eq!(hits.len(), 1);
    let p = &hits[0].place;
    assert_eq!(
        (p.geonameid, p.country.as_str(), p.feature_code.as_str()),
        (169577, "SYR", "PPLA")
    );
    assert!((p.lat - 34.72682).abs() < 1e-4 && p.population == 775_404);
    assert!(gaz.lookup("HOMS").len() == 1 && gaz.lookup("Hama").is_empty());
    // load() adds the built-in places file.
    assert!(!gaz.lookup("Golan Heights").is_empty());
}

#[test]
fn source_tsv_compiles_and_bad_lines_name_file_and_line() {
    let dir = tmp_dir("source");
    let src = dir.join("g.tsv");
    std::fs::write(
        &src,
        "169577\tHoms\tP\tPPL\tSYR\t\t34.7\t36.7\t775404\tHoms|Hims\t\n",
    )
    .unwrap();
    let out = dir.join("g.bin");
    assert_eq!(compile_file(&src, &out).unwrap(), 1);
    assert_eq!(Gazetteer::load(&out).unwrap().lookup("hims").len(), 1);
    std::fs::write(&src, "1\tX\tP\tPPL\tSYR\t\t134.7\t36.7\t0\tX\t\n").unwrap();
    let err = compile_file(&src, &out).unwrap_err().to_string();
    assert!(err.contains("g.tsv:1") && err.contains("latitude"), "{err}");
}

#[test]
fn user_places_are_found_and_bad_coordinates_are_load_errors() {
    let mut gaz = Gazetteer::from_records(&[record()]);
    let dir = tmp_dir("user");
    let good = dir.join("places.tsv");
    std::fs::write(
        &good,
        "# my places\nCamp Alpha\t34.70\t36.80\tSYR\tMILB\t\tAlpha camp\n",
    )
    .unwrap();
    assert_eq!(gaz.add_places_file(&good).unwrap(), 1);
    let hit = gaz.lookup("alpha camp");
    assert_eq!(hit.len(), 1);
    assert!(hit[0].user_defined && hit[0].place.geonameid >= USER_ID_BASE);

    let bad = dir.join("bad.tsv");
    std::fs::write(
        &bad,
        "# header\nOK Place\t1\t2\tSYR\nBad Place\t12.5\t200\tSYR\n",
    )
    .unwrap();
    let err = gaz.add_places_file(&bad).unwrap_err();
    let msg = err.to_string();
    assert!(matches!(err, GeoError::PlaceFile { line: 3, .. }), "{msg}");
    assert!(
        msg.contains("bad.tsv:3") && msg.contains("longitude"),
        "{msg}"
    );

    for (text, what) in [
        ("Place\tnorth\t2\tSYR\n", "latitude"),
        ("Place\t1\t2\n", "at least 4"),
        ("Place\t1\t2\tSyria\n", "alpha-3"),
    ] {
        let msg = gaz
            .add_places_text(Path::new("x.tsv"), text)
            .unwrap_err()
            .to_string();
        assert!(msg.contains("x.tsv:1") && msg.contains(what), "{msg}");
    }
}

#[test]
fn a_place_file_country_of_dash_is_a_place_of_no_country() {
    let mut gaz = Gazetteer::from_records(&[record()]);
    let text = "Coral Sea\t-18.0\t152.0\t-\tSEA\tQueensland\tCoral\n";
    assert_eq!(gaz.add_places_text(Path::new("s.tsv"), text).unwrap(), 1);
    let hit = gaz.lookup("coral sea");
    assert_eq!(hit.len(), 1);
    // No country, and so no first-level division either.
    assert_eq!(hit[0].place.country, "");
    assert_eq!(hit[0].place.admin1, None);
    assert_eq!(hit[0].place.feature_class, "H");
    // Any other non-code is still an error.
    let msg = gaz
        .add_places_text(Path::new("s.tsv"), "Sea\t1\t2\t--\n")
        .unwrap_err()
        .to_string();
    assert!(msg.contains("s.tsv:1") && msg.contains("alpha-3"), "{msg}");
}

#[test]
fn missing_or_corrupt_gazetteer_errors_name_the_file_and_the_rebuild_command() {
    let dir = tmp_dir("missing");
    let missing = dir.join("nope.bin");
    let msg = Gazetteer::load(&missing).unwrap_err().to_string();
    assert!(
        msg.contains("nope.bin") && msg.contains("scripts/build-gazetteer.sh"),
        "{msg}"
    );

    let corrupt = dir.join("corrupt.bin");
    std::fs::write(&corrupt, b"not a gazetteer at all").unwrap();
    let msg = Gazetteer::load(&corrupt).unwrap_err().to_string();
    assert!(
        msg.contains("corrupt.bin") && msg.contains("corrupt"),
        "{msg}"
    );
    assert!(msg.contains("scripts/build-gazetteer.sh"), "{msg}");

    let mut truncated = build_table(&[record()]);
    truncated.truncate(truncated.len() - 3);
    std::fs::write(&corrupt, truncated).unwrap();
    let err = Gazetteer::load(&corrupt).unwrap_err();
    assert!(matches!(err, GeoError::Corrupt { .. }), "{err}");

    let not_found = GeoError::NotFound {
        searched: "/a/gazetteer.bin".into(),
    }
    .to_string();
    assert!(not_found.contains("/a/gazetteer.bin") && not_found.contains("build-gazetteer.sh"));
}
