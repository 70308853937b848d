//! Store behaviour: idempotence, merging, order independence, bad files,
//! migration, disk full, recode.

mod common;

use common::{coded, summit_pair, temp_dir, Spec};
use dyad_core::Factuality;
use dyad_store::{EventFilter, OpenOptions, Store, StoreError};

#[test]
fn reingesting_the_same_documents_changes_nothing() {
    let dir = temp_dir("idem");
    let mut store = Store::open(dir.join("x.db")).expect("open");
    let (a, b) = summit_pair();
    let first = store.write_batch(&[a.clone(), b.clone()]).expect("write");
    assert_eq!((first.stored, first.skipped, first.events), (2, 0, 3));
    let digest = store.content_digest().expect("digest");
    let again = store.write_batch(&[b, a]).expect("rewrite");
    assert_eq!((again.stored, again.skipped, again.events), (0, 2, 0));
    assert_eq!(store.content_digest().expect("digest"), digest);
    assert_eq!(store.document_count().expect("count"), 2);
}

#[test]
fn the_same_event_in_two_articles_is_one_merged_event() {
    let dir = temp_dir("merge");
    let mut store = Store::open(dir.join("x.db")).expect("open");
    let (a, b) = summit_pair();
    store.write_batch(&[a]).expect("write a");
    store.write_batch(&[b]).expect("write b (incremental)");
    let merged = store
        .events(&EventFilter {
            merged: true,
            ..EventFilter::default()
        })
        .expect("query");
    // 2023 summit (2 articles) + the 2024 visit (1 article).
    assert_eq!(merged.len(), 2, "{merged:#?}");
    let summit = &merged[0];
    assert_eq!(summit.date, "2023-09-13");
    assert_eq!(summit.date_precision, "day");
    assert_eq!(
        (summit.num_articles, summit.num_sources, summit.num_mentions),
        (2, 2, 2)
    );
    assert_eq!(summit.first_report.as_deref(), Some("2023-09-13"));
    assert_eq!(summit.last_report.as_deref(), Some("2024-06-19"));
    assert_eq!(summit.place_name.as_deref(), Some("Vostochny"));
    assert_eq!(merged[1].num_articles, 1);
    assert_eq!(merged[1].date, "2024-06-19");
    // show lists both reporting sentences
    let detail = store.show(summit.id).expect("show").expect("exists");
    assert_eq!(detail.reports.len(), 2);
    assert!(detail
        .reports
        .iter()
        .any(|r| r.doc_id == "b-2024" && r.date_precision == "month"));
    // asking for one member event shows its merged event too
    let member = detail.reports[1].event_id;
    let via_member = store.show(member).expect("show").expect("exists");
    assert_eq!(via_member.merged.map(|m| m.id), Some(summit.id));
    assert_eq!(via_member.reports.len(), 2);
}

#[test]
fn same_dyad_on_different_days_stays_two_events() {
    let dir = temp_dir("days");
    let mut store = Store::open(dir.join("x.db")).expect("open");
    let a = coded(
        "a",
        "A",
        "2024-03-02",
        &[Spec::day("ASSAULT", "190", "RUS", "UKR", "2024-03-01")],
    );
    let b = coded(
        "b",
        "B",
        "2024-03-03",
        &[Spec::day("ASSAULT", "190", "RUS", "UKR", "2024-03-02")],
    );
    let c = coded(
        "c",
        "C",
        "2024-03-03",
        &[Spec::day("ASSAULT", "190", "RUS", "UKR", "2024-03-02")],
    );
    // Reversed direction of a directed type is another dyad.
    let e = coded(
        "e",
        "E",
        "2024-03-03",
        &[Spec::day("ASSAULT", "190", "UKR", "RUS", "2024-03-02")],
    );
    store.write_batch(&[a, b, c, e]).expect("write");
    let merged = store
        .events(&EventFilter {
            merged: true,
            ..EventFilter::default()
        })
        .expect("query");
    let mut counts: Vec<(String, String, i64)> = merged
        .iter()
        .map(|m| {
            (
                m.date.clone(),
                m.source_country.clone().unwrap_or_default(),
                m.num_articles,
            )
        })
        .collect();
    counts.sort();
    assert_eq!(
        counts,
        vec![
            ("2024-03-01".into(), "RUS".into(), 1),
            ("2024-03-02".into(), "RUS".into(), 2),
            ("2024-03-02".into(), "UKR".into(), 1),
        ]
    );
}

