//! Turns knowledge files into validated entries. Files are grouped in layers
//! (layer 0 = built-in, then one layer per `--lexicon` directory); a later
//! layer overrides entries with the same key, while two entries with the same
//! key in one layer are a conflict.

use std::collections::HashMap;

use crate::error::{Problem, Severity};
use crate::model::{
    is_sector_code, AntecedentKind, City, Country, DescriptionNoun, GivenName, Org, Origin, Person,
    RoleKind, RoleWord, Seat, StatelessPeople,
};
use crate::tsv::{list, parse_table, problem, FileKind, Row, Table};

/// One knowledge file to load.
#[derive(Debug, Clone)]
pub(crate) struct Source {
    pub name: std::sync::Arc<str>,
    /// Borrowed for the embedded files: copying 11 MB of built-in text at
    /// every start-up cost about 3 % of the load.
    pub text: std::borrow::Cow<'static, str>,
    pub layer: usize,
}

/// Everything loaded, before the matcher is built.
#[derive(Debug, Default)]
pub(crate) struct Knowledge {
    pub countries: Vec<Country>,
    pub seats: Vec<Seat>,
    pub orgs: Vec<Org>,
    pub roles: Vec<RoleWord>,
    pub people: Vec<Person>,
    pub cities: Vec<City>,
    pub peoples: Vec<StatelessPeople>,
    /// Head nouns of definite descriptions (`descriptions.tsv`).
    pub descriptions: Vec<DescriptionNoun>,
    /// Given names of one gender (`given-names.tsv`).
    pub given_names: Vec<GivenName>,
    /// Rows read per layer.
    pub rows_per_layer: HashMap<usize, usize>,
}

/// Entries keyed for override/conflict detection.
pub(crate) struct Keyed<T> {
    pub(crate) items: Vec<T>,
    // FxHash: keys are our own data, and 60,000 people rows made SipHash show at load.
    pub(crate) index: rustc_hash::FxHashMap<String, (usize, usize, Origin)>,
}

impl<T> Keyed<T> {
    pub(crate) fn new() -> Self {
        Keyed::with_capacity(0)
    }

    /// Sized for `n` entries (the people tables: no rehashing while 100,000
    /// rows go in).
    pub(crate) fn with_capacity(n: usize) -> Self {
        Keyed {
            items: Vec::with_capacity(n),
            index: rustc_hash::FxHashMap::with_capacity_and_hasher(n, Default::default()),
        }
    }

    /// Inserts or overrides; returns false (with an error) on a same-layer conflict.
    pub(crate) fn insert(
        &mut self,
        key: String,
        layer: usize,
        origin: Origin,
        item: T,
        problems: &mut Vec<Problem>,
    ) -> bool {
        match self.index.get(&key) {
            Some((_, l, first)) if *l == layer => {
                problems.push(problem(
                    Severity::Error,
                    &origin.file,
                    origin.line,
                    Some(1),
                    &key,
                    format!(
                        "conflicting entry: {key:?} is already defined at {}:{}",
                        first.file, first.line
                    ),
                ));
                false
            }
            Some((i, _, first)) => {
                problems.push(problem(
                    Severity::Warning,
                    &origin.file,
                    origin.line,
                    Some(1),
                    &key,
                    format!("overrides the entry at {}:{}", first.file, first.line),
                ));
                let i = *i;
                if let Some(slot) = self.items.get_mut(i) {
                    *slot = item;
                }
                self.index.insert(key, (i, layer, origin));
                true
            }
            None => {
                self.index.insert(key, (self.items.len(), layer, origin));
                self.items.push(item);
                true
            }
        }
    }
}

pub(crate) struct Ctx<'p> {
    pub(crate) problems: &'p mut Vec<Problem>,
    /// Rank per role title: bulk files repeat a few hundred titles over
    /// tens of thousands of rows, and ranking a title parses its words.
    pub(crate) rank_cache: rustc_hash::FxHashMap<String, u8>,
}

impl Ctx<'_> {
    /// [`crate::words::role_rank`], memoised.
    pub(crate) fn role_rank(&mut self, role: &str) -> u8 {
        if let Some(r) = self.rank_cache.get(role) {
            return *r;
        }
        let r = crate::words::role_rank(role);
        self.rank_cache.insert(role.to_string(), r);
        r
    }
}

