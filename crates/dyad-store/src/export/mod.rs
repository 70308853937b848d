//! Exports: PLOVER-style JSON lines, GDELT 2.0 event-table TSV, CSV and
//! Parquet. Every format writes the rows of one [`EventFilter`] query, so
//! exports filter exactly like `dyad events`.

mod gdelt;
mod parquet_out;

use std::io::Write;
use std::path::Path;

use serde::Serialize;

use crate::error::{Result, StoreError};
use crate::query::{EventFilter, EventRow};
use crate::Store;
pub use gdelt::{gdelt_record, GDELT_COLUMNS};

/// Export file formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportFormat {
    /// One PLOVER-style JSON record per line.
    PloverJson,
    /// GDELT 2.0 event table, tab-separated, no header (as GDELT ships it).
    Gdelt,
    /// CSV with a header; the columns of [`EventRow`].
    Csv,
    /// Parquet with typed columns (the columns of [`EventRow`]).
    Parquet,
}

impl std::str::FromStr for ExportFormat {
    type Err = StoreError;
    fn from_str(s: &str) -> Result<Self> {
        match s {
            "plover-json" | "jsonl" | "json" => Ok(ExportFormat::PloverJson),
            "gdelt" => Ok(ExportFormat::Gdelt),
            "csv" => Ok(ExportFormat::Csv),
            "parquet" => Ok(ExportFormat::Parquet),
            _ => Err(StoreError::Query(format!(
                "{s:?} is not an export format (plover-json, gdelt, csv, parquet)"
            ))),
        }
    }
}

/// A PLOVER-style event record (field names follow the PLOVER data model:
/// `event_type`, `mode`, `context`, `actor1`, `actor2`, ...).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PloverRecord<'a> {
    /// Event or merged-event id.
    pub id: String,
    /// Event date.
    pub date: &'a str,
    /// Precision of the date.
    pub date_precision: &'a str,
    /// PLOVER event type.
    pub event_type: &'a str,
    /// PLOVER mode.
    pub mode: Option<&'a str>,
    /// PLOVER contexts.
    pub context: Vec<&'a str>,
    /// Source actor name.
    pub actor1: Option<&'a str>,
    /// Source actor country.
    pub actor1_country: Option<&'a str>,
    /// Source actor code.
    pub actor1_code: Option<&'a str>,
    /// Target actor name.
    pub actor2: Option<&'a str>,
    /// Target actor country.
    pub actor2_country: Option<&'a str>,
    /// Target actor code.
    pub actor2_code: Option<&'a str>,
    /// Where.
    pub location: Option<PloverLocation<'a>>,
    /// CAMEO code.
    pub cameo: &'a str,
    /// Goldstein score.
    pub goldstein: f64,
    /// Quad class.
    pub quad_class: i64,
    /// Factuality.
    pub factuality: &'a str,
    /// Articles reporting the event.
    pub num_articles: i64,
    /// Publishers reporting it.
    pub num_sources: i64,
    /// Mentions.
    pub num_mentions: i64,
    /// Evidence: the (anchor) report.
    pub source: PloverSource<'a>,
}

/// Location of a PLOVER record.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PloverLocation<'a> {
    /// Place name.
    pub name: Option<&'a str>,
    /// ISO3 country.
    pub country: Option<&'a str>,
    /// First-level division.
    pub admin1: Option<&'a str>,
    /// GeoNames id.
    pub geonameid: Option<i64>,
    /// Latitude.
    pub lat: Option<f64>,
    /// Longitude.
    pub lon: Option<f64>,
    /// How the place was found (`place_reason`; absent for rows stored
    /// before schema version 5).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<&'a str>,
}

/// Evidence of a PLOVER record.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PloverSource<'a> {
    /// Document id.
    pub doc_id: &'a str,
    /// Publisher.
    pub publisher: Option<&'a str>,
    /// URL.
    pub url: Option<&'a str>,
    /// The sentence.
    pub sentence: &'a str,
    /// Trigger text.
    pub trigger: &'a str,
    /// Rule id.
    pub rule: &'a str,
    /// Confidence.
    pub confidence: f64,
    /// First publication date of a report.
    pub first_report: Option<&'a str>,
}

