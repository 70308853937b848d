//! Where the reference articles' events happen, as `dyad code` reports them
//! (issue #5's acceptance): the 2023 summit in Amur Oblast, Russia; the 2024
//! visit in Pyongyang. The articles are read from `../shared` at run time.

use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// The seed article whose file name starts with `prefix`, or `None` (with a
/// SKIPPED line) when `../shared` or the built gazetteer is missing.
fn seed(prefix: &str) -> Option<PathBuf> {
    let seeds = repo().join("../shared/samples/seeds");
    if !seeds.is_dir() {
        println!("SKIPPED: ../shared not found ({})", seeds.display());
        return None;
    }
    let gazetteer = std::env::var_os("DYAD_GAZETTEER")
        .map(PathBuf::from)
        .unwrap_or_else(|| repo().join("data/gazetteer/gazetteer.bin"));
    if !gazetteer.is_file() {
        println!(
            "SKIPPED: no gazetteer at {} (build it with scripts/build-gazetteer.sh)",
            gazetteer.display()
        );
        return None;
    }
    let found = std::fs::read_dir(&seeds)
        .ok()?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .find(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with(prefix))
        });
    if found.is_none() {
        println!("SKIPPED: seed {prefix} not found in {}", seeds.display());
    }
    found
}

/// The events `dyad code` prints for `article` published on `date`.
fn code(article: &Path, date: &str) -> Vec<Value> {
    let out = Command::new(env!("CARGO_BIN_EXE_dyad"))
        .args([
            "code",
            "--format",
            "jsonl",
            "--all-factuality",
            "--date",
            date,
        ])
        .arg(article)
        .output()
        .expect("run dyad code");
    assert!(
        out.status.success(),
        "dyad code failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).expect("one JSON event per line"))
        .collect()
}

fn countries(event: &Value, side: &str) -> Vec<String> {
    event[side]
        .as_array()
        .map(|actors| {
            actors
                .iter()
                .filter_map(|a| a["actor"]["country"].as_str().map(str::to_string))
                .collect()
        })
        .unwrap_or_default()
}

/// CONSULT events between Russia and North Korea (either direction) on `day`.
fn meetings<'a>(events: &'a [Value], day: &str) -> Vec<&'a Value> {
    events
        .iter()
        .filter(|e| e["plover"] == "CONSULT" && e["date"]["date"] == day)
        .filter(|e| {
            let mut both: Vec<String> = countries(e, "source");
            both.extend(countries(e, "target"));
            both.iter().any(|c| c == "RUS") && both.iter().any(|c| c == "PRK")
        })
        .collect()
}

#[test]
fn the_2023_summit_happens_in_amur_oblast() {
    let Some(article) = seed("000_") else {
        return;
    };
    let events = code(&article, "2023-09-13");
    let summit = meetings(&events, "2023-09-13");
    assert!(!summit.is_empty(), "no RUS–PRK meeting on 2023-09-13");
    for e in summit {
        let place = &e["place"];
        assert_eq!(place["country"], "RUS", "{place}");
        assert_eq!(place["admin1"], "Amur Oblast", "{place}");
    }
}

#[test]
fn the_2024_visit_happens_in_pyongyang() {
    let Some(article) = seed("003_") else {
        return;
    };
    let events = code(&article, "2024-06-19");
    let visit = meetings(&events, "2024-06-19");
    assert!(!visit.is_empty(), "no RUS–PRK meeting on 2024-06-19");
    for e in visit {
        let place = &e["place"];
        assert_eq!(place["geonameid"], 1871859, "not Pyongyang: {place}");
        assert_eq!(place["country"], "PRK", "{place}");
    }
    // The meeting of the year before did not happen where this story is set.
    let past: Vec<&Value> = events
        .iter()
        .filter(|e| e["plover"] == "CONSULT")
        .filter(|e| e["date"]["date"].as_str().is_some_and(|d| d < "2024-01-01"))
        .collect();
    for e in past {
        assert_ne!(e["place"]["geonameid"], 1871859, "{}", e["place"]);
    }
}
