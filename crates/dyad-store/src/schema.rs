//! Database schema and versioned migrations.
//!
//! The file is marked as a dyad database by `PRAGMA application_id`
//! ([`APPLICATION_ID`]) and carries its schema version in
//! `PRAGMA user_version`. Opening checks both *before* writing anything, so a
//! foreign, corrupt or newer file is reported and left untouched.
//!
//! Ids are deterministic (derived from content hashes, see [`crate::ids`]), so
//! two runs that store the same documents produce identical rows whatever the
//! order documents arrive in.

use std::io::Read;
use std::path::Path;

use rusqlite::{Connection, OpenFlags};

use crate::error::{sql, Result, StoreError};

/// `PRAGMA application_id` of dyad databases ("DYAD" in ASCII).
pub const APPLICATION_ID: i64 = 0x4459_4144;

/// The schema version this build writes.
pub const SCHEMA_VERSION: i64 = MIGRATIONS.len() as i64;

/// Migration `i` brings a database from version `i` to `i + 1`.
pub(crate) const MIGRATIONS: &[&str] = &[
    V1_CORE,
    V2_MERGED,
    V3_EVENTS_APPENDED,
    V4_OUTPUT_POLICY,
    V5_PLACE_REASON,
    V6_IN_PASSING,
];

/// Version 1: documents, their analysis, events, runs and errors.
const V1_CORE: &str = r#"
CREATE TABLE documents (
    doc_id              INTEGER PRIMARY KEY,   -- from the content hash
    content_hash        TEXT NOT NULL UNIQUE,
    id                  TEXT NOT NULL,
    source              TEXT,
    url                 TEXT,
    title               TEXT,
    author              TEXT,
    agency              TEXT,
    dateline            TEXT,
    language            TEXT,
    pub_date            TEXT,
    pub_date_origin     TEXT,
    pub_date_confidence REAL,
    pub_date_note       TEXT,
    text                TEXT NOT NULL,
    zones               TEXT NOT NULL,          -- JSON [Zone]
    warnings            TEXT NOT NULL           -- JSON [String]
);
CREATE INDEX documents_pub_date ON documents(pub_date);

-- Sentences and mentions of a document, one row per document: compact JSON
-- arrays (one array per item, fields in the order of the views below). One
-- row instead of ~150 per article keeps ingest fast; the views give SQL
-- access per row.
CREATE TABLE doc_analysis (
    doc_id    INTEGER PRIMARY KEY,
    sentences TEXT NOT NULL,   -- [[start, end, zone], ...]
    actors    TEXT NOT NULL,   -- [[sentence, start, end, text, kind, code, name, country,
                               --   sectors, person_id, role, org, antecedent, rule, confidence], ...]
    places    TEXT NOT NULL    -- [[sentence, start, end, text, geonameid, name, feature_code,
                               --   country, admin1, lat, lon, confidence, reason], ...]
);

CREATE VIEW sentences AS
    SELECT a.doc_id, CAST(j.key AS INTEGER) AS idx, j.value->>0 AS start,
           j.value->>1 AS end, j.value->>2 AS zone
    FROM doc_analysis a, json_each(a.sentences) j;

CREATE VIEW actor_mentions AS
    SELECT a.doc_id, CAST(j.key AS INTEGER) AS idx, j.value->>0 AS sentence,
           j.value->>1 AS start, j.value->>2 AS end, j.value->>3 AS text,
           j.value->>4 AS kind, j.value->>5 AS code, j.value->>6 AS name,
           j.value->>7 AS country, j.value->>8 AS sectors, j.value->>9 AS person_id,
           j.value->>10 AS role, j.value->>11 AS org, j.value->>12 AS antecedent,
           j.value->>13 AS rule, j.value->>14 AS confidence
    FROM doc_analysis a, json_each(a.actors) j;

CREATE VIEW place_mentions AS
    SELECT a.doc_id, CAST(j.key AS INTEGER) AS idx, j.value->>0 AS sentence,
           j.value->>1 AS start, j.value->>2 AS end, j.value->>3 AS text,
           j.value->>4 AS geonameid, j.value->>5 AS name, j.value->>6 AS feature_code,
           j.value->>7 AS country, j.value->>8 AS admin1, j.value->>9 AS lat,
           j.value->>10 AS lon, j.value->>11 AS confidence, j.value->>12 AS reason
    FROM doc_analysis a, json_each(a.places) j;

