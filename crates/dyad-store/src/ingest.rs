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
use std::sync::mpsc::{sync_channel, Receiver, SyncSender};
use std::time::{Duration, Instant};

use dyad_core::{CodedDocument, Document};
use rayon::prelude::*;
use rusqlite::{Connection, OpenFlags, OptionalExtension};
use serde::{Deserialize, Serialize};

use crate::error::{sql, Result};
use crate::merge::MergeConfig;
use crate::schema::WAL_AUTOCHECKPOINT_PAGES;
use crate::store::{ErrorRecord, RunCounts};
use crate::write::{effective_hash, PreparedDocument, WriteTimes};
use crate::{ids, Store};

/// Default documents per transaction. Each commit rewrites the B-tree pages
/// its rows landed on (ids are hashes, so rows spread over the file): a
/// larger transaction shares those page writes among more documents.
pub const DEFAULT_BATCH_SIZE: usize = 1000;

/// SQLite page cache of the writer during an ingest, in KiB (128 MiB).
const INGEST_CACHE_KIB: i64 = 131_072;

/// Documents coded per parallel chunk (and passed to the writer at once):
/// small, so the workers and the writer overlap and memory stays bounded.
pub const CODE_CHUNK: usize = 200;

/// Ingest settings.
#[derive(Debug, Clone)]
pub struct IngestOptions {
    /// Documents per transaction. Coding goes in chunks of at most
    /// [`CODE_CHUNK`] documents; the writer keeps its transaction open
    /// across chunks until it holds `batch_size` documents.
    pub batch_size: usize,
    /// Coding threads (`None`: one per core).
    pub threads: Option<usize>,
}

