//! GDELT 2.0 event-table rows (61 tab-separated columns, GDELT's order).
//! The mapping is documented column by column in `docs/store.md`; a field
//! dyad has no value for stays empty, never guessed.

use chrono::Datelike;

use crate::merge::config::{cameo_base, cameo_root};
use crate::query::EventRow;
use crate::text::parse_date;

/// The 61 column names of the GDELT 2.0 event table, in order.
pub const GDELT_COLUMNS: [&str; 61] = [
    "GLOBALEVENTID",
    "SQLDATE",
    "MonthYear",
    "Year",
    "FractionDate",
    "Actor1Code",
    "Actor1Name",
    "Actor1CountryCode",
    "Actor1KnownGroupCode",
    "Actor1EthnicCode",
    "Actor1Religion1Code",
    "Actor1Religion2Code",
    "Actor1Type1Code",
    "Actor1Type2Code",
    "Actor1Type3Code",
    "Actor2Code",
    "Actor2Name",
    "Actor2CountryCode",
    "Actor2KnownGroupCode",
    "Actor2EthnicCode",
    "Actor2Religion1Code",
    "Actor2Religion2Code",
    "Actor2Type1Code",
    "Actor2Type2Code",
    "Actor2Type3Code",
    "IsRootEvent",
    "EventCode",
    "EventBaseCode",
    "EventRootCode",
    "QuadClass",
    "GoldsteinScale",
    "NumMentions",
    "NumSources",
    "NumArticles",
    "AvgTone",
    "Actor1Geo_Type",
    "Actor1Geo_FullName",
    "Actor1Geo_CountryCode",
    "Actor1Geo_ADM1Code",
    "Actor1Geo_ADM2Code",
    "Actor1Geo_Lat",
    "Actor1Geo_Long",
    "Actor1Geo_FeatureID",
    "Actor2Geo_Type",
    "Actor2Geo_FullName",
    "Actor2Geo_CountryCode",
    "Actor2Geo_ADM1Code",
    "Actor2Geo_ADM2Code",
    "Actor2Geo_Lat",
    "Actor2Geo_Long",
    "Actor2Geo_FeatureID",
    "ActionGeo_Type",
    "ActionGeo_FullName",
    "ActionGeo_CountryCode",
    "ActionGeo_ADM1Code",
    "ActionGeo_ADM2Code",
    "ActionGeo_Lat",
    "ActionGeo_Long",
    "ActionGeo_FeatureID",
    "DATEADDED",
    "SOURCEURL",
];

/// GDELT's geographic resolution code of a place: 1 country, 2 US state,
/// 3 US city, 4 world city, 5 world state; empty when unknown.
fn geo_type(row: &EventRow) -> String {
    let us = row.place_country.as_deref() == Some("USA");
    match row.place_feature.as_deref() {
        Some(f) if f.starts_with("PCL") => "1".into(),
        Some(f) if f.starts_with("ADM1") => if us { "2" } else { "5" }.into(),
        Some(f) if f.starts_with("PPL") => if us { "3" } else { "4" }.into(),
        None if row.place_country.is_some() && row.place_name.is_some() => "1".into(),
        _ => String::new(),
    }
}

fn opt(v: &Option<String>) -> String {
    v.clone().unwrap_or_default()
}

fn sector(sectors: &Option<String>, i: usize) -> String {
    sectors
        .as_deref()
        .and_then(|s| s.split_whitespace().nth(i))
        .unwrap_or("")
        .to_string()
}

/// The 61 fields of a row, in [`GDELT_COLUMNS`] order.
pub fn gdelt_record(row: &EventRow) -> Vec<String> {
    // No date at all (an undated document): GDELT's date fields stay empty.
    let date = parse_date(&row.date).filter(|_| row.date_precision != "unknown");
    let (sqldate, month_year, year, fraction) = match date {
        Some(d) => (
            d.format("%Y%m%d").to_string(),
            d.format("%Y%m").to_string(),
            d.year().to_string(),
            // GDELT's own approximation: year + (month * 30 + day) / 365.
            format!(
                "{:.4}",
                f64::from(d.year()) + f64::from(d.month() * 30 + d.day()) / 365.0
            ),
        ),
        None => Default::default(),
    };
    let date_added = row
        .first_report
        .as_deref()
        .and_then(parse_date)
        .map(|d| d.format("%Y%m%d000000").to_string())
        .unwrap_or_default();
    let full_name = match (&row.place_name, &row.place_admin1) {
        (Some(n), Some(a)) if n != a => format!("{n}, {a}"),
        (Some(n), _) => n.clone(),
        _ => String::new(),
    };
    let coord = |v: Option<f64>| v.map(|x| format!("{x:.4}")).unwrap_or_default();
    let has_action_geo = row.place_name.is_some() || row.place_country.is_some();
    let empty = String::new;
    let mut f: Vec<String> = Vec::with_capacity(61);
    f.push(row.id.to_string());
    f.extend([sqldate, month_year, year, fraction]);
    for (code, name, country, org, sectors) in [
        (
            &row.source_code,
            &row.source_name,
            &row.source_country,
            &row.source_org,
            &row.source_sectors,
        ),
        (
            &row.target_code,
            &row.target_name,
            &row.target_country,
            &row.target_org,
            &row.target_sectors,
        ),
    ] {
        f.push(opt(code));
        f.push(name.as_deref().map(str::to_uppercase).unwrap_or_default());
        f.push(opt(country));
        f.push(opt(org)); // KnownGroupCode
        f.extend([empty(), empty(), empty()]); // Ethnic, Religion1, Religion2
        f.extend([sector(sectors, 0), sector(sectors, 1), sector(sectors, 2)]);
    }
    f.push(if row.is_root { "1" } else { "0" }.into());
    f.push(row.cameo.clone());
    f.push(cameo_base(&row.cameo).to_string());
    f.push(cameo_root(&row.cameo).to_string());
    f.push(row.quad_class.to_string());
    f.push(format!("{:.1}", row.goldstein));
    f.push(row.num_mentions.to_string());
    f.push(row.num_sources.to_string());
    f.push(row.num_articles.to_string());
    f.push(empty()); // AvgTone
    f.extend((0..16).map(|_| empty())); // Actor1Geo_*, Actor2Geo_*
    if has_action_geo {
        f.push(geo_type(row));
        f.push(full_name);
    } else {
        f.extend([empty(), empty()]);
    }
    f.extend([empty(), empty(), empty()]); // FIPS country, ADM1, ADM2 codes
    f.push(coord(row.lat));
    f.push(coord(row.lon));
    f.push(empty()); // FeatureID (GNS/GNIS ids; dyad has GeoNames ids)
    f.push(date_added);
    f.push(opt(&row.url));
    // Tabs or newlines inside a field would break the TSV.
    for field in &mut f {
        if field.contains(['\t', '\n', '\r']) {
            *field = field.replace(['\t', '\n', '\r'], " ");
        }
    }
    f
}
