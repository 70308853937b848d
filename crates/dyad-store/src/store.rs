//! [`Store`]: one SQLite file holding documents, events and merged events.

use std::path::{Path, PathBuf};
use std::time::Instant;

use dyad_core::{CodedDocument, DateOrigin, Document, PubDate};
use rusqlite::{params, Connection, OptionalExtension};
use serde::{Deserialize, Serialize};

use crate::error::{json, sql, Result};
use crate::merge::{self, MergeConfig, Touched};
use crate::schema;
use crate::text::{parse_date, parse_enum};
use crate::write::{self, PreparedDocument, WriteTimes};

/// How to open a store.
#[derive(Debug, Clone)]
pub struct OpenOptions {
    /// Create the file when it does not exist.
    pub create: bool,
    /// Merge rules (default: the built-in `data/merge.toml`).
    pub merge: Option<MergeConfig>,
    /// Cap on the database size in pages (`PRAGMA max_page_count`); writes
    /// past it fail like a full disk. For tests of the disk-full path.
    pub max_page_count: Option<u64>,
}

impl Default for OpenOptions {
    fn default() -> Self {
        OpenOptions {
            create: true,
            merge: None,
            max_page_count: None,
        }
    }
}

/// The event database.
pub struct Store {
    pub(crate) conn: Connection,
    path: PathBuf,
    merge: MergeConfig,
    migrated_from: i64,
    /// The open bulk transaction, if any (see [`Store::bulk_begin`]).
    bulk: Option<Bulk>,
}

/// What writing a batch did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct BatchOutcome {
    /// Documents newly stored.
    pub stored: usize,
    /// Documents skipped because their content hash was already stored.
    pub skipped: usize,
    /// Events stored.
    pub events: usize,
}

/// A per-document problem recorded during an ingest.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ErrorRecord {
    /// The input (file name, `file:line`, URL) the problem came from.
    pub input: String,
    /// Document id, when the document was read.
    pub doc_id: Option<String>,
    /// Content hash, when the document was read.
    pub content_hash: Option<String>,
    /// Stage that failed ("read", "code").
    pub stage: String,
    /// What went wrong.
    pub message: String,
}

/// Counts kept for a run in the `runs` table.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RunCounts {
    /// Documents read.
    pub seen: u64,
    /// Documents newly stored.
    pub stored: u64,
    /// Documents already present.
    pub skipped: u64,
    /// Events stored.
    pub events: u64,
    /// Per-document errors.
    pub errors: u64,
}

impl Store {
    /// Opens (creating if needed) the database at `path`.
    pub fn open(path: impl AsRef<Path>) -> Result<Store> {
        Self::open_with(path, OpenOptions::default())
    }

    /// Opens an existing database; a missing file is an error.
    pub fn open_existing(path: impl AsRef<Path>) -> Result<Store> {
        Self::open_with(
            path,
            OpenOptions {
                create: false,
                ..OpenOptions::default()
            },
        )
    }

    /// Opens with explicit options.
    pub fn open_with(path: impl AsRef<Path>, options: OpenOptions) -> Result<Store> {
        let path = path.as_ref().to_path_buf();
        let (conn, opened) = schema::open_checked(&path, options.create)?;
        if let Some(pages) = options.max_page_count {
            conn.pragma_update(
                None,
                "max_page_count",
                i64::try_from(pages).unwrap_or(i64::MAX),
            )
            .map_err(sql("setting max_page_count"))?;
        }
        let merge = match options.merge {
            Some(m) => m,
            None => MergeConfig::builtin()?,
        };
        let mut store = Store {
            conn,
            path,
            merge,
            migrated_from: opened.from_version,
            bulk: None,
        };
        // Version 2 added merged events: merge the events an older file holds.
        if (1..2).contains(&opened.from_version) {
            store.rebuild_merges()?;
        }
        Ok(store)
    }

    /// The database file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Schema version the file had when opened (0: new file).
    pub fn migrated_from(&self) -> i64 {
        self.migrated_from
    }

    /// The merge rules in use.
    pub fn merge_config(&self) -> &MergeConfig {
        &self.merge
    }

    /// The underlying connection, for read-only use by callers that need SQL
    /// the query API does not offer.
    pub fn connection(&self) -> &Connection {
        &self.conn
    }

    /// True when a document with this content hash is stored.
    pub fn has_document(&self, content_hash: &str) -> Result<bool> {
        self.conn
            .prepare_cached("SELECT 1 FROM documents WHERE doc_id = ?1")
            .and_then(|mut s| {
                s.query_row([crate::ids::doc_id(content_hash)], |_| Ok(()))
                    .optional()
            })
            .map(|r| r.is_some())
            .map_err(sql("looking up a document"))
    }

