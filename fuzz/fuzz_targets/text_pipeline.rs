//! Arbitrary bytes → lossy UTF-8 → cleaning, zones, date → segmentation,
//! tokenization, tagging; plus dyad-text's fallback HTML reader and the
//! binary sniffing of the reader.
#![no_main]

use std::sync::OnceLock;

use dyad_text::{document_from_text, read, TextPipeline};
use libfuzzer_sys::fuzz_target;

fn pipeline() -> &'static TextPipeline {
    static PIPELINE: OnceLock<TextPipeline> = OnceLock::new();
    PIPELINE.get_or_init(TextPipeline::new)
}

fuzz_target!(|data: &[u8]| {
    let _ = read::binary_reason(data);
    let text = String::from_utf8_lossy(data);
    let analyzed = pipeline().analyze(document_from_text("fuzz", &text, None));
    dyad_fuzz::check_analyzed(&analyzed);
    let _ = read::read_html_page(&text, Some("https://example.com/2024/03/05/a.html"));
    let _ = read::extract_html(&text);
});
