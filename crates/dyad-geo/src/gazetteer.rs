//! The loaded gazetteer: the compiled GeoNames table plus user places.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};

use rustc_hash::FxHashSet;

use dyad_core::ResolvedPlace;

mod demonyms;
mod text_cache;

use crate::error::GeoError;
use crate::normalize::{name_key, name_key_into};
use crate::table::{build_table, RawRecord, SourceRecord, Table, DEMONYM_BIT};
pub(crate) use demonyms::Demonyms;

/// Built-in places the GeoNames data lacks (regions, facilities, crossings).
pub(crate) const BUILTIN_PLACES: &str = include_str!("../../../data/gazetteer/places.tsv");
const BUILTIN_PLACES_NAME: &str = "data/gazetteer/places.tsv";

/// File name of the compiled gazetteer.
pub const GAZETTEER_FILE: &str = "gazetteer.bin";
/// Environment variable naming the gazetteer file to use.
pub const GAZETTEER_ENV: &str = "DYAD_GAZETTEER";

/// One possible referent of a name.
#[derive(Debug, Clone, PartialEq)]
pub struct Candidate {
    /// The entry, as it would be reported.
    pub place: ResolvedPlace,
    /// GeoNames id of its first-level division (itself for an ADM1).
    pub admin1_id: Option<u64>,
    /// True for entries from a user place file.
    pub user_defined: bool,
}

impl Candidate {
    /// True for countries and dependent territories.
    pub fn is_country(&self) -> bool {
        self.place.feature_code.starts_with("PCL") || self.place.feature_code == "TERR"
    }
    /// True for continents.
    pub fn is_continent(&self) -> bool {
        self.place.feature_code == "CONT"
    }
    /// True for administrative divisions (ADM1, ADM2, ...).
    pub fn is_division(&self) -> bool {
        self.place.feature_code.starts_with("ADM")
    }
    /// Division level: 1 for ADM1, 2 for ADM2, ...; 0 for anything else.
    pub fn division_level(&self) -> u8 {
        match self.place.feature_code.as_str() {
            "ADM1" => 1,
            "ADM2" => 2,
            "ADM3" => 3,
            "ADM4" => 4,
            _ => 0,
        }
    }
}

/// A GeoNames-derived gazetteer with optional user places.
#[derive(Debug)]
pub struct Gazetteer {
    table: Table,
    path: Option<PathBuf>,
    countries: HashMap<String, u32>,
    user: Vec<Candidate>,
    user_index: HashMap<String, Vec<usize>>,
    /// Every start (byte prefix) of a key of `user_index`.
    user_prefixes: FxHashSet<String>,
    /// Demonym key → ISO3 country (as [`Gazetteer::demonym_country`] gives
    /// it), collected from the table on first use.
    demonyms: OnceLock<Demonyms>,
    /// Identity of the contents for the per-thread caches of name
    /// statuses and candidates (see `text_cache`): renewed when places
    /// are added.
    cache_owner: u64,
}

impl Gazetteer {
    /// Loads the gazetteer from `$DYAD_GAZETTEER`, else `gazetteer.bin` next to
    /// the executable (or in `data/gazetteer/` there), else the repository's
    /// `data/gazetteer/gazetteer.bin`.
    pub fn load_default() -> Result<Gazetteer, GeoError> {
        let searched = default_paths();
        if let Ok(explicit) = std::env::var(GAZETTEER_ENV) {
            if !explicit.is_empty() {
                return Gazetteer::load(Path::new(&explicit));
            }
        }
        match searched.iter().find(|p| p.is_file()) {
            Some(path) => Gazetteer::load(path),
            None => Err(GeoError::NotFound {
                searched: searched
                    .iter()
                    .map(|p| p.display().to_string())
                    .collect::<Vec<_>>()
                    .join(", "),
            }),
        }
    }