    /// Stores a batch of coded documents in ONE transaction, with the merge
    /// updates they cause; documents already stored are skipped. On any
    /// error (a full disk included) nothing of the batch is stored.
    pub fn write_batch(&mut self, docs: &[CodedDocument]) -> Result<BatchOutcome> {
        self.write(docs, false)
    }

    /// Like [`Store::write_batch`], but the merge work is only recorded (in
    /// `merge_pending`, in the same transaction) and done later by
    /// [`Store::flush_merges`]. An ingest defers merging to its end, so a
    /// long run re-clusters each merge island once, not once per batch.
    pub fn write_batch_deferred(&mut self, docs: &[CodedDocument]) -> Result<BatchOutcome> {
        self.write(docs, true)
    }

    fn write(&mut self, docs: &[CodedDocument], defer: bool) -> Result<BatchOutcome> {
        let prepared = docs
            .iter()
            .map(|d| PreparedDocument::new(d, &self.merge))
            .collect::<Result<Vec<_>>>()?;
        let context = format!("storing a batch of {} documents", docs.len());
        let tx = self.conn.transaction().map_err(sql(context.clone()))?;
        let mut outcome = BatchOutcome::default();
        let mut touched = Touched::new();
        let mut times = WriteTimes::default();
        for doc in &prepared {
            let written = write::insert_document(&tx, doc, &mut touched, &mut times)?;
            if written.stored {
                outcome.stored += 1;
                outcome.events += written.events;
            } else {
                outcome.skipped += 1;
            }
        }
        if defer {
            merge::record_pending(&tx, &touched)?;
        } else {
            merge::refresh(&tx, &touched, &self.merge)?;
        }
        tx.commit().map_err(sql(context))?;
        Ok(outcome)
    }

    /// Opens one write transaction for [`Store::bulk_insert`] calls, with
    /// merging deferred (see [`Store::write_batch_deferred`]). Nothing is
    /// stored until [`Store::bulk_commit`]; [`Store::bulk_rollback`] (or
    /// closing the store) discards it. An ingest keeps one transaction open
    /// across several coded chunks, so each commit writes the hot B-tree
    /// pages once for many documents.
    pub fn bulk_begin(&mut self) -> Result<()> {
        if self.bulk.is_none() {
            self.conn
                .execute_batch("BEGIN")
                .map_err(sql("starting a write transaction"))?;
            self.bulk = Some(Bulk::default());
        }
        Ok(())
    }

    /// Inserts documents not stored yet into the open bulk transaction
    /// (opening one if needed).
    pub fn bulk_insert(&mut self, docs: &[PreparedDocument]) -> Result<()> {
        self.bulk_begin()?;
        let Some(bulk) = self.bulk.as_mut() else {
            return Ok(());
        };
        for doc in docs {
            let written =
                write::insert_document(&self.conn, doc, &mut bulk.touched, &mut bulk.times)?;
            if written.stored {
                bulk.outcome.stored += 1;
                bulk.outcome.events += written.events;
            } else {
                bulk.outcome.skipped += 1;
            }
        }
        Ok(())
    }

    /// Records a per-document error in the open bulk transaction (opening
    /// one if needed).
    pub fn bulk_record_error(&mut self, error: &ErrorRecord, run_id: Option<i64>) -> Result<()> {
        self.bulk_begin()?;
        record_error(&self.conn, error, run_id)
    }

    /// Documents inserted or skipped in the open bulk transaction.
    pub fn bulk_documents(&self) -> usize {
        self.bulk
            .as_ref()
            .map_or(0, |b| b.outcome.stored + b.outcome.skipped)
    }

    /// Records the merge work of the open bulk transaction and commits it;
    /// returns what it stored and where the writer's time went.
    pub fn bulk_commit(&mut self) -> Result<(BatchOutcome, WriteTimes)> {
        let Some(mut bulk) = self.bulk.take() else {
            return Ok(Default::default());
        };
        let context = format!(
            "storing a batch of {} documents",
            bulk.outcome.stored + bulk.outcome.skipped
        );
        let started = Instant::now();
        let mut committing = started;
        let result = merge::record_pending(&self.conn, &bulk.touched).and_then(|()| {
            committing = Instant::now();
            self.conn.execute_batch("COMMIT").map_err(sql(context))
        });
        if result.is_err() {
            // Nothing of the batch may stay: roll back (a failed COMMIT can
            // leave the transaction open).
            let _ = self.conn.execute_batch("ROLLBACK");
        }
        result?;
        bulk.times.merge_record += committing - started;
        bulk.times.commit += committing.elapsed();
        Ok((bulk.outcome, bulk.times))
    }

