//! `dyad._dyad._Coder`: an [`Engine`] and batch coding on rayon threads.

use std::collections::HashMap;
use std::io::Cursor;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use chrono::NaiveDate;
use dyad_coder::{Engine, EngineConfig, GazetteerChoice};
use dyad_core::CodedDocument;
use dyad_text::read::JsonlReader;
use dyad_text::{RawDocument, ReadOptions};
use pyo3::prelude::*;
use pyo3::pybacked::{PyBackedBytes, PyBackedStr};
use pyo3::types::{PyBytes, PyList};
use rayon::prelude::*;

use crate::error::BindingError;
use crate::pyser::Keys;
use crate::rows;

/// One input document as Python passes it.
#[derive(FromPyObject)]
pub enum Input {
    /// Plain text (`str`): cleaned and coded like a `.txt` file.
    Text(PyBackedStr),
    /// One JSONL record (`bytes`: a line of a `.jsonl` file, or a dict
    /// the Python side encoded): read exactly as `dyad code file.jsonl`
    /// reads it, content hash included.
    Record(PyBackedBytes),
}

/// Why a document has no events: the error row's content.
#[derive(Debug, Clone)]
pub struct Failure {
    /// "read" or "code".
    pub stage: &'static str,
    /// The reason.
    pub message: String,
    /// The document id, when it was read.
    pub doc_id: Option<String>,
}

/// A document's coding result.
pub type Outcome = Result<CodedDocument, Failure>;

/// The coder: knowledge loaded once, shared by every call and thread.
#[pyclass(module = "dyad._dyad", name = "_Coder", frozen)]
pub struct Coder {
    pub(crate) engine: Arc<Engine>,
    /// Thread pools by size, built on first use (`threads=N`).
    pools: Mutex<HashMap<usize, Arc<rayon::ThreadPool>>>,
}

/// Parses a `YYYY-MM-DD` date argument.
pub fn parse_date(date: Option<&str>) -> Result<Option<NaiveDate>, BindingError> {
    date.map(|d| {
        NaiveDate::parse_from_str(d.trim(), "%Y-%m-%d")
            .map_err(|_| BindingError::Argument(format!("date {d:?} is not YYYY-MM-DD")))
    })
    .transpose()
}

fn read_record(bytes: &[u8], index: usize, opts: &ReadOptions) -> Result<RawDocument, String> {
    let mut reader = JsonlReader::new(
        PathBuf::from(format!("record {index}")),
        Box::new(Cursor::new(bytes.to_vec())),
    );
    let first = reader.next_record(opts);
    if reader.next_record(opts).is_some() {
        return Err(format!("record {index}: holds more than one JSON line"));
    }
    match first {
        Some(record) => record.map_err(|e| e.to_string()),
        None => Err(format!("record {index}: empty")),
    }
}

fn panic_message(panic: Box<dyn std::any::Any + Send>) -> String {
    panic
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| panic.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "unknown panic".into())
}

/// Reads one input (the `index`-th of its call) as the CLI reads a file.
pub fn read_raw(input: &Input, index: usize, opts: &ReadOptions) -> Result<RawDocument, String> {
    match input {
        Input::Text(text) => Ok(RawDocument::from_text(text.to_string())),
        Input::Record(bytes) => read_record(bytes, index, opts),
    }
}

impl Coder {
    /// Codes one input; never panics.
    pub fn code_one(&self, input: &Input, index: usize, opts: &ReadOptions) -> Outcome {
        let raw = read_raw(input, index, opts).map_err(|message| Failure {
            stage: "read",
            message,
            doc_id: None,
        })?;
        let doc_id = raw.id.clone();
        catch_unwind(AssertUnwindSafe(|| {
            self.engine
                .code_document(dyad_text::build_document(raw, opts))
        }))
        .map_err(|panic| Failure {
            stage: "code",
            message: format!("the coder panicked: {}", panic_message(panic)),
            doc_id,
        })
    }

    /// Runs `work` over every input on `threads` threads (`None`: one per
    /// core; 1: on the calling thread), keeping input order.
    pub fn map_inputs<T, F>(
        &self,
        inputs: &[Input],
        threads: Option<usize>,
        work: F,
    ) -> Result<Vec<T>, BindingError>
    where
        T: Send,
        F: Fn(usize, &Input) -> T + Sync + Send,
    {
        let run = || -> Vec<T> {
            inputs
                .par_iter()
                .enumerate()
                .map(|(i, input)| work(i, input))
                .collect()
        };
        Ok(match threads {
            Some(0) => return Err(BindingError::Argument("threads must be at least 1".into())),
            Some(1) => inputs
                .iter()
                .enumerate()
                .map(|(i, input)| work(i, input))
                .collect(),
            Some(n) => self.pool(n)?.install(run),
            None => run(),
        })
    }

    fn pool(&self, n: usize) -> Result<Arc<rayon::ThreadPool>, BindingError> {
        let mut pools = self
            .pools
            .lock()
            .map_err(|_| BindingError::Argument("thread pool cache poisoned".into()))?;
        if let Some(pool) = pools.get(&n) {
            return Ok(pool.clone());
        }
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(n)
            .thread_name(|i| format!("dyad-coder-{i}"))
            .build()
            .map_err(|e| BindingError::Threads(n, e.to_string()))?;
        let pool = Arc::new(pool);
        pools.insert(n, pool.clone());
        Ok(pool)
    }
}

