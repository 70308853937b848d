//! Reading the gazetteer source TSV written by `scripts/build-gazetteer.py`
//! and compiling it into the binary table.

use std::path::Path;

use crate::error::GeoError;
use crate::table::{build_table, SourceRecord};

/// Parses the source TSV: `id name class code iso3 admin1_id lat lon
/// population names demonyms`, names '|'-separated.
pub fn parse_source(path: &Path, text: &str) -> Result<Vec<SourceRecord>, GeoError> {
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let bad = |message: String| GeoError::PlaceFile {
            path: path.to_path_buf(),
            line: i + 1,
            message,
        };
        let f: Vec<&str> = line.split('\t').collect();
        if f.len() < 10 {
            return Err(bad(format!("expected 10 or 11 fields, found {}", f.len())));
        }
        let num = |s: &str, what: &str| -> Result<f64, GeoError> {
            s.parse::<f64>()
                .map_err(|_| bad(format!("{what} {s:?} is not a number")))
        };
        let lat = num(f[6], "latitude")?;
        let lon = num(f[7], "longitude")?;
        crate::user::check_coordinates(lat, lon).map_err(bad)?;
        let split = |s: &str| -> Vec<String> {
            s.split('|')
                .filter(|n| !n.trim().is_empty())
                .map(str::to_string)
                .collect()
        };
        out.push(SourceRecord {
            geonameid: f[0]
                .parse()
                .map_err(|_| bad(format!("id {:?} is not a number", f[0])))?,
            name: f[1].to_string(),
            feature_class: f[2].chars().next().unwrap_or('P'),
            feature_code: f[3].to_string(),
            country: f[4].to_string(),
            admin1: f[5].parse().ok(),
            lat,
            lon,
            population: f[8].parse().unwrap_or(0),
            names: split(f[9]),
            demonyms: f.get(10).map(|s| split(s)).unwrap_or_default(),
        });
    }
    Ok(out)
}

/// Compiles a source TSV file into a gazetteer file; returns the record count.
pub fn compile_file(source: &Path, out: &Path) -> Result<usize, GeoError> {
    let text = std::fs::read_to_string(source).map_err(|e| GeoError::PlaceFileRead {
        path: source.to_path_buf(),
        source: e,
    })?;
    let records = parse_source(source, &text)?;
    let bytes = build_table(&records);
    let tmp = out.with_extension("bin.tmp");
    std::fs::write(&tmp, bytes)
        .and_then(|()| std::fs::rename(&tmp, out))
        .map_err(|e| GeoError::Write {
            path: out.to_path_buf(),
            source: e,
        })?;
    Ok(records.len())
}