    /// Discards the open bulk transaction, if any.
    pub fn bulk_rollback(&mut self) -> Result<()> {
        if self.bulk.take().is_some() {
            self.conn
                .execute_batch("ROLLBACK")
                .map_err(sql("rolling back a write transaction"))?;
        }
        Ok(())
    }

    /// Does all recorded merge work (see [`Store::write_batch_deferred`]),
    /// a few hundred blocks per transaction; returns the blocks re-merged.
    /// Safe to interrupt: unfinished work stays recorded.
    pub fn flush_merges(&mut self) -> Result<usize> {
        merge::flush_pending(&mut self.conn, &self.merge)
    }

    /// Blocks with merge work recorded but not done.
    pub fn pending_merges(&self) -> Result<u64> {
        self.count("SELECT COUNT(DISTINCT block_key) FROM merge_pending")
    }

    /// Replaces the analysis and events of already stored documents (after
    /// re-coding), re-merging every block they leave or join, in ONE
    /// transaction. Documents not stored are ignored.
    pub fn replace_coded(&mut self, docs: &[CodedDocument]) -> Result<BatchOutcome> {
        let context = format!("replacing the events of {} documents", docs.len());
        let tx = self.conn.transaction().map_err(sql(context.clone()))?;
        let mut outcome = BatchOutcome::default();
        let mut touched = Touched::new();
        for coded in docs {
            let hash = write::effective_hash(&coded.analyzed.doc);
            let doc_id = crate::ids::doc_id(&hash);
            let exists: Option<i64> = tx
                .query_row("SELECT 1 FROM documents WHERE doc_id = ?1", [doc_id], |r| {
                    r.get(0)
                })
                .optional()
                .map_err(sql("looking up a recoded document"))?;
            if exists.is_none() {
                outcome.skipped += 1;
                continue;
            }
            write::delete_analysis(&tx, doc_id, &mut touched)?;
            let prepared = PreparedDocument::new(coded, &self.merge)?;
            outcome.events +=
                write::insert_analysis(&tx, &prepared, &mut touched, &mut WriteTimes::default())?;
            outcome.stored += 1;
        }
        merge::refresh(&tx, &touched, &self.merge)?;
        tx.commit().map_err(sql(context))?;
        Ok(outcome)
    }

    /// Recomputes every event's merge block and every merged event (after
    /// a migration or a change of merge rules).
    pub fn rebuild_merges(&mut self) -> Result<()> {
        let tx = self.conn.transaction().map_err(sql("rebuilding merges"))?;
        merge::rebuild_all(&tx, &self.merge)?;
        tx.commit().map_err(sql("rebuilding merges"))
    }

    /// Records a per-document error (once per input and message).
    pub fn record_error(&self, error: &ErrorRecord, run_id: Option<i64>) -> Result<()> {
        record_error(&self.conn, error, run_id)
    }

    /// Recorded per-document errors, in input order.
    pub fn errors(&self) -> Result<Vec<ErrorRecord>> {
        let mut stmt = self
            .conn
            .prepare("SELECT input, doc_id, content_hash, stage, message FROM errors ORDER BY input, message")
            .map_err(sql("listing errors"))?;
        let rows = stmt
            .query_map([], |r| {
                Ok(ErrorRecord {
                    input: r.get(0)?,
                    doc_id: r.get(1)?,
                    content_hash: r.get(2)?,
                    stage: r.get(3)?,
                    message: r.get(4)?,
                })
            })
            .map_err(sql("listing errors"))?;
        rows.collect::<rusqlite::Result<_>>()
            .map_err(sql("listing errors"))
    }

