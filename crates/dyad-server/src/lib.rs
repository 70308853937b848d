//! # dyad-server: HTTP API and web dashboard
//!
//! `dyad serve` runs [`serve`]: an axum server with a JSON API under `/api`
//! (documented by the OpenAPI description at `/api/openapi.json`) and the
//! dashboard, a single page whose assets are embedded in the binary
//! ([`assets`]): no CDN, no tile server, no network at run time.
//!
//! Not here: SQL and coding. Queries go through `dyad-store`'s typed API
//! and live coding through `dyad-coder`'s `Engine`.
//!
//! ## Security defaults
//! * Binds 127.0.0.1 unless told otherwise; read-only unless
//!   `allow_ingest` is set (`POST /api/documents` answers 403 otherwise).
//! * Request bodies are limited to [`BODY_LIMIT`] bytes (413 beyond) and
//!   every request to [`REQUEST_TIMEOUT`].
//! * Every parameter is validated ([`params`]) with a 400 naming it;
//!   unknown parameters are rejected. SQL uses bound parameters only.
//! * Static files come only from the embedded set; CORS is off (no CORS
//!   headers are sent); error bodies never carry internals.
#![deny(missing_docs)]

pub mod assets;
mod error;
mod handlers;
pub mod index;
pub mod loadtest;
pub mod params;
pub mod views;

use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use axum::extract::DefaultBodyLimit;
use axum::routing::{get, post};
use axum::Router;
use dyad_coder::Engine;

pub use error::{ApiError, ServerError};

/// Largest accepted request body.
pub const BODY_LIMIT: usize = 5 * 1024 * 1024;
/// Longest time a request may take before it is answered 408.
pub const REQUEST_TIMEOUT: Duration = Duration::from_secs(30);

/// How to run the server.
#[derive(Debug, Clone)]
pub struct ServerConfig {
    /// The database file (must exist unless `allow_ingest`).
    pub db: PathBuf,
    /// Listen address; port 0 picks a free port.
    pub addr: SocketAddr,
    /// Accept `POST /api/documents`.
    pub allow_ingest: bool,
}

/// Shared state of all handlers.
pub(crate) struct AppState {
    pub db: PathBuf,
    pub engine: Engine,
    pub allow_ingest: bool,
    /// In-memory index of merged events, rebuilt when the file changes.
    pub index: std::sync::Mutex<Option<Arc<index::EventIndex>>>,
}

/// The router with every route and limit, for a given state. Public so that
/// tests can serve it on their own listener.
fn router(state: Arc<AppState>) -> Router {
    Router::new()
        .route("/", get(handlers::index))
        .route("/assets/{name}", get(handlers::asset))
        .route("/api/openapi.json", get(handlers::openapi))
        .route("/api/health", get(handlers::health))
        .route("/api/events", get(handlers::events))
        .route("/api/events/{id}", get(handlers::event))
        .route("/api/dyads", get(handlers::dyads))
        .route("/api/timeline", get(handlers::timeline))
        .route("/api/actors", get(handlers::actors))
        .route("/api/places", get(handlers::places))
        .route("/api/documents/{id}", get(handlers::document))
        .route("/api/code", post(handlers::code))
        .route("/api/documents", post(handlers::ingest))
        .fallback(handlers::not_found)
        .layer(DefaultBodyLimit::max(BODY_LIMIT))
        .layer(tower_http::timeout::TimeoutLayer::with_status_code(
            axum::http::StatusCode::REQUEST_TIMEOUT,
            REQUEST_TIMEOUT,
        ))
        .with_state(state)
}

/// Opens the database (creating it only when ingest is allowed), then
/// serves until Ctrl-C. Prints `listening on http://ADDR` on stdout once
/// the socket is bound (tests and scripts read it to learn the port).
pub fn serve(config: ServerConfig, engine: Engine) -> Result<(), ServerError> {
    // Fail early and clearly on a missing, foreign or newer database.
    let opened = if config.allow_ingest {
        dyad_store::Store::open(&config.db)
    } else {
        dyad_store::Store::open_existing(&config.db)
    };
    let store = opened.map_err(|e| ServerError::Store(e.to_string()))?;
    // Build the event index before accepting requests, so the first ones are fast.
    let stamp = index::FileStamp::of(&config.db);
    let built = (|| -> Result<index::EventIndex, dyad_store::StoreError> {
        let mut idx = index::EventIndex::new(stamp, store.merged_index()?);
        idx.documents = store.document_count()?;
        idx.events = store.event_count()?;
        Ok(idx)
    })()
    .map_err(|e| ServerError::Store(e.to_string()))?;
    // Closing the connection may checkpoint the WAL: stamp the file after it.
    drop(store);
    let mut built = built;
    built.stamp = index::FileStamp::of(&config.db);
    let state = Arc::new(AppState {
        db: config.db.clone(),
        engine,
        allow_ingest: config.allow_ingest,
        index: std::sync::Mutex::new(Some(Arc::new(built))),
    });
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?;
    runtime.block_on(async move {
        let listener = tokio::net::TcpListener::bind(config.addr)
            .await
            .map_err(|source| ServerError::Bind {
                addr: config.addr.to_string(),
                source,
            })?;
        let local = listener.local_addr()?;
        println!("listening on http://{local}");
        eprintln!(
            "dyad serve: database {} ({}); press Ctrl-C to stop",
            config.db.display(),
            if config.allow_ingest {
                "ingest allowed"
            } else {
                "read-only"
            }
        );
        axum::serve(listener, router(state))
            .with_graceful_shutdown(async {
                let _ = tokio::signal::ctrl_c().await;
            })
            .await?;
        Ok(())
    })
}