    /// Loads a compiled gazetteer file (one read; no parsing of text).
    pub fn load(path: &Path) -> Result<Gazetteer, GeoError> {
        let bytes = std::fs::read(path).map_err(|source| GeoError::Read {
            path: path.to_path_buf(),
            source,
        })?;
        let table = Table::parse(bytes).map_err(|detail| GeoError::Corrupt {
            path: path.to_path_buf(),
            detail,
        })?;
        let mut gaz = Gazetteer::from_table(table);
        gaz.path = Some(path.to_path_buf());
        gaz.add_builtin_places();
        Ok(gaz)
    }

    /// Builds an in-memory gazetteer from records (tests, small custom sets).
    pub fn from_records(records: &[SourceRecord]) -> Gazetteer {
        match Table::parse(build_table(records)) {
            Ok(table) => Gazetteer::from_table(table),
            // build_table always writes a consistent table; an empty one is the
            // harmless fallback should that ever change.
            Err(_) => Gazetteer::from_table(Table::empty()),
        }
    }

    fn from_table(table: Table) -> Gazetteer {
        let countries = table
            .iter()
            .filter(|(_, r)| r.code.starts_with("PCL"))
            .map(|(i, r)| (String::from_utf8_lossy(&r.country).into_owned(), i))
            .collect();
        Gazetteer {
            table,
            path: None,
            countries,
            user: Vec::new(),
            user_index: HashMap::new(),
            user_prefixes: FxHashSet::default(),
            demonyms: OnceLock::new(),
            cache_owner: text_cache::next_owner(),
        }
    }

    /// (some name key starts like `text`'s key, `text` is a name); `key`
    /// is scratch space for the key.
    pub(crate) fn name_status(&self, text: &str, key: &mut String) -> (bool, bool) {
        name_key_into(text, key);
        self.key_status(key)
    }

    /// [`Gazetteer::name_status`], remembered across documents (per thread,
    /// by the text as written: most capitalised words recur, so one hash
    /// probe instead of a key build and a table search).
    pub(crate) fn cached_name_status(&self, text: &str, key: &mut String) -> (bool, bool) {
        text_cache::name_status(self.cache_owner, text, || self.name_status(text, key))
    }

    /// Adds the built-in places of `data/gazetteer/places.tsv` (embedded).
    pub fn add_builtin_places(&mut self) {
        // The embedded file is checked by a unit test; a defect there must not
        // stop the gazetteer from loading.
        let _ = self.add_places_text(Path::new(BUILTIN_PLACES_NAME), BUILTIN_PLACES);
    }

    /// The file this gazetteer was loaded from, if any.
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// Number of entries (GeoNames and user places).
    pub fn len(&self) -> usize {
        self.table.len() + self.user.len()
    }

    /// True when the gazetteer holds no entry.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Every entry that a name can refer to (exact key match, any case,
    /// diacritics ignored; a leading "the" is ignored).
    pub fn lookup(&self, name: &str) -> Vec<Candidate> {
        let key = name_key(name);
        self.lookup_key(key.strip_prefix("the ").unwrap_or(&key))
    }

    /// [`Gazetteer::lookup`], shared and remembered across documents (per
    /// thread, by the name as written).
    pub(crate) fn shared_candidates(&self, name: &str) -> Arc<[Candidate]> {
        text_cache::candidates(self.cache_owner, name, || self.lookup(name).into())
    }

    /// Every entry with name key `key`.
    fn lookup_key(&self, key: &str) -> Vec<Candidate> {
        let mut out: Vec<Candidate> = self
            .table
            .posting_iter(key)
            .filter(|p| p & DEMONYM_BIT == 0)
            .filter_map(|i| self.candidate(i))
            .collect();
        if let Some(list) = self.user_index.get(key) {
            out.extend(list.iter().filter_map(|&i| self.user.get(i).cloned()));
        }
        out
    }

    /// True when some entry is named `name` (cheaper than [`Gazetteer::lookup`]).
    pub fn has_name(&self, name: &str) -> bool {
        self.has_key(&name_key(name))
    }

    /// [`Gazetteer::has_name`] for a key made by [`name_key`].
    pub(crate) fn has_key(&self, key: &str) -> bool {
        self.table.posting_iter(key).any(|p| p & DEMONYM_BIT == 0)
            || self.user_index.contains_key(key)
    }

