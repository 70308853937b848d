//! # dyad-lexicon: actor knowledge and actor recognition
//!
//! Loads the human-readable knowledge files under `data/lexicon/` (countries
//! and territories, blocs, seats of power, organisations, role/sector words,
//! people with dated roles; schemas in `docs/lexicon.md`) into an immutable,
//! `Send + Sync` [`Lexicon`], validated at load with errors naming file, line,
//! column and entry ([`LexiconError`], [`Problem`]). The built-in files are
//! embedded in the binary; `--lexicon DIR` layers add or override entries.
//!
//! [`Lexicon::recognize`] finds actor mentions in an analysed document with
//! one pass over its words (every name, alias, demonym, role word and person
//! name is a pattern, grouped by first word and compared only at words that
//! can start a pattern), assembles compounds (title + name,
//! demonym + role, role + of + country, country's institution), skips place
//! names used only as places ("in Moscow", "the Ukrainian city of ..."),
//! resolves each mention to an [`dyad_core::Actor`] with the role valid at the
//! publication date, and links short forms, "the Russian president", "the two
//! leaders" and pronouns back to earlier mentions (`antecedent`).
//! [`Lexicon::resolve_phrase`] explains the resolution of one phrase (used by
//! `dyad actor` and `dyad eval actors`).
//!
//! Not here: event patterns and coding (`dyad-coder`), place resolution
//! (`dyad-geo`), tokenization (`dyad-text`).
//!
//! Main types: [`Lexicon`], [`PhraseResolution`], [`CheckReport`],
//! [`LexiconError`].

mod compound;
mod context;
mod context_words;
mod coref;
mod dates;
mod definite;
mod error;
mod groups;
mod load;
mod model;
mod patterns;
mod people;
mod person;
mod phrase;
mod quotes;
mod recognize;
mod sources;
mod text;
mod tsv;
mod unknown;
mod words;

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use rustc_hash::{FxHashMap, FxHashSet};

pub use context::{
    country_from_home_places, country_from_own_place_places, DOCUMENT_COUNTRY_MARKER,
    SENTENCE_PLACE_MARKER,
};
pub use dates::parse_loose_date;
pub use definite::COREFERENCE_MARKER;
pub use error::{CheckReport, LexiconError, Problem, Severity};
pub use model::{
    is_sector_code, AntecedentKind, Country, DescriptionNoun, Org, Person, PersonRole, RoleKind,
    RoleWord, Seat, StatelessPeople, SECTOR_CODES,
};
pub use phrase::{describe, PhraseResolution};
pub use quotes::{quotations, Quotation};
pub use sources::{builtin_file_names, MANUAL_PREFIX, NO_MANUAL_ENV};
pub use unknown::needs_name_parse;

use load::{assemble, Knowledge, Source};
use patterns::PatternSet;

/// Immutable actor knowledge plus its compiled phrase matcher. Build once
/// (`Lexicon::builtin()` or `Lexicon::load(dirs)`), share freely across
/// threads.
pub struct Lexicon {
    k: Knowledge,
    // Looked up per mention: FxHash, not SipHash (keys are our own data).
    country_index: FxHashMap<String, usize>,
    org_index: FxHashMap<String, usize>,
    person_index: FxHashMap<String, usize>,
    /// Lower-case capital/city name → country index (dateline lookups).
    city_index: FxHashMap<String, usize>,
    /// Place nouns and their plurals ("city", "cities"), lower case.
    place_nouns: FxHashSet<String>,
    /// Lower-case demonym → country index ("ukrainian" → UKR); countries
    /// only, not blocs.
    demonym_index: FxHashMap<String, usize>,
    /// Lower-case given names: first words of at least [`GIVEN_NAME_MIN`]
    /// bulk (full-name-only) people's names ("ahmed", "maria"). A capitalised
    /// word opening a sentence is a given name, not a sentence opener, when it
    /// is one of these.
    given_names: FxHashSet<String>,
    /// Lower-case first name → its entry in `given-names.tsv` (gender).
    gendered_names: FxHashMap<String, usize>,
    /// Country/org code → people who held a role there.
    people_by_country: FxHashMap<String, Vec<usize>>,
    /// Per role word: its last word is a generic person noun ("official",
    /// "spokesman"), which takes its sector from the word before it.
    generic_roles: Vec<bool>,
    patterns: PatternSet,
    warnings: Vec<Problem>,
}

