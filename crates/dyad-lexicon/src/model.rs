//! The knowledge entries, as loaded and validated.

use chrono::NaiveDate;

/// Agent (sector) codes accepted in knowledge files: PLOVER/CAMEO agent
/// types plus the few extra codes the field uses.
pub const SECTOR_CODES: &[&str] = &[
    "GOV", "MIL", "COP", "JUD", "LEG", "REB", "INS", "OPP", "PTY", "CVL", "BUS", "MED", "HLH",
    "EDU", "REL", "CRM", "SPY", "IGO", "NGO", "LAB", "REF", "ELI", "JRN", "AGR", "UAF", "PRM",
    "PRE", "SOC", "ENV", "MNC", "NON", "UNK", "SEP", "RAD", "MOD", "HRI", "DEV",
];

/// True when `code` is an accepted sector code.
pub fn is_sector_code(code: &str) -> bool {
    SECTOR_CODES.contains(&code)
}

/// Where an entry came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Origin {
    /// File name as loaded, shared by every row of the file (a copy per
    /// row was 200,000 allocations at start-up).
    pub file: std::sync::Arc<str>,
    /// 1-based line.
    pub line: usize,
}

/// A country, territory or bloc.
#[derive(Debug, Clone)]
pub struct Country {
    /// ISO 3166-1 alpha-3, a non-ISO code (XKX) or a bloc code (WST).
    pub code: String,
    /// Short name used in output ("Russia").
    pub name: String,
    /// Official and other full names that are matched in text.
    pub names: Vec<String>,
    /// Abbreviations and alternates ("DPRK", "U.S.").
    pub aliases: Vec<String>,
    /// Demonyms and adjectives ("North Korean").
    pub demonyms: Vec<String>,
    /// Capitals and other cities standing for the government ("Pyongyang").
    pub capitals: Vec<String>,
    /// True for regions and blocs.
    pub bloc: bool,
    /// Where its base entry came from.
    pub origin: Origin,
}

/// A people without a state of its own (`peoples.tsv`): the adjective
/// written before a generic actor ("Kurdish fighters"), the nouns naming its
/// members ("Kurds", civilian actors) and its home countries.
#[derive(Debug, Clone)]
pub struct StatelessPeople {
    /// The adjective ("Kurdish").
    pub adjective: String,
    /// Nouns naming members, as written ("Kurd", "Kurds").
    pub nouns: Vec<String>,
    /// Home countries, most populous first.
    pub lands: Vec<String>,
    /// Countries where the people governs a recognised region of its own
    /// whose forces are that state's (the Kurds in Iraq): there its armed
    /// force is no non-state group.
    pub self_rule: Vec<String>,
    /// Source line.
    pub origin: Origin,
}

/// What a definite description ("the militia", "the body", "the country")
/// may stand for: the kinds of earlier actor it can corefer with
/// (`descriptions.tsv`, see `crate::definite`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum AntecedentKind {
    /// A named armed group (an organisation whose primary sector is REB,
    /// INS, UAF, PRM, SEP or RAD): "the militia", "the group".
    ArmedGroup,
    /// A state's government: a country, capital, seat or governmental actor
    /// with a country ("the regime" → that country's GOV).
    Government,
    /// A state's armed forces ("the army" → that country's MIL).
    Military,
    /// A country ("the country", "the nation").
    Country,
    /// An intergovernmental organisation ("the body", "the organisation").
    Igo,
    /// A non-governmental organisation ("the charity", "the body").
    Ngo,
    /// A political party ("the party").
    Party,
    /// A military alliance (an IGO with the MIL sector: "the alliance").
    Alliance,
}

impl AntecedentKind {
    /// The names used in `descriptions.tsv`.
    pub const NAMES: &'static [(&'static str, AntecedentKind)] = &[
        ("armed-group", AntecedentKind::ArmedGroup),
        ("government", AntecedentKind::Government),
        ("military", AntecedentKind::Military),
        ("country", AntecedentKind::Country),
        ("igo", AntecedentKind::Igo),
        ("ngo", AntecedentKind::Ngo),
        ("party", AntecedentKind::Party),
        ("alliance", AntecedentKind::Alliance),
    ];

    /// Parses a name of [`AntecedentKind::NAMES`].
    pub fn parse(s: &str) -> Option<AntecedentKind> {
        Self::NAMES.iter().find(|(n, _)| *n == s).map(|(_, k)| *k)
    }

    /// The name used in `descriptions.tsv`.
    pub fn name(self) -> &'static str {
        Self::NAMES
            .iter()
            .find(|(_, k)| *k == self)
            .map_or("?", |(n, _)| n)
    }

    /// Kinds resolved to a state (the antecedent's country), not to the
    /// antecedent itself.
    pub fn is_state(self) -> bool {
        matches!(
            self,
            AntecedentKind::Government | AntecedentKind::Military | AntecedentKind::Country
        )
    }
}

/// A head noun of a definite description and what it may corefer with
/// (`descriptions.tsv`).
#[derive(Debug, Clone)]
pub struct DescriptionNoun {
    /// The noun as written after the determiner, lower case ("militia").
    pub noun: String,
    /// Compatible antecedents, in the file's order.
    pub kinds: Vec<AntecedentKind>,
    /// Source line.
    pub origin: Origin,
}

/// A given name of one gender (`given-names.tsv`): "Sally" is a woman's
/// name in 99.7 % of the births counted.
#[derive(Debug, Clone)]
pub struct GivenName {
    /// Lower case ("sally").
    pub name: String,
    /// True for a woman's name, false for a man's.
    pub female: bool,
    /// Births counted with this name (both sexes).
    pub births: u32,
    /// Legislators counted with this first name (both sexes).
    pub people: u32,
}