#[test]
fn events_without_any_known_date_are_never_merged_nor_counted_in_timelines() {
    let dir = temp_dir("undated");
    let mut store = Store::open(dir.join("x.db")).expect("open");
    let undated = |id: &str| {
        let mut spec = Spec::day("ASSAULT", "190", "RUS", "UKR", "1970-01-01");
        spec.precision = dyad_core::DatePrecision::Unknown;
        coded(id, id, "1970-01-01", &[spec])
    };
    let dated = coded(
        "dated",
        "D",
        "2024-03-02",
        &[Spec::day("ASSAULT", "190", "RUS", "UKR", "2024-03-01")],
    );
    store
        .write_batch(&[undated("u1"), undated("u2"), dated])
        .expect("write");
    let merged = store
        .events(&EventFilter {
            merged: true,
            ..EventFilter::default()
        })
        .expect("query");
    assert_eq!(merged.len(), 3, "{merged:#?}");
    assert!(merged.iter().all(|m| m.num_articles == 1));
    let timeline = store
        .timeline(&EventFilter::default(), dyad_store::query::Period::Month)
        .expect("timeline");
    let periods: Vec<&str> = timeline.iter().map(|b| b.period.as_str()).collect();
    assert_eq!(periods, ["2024-03"]);
}

#[test]
fn places_guessed_from_actors_do_not_keep_reports_apart() {
    let dir = temp_dir("placeprec");
    let mut store = Store::open(dir.join("x.db")).expect("open");
    let a = coded(
        "a",
        "A",
        "2023-09-13",
        &[Spec::day("CONSULT", "040", "RUS", "PRK", "2023-09-13").in_country("PRK")],
    );
    let b = coded(
        "b",
        "B",
        "2023-09-14",
        &[Spec::day("CONSULT", "040", "PRK", "RUS", "2023-09-13").at("Vostochny", "RUS")],
    );
    // A toponym in another country does keep them apart.
    let c = coded(
        "c",
        "C",
        "2023-09-14",
        &[Spec::day("CONSULT", "040", "PRK", "RUS", "2023-09-13").at("Pyongyang", "PRK")],
    );
    store.write_batch(&[a, b, c]).expect("write");
    let merged = store
        .events(&EventFilter {
            merged: true,
            ..EventFilter::default()
        })
        .expect("query");
    let mut shape: Vec<(i64, Option<String>)> = merged
        .iter()
        .map(|m| (m.num_articles, m.place_name.clone()))
        .collect();
    shape.sort();
    assert_eq!(
        shape,
        vec![(1, Some("Pyongyang".into())), (2, Some("Vostochny".into()))],
        "{merged:#?}"
    );
}

#[test]
fn non_factual_events_are_not_merged() {
    let dir = temp_dir("fact");
    let mut store = Store::open(dir.join("x.db")).expect("open");
    let a = coded(
        "a",
        "A",
        "2024-03-02",
        &[Spec::day("ASSAULT", "190", "RUS", "UKR", "2024-03-01")
            .factuality(Factuality::Hypothetical)],
    );
    store.write_batch(&[a]).expect("write");
    assert_eq!(store.merged_count().expect("count"), 0);
    assert!(store.events(&EventFilter::default()).expect("q").is_empty());
    let all = EventFilter {
        factual_only: false,
        all: true,
        ..EventFilter::default()
    };
    assert_eq!(store.events(&all).expect("q").len(), 1);
}

