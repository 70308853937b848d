//! Parquet export with typed columns (INT64, INT32 DATE, DOUBLE, BOOLEAN,
//! UTF-8 strings), uncompressed, written with the `parquet` crate's
//! low-level column writers (no Arrow dependency, to keep builds small).

use std::path::Path;
use std::sync::Arc;

use chrono::NaiveDate;
use parquet::data_type::{BoolType, ByteArray, ByteArrayType, DoubleType, Int32Type, Int64Type};
use parquet::file::properties::WriterProperties;
use parquet::file::writer::SerializedFileWriter;
use parquet::schema::parser::parse_message_type;

use crate::error::{Result, StoreError};
use crate::query::EventRow;
use crate::text::parse_date;

/// Physical/logical kind of a column.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    Int64,
    Int32,
    Date,
    Double,
    Bool,
    Str,
}

/// One cell.
pub(crate) enum Cell {
    I(Option<i64>),
    F(Option<f64>),
    B(Option<bool>),
    S(Option<String>),
}

/// A column: name, kind, required, and how to read it from a row.
pub(crate) struct Column {
    pub name: &'static str,
    kind: Kind,
    required: bool,
    get: fn(&EventRow) -> Cell,
}

fn date_days(text: &str) -> Option<i64> {
    let epoch = NaiveDate::from_ymd_opt(1970, 1, 1)?;
    parse_date(text).map(|d| (d - epoch).num_days())
}

macro_rules! col {
    ($name:ident, $kind:ident, $req:expr, $get:expr) => {
        Column {
            name: stringify!($name),
            kind: Kind::$kind,
            required: $req,
            get: $get,
        }
    };
}

/// The columns, in [`EventRow`] field order.
pub(crate) const COLUMNS: &[Column] = &[
    col!(id, Int64, true, |r| Cell::I(Some(r.id))),
    col!(merged, Bool, true, |r| Cell::B(Some(r.merged))),
    col!(merged_id, Int64, false, |r| Cell::I(r.merged_id)),
    col!(plover, Str, true, |r| Cell::S(Some(r.plover.clone()))),
    col!(mode, Str, false, |r| Cell::S(r.mode.clone())),
    col!(contexts, Str, true, |r| Cell::S(Some(r.contexts.clone()))),
    col!(cameo, Str, true, |r| Cell::S(Some(r.cameo.clone()))),
    col!(goldstein, Double, true, |r| Cell::F(Some(r.goldstein))),
    col!(quad_class, Int32, true, |r| Cell::I(Some(r.quad_class))),
    col!(source_code, Str, false, |r| Cell::S(r.source_code.clone())),
    col!(source_name, Str, false, |r| Cell::S(r.source_name.clone())),
    col!(source_country, Str, false, |r| Cell::S(
        r.source_country.clone()
    )),
    col!(source_sectors, Str, false, |r| Cell::S(
        r.source_sectors.clone()
    )),
    col!(source_org, Str, false, |r| Cell::S(r.source_org.clone())),
    col!(target_code, Str, false, |r| Cell::S(r.target_code.clone())),
    col!(target_name, Str, false, |r| Cell::S(r.target_name.clone())),
    col!(target_country, Str, false, |r| Cell::S(
        r.target_country.clone()
    )),
    col!(target_sectors, Str, false, |r| Cell::S(
        r.target_sectors.clone()
    )),
    col!(target_org, Str, false, |r| Cell::S(r.target_org.clone())),
    col!(factuality, Str, true, |r| Cell::S(Some(
        r.factuality.clone()
    ))),
    col!(date, Date, false, |r| Cell::I(date_days(&r.date))),
    col!(date_start, Date, false, |r| Cell::I(date_days(
        &r.date_start
    ))),
    col!(date_end, Date, false, |r| Cell::I(date_days(&r.date_end))),
    col!(date_precision, Str, true, |r| Cell::S(Some(
        r.date_precision.clone()
    ))),
    col!(place_name, Str, false, |r| Cell::S(r.place_name.clone())),
    col!(place_country, Str, false, |r| Cell::S(
        r.place_country.clone()
    )),
    col!(place_admin1, Str, false, |r| Cell::S(
        r.place_admin1.clone()
    )),
    col!(place_geonameid, Int64, false, |r| Cell::I(
        r.place_geonameid
    )),
    col!(place_feature, Str, false, |r| Cell::S(
        r.place_feature.clone()
    )),
    col!(lat, Double, false, |r| Cell::F(r.lat)),
    col!(lon, Double, false, |r| Cell::F(r.lon)),
    col!(place_reason, Str, false, |r| Cell::S(
        r.place_reason.clone()
    )),
    col!(num_articles, Int64, true, |r| Cell::I(Some(r.num_articles))),
    col!(num_sources, Int64, true, |r| Cell::I(Some(r.num_sources))),
    col!(num_mentions, Int64, true, |r| Cell::I(Some(r.num_mentions))),
    col!(first_report, Date, false, |r| Cell::I(
        r.first_report.as_deref().and_then(date_days)
    )),
    col!(last_report, Date, false, |r| Cell::I(
        r.last_report.as_deref().and_then(date_days)
    )),
    col!(doc_id, Str, true, |r| Cell::S(Some(r.doc_id.clone()))),
    col!(url, Str, false, |r| Cell::S(r.url.clone())),
    col!(publisher, Str, false, |r| Cell::S(r.publisher.clone())),
    col!(sentence, Str, true, |r| Cell::S(Some(r.sentence.clone()))),
    col!(trigger, Str, true, |r| Cell::S(Some(r.trigger.clone()))),
    col!(rule, Str, true, |r| Cell::S(Some(r.rule.clone()))),
    col!(confidence, Double, true, |r| Cell::F(Some(r.confidence))),
    col!(is_root, Bool, true, |r| Cell::B(Some(r.is_root))),
];