    /// (some name key starts with `key`, `key` is a name) for a key made by
    /// [`name_key`]; one table search answers both.
    fn key_status(&self, key: &str) -> (bool, bool) {
        if key.is_empty() {
            return (false, false);
        }
        let (table_prefix, mut postings) = self.table.prefix_status(key);
        let prefix = table_prefix || self.has_user_key_prefix(key);
        let exact =
            prefix && (postings.any(|p| p & DEMONYM_BIT == 0) || self.user_index.contains_key(key));
        (prefix, exact)
    }

    /// True when some user place key starts with `prefix`.
    fn has_user_key_prefix(&self, prefix: &str) -> bool {
        self.user_prefixes.contains(prefix)
    }

    /// True when `name` names a country, continent, first-level division or
    /// a place of at least `population` people (no allocation per entry).
    pub(crate) fn names_major_place(&self, name: &str, population: u32) -> bool {
        self.table
            .posting_iter(&name_key(name))
            .filter(|p| p & DEMONYM_BIT == 0)
            .filter_map(|i| self.table.record(i))
            .any(|r| {
                r.code.starts_with("PCL")
                    || r.code == "CONT"
                    || r.code == "ADM1"
                    || r.population >= population
            })
    }

    /// The ISO3 country a demonym ("Syrian", "British") points at.
    pub fn demonym_country(&self, word: &str) -> Option<String> {
        self.demonym_iso3(word, &mut String::new())
            .map(str::to_string)
    }

    /// [`Gazetteer::demonym_country`] without allocating (`key` is scratch
    /// space for the word's key).
    pub(crate) fn demonym_iso3(&self, word: &str, key: &mut String) -> Option<&str> {
        self.demonyms().country(word, key)
    }

    /// The demonym table, collected from the gazetteer table on first use.
    pub(crate) fn demonyms(&self) -> &Demonyms {
        self.demonyms.get_or_init(|| {
            Demonyms::new(
                self.table
                    .demonyms()
                    .into_iter()
                    .filter_map(|(key, p)| {
                        let r = self.table.record(p & !DEMONYM_BIT)?;
                        Some((key, String::from_utf8_lossy(&r.country).into_owned()))
                    })
                    .collect(),
            )
        })
    }

    /// The country entry (centroid) for an ISO3 code, for country-precision
    /// event locations.
    pub fn country_place(&self, iso3: &str) -> Option<ResolvedPlace> {
        let i = *self.countries.get(iso3)?;
        self.candidate(i).map(|c| c.place)
    }

    /// The entry with a GeoNames id, when present (linear scan; for tools).
    pub fn by_id(&self, geonameid: u64) -> Option<Candidate> {
        self.table
            .iter()
            .find(|(_, r)| r.geonameid as u64 == geonameid)
            .and_then(|(i, _)| self.candidate(i))
            .or_else(|| {
                self.user
                    .iter()
                    .find(|c| c.place.geonameid == geonameid)
                    .cloned()
            })
    }

    /// Adds user places (already validated) to the gazetteer.
    pub(crate) fn add_user(&mut self, names: Vec<String>, candidate: Candidate) {
        self.cache_owner = text_cache::next_owner();
        let at = self.user.len();
        self.user.push(candidate);
        for name in names {
            let key = name_key(&name);
            if !key.is_empty() {
                for end in (1..=key.len()).filter(|&e| key.is_char_boundary(e)) {
                    if let Some(start) = key.get(..end).filter(|s| !self.user_prefixes.contains(*s))
                    {
                        self.user_prefixes.insert(start.to_string());
                    }
                }
                let list = self.user_index.entry(key).or_default();
                if !list.contains(&at) {
                    list.push(at);
                }
            }
        }
    }

    /// The first-level division named `name` in `country`, if any.
    pub(crate) fn find_admin1(&self, country: &str, name: &str) -> Option<Candidate> {
        self.lookup(name)
            .into_iter()
            .find(|c| c.place.feature_code == "ADM1" && c.place.country == country)
    }

    fn candidate(&self, i: u32) -> Option<Candidate> {
        let r = self.table.record(i)?;
        let admin = r.admin1.and_then(|a| self.table.record(a));
        Some(to_candidate(&r, admin.as_ref()))
    }
}

