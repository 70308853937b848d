//! Input formats end to end: HTML through dyad-web, WARC, stdin-like JSONL
//! with HTML, and metadata dates with their origins.

use std::path::{Path, PathBuf};

use dyad_core::{DateOrigin, ZoneKind};
use dyad_text::{read_inputs, ReadError, ReadOptions};

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("dyad-text-fmt-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
    dir
}

const PAGE: &str = r#"<!DOCTYPE html><html lang="en"><head>
<title>Border talks resume | Example News</title>
<meta property="article:published_time" content="2021-05-06T08:00:00Z">
<meta name="author" content="Jane Roe">
</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>
<article>
<h1>Border talks resume</h1>
<p>Negotiators from the two neighbouring countries met in the capital on Thursday to resume talks on their disputed border, officials said.</p>
<figure><img src="a.jpg"><figcaption>Delegates arrive for the talks on Thursday.</figcaption></figure>
<p>The foreign ministry said both sides had agreed to exchange maps and to meet again within a month, the first such promise in three years of stalled negotiations.</p>
<p>Opposition lawmakers criticised the government for what they called secret diplomacy and demanded that the maps be published before any agreement is signed.</p>
</article>
<footer>Copyright Example News. All rights reserved.</footer>
</body></html>"#;

fn warc_record(uri: &str, date: &str, html: &str) -> Vec<u8> {
    let http = format!("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: {}\r\n\r\n{html}", html.len());
    let mut rec = format!(
        "WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: {uri}\r\nWARC-Date: {date}\r\nWARC-Record-ID: <urn:uuid:0000-1111>\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: {}\r\n\r\n",
        http.len()
    )
    .into_bytes();
    rec.extend_from_slice(http.as_bytes());
    rec.extend_from_slice(b"\r\n\r\n");
    rec
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, bytes).unwrap_or_else(|e| panic!("{e}"));
    p
}

#[test]
fn html_file_gives_body_caption_and_metadata() {
    let dir = scratch("html");
    let path = write(&dir, "page.html", PAGE.as_bytes());
    let docs: Vec<_> = read_inputs(&[path], &ReadOptions::default()).collect();
    let doc = match docs.as_slice() {
        [Ok(d)] => d,
        other => panic!("{other:?}"),
    };
    assert!(
        doc.text
            .contains("Negotiators from the two neighbouring countries"),
        "{}",
        doc.text
    );
    assert!(
        !doc.text.contains("Sport") && !doc.text.contains("All rights reserved"),
        "{}",
        doc.text
    );
    let date = doc.date.as_ref().unwrap_or_else(|| panic!("no date"));
    assert_eq!(
        (date.date.to_string().as_str(), date.origin, date.confidence),
        ("2021-05-06", DateOrigin::HtmlMeta, 1.0)
    );
    assert_eq!(doc.author.as_deref(), Some("Jane Roe"));
    assert!(doc
        .title
        .as_deref()
        .is_some_and(|t| t.contains("Border talks resume")));
    let caption: Vec<&str> = doc
        .zones
        .iter()
        .filter(|z| z.kind == ZoneKind::Caption)
        .map(|z| z.span.slice(&doc.text))
        .collect();
    assert_eq!(
        caption,
        ["Delegates arrive for the talks on Thursday."],
        "{:?}",
        doc.zones
    );
}

#[test]
fn warc_records_become_documents_and_truncation_is_reported() {
    let dir = scratch("warc");
    let plain = PAGE.replace(
        r#"<meta property="article:published_time" content="2021-05-06T08:00:00Z">"#,
        "",
    );
    let mut bytes = warc_record(
        "https://news.example/world/talks",
        "2021-05-07T10:00:00Z",
        &plain,
    );
    bytes.extend(warc_record(
        "https://news.example/2",
        "2021-05-07T10:00:00Z",
        PAGE,
    ));
    let good = write(&dir, "crawl.warc", &bytes);
    let mut cut = warc_record("https://news.example/3", "2021-05-07T10:00:00Z", PAGE);
    cut.truncate(cut.len() / 2);
    let broken = write(&dir, "broken.warc", &cut);
    let results: Vec<_> = read_inputs(&[good, broken], &ReadOptions::default()).collect();
    assert_eq!(results.len(), 3, "{results:?}");
    match results.first() {
        Some(Ok(d)) => {
            assert_eq!(d.url.as_deref(), Some("https://news.example/world/talks"));
            let date = d.date.as_ref().unwrap_or_else(|| panic!("no date"));
            assert_eq!(
                (date.date.to_string().as_str(), date.origin),
                ("2021-05-07", DateOrigin::Warc)
            );
            assert!(d.text.contains("Negotiators"));
        }
        other => panic!("{other:?}"),
    }
    // The page's own metadata beats the capture date.
    assert!(
        matches!(results.get(1), Some(Ok(d)) if d.date.as_ref().is_some_and(|x| x.origin == DateOrigin::HtmlMeta))
    );
    assert!(
        matches!(results.get(2), Some(Err(e @ ReadError::Web { .. })) if e.to_string().contains("broken.warc"))
    );
}

#[test]
fn cli_date_wins_over_everything() {
    let dir = scratch("cli");
    let path = write(&dir, "page.html", PAGE.as_bytes());
    let opts = ReadOptions {
        date: chrono::NaiveDate::from_ymd_opt(2020, 1, 2),
        ..ReadOptions::default()
    };
    let docs: Vec<_> = read_inputs(&[path], &opts).collect();
    match docs.as_slice() {
        [Ok(d)] => {
            let date = d.date.as_ref().unwrap_or_else(|| panic!("no date"));
            assert_eq!(
                (date.date.to_string().as_str(), date.origin, date.confidence),
                ("2020-01-02", DateOrigin::Cli, 1.0)
            );
        }
        other => panic!("{other:?}"),
    }
}
