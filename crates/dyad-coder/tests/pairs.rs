//! "The two men met": a pair mention stands for both persons of the pair,
//! so a reciprocal pattern codes a meeting between them.

use chrono::NaiveDate;
use dyad_coder::{Engine, EngineConfig, GazetteerChoice};

#[test]
fn the_two_men_met_codes_a_meeting_between_the_pair() {
    let engine = Engine::new(EngineConfig {
        gazetteer: GazetteerChoice::None,
        ..Default::default()
    })
    .expect("engine");
    let text =
        "Russian President Vladimir Putin and Chinese President Xi Jinping arrived on Monday. \
                On Tuesday the two men met for five hours.";
    let doc = dyad_text::document_from_text("pair", text, NaiveDate::from_ymd_opt(2024, 5, 17));
    let events = engine.code_document(doc).events;
    let meeting = events
        .iter()
        .find(|e| e.plover == "CONSULT" && e.provenance.sentence_text.contains("two men"))
        .unwrap_or_else(|| panic!("no meeting of the pair in {events:#?}"));
    let mut sides: Vec<String> = meeting
        .source
        .iter()
        .chain(&meeting.target)
        .filter_map(|a| a.actor.country.clone())
        .collect();
    sides.sort();
    assert_eq!(sides, ["CHN", "RUS"], "{meeting:#?}");
}
