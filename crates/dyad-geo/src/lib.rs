//! # dyad-geo: gazetteer and toponym resolution
//!
//! A compact GeoNames-derived gazetteer, toponym recognition in analysed
//! documents and resolution to gazetteer entries.
//!
//! Not here: event coding; the coder attaches places to events.