impl Ctx<'_> {
    pub(crate) fn error(
        &mut self,
        file: &str,
        row: &Row,
        col: usize,
        entry: &str,
        msg: impl Into<String>,
    ) {
        self.problems.push(problem(
            Severity::Error,
            file,
            row.line,
            Some(col + 1),
            entry,
            msg,
        ));
    }

    /// Parses a `+`-joined sector list in column `col`.
    pub(crate) fn sectors(
        &mut self,
        file: &str,
        row: &Row,
        col: usize,
        entry: &str,
        allow_empty: bool,
    ) -> Option<Vec<String>> {
        let field = row.get(col);
        if field.is_empty() || field == "-" {
            if allow_empty {
                return Some(Vec::new());
            }
            self.error(file, row, col, entry, "missing sector codes");
            return None;
        }
        // Sized exactly: one list per people row, kept for the run.
        let mut out = Vec::with_capacity(field.split('+').count());
        for code in field.split('+').map(str::trim) {
            if !is_sector_code(code) {
                self.error(
                    file,
                    row,
                    col,
                    entry,
                    format!("unknown sector code {code:?}"),
                );
                return None;
            }
            out.push(code.to_string());
        }
        Some(out)
    }
}

/// Loads and validates every source; problems are appended to `problems`.
pub(crate) fn assemble(sources: &[Source], problems: &mut Vec<Problem>) -> Knowledge {
    let mut tables: Vec<(&Source, Table)> = Vec::new();
    for src in sources {
        if let Some(t) = parse_table(&src.name, &src.text, problems) {
            tables.push((src, t));
        }
    }
    let mut k = Knowledge::default();
    for (src, t) in &tables {
        *k.rows_per_layer.entry(src.layer).or_default() += t.rows.len();
    }
    let mut ctx = Ctx {
        problems,
        rank_cache: rustc_hash::FxHashMap::default(),
    };
    let of_kind = |kind: FileKind| tables.iter().filter(move |(_, t)| t.kind == kind);

    let mut countries: Keyed<Country> = Keyed::new();
    for (src, t) in of_kind(FileKind::Countries) {
        for row in &t.rows {
            load_country(&mut ctx, src, row, &mut countries);
        }
    }
    for (src, t) in of_kind(FileKind::Blocs) {
        for row in &t.rows {
            load_bloc(&mut ctx, src, row, &mut countries);
        }
    }
    let mut extras_seen: HashMap<(usize, String), Origin> = HashMap::new();
    for (src, t) in of_kind(FileKind::CountryExtras) {
        for row in &t.rows {
            load_extra(&mut ctx, src, row, &mut countries, &mut extras_seen);
        }
    }
    let country_known = |code: &str| countries.index.contains_key(code);

    let mut cities: Keyed<City> = Keyed::new();
    for (src, t) in of_kind(FileKind::Cities) {
        for row in &t.rows {
            let origin = Origin {
                file: src.name.clone(),
                line: row.line,
            };
            let name = row.get(0);
            let country = row.get(1);
            if name.is_empty() {
                ctx.error(&src.name, row, 0, name, "empty name");
                continue;
            }
            if !country_known(country) {
                ctx.error(
                    &src.name,
                    row,
                    1,
                    name,
                    format!("unknown country code {country:?}"),
                );
                continue;
            }
            let city = City {
                name: name.to_string(),
                country: country.to_string(),
                aliases: list(row.get(2)),
                origin: origin.clone(),
            };
            cities.insert(name.to_lowercase(), src.layer, origin, city, ctx.problems);
        }
    }

    let mut seats: Keyed<Seat> = Keyed::new();
    for (src, t) in of_kind(FileKind::Seats) {
        for row in &t.rows {
            let origin = Origin {
                file: src.name.clone(),
                line: row.line,
            };
            let phrase = row.get(0);
            if phrase.is_empty() {
                ctx.error(&src.name, row, 0, phrase, "empty phrase");
                continue;
            }
            let country = row.get(1);
            if !country_known(country) {
                ctx.error(
                    &src.name,
                    row,
                    1,
                    phrase,
                    format!("unknown country code {country:?}"),
                );
                continue;
            }
            let Some(sectors) = ctx.sectors(&src.name, row, 2, phrase, false) else {
                continue;
            };
            let name = if row.get(3).is_empty() {
                phrase
            } else {
                row.get(3)
            };
            let seat = Seat {
                phrase: phrase.to_string(),
                country: country.to_string(),
                sectors,
                name: name.to_string(),
                origin: origin.clone(),
            };
            seats.insert(phrase.to_lowercase(), src.layer, origin, seat, ctx.problems);
        }
    }

    let mut orgs: Keyed<Org> = Keyed::new();
    for (src, t) in of_kind(FileKind::Organizations) {
        for row in &t.rows {
            let origin = Origin {
                file: src.name.clone(),
                line: row.line,
            };
            let id = row.get(0);
            let name = row.get(1);
            if id.is_empty() || name.is_empty() {
                ctx.error(
                    &src.name,
                    row,
                    if id.is_empty() { 0 } else { 1 },
                    id,
                    "id and name are required",
                );
                continue;
            }
            let country = row.get(3);
            let country = if country.is_empty() || country == "-" {
                None
            } else if country_known(country) {
                Some(country.to_string())
            } else {
                ctx.error(
                    &src.name,
                    row,
                    3,
                    id,
                    format!("unknown country code {country:?}"),
                );
                continue;
            };
            let Some(sectors) = ctx.sectors(&src.name, row, 4, id, false) else {
                continue;
            };
            let org = Org {
                id: id.to_string(),
                name: name.to_string(),
                aliases: list(row.get(2)),
                country,
                sectors,
                origin: origin.clone(),
            };
            orgs.insert(id.to_string(), src.layer, origin, org, ctx.problems);
        }
    }

    let mut roles: Keyed<RoleWord> = Keyed::new();
    for (src, t) in of_kind(FileKind::Roles) {
        for row in &t.rows {
            let origin = Origin {
                file: src.name.clone(),
                line: row.line,
            };
            let phrase = row.get(0);
            if phrase.is_empty() {
                ctx.error(&src.name, row, 0, phrase, "empty phrase");
                continue;
            }
            let Some(kind) = RoleKind::parse(row.get(2)) else {
                ctx.error(
                    &src.name,
                    row,
                    2,
                    phrase,
                    format!(
                        "unknown kind {:?} (title, group, institution, place, thing)",
                        row.get(2)
                    ),
                );
                continue;
            };
            let allow_empty = kind.names_no_actor();
            let Some(sectors) = ctx.sectors(&src.name, row, 1, phrase, allow_empty) else {
                continue;
            };
            let word = RoleWord {
                phrase: phrase.to_string(),
                sectors,
                kind,
                origin: origin.clone(),
            };
            roles.insert(phrase.to_string(), src.layer, origin, word, ctx.problems);
        }
    }

    let mut peoples: Keyed<StatelessPeople> = Keyed::new();
    for (src, t) in of_kind(FileKind::Peoples) {
        for row in &t.rows {
            load_people(&mut ctx, src, row, &country_known, &mut peoples, &mut roles);
        }
    }

    let mut descriptions: Keyed<DescriptionNoun> = Keyed::new();
    for (src, t) in of_kind(FileKind::Descriptions) {
        for row in &t.rows {
            load_description(&mut ctx, src, row, &mut descriptions);
        }
    }

    let mut given: Keyed<GivenName> = Keyed::new();
    for (src, t) in of_kind(FileKind::GivenNames) {
        for row in &t.rows {
            load_given_name(&mut ctx, src, row, &mut given);
        }
    }

    let org_known: HashMap<&str, ()> = orgs.items.iter().map(|o| (o.id.as_str(), ())).collect();
    let people_rows = of_kind(FileKind::People)
        .chain(of_kind(FileKind::PeopleMatched))
        .map(|(_, t)| t.rows.len())
        .sum();
    let mut people: Keyed<Person> = Keyed::with_capacity(people_rows);
    let people_files = of_kind(FileKind::People).chain(of_kind(FileKind::PeopleMatched));
    for (src, t) in people_files {
        for row in &t.rows {
            crate::people::load_person_row(&mut ctx, src, row, &mut people, &|c| {
                country_known(c) || org_known.contains_key(c)
            });
        }
    }

    k.countries = countries.items;
    k.seats = seats.items;
    k.orgs = orgs.items;
    k.roles = roles.items;
    k.people = people.items;
    k.cities = cities.items;
    k.peoples = peoples.items;
    k.descriptions = descriptions.items;
    k.given_names = given.items;
    k
}