impl std::fmt::Debug for Lexicon {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Lexicon")
            .field("countries", &self.k.countries.len())
            .field("organizations", &self.k.orgs.len())
            .field("roles", &self.k.roles.len())
            .field("people", &self.k.people.len())
            .field("patterns", &self.patterns.pattern_count)
            .finish()
    }
}

/// How many bulk people's names must start with a word for it to count as a
/// given name (a few legislators named "Later ..." or "Then ..." do not make
/// those words names).
const GIVEN_NAME_MIN: usize = 5;

/// Counts of loaded entries.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct LexiconStats {
    /// Countries, territories and blocs.
    pub countries: usize,
    /// Seats of power.
    pub seats: usize,
    /// Cities and regions.
    pub cities: usize,
    /// Organisations.
    pub organizations: usize,
    /// Role words.
    pub roles: usize,
    /// People.
    pub people: usize,
    /// Dated person roles.
    pub person_roles: usize,
    /// Matcher patterns (after variants).
    pub patterns: usize,
}

impl Lexicon {
    /// The built-in lexicon (embedded files).
    pub fn builtin() -> Result<Lexicon, LexiconError> {
        Lexicon::load(&[])
    }

    /// The built-in lexicon with each directory layered on top: entries with
    /// the same key (country code, org id, phrase, person id) override.
    /// The manual files (`data/lexicon/manual/`) are included unless the
    /// environment variable `DYAD_LEXICON_NO_MANUAL` is set (to anything but
    /// "0"), so every command can be measured without them.
    pub fn load(extra_dirs: &[PathBuf]) -> Result<Lexicon, LexiconError> {
        Lexicon::load_with(extra_dirs, sources::manual_wanted_by_env())
    }

    /// Like [`Lexicon::load`], with the manual files in or out explicitly.
    pub fn load_with(extra_dirs: &[PathBuf], manual: bool) -> Result<Lexicon, LexiconError> {
        let mut sources = sources::builtin_sources(manual);
        for (i, dir) in extra_dirs.iter().enumerate() {
            sources.extend(sources::dir_sources(dir, i + 1)?);
        }
        Lexicon::from_sources(&sources)
    }

    fn from_sources(sources: &[Source]) -> Result<Lexicon, LexiconError> {
        let mut problems = Vec::new();
        // the context rules' word lists are embedded: a defect is a load
        // error naming file and line
        if let Err(p) = context_words::check_builtin() {
            problems.push(p);
        }
        let k = assemble(sources, &mut problems);
        let (errors, warnings): (Vec<Problem>, Vec<Problem>) = problems
            .into_iter()
            .partition(|p| p.severity == Severity::Error);
        if !errors.is_empty() {
            return Err(LexiconError::Invalid { problems: errors });
        }
        Lexicon::from_knowledge(k, warnings)
    }