CREATE TABLE events (
    event_id        INTEGER PRIMARY KEY,   -- from content hash + coder event id
    doc_id          INTEGER NOT NULL,
    coder_id        TEXT NOT NULL,
    plover          TEXT NOT NULL,
    mode            TEXT,
    contexts        TEXT NOT NULL,          -- space-separated
    cameo           TEXT NOT NULL,
    goldstein       REAL NOT NULL,
    quad_class      INTEGER NOT NULL,
    src_code        TEXT,
    src_name        TEXT,
    src_country     TEXT,
    src_sectors     TEXT,
    src_org         TEXT,
    src_text        TEXT,
    src_start       INTEGER,
    src_end         INTEGER,
    src_match       TEXT NOT NULL,          -- |TOKEN|TOKEN| for actor filters
    src_actors      TEXT NOT NULL,          -- JSON [EventActor]
    tgt_code        TEXT,
    tgt_name        TEXT,
    tgt_country     TEXT,
    tgt_sectors     TEXT,
    tgt_org         TEXT,
    tgt_text        TEXT,
    tgt_start       INTEGER,
    tgt_end         INTEGER,
    tgt_match       TEXT NOT NULL,
    tgt_actors      TEXT NOT NULL,
    factuality      TEXT NOT NULL,
    attributed_to   TEXT,                   -- JSON EventActor
    quantities      TEXT NOT NULL,          -- JSON [Quantity]
    date            TEXT NOT NULL,
    date_start      TEXT NOT NULL,
    date_end        TEXT NOT NULL,
    date_precision  TEXT NOT NULL,
    date_text       TEXT,
    date_note       TEXT NOT NULL,
    place_name      TEXT,
    place_geonameid INTEGER,
    place_country   TEXT,
    place_admin1    TEXT,
    place_feature   TEXT,
    place_lat       REAL,
    place_lon       REAL,
    place_precision TEXT,
    place_start     INTEGER,
    place_end       INTEGER,
    sentence        INTEGER NOT NULL,
    sentence_start  INTEGER NOT NULL,
    sentence_end    INTEGER NOT NULL,
    trigger_start   INTEGER NOT NULL,
    trigger_end     INTEGER NOT NULL,
    trigger_text    TEXT NOT NULL,
    rule            TEXT NOT NULL,
    confidence      REAL NOT NULL,
    is_root         INTEGER NOT NULL,       -- sentence in title or first paragraph
    block_key       TEXT,                   -- merge block; NULL when not mergeable
    merge_lo        TEXT,                   -- merge window (see merge::merge_window)
    merge_hi        TEXT
);
CREATE INDEX events_doc ON events(doc_id);
CREATE INDEX events_date ON events(date);
CREATE INDEX events_dyad ON events(src_country, tgt_country, date);
CREATE INDEX events_plover ON events(plover, date);
CREATE INDEX events_block ON events(block_key, merge_lo);

