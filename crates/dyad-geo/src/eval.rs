//! Scoring toponym resolution against a geoparsing gold set (`dyad eval geo`).
//!
//! Gold lines: `{"id","text","expect":[{"name","geonameid"?,"country"?,
//! "admin1"?,"feature_code"?,"lat"?,"lon"?}],"event_location"?}`.
//!
//! Each gold toponym is matched, in text order, to the first unused predicted
//! mention with the same name key (else one whose name contains it or is
//! contained in it). A matched toponym is *correct* when the geonameid
//! matches (where the gold gives one), else when it lies within
//! [`DISTANCE_KM`] of the gold coordinates (where given), else when the
//! country matches and so do admin1 and feature code where the gold gives
//! them. *Accuracy* and *country accuracy* are over matched toponyms;
//! *recall* is matched / gold toponyms.

use std::path::Path;

use dyad_core::PlaceMention;
use serde::{Deserialize, Serialize};

use crate::error::GeoError;
use crate::normalize::name_key;

/// The field's usual "correct" radius: 161 km (100 miles).
pub const DISTANCE_KM: f64 = 161.0;

/// One gold document.
#[derive(Debug, Clone, Deserialize)]
pub struct GoldCase {
    /// Case id.
    pub id: String,
    /// Document text.
    pub text: String,
    /// Expected toponyms in text order.
    #[serde(default)]
    pub expect: Vec<GoldToponym>,
    /// Where the gold says the event happened, when it says.
    #[serde(default)]
    pub event_location: Option<String>,
}

/// One expected toponym.
#[derive(Debug, Clone, Deserialize)]
pub struct GoldToponym {
    /// Name as written.
    pub name: String,
    /// GeoNames id (string or number in the file).
    #[serde(default, deserialize_with = "id_any")]
    pub geonameid: Option<u64>,
    /// ISO3 country.
    #[serde(default)]
    pub country: Option<String>,
    /// First-level division name.
    #[serde(default)]
    pub admin1: Option<String>,
    /// GeoNames feature code.
    #[serde(default)]
    pub feature_code: Option<String>,
    /// Latitude.
    #[serde(default)]
    pub lat: Option<f64>,
    /// Longitude.
    #[serde(default)]
    pub lon: Option<f64>,
}

fn id_any<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<u64>, D::Error> {
    let v = Option::<serde_json::Value>::deserialize(d)?;
    Ok(match v {
        Some(serde_json::Value::Number(n)) => n.as_u64(),
        Some(serde_json::Value::String(s)) => s.trim().parse().ok(),
        _ => None,
    })
}

/// Reads a gold JSONL file; errors name the file and line.
pub fn read_gold(path: &Path) -> Result<Vec<GoldCase>, GeoError> {
    let text = std::fs::read_to_string(path).map_err(|source| GeoError::PlaceFileRead {
        path: path.to_path_buf(),
        source,
    })?;
    text.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(i, l)| {
            serde_json::from_str(l).map_err(|e| GeoError::PlaceFile {
                path: path.to_path_buf(),
                line: i + 1,
                message: format!("not a gold case: {e}"),
            })
        })
        .collect()
}

/// A gold toponym that was missed or resolved wrongly.
#[derive(Debug, Clone, Serialize)]
pub struct Failure {
    /// Case id.
    pub case: String,
    /// Gold name.
    pub name: String,
    /// What was expected, in short.
    pub expected: String,
    /// What was predicted ("missed" when nothing matched).
    pub got: String,
}

/// Totals over a gold set.
#[derive(Debug, Clone, Default, Serialize)]
pub struct GeoScore {
    /// Gold toponyms.
    pub toponyms: usize,
    /// Gold toponyms matched by a prediction.
    pub matched: usize,
    /// Matched and resolved right.
    pub correct: usize,
    /// Matched with the right country.
    pub country_correct: usize,
    /// Every miss and wrong resolution.
    pub failures: Vec<Failure>,
}

impl GeoScore {
    /// correct / matched.
    pub fn accuracy(&self) -> f64 {
        ratio(self.correct, self.matched)
    }
    /// country_correct / matched.
    pub fn country_accuracy(&self) -> f64 {
        ratio(self.country_correct, self.matched)
    }
    /// matched / toponyms.
    pub fn recall(&self) -> f64 {
        ratio(self.matched, self.toponyms)
    }

