//! Every kind of bad input: each is reported clearly, none stops a batch,
//! none panics.

use std::path::{Path, PathBuf};

use dyad_text::{read_inputs, InputFormat, ReadError, ReadOptions};

/// A fresh scratch directory for one test.
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("dyad-text-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
    dir
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    path
}

const GOOD: &str = "Officials met in Geneva on Monday.\n\nThey agreed to meet again.\n";

#[test]
fn invalid_utf8_is_decoded_with_a_warning() {
    let dir = scratch("utf8");
    let path = write(
        &dir,
        "latin1.txt",
        b"Caf\xe9 owners protested in the capital on Monday. Prices rose \xff\xfe.",
    );
    let docs: Vec<_> = read_inputs(&[path], &ReadOptions::default()).collect();
    let doc = match docs.as_slice() {
        [Ok(doc)] => doc,
        other => panic!("{other:?}"),
    };
    assert!(doc.text.contains('\u{FFFD}'));
    let warning = doc.warnings.join(" ");
    assert!(warning.contains("latin1.txt"), "{warning}");
    assert!(warning.contains("3 replacement"), "{warning}");
}

#[test]
fn binary_files_are_skipped_and_the_batch_goes_on() {
    let dir = scratch("binary");
    let nul = write(&dir, "a.txt", b"text\0with\0nuls");
    let pdf = write(&dir, "b.txt", b"%PDF-1.7\n...");
    let good = write(&dir, "c.txt", GOOD.as_bytes());
    let results: Vec<_> = read_inputs(&[nul, pdf, good], &ReadOptions::default()).collect();
    assert_eq!(results.len(), 3);
    for (r, file) in results.iter().zip(["a.txt", "b.txt"]) {
        match r {
            Err(e @ ReadError::Binary { .. }) => {
                let msg = e.to_string();
                assert!(msg.contains(file) && msg.contains("binary"), "{msg}");
            }
            other => panic!("{other:?}"),
        }
    }
    assert!(matches!(results.get(2), Some(Ok(d)) if d.id == "c"));
}

#[test]
fn empty_documents_are_reported() {
    let dir = scratch("empty");
    let empty = write(&dir, "empty.txt", b"");
    let blank = write(&dir, "blank.txt", b"  \n\n \t \n");
    for r in read_inputs(&[empty, blank], &ReadOptions::default()) {
        match r {
            Err(e @ ReadError::Empty { .. }) => assert!(e.to_string().contains("empty document")),
            other => panic!("{other:?}"),
        }
    }
    // Only boilerplate: read, but flagged.
    let chrome = write(&dir, "chrome.txt", b"ADVERTISEMENT\nShare this article\n");
    let docs: Vec<_> = read_inputs(&[chrome], &ReadOptions::default()).collect();
    match docs.as_slice() {
        [Ok(d)] => assert!(
            d.warnings.iter().any(|w| w.contains("empty document")),
            "{:?}",
            d.warnings
        ),
        other => panic!("{other:?}"),
    }
}

#[test]
fn huge_single_line_is_refused_with_the_limit() {
    let dir = scratch("huge");
    let line = "word ".repeat(1_000);
    let small = ReadOptions {
        max_doc_bytes: 1_000,
        ..ReadOptions::default()
    };
    let file = write(&dir, "huge.txt", line.as_bytes());
    let jsonl = write(
        &dir,
        "huge.jsonl",
        format!("{{\"text\":\"{line}\"}}\n{{\"id\":\"ok\",\"text\":\"Short one.\"}}\n").as_bytes(),
    );
    let results: Vec<_> = read_inputs(&[file, jsonl], &small).collect();
    assert_eq!(results.len(), 3, "{results:?}");
    match results.first() {
        Some(Err(e @ ReadError::TooLarge { .. })) => {
            let msg = e.to_string();
            assert!(
                msg.contains("huge.txt") && msg.contains("1000 bytes"),
                "{msg}"
            );
        }
        other => panic!("{other:?}"),
    }
    match results.get(1) {
        Some(Err(e @ ReadError::TooLarge { line: Some(1), .. })) => {
            assert!(e.to_string().contains("huge.jsonl:1"))
        }
        other => panic!("{other:?}"),
    }
    assert!(matches!(results.get(2), Some(Ok(d)) if d.id == "ok"));
}

#[test]
fn a_line_beyond_the_default_limit_is_streamed_past() {
    // 21 MB on one line: larger than the 20 MiB default; the reader must
    // refuse it without holding it, then read the next record.
    let dir = scratch("default-limit");
    let mut bytes = Vec::with_capacity(22_000_000);
    bytes.extend_from_slice(b"{\"text\":\"");
    bytes.resize(21 * 1024 * 1024 + 16, b'a');
    bytes.extend_from_slice(b"\"}\n{\"id\":\"next\",\"text\":\"Troops withdrew.\"}\n");
    let path = write(&dir, "big.jsonl", &bytes);
    drop(bytes);
    let results: Vec<_> = read_inputs(&[path], &ReadOptions::default()).collect();
    assert!(
        matches!(results.first(), Some(Err(ReadError::TooLarge { .. }))),
        "{:?}",
        results.first().map(|r| r.as_ref().err())
    );
    assert!(matches!(results.get(1), Some(Ok(d)) if d.id == "next"));
}