#[test]
fn queries_return_the_default_output_unless_asked_for_all() {
    let dir = temp_dir("policy");
    let mut store = Store::open(dir.join("x.db")).expect("open");
    let mut doc = coded(
        "p",
        "P",
        "2024-03-02",
        &[
            Spec::day("ASSAULT", "190", "RUS", "UKR", "2024-03-01"),
            Spec::day("ASSAULT", "190", "RUS", "UKR", "2024-03-01"),
            Spec::day("ASSAULT", "190", "RUS", "UKR", "2024-03-01"),
        ],
    );
    // a background act, and one whose target has no country
    doc.events[1].historical = true;
    doc.events[2].target[0].actor.country = None;
    store.write_batch(&[doc]).expect("write");
    assert_eq!(store.events(&EventFilter::default()).expect("q").len(), 1);
    let all = EventFilter {
        all: true,
        ..EventFilter::default()
    };
    assert_eq!(store.events(&all).expect("q").len(), 3);
    // the background act merges with the report of the act; the
    // countryless one merges with nothing
    assert_eq!(store.merged_count().expect("count"), 1);
    let merged = EventFilter {
        merged: true,
        ..EventFilter::default()
    };
    assert_eq!(store.events(&merged).expect("q")[0].num_articles, 1);
}

#[test]
fn content_does_not_depend_on_arrival_order_or_batching() {
    let dir = temp_dir("order");
    let docs: Vec<_> = (0..12)
        .map(|i| {
            let day = ["2024-01-05", "2024-01-06", "2024-01-07"][i % 3];
            let spec = if i % 4 == 0 {
                Spec::day("CONSULT", "040", "FRA", "DEU", day).month("2024-01-01", "2024-01-31")
            } else {
                Spec::day(
                    "CONSULT",
                    "040",
                    if i % 2 == 0 { "FRA" } else { "DEU" },
                    if i % 2 == 0 { "DEU" } else { "FRA" },
                    day,
                )
            };
            coded(&format!("doc{i}"), ["A", "B", "C"][i % 3], day, &[spec])
        })
        .collect();
    let mut one = Store::open(dir.join("one.db")).expect("open");
    one.write_batch(&docs).expect("one batch");
    let mut two = Store::open(dir.join("two.db")).expect("open");
    let mut reversed = docs.clone();
    reversed.reverse();
    for chunk in reversed.chunks(5) {
        two.write_batch(chunk).expect("chunk");
    }
    assert_eq!(
        one.content_digest().expect("d1"),
        two.content_digest().expect("d2")
    );
    assert!(one.merged_count().expect("n") < 12);
}

fn assert_untouched(path: &std::path::Path, before: &[u8], err: StoreError, want: &str) {
    let message = err.to_string();
    assert!(message.contains(want), "{message}");
    assert!(message.contains("untouched"), "{message}");
    assert_eq!(std::fs::read(path).expect("read back"), before);
}

#[test]
fn foreign_corrupt_and_newer_files_are_refused_and_left_alone() {
    let dir = temp_dir("bad");
    let text = dir.join("notes.db");
    std::fs::write(&text, b"these are my notes, not a database\n").expect("write");
    let err = Store::open(&text).expect_err("text file");
    assert_untouched(
        &text,
        b"these are my notes, not a database\n",
        err,
        "not an SQLite database",
    );

    let other = dir.join("other.db");
    {
        let conn = rusqlite::Connection::open(&other).expect("sqlite");
        conn.execute_batch("CREATE TABLE accounts (id INTEGER, balance REAL); INSERT INTO accounts VALUES (1, 9.5);")
            .expect("other app");
    }
    let before = std::fs::read(&other).expect("read");
    let err = Store::open(&other).expect_err("foreign sqlite");
    assert_untouched(&other, &before, err, "another application");

    let corrupt = dir.join("corrupt.db");
    let mut bytes = b"SQLite format 3\0".to_vec();
    bytes.extend((0..4096u32).map(|i| (i * 7 % 251) as u8));
    std::fs::write(&corrupt, &bytes).expect("write");
    let err = Store::open(&corrupt).expect_err("corrupt");
    assert_untouched(&corrupt, &bytes, err, "corrupt");

    let newer = dir.join("newer.db");
    Store::open(&newer).expect("create");
    {
        let conn = rusqlite::Connection::open(&newer).expect("sqlite");
        conn.execute_batch("PRAGMA user_version = 99;")
            .expect("bump");
    }
    let before = std::fs::read(&newer).expect("read");
    let err = Store::open(&newer).expect_err("newer");
    assert_untouched(&newer, &before, err, "newer");

    let missing = dir.join("missing.db");
    assert!(matches!(
        Store::open_existing(&missing),
        Err(StoreError::Missing { .. })
    ));
    assert!(!missing.exists());
}