    /// Starts a run record; returns its id.
    pub fn begin_run(
        &self,
        kind: &str,
        lexicon_version: Option<&str>,
        gazetteer_version: Option<&str>,
    ) -> Result<i64> {
        self.conn
            .execute(
                "INSERT INTO runs (kind, started_at, status, dyad_version, lexicon_version,
                    gazetteer_version) VALUES (?1, ?2, 'running', ?3, ?4, ?5)",
                params![
                    kind,
                    chrono::Utc::now().to_rfc3339(),
                    env!("CARGO_PKG_VERSION"),
                    lexicon_version,
                    gazetteer_version
                ],
            )
            .map_err(sql("starting a run record"))?;
        Ok(self.conn.last_insert_rowid())
    }

    /// Closes a run record with its counts and final status.
    pub fn finish_run(&self, run_id: i64, counts: &RunCounts, status: &str) -> Result<()> {
        self.conn
            .execute(
                "UPDATE runs SET finished_at = ?2, status = ?3, docs_seen = ?4, docs_stored = ?5,
                    docs_skipped = ?6, events = ?7, errors = ?8 WHERE run_id = ?1",
                params![
                    run_id,
                    chrono::Utc::now().to_rfc3339(),
                    status,
                    counts.seen as i64,
                    counts.stored as i64,
                    counts.skipped as i64,
                    counts.events as i64,
                    counts.errors as i64
                ],
            )
            .map(|_| ())
            .map_err(sql("closing a run record"))
    }

    /// Number of stored documents.
    pub fn document_count(&self) -> Result<u64> {
        self.count("SELECT COUNT(*) FROM documents")
    }

    /// Number of stored events.
    pub fn event_count(&self) -> Result<u64> {
        self.count("SELECT COUNT(*) FROM events")
    }

    /// Number of merged events.
    pub fn merged_count(&self) -> Result<u64> {
        self.count("SELECT COUNT(*) FROM merged_events")
    }

    fn count(&self, query: &str) -> Result<u64> {
        self.conn
            .query_row(query, [], |r| r.get::<_, i64>(0))
            .map(|n| n.max(0) as u64)
            .map_err(sql("counting rows"))
    }

    /// The stored documents rebuilt as [`Document`]s (cleaned text, zones and
    /// metadata), ordered by row id: the input of `dyad recode`.
    pub fn stored_documents(&self) -> Result<Vec<Document>> {
        let mut stmt = self
            .conn
            .prepare(
                "SELECT content_hash, id, source, url, title, author, agency, dateline, language,
                    pub_date, pub_date_origin, pub_date_confidence, pub_date_note, text, zones,
                    warnings
                 FROM documents ORDER BY doc_id",
            )
            .map_err(sql("reading stored documents"))?;
        let rows = stmt
            .query_map([], |r| {
                let date: Option<String> = r.get(9)?;
                let origin: Option<String> = r.get(10)?;
                let confidence: Option<f64> = r.get(11)?;
                let note: Option<String> = r.get(12)?;
                let pub_date = date.as_deref().and_then(parse_date).map(|date| PubDate {
                    date,
                    origin: origin
                        .as_deref()
                        .and_then(parse_enum::<DateOrigin>)
                        .unwrap_or(DateOrigin::Record),
                    confidence: confidence.unwrap_or(1.0) as f32,
                    note: note.unwrap_or_default(),
                });
                let doc = Document {
                    content_hash: r.get(0)?,
                    id: r.get(1)?,
                    source: r.get(2)?,
                    url: r.get(3)?,
                    title: r.get(4)?,
                    author: r.get(5)?,
                    agency: r.get(6)?,
                    dateline: r.get(7)?,
                    language: r.get(8)?,
                    date: pub_date,
                    text: r.get(13)?,
                    ..Document::default()
                };
                Ok((doc, r.get::<_, String>(14)?, r.get::<_, String>(15)?))
            })
            .map_err(sql("reading stored documents"))?;
        let mut docs = Vec::new();
        for row in rows {
            let (mut doc, zones, warnings) = row.map_err(sql("reading a stored document"))?;
            doc.zones = serde_json::from_str(&zones).map_err(json("decoding stored zones"))?;
            doc.warnings =
                serde_json::from_str(&warnings).map_err(json("decoding stored warnings"))?;
            docs.push(doc);
        }
        Ok(docs)
    }
}

/// The state of an open bulk transaction.
#[derive(Default)]
struct Bulk {
    touched: Touched,
    outcome: BatchOutcome,
    times: WriteTimes,
}

fn record_error(conn: &Connection, error: &ErrorRecord, run_id: Option<i64>) -> Result<()> {
    conn.prepare_cached(
        "INSERT OR IGNORE INTO errors (input, message, doc_id, content_hash, stage, first_run)
         VALUES (?1,?2,?3,?4,?5,?6)",
    )
    .and_then(|mut s| {
        s.execute(params![
            error.input,
            error.message,
            error.doc_id,
            error.content_hash,
            error.stage,
            run_id
        ])
    })
    .map(|_| ())
    .map_err(sql("recording a document error"))
}

impl std::fmt::Debug for Store {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Store").field("path", &self.path).finish()
    }
}
