//! Errors of the server and their HTTP responses. Responses carry a short
//! message for people, never a stack trace or an internal path.

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;

/// An error answered to an API client.
#[derive(Debug, thiserror::Error)]
pub enum ApiError {
    /// A query or body parameter is missing or invalid (400).
    #[error("parameter '{name}': {message}")]
    BadParam {
        /// The parameter's name.
        name: String,
        /// What is wrong with it.
        message: String,
    },
    /// The request body is not valid JSON of the expected shape (400).
    #[error("invalid request body: {0}")]
    BadBody(String),
    /// No such event, document, ... (404).
    #[error("{0} not found")]
    NotFound(String),
    /// The operation needs `--allow-ingest` (403).
    #[error("this server is read-only; start it with --allow-ingest to store documents")]
    ReadOnly,
    /// The store failed; details go to the server log, not to the client (500).
    #[error("internal error")]
    Internal(String),
}

impl ApiError {
    /// A 400 for parameter `name`.
    pub fn param(name: &str, message: impl Into<String>) -> Self {
        ApiError::BadParam {
            name: name.to_string(),
            message: message.into(),
        }
    }

    fn status(&self) -> StatusCode {
        match self {
            ApiError::BadParam { .. } | ApiError::BadBody(_) => StatusCode::BAD_REQUEST,
            ApiError::NotFound(_) => StatusCode::NOT_FOUND,
            ApiError::ReadOnly => StatusCode::FORBIDDEN,
            ApiError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        if let ApiError::Internal(detail) = &self {
            eprintln!("dyad serve: internal error: {detail}");
        }
        let body = serde_json::json!({ "error": self.to_string() });
        (self.status(), Json(body)).into_response()
    }
}

/// Errors starting the server.
#[derive(Debug, thiserror::Error)]
pub enum ServerError {
    /// The listen address could not be bound.
    #[error("cannot listen on {addr}: {source}")]
    Bind {
        /// The address.
        addr: String,
        /// The I/O error.
        source: std::io::Error,
    },
    /// The database could not be opened.
    #[error("cannot open the database: {0}")]
    Store(String),
    /// The coding engine could not be built.
    #[error("cannot load the coding engine: {0}")]
    Engine(String),
    /// Any other I/O failure of the running server.
    #[error("server I/O error: {0}")]
    Io(#[from] std::io::Error),
}
