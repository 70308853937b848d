//! The ingest pipeline: read → (skip known) → code in parallel → write in
//! batches from one writer thread.
//!
//! ```text
//! inputs ──main thread──▶ chunk of N new documents ──rayon──▶ coded chunk
//!        ──bounded channel (2)──▶ writer thread: one transaction per chunk
//! ```
//! While the writer stores chunk k, the workers code chunk k+1. Each chunk
//! (documents, events and the merge updates they cause) commits in one
//! transaction, so a run killed at any moment leaves only whole chunks; the
//! next run skips their documents (same content hash) and codes the rest.
//! Because ids are content-derived and merged events are recomputed per
//! block, the final content equals that of an uninterrupted run.

use std::collections::HashSet;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::sync_channel;
use std::time::{Duration, Instant};

use dyad_core::{CodedDocument, Document};
use rayon::prelude::*;
use rusqlite::{Connection, OpenFlags, OptionalExtension};
use serde::{Deserialize, Serialize};

use crate::error::{sql, Result};
use crate::store::{ErrorRecord, RunCounts};
use crate::write::effective_hash;
use crate::{ids, Store};

/// Ingest settings.
#[derive(Debug, Clone)]
pub struct IngestOptions {
    /// Documents per transaction.
    pub batch_size: usize,
    /// Coding threads (`None`: one per core).
    pub threads: Option<usize>,
}

impl Default for IngestOptions {
    fn default() -> Self {
        IngestOptions {
            batch_size: 200,
            threads: None,
        }
    }
}

impl IngestOptions {
    fn pool(&self) -> Result<rayon::ThreadPool> {
        let mut builder = rayon::ThreadPoolBuilder::new();
        if let Some(n) = self.threads {
            builder = builder.num_threads(n.max(1));
        }
        builder
            .build()
            .map_err(|e| crate::StoreError::Internal(format!("cannot start worker threads: {e}")))
    }
}

/// Running totals of an ingest, passed to the progress callback.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize)]
pub struct IngestStats {
    /// Documents read (including skipped and failed ones).
    pub seen: u64,
    /// Documents newly stored.
    pub stored: u64,
    /// Documents skipped: already stored, or repeated in this run.
    pub skipped: u64,
    /// Events stored.
    pub events: u64,
    /// Per-document errors (read or code).
    pub errors: u64,
    /// Wall time so far.
    pub elapsed: Duration,
    /// Time the database writer spent storing and merging (it runs beside
    /// the coding workers, so this overlaps `elapsed`).
    pub write_time: Duration,
}

impl IngestStats {
    /// Counts for the `runs` table.
    pub fn counts(&self) -> RunCounts {
        RunCounts {
            seen: self.seen,
            stored: self.stored,
            skipped: self.skipped,
            events: self.events,
            errors: self.errors,
        }
    }

    /// Documents handled per second.
    pub fn docs_per_second(&self) -> f64 {
        let secs = self.elapsed.as_secs_f64();
        if secs > 0.0 {
            self.seen as f64 / secs
        } else {
            0.0
        }
    }
}

/// A coding result: the coded document, or an error naming the document.
type Coded = std::result::Result<CodedDocument, ErrorRecord>;

#[derive(Default)]
struct Shared {
    stored: AtomicU64,
    events: AtomicU64,
    errors: AtomicU64,
    write_micros: AtomicU64,
}

/// How the pipeline knows an input item before coding it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ItemId {
    /// The content hash the store will file the document under (see
    /// [`crate::effective_hash`]).
    pub hash: String,
    /// A name for messages (document id, `file:line`).
    pub label: String,
}

/// The [`ItemId`] of a cleaned document.
pub fn document_identity(doc: &Document) -> ItemId {
    ItemId {
        hash: effective_hash(doc),
        label: doc.id.clone(),
    }
}

