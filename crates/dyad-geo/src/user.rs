//! User place files: landmarks, bases, crossings, camps the gazetteer lacks.
//!
//! Tab-separated, one place a line, `#` starts a comment line. Fields:
//! name, latitude, longitude, ISO3 country, then optionally feature code,
//! admin1 name, alternate names (`|`-separated) and an id, e.g. (tabs shown
//! as ` | `): `Vostochny Cosmodrome | 51.88 | 128.33 | RUS | SPCE | Amur Oblast`.
//! The country `-` marks a place of no country (a sea, a gulf: "rescued
//! 5,000 people in the Mediterranean"); it takes no admin1.
//! Bad coordinates or a missing field are load errors naming file and line.

use std::path::Path;

use dyad_core::ResolvedPlace;

use crate::error::GeoError;
use crate::gazetteer::{Candidate, Gazetteer};

/// Ids given to user places without one start here (above GeoNames' range).
pub const USER_ID_BASE: u64 = 10_000_000_000;

/// Checks a coordinate pair.
pub(crate) fn check_coordinates(lat: f64, lon: f64) -> Result<(), String> {
    if !(-90.0..=90.0).contains(&lat) {
        return Err(format!("latitude {lat} is outside -90..90"));
    }
    if !(-180.0..=180.0).contains(&lon) {
        return Err(format!("longitude {lon} is outside -180..180"));
    }
    Ok(())
}

impl Gazetteer {
    /// Adds the places of a user place file; returns how many were added.
    pub fn add_places_file(&mut self, path: &Path) -> Result<usize, GeoError> {
        let text = std::fs::read_to_string(path).map_err(|source| GeoError::PlaceFileRead {
            path: path.to_path_buf(),
            source,
        })?;
        self.add_places_text(path, &text)
    }

    /// Adds places from the text of a user place file (`path` names it in errors).
    pub fn add_places_text(&mut self, path: &Path, text: &str) -> Result<usize, GeoError> {
        let mut added = 0;
        for (i, line) in text.lines().enumerate() {
            if line.trim().is_empty() || line.trim_start().starts_with('#') {
                continue;
            }
            let bad = |message: String| GeoError::PlaceFile {
                path: path.to_path_buf(),
                line: i + 1,
                message,
            };
            let f: Vec<&str> = line.split('\t').map(str::trim).collect();
            if f.len() < 4 {
                return Err(bad(format!(
                    "expected at least 4 tab-separated fields (name, lat, lon, country), found {}",
                    f.len()
                )));
            }
            let name = f[0];
            if name.is_empty() {
                return Err(bad("empty place name".into()));
            }
            let coord = |s: &str, what: &str| -> Result<f64, GeoError> {
                s.parse::<f64>()
                    .ok()
                    .filter(|v| v.is_finite())
                    .ok_or_else(|| bad(format!("{what} {s:?} is not a number")))
            };
            let lat = coord(f[1], "latitude")?;
            let lon = coord(f[2], "longitude")?;
            check_coordinates(lat, lon).map_err(bad)?;
            // `-`: a place no country holds (seas); stored with the empty
            // country code continents already carry.
            let country = if f[3] == "-" {
                String::new()
            } else {
                f[3].to_ascii_uppercase()
            };
            if f[3] != "-" && country.len() != 3 || !country.bytes().all(|b| b.is_ascii_uppercase())
            {
                return Err(bad(format!(
                    "country {:?} is not an ISO 3166 alpha-3 code (or `-` for none)",
                    f[3]
                )));
            }
            let code = f
                .get(4)
                .filter(|s| !s.is_empty())
                .unwrap_or(&"LCTY")
                .to_string();
            let admin_name = f.get(5).filter(|s| !s.is_empty() && !country.is_empty());
            let admin =
                admin_name.and_then(|a| self.find_admin1(&country, a).map(|c| (c, a.to_string())));
            let mut names = vec![name.to_string()];
            if let Some(alts) = f.get(6) {
                names.extend(
                    alts.split('|')
                        .map(str::trim)
                        .filter(|s| !s.is_empty())
                        .map(str::to_string),
                );
            }
            let geonameid = match f.get(7).filter(|s| !s.is_empty()) {
                Some(id) => id
                    .parse()
                    .map_err(|_| bad(format!("id {id:?} is not a number")))?,
                None => USER_ID_BASE + self.len() as u64,
            };
            let candidate = Candidate {
                place: ResolvedPlace {
                    geonameid,
                    name: name.to_string(),
                    feature_class: feature_class_of(&code).to_string(),
                    feature_code: code,
                    country,
                    admin1: admin
                        .as_ref()
                        .map(|(c, _)| c.place.name.clone())
                        .or_else(|| admin_name.map(|s| s.to_string())),
                    lat,
                    lon,
                    population: 0,
                },
                admin1_id: admin.map(|(c, _)| c.place.geonameid),
                user_defined: true,
            };
            self.add_user(names, candidate);
            added += 1;
        }
        Ok(added)
    }
}

/// GeoNames feature class of a feature code (approximate for user codes).
fn feature_class_of(code: &str) -> &'static str {
    match code {
        c if c.starts_with("PPL") => "P",
        c if c.starts_with("ADM") || c.starts_with("PCL") => "A",
        "ISL" | "MT" | "HLL" | "PASS" | "VAL" | "CAPE" => "T",
        "STM" | "LK" | "BAY" | "SEA" | "GULF" | "OCN" => "H",
        "RD" | "RDJCT" | "BDG" => "R",
        "RGN" | "AREA" | "CONT" => "L",
        "PEN" => "T",
        "STRT" => "H",
        _ => "S",
    }
}
