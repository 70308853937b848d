//! A WARC file written by the test itself: gzip member per record, a non-HTML
//! record, a request record, and a truncated last record.

use flate2::write::GzEncoder;
use flate2::Compression;
use std::io::Write;

const A: &str = "The river authority opened the new lock on Friday, allowing larger barges to reach the inland port for the first time in a century.";
const B: &str = "Shipping companies said the change would cut transport costs, while environmental groups asked for more monitoring of the water quality.";
const C: &str = "Митинг у здания городской администрации прошёл мирно, сообщила полиция. Участники требовали отремонтировать мост через реку до зимы.";

fn record(kind: &str, uri: &str, date: &str, content_type: &str, block: &[u8]) -> Vec<u8> {
    let mut r = format!(
        "WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Target-URI: {uri}\r\nWARC-Date: {date}\r\n\
         WARC-Record-ID: <urn:uuid:{kind}-{date}>\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\n\r\n",
        block.len()
    )
    .into_bytes();
    r.extend_from_slice(block);
    r.extend_from_slice(b"\r\n\r\n");
    r
}

fn http(content_type: &str, body: &[u8]) -> Vec<u8> {
    let mut r = format!(
        "HTTP/1.1 200 OK\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\n\r\n",
        body.len()
    )
    .into_bytes();
    r.extend_from_slice(body);
    r
}

fn page(p: &str) -> String {
    format!("<html><body><nav><a href=\"/\">Home</a></nav><article><p>{p}</p><p>{p}</p></article></body></html>")
}

fn gz(bytes: &[u8]) -> Vec<u8> {
    let mut e = GzEncoder::new(Vec::new(), Compression::fast());
    e.write_all(bytes).unwrap_or_else(|e| panic!("{e}"));
    e.finish().unwrap_or_else(|e| panic!("{e}"))
}

fn write_archive(path: &std::path::Path, compress: bool) {
    let ru_html = page(C);
    let (ru_bytes, _, _) = encoding_rs::WINDOWS_1251.encode(&ru_html);
    let records = vec![
        record(
            "warcinfo",
            "",
            "2024-01-01T00:00:00Z",
            "application/warc-fields",
            b"software: test\r\n",
        ),
        record(
            "request",
            "https://a.example/lock",
            "2024-01-02T10:00:00Z",
            "application/http; msgtype=request",
            b"GET /lock HTTP/1.1\r\n\r\n",
        ),
        record(
            "response",
            "https://a.example/lock",
            "2024-01-02T10:00:01Z",
            "application/http; msgtype=response",
            &http("text/html; charset=utf-8", page(A).as_bytes()),
        ),
        record(
            "response",
            "https://a.example/logo.png",
            "2024-01-02T10:00:02Z",
            "application/http; msgtype=response",
            &http("image/png", b"\x89PNG...."),
        ),
        record(
            "response",
            "https://b.example/ships",
            "2024-01-03T11:00:00Z",
            "application/http; msgtype=response",
            &http("text/html", page(B).as_bytes()),
        ),
        record(
            "response",
            "https://c.example/ru",
            "2024-01-04T12:00:00Z",
            "application/http; msgtype=response",
            &http("text/html; charset=windows-1251", &ru_bytes),
        ),
    ];
    let mut out = Vec::new();
    for r in &records {
        out.extend(if compress { gz(r) } else { r.clone() });
    }
    // A last record cut short in the middle of its content.
    let cut = record(
        "response",
        "https://d.example/cut",
        "2024-01-05T00:00:00Z",
        "application/http; msgtype=response",
        &http("text/html", page(A).as_bytes()),
    );
    let cut = cut.get(..cut.len() - 60).unwrap_or_default();
    if compress {
        let member = gz(cut);
        out.extend_from_slice(member.get(..member.len() - 10).unwrap_or_default());
    } else {
        out.extend_from_slice(cut);
    }
    std::fs::write(path, out).unwrap_or_else(|e| panic!("{e}"));
}

fn check(path: &std::path::Path) {
    let mut reader = dyad_web::WarcReader::open(path).unwrap_or_else(|e| panic!("{e}"));
    let mut pages = Vec::new();
    let mut errors = Vec::new();
    for item in reader.by_ref() {
        match item {
            Ok(p) => pages.push(p),
            Err(e) => errors.push(e.to_string()),
        }
    }
    let got: Vec<(String, String, String)> = pages
        .iter()
        .map(|p| {
            let ex = p.extract().unwrap_or_else(|e| panic!("{e}"));
            (
                p.uri.clone(),
                p.date.map(|d| d.to_rfc3339()).unwrap_or_default(),
                ex.body_text(),
            )
        })
        .collect();
    assert_eq!(
        got,
        vec![
            (
                "https://a.example/lock".into(),
                "2024-01-02T10:00:01+00:00".into(),
                format!("{A}\n\n{A}")
            ),
            (
                "https://b.example/ships".into(),
                "2024-01-03T11:00:00+00:00".into(),
                format!("{B}\n\n{B}")
            ),
            (
                "https://c.example/ru".into(),
                "2024-01-04T12:00:00+00:00".into(),
                format!("{C}\n\n{C}")
            ),
        ]
    );
    assert_eq!(errors.len(), 1, "{errors:?}");
    let stats = reader.stats();
    assert_eq!(
        (stats.pages, stats.skipped_non_html, stats.skipped_invalid),
        (3, 3, 1)
    );
    assert_eq!(stats.warnings.len(), 1);
}

#[test]
fn gzip_members_non_html_and_truncated_record() {
    let dir = std::env::temp_dir().join(format!("dyad-web-warc-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap_or_else(|e| panic!("{e}"));
    let path = dir.join("test.warc.gz");
    write_archive(&path, true);
    check(&path);
    let plain = dir.join("test.warc");
    write_archive(&plain, false);
    check(&plain);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn garbage_between_records_is_skipped_and_counted() {
    let mut data = b"this is not a warc header\r\nnor this\r\n".to_vec();
    data.extend(record(
        "response",
        "https://a.example/x",
        "2024-02-02T00:00:00Z",
        "application/http; msgtype=response",
        &http("text/html", page(A).as_bytes()),
    ));
    let mut reader = dyad_web::WarcReader::new(data.as_slice(), std::path::Path::new("mem"));
    let uris: Vec<String> = reader
        .by_ref()
        .filter_map(Result::ok)
        .map(|p| p.uri)
        .collect();
    assert_eq!(uris, vec!["https://a.example/x".to_string()]);
    assert_eq!(reader.stats().skipped_invalid, 1);
}
