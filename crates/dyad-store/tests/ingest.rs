//! The ingest pipeline with a stand-in coder: batching, skipping, errors.

mod common;

use std::collections::HashMap;

use common::{coded, temp_dir, Spec};
use dyad_core::{CodedDocument, Document};
use dyad_store::ingest::{ingest, IngestOptions};
use dyad_store::{ErrorRecord, Store};

fn corpus(n: usize) -> Vec<CodedDocument> {
    (0..n)
        .map(|i| {
            let day = ["2024-02-01", "2024-02-02", "2024-02-03", "2024-02-04"][i % 4];
            let (src, tgt) = [("RUS", "UKR"), ("USA", "CHN"), ("FRA", "DEU")][i % 3];
            coded(
                &format!("doc{i}"),
                ["A", "B", "C", "D", "E"][i % 5],
                day,
                &[Spec::day("ACCUSE", "112", src, tgt, day)],
            )
        })
        .collect()
}

fn run(store: &mut Store, docs: &[CodedDocument], batch: usize) -> dyad_store::ingest::IngestStats {
    let by_hash: HashMap<String, CodedDocument> = docs
        .iter()
        .map(|c| (c.analyzed.doc.content_hash.clone(), c.clone()))
        .collect();
    let mut inputs: Vec<Result<Document, ErrorRecord>> =
        docs.iter().map(|c| Ok(c.analyzed.doc.clone())).collect();
    inputs.insert(
        3,
        Err(ErrorRecord {
            input: "broken.html".into(),
            doc_id: None,
            content_hash: None,
            stage: "read".into(),
            message: "invalid UTF-8 at byte 12".into(),
        }),
    );
    let code = |doc: Document| -> Result<CodedDocument, String> {
        if doc.id == "doc7" {
            return Err("lexicon exploded".into());
        }
        if doc.id == "doc8" {
            panic!("coder bug on doc8");
        }
        by_hash
            .get(&doc.content_hash)
            .cloned()
            .ok_or_else(|| "unknown".to_string())
    };
    let mut calls = 0;
    let stats = ingest(
        store,
        inputs.into_iter(),
        dyad_store::ingest::document_identity,
        code,
        &IngestOptions {
            batch_size: batch,
            threads: Some(2),
        },
        None,
        |_| calls += 1,
    )
    .expect("ingest");
    assert!(calls >= 1);
    stats
}

#[test]
fn ingest_codes_in_batches_records_errors_and_skips_known_documents() {
    let dir = temp_dir("ingest");
    let docs = corpus(50);
    let mut store = Store::open(dir.join("x.db")).expect("open");
    let stats = run(&mut store, &docs, 7);
    assert_eq!(stats.seen, 51);
    assert_eq!(stats.stored, 48);
    assert_eq!(stats.errors, 3);
    assert_eq!(stats.events, 48);
    let errors = store.errors().expect("errors");
    assert_eq!(errors.len(), 3, "{errors:#?}");
    assert!(errors
        .iter()
        .any(|e| e.input == "broken.html" && e.stage == "read"));
    assert!(errors
        .iter()
        .any(|e| e.input == "doc8" && e.message.contains("panicked")));
    let digest = store.content_digest().expect("digest");

    // Again: nothing new is stored or counted; failed documents are retried.
    let again = run(&mut store, &docs, 13);
    assert_eq!((again.stored, again.skipped, again.errors), (0, 48, 3));
    assert_eq!(store.content_digest().expect("digest"), digest);

    // A different batch size gives the same content.
    let mut other = Store::open(dir.join("y.db")).expect("open");
    run(&mut other, &docs, 50);
    assert_eq!(other.content_digest().expect("digest"), digest);
}

#[test]
fn duplicates_inside_one_run_are_stored_once() {
    let dir = temp_dir("dups");
    let mut docs = corpus(10);
    docs.extend(corpus(10));
    let mut store = Store::open(dir.join("x.db")).expect("open");
    let stats = run(&mut store, &docs, 4);
    assert_eq!(stats.stored, 8);
    assert_eq!(stats.skipped, 10);
    assert_eq!(store.document_count().expect("n"), 8);
}

#[test]
fn transactions_spanning_several_coded_chunks_store_the_same_content() {
    let dir = temp_dir("chunks");
    let docs = corpus(450);
    let mut small = Store::open(dir.join("small.db")).expect("open");
    run(&mut small, &docs, 7);
    // Coding goes in chunks of CODE_CHUNK; a batch of 300 keeps one
    // transaction open across two chunks.
    const { assert!(300 > dyad_store::ingest::CODE_CHUNK) };
    let mut large = Store::open(dir.join("large.db")).expect("open");
    let stats = run(&mut large, &docs, 300);
    assert_eq!((stats.stored, stats.errors), (448, 3));
    assert_eq!(
        large.content_digest().expect("digest"),
        small.content_digest().expect("digest")
    );
}

#[test]
fn a_full_disk_during_an_ingest_rolls_back_the_open_transaction() {
    let dir = temp_dir("ingest-full");
    let path = dir.join("x.db");
    drop(Store::open(&path).expect("create"));
    let pages: i64 = rusqlite::Connection::open(&path)
        .and_then(|c| c.query_row("PRAGMA page_count", [], |r| r.get(0)))
        .expect("page count");
    let mut store = Store::open_with(
        &path,
        dyad_store::OpenOptions {
            max_page_count: Some(pages as u64 + 20),
            ..dyad_store::OpenOptions::default()
        },
    )
    .expect("open capped");
    let before = store.content_digest().expect("digest");
    let big: Vec<CodedDocument> = corpus(40)
        .into_iter()
        .map(|mut doc| {
            doc.analyzed.doc.text.push_str(&"filler text ".repeat(2000));
            doc
        })
        .collect();
    let inputs: Vec<Result<Document, ErrorRecord>> =
        big.iter().map(|c| Ok(c.analyzed.doc.clone())).collect();
    let by_hash: HashMap<String, CodedDocument> = big
        .iter()
        .map(|c| (c.analyzed.doc.content_hash.clone(), c.clone()))
        .collect();
    let err = ingest(
        &mut store,
        inputs.into_iter(),
        dyad_store::ingest::document_identity,
        |doc: Document| Ok(by_hash[&doc.content_hash].clone()),
        &IngestOptions {
            batch_size: 1000,
            threads: Some(2),
        },
        None,
        |_| {},
    )
    .expect_err("disk full");
    assert!(
        matches!(err, dyad_store::StoreError::DiskFull { .. }),
        "{err:?}"
    );
    assert_eq!(store.content_digest().expect("digest"), before);
    // The store is usable afterwards: no transaction was left open.
    store
        .write_batch(&corpus(1))
        .expect("a small write still fits");
    assert_eq!(store.document_count().expect("n"), 1);
}