/// The PLOVER-style record of a row.
pub fn plover_record(row: &EventRow) -> PloverRecord<'_> {
    let has_place = row.place_name.is_some() || row.place_country.is_some();
    PloverRecord {
        id: if row.merged {
            format!("M{}", row.id)
        } else {
            row.id.to_string()
        },
        date: &row.date,
        date_precision: &row.date_precision,
        event_type: &row.plover,
        mode: row.mode.as_deref(),
        context: row.contexts.split_whitespace().collect(),
        actor1: row.source_name.as_deref(),
        actor1_country: row.source_country.as_deref(),
        actor1_code: row.source_code.as_deref(),
        actor2: row.target_name.as_deref(),
        actor2_country: row.target_country.as_deref(),
        actor2_code: row.target_code.as_deref(),
        location: has_place.then_some(PloverLocation {
            name: row.place_name.as_deref(),
            country: row.place_country.as_deref(),
            admin1: row.place_admin1.as_deref(),
            geonameid: row.place_geonameid,
            lat: row.lat,
            lon: row.lon,
            reason: row.place_reason.as_deref(),
        }),
        cameo: &row.cameo,
        goldstein: row.goldstein,
        quad_class: row.quad_class,
        factuality: &row.factuality,
        num_articles: row.num_articles,
        num_sources: row.num_sources,
        num_mentions: row.num_mentions,
        source: PloverSource {
            doc_id: &row.doc_id,
            publisher: row.publisher.as_deref(),
            url: row.url.as_deref(),
            sentence: &row.sentence,
            trigger: &row.trigger,
            rule: &row.rule,
            confidence: row.confidence,
            first_report: row.first_report.as_deref(),
        },
    }
}

fn io_err(path: &Path) -> impl Fn(std::io::Error) -> StoreError + '_ {
    move |source| StoreError::Io {
        path: path.to_path_buf(),
        source,
    }
}

/// Writes the rows of `filter` to `path` in `format`; returns the row count.
pub fn export(
    store: &Store,
    filter: &EventFilter,
    format: ExportFormat,
    path: &Path,
) -> Result<u64> {
    if format == ExportFormat::Parquet {
        let rows = store.events(filter)?;
        parquet_out::write_parquet(&rows, path)?;
        return Ok(rows.len() as u64);
    }
    let file = std::fs::File::create(path).map_err(io_err(path))?;
    let mut out = std::io::BufWriter::new(file);
    let mut count = 0u64;
    match format {
        ExportFormat::PloverJson => store.for_each_event(filter, |row| {
            serde_json::to_writer(&mut out, &plover_record(&row))
                .map_err(crate::error::json("writing a PLOVER record"))?;
            out.write_all(b"\n").map_err(io_err(path))?;
            count += 1;
            Ok(())
        })?,
        ExportFormat::Gdelt => store.for_each_event(filter, |row| {
            let line = gdelt_record(&row).join("\t");
            out.write_all(line.as_bytes()).map_err(io_err(path))?;
            out.write_all(b"\n").map_err(io_err(path))?;
            count += 1;
            Ok(())
        })?,
        ExportFormat::Csv => {
            let mut writer = csv::Writer::from_writer(&mut out);
            store.for_each_event(filter, |row| {
                writer
                    .serialize(&row)
                    .map_err(|e| StoreError::Export(format!("{}: {e}", path.display())))?;
                count += 1;
                Ok(())
            })?;
            if count == 0 {
                // An empty export still says what its columns are.
                writer
                    .write_record(csv_header())
                    .map_err(|e| StoreError::Export(format!("{}: {e}", path.display())))?;
            }
            writer.flush().map_err(io_err(path))?;
        }
        ExportFormat::Parquet => {}
    }
    out.flush().map_err(io_err(path))?;
    Ok(count)
}

/// Writes rows as CSV (header first) to any writer, e.g. stdout.
pub fn write_csv<W: Write>(rows: &[EventRow], out: W) -> Result<()> {
    let err = |e: csv::Error| StoreError::Export(format!("CSV: {e}"));
    let mut writer = csv::Writer::from_writer(out);
    if rows.is_empty() {
        writer.write_record(csv_header()).map_err(err)?;
    }
    for row in rows {
        writer.serialize(row).map_err(err)?;
    }
    writer
        .flush()
        .map_err(|e| StoreError::Export(format!("CSV: {e}")))
}

/// The CSV header: the field names of [`EventRow`].
pub fn csv_header() -> Vec<String> {
    parquet_out::COLUMNS
        .iter()
        .map(|c| c.name.to_string())
        .collect()
}
