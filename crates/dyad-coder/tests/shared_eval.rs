//! Acceptance floors on the shared gold sets (seeds and PLOVER synthetic
//! stories). Skipped with a message when `../shared` is absent.

use std::path::{Path, PathBuf};

use dyad_coder::eval::{self, ExpectedLine, PloverStory, SeedRun};
use dyad_coder::{Engine, EngineConfig, ParserChoice};

/// The coder on the dependency parse (the default) or the older
/// token-window analysis (`ParserChoice::None`), whose floors are kept so
/// that path does not decay while it remains available.
fn engine(parser: ParserChoice) -> Engine {
    Engine::new(EngineConfig {
        parser,
        ..Default::default()
    })
    .expect("engine")
}

fn shared() -> Option<PathBuf> {
    let p = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared");
    if p.is_dir() {
        Some(p)
    } else {
        eprintln!("SKIPPED: ../shared not found");
        None
    }
}

fn lines<T: serde::de::DeserializeOwned>(path: &Path) -> Vec<T> {
    std::fs::read_to_string(path)
        .expect("readable gold file")
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).expect("valid JSON line"))
        .collect()
}

fn seeds_report(parser: ParserChoice) -> Option<eval::SeedsReport> {
    let shared = shared()?;
    let engine = engine(parser);
    let expected: Vec<ExpectedLine> = lines(&shared.join("samples/seeds.expected.jsonl"));
    let mut runs = Vec::new();
    for doc in eval::seed_docs(&expected) {
        let text = std::fs::read_to_string(shared.join("samples/seeds").join(&doc)).expect("seed");
        let date = eval::seed_date(&expected, &doc);
        let events = engine
            .code_document(dyad_text::document_from_text(&doc, &text, date))
            .events;
        let inferred_date = dyad_text::document_from_text(&doc, &text, None)
            .date
            .map(|d| d.date);
        runs.push(SeedRun {
            doc,
            events,
            inferred_date,
        });
    }
    let r = eval::score_seeds(&expected, &runs);
    eprintln!("{}", r.to_text());
    Some(r)
}

/// The window coder's floors, as before the parse.
#[test]
fn seeds_floors_window_coder() {
    let Some(r) = seeds_report(ParserChoice::None) else {
        return;
    };
    assert!(r.found >= 11, "found {} of {}", r.found, r.required);
    assert_eq!(r.forbidden_hits, 0);
    assert!(
        r.unlisted <= r.found,
        "{} unlisted > {} found",
        r.unlisted,
        r.found
    );
    assert_eq!(r.doc_dates_ok, r.doc_dates);
}

/// The coder on the parse: floors just under the measured values
/// (2026-12-05: 8 of 14 required, 0 forbidden, 11 unlisted). Issue 14's
/// target is 14 of 14; raise these as it gets there.
#[test]
fn seeds_floors_on_the_parse() {
    let Some(r) = seeds_report(ParserChoice::Builtin) else {
        return;
    };
    assert!(r.found >= 8, "found {} of {}", r.found, r.required);
    assert_eq!(r.forbidden_hits, 0);
    assert!(r.unlisted <= 12, "{} unlisted", r.unlisted);
    assert_eq!(r.doc_dates_ok, r.doc_dates);
}

fn plover_report(parser: ParserChoice) -> Option<eval::PloverReport> {
    let shared = shared()?;
    let engine = engine(parser);
    let stories: Vec<PloverStory> = lines(&shared.join("eval/plover-synthetic/dev.jsonl"));
    let events: Vec<_> = stories
        .iter()
        .map(|s| {
            let text = format!("{}\n\n{}", s.title, s.text);
            engine
                .code_document(dyad_text::document_from_text(&s.id, &text, None))
                .events
        })
        .collect();
    let r = eval::score_plover(&stories, &events);
    eprintln!("{}", r.to_text());
    Some(r)
}

/// The window coder's floors, as before the parse.
#[test]
fn plover_floors_window_coder() {
    let Some(r) = plover_report(ParserChoice::None) else {
        return;
    };
    assert!(r.recall >= 0.66, "recall {}", r.recall);
    assert!(
        r.other_types_per_doc <= 4.5,
        "other types {}",
        r.other_types_per_doc
    );
}

/// The coder on the parse (2026-12-05, stop 14: recall 0.630, 2.10 other-type
/// events per story; the window coder's higher recall includes events such as
/// "Jerusalem → Working" in "NGOs Gathered in Jerusalem Establish New
/// Working Group"). Stop 16: 2.24 other-type events, as events became one per
/// dyad (a compound "A and B condemned C" now counts as two records).
#[test]
fn plover_floors_on_the_parse() {
    let Some(r) = plover_report(ParserChoice::Builtin) else {
        return;
    };
    assert!(r.recall >= 0.62, "recall {}", r.recall);
    assert!(
        r.other_types_per_doc <= 2.3,
        "other types {}",
        r.other_types_per_doc
    );
}