    /// Scores one case's predictions and adds them to the totals.
    pub fn add_case(&mut self, case: &GoldCase, predicted: &[PlaceMention]) {
        let mut used = vec![false; predicted.len()];
        for gold in &case.expect {
            self.toponyms += 1;
            let key = name_key(&gold.name);
            let pick = find(predicted, &used, |p| name_key(&p.text) == key).or_else(|| {
                find(predicted, &used, |p| {
                    let pk = name_key(&p.text);
                    !pk.is_empty() && (pk.contains(&key) || key.contains(&pk))
                })
            });
            let Some(i) = pick else {
                self.failures.push(Failure {
                    case: case.id.clone(),
                    name: gold.name.clone(),
                    expected: describe_gold(gold),
                    got: "missed".into(),
                });
                continue;
            };
            if let Some(u) = used.get_mut(i) {
                *u = true;
            }
            self.matched += 1;
            let Some(p) = predicted.get(i) else { continue };
            let (right, country_right) = judge(gold, p);
            self.correct += usize::from(right);
            self.country_correct += usize::from(country_right);
            if !right {
                self.failures.push(Failure {
                    case: case.id.clone(),
                    name: gold.name.clone(),
                    expected: describe_gold(gold),
                    got: p.place.as_ref().map_or("unresolved".into(), |r| {
                        format!(
                            "{} {} ({} {} {}) [{}]",
                            r.geonameid,
                            r.name,
                            r.feature_code,
                            r.country,
                            r.admin1.as_deref().unwrap_or("-"),
                            p.reason
                        )
                    }),
                });
            }
        }
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

fn find(
    predicted: &[PlaceMention],
    used: &[bool],
    ok: impl Fn(&PlaceMention) -> bool,
) -> Option<usize> {
    predicted
        .iter()
        .enumerate()
        .find(|(i, p)| !used.get(*i).copied().unwrap_or(true) && ok(p))
        .map(|(i, _)| i)
}

/// (correct, country correct) for one matched toponym.
fn judge(gold: &GoldToponym, p: &PlaceMention) -> (bool, bool) {
    let Some(r) = p.place.as_ref() else {
        return (false, false);
    };
    let country_right = gold.country.as_deref().map(|c| c == r.country);
    let right = if let Some(id) = gold.geonameid {
        id == r.geonameid
    } else if let (Some(lat), Some(lon)) = (gold.lat, gold.lon) {
        haversine_km(lat, lon, r.lat, r.lon) <= DISTANCE_KM
    } else {
        country_right.unwrap_or(true)
            && admin1_agrees(gold.admin1.as_deref(), r.admin1.as_deref())
            && gold
                .feature_code
                .as_deref()
                .is_none_or(|f| f == r.feature_code)
    };
    (right, country_right.unwrap_or(right))
}

/// True when no admin1 is expected, or the names agree loosely
/// ("Amur" ~ "Amur Oblast").
fn admin1_agrees(want: Option<&str>, got: Option<&str>) -> bool {
    let Some(want) = want else { return true };
    let Some(got) = got else { return false };
    let (w, g) = (name_key(want), name_key(got));
    !w.is_empty() && (g == w || g.starts_with(&format!("{w} ")) || w.starts_with(&format!("{g} ")))
}

fn describe_gold(g: &GoldToponym) -> String {
    let mut parts = Vec::new();
    if let Some(id) = g.geonameid {
        parts.push(id.to_string());
    }
    for v in [&g.feature_code, &g.country, &g.admin1]
        .into_iter()
        .flatten()
    {
        parts.push(v.clone());
    }
    if let (Some(lat), Some(lon)) = (g.lat, g.lon) {
        parts.push(format!("{lat:.3},{lon:.3}"));
    }
    parts.join(" ")
}

/// Great-circle distance in kilometres.
pub fn haversine_km(lat1: f64, lon1: f64, lat2: f64, lon2: f64) -> f64 {
    let (p1, p2) = (lat1.to_radians(), lat2.to_radians());
    let dp = (lat2 - lat1).to_radians();
    let dl = (lon2 - lon1).to_radians();
    let a = (dp / 2.0).sin().powi(2) + p1.cos() * p2.cos() * (dl / 2.0).sin().powi(2);
    2.0 * 6371.0 * a.sqrt().clamp(0.0, 1.0).asin()
}

#[cfg(test)]
mod tests {
    use super::*;
    use dyad_core::{ResolvedPlace, Span};

    fn mention(text: &str, id: u64, country: &str, admin1: Option<&str>) -> PlaceMention {
        PlaceMention {
            span: Span::new(0, 1),
            sentence: 0,
            text: text.into(),
            place: Some(ResolvedPlace {
                geonameid: id,
                name: text.into(),
                feature_class: "P".into(),
                feature_code: "PPL".into(),
                country: country.into(),
                admin1: admin1.map(str::to_string),
                lat: 50.0,
                lon: 14.0,
                population: 1,
            }),
            confidence: 1.0,
            reason: String::new(),
        }
    }

    #[test]
    fn scores_ids_countries_admin1_distance_and_misses() {
        let case: GoldCase = serde_json::from_str(
            r#"{"id":"t","text":"x","expect":[
                {"name":"Alpha","geonameid":"7"},
                {"name":"Beta","country":"USA","admin1":"Amur"},
                {"name":"Gamma","lat":50.5,"lon":14.5},
                {"name":"Delta","country":"FRA"}]}"#,
        )
        .unwrap();
        let predicted = vec![
            mention("Alpha", 8, "CZE", None),
            mention("Beta", 1, "USA", Some("Amur Oblast")),
            mention("Gamma", 2, "CZE", None),
        ];
        let mut score = GeoScore::default();
        score.add_case(&case, &predicted);
        assert_eq!((score.toponyms, score.matched, score.correct), (4, 3, 2));
        assert_eq!(score.failures.len(), 2);
        assert!((score.recall() - 0.75).abs() < 1e-9);
        assert!(haversine_km(50.0, 14.0, 50.5, 14.5) < DISTANCE_KM);
        assert!(haversine_km(0.0, 0.0, 0.0, 2.0) > DISTANCE_KM);
    }
}