/// The error row of `code()`: an object with `error`.
fn error_value(index: usize, f: &Failure) -> serde_json::Value {
    serde_json::json!({
        "error": f.message,
        "stage": f.stage,
        "input": index,
        "doc_id": f.doc_id,
    })
}

#[pymethods]
impl Coder {
    /// Loads knowledge: the built-in lexicon and patterns, `lexicon_dirs`,
    /// and the gazetteer at `gazetteer` (else the default search), or none
    /// when `places` is false.
    #[new]
    #[pyo3(signature = (lexicon_dirs, gazetteer, places))]
    fn new(
        py: Python<'_>,
        lexicon_dirs: Vec<PathBuf>,
        gazetteer: Option<PathBuf>,
        places: bool,
    ) -> PyResult<Coder> {
        let gazetteer = match (places, gazetteer) {
            (false, _) => GazetteerChoice::None,
            (true, Some(path)) => GazetteerChoice::Path(path),
            (true, None) => GazetteerChoice::Default,
        };
        let engine = py
            .allow_threads(|| {
                Engine::new(EngineConfig {
                    lexicon_dirs,
                    gazetteer,
                    ..Default::default()
                })
            })
            .map_err(BindingError::from)?;
        Ok(Coder {
            engine: Arc::new(engine),
            pools: Mutex::new(HashMap::new()),
        })
    }

    /// Non-fatal problems met while loading (e.g. no gazetteer).
    #[getter]
    fn warnings(&self) -> Vec<String> {
        self.engine.warnings().to_vec()
    }

    /// Codes `inputs`; returns a list of the events as dicts, each equal
    /// to `json.loads` of the line `dyad code --format jsonl` prints for it
    /// (built from the same serde impl, see `pyser`), in input order, with
    /// an error dict (`{"error": ..., "stage": ..., "input": i, "doc_id":
    /// ...}`) in place of the events of a document that failed.
    #[pyo3(signature = (inputs, date=None, threads=None, all_factuality=false))]
    fn code_objects<'py>(
        &self,
        py: Python<'py>,
        inputs: Vec<Input>,
        date: Option<&str>,
        threads: Option<usize>,
        all_factuality: bool,
    ) -> PyResult<Bound<'py, PyList>> {
        let opts = ReadOptions {
            date: parse_date(date)?,
            ..ReadOptions::default()
        };
        // Only the events are kept from each coded document (tokens and
        // mentions are dropped on the worker), so memory follows the output.
        let outcomes = py.allow_threads(|| {
            self.map_inputs(&inputs, threads, |i, input| {
                self.code_one(input, i, &opts).map(|coded| {
                    coded
                        .events
                        .into_iter()
                        .filter(|e| all_factuality || dyad_coder::shown_by_default(e))
                        .collect::<Vec<_>>()
                })
            })
        })?;
        let keys = Keys::new(py);
        let list = PyList::empty(py);
        let convert = |e: crate::pyser::SerError| BindingError::Argument(e.to_string());
        for (i, outcome) in outcomes.iter().enumerate() {
            match outcome {
                Ok(events) => {
                    for ev in events {
                        list.append(keys.to_py(ev).map_err(convert)?)?;
                    }
                }
                Err(f) => list.append(keys.to_py(&error_value(i, f)).map_err(convert)?)?,
            }
        }
        Ok(list)
    }

    /// Codes `inputs`; returns NDJSON rows (bytes) for `pyarrow.json`: one
    /// per event, in input order, with the columns of `dyad/_schema.py`;
    /// an error row (`error`, `error_stage`) for a document that failed;
    /// with `documents`, the portable document on each document's first
    /// row and a row for a document without events (for `dyad ingest
    /// --events`).
    #[pyo3(signature = (inputs, date=None, threads=None, all_factuality=false, documents=false))]
    fn code_rows<'py>(
        &self,
        py: Python<'py>,
        inputs: Vec<Input>,
        date: Option<&str>,
        threads: Option<usize>,
        all_factuality: bool,
        documents: bool,
    ) -> PyResult<Bound<'py, PyBytes>> {
        let opts = ReadOptions {
            date: parse_date(date)?,
            ..ReadOptions::default()
        };
        let parts = py.allow_threads(|| {
            self.map_inputs(&inputs, threads, |i, input| {
                let outcome = self.code_one(input, i, &opts);
                rows::outcome_rows(i, &outcome, all_factuality || documents, documents)
            })
        })?;
        let parts = parts.into_iter().collect::<Result<Vec<Vec<u8>>, _>>()?;
        // One copy, into the Python object (rows are large: documents).
        let total = parts.iter().map(Vec::len).sum();
        let bytes = PyBytes::new_with(py, total, |buf| {
            let mut at = 0;
            for part in &parts {
                buf[at..at + part.len()].copy_from_slice(part);
                at += part.len();
            }
            Ok(())
        })?;
        Ok(bytes)
    }
}
