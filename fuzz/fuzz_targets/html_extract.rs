//! Arbitrary bytes as an HTML page: charset sniffing and decoding, the
//! prescan limits, parsing, the block walk, article selection and metadata;
//! and the extracted text through dyad-text's document builder.
#![no_main]

use dyad_text::document_from_text;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let url = Some("https://news.example.com/world/2024/03/05/story.html");
    // Bytes with an undeclared or declared charset.
    if let Ok(ex) = dyad_web::extract_bytes(data, url, Some("text/html")) {
        for b in &ex.blocks {
            assert!(
                !b.text.starts_with(' ') && !b.text.ends_with(' '),
                "untrimmed block"
            );
        }
    }
    // The same bytes as already-decoded text.
    let text = String::from_utf8_lossy(data);
    if let Ok(ex) = dyad_web::extract(&text, None) {
        let body: Vec<&str> = ex.blocks.iter().map(|b| b.text.as_str()).collect();
        let _ = document_from_text("fuzz", &body.join("\n\n"), None);
    }
});
