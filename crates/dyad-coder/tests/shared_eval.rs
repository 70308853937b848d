//! Acceptance floors on the shared gold sets (seeds and PLOVER synthetic
//! stories). Skipped with a message when `../shared` is absent.

use std::path::{Path, PathBuf};

use dyad_coder::eval::{self, ExpectedLine, PloverStory, SeedRun};
use dyad_coder::Engine;

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

#[test]
fn seeds_floors() {
    let Some(shared) = shared() else { return };
    let engine = Engine::builtin().expect("engine");
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

#[test]
fn plover_floors() {
    let Some(shared) = shared() else { return };
    let engine = Engine::builtin().expect("engine");
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
    assert!(r.recall >= 0.66, "recall {}", r.recall);
    assert!(
        r.other_types_per_doc <= 4.5,
        "other types {}",
        r.other_types_per_doc
    );
}