#[test]
fn malformed_jsonl_lines_name_their_line_and_the_rest_goes_on() {
    let dir = scratch("jsonl");
    let path = write(
        &dir,
        "mixed.jsonl",
        b"{\"id\":\"one\",\"text\":\"Rebels seized the town.\",\"date\":\"2019-04-10\"}\n\
          {not json at all\n\
          \n\
          {\"id\":\"three\",\"text\":\"Talks resumed.\",\"date\":\"10/04/2019\"}\n\
          {\"id\":[1],\"text\":\"Bad id.\"}\n\
          {\"id\":\"five\",\"html\":\"<p>Police <b>arrested</b> two men.</p>\"}\n",
    );
    let results: Vec<_> = read_inputs(&[path], &ReadOptions::default()).collect();
    assert_eq!(results.len(), 5, "{results:?}");
    assert!(
        matches!(results.first(), Some(Ok(d)) if d.id == "one" && d.date.as_ref().is_some_and(|x| x.confidence == 1.0))
    );
    assert!(
        matches!(results.get(2), Some(Ok(d)) if d.warnings.iter().any(|w| w.contains("mixed.jsonl:4: unreadable date")))
    );
    for (i, line) in [(1, 2), (3, 5)] {
        match results.get(i) {
            Some(Err(e @ ReadError::Jsonl { line: l, .. })) => {
                assert_eq!(*l, line);
                assert!(
                    e.to_string().contains(&format!("mixed.jsonl:{line}")),
                    "{e}"
                );
            }
            other => panic!("line {line}: {other:?}"),
        }
    }
    match results.get(4) {
        Some(Ok(d)) => assert!(d.text.contains("Police arrested two men."), "{}", d.text),
        other => panic!("{other:?}"),
    }
}

#[test]
fn malformed_html_is_best_effort() {
    let dir = scratch("html");
    let path = write(
        &dir,
        "broken.html",
        b"<html><head><title>Strike hits depot</title><body><div><p>An air strike hit a fuel depot on Friday.<p>Nobody was hurt <b>officials said<div></span></html",
    );
    let weird = write(
        &dir,
        "weird.html",
        b"<<<<>>>><!-- unterminated <script>alert(1)",
    );
    let results: Vec<_> = read_inputs(&[path, weird], &ReadOptions::default()).collect();
    match results.first() {
        Some(Ok(d)) => {
            assert!(
                d.text.contains("An air strike hit a fuel depot on Friday."),
                "{}",
                d.text
            );
            assert_eq!(d.title.as_deref(), Some("Strike hits depot"));
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(results.len(), 2);
}

#[test]
fn missing_files_and_directories() {
    let dir = scratch("dirs");
    std::fs::create_dir_all(dir.join("sub/deeper")).unwrap_or_else(|e| panic!("{e}"));
    write(&dir, "b.txt", GOOD.as_bytes());
    write(&dir.join("sub"), "a.txt", GOOD.as_bytes());
    write(&dir.join("sub/deeper"), "c.txt", GOOD.as_bytes());
    write(&dir, ".hidden.txt", GOOD.as_bytes());
    let missing = dir.join("nope.txt");
    let results: Vec<_> = read_inputs(&[missing, dir.clone()], &ReadOptions::default()).collect();
    assert!(
        matches!(results.first(), Some(Err(e @ ReadError::Io { .. })) if e.to_string().contains("nope.txt"))
    );
    let ids: Vec<String> = results
        .iter()
        .skip(1)
        .filter_map(|r| r.as_ref().ok())
        .map(|d| d.id.clone())
        .collect();
    // Sorted walk: "b.txt" < "sub" → "sub/a.txt" < "sub/deeper" → "c.txt";
    // hidden files are skipped.
    assert_eq!(ids, ["b", "a", "c"]);
}

#[test]
fn forced_format_and_content_hash() {
    let dir = scratch("forced");
    let path = write(&dir, "page.data", b"<p>Ministers met.</p>");
    let opts = ReadOptions {
        format: Some(InputFormat::Html),
        ..ReadOptions::default()
    };
    let docs: Vec<_> = read_inputs(&[path], &opts).collect();
    match docs.as_slice() {
        [Ok(d)] => {
            assert_eq!(d.text, "Ministers met.");
            assert_eq!(d.content_hash.len(), 64);
            assert!(d.content_hash.chars().all(|c| c.is_ascii_hexdigit()));
        }
        other => panic!("{other:?}"),
    }
}
