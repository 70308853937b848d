//! `dyad._dyad._Store`: a dyad database, through the store's own APIs.

use std::path::PathBuf;
use std::sync::Mutex;

use dyad_store::ingest::{IngestOptions, IngestStats, ItemId};
use dyad_store::query::Period;
use dyad_store::{ErrorRecord, EventFilter, IngestLock, LockWait};
use dyad_text::{RawDocument, ReadOptions};
use pyo3::prelude::*;
use pyo3::types::PyBytes;

use crate::coder::{parse_date, read_raw, Coder, Input};
use crate::error::BindingError;

/// An open database. Calls are serialised (one SQLite connection).
#[pyclass(module = "dyad._dyad", name = "_Store", frozen)]
pub struct Store {
    path: PathBuf,
    inner: Mutex<dyad_store::Store>,
}

/// An [`EventFilter`] from the JSON object Python passes; unknown keys are
/// an error rather than silently ignored.
fn filter_from_json(text: &str) -> Result<EventFilter, BindingError> {
    let given: serde_json::Map<String, serde_json::Value> = serde_json::from_str(text)?;
    let known = serde_json::to_value(EventFilter::default())?;
    for key in given.keys() {
        if known.get(key).is_none() {
            let names: Vec<&String> = known
                .as_object()
                .map(|o| o.keys().collect())
                .unwrap_or_default();
            return Err(BindingError::Argument(format!(
                "unknown event filter {key:?} (known: {names:?})"
            )));
        }
    }
    serde_json::from_value(serde_json::Value::Object(given))
        .map_err(|e| BindingError::Argument(format!("invalid event filter: {e}")))
}

impl Store {
    fn with<T>(
        &self,
        work: impl FnOnce(&mut dyad_store::Store) -> Result<T, BindingError>,
    ) -> Result<T, BindingError> {
        let mut store = self.inner.lock().map_err(|_| {
            BindingError::Argument("the store was poisoned by a failed call".into())
        })?;
        work(&mut store)
    }

    /// Runs an ingest-like pipeline under the ingest lock, recording a run.
    fn run(
        &self,
        kind: &str,
        knowledge: &str,
        pipeline: impl FnOnce(&mut dyad_store::Store, i64) -> dyad_store::Result<IngestStats>,
    ) -> Result<String, BindingError> {
        let _lock = IngestLock::acquire(&self.path, LockWait::Wait, |_| {})?;
        self.with(|store| {
            let run_id = store.begin_run(kind, Some(knowledge), None)?;
            match pipeline(store, run_id) {
                Ok(stats) => {
                    store.finish_run(run_id, &stats.counts(), "ok")?;
                    Ok(serde_json::to_string(&stats)?)
                }
                Err(e) => {
                    let _ = store.finish_run(run_id, &Default::default(), &format!("failed: {e}"));
                    Err(e.into())
                }
            }
        })
    }
}

#[pymethods]
impl Store {
    /// Opens (creating when absent) the database at `path`.
    #[new]
    fn new(py: Python<'_>, path: PathBuf) -> PyResult<Store> {
        let store = py
            .allow_threads(|| dyad_store::Store::open(&path))
            .map_err(BindingError::from)?;
        Ok(Store {
            path,
            inner: Mutex::new(store),
        })
    }

    /// The database path.
    #[getter]
    fn path(&self) -> PathBuf {
        self.path.clone()
    }

