//! Pathological input: deep nesting, huge pages, broken gzip. Each is handled
//! or refused with a limit error, never a panic.

use dyad_web::{extract, extract_with, Limits, WebError};

#[test]
fn hundred_thousand_levels_of_nesting_are_refused() {
    let page = format!(
        "<html><body>{}<p>text</p></body></html>",
        "<div>".repeat(100_000)
    );
    match extract(&page, None) {
        Err(WebError::Limit { what, .. }) => assert_eq!(what, "element nesting depth"),
        other => panic!("expected a limit error, got {other:?}"),
    }
}

#[test]
fn deep_but_allowed_nesting_still_extracts() {
    let para = "A paragraph of ordinary article prose that is long enough to be counted as text by the extractor, \
                and a second sentence so that two of them make an article.";
    let page = format!(
        "<html><body>{}<p>{para}</p><p>{para}</p>{}</body></html>",
        "<div>".repeat(3000),
        "</div>".repeat(3000)
    );
    let ex = extract(&page, None).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(ex.blocks.len(), 2);
}

#[test]
fn unclosed_inline_and_paragraph_tags_do_not_count_as_nesting() {
    let page = format!(
        "<html><body>{}</body></html>",
        "<p>short line of text<br>".repeat(20_000)
    );
    assert!(extract(&page, None).is_ok());
}

#[test]
fn oversized_page_is_refused_and_big_page_is_handled() {
    let para = "<p>Another long paragraph of article prose, repeated to make a very large page for the limit test.</p>";
    let big = format!(
        "<html><body><article>{}</article></body></html>",
        para.repeat(50_000)
    ); // ~5 MB
    let small_limit = Limits {
        max_bytes: 1_000_000,
        ..Limits::default()
    };
    assert!(matches!(
        extract_with(&big, None, &small_limit),
        Err(WebError::Limit { .. })
    ));
    let ex = extract(&big, None).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(ex.blocks.len(), 50_000);
}

#[test]
fn truncated_gzip_is_an_error_not_a_panic() {
    use std::io::Write;
    let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    e.write_all(
        "<html><body><p>hello</p></body></html>"
            .repeat(100)
            .as_bytes(),
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let gz = e.finish().unwrap_or_else(|e| panic!("{e}"));
    let path = std::env::temp_dir().join(format!("dyad-web-trunc-{}.html.gz", std::process::id()));
    std::fs::write(&path, gz.get(..gz.len() / 2).unwrap_or_default())
        .unwrap_or_else(|e| panic!("{e}"));
    let r = dyad_web::read_maybe_gzip(&path, 1 << 20);
    let _ = std::fs::remove_file(&path);
    assert!(matches!(r, Err(WebError::Gzip { .. })), "{r:?}");
}

#[test]
fn binary_garbage_does_not_panic() {
    let bytes: Vec<u8> = (0..20_000u32)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
        .collect();
    let r = dyad_web::extract_bytes(&bytes, None, None);
    assert!(r.is_ok());
}

#[test]
fn too_many_elements_are_refused_before_parsing() {
    let page = format!(
        "<html><body>{}</body></html>",
        "<span>a</span>".repeat(20_000)
    );
    let limits = Limits {
        max_elements: 10_000,
        ..Limits::default()
    };
    match extract_with(&page, None, &limits) {
        Err(WebError::Limit { what, .. }) => assert_eq!(what, "number of elements"),
        other => panic!("expected a limit error, got {other:?}"),
    }
    assert!(
        extract(&page, None).is_ok(),
        "the default limit allows 20 000 elements"
    );
}
