//! The store commands run as a user runs them: the real `dyad` binary.

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use dyad_store::{IngestLock, LockWait, Store};

fn dyad() -> Command {
    Command::new(env!("CARGO_BIN_EXE_dyad"))
}

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!(
        "dyad-cli-{name}-{}-{}",
        std::process::id(),
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|t| t.as_nanos())
            .unwrap_or(0)
    ));
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

fn run(cmd: &mut Command) -> Output {
    let out = cmd.stdin(Stdio::null()).output().expect("run dyad");
    out
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn ok(cmd: &mut Command) -> String {
    let out = run(cmd);
    assert!(
        out.status.success(),
        "dyad failed: {}\n{}",
        text(&out.stderr),
        text(&out.stdout)
    );
    text(&out.stdout)
}

/// A corpus of `n` short articles written from our own sentence templates;
/// every article differs (names, days, numbers), so every hash differs.
fn write_corpus(path: &Path, n: usize) {
    let countries = [
        ("Russian", "Ukrainian", "Kharkiv"),
        ("Chinese", "Philippine", "Manila"),
        ("Israeli", "Lebanese", "Beirut"),
        ("Turkish", "Syrian", "Aleppo"),
        ("French", "German", "Berlin"),
    ];
    let days = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"];
    let mut out = String::new();
    for i in 0..n {
        let (a, b, city) = countries[i % countries.len()];
        let day = days[(i / 5) % days.len()];
        let text = format!(
            "{a} forces shelled the {b} city of {city} on {day}, killing {k} people, officials said.\\n\\n\
             The {a} foreign minister met his {b} counterpart on {day} to discuss the crisis, \
             according to a statement issued in report number {i}.\\n\\n\
             {b} officials accused the {a} government of violating the ceasefire.",
            k = 3 + i % 17
        );
        let month = 1 + (i / 25) % 12;
        let dom = 1 + i % 28;
        out.push_str(&format!(
            "{{\"id\": \"t{i}\", \"date\": \"2024-{month:02}-{dom:02}\", \"source\": \"Outlet {s}\", \"title\": \"Report {i}\", \"text\": \"{text}\"}}\n",
            s = i % 7
        ));
    }
    std::fs::write(path, out).expect("write corpus");
}

fn digest(db: &Path) -> String {
    Store::open_existing(db)
        .expect("open db")
        .content_digest()
        .expect("digest")
}

#[test]
fn reingest_changes_nothing() {
    let dir = temp_dir("reingest");
    let corpus = dir.join("c.jsonl");
    write_corpus(&corpus, 30);
    // One malformed record: reported, recorded, and the batch goes on.
    let mut lines = std::fs::read_to_string(&corpus).expect("read");
    lines.push_str("{\"id\": \"broken\", \"text\": \n");
    std::fs::write(&corpus, lines).expect("write");
    let db = dir.join("x.db");
    let first = run(dyad()
        .arg("ingest")
        .arg(&corpus)
        .arg("--db")
        .arg(&db)
        .arg("--json"));
    assert!(first.status.success(), "{}", text(&first.stderr));
    let stats: serde_json::Value = serde_json::from_slice(&first.stdout).expect("json");
    assert_eq!(stats["stored"], 30);
    assert_eq!(stats["errors"], 1);
    let errors = ok(dyad().args(["errors", "--json", "--db"]).arg(&db));
    assert!(errors.contains("c.jsonl:31"), "{errors}");
    let before = digest(&db);
    let second = ok(dyad()
        .arg("ingest")
        .arg(&corpus)
        .arg("--db")
        .arg(&db)
        .arg("--json"));
    let stats: serde_json::Value = serde_json::from_str(&second).expect("json");
    assert_eq!(
        (stats["stored"].as_u64(), stats["skipped"].as_u64()),
        (Some(0), Some(30))
    );
    assert_eq!(digest(&db), before);
}

#[test]
fn an_ingest_killed_mid_run_resumes_to_identical_content() {
    let dir = temp_dir("kill");
    let corpus = dir.join("c.jsonl");
    let total = 400;
    write_corpus(&corpus, total);

    let reference = dir.join("reference.db");
    ok(dyad()
        .args(["ingest", "--batch-size", "10", "--threads", "2", "--db"])
        .arg(&reference)
        .arg(&corpus));
    let expected = digest(&reference);
    assert_eq!(
        Store::open_existing(&reference)
            .expect("db")
            .document_count()
            .expect("n"),
        total as u64
    );

    let db = dir.join("killed.db");
    let mut child = dyad()
        .args(["ingest", "--batch-size", "10", "--threads", "2", "--db"])
        .arg(&db)
        .arg(&corpus)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("spawn ingest");
    // Kill it as soon as some (but not all) batches are committed.
    let started = Instant::now();
    let mut stored_at_kill = 0;
    while started.elapsed() < Duration::from_secs(600) {
        if let Ok(store) = Store::open_existing(&db) {
            if let Ok(n) = store.document_count() {
                if n > 0 {
                    stored_at_kill = n;
                    break;
                }
            }
        }
        std::thread::sleep(Duration::from_millis(5));
    }
    child.kill().expect("SIGKILL the ingest");
    let _ = child.wait();
    assert!(stored_at_kill > 0, "the ingest never committed a batch");
    let after_kill = Store::open_existing(&db)
        .expect("db")
        .document_count()
        .expect("n");
    assert!(
        after_kill < total as u64,
        "the ingest finished before it could be killed ({after_kill} documents)"
    );
    // Re-run: it completes and the content matches the uninterrupted run.
    let resumed = ok(dyad()
        .args(["ingest", "--json", "--batch-size", "10", "--db"])
        .arg(&db)
        .arg(&corpus));
    let stats: serde_json::Value = serde_json::from_str(&resumed).expect("json");
    assert_eq!(stats["skipped"].as_u64(), Some(after_kill));
    assert_eq!(digest(&db), expected);
}

#[test]
fn a_second_ingest_fails_clearly_or_waits() {
    let dir = temp_dir("lock");
    let corpus = dir.join("c.jsonl");
    write_corpus(&corpus, 5);
    let db = dir.join("x.db");
    let lock = IngestLock::acquire(&db, LockWait::Fail, |_| {}).expect("hold the lock");
    let out = run(dyad()
        .arg("ingest")
        .arg("--no-wait")
        .arg("--db")
        .arg(&db)
        .arg(&corpus));
    assert!(!out.status.success());
    let err = text(&out.stderr);
    assert!(err.contains("another dyad ingest"), "{err}");

    let mut child = dyad()
        .arg("ingest")
        .arg("--db")
        .arg(&db)
        .arg(&corpus)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    // Read its messages; release our lock once it says it is waiting.
    let stderr = child.stderr.take().expect("stderr");
    let (tx, rx) = std::sync::mpsc::channel::<String>();
    let reader = std::thread::spawn(move || {
        use std::io::BufRead;
        for line in std::io::BufReader::new(stderr)
            .lines()
            .map_while(Result::ok)
        {
            let _ = tx.send(line);
        }
    });
    let mut seen = Vec::new();
    let deadline = Instant::now() + Duration::from_secs(120);
    while Instant::now() < deadline {
        match rx.recv_timeout(Duration::from_millis(100)) {
            Ok(line) => {
                let waiting = line.contains("waiting");
                seen.push(line);
                if waiting {
                    break;
                }
            }
            Err(std::sync::mpsc::RecvTimeoutError::Timeout) => {}
            Err(std::sync::mpsc::RecvTimeoutError::Disconnected) => break,
        }
    }
    assert!(seen.iter().any(|l| l.contains("waiting")), "{seen:?}");
    // While it waits, nothing has been written.
    assert!(
        !db.exists()
            || Store::open_existing(&db)
                .expect("db")
                .document_count()
                .expect("n")
                == 0
    );
    drop(lock);
    let status = child.wait().expect("wait");
    let _ = reader.join();
    seen.extend(rx.try_iter());
    assert!(status.success(), "{seen:?}");
    assert_eq!(
        Store::open_existing(&db)
            .expect("db")
            .document_count()
            .expect("n"),
        5
    );
}

#[test]
fn a_foreign_database_file_is_refused_untouched() {
    let dir = temp_dir("foreign");
    let path = dir.join("notes.db");
    std::fs::write(&path, "shopping list: eggs, milk\n").expect("write");
    for args in [vec!["events"], vec!["dyads"], vec!["errors"]] {
        let out = run(dyad().args(&args).arg("--db").arg(&path));
        assert!(!out.status.success());
        let err = text(&out.stderr);
        assert!(err.contains("not a dyad database"), "{err}");
    }
    let corpus = dir.join("c.jsonl");
    write_corpus(&corpus, 2);
    let out = run(dyad().arg("ingest").arg("--db").arg(&path).arg(&corpus));
    assert!(!out.status.success());
    let out = run(dyad().arg("demo").arg("--db").arg(&path));
    assert!(!out.status.success());
    assert!(
        text(&out.stderr).contains("will not be replaced"),
        "{}",
        text(&out.stderr)
    );
    assert_eq!(
        std::fs::read_to_string(&path).expect("read"),
        "shopping list: eggs, milk\n"
    );
}

#[test]
fn queries_and_exports_from_the_command_line() {
    let dir = temp_dir("query");
    let corpus = dir.join("c.jsonl");
    write_corpus(&corpus, 20);
    let db = dir.join("x.db");
    ok(dyad().arg("ingest").arg("--db").arg(&db).arg(&corpus));
    let table = ok(dyad().args(["events", "--db"]).arg(&db));
    assert!(table.starts_with("id"), "{table}");
    let jsonl = ok(dyad()
        .args(["events", "--format", "jsonl", "--merged", "--db"])
        .arg(&db));
    for line in jsonl.lines() {
        let row: serde_json::Value = serde_json::from_str(line).expect("json row");
        assert_eq!(row["merged"], true);
    }
    let gdelt = dir.join("x.tsv");
    ok(dyad()
        .args(["export", "--format", "gdelt", "-o"])
        .arg(&gdelt)
        .arg("--db")
        .arg(&db));
    for line in std::fs::read_to_string(&gdelt).expect("read").lines() {
        assert_eq!(line.split('\t').count(), 61);
    }
    let parquet = dir.join("x.parquet");
    ok(dyad()
        .args(["export", "--format", "parquet", "--merged", "-o"])
        .arg(&parquet)
        .arg("--db")
        .arg(&db));
    assert!(std::fs::read(&parquet).expect("read").starts_with(b"PAR1"));
    let bad = run(dyad()
        .args(["events", "--since", "last tuesday", "--db"])
        .arg(&db));
    assert!(!bad.status.success());
    assert!(
        text(&bad.stderr).contains("not a date"),
        "{}",
        text(&bad.stderr)
    );
    let missing = run(dyad().args(["show", "12345", "--db"]).arg(&db));
    assert_eq!(missing.status.code(), Some(1));
    // Re-coding with the same knowledge reproduces the same content.
    let before = digest(&db);
    ok(dyad().args(["recode", "--db"]).arg(&db));
    assert_eq!(digest(&db), before);
}

#[test]
fn demo_runs_on_the_example_articles() {
    let dir = temp_dir("demo");
    let articles = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/articles");
    let db = dir.join("demo.db");
    let out = ok(dyad()
        .arg("demo")
        .arg("--db")
        .arg(&db)
        .arg("--articles")
        .arg(&articles));
    assert!(out.contains("Top dyads"), "{out}");
    assert!(out.contains("RUS"), "{out}");
    // Running it again replaces its own database.
    let again = ok(dyad()
        .arg("demo")
        .arg("--db")
        .arg(&db)
        .arg("--articles")
        .arg(&articles));
    assert_eq!(
        out.lines().filter(|l| l.contains('→')).count(),
        again.lines().filter(|l| l.contains('→')).count()
    );
}

/// Acceptance: both seed articles, with their dates, store the 2023 summit
/// once, reported by two articles, and the timeline shows both years.
#[test]
fn seeds_store_the_summit_once_with_two_articles() {
    let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/samples/seeds");
    if !seeds.is_dir() {
        eprintln!("SKIPPED: ../shared not found");
        return;
    }
    let find = |prefix: &str| -> PathBuf {
        std::fs::read_dir(&seeds)
            .expect("seeds dir")
            .flatten()
            .map(|e| e.path())
            .find(|p| {
                p.file_name()
                    .is_some_and(|n| n.to_string_lossy().starts_with(prefix))
            })
            .expect("seed file")
    };
    let dir = temp_dir("seeds");
    let db = dir.join("seeds.db");
    // This checks cross-article merging, so it codes with the token-window
    // analysis: on the parse, the 2024 article's "the two men met" is a
    // parser error today ("met" tagged as a participle modifying "men"),
    // which issue 14 tracks; merging itself does not depend on the coder.
    ok(dyad()
        .args(["ingest", "--no-parse", "--date", "2023-09-13", "--db"])
        .arg(&db)
        .arg(find("000_")));
    ok(dyad()
        .args(["ingest", "--no-parse", "--date", "2024-06-19", "--db"])
        .arg(&db)
        .arg(find("003_")));
    let store = Store::open_existing(&db).expect("db");
    let summit = store
        .events(&dyad_store::EventFilter {
            merged: true,
            dyad: Some(("RUS".into(), "PRK".into())),
            plover: Some("CONSULT".into()),
            since: chrono::NaiveDate::from_ymd_opt(2023, 9, 1),
            until: chrono::NaiveDate::from_ymd_opt(2023, 9, 30),
            ..Default::default()
        })
        .expect("query");
    assert_eq!(
        summit.len(),
        1,
        "the summit should be one merged event: {summit:#?}"
    );
    assert_eq!(summit[0].num_articles, 2, "{:#?}", summit[0]);
    let timeline = ok(dyad()
        .args(["timeline", "RUS", "PRK", "--by", "month", "--json", "--db"])
        .arg(&db));
    let periods: Vec<String> = timeline
        .lines()
        .map(|l| {
            serde_json::from_str::<serde_json::Value>(l).expect("json")["period"]
                .as_str()
                .unwrap_or("")
                .to_string()
        })
        .collect();
    assert!(periods.contains(&"2023-09".to_string()), "{periods:?}");
    assert!(periods.contains(&"2024-06".to_string()), "{periods:?}");
}