    /// Codes and stores `inputs` as `dyad ingest` does (idempotent per
    /// content hash, merged across articles); returns the run's figures as
    /// JSON. Documents that fail are recorded (see `errors_json`).
    #[pyo3(signature = (coder, inputs, date=None, threads=None, batch_size=None))]
    fn ingest(
        &self,
        py: Python<'_>,
        coder: PyRef<'_, Coder>,
        inputs: Vec<Input>,
        date: Option<&str>,
        threads: Option<usize>,
        batch_size: Option<usize>,
    ) -> PyResult<String> {
        let opts = ReadOptions {
            date: parse_date(date)?,
            ..ReadOptions::default()
        };
        let options = IngestOptions {
            threads,
            batch_size: batch_size.unwrap_or(dyad_store::ingest::DEFAULT_BATCH_SIZE),
        };
        let coder: &Coder = &coder;
        let knowledge = format!("builtin-{} (python)", env!("CARGO_PKG_VERSION"));
        let stats = py.allow_threads(|| {
            self.run("ingest", &knowledge, |store, run_id| {
                // Read on this thread (cheap), code on the workers.
                let raws = inputs.iter().enumerate().map(|(i, input)| {
                    read_raw(input, i, &opts).map_err(|message| ErrorRecord {
                        input: format!("input {i}"),
                        doc_id: None,
                        content_hash: None,
                        stage: "read".into(),
                        message,
                    })
                });
                let identify = |raw: &RawDocument| ItemId {
                    hash: raw.content_hash.clone(),
                    label: raw
                        .id
                        .clone()
                        .unwrap_or_else(|| raw.content_hash.chars().take(16).collect()),
                };
                let code = |raw: RawDocument| {
                    Ok(coder
                        .engine
                        .code_document(dyad_text::build_document(raw, &opts)))
                };
                dyad_store::ingest::ingest(
                    store,
                    raws,
                    identify,
                    code,
                    &options,
                    Some(run_id),
                    |_| {},
                )
            })
        })?;
        Ok(stats)
    }

    /// Stores documents coded elsewhere: Parquet files (or directories of
    /// them) written from `Coder.code_arrow(..., documents=True)`, as
    /// `dyad ingest --events` does. Returns the run's figures as JSON.
    #[pyo3(signature = (paths, threads=None))]
    fn import_parquet(
        &self,
        py: Python<'_>,
        paths: Vec<PathBuf>,
        threads: Option<usize>,
    ) -> PyResult<String> {
        let options = IngestOptions {
            threads,
            ..IngestOptions::default()
        };
        let stats = py.allow_threads(|| {
            self.run(
                "import",
                "coded elsewhere (python import)",
                |store, run_id| {
                    let inputs = dyad_store::import::coded_documents(&paths)?;
                    dyad_store::ingest::ingest(
                        store,
                        inputs,
                        |c: &dyad_core::CodedDocument| {
                            dyad_store::ingest::document_identity(&c.analyzed.doc)
                        },
                        Ok,
                        &options,
                        Some(run_id),
                        |_| {},
                    )
                },
            )
        })?;
        Ok(stats)
    }

    /// Events (or merged events) matching the filter (a JSON object of
    /// `EventFilter` fields) as NDJSON export rows.
    fn event_rows<'py>(&self, py: Python<'py>, filter: &str) -> PyResult<Bound<'py, PyBytes>> {
        let filter = filter_from_json(filter)?;
        let bytes = py.allow_threads(|| {
            self.with(|store| {
                let mut out = Vec::new();
                store.for_each_event(&filter, |row| {
                    serde_json::to_writer(&mut out, &row).map_err(|e| {
                        dyad_store::StoreError::Export(format!("encoding a row: {e}"))
                    })?;
                    out.push(b'\n');
                    Ok(())
                })?;
                Ok(out)
            })
        })?;
        Ok(PyBytes::new(py, &bytes))
    }

    /// The timeline of a filter (JSON object; `dyad` set by the caller) by
    /// `day`, `week` or `month`, as a JSON array of buckets.
    fn timeline(&self, py: Python<'_>, filter: &str, by: &str) -> PyResult<String> {
        let filter = filter_from_json(filter)?;
        let period: Period = by.parse().map_err(BindingError::from)?;
        let text = py.allow_threads(|| {
            self.with(|store| Ok(serde_json::to_string(&store.timeline(&filter, period)?)?))
        })?;
        Ok(text)
    }

    /// Documents that failed, as a JSON array (`dyad errors --json`).
    fn errors_json(&self, py: Python<'_>) -> PyResult<String> {
        let text =
            py.allow_threads(|| self.with(|store| Ok(serde_json::to_string(&store.errors()?)?)))?;
        Ok(text)
    }

    /// (documents, events, merged events) stored.
    fn counts(&self, py: Python<'_>) -> PyResult<(u64, u64, u64)> {
        let counts = py.allow_threads(|| {
            self.with(|store| {
                Ok((
                    store.document_count()?,
                    store.event_count()?,
                    store.merged_count()?,
                ))
            })
        })?;
        Ok(counts)
    }
}