/// A city or region (not a capital) and its country.
#[derive(Debug, Clone)]
pub struct City {
    /// Name as matched ("Mariupol").
    pub name: String,
    /// Country code.
    pub country: String,
    /// Other spellings.
    pub aliases: Vec<String>,
    /// Source line.
    pub origin: Origin,
}

/// A seat of power standing for an institution ("the Kremlin", "the Pentagon").
#[derive(Debug, Clone)]
pub struct Seat {
    /// The phrase as matched ("Kremlin").
    pub phrase: String,
    /// Country code.
    pub country: String,
    /// Sector codes, primary first.
    pub sectors: Vec<String>,
    /// Canonical name ("Russian presidency").
    pub name: String,
    /// Source line.
    pub origin: Origin,
}

/// An organisation: IGO, NGO, armed group, party or named institution.
#[derive(Debug, Clone)]
pub struct Org {
    /// Organisation code ("UNO", "NATO", "HAMAS").
    pub id: String,
    /// Canonical name.
    pub name: String,
    /// Other names and abbreviations matched in text.
    pub aliases: Vec<String>,
    /// Country or bloc code, `None` for transnational bodies.
    pub country: Option<String>,
    /// Sector codes, primary first.
    pub sectors: Vec<String>,
    /// Source line.
    pub origin: Origin,
}

/// What a role word denotes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum RoleKind {
    /// A person's title that can precede a name ("President", "defense minister").
    Title,
    /// A group or kind of person ("troops", "police", "protesters").
    Group,
    /// An institution ("defense ministry", "parliament").
    Institution,
    /// A place noun: "the Ukrainian city of ..." makes the demonym a place.
    Place,
    /// A thing named with a role word that is no actor ("nerve agent",
    /// "travel agent"): the longest match wins and yields no mention, and a
    /// demonym before it is a modifier ("the Russian nerve agent").
    Thing,
}

impl RoleKind {
    pub(crate) fn parse(text: &str) -> Option<RoleKind> {
        match text {
            "title" => Some(RoleKind::Title),
            "group" => Some(RoleKind::Group),
            "institution" => Some(RoleKind::Institution),
            "place" => Some(RoleKind::Place),
            "thing" => Some(RoleKind::Thing),
            _ => None,
        }
    }

    /// Whether a role word of this kind names no actor of its own.
    pub(crate) fn names_no_actor(self) -> bool {
        matches!(self, RoleKind::Place | RoleKind::Thing)
    }
}

/// A role, sector or institution word.
#[derive(Debug, Clone)]
pub struct RoleWord {
    /// The phrase, lower case unless case matters ("General").
    pub phrase: String,
    /// Sector codes, primary first (empty for places).
    pub sectors: Vec<String>,
    /// What it denotes.
    pub kind: RoleKind,
    /// Source line.
    pub origin: Origin,
}

/// One dated role of a person.
#[derive(Debug, Clone)]
pub struct PersonRole {
    /// Country or organisation code.
    pub country: String,
    /// Sector codes, primary first.
    pub sectors: Vec<String>,
    /// Role title ("President").
    pub role: String,
    /// First day (inclusive); `None` when unknown.
    pub start: Option<NaiveDate>,
    /// Last day (inclusive); `None` while in office.
    pub end: Option<NaiveDate>,
    /// The end is only the last day the source knew of (a bulk file's
    /// snapshot: the role was still held then, `2015-11-30+` in the file),
    /// not a known end: the role is presumed held for [`OPEN_END_YEARS`]
    /// more years, then taken as ended.
    pub open_end: bool,
    /// Rank of the office (4 head of state, 3 head of government, 2
    /// minister/secretary, 1 other), for choosing among holders.
    pub rank: u8,
    /// Source line.
    pub origin: Origin,
}

/// Years a role still open at a source's snapshot is presumed held after it
/// (a typical legislative term: a member at the 2015-11-30 snapshot is
/// presumed a member until 2019-11-30, a former member after).
pub const OPEN_END_YEARS: u32 = 4;

impl PersonRole {
    /// True when the role was held on `date` (for an open end, presumed held).
    pub fn valid_on(&self, date: NaiveDate) -> bool {
        let started = match self.start {
            Some(s) => s <= date,
            None => true,
        };
        let not_ended = match self.last_day() {
            Some(e) => date <= e,
            None => true,
        };
        started && not_ended
    }

    /// The last day the role counts as held: the end, or for an open end the
    /// end plus [`OPEN_END_YEARS`].
    pub fn last_day(&self) -> Option<NaiveDate> {
        let end = self.end?;
        if !self.open_end {
            return Some(end);
        }
        Some(
            end.checked_add_months(chrono::Months::new(12 * OPEN_END_YEARS))
                .unwrap_or(end),
        )
    }

    /// True when `date` falls after the source's last known day of an open
    /// role but within the presumed years (the role is a presumption there).
    pub fn presumed_on(&self, date: NaiveDate) -> bool {
        self.open_end && self.end.is_some_and(|e| e < date) && self.valid_on(date)
    }
}

/// A known person with dated roles.
#[derive(Debug, Clone)]
pub struct Person {
    /// Stable slug ("vladimir-putin").
    pub id: String,
    /// Canonical name.
    pub name: String,
    /// Other spellings.
    pub aliases: Vec<String>,
    /// Roles in file order.
    pub roles: Vec<PersonRole>,
    /// False when the person is matched by full name and aliases only, never
    /// by a bare surname (bulk legislator files: a surname of one of 50,000
    /// legislators would make every "Smith" a member of some parliament).
    pub surname_matches: bool,
}