#[test]
fn an_older_schema_is_migrated_and_merges_rebuilt() {
    let dir = temp_dir("migrate");
    let path = dir.join("old.db");
    let (a, b) = summit_pair();
    let current_digest = {
        let mut store = Store::open(&path).expect("open");
        store.write_batch(&[a, b]).expect("write");
        store.content_digest().expect("digest")
    };
    // Turn it into a version-1 file: no merged tables.
    {
        let conn = rusqlite::Connection::open(&path).expect("sqlite");
        conn.execute_batch(
            "DROP TABLE merged_members; DROP TABLE merged_events; DROP TABLE merge_pending; \
             DROP INDEX events_shown; ALTER TABLE events DROP COLUMN shown; \
             ALTER TABLE events DROP COLUMN historical; \
             ALTER TABLE events DROP COLUMN place_reason; \
             ALTER TABLE events DROP COLUMN in_passing; PRAGMA user_version = 1;",
        )
        .expect("downgrade");
    }
    let store = Store::open(&path).expect("migrate");
    assert_eq!(store.migrated_from(), 1);
    assert_eq!(store.content_digest().expect("digest"), current_digest);
    assert_eq!(store.merged_count().expect("count"), 2);

    // A genuine version-1 file made by the v1 migration alone opens too.
    let v1 = dir.join("v1.db");
    dyad_store::create_at_version(&v1, 1).expect("v1");
    let store = Store::open(&v1).expect("open v1");
    assert_eq!(store.migrated_from(), 1);
    assert_eq!(store.merged_count().expect("count"), 0);
}

#[test]
fn a_version_2_file_with_events_is_migrated_to_appended_events_unchanged() {
    let dir = temp_dir("migrate-v2");
    let current = dir.join("current.db");
    let (a, b) = summit_pair();
    let (current_digest, event_ids) = {
        let mut store = Store::open(&current).expect("open");
        store.write_batch(&[a, b]).expect("write");
        let ids: Vec<i64> = store
            .events(&EventFilter::default())
            .expect("events")
            .iter()
            .map(|e| e.id)
            .collect();
        (store.content_digest().expect("digest"), ids)
    };
    // A version-2 file (events keyed by event_id) holding the same rows.
    let old = dir.join("v2.db");
    dyad_store::create_at_version(&old, 2).expect("v2");
    {
        let conn = rusqlite::Connection::open(&old).expect("sqlite");
        conn.execute("ATTACH DATABASE ?1 AS cur", [current.display().to_string()])
            .expect("attach");
        for table in [
            "documents",
            "doc_analysis",
            "events",
            "merged_events",
            "merged_members",
        ] {
            // the columns the old version has (later versions add some)
            let columns: Vec<String> = conn
                .prepare(&format!(
                    "SELECT name FROM pragma_table_info('{table}', 'main')"
                ))
                .and_then(|mut st| {
                    st.query_map([], |r| r.get::<_, String>(0))?
                        .collect::<Result<_, _>>()
                })
                .expect("columns");
            let columns = columns.join(", ");
            conn.execute_batch(&format!(
                "INSERT INTO main.{table} ({columns}) SELECT {columns} FROM cur.{table}"
            ))
            .expect("copy rows");
        }
    }
    let store = Store::open(&old).expect("migrate");
    assert_eq!(store.migrated_from(), 2);
    assert_eq!(store.content_digest().expect("digest"), current_digest);
    let ids: Vec<i64> = store
        .events(&EventFilter::default())
        .expect("events")
        .iter()
        .map(|e| e.id)
        .collect();
    assert_eq!(ids, event_ids);
    let unique: i64 = store
        .connection()
        .query_row(
            "SELECT count(*) FROM sqlite_master WHERE name = 'events_id' AND sql LIKE '%UNIQUE%'",
            [],
            |r| r.get(0),
        )
        .expect("schema");
    assert_eq!(unique, 1, "event ids stay unique");
}

