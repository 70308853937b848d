//! # dyad-python: the `dyad._dyad` extension module
//!
//! The Rust half of the `dyad` Python package (the Python half, in
//! `python/dyad/`, gives the documented API: `dyad.Coder`, `dyad.Store`).
//! An outer crate that only wires existing APIs to Python:
//!
//! * [`coder::Coder`] holds a [`dyad_coder::Engine`] (knowledge loaded once)
//!   and codes batches of texts or JSONL records on rayon threads with the
//!   GIL released. Events leave as the records `dyad code --format jsonl`
//!   prints (serde of [`dyad_core::Event`], the impl the CLI uses, turned
//!   into Python dicts by [`pyser`] rather than JSON text), or
//!   as NDJSON rows ([`rows`]) that `pyarrow.json` reads into a table with
//!   the schema in `dyad/_schema.py`: the export columns of
//!   [`dyad_store::EventRow`] (built by [`dyad_store::coded::event_rows`],
//!   shared with the store) plus nested actors.
//! * [`store::Store`] opens a dyad database: ingest with a coder, import of
//!   rows coded elsewhere, event queries and timelines.
//!
//! Not here: any coding, storing or export logic of its own, and no Arrow
//! dependency (see `rows` for why NDJSON). A document that cannot be read
//! or coded becomes an error row, never an exception that loses the batch.

mod coder;
mod error;
mod pyser;
mod rows;
mod store;

use pyo3::prelude::*;

// The allocator of the `dyad` binary, for the same coding speed.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// The extension module.
#[pymodule]
fn _dyad(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<coder::Coder>()?;
    m.add_class::<store::Store>()?;
    m.add("DyadError", m.py().get_type::<error::DyadError>())?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
