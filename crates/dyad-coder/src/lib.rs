//! # dyad-coder: events from sentences
//!
//! Clause analysis, event patterns, PLOVER/CAMEO coding, factuality,
//! attribution, quantities and event dates.
//!
//! Not here: I/O of any kind. The coder is pure: analysed documents and
//! mentions in, events out.

pub mod dates;
pub mod quantities;