/// One row of `given-names.tsv`: a lower-case first name, its gender (F or
/// M) and the counts that say so (births and legislators of each sex).
fn load_given_name(ctx: &mut Ctx, src: &Source, row: &Row, out: &mut Keyed<GivenName>) {
    let origin = Origin {
        file: src.name.clone(),
        line: row.line,
    };
    let name = row.get(0);
    if name.is_empty()
        || name.contains(char::is_whitespace)
        || name.chars().any(|c| c.is_uppercase())
    {
        ctx.error(
            &src.name,
            row,
            0,
            name,
            "the name must be one lower-case word",
        );
        return;
    }
    let female = match row.get(1) {
        "F" => true,
        "M" => false,
        other => {
            ctx.error(
                &src.name,
                row,
                1,
                name,
                format!("gender {other:?} is not F or M"),
            );
            return;
        }
    };
    let mut counts = [0u32; 4];
    for (i, c) in counts.iter_mut().enumerate() {
        match row.get(2 + i).parse::<u32>() {
            Ok(n) => *c = n,
            Err(_) => {
                ctx.error(
                    &src.name,
                    row,
                    2 + i,
                    name,
                    "a count must be a whole number",
                );
                return;
            }
        }
    }
    let [births_f, births_m, people_f, people_m] = counts;
    let item = GivenName {
        name: name.to_string(),
        female,
        births: births_f.saturating_add(births_m),
        people: people_f.saturating_add(people_m),
    };
    out.insert(name.to_string(), src.layer, origin, item, ctx.problems);
}