#[test]
fn a_full_disk_rolls_the_whole_batch_back_and_says_so() {
    let dir = temp_dir("full");
    let path = dir.join("x.db");
    let (a, b) = summit_pair();
    {
        let mut store = Store::open(&path).expect("open");
        store.write_batch(&[a]).expect("write a");
    }
    let pages: i64 = rusqlite::Connection::open(&path)
        .and_then(|c| c.query_row("PRAGMA page_count", [], |r| r.get(0)))
        .expect("page count");
    let mut store = Store::open_with(
        &path,
        OpenOptions {
            max_page_count: Some(pages as u64 + 1),
            ..OpenOptions::default()
        },
    )
    .expect("open capped");
    let before = store.content_digest().expect("digest");
    let big: Vec<_> = (0..40)
        .map(|i| {
            let mut doc = coded(
                &format!("big{i}"),
                "X",
                "2024-01-01",
                &[Spec::day("AID", "070", "USA", "UKR", "2024-01-01")],
            );
            doc.analyzed.doc.text.push_str(&"filler text ".repeat(2000));
            doc.analyzed.doc.content_hash = format!("big-{i}");
            doc
        })
        .chain(std::iter::once(b))
        .collect();
    let err = store.write_batch(&big).expect_err("disk full");
    assert!(matches!(err, StoreError::DiskFull { .. }), "{err:?}");
    assert!(err.to_string().contains("rolled back"), "{err}");
    assert_eq!(store.content_digest().expect("digest"), before);
    assert_eq!(store.document_count().expect("count"), 1);
}

#[test]
fn recoding_replaces_events_and_merges_atomically() {
    let dir = temp_dir("recode");
    let mut store = Store::open(dir.join("x.db")).expect("open");
    let (a, b) = summit_pair();
    store.write_batch(&[a.clone(), b.clone()]).expect("write");
    let docs = store.stored_documents().expect("docs");
    assert_eq!(docs.len(), 2);
    let stored_a = docs.iter().find(|d| d.id == "a-2023").expect("a");
    assert_eq!(stored_a.text, a.analyzed.doc.text);
    assert_eq!(stored_a.zones, a.analyzed.doc.zones);
    assert_eq!(stored_a.date, a.analyzed.doc.date);
    // The new "lexicon" codes a's summit a month later: it leaves the September merge.
    let mut recoded = a.clone();
    recoded.events[0].date.date = common::d("2023-10-12");
    recoded.events[0].date.start = common::d("2023-10-12");
    recoded.events[0].date.end = common::d("2023-10-12");
    let outcome = store.replace_coded(&[recoded]).expect("replace");
    assert_eq!((outcome.stored, outcome.events), (1, 1));
    let merged = store
        .events(&EventFilter {
            merged: true,
            ..EventFilter::default()
        })
        .expect("query");
    assert_eq!(merged.len(), 3, "{merged:#?}");
    assert!(merged.iter().all(|m| m.num_articles == 1));
    assert_eq!(store.event_count().expect("n"), 3);
}

/// A varied stream: day events over two months, month and year reports,
/// undated ones, several dyads and places.
fn varied_stream(n: usize) -> Vec<dyad_core::CodedDocument> {
    const DAYS: [&str; 9] = [
        "2024-01-03",
        "2024-01-04",
        "2024-01-04",
        "2024-01-20",
        "2024-02-01",
        "2024-02-02",
        "2024-02-15",
        "2024-02-28",
        "2024-03-01",
    ];
    (0..n)
        .map(|i| {
            let day = DAYS[i % DAYS.len()];
            let (src, tgt) = [("RUS", "UKR"), ("UKR", "RUS"), ("USA", "CHN")][i % 3];
            let plover = ["ASSAULT", "CONSULT"][(i / 3) % 2];
            let mut spec = Spec::day(plover, "190", src, tgt, day);
            spec = match i % 5 {
                0 => spec.month("2024-01-01", "2024-01-31"),
                1 => spec.month("2024-02-01", "2024-02-29"),
                2 => spec.at("Kharkiv", "UKR"),
                3 => spec.at("Moscow", "RUS"),
                _ => spec,
            };
            if i % 7 == 0 {
                spec.precision = dyad_core::DatePrecision::UnknownRelative;
            }
            if i % 11 == 0 {
                spec = spec.month("2024-01-01", "2024-12-31");
                spec.precision = dyad_core::DatePrecision::Year;
            }
            coded(&format!("v{i}"), ["A", "B", "C", "D"][i % 4], day, &[spec])
        })
        .collect()
}