CREATE TABLE runs (
    run_id            INTEGER PRIMARY KEY AUTOINCREMENT,
    kind              TEXT NOT NULL,
    started_at        TEXT NOT NULL,
    finished_at       TEXT,
    status            TEXT NOT NULL,
    dyad_version      TEXT NOT NULL,
    lexicon_version   TEXT,
    gazetteer_version TEXT,
    docs_seen         INTEGER NOT NULL DEFAULT 0,
    docs_stored       INTEGER NOT NULL DEFAULT 0,
    docs_skipped      INTEGER NOT NULL DEFAULT 0,
    events            INTEGER NOT NULL DEFAULT 0,
    errors            INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE errors (
    input        TEXT NOT NULL,
    message      TEXT NOT NULL,
    doc_id       TEXT,
    content_hash TEXT,
    stage        TEXT NOT NULL,
    first_run    INTEGER,
    PRIMARY KEY (input, message)
) WITHOUT ROWID;
"#;

/// Version 2: merged (cross-article) events and their members.
const V2_MERGED: &str = r#"
CREATE TABLE merged_events (
    merged_id       INTEGER PRIMARY KEY,   -- from the anchor member's event id
    block_key       TEXT NOT NULL,
    anchor_event    INTEGER NOT NULL,
    plover          TEXT NOT NULL,
    cameo           TEXT NOT NULL,
    goldstein       REAL NOT NULL,
    quad_class      INTEGER NOT NULL,
    date            TEXT NOT NULL,
    date_start      TEXT NOT NULL,
    date_end        TEXT NOT NULL,
    date_precision  TEXT NOT NULL,
    place_name      TEXT,
    place_geonameid INTEGER,
    place_country   TEXT,
    place_admin1    TEXT,
    place_feature   TEXT,
    place_lat       REAL,
    place_lon       REAL,
    num_articles    INTEGER NOT NULL,
    num_sources     INTEGER NOT NULL,
    num_mentions    INTEGER NOT NULL,
    first_report    TEXT,
    last_report     TEXT
);
CREATE INDEX merged_block ON merged_events(block_key);
CREATE INDEX merged_date ON merged_events(date);
CREATE INDEX merged_anchor ON merged_events(anchor_event);

-- Merge work not done yet: windows of events stored (or removed) by an
-- ingest whose blocks still have to be re-clustered. Written in the same
-- transaction as the events, emptied by Store::flush_merges.
CREATE TABLE merge_pending (
    block_key TEXT NOT NULL,
    lo        TEXT NOT NULL,
    hi        TEXT NOT NULL,
    PRIMARY KEY (block_key, lo, hi)
) WITHOUT ROWID;

CREATE TABLE merged_members (
    merged_id INTEGER NOT NULL,
    event_id  INTEGER NOT NULL,
    PRIMARY KEY (merged_id, event_id)
) WITHOUT ROWID;
CREATE INDEX merged_members_event ON merged_members(event_id);
"#;

/// Version 3: events stored in arrival order. `event_id` (a hash) was the
/// row id, so every new event landed on a random page of the table and each
/// commit rewrote thousands of them; now rows are appended (SQLite's hidden
/// row id) and a unique index maps `event_id` to them. Columns and ids are
/// unchanged; queries order by `event_id` explicitly where order matters.
const V3_EVENTS_APPENDED: &str = r#"
CREATE TABLE events_v3 (
    event_id        INTEGER NOT NULL,      -- from content hash + coder event id (unique: events_id)
    doc_id          INTEGER NOT NULL,
    coder_id        TEXT NOT NULL,
    plover          TEXT NOT NULL,
    mode            TEXT,
    contexts        TEXT NOT NULL,          -- space-separated
    cameo           TEXT NOT NULL,
    goldstein       REAL NOT NULL,
    quad_class      INTEGER NOT NULL,
    src_code        TEXT,
    src_name        TEXT,
    src_country     TEXT,
    src_sectors     TEXT,
    src_org         TEXT,
    src_text        TEXT,
    src_start       INTEGER,
    src_end         INTEGER,
    src_match       TEXT NOT NULL,          -- |TOKEN|TOKEN| for actor filters
    src_actors      TEXT NOT NULL,          -- JSON [EventActor]
    tgt_code        TEXT,
    tgt_name        TEXT,
    tgt_country     TEXT,
    tgt_sectors     TEXT,
    tgt_org         TEXT,
    tgt_text        TEXT,
    tgt_start       INTEGER,
    tgt_end         INTEGER,
    tgt_match       TEXT NOT NULL,
    tgt_actors      TEXT NOT NULL,
    factuality      TEXT NOT NULL,
    attributed_to   TEXT,                   -- JSON EventActor
    quantities      TEXT NOT NULL,          -- JSON [Quantity]
    date            TEXT NOT NULL,
    date_start      TEXT NOT NULL,
    date_end        TEXT NOT NULL,
    date_precision  TEXT NOT NULL,
    date_text       TEXT,
    date_note       TEXT NOT NULL,
    place_name      TEXT,
    place_geonameid INTEGER,
    place_country   TEXT,
    place_admin1    TEXT,
    place_feature   TEXT,
    place_lat       REAL,
    place_lon       REAL,
    place_precision TEXT,
    place_start     INTEGER,
    place_end       INTEGER,
    sentence        INTEGER NOT NULL,
    sentence_start  INTEGER NOT NULL,
    sentence_end    INTEGER NOT NULL,
    trigger_start   INTEGER NOT NULL,
    trigger_end     INTEGER NOT NULL,
    trigger_text    TEXT NOT NULL,
    rule            TEXT NOT NULL,
    confidence      REAL NOT NULL,
    is_root         INTEGER NOT NULL,       -- sentence in title or first paragraph
    block_key       TEXT,                   -- merge block; NULL when not mergeable
    merge_lo        TEXT,                   -- merge window (see merge::merge_window)
    merge_hi        TEXT
);
INSERT INTO events_v3 SELECT * FROM events ORDER BY doc_id, event_id;
DROP TABLE events;
ALTER TABLE events_v3 RENAME TO events;
CREATE UNIQUE INDEX events_id ON events(event_id);
CREATE INDEX events_doc ON events(doc_id);
CREATE INDEX events_date ON events(date);
CREATE INDEX events_dyad ON events(src_country, tgt_country, date);
CREATE INDEX events_plover ON events(plover, date);
CREATE INDEX events_block ON events(block_key, merge_lo);
"#;

/// Version 4: the default output policy is stored with each event
/// (`Event::shown_by_default`: factual, not background, sides resolved), so
/// queries and exports return what `dyad code` prints unless asked for all.
/// Rows written before it get the policy from their columns (their
/// `historical` flag was not stored: 0).
const V4_OUTPUT_POLICY: &str = r#"
ALTER TABLE events ADD COLUMN shown INTEGER NOT NULL DEFAULT 1;
ALTER TABLE events ADD COLUMN historical INTEGER NOT NULL DEFAULT 0;
UPDATE events SET shown = (
    factuality IN ('asserted', 'reported')
    AND (src_country IS NOT NULL OR src_org IS NOT NULL)
    AND (tgt_country IS NOT NULL OR tgt_org IS NOT NULL
         OR (plover IN ('PROTEST', 'MOBILIZE') AND tgt_code IS NULL))
);
CREATE INDEX events_shown ON events(shown, date);
"#;

/// Version 5: how each event place was found (`EventPlace::reason`:
/// "trigger-obl", "clause", "dateline", "actor-country", ...), for events
/// and merged events (the merged event's place is one member's). Rows
/// written before it keep NULL: the coder did not record the reason then,
/// and re-ingesting the documents fills it.
const V5_PLACE_REASON: &str = r#"
ALTER TABLE events ADD COLUMN place_reason TEXT;
ALTER TABLE merged_events ADD COLUMN place_reason TEXT;
"#;

/// Version 6: `historical` now means only "before the story" and a second
/// flag, `in_passing` (`Event::in_passing`), marks an event noun mentioned
/// in passing. Rows written before it keep 0: their `historical` flag held
/// both meanings, and re-ingesting the documents splits them. `shown` is
/// unchanged (it already left out both kinds).
const V6_IN_PASSING: &str = r#"
ALTER TABLE events ADD COLUMN in_passing INTEGER NOT NULL DEFAULT 0;
"#;

/// WAL pages after which a commit checkpoints (outside an ingest, which
/// checkpoints on its own thread).
pub(crate) const WAL_AUTOCHECKPOINT_PAGES: i64 = 10_000;

/// What [`open_checked`] found in the file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Opened {
    /// Schema version before migration (0 for a new file).
    pub from_version: i64,
}