    fn from_knowledge(k: Knowledge, warnings: Vec<Problem>) -> Result<Lexicon, LexiconError> {
        let patterns = PatternSet::build(&k)?;
        let country_index = k
            .countries
            .iter()
            .enumerate()
            .map(|(i, c)| (c.code.clone(), i))
            .collect();
        let org_index = k
            .orgs
            .iter()
            .enumerate()
            .map(|(i, o)| (o.id.clone(), i))
            .collect();
        let person_index = k
            .people
            .iter()
            .enumerate()
            .map(|(i, p)| (p.id.clone(), i))
            .collect();
        let mut demonym_index = FxHashMap::default();
        for (i, c) in k.countries.iter().enumerate().filter(|(_, c)| !c.bloc) {
            for d in &c.demonyms {
                demonym_index.entry(d.to_lowercase()).or_insert(i);
            }
        }
        let mut city_index = FxHashMap::default();
        for (i, c) in k.countries.iter().enumerate() {
            for cap in &c.capitals {
                city_index.entry(cap.to_lowercase()).or_insert(i);
            }
        }
        let country_pos: HashMap<&str, usize> = k
            .countries
            .iter()
            .enumerate()
            .map(|(i, c)| (c.code.as_str(), i))
            .collect();
        for c in &k.cities {
            if let Some(i) = country_pos.get(c.country.as_str()) {
                for n in std::iter::once(&c.name).chain(c.aliases.iter()) {
                    city_index.entry(n.to_lowercase()).or_insert(*i);
                }
            }
        }
        let mut people_by_country: FxHashMap<String, Vec<usize>> = FxHashMap::default();
        for (i, p) in k.people.iter().enumerate() {
            // Bulk legislators (full-name-only) are left out: "the president"
            // looks up office holders here, and 3,000 US representatives would
            // be walked for every such title.
            if !p.surname_matches {
                continue;
            }
            for r in &p.roles {
                let list = people_by_country.entry(r.country.clone()).or_default();
                if !list.contains(&i) {
                    list.push(i);
                }
            }
        }
        let mut first_words: FxHashMap<String, usize> = FxHashMap::default();
        for p in k.people.iter().filter(|p| !p.surname_matches) {
            let first = p.name.split(' ').next().unwrap_or("");
            if first.len() > 1 && first.chars().all(char::is_alphabetic) {
                *first_words.entry(first.to_lowercase()).or_default() += 1;
            }
        }
        let given_names = first_words
            .into_iter()
            .filter(|(_, n)| *n >= GIVEN_NAME_MIN)
            .map(|(w, _)| w)
            .collect();
        let gendered_names = k
            .given_names
            .iter()
            .enumerate()
            .map(|(i, g)| (g.name.clone(), i))
            .collect();
        let mut place_nouns = FxHashSet::default();
        for r in k.roles.iter().filter(|r| r.kind == RoleKind::Place) {
            place_nouns.insert(r.phrase.to_lowercase());
            place_nouns.extend(text::plurals(&r.phrase.to_lowercase()));
        }
        let generic_roles = k
            .roles
            .iter()
            .map(|r| {
                words::is_in(
                    words::GENERIC_HEADS,
                    r.phrase.rsplit(' ').next().unwrap_or(""),
                )
            })
            .collect();
        Ok(Lexicon {
            k,
            generic_roles,
            given_names,
            gendered_names,
            place_nouns,
            people_by_country,
            country_index,
            org_index,
            person_index,
            city_index,
            demonym_index,
            patterns,
            warnings,
        })
    }

    /// Validates `dir` layered on the built-in files and reports every
    /// problem (errors and warnings) instead of stopping at the first.
    pub fn check_dir(dir: &Path) -> Result<CheckReport, LexiconError> {
        let mut sources = sources::builtin_sources(true);
        let extra = sources::dir_sources(dir, 1)?;
        let files = sources.len() + extra.len();
        sources.extend(extra);
        let mut problems = Vec::new();
        let k = assemble(&sources, &mut problems);
        let entries = k.rows_per_layer.get(&1).copied().unwrap_or(0);
        if problems.iter().all(|p| p.severity != Severity::Error) {
            let lex = Lexicon::from_knowledge(k, Vec::new())?;
            problems.extend(lex.ambiguity_warnings());
        }
        Ok(CheckReport {
            files,
            entries,
            problems,
        })
    }

    /// Non-fatal problems met while loading (overrides).
    pub fn warnings(&self) -> &[Problem] {
        &self.warnings
    }

    /// Entry counts.
    pub fn stats(&self) -> LexiconStats {
        LexiconStats {
            countries: self.k.countries.len(),
            seats: self.k.seats.len(),
            cities: self.k.cities.len(),
            organizations: self.k.orgs.len(),
            roles: self.k.roles.len(),
            people: self.k.people.len(),
            person_roles: self.k.people.iter().map(|p| p.roles.len()).sum(),
            patterns: self.patterns.pattern_count,
        }
    }

    /// True when `word` (any case) opens the names of several known people:
    /// a given name ("Ahmed", "Maria").
    pub(crate) fn is_given_name(&self, word: &str) -> bool {
        !self.given_names.is_empty() && self.given_names.contains(&word.to_lowercase())
    }

    /// The gender entry of a first name (any case), from `given-names.tsv`.
    pub(crate) fn given_name(&self, word: &str) -> Option<&model::GivenName> {
        let lower;
        let key = if word.chars().any(char::is_uppercase) {
            lower = word.to_lowercase();
            lower.as_str()
        } else {
            word
        };
        self.gendered_names
            .get(key)
            .and_then(|&i| self.k.given_names.get(i))
    }

    /// The short name of a country, territory or bloc code ("RUS" → "Russia").
    pub fn country_name(&self, code: &str) -> Option<&str> {
        self.country(code).map(|c| c.name.as_str())
    }

