//! Arbitrary bytes → lossy UTF-8 → the whole engine (text pipeline, actors,
//! places with the gazetteer when it is built, events), then every span
//! and index of the coded document is checked.
#![no_main]

use std::sync::OnceLock;

use dyad_coder::{Engine, EngineConfig, GazetteerChoice};
use dyad_text::document_from_text;
use libfuzzer_sys::fuzz_target;

fn engine() -> &'static Engine {
    static ENGINE: OnceLock<Engine> = OnceLock::new();
    ENGINE.get_or_init(|| {
        Engine::builtin()
            .or_else(|_| {
                Engine::new(EngineConfig {
                    gazetteer: GazetteerChoice::None,
                    ..EngineConfig::default()
                })
            })
            .unwrap_or_else(|e| panic!("built-in engine must load: {e}"))
    })
}

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let coded = engine().code_document(document_from_text("fuzz", &text, None));
    dyad_fuzz::check_coded(&coded);
});
