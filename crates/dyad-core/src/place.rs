use serde::{Deserialize, Serialize};

use crate::Span;

/// A gazetteer entry chosen for a toponym.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ResolvedPlace {
    /// GeoNames id (or a user place id for user-added places).
    pub geonameid: u64,
    /// Canonical name in the gazetteer.
    pub name: String,
    /// GeoNames feature class ("P", "A", ...).
    pub feature_class: String,
    /// GeoNames feature code ("PPLC", "ADM1", "PCLI", ...).
    pub feature_code: String,
    /// ISO 3166-1 alpha-3 of the containing country.
    pub country: String,
    /// First-level administrative division name, when known.
    pub admin1: Option<String>,
    /// Latitude in degrees.
    pub lat: f64,
    /// Longitude in degrees.
    pub lon: f64,
    /// Population, when known.
    pub population: u64,
}

/// A toponym found in a document, resolved when possible.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PlaceMention {
    /// Where it is in the document text.
    pub span: Span,
    /// Index of the sentence holding it.
    pub sentence: usize,
    /// The name as written.
    pub text: String,
    /// The chosen gazetteer entry, if any.
    pub place: Option<ResolvedPlace>,
    /// 0.0–1.0 confidence in the resolution.
    pub confidence: f32,
    /// Why this candidate was chosen (for `dyad explain`).
    pub reason: String,
}