#[test]
fn incremental_merging_equals_a_full_rebuild_in_any_order() {
    let dir = temp_dir("islands");
    let docs = varied_stream(90);
    let mut digests = Vec::new();
    for (name, order, batch) in [
        ("fwd", (0..90).collect::<Vec<usize>>(), 7),
        ("rev", (0..90).rev().collect(), 3),
        ("mix", (0..90).map(|i| (i * 37) % 90).collect(), 11),
    ] {
        let mut store = Store::open(dir.join(format!("{name}.db"))).expect("open");
        let ordered: Vec<_> = order.iter().map(|&i| docs[i].clone()).collect();
        for chunk in ordered.chunks(batch) {
            store.write_batch(chunk).expect("write");
        }
        let incremental = store.content_digest().expect("digest");
        store.rebuild_merges().expect("rebuild");
        assert_eq!(
            store.content_digest().expect("digest"),
            incremental,
            "{name}: incremental != full"
        );
        digests.push(incremental);
    }
    assert!(digests.windows(2).all(|w| w[0] == w[1]));

    // Deferred merging (as ingest does it), flushed at the end, and even
    // flushed halfway then resumed, ends in the same content.
    let mut deferred = Store::open(dir.join("deferred.db")).expect("open");
    for (i, chunk) in docs.chunks(9).enumerate() {
        deferred.write_batch_deferred(chunk).expect("write");
        if i == 4 {
            deferred.flush_merges().expect("flush halfway");
        }
    }
    assert!(deferred.pending_merges().expect("pending") > 0);
    assert!(deferred.flush_merges().expect("flush") > 0);
    assert_eq!(deferred.pending_merges().expect("pending"), 0);
    assert_eq!(deferred.content_digest().expect("digest"), digests[0]);

    // Recoding a document moves its event; the result equals a database
    // that stored the recoded document from the start.
    let mut recoded = docs[4].clone();
    recoded.events[0].date.date = common::d("2024-01-20");
    recoded.events[0].date.start = common::d("2024-01-20");
    recoded.events[0].date.end = common::d("2024-01-20");
    recoded.events[0].date.precision = dyad_core::DatePrecision::Day;
    let mut store = Store::open(dir.join("fwd.db")).expect("open");
    store.replace_coded(&[recoded.clone()]).expect("recode");
    let mut fresh_docs = docs.clone();
    fresh_docs[4] = recoded;
    let mut fresh = Store::open(dir.join("fresh.db")).expect("open");
    fresh.write_batch(&fresh_docs).expect("write");
    assert_eq!(
        store.content_digest().expect("d"),
        fresh.content_digest().expect("d")
    );
    assert!(store.merged_count().expect("n") < 90);
}

#[test]
fn a_later_day_report_pulls_in_an_earlier_month_report() {
    let dir = temp_dir("pull");
    let month = coded(
        "m",
        "A",
        "2024-02-10",
        &[Spec::day("ASSAULT", "190", "RUS", "UKR", "2024-01-01")
            .month("2024-01-01", "2024-01-31")],
    );
    let day = coded(
        "d",
        "B",
        "2024-01-11",
        &[Spec::day("ASSAULT", "190", "RUS", "UKR", "2024-01-10")],
    );
    let mut store = Store::open(dir.join("inc.db")).expect("open");
    store
        .write_batch(std::slice::from_ref(&month))
        .expect("month first");
    assert_eq!(store.merged_count().expect("n"), 1);
    store
        .write_batch(std::slice::from_ref(&day))
        .expect("then the day");
    let merged = store
        .events(&EventFilter {
            merged: true,
            ..EventFilter::default()
        })
        .expect("query");
    assert_eq!(merged.len(), 1, "{merged:#?}");
    assert_eq!(
        (merged[0].num_articles, merged[0].date.as_str()),
        (2, "2024-01-10")
    );
    let mut once = Store::open(dir.join("once.db")).expect("open");
    once.write_batch(&[day, month]).expect("together");
    assert_eq!(
        once.content_digest().expect("d"),
        store.content_digest().expect("d")
    );
}