/// One row of `descriptions.tsv`: a lower-case head noun and the
/// `;`-separated kinds of antecedent it may stand for.
fn load_description(ctx: &mut Ctx, src: &Source, row: &Row, out: &mut Keyed<DescriptionNoun>) {
    let origin = Origin {
        file: src.name.clone(),
        line: row.line,
    };
    let noun = row.get(0);
    if noun.is_empty()
        || noun.contains(char::is_whitespace)
        || noun.chars().any(|c| c.is_uppercase())
    {
        ctx.error(
            &src.name,
            row,
            0,
            noun,
            "the noun must be one lower-case word",
        );
        return;
    }
    let names = list(row.get(1));
    if names.is_empty() {
        ctx.error(&src.name, row, 1, noun, "no antecedent kinds");
        return;
    }
    let mut kinds = Vec::with_capacity(names.len());
    for name in &names {
        match AntecedentKind::parse(name) {
            Some(k) => kinds.push(k),
            None => {
                let known: Vec<&str> = AntecedentKind::NAMES.iter().map(|(n, _)| *n).collect();
                ctx.error(
                    &src.name,
                    row,
                    1,
                    noun,
                    format!("unknown antecedent kind {name:?} ({})", known.join(", ")),
                );
                return;
            }
        }
    }
    let item = DescriptionNoun {
        noun: noun.to_string(),
        kinds,
        origin: origin.clone(),
    };
    out.insert(noun.to_string(), src.layer, origin, item, ctx.problems);
}

/// One row of `peoples.tsv`: the people, and each noun as a civilian role
/// ("Kurds" is an actor; its country comes from the context).
fn load_people(
    ctx: &mut Ctx,
    src: &Source,
    row: &Row,
    country_known: &dyn Fn(&str) -> bool,
    peoples: &mut Keyed<StatelessPeople>,
    roles: &mut Keyed<RoleWord>,
) {
    let origin = Origin {
        file: src.name.clone(),
        line: row.line,
    };
    let adjective = row.get(0);
    if adjective.is_empty() || adjective.contains(char::is_whitespace) {
        ctx.error(
            &src.name,
            row,
            0,
            adjective,
            "the people must be one adjective",
        );
        return;
    }
    let lands = list(row.get(2));
    if lands.is_empty() {
        ctx.error(&src.name, row, 2, adjective, "no lands (country codes)");
        return;
    }
    if let Some(bad) = lands.iter().find(|c| !country_known(c)) {
        ctx.error(
            &src.name,
            row,
            2,
            adjective,
            format!("unknown country code {bad:?}"),
        );
        return;
    }
    let self_rule = list(row.get(3));
    if let Some(bad) = self_rule.iter().find(|c| !lands.contains(c)) {
        ctx.error(
            &src.name,
            row,
            3,
            adjective,
            format!("self-rule country {bad:?} is not one of its lands"),
        );
        return;
    }
    let nouns = list(row.get(1));
    for noun in &nouns {
        let word = RoleWord {
            phrase: noun.clone(),
            sectors: vec!["CVL".to_string()],
            kind: RoleKind::Group,
            origin: origin.clone(),
        };
        roles.insert(noun.clone(), src.layer, origin.clone(), word, ctx.problems);
    }
    let people = StatelessPeople {
        adjective: adjective.to_string(),
        nouns,
        lands,
        self_rule,
        origin: origin.clone(),
    };
    peoples.insert(
        adjective.to_lowercase(),
        src.layer,
        origin,
        people,
        ctx.problems,
    );
}