fn to_candidate(r: &RawRecord<'_>, admin: Option<&RawRecord<'_>>) -> Candidate {
    Candidate {
        place: ResolvedPlace {
            geonameid: r.geonameid as u64,
            name: r.name.to_string(),
            feature_class: (r.class as char).to_string(),
            feature_code: r.code.to_string(),
            country: String::from_utf8_lossy(&r.country).trim().to_string(),
            admin1: admin.map(|a| a.name.to_string()),
            lat: f64::from(r.lat),
            lon: f64::from(r.lon),
            population: r.population as u64,
        },
        admin1_id: admin.map(|a| a.geonameid as u64),
        user_defined: false,
    }
}

/// The paths `load_default` tries after `$DYAD_GAZETTEER`, in order.
pub fn default_paths() -> Vec<PathBuf> {
    let mut paths = Vec::new();
    if let Some(dir) = std::env::current_exe()
        .ok()
        .and_then(|e| e.parent().map(Path::to_path_buf))
    {
        paths.push(dir.join(GAZETTEER_FILE));
        paths.push(dir.join("data").join("gazetteer").join(GAZETTEER_FILE));
    }
    paths.push(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../../data/gazetteer")
            .join(GAZETTEER_FILE),
    );
    paths
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(id: u32, name: &str, code: &str, demonyms: &[&str]) -> SourceRecord {
        SourceRecord {
            geonameid: id,
            name: name.into(),
            feature_class: if code.starts_with("PCL") { 'A' } else { 'P' },
            feature_code: code.into(),
            country: "SYR".into(),
            admin1: None,
            lat: 35.0,
            lon: 38.0,
            population: 1_000,
            names: Vec::new(),
            demonyms: demonyms.iter().map(|d| d.to_string()).collect(),
        }
    }

    #[test]
    fn name_status_answers_prefixes_and_names_of_any_length() {
        let mut gaz = Gazetteer::from_records(&[
            record(1, "Saint Petersburg", "PPL", &[]),
            record(2, "Saint Paul", "PPL", &[]),
            record(3, "Cox's Bazar", "PPL", &[]),
            record(4, "Syria", "PCLI", &["Syrian"]),
        ]);
        let status = |gaz: &Gazetteer, text: &str| gaz.name_status(text, &mut String::new());
        assert_eq!(status(&gaz, "Saint"), (true, false));
        assert_eq!(status(&gaz, "Saint Pe"), (true, false));
        assert_eq!(status(&gaz, "SAINT PETERSBURG"), (true, true));
        assert_eq!(status(&gaz, "Saint Petersburgs"), (false, false));
        assert_eq!(status(&gaz, "Saint Paul"), (true, true));
        assert_eq!(status(&gaz, "Cox"), (true, false));
        assert_eq!(status(&gaz, "Cox's Bazar"), (true, true));
        // A demonym key is no name.
        assert_eq!(status(&gaz, "Syrian"), (true, false));
        assert_eq!(status(&gaz, "Aleppo"), (false, false));
        assert_eq!(gaz.demonym_country("Syrian").as_deref(), Some("SYR"));
        assert_eq!(gaz.demonym_country("Syria"), None);
        // User places answer prefixes too, and replace remembered candidates.
        assert!(gaz.shared_candidates("Camp Alpha").is_empty());
        let cached = |gaz: &Gazetteer, text: &str| gaz.cached_name_status(text, &mut String::new());
        assert_eq!(cached(&gaz, "Camp Alpha"), (false, false));
        assert_eq!(cached(&gaz, "Camp Alpha"), (false, false));
        gaz.add_places_text(Path::new("t.tsv"), "Camp Alpha\t34.7\t36.8\tSYR\n")
            .unwrap();
        assert_eq!(cached(&gaz, "Camp Alpha"), (true, true));
        assert_eq!(status(&gaz, "Camp"), (true, false));
        assert_eq!(status(&gaz, "Camp Alpha"), (true, true));
        assert_eq!(gaz.shared_candidates("the Camp Alpha").len(), 1);
    }
}