/// Checks that `path` is absent, empty, or a dyad database no newer than this
/// build, without writing to it.
pub(crate) fn check_file(path: &Path) -> Result<()> {
    let mut file = match std::fs::File::open(path) {
        Ok(f) => f,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(()),
        Err(source) => {
            return Err(StoreError::Io {
                path: path.to_path_buf(),
                source,
            })
        }
    };
    let mut header = [0u8; 16];
    let mut read = 0;
    while read < header.len() {
        match file.read(&mut header[read..]) {
            Ok(0) => break,
            Ok(n) => read += n,
            Err(source) => {
                return Err(StoreError::Io {
                    path: path.to_path_buf(),
                    source,
                })
            }
        }
    }
    if read == 0 {
        return Ok(()); // an empty file is a new database
    }
    if read < header.len() || &header != b"SQLite format 3\0" {
        return Err(StoreError::Foreign {
            path: path.to_path_buf(),
            reason: "the file is not an SQLite database".into(),
        });
    }
    Ok(())
}

/// Opens `path` (creating it when `create`), checks it is a dyad database
/// and migrates an older schema. Nothing is written before the checks pass.
pub(crate) fn open_checked(path: &Path, create: bool) -> Result<(Connection, Opened)> {
    check_file(path)?;
    let exists = path.exists();
    if !exists && !create {
        return Err(StoreError::Missing {
            path: path.to_path_buf(),
        });
    }
    let flags = OpenFlags::SQLITE_OPEN_READ_WRITE
        | OpenFlags::SQLITE_OPEN_CREATE
        | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let conn = Connection::open_with_flags(path, flags).map_err(|source| StoreError::Sqlite {
        context: format!("opening {}", path.display()),
        source,
    })?;
    let corrupt = |source: rusqlite::Error| StoreError::Corrupt {
        path: path.to_path_buf(),
        source,
    };
    conn.busy_timeout(std::time::Duration::from_secs(60))
        .map_err(sql("setting the busy timeout"))?;
    // One read transaction, so the three answers are one snapshot: read
    // one by one, a file another process was creating could show its tables
    // but not yet its application id, and look foreign.
    let header = || -> rusqlite::Result<(i64, i64, Vec<String>)> {
        conn.execute_batch("BEGIN")?;
        let app_id: i64 = conn.query_row("PRAGMA application_id", [], |r| r.get(0))?;
        let version: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
        let tables: Vec<String> = {
            let mut stmt =
                conn.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")?;
            let rows = stmt.query_map([], |r| r.get(0))?;
            rows.collect::<std::result::Result<_, _>>()?
        };
        conn.execute_batch("COMMIT")?;
        Ok((app_id, version, tables))
    };
    let (app_id, version, tables) = header().map_err(|e| {
        let _ = conn.execute_batch("ROLLBACK");
        corrupt(e)
    })?;
    if app_id != APPLICATION_ID {
        if app_id != 0 || !tables.is_empty() || version != 0 {
            let shown: Vec<&str> = tables.iter().take(5).map(String::as_str).collect();
            return Err(StoreError::Foreign {
                path: path.to_path_buf(),
                reason: format!(
                    "an SQLite database of another application (application_id {app_id}, \
                     tables: {})",
                    if shown.is_empty() {
                        "none".into()
                    } else {
                        shown.join(", ")
                    }
                ),
            });
        }
    } else if version > SCHEMA_VERSION {
        return Err(StoreError::TooNew {
            path: path.to_path_buf(),
            found: version,
            supported: SCHEMA_VERSION,
        });
    }
    switch_to_wal(&conn)?;
    conn.pragma_update(None, "synchronous", "NORMAL")
        .map_err(sql("setting synchronous mode"))?;
    // Row ids are hashes, so writes land all over the file: a page cache of
    // 64 MiB (default 2 MiB) keeps the hot B-tree pages in memory.
    conn.pragma_update(None, "cache_size", -65_536)
        .map_err(sql("setting the page cache size"))?;
    // Checkpoint the WAL every ~40 MiB rather than every 4 MiB: pages that
    // several batches rewrite are copied into the database once.
    conn.pragma_update(None, "wal_autocheckpoint", WAL_AUTOCHECKPOINT_PAGES)
        .map_err(sql("setting the WAL checkpoint interval"))?;
    // Statement journals and temporary tables stay in memory.
    conn.pragma_update(None, "temp_store", "MEMORY")
        .map_err(sql("setting temp_store"))?;
    // Plans must not depend on bound values: otherwise each new binding of
    // a range query re-compiles it (SQLite's STAT4 build does that), which
    // cost a third of the merge work.
    conn.set_db_config(
        rusqlite::config::DbConfig::SQLITE_DBCONFIG_ENABLE_QPSG,
        true,
    )
    .map_err(sql("fixing query plans"))?;
    migrate(&conn, version, SCHEMA_VERSION)?;
    Ok((
        conn,
        Opened {
            from_version: version,
        },
    ))
}

