//! API integration tests: a real `dyad serve` on a random loopback port over a
//! database built by `dyad ingest` from the repository's example articles.
//! Every endpoint is exercised, with bad parameters (400), oversize bodies
//! (413), unknown ids and routes (404) and the read-only guard (403).

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use serde_json::Value;

const BIN: &str = env!("CARGO_BIN_EXE_dyad");

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

struct Server {
    child: Child,
    addr: String,
    _dir: tempdir::Dir,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

mod tempdir {
    /// A temporary directory removed on drop.
    pub struct Dir(pub std::path::PathBuf);
    impl Dir {
        pub fn new(tag: &str) -> Dir {
            let p = std::env::temp_dir().join(format!("dyad-api-{tag}-{}", std::process::id()));
            let _ = std::fs::remove_dir_all(&p);
            std::fs::create_dir_all(&p).expect("temp dir");
            Dir(p)
        }
    }
    impl Drop for Dir {
        fn drop(&mut self) {
            let _ = std::fs::remove_dir_all(&self.0);
        }
    }
}

fn start(tag: &str, extra: &[&str]) -> Server {
    let dir = tempdir::Dir::new(tag);
    let db = dir.0.join("api.db");
    let status = Command::new(BIN)
        .arg("ingest")
        .arg(repo().join("examples/articles"))
        .arg("--db")
        .arg(&db)
        .stdout(Stdio::null())
        .status()
        .expect("run dyad ingest");
    assert!(status.success(), "dyad ingest failed");
    let mut child = Command::new(BIN)
        .args(["serve", "--addr", "127.0.0.1:0", "--db"])
        .arg(&db)
        .args(extra)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("start dyad serve");
    let mut line = String::new();
    BufReader::new(child.stdout.take().expect("stdout"))
        .read_line(&mut line)
        .expect("read address");
    let addr = line
        .trim()
        .strip_prefix("listening on http://")
        .unwrap_or_else(|| panic!("unexpected first line {line:?}"))
        .to_string();
    Server {
        child,
        addr,
        _dir: dir,
    }
}

/// One HTTP/1.1 request; returns (status, body).
fn http(addr: &str, method: &str, path: &str, body: Option<&[u8]>) -> (u16, Vec<u8>) {
    let mut s = TcpStream::connect(addr).expect("connect");
    s.set_read_timeout(Some(Duration::from_secs(60)))
        .expect("timeout");
    let body = body.unwrap_or(b"");
    let head = format!(
        "{method} {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\nContent-Type: application/json\r\nContent-Length: {}\r\n\r\n",
        body.len()
    );
    s.write_all(head.as_bytes()).expect("write head");
    // The server may answer 413 before reading a huge body; ignore write errors then.
    let _ = s.write_all(body);
    let mut raw = Vec::new();
    let _ = s.read_to_end(&mut raw);
    let text_end = raw
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .expect("header end");
    let head = String::from_utf8_lossy(&raw[..text_end]).to_string();
    let status: u16 = head
        .split_whitespace()
        .nth(1)
        .and_then(|c| c.parse().ok())
        .expect("status");
    let mut payload = raw[text_end + 4..].to_vec();
    if head
        .to_ascii_lowercase()
        .contains("transfer-encoding: chunked")
    {
        payload = dechunk(&payload);
    }
    (status, payload)
}

fn dechunk(mut data: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    while let Some(eol) = data.windows(2).position(|w| w == b"\r\n") {
        let size =
            usize::from_str_radix(String::from_utf8_lossy(&data[..eol]).trim(), 16).unwrap_or(0);
        if size == 0 {
            break;
        }
        out.extend_from_slice(&data[eol + 2..eol + 2 + size]);
        data = &data[eol + 2 + size + 2..];
    }
    out
}

fn get_json(addr: &str, path: &str) -> (u16, Value) {
    let (status, body) = http(addr, "GET", path, None);
    let v = serde_json::from_slice(&body)
        .unwrap_or_else(|_| panic!("{path}: not JSON: {}", String::from_utf8_lossy(&body)));
    (status, v)
}

#[test]
fn read_only_api_answers_every_endpoint() {
    let srv = start("ro", &[]);
    let a = srv.addr.as_str();

    let (st, health) = get_json(a, "/api/health");
    assert_eq!(st, 200);
    assert!(health["documents"].as_u64().unwrap_or(0) >= 6, "{health}");
    assert!(health["events"].as_u64().unwrap_or(0) > 0, "{health}");

    let (st, spec) = get_json(a, "/api/openapi.json");
    assert_eq!(st, 200);
    for path in [
        "/api/events",
        "/api/events/{id}",
        "/api/timeline",
        "/api/code",
        "/api/documents/{id}",
    ] {
        assert!(spec["paths"][path].is_object(), "OpenAPI lacks {path}");
    }

    // Events, paginated: pages do not overlap and the cursor reaches the end.
    let (st, page1) = get_json(a, "/api/events?limit=2");
    assert_eq!(st, 200);
    let first: Vec<String> = page1["events"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["id"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(first.len(), 2, "{page1}");
    let cursor = page1["next_cursor"]
        .as_str()
        .expect("next cursor")
        .to_string();
    let (st, page2) = get_json(a, &format!("/api/events?limit=2&cursor={cursor}"));
    assert_eq!(st, 200);
    for e in page2["events"].as_array().unwrap() {
        assert!(
            !first.contains(&e["id"].as_str().unwrap().to_string()),
            "pages overlap"
        );
    }

    // The RUS–PRK dyad has events, and an event shows its sentence with highlights.
    let (st, dyad) = get_json(a, "/api/events?dyad=RUS:PRK&limit=50");
    assert_eq!(st, 200);
    let events = dyad["events"].as_array().unwrap();
    assert!(!events.is_empty(), "no RUS–PRK events: {dyad}");
    let id = events[0]["id"].as_str().unwrap();
    let (st, detail) = get_json(a, &format!("/api/events/{id}"));
    assert_eq!(st, 200);
    let report = &detail["reports"][0];
    assert!(
        !report["sentence"].as_str().unwrap_or("").is_empty(),
        "{detail}"
    );
    let labels: Vec<&str> = report["spans"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|s| s["label"].as_str())
        .collect();
    assert!(labels.contains(&"trigger"), "{labels:?}");

    let (st, tl) = get_json(a, "/api/timeline?a=RUS&b=PRK&by=month");
    assert_eq!(st, 200);
    let periods: Vec<&str> = tl["periods"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|p| p["period"].as_str())
        .collect();
    assert!(periods.contains(&"2023-09"), "{periods:?}");

    let (st, dy) = get_json(a, "/api/dyads?limit=5");
    assert_eq!(st, 200);
    assert!(!dy["dyads"].as_array().unwrap().is_empty());

    let (st, ac) = get_json(a, "/api/actors?q=ru");
    assert_eq!(st, 200);
    assert!(
        ac["actors"]
            .as_array()
            .unwrap()
            .iter()
            .any(|x| x["code"] == "RUS"),
        "{ac}"
    );

    let (st, pl) = get_json(a, "/api/places");
    assert_eq!(st, 200);
    assert!(pl["places"].is_array());

    let (st, doc) = get_json(a, "/api/documents/example-001");
    assert_eq!(st, 200);
    assert!(
        doc["text"].as_str().unwrap_or("").contains("Kim Jong Un"),
        "{doc}"
    );
    assert!(!doc["annotations"].as_array().unwrap().is_empty());

    // Live coding does not store.
    let body = br#"{"text":"Turkish President Recep Tayyip Erdogan met Syrian rebels in Ankara on Monday.","date":"2024-05-06"}"#;
    let (st, coded) = http(a, "POST", "/api/code", Some(body));
    assert_eq!(st, 200, "{}", String::from_utf8_lossy(&coded));
    let coded: Value = serde_json::from_slice(&coded).unwrap();
    assert!(coded["document"]["annotations"].is_array());
    let (_, health2) = get_json(a, "/api/health");
    assert_eq!(
        health2["documents"], health["documents"],
        "POST /api/code stored something"
    );

    // The dashboard and its assets.
    let (st, index) = http(a, "GET", "/", None);
    assert_eq!(st, 200);
    assert!(String::from_utf8_lossy(&index).contains("/assets/app.js"));
    assert_eq!(http(a, "GET", "/assets/world.json", None).0, 200);
}

#[test]
fn bad_requests_get_clear_errors() {
    let srv = start("bad", &[]);
    let a = srv.addr.as_str();
    for (path, param) in [
        ("/api/events?since=2023-02-30", "since"),
        ("/api/events?limit=0", "limit"),
        ("/api/events?type=PARTY", "type"),
        ("/api/events?cameo=abc", "cameo"),
        ("/api/events?dyad=RUS", "dyad"),
        ("/api/events?cursor=nonsense", "cursor"),
        ("/api/events?bogus=1", "bogus"),
        ("/api/timeline?a=RUS", "b"),
        ("/api/timeline?a=RUS&b=PRK&by=year", "by"),
        ("/api/actors", "q"),
        ("/api/events/abc", "id"),
    ] {
        let (st, v) = get_json(a, path);
        assert_eq!(st, 400, "{path}: {v}");
        let msg = v["error"].as_str().unwrap_or("");
        assert!(
            msg.contains(&format!("'{param}'")),
            "{path}: message {msg:?} does not name {param}"
        );
    }
    assert_eq!(get_json(a, "/api/events/123456789").0, 404);
    assert_eq!(get_json(a, "/api/documents/no-such-doc").0, 404);
    assert_eq!(get_json(a, "/api/nothing-here").0, 404);
    assert_eq!(http(a, "GET", "/assets/..%2F..%2FCargo.toml", None).0, 404);

    let (st, _) = http(a, "POST", "/api/code", Some(b"{not json"));
    assert_eq!(st, 400);
    let (st, _) = http(
        a,
        "POST",
        "/api/code",
        Some(br#"{"text":"x","date":"yesterday"}"#),
    );
    assert_eq!(st, 400);
    let big = vec![b'a'; 6 * 1024 * 1024];
    let (st, _) = http(a, "POST", "/api/code", Some(&big));
    assert_eq!(st, 413);
    // Read-only by default.
    let (st, _) = http(
        a,
        "POST",
        "/api/documents",
        Some(br#"{"text":"Russia and China held talks."}"#),
    );
    assert_eq!(st, 403);
}

#[test]
fn ingest_endpoint_stores_when_allowed() {
    let srv = start("rw", &["--allow-ingest"]);
    let a = srv.addr.as_str();
    let (_, before) = get_json(a, "/api/health");
    let body = br#"{"text":"Japanese Prime Minister Fumio Kishida met South Korean President Yoon Suk Yeol in Tokyo on Thursday.","date":"2023-03-16","id":"posted-1","source":"Test Wire"}"#;
    let (st, out) = http(a, "POST", "/api/documents", Some(body));
    assert_eq!(st, 200, "{}", String::from_utf8_lossy(&out));
    let (_, after) = get_json(a, "/api/health");
    assert_eq!(
        after["documents"].as_u64(),
        before["documents"].as_u64().map(|n| n + 1)
    );
    // Idempotent: the same document again is not stored twice.
    let (st, out) = http(a, "POST", "/api/documents", Some(body));
    assert_eq!(st, 200);
    let out: Value = serde_json::from_slice(&out).unwrap();
    assert_eq!(out["stored"], false);
    assert_eq!(get_json(a, "/api/documents/posted-1").0, 200);
}