    /// The country entry of a code.
    pub fn country(&self, code: &str) -> Option<&Country> {
        self.country_index
            .get(code)
            .and_then(|i| self.k.countries.get(*i))
    }

    /// True for known country and territory codes (not blocs).
    pub fn is_country_code(&self, code: &str) -> bool {
        self.country(code).is_some_and(|c| !c.bloc)
    }

    /// True for known bloc/region codes ("WST", "EUR").
    pub fn is_bloc_code(&self, code: &str) -> bool {
        self.country(code).is_some_and(|c| c.bloc)
    }

    /// An organisation by code.
    pub fn org(&self, id: &str) -> Option<&Org> {
        self.org_index.get(id).and_then(|i| self.k.orgs.get(*i))
    }

    /// All organisations (curated, bulk and user layers), in load order.
    pub fn orgs(&self) -> &[Org] {
        &self.k.orgs
    }

    /// A person by id.
    pub fn person(&self, id: &str) -> Option<&Person> {
        self.person_index
            .get(id)
            .and_then(|i| self.k.people.get(*i))
    }

    /// All countries, territories and blocs.
    pub fn countries(&self) -> &[Country] {
        &self.k.countries
    }

    /// The country whose capital or government city is `name`
    /// (case-insensitive: "MOSCOW" → "RUS").
    pub fn country_of_city(&self, name: &str) -> Option<&str> {
        let i = self.city_index.get(&name.trim().to_lowercase())?;
        self.k.countries.get(*i).map(|c| c.code.as_str())
    }

    /// The country a demonym names when it modifies a place noun
    /// ("Ukrainian" + "territory" → UKR; case-insensitive), for the coder,
    /// which lets such a phrase stand for its country as the target of an
    /// act ("fired missiles at Ukrainian territory"). The lexicon itself
    /// never makes such a phrase an actor.
    pub fn demonym_place_country(&self, demonym: &str, noun: &str) -> Option<&str> {
        if !self.place_nouns.contains(&noun.to_lowercase()) {
            return None;
        }
        let i = self.demonym_index.get(&demonym.trim().to_lowercase())?;
        self.k.countries.get(*i).map(|c| c.code.as_str())
    }

    /// The role a person held on `date`, or, when none, their most recent
    /// earlier role (see [`PersonRole`]); `None` for an unknown id.
    pub fn role_on(&self, person_id: &str, date: NaiveDate) -> Option<&PersonRole> {
        let p = self.person(person_id)?;
        recognize::role_at(p, date).map(|(r, _)| r)
    }

    /// Phrases matched by more than one entry of different kinds (reported by
    /// `dyad lexicon check`; the recogniser prefers person > organisation >
    /// seat > country > capital > demonym > role > surname).
    fn ambiguity_warnings(&self) -> Vec<Problem> {
        use patterns::Target;
        let origin = |t: &Target| -> Option<(String, usize, String)> {
            match t {
                Target::Person(i) => self.k.people.get(*i).and_then(|p| {
                    p.roles
                        .first()
                        .map(|r| (r.origin.file.to_string(), r.origin.line, p.id.clone()))
                }),
                Target::Org(i) => self
                    .k
                    .orgs
                    .get(*i)
                    .map(|o| (o.origin.file.to_string(), o.origin.line, o.id.clone())),
                Target::Country(i) => self
                    .k
                    .countries
                    .get(*i)
                    .map(|c| (c.origin.file.to_string(), c.origin.line, c.code.clone())),
                _ => None,
            }
        };
        let mut out = Vec::new();
        for (pattern, targets) in self.patterns.ambiguities() {
            let origins: Vec<_> = targets.iter().filter_map(origin).collect();
            // Report only what the checked directory brings in.
            let Some(user) = origins.iter().find(|(f, _, _)| !f.starts_with("builtin:")) else {
                continue;
            };
            let others: Vec<String> = origins
                .iter()
                .filter(|o| *o != user)
                .map(|(f, l, id)| format!("{id} ({f}:{l})"))
                .collect();
            out.push(Problem {
                severity: Severity::Warning,
                file: user.0.clone(),
                line: user.1,
                column: None,
                entry: user.2.clone(),
                message: format!("{pattern:?} also names {}", others.join(", ")),
            });
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn assert_send_sync<T: Send + Sync>() {}

    #[test]
    fn lexicon_is_send_and_sync() {
        assert_send_sync::<Lexicon>();
    }
}