/// Puts the file in WAL mode. The switch needs the file to itself, and
/// SQLite answers "busy" at once rather than waiting while another process
/// opening the same new file holds it: retry for as long as the busy
/// timeout would have waited.
fn switch_to_wal(conn: &Connection) -> Result<()> {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
    loop {
        match conn.pragma_update(None, "journal_mode", "WAL") {
            Ok(()) => return Ok(()),
            Err(rusqlite::Error::SqliteFailure(e, _))
                if matches!(
                    e.code,
                    rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked
                ) && std::time::Instant::now() < deadline =>
            {
                std::thread::sleep(std::time::Duration::from_millis(5));
            }
            Err(e) => return Err(sql("switching to WAL mode")(e)),
        }
    }
}

/// Applies migrations `from..to`, each in its own transaction. The version
/// is re-read inside each write transaction, so two processes opening a new
/// or old file at once do not both apply a step.
pub(crate) fn migrate(conn: &Connection, from: i64, to: i64) -> Result<()> {
    for version in from..to {
        let Some(script) = usize::try_from(version)
            .ok()
            .and_then(|i| MIGRATIONS.get(i))
        else {
            break;
        };
        let next = version + 1;
        let step = || -> rusqlite::Result<()> {
            conn.execute_batch("BEGIN IMMEDIATE")?;
            let current: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
            if current < next {
                conn.execute_batch(&format!(
                    "{script}\nPRAGMA application_id = {APPLICATION_ID};\n\
                     PRAGMA user_version = {next};"
                ))?;
            }
            conn.execute_batch("COMMIT")
        };
        if let Err(e) = step() {
            let _ = conn.execute_batch("ROLLBACK");
            return Err(sql(format!("migrating the schema to version {next}"))(e));
        }
    }
    Ok(())
}