fn load_country(ctx: &mut Ctx, src: &Source, row: &Row, out: &mut Keyed<Country>) {
    let code = row.get(0);
    if code.len() != 3 || !code.bytes().all(|b| b.is_ascii_uppercase()) {
        ctx.error(
            &src.name,
            row,
            0,
            code,
            "code must be three upper-case letters",
        );
        return;
    }
    let (name, official, common) = (row.get(3), row.get(4), row.get(5));
    let display = if !common.is_empty() { common } else { name };
    if display.is_empty() {
        ctx.error(&src.name, row, 3, code, "missing name");
        return;
    }
    // "Korea, Republic of" style inverted names are not matched in text.
    let mut names: Vec<String> = Vec::new();
    for n in [name, official, common] {
        let n = n.trim_start_matches("the ");
        if !n.is_empty() && !n.contains(',') && !names.iter().any(|x| x == n) {
            names.push(n.to_string());
        }
    }
    let origin = Origin {
        file: src.name.clone(),
        line: row.line,
    };
    let country = Country {
        code: code.to_string(),
        name: display.to_string(),
        names,
        aliases: Vec::new(),
        demonyms: Vec::new(),
        capitals: Vec::new(),
        bloc: false,
        origin: origin.clone(),
    };
    out.insert(code.to_string(), src.layer, origin, country, ctx.problems);
}

fn load_bloc(ctx: &mut Ctx, src: &Source, row: &Row, out: &mut Keyed<Country>) {
    let code = row.get(0);
    let name = row.get(1);
    if code.is_empty() || !code.bytes().all(|b| b.is_ascii_uppercase()) || name.is_empty() {
        ctx.error(
            &src.name,
            row,
            0,
            code,
            "bloc needs an upper-case code and a name",
        );
        return;
    }
    let origin = Origin {
        file: src.name.clone(),
        line: row.line,
    };
    let bloc = Country {
        code: code.to_string(),
        name: name.to_string(),
        names: vec![name.to_string()],
        aliases: list(row.get(2)),
        demonyms: list(row.get(3)),
        capitals: Vec::new(),
        bloc: true,
        origin: origin.clone(),
    };
    out.insert(code.to_string(), src.layer, origin, bloc, ctx.problems);
}

fn load_extra(
    ctx: &mut Ctx,
    src: &Source,
    row: &Row,
    out: &mut Keyed<Country>,
    seen: &mut HashMap<(usize, String), Origin>,
) {
    let code = row.get(0);
    let origin = Origin {
        file: src.name.clone(),
        line: row.line,
    };
    if let Some(first) = seen.get(&(src.layer, code.to_string())) {
        ctx.error(
            &src.name,
            row,
            0,
            code,
            format!(
                "conflicting entry: extras for {code:?} already given at {}:{}",
                first.file, first.line
            ),
        );
        return;
    }
    seen.insert((src.layer, code.to_string()), origin.clone());
    let name = row.get(1);
    let existing = out.index.get(code).map(|(i, _, _)| *i);
    match existing {
        Some(i) => {
            let Some(c) = out.items.get_mut(i) else {
                return;
            };
            if !name.is_empty() {
                c.name = name.to_string();
                if !c.names.iter().any(|n| n == name) {
                    c.names.push(name.to_string());
                }
            }
            c.aliases.extend(list(row.get(2)));
            c.demonyms.extend(list(row.get(3)));
            c.capitals.extend(list(row.get(4)));
        }
        None => {
            if name.is_empty() || code.len() != 3 || !code.bytes().all(|b| b.is_ascii_uppercase()) {
                ctx.error(
                    &src.name,
                    row,
                    0,
                    code,
                    "unknown country code: give a three-letter code and a name to add a territory",
                );
                return;
            }
            let c = Country {
                code: code.to_string(),
                name: name.to_string(),
                names: vec![name.to_string()],
                aliases: list(row.get(2)),
                demonyms: list(row.get(3)),
                capitals: list(row.get(4)),
                bloc: false,
                origin: origin.clone(),
            };
            out.insert(code.to_string(), src.layer, origin, c, ctx.problems);
        }
    }
}