impl Default for IngestOptions {
    fn default() -> Self {
        IngestOptions {
            batch_size: DEFAULT_BATCH_SIZE,
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
    /// The writer's time by phase.
    pub write_phases: WriteTimes,
    /// CPU time (user + system) of the writer thread, when the platform
    /// reports it (Linux).
    pub write_cpu: Option<Duration>,
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

/// A coding result with its rows prepared for the writer.
type Prepared = std::result::Result<PreparedDocument, ErrorRecord>;

/// Prepares the rows of a coded document (on a worker thread).
fn prepare(coded: Coded, cfg: &MergeConfig) -> Prepared {
    let coded = coded?;
    PreparedDocument::new(&coded, cfg).map_err(|e| {
        let doc = &coded.analyzed.doc;
        ErrorRecord {
            input: doc.id.clone(),
            doc_id: Some(doc.id.clone()),
            content_hash: Some(effective_hash(doc)),
            stage: "store".into(),
            message: e.to_string(),
        }
    })
}

/// CPU time (user + system) of the calling thread, from
/// `/proc/thread-self/stat` (Linux; `None` elsewhere).
fn thread_cpu_time() -> Option<Duration> {
    let stat = std::fs::read_to_string("/proc/thread-self/stat").ok()?;
    // Fields after the command name (which may hold spaces) start at the
    // state, field 3; utime and stime are fields 14 and 15, in clock ticks
    // (100 per second on Linux).
    let rest = stat.get(stat.rfind(')')? + 1..)?;
    let fields: Vec<&str> = rest.split_whitespace().collect();
    let utime: u64 = fields.get(11)?.parse().ok()?;
    let stime: u64 = fields.get(12)?.parse().ok()?;
    Some(Duration::from_millis((utime + stime) * 10))
}

#[derive(Default)]
struct Shared {
    stored: AtomicU64,
    events: AtomicU64,
    errors: AtomicU64,
    write_micros: AtomicU64,
}

/// What the writer thread reports when it ends.
#[derive(Default)]
struct WriterReport {
    phases: WriteTimes,
    cpu: Option<Duration>,
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
    let chunk_size = batch_size.min(CODE_CHUNK);
    let reader = Connection::open_with_flags(
        store.path(),
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .map_err(sql("opening a reader connection"))?;
    let shared = Shared::default();
    let mut stats = IngestStats::default();
    // Finish merge work an interrupted run left behind.
    store.flush_merges()?;
    // One transaction of `batch_size` documents dirties ~16 pages per
    // document (text and mentions, events, index entries); a page cache
    // that holds them all spares SQLite spilling pages to the WAL before
    // the commit and reading them back.
    store
        .conn
        .pragma_update(None, "cache_size", -INGEST_CACHE_KIB)
        .map_err(sql("setting the page cache size"))?;

    let merge_cfg = store.merge_config().clone();
    // Checkpoints (copying committed WAL pages into the database and
    // syncing both files) run on their own thread, so the writer never
    // waits for the disk; the store's automatic checkpoints resume after.
    store
        .conn
        .pragma_update(None, "wal_autocheckpoint", 0)
        .map_err(sql("pausing automatic checkpoints"))?;
    let db_path = store.path().to_path_buf();
    let writer_store: &mut Store = &mut *store;
    let report = std::thread::scope(|scope| -> Result<WriterReport> {
        let (tx, rx) = sync_channel::<Vec<Prepared>>(2);
        let (checkpoint_tx, checkpoint_rx) = sync_channel::<()>(1);
        let db_path = &db_path;
        std::thread::Builder::new()
            .name("dyad-checkpoint".into())
            .spawn_scoped(scope, move || checkpoint_loop(db_path, checkpoint_rx))
            .map_err(|e| {
                crate::StoreError::Internal(format!("cannot start the checkpoint thread: {e}"))
            })?;
        let shared_ref = &shared;
        let writer = std::thread::Builder::new()
            .name("dyad-writer".into())
            .spawn_scoped(scope, move || -> Result<WriterReport> {
                let cpu_start = thread_cpu_time();
                let result = write_chunks(
                    writer_store,
                    rx,
                    batch_size,
                    run_id,
                    shared_ref,
                    &checkpoint_tx,
                );
                if result.is_err() {
                    // Nothing of the batch in flight may stay.
                    let _ = writer_store.bulk_rollback();
                }
                let mut phases = result?;
                // Merge once, at the end: each merge island is re-clustered
                // once per run instead of once per batch.
                let writing = Instant::now();
                writer_store.flush_merges()?;
                drop(checkpoint_tx); // the checkpointer does a last pass and ends
                let merging = writing.elapsed();
                phases.merge_flush += merging;
                shared_ref.add_write_time(merging);
                let cpu = match (cpu_start, thread_cpu_time()) {
                    (Some(a), Some(b)) => Some(b.saturating_sub(a)),
                    _ => None,
                };
                Ok(WriterReport { phases, cpu })
            })
            .map_err(|e| {
                crate::StoreError::Internal(format!("cannot start the database writer: {e}"))
            })?;

        let mut seen_hashes: HashSet<String> = HashSet::new();
        let mut pending: Vec<(T, ItemId)> = Vec::with_capacity(chunk_size);
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
            let full = pending.len() >= chunk_size || read_errors.len() >= chunk_size;
            if full || (exhausted && (!pending.is_empty() || !read_errors.is_empty())) {
                let docs = std::mem::take(&mut pending);
                let mut coded: Vec<Prepared> = pool.install(|| {
                    docs.into_par_iter()
                        .map(|(item, id)| prepare(code_one(&code, item, id), &merge_cfg))
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
    });

    store
        .conn
        .pragma_update(None, "wal_autocheckpoint", WAL_AUTOCHECKPOINT_PAGES)
        .map_err(sql("resuming automatic checkpoints"))?;
    let report = report?;
    stats.stored = shared.stored.load(Ordering::Relaxed);
    stats.events = shared.events.load(Ordering::Relaxed);
    stats.errors = shared.errors.load(Ordering::Relaxed);
    stats.elapsed = started.elapsed();
    stats.write_time = Duration::from_micros(shared.write_micros.load(Ordering::Relaxed));
    stats.write_phases = report.phases;
    stats.write_cpu = report.cpu;
    progress(&stats);
    Ok(stats)
}

impl Shared {
    fn add_write_time(&self, time: Duration) {
        self.write_micros.fetch_add(
            u64::try_from(time.as_micros()).unwrap_or(u64::MAX),
            Ordering::Relaxed,
        );
    }
}

/// The writer's loop: inserts each prepared chunk as it arrives into one
/// open transaction and commits when it holds `batch_size` documents (and
/// at the end). Returns where its time went.
fn write_chunks(
    store: &mut Store,
    chunks: Receiver<Vec<Prepared>>,
    batch_size: usize,
    run_id: Option<i64>,
    shared: &Shared,
    checkpoint: &SyncSender<()>,
) -> Result<WriteTimes> {
    let mut phases = WriteTimes::default();
    let mut errors_in_batch = 0u64;
    let mut commit = |store: &mut Store, errors: &mut u64| -> Result<()> {
        let writing = Instant::now();
        let (outcome, times) = store.bulk_commit()?;
        // Full: a checkpoint is already due, which will cover this commit.
        let _ = checkpoint.try_send(());
        shared.add_write_time(writing.elapsed());
        phases.add(&times);
        shared
            .stored
            .fetch_add(outcome.stored as u64, Ordering::Relaxed);
        shared
            .events
            .fetch_add(outcome.events as u64, Ordering::Relaxed);
        shared
            .errors
            .fetch_add(std::mem::take(errors), Ordering::Relaxed);
        Ok(())
    };
    for chunk in chunks {
        let writing = Instant::now();
        let mut docs = Vec::with_capacity(chunk.len());
        let mut failures = Vec::new();
        for item in chunk {
            match item {
                Ok(doc) => docs.push(doc),
                Err(e) => failures.push(e),
            }
        }
        store.bulk_insert(&docs)?;
        for failure in &failures {
            store.bulk_record_error(failure, run_id)?;
        }
        errors_in_batch += failures.len() as u64;
        // Dropping the rows is the writer's work too.
        drop(docs);
        shared.add_write_time(writing.elapsed());
        if store.bulk_documents() + errors_in_batch as usize >= batch_size {
            commit(store, &mut errors_in_batch)?;
        }
    }
    commit(store, &mut errors_in_batch)?;
    Ok(phases)
}

/// The checkpoint thread: a passive checkpoint (it never blocks the
/// writer) each time the writer signals a commit, and a last one when the
/// writer is done. Best effort: a checkpoint that fails leaves its pages in
/// the WAL, where the next automatic checkpoint takes them.
fn checkpoint_loop(path: &std::path::Path, commits: Receiver<()>) {
    let Ok(conn) = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    ) else {
        return;
    };
    let _ = conn.busy_timeout(Duration::from_secs(60));
    let _ = conn.pragma_update(None, "synchronous", "NORMAL");
    let checkpoint = || {
        let _ = conn.query_row("PRAGMA wal_checkpoint(PASSIVE)", [], |_| Ok(()));
    };
    for () in commits {
        checkpoint();
    }
    checkpoint();
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
        let chunk: Vec<Document> = docs
            .by_ref()
            .take(options.batch_size.clamp(1, CODE_CHUNK))
            .collect();
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