#[test]
fn mentions_and_sentences_read_back_through_their_views() {
    let dir = temp_dir("views");
    let mut store = Store::open(dir.join("x.db")).expect("open");
    let mut doc = coded(
        "a",
        "A",
        "2024-03-02",
        &[Spec::day("ASSAULT", "190", "RUS", "UKR", "2024-03-01")],
    );
    doc.actors.push(dyad_core::ActorMention {
        span: dyad_core::Span::new(4, 7),
        sentence: 1,
        text: "RUS".into(),
        kind: dyad_core::MentionKind::Country,
        actor: common::actor("RUS", "GOV", "Russia").actor,
        antecedent: None,
        rule: "country:rus".into(),
        confidence: 0.5,
    });
    doc.places.push(dyad_core::PlaceMention {
        span: dyad_core::Span::new(10, 17),
        sentence: 1,
        text: "Kharkiv".into(),
        place: None,
        confidence: 0.25,
        reason: "no candidate".into(),
    });
    store.write_batch(&[doc]).expect("write");
    let conn = store.connection();
    let doc_id = dyad_store::ids::doc_id(&store.stored_documents().expect("docs")[0].content_hash);
    let actor: (String, i64, i64, String, f64) = conn
        .query_row(
            "SELECT code, start, end, kind, confidence FROM actor_mentions WHERE doc_id = ?1",
            [doc_id],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)),
        )
        .expect("actor mention");
    assert_eq!(actor, ("RUSGOV".into(), 4, 7, "country".into(), 0.5));
    let place: (String, Option<i64>, String) = conn
        .query_row(
            "SELECT text, geonameid, reason FROM place_mentions WHERE doc_id = ?1",
            [doc_id],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .expect("place mention");
    assert_eq!(place, ("Kharkiv".into(), None, "no candidate".into()));
    let zones: Vec<String> = conn
        .prepare("SELECT zone FROM sentences WHERE doc_id = ?1 ORDER BY idx")
        .and_then(|mut s| s.query_map([doc_id], |r| r.get(0))?.collect())
        .expect("sentences");
    assert_eq!(zones, vec!["title", "body"]);
}

#[test]
fn opening_a_new_file_from_several_processes_at_once_is_safe() {
    let dir = temp_dir("race");
    let path = dir.join("x.db");
    let handles: Vec<_> = (0..4)
        .map(|_| {
            let path = path.clone();
            std::thread::spawn(move || Store::open(&path).map(|s| s.migrated_from()))
        })
        .collect();
    for h in handles {
        let opened = h.join().expect("thread");
        assert!(opened.is_ok(), "{opened:?}");
    }
    assert_eq!(
        Store::open(&path)
            .expect("open")
            .document_count()
            .expect("n"),
        0
    );
}

#[test]
fn the_place_reason_is_stored_exported_and_added_to_older_files() {
    let dir = temp_dir("place-reason");
    // a version-4 file (before the column) is migrated and takes new rows
    let path = dir.join("v4.db");
    dyad_store::create_at_version(&path, 4).expect("v4");
    let mut store = Store::open(&path).expect("migrate");
    assert_eq!(store.migrated_from(), 4);
    let (mut a, _) = summit_pair();
    if let Some(place) = a.events[0].place.as_mut() {
        place.reason = Some(dyad_core::PlaceReason::TriggerObl);
    }
    store.write_batch(&[a.clone()]).expect("write");
    let rows = store.events(&EventFilter::default()).expect("events");
    assert_eq!(rows[0].place_reason.as_deref(), Some("trigger-obl"));
    let merged = EventFilter {
        merged: true,
        ..EventFilter::default()
    };
    let rows = store.events(&merged).expect("merged");
    assert_eq!(rows[0].place_reason.as_deref(), Some("trigger-obl"));
    // the rows computed without a database say the same
    let (row, _) = &dyad_store::coded::event_rows(&a)[0];
    assert_eq!(row.place_reason.as_deref(), Some("trigger-obl"));
}
