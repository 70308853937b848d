//! # dyad-server: HTTP API and web dashboard
//!
//! Serves the store over a JSON API and an embedded web UI.
//!
//! Not here: SQL (it goes through `dyad-store`).
