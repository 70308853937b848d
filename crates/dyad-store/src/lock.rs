//! The ingest lock: at most one writer job (ingest, recode) per database.
//!
//! SQLite already serialises single transactions; this lock makes a second
//! *job* wait (or fail with a clear message) instead of interleaving batches.
//! It is an exclusive SQLite lock held on a companion file
//! `<db>-ingest.lock`: the operating system releases it when the process
//! ends, even by `kill -9`, so a crashed ingest never leaves a stale lock.

use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::{Connection, ErrorCode};

use crate::error::{sql, Result, StoreError};

/// A held ingest lock; released on drop.
#[derive(Debug)]
pub struct IngestLock {
    _conn: Connection,
    path: PathBuf,
}

/// Whether to wait for a busy lock.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LockWait {
    /// Fail at once with [`StoreError::IngestLocked`].
    Fail,
    /// Wait until the other job ends.
    Wait,
}

impl IngestLock {
    /// The lock file of a database.
    pub fn lock_path(db: &Path) -> PathBuf {
        let mut name = db.as_os_str().to_os_string();
        name.push("-ingest.lock");
        PathBuf::from(name)
    }

    /// Takes the lock of database `db`. When it is busy, calls `on_busy`
    /// once and then waits, or fails, as `wait` says.
    pub fn acquire(db: &Path, wait: LockWait, on_busy: impl FnOnce(&Path)) -> Result<IngestLock> {
        let path = Self::lock_path(db);
        let conn = Connection::open(&path).map_err(sql(format!("opening {}", path.display())))?;
        conn.busy_timeout(Duration::ZERO)
            .map_err(sql("configuring the ingest lock"))?;
        conn.pragma_update(None, "locking_mode", "EXCLUSIVE")
            .map_err(sql("configuring the ingest lock"))?;
        let mut on_busy = Some(on_busy);
        loop {
            match conn.execute_batch("BEGIN EXCLUSIVE") {
                Ok(()) => return Ok(IngestLock { _conn: conn, path }),
                Err(e) if is_busy(&e) => {
                    if wait == LockWait::Fail {
                        return Err(StoreError::IngestLocked { lock: path });
                    }
                    if let Some(f) = on_busy.take() {
                        f(&path);
                    }
                    std::thread::sleep(Duration::from_millis(200));
                }
                Err(e) => return Err(sql(format!("taking {}", path.display()))(e)),
            }
        }
    }

    /// The lock file.
    pub fn path(&self) -> &Path {
        &self.path
    }
}

fn is_busy(e: &rusqlite::Error) -> bool {
    matches!(
        e.sqlite_error_code(),
        Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn second_lock_fails_then_succeeds_after_release() {
        let dir = std::env::temp_dir().join(format!("dyad-lock-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("temp dir");
        let db = dir.join("x.db");
        let first = IngestLock::acquire(&db, LockWait::Fail, |_| {}).expect("first lock");
        let second = IngestLock::acquire(&db, LockWait::Fail, |_| {});
        assert!(matches!(second, Err(StoreError::IngestLocked { .. })));
        drop(first);
        IngestLock::acquire(&db, LockWait::Fail, |_| {}).expect("lock after release");
        let _ = std::fs::remove_dir_all(&dir);
    }
}