fn schema() -> String {
    let mut s = String::from("message dyad_event {\n");
    for c in COLUMNS {
        let rep = if c.required { "required" } else { "optional" };
        let ty = match c.kind {
            Kind::Int64 => "int64",
            Kind::Int32 => "int32",
            Kind::Date => "int32",
            Kind::Double => "double",
            Kind::Bool => "boolean",
            Kind::Str => "binary",
        };
        let logical = match c.kind {
            Kind::Date => " (DATE)",
            Kind::Str => " (STRING)",
            _ => "",
        };
        s.push_str(&format!("  {rep} {ty} {}{logical};\n", c.name));
    }
    s.push('}');
    s
}

const ROW_GROUP: usize = 65_536;

fn perr(path: &Path) -> impl Fn(parquet::errors::ParquetError) -> StoreError + '_ {
    move |e| StoreError::Export(format!("{}: parquet: {e}", path.display()))
}

/// Splits cells into definition levels (for optional columns) and values.
fn levels<T>(cells: impl Iterator<Item = Option<T>>, required: bool) -> (Vec<T>, Option<Vec<i16>>) {
    let mut values = Vec::new();
    let mut defs = Vec::new();
    for cell in cells {
        match cell {
            Some(v) => {
                values.push(v);
                defs.push(1);
            }
            None => defs.push(0),
        }
    }
    (values, (!required).then_some(defs))
}

/// Writes `rows` to `path` as Parquet.
pub(crate) fn write_parquet(rows: &[EventRow], path: &Path) -> Result<()> {
    let schema = Arc::new(parse_message_type(&schema()).map_err(perr(path))?);
    let file = std::fs::File::create(path).map_err(|source| StoreError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    let props = Arc::new(WriterProperties::builder().build());
    let mut writer = SerializedFileWriter::new(file, schema, props).map_err(perr(path))?;
    for group in rows.chunks(ROW_GROUP) {
        let mut rg = writer.next_row_group().map_err(perr(path))?;
        let mut index = 0;
        while let Some(mut column) = rg.next_column().map_err(perr(path))? {
            let Some(spec) = COLUMNS.get(index) else {
                return Err(StoreError::Export(
                    "parquet schema and columns disagree".into(),
                ));
            };
            index += 1;
            let cells: Vec<Cell> = group.iter().map(|r| (spec.get)(r)).collect();
            let int = |c: &Cell| match c {
                Cell::I(v) => *v,
                _ => None,
            };
            match spec.kind {
                Kind::Int64 => {
                    let (v, d) = levels(cells.iter().map(int), spec.required);
                    column
                        .typed::<Int64Type>()
                        .write_batch(&v, d.as_deref(), None)
                        .map_err(perr(path))?;
                }
                Kind::Int32 | Kind::Date => {
                    let (v, d) = levels(
                        cells
                            .iter()
                            .map(|c| int(c).and_then(|x| i32::try_from(x).ok())),
                        spec.required,
                    );
                    column
                        .typed::<Int32Type>()
                        .write_batch(&v, d.as_deref(), None)
                        .map_err(perr(path))?;
                }
                Kind::Double => {
                    let (v, d) = levels(
                        cells.iter().map(|c| match c {
                            Cell::F(v) => *v,
                            _ => None,
                        }),
                        spec.required,
                    );
                    column
                        .typed::<DoubleType>()
                        .write_batch(&v, d.as_deref(), None)
                        .map_err(perr(path))?;
                }
                Kind::Bool => {
                    let (v, d) = levels(
                        cells.iter().map(|c| match c {
                            Cell::B(v) => *v,
                            _ => None,
                        }),
                        spec.required,
                    );
                    column
                        .typed::<BoolType>()
                        .write_batch(&v, d.as_deref(), None)
                        .map_err(perr(path))?;
                }
                Kind::Str => {
                    let (v, d) = levels(
                        cells.into_iter().map(|c| match c {
                            Cell::S(v) => v.map(|s| ByteArray::from(s.into_bytes())),
                            _ => None,
                        }),
                        spec.required,
                    );
                    column
                        .typed::<ByteArrayType>()
                        .write_batch(&v, d.as_deref(), None)
                        .map_err(perr(path))?;
                }
            }
            column.close().map_err(perr(path))?;
        }
        rg.close().map_err(perr(path))?;
    }
    writer.close().map_err(perr(path))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn schema_parses_and_lists_every_column() {
        let schema = parse_message_type(&schema()).expect("schema");
        assert_eq!(schema.get_fields().len(), COLUMNS.len());
    }
}
