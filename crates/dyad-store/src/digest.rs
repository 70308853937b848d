//! A digest of the database *content*, for checking that two databases
//! hold the same data (a resumed ingest against an uninterrupted one).
//!
//! Covers every table except `runs` (one row per run, with times) and the
//! `errors.first_run` column (which run first met a problem). Rows are read
//! in primary-key order, so the digest does not depend on physical layout.

use rusqlite::types::ValueRef;
use sha2::{Digest, Sha256};

use crate::error::{sql, Result};
use crate::Store;

/// Tables and the columns/ordering that define their content.
const TABLES: &[(&str, &str, &str)] = &[
    ("documents", "*", "doc_id"),
    ("doc_analysis", "*", "doc_id"),
    ("events", "*", "event_id"),
    ("merged_events", "*", "merged_id"),
    ("merged_members", "*", "merged_id, event_id"),
    ("merge_pending", "*", "block_key, lo, hi"),
    (
        "errors",
        "input, message, doc_id, content_hash, stage",
        "input, message",
    ),
];

impl Store {
    /// Hex SHA-256 over the content of all content tables.
    pub fn content_digest(&self) -> Result<String> {
        let mut hasher = Sha256::new();
        for (table, columns, order) in TABLES {
            hasher.update(table.as_bytes());
            let query = format!("SELECT {columns} FROM {table} ORDER BY {order}");
            let mut stmt = self.conn.prepare(&query).map_err(sql("digesting"))?;
            let width = stmt.column_count();
            let mut rows = stmt.query([]).map_err(sql("digesting"))?;
            while let Some(row) = rows.next().map_err(sql("digesting"))? {
                for i in 0..width {
                    let value = row.get_ref(i).map_err(sql("digesting"))?;
                    match value {
                        ValueRef::Null => hasher.update([0u8]),
                        ValueRef::Integer(n) => {
                            hasher.update([1u8]);
                            hasher.update(n.to_be_bytes());
                        }
                        ValueRef::Real(x) => {
                            hasher.update([2u8]);
                            hasher.update(x.to_bits().to_be_bytes());
                        }
                        ValueRef::Text(t) | ValueRef::Blob(t) => {
                            hasher.update([3u8]);
                            hasher.update((t.len() as u64).to_be_bytes());
                            hasher.update(t);
                        }
                    }
                }
            }
        }
        Ok(hasher
            .finalize()
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect())
    }
}