/// Codes `item` with `code`, turning an error or a panic into an
/// [`ErrorRecord`] so one bad document never stops a batch.
fn code_one<T, F>(code: &F, item: T, id: ItemId) -> Coded
where
    F: Fn(T) -> std::result::Result<CodedDocument, String> + Sync,
{
    let failure = |message: String| ErrorRecord {
        input: id.label.clone(),
        doc_id: Some(id.label.clone()),
        content_hash: Some(id.hash.clone()),
        stage: "code".into(),
        message,
    };
    match catch_unwind(AssertUnwindSafe(|| code(item))) {
        Ok(Ok(coded)) => Ok(coded),
        Ok(Err(message)) => Err(failure(message)),
        Err(panic) => {
            let what = panic
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| panic.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "unknown panic".into());
            Err(failure(format!("the coder panicked: {what}")))
        }
    }
}

/// Ingests `inputs` into `store`: documents whose content hash is stored
/// are skipped, the rest coded with `code` on the current rayon pool and
/// written in batches. Per-document failures are recorded in the `errors`
/// table (see [`Store::errors`]) and the run goes on; a store failure (disk
/// full, ...) stops it after rolling back the batch in flight.
pub fn ingest<T, I, K, F, P>(
    store: &mut Store,
    inputs: I,
    identify: K,
    code: F,
    options: &IngestOptions,
    run_id: Option<i64>,
    mut progress: P,
) -> Result<IngestStats>
where
    T: Send,
    I: Iterator<Item = std::result::Result<T, ErrorRecord>>,
    K: Fn(&T) -> ItemId,
    F: Fn(T) -> std::result::Result<CodedDocument, String> + Sync,
    P: FnMut(&IngestStats),
{
    let started = Instant::now();
    let pool = options.pool()?;
    let batch_size = options.batch_size.max(1);
    let reader = Connection::open_with_flags(
        store.path(),
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .map_err(sql("opening a reader connection"))?;
    let shared = Shared::default();
    let mut stats = IngestStats::default();
    // Finish merge work an interrupted run left behind.
    store.flush_merges()?;

    std::thread::scope(|scope| -> Result<()> {
        let (tx, rx) = sync_channel::<Vec<Coded>>(2);
        let shared_ref = &shared;
        let writer = scope.spawn(move || -> Result<()> {
            for chunk in rx {
                let mut docs = Vec::with_capacity(chunk.len());
                let mut failures = Vec::new();
                for item in chunk {
                    match item {
                        Ok(doc) => docs.push(doc),
                        Err(e) => failures.push(e),
                    }
                }
                let writing = Instant::now();
                let outcome = store.write_batch_deferred(&docs)?;
                for failure in &failures {
                    store.record_error(failure, run_id)?;
                }
                shared_ref.write_micros.fetch_add(
                    u64::try_from(writing.elapsed().as_micros()).unwrap_or(u64::MAX),
                    Ordering::Relaxed,
                );
                shared_ref
                    .stored
                    .fetch_add(outcome.stored as u64, Ordering::Relaxed);
                shared_ref
                    .events
                    .fetch_add(outcome.events as u64, Ordering::Relaxed);
                shared_ref
                    .errors
                    .fetch_add(failures.len() as u64, Ordering::Relaxed);
            }
            // Merge once, at the end: each merge island is re-clustered once
            // per run instead of once per batch.
            let writing = Instant::now();
            store.flush_merges()?;
            shared_ref.write_micros.fetch_add(
                u64::try_from(writing.elapsed().as_micros()).unwrap_or(u64::MAX),
                Ordering::Relaxed,
            );
            Ok(())
        });

        let mut seen_hashes: HashSet<String> = HashSet::new();
        let mut pending: Vec<(T, ItemId)> = Vec::with_capacity(batch_size);
        let mut read_errors: Vec<ErrorRecord> = Vec::new();
        let mut inputs = inputs.peekable();
        loop {
            let exhausted = inputs.peek().is_none();
            if let Some(item) = inputs.next() {
                stats.seen += 1;
                match item {
                    Ok(item) => {
                        let id = identify(&item);
                        if !seen_hashes.insert(id.hash.clone()) || is_stored(&reader, &id.hash)? {
                            stats.skipped += 1;
                        } else {
                            pending.push((item, id));
                        }
                    }
                    Err(e) => read_errors.push(e),
                }
            }
            let full = pending.len() >= batch_size || read_errors.len() >= batch_size;
            if full || (exhausted && (!pending.is_empty() || !read_errors.is_empty())) {
                let docs = std::mem::take(&mut pending);
                let mut coded: Vec<Coded> = pool.install(|| {
                    docs.into_par_iter()
                        .map(|(item, id)| code_one(&code, item, id))
                        .collect()
                });
                coded.extend(read_errors.drain(..).map(Err));
                if tx.send(coded).is_err() {
                    break; // the writer stopped: its error is reported below
                }
                stats.stored = shared.stored.load(Ordering::Relaxed);
                stats.events = shared.events.load(Ordering::Relaxed);
                stats.errors = shared.errors.load(Ordering::Relaxed);
                stats.elapsed = started.elapsed();
                progress(&stats);
            }
            if exhausted {
                break;
            }
        }
        drop(tx);
        writer.join().unwrap_or_else(|_| {
            Err(crate::StoreError::Internal(
                "the database writer thread panicked".into(),
            ))
        })
    })?;

    stats.stored = shared.stored.load(Ordering::Relaxed);
    stats.events = shared.events.load(Ordering::Relaxed);
    stats.errors = shared.errors.load(Ordering::Relaxed);
    stats.elapsed = started.elapsed();
    stats.write_time = Duration::from_micros(shared.write_micros.load(Ordering::Relaxed));
    progress(&stats);
    Ok(stats)
}

fn is_stored(reader: &Connection, hash: &str) -> Result<bool> {
    reader
        .prepare_cached("SELECT 1 FROM documents WHERE doc_id = ?1")
        .and_then(|mut s| s.query_row([ids::doc_id(hash)], |_| Ok(())).optional())
        .map(|r| r.is_some())
        .map_err(sql("checking for a stored document"))
}

/// Re-codes every stored document from its stored cleaned text and
/// metadata, replacing its mentions and events (and re-merging) one batch
/// per transaction. Documents the coder fails on keep their old events and
/// are recorded as errors.
pub fn recode<F, P>(
    store: &mut Store,
    code: F,
    options: &IngestOptions,
    run_id: Option<i64>,
    mut progress: P,
) -> Result<IngestStats>
where
    F: Fn(Document) -> std::result::Result<CodedDocument, String> + Sync,
    P: FnMut(&IngestStats),
{
    let started = Instant::now();
    let pool = options.pool()?;
    let docs = store.stored_documents()?;
    let mut stats = IngestStats::default();
    let mut docs = docs.into_iter().peekable();
    while docs.peek().is_some() {
        let chunk: Vec<Document> = docs.by_ref().take(options.batch_size.max(1)).collect();
        stats.seen += chunk.len() as u64;
        let coded: Vec<Coded> = pool.install(|| {
            chunk
                .into_par_iter()
                .map(|d| {
                    let id = document_identity(&d);
                    code_one(&code, d, id)
                })
                .collect()
        });
        let mut ok = Vec::with_capacity(coded.len());
        for item in coded {
            match item {
                Ok(doc) => ok.push(doc),
                Err(e) => {
                    store.record_error(&e, run_id)?;
                    stats.errors += 1;
                }
            }
        }
        let outcome = store.replace_coded(&ok)?;
        stats.stored += outcome.stored as u64;
        stats.events += outcome.events as u64;
        stats.elapsed = started.elapsed();
        progress(&stats);
    }
    stats.elapsed = started.elapsed();
    Ok(stats)
}
