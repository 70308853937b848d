//! Closed word lists the recogniser consults around matched phrases. These
//! are grammar, not knowledge (no countries, people or roles), so they live
//! in code.

/// Prepositions after which a place name is a location, not an actor.
pub(crate) const LOCATIVE: &[&str] = &[
    "in",
    "at",
    "near",
    "outside",
    "inside",
    "across",
    "throughout",
    "within",
    "around",
    "across",
    "over",
    "beyond",
    "along",
    "off",
    "downtown",
];

/// Words that open a sentence with a phrase set off by a comma ("In
/// Geneva, Russia said ...", "Later that day, ...").
pub(crate) const OPENING_PREPOSITIONS: &[&str] = &[
    "in",
    "on",
    "at",
    "after",
    "before",
    "during",
    "since",
    "until",
    "following",
    "despite",
    "from",
    "by",
    "with",
    "without",
    "under",
    "throughout",
    "amid",
    "earlier",
    "later",
    "last",
];

/// Prepositions that make a following place a destination or origin when a
/// motion word precedes them ("travelled to Moscow").
pub(crate) const DIRECTIONAL: &[&str] = &["to", "from", "into", "toward", "towards", "via", "for"];

/// Motion words (any inflection prefix) that turn to/from into a place.
pub(crate) const MOTION_PREFIXES: &[&str] = &[
    "travel", "trip", "visit", "arriv", "return", "flew", "fly", "flight", "journey", "fled",
    "flee", "head", "went", "go", "came", "come", "move", "moving", "deport", "back", "train",
    "drove", "driv", "sail", "route", "way", "border", "road", "depart", "left", "leav",
    "shipment", "exported", "imported", "smuggl", "sent", "relocat", "evacuat",
];

/// Verbs of moving something away: "withdraw troops from Syria" says where
/// the troops are, not whose they are.
pub(crate) const REMOVAL_PREFIXES: &[&str] = &[
    "withdr", "pull", "remov", "evacuat", "redeploy", "relocat", "extract",
];

/// Modifiers allowed between a country word and a role word
/// ("Poland's current interior minister", "the Russian deputy prime minister").
pub(crate) const ROLE_MODIFIERS: &[&str] = &[
    "current",
    "former",
    "ex",
    "then",
    "new",
    "top",
    "senior",
    "junior",
    "deputy",
    "acting",
    "chief",
    "first",
    "vice",
    "state",
    "federal",
    "national",
    "local",
    "regional",
    "provincial",
    "municipal",
    "military",
    "government",
    "armed",
    "security",
    "special",
    "elite",
    "interim",
    "two",
    "three",
    "four",
    "five",
    "six",
    "several",
    "many",
    "some",
    "few",
    "hundreds",
    "thousands",
    "dozens",
    "of",
    "unnamed",
    "anonymous",
    "leading",
    "outgoing",
    "incoming",
    "newly",
    "appointed",
    "elected",
    "longtime",
    "veteran",
    "prominent",
    "powerful",
    "influential",
    "exiled",
    "jailed",
    "detained",
    "retired",
    "active",
    "young",
    "unidentified",
    "assistant",
    "associate",
    "high-ranking",
    "ranking",
    "high",
    "rank",
    "level",
    "civilian",
    "official",
    "public",
    "foreign",
    "defense",
    "defence",
    "all",
    "other",
    "own",
    "main",
    "largest",
    "biggest",
    "leftist",
    "rightist",
    "far-right",
    "far-left",
    "ruling",
    "opposition",
    "pro-government",
    "rebel",
    "heavily",
    "lightly",
    "well-armed",
    "armed",
    "uniformed",
    "plainclothes",
    "masked",
    "ethnic",
    "hardline",
    "moderate",
    "radical",
    "islamist",
    "separatist",
    "communist",
    "conservative",
    "liberal",
];

/// Pronouns linked to the last person mentioned.
/// ISO 3166-1 territories with no government and no permanent population
/// (Antarctica, Bouvet Island, Heard and McDonald Islands, South Georgia and
/// the South Sandwich Islands, the French Southern Territories, the US Minor
/// Outlying Islands): nobody acts as them, so their names are places only.
pub(crate) const UNINHABITED: &[&str] = &["ATA", "BVT", "HMD", "SGS", "ATF", "UMI"];

pub(crate) const PERSON_PRONOUNS: &[&str] = &[
    "he", "his", "him", "she", "her", "hers", "himself", "herself",
];

/// Words that are also common surnames: a bare surname match on them needs
/// an earlier full mention in the document.
pub(crate) const COMMON_WORD_SURNAMES: &[&str] = &[
    "may",
    "march",
    "april",
    "june",
    "will",
    "long",
    "young",
    "king",
    "white",
    "black",
    "brown",
    "green",
    "rice",
    "price",
    "power",
    "little",
    "hope",
    "love",
    "rich",
    "strong",
    "wise",
    "law",
    "said",
    "park",
    "khan",
    "ali",
    "singh",
    "martin",
    "rose",
    "grant",
    "hill",
    "wood",
    "stone",
    "field",
    "lord",
    "bell",
    "hall",
    "house",
    "church",
    "best",
    "moon",
    "sun",
    "song",
    "gray",
    "grey",
    "jordan",
    "chad",
    "georgia",
    "paris",
    "he",
    "she",
    "it",
    "we",
    "you",
    "him",
    "his",
    "her",
    "a",
    "an",
    "the",
    "to",
    "of",
    "in",
    "on",
    "at",
    "by",
    "do",
    "go",
    "so",
    "no",
    "as",
    "or",
    "if",
    "us",
    "me",
    "my",
    "ma",
    "mr",
    "mrs",
    "ms",
    "do",
    "de",
    "la",
    "le",
    "van",
    "von",
    "new",
    "old",
    "man",
    "son",
    "day",
    "way",
    "all",
    "one",
    "christian",
    "catholic",
    "english",
    "french",
    "german",
    "irish",
];

/// Person nouns that take their sector from the word before them
/// ("police officer" → COP, "White House official" → the seat's sector).
pub(crate) const GENERIC_HEADS: &[&str] = &[
    "official",
    "officials",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "source",
    "sources",
    "adviser",
    "advisor",
    "aide",
    "aides",
    "staff",
    "employee",
    "employees",
    "representative",
    "representatives",
    "member",
    "members",
    "officer",
    "officers",
    "leader",
    "leaders",
    "chief",
    "chiefs",
    "head",
    "heads",
    "personnel",
    "worker",
    "workers",
    "agent",
    "agents",
];

/// Determiners that make a title indefinite ("a Syrian commander").
pub(crate) const INDEFINITE: &[&str] = &[
    "a", "an", "one", "another", "some", "any", "every", "each", "no", "former",
];

/// Phrases that refer to the last two persons mentioned ("the two
/// leaders", "both presidents").
pub(crate) const PAIR_HEADS: &[&str] = &[
    "leaders",
    "presidents",
    "heads",
    "ministers",
    "sides",
    "counterparts",
];

/// Plural person nouns that refer to the last two persons only when
/// definite ("the two men", "both women"; "two men were arrested" is anyone).
pub(crate) const PAIR_PERSON_NOUNS: &[&str] = &["men", "women"];

/// Generic heads that any leading office holder satisfies.
pub(crate) const GENERIC_LEADER_TITLES: &[&str] = &[
    "leader",
    "head of state",
    "strongman",
    "ruler",
    "dictator",
    "head",
    "autocrat",
];

pub(crate) fn is_in(list: &[&str], word: &str) -> bool {
    list.iter().any(|x| x.eq_ignore_ascii_case(word))
}

pub(crate) fn is_motion(word: &str) -> bool {
    let Some(first) = word.as_bytes().first().map(u8::to_ascii_lowercase) else {
        return false;
    };
    MOTION_PREFIXES.iter().any(|p| {
        p.as_bytes().first() == Some(&first)
            && word
                .get(..p.len())
                .is_some_and(|w| w.eq_ignore_ascii_case(p))
    })
}

/// Rank of an office for choosing among several holders ("Kim" on its own):
/// heads of state/government first.
pub(crate) fn role_rank(role: &str) -> u8 {
    if !role.is_ascii() {
        return role_rank_lowered(&role.to_lowercase());
    }
    role_rank_lowered(role)
}

/// [`role_rank`] of a role whose non-ASCII letters are already lower case
/// (ASCII letters are compared case-insensitively, so ASCII roles need no copy).
fn role_rank_lowered(role: &str) -> u8 {
    // Whole-word matching: "Presidential Aide" is not a president. Every
    // non-alphanumeric character separates words, so "head-of-state" is
    // "head of state" but two separators in a row break a phrase.
    let words: Vec<&str> = role.split(|c: char| !c.is_alphanumeric()).collect();
    // A phrase whose first word is not even a substring cannot be among the
    // words: one substring search instead of a walk over the words (8,000
    // distinct titles are ranked at every start-up).
    let lower = role.to_ascii_lowercase();
    let has =
        |k: &str| lower.contains(k.split(' ').next().unwrap_or(k)) && contains_phrase(&words, k);
    if [
        "deputy",
        "vice",
        "former",
        "aide",
        "adviser",
        "advisor",
        "spokesman",
        "spokesperson",
    ]
    .iter()
    .any(|k| has(k))
    {
        return 1;
    }
    let head_of_state = [
        "president",
        "supreme leader",
        "king",
        "queen",
        "emir",
        "sultan",
        "general secretary",
        "head of state",
        "monarch",
    ];
    let head_of_government = [
        "prime minister",
        "chancellor",
        "head of government",
        "premier",
        "leader",
    ];
    if head_of_state.iter().any(|k| has(k)) {
        4
    } else if head_of_government.iter().any(|k| has(k)) {
        3
    } else if has("minister") || has("secretary") {
        2
    } else {
        1
    }
}

/// True when the words of `phrase` (lower case, single spaces) occur as
/// consecutive `words` (ASCII letters compared case-insensitively).
fn contains_phrase(words: &[&str], phrase: &str) -> bool {
    let wanted = phrase.split(' ').count();
    words.windows(wanted).any(|w| {
        w.iter()
            .zip(phrase.split(' '))
            .all(|(a, b)| a.eq_ignore_ascii_case(b))
    })
}

/// Common given names: never used as a derived short form (a "John Lee"
/// written in Western order must not make every "John" a reference to him).
pub(crate) const GIVEN_NAMES: &[&str] = &[
    "john",
    "james",
    "david",
    "michael",
    "robert",
    "william",
    "richard",
    "thomas",
    "mary",
    "paul",
    "peter",
    "mark",
    "george",
    "carrie",
    "joseph",
    "charles",
    "daniel",
    "matthew",
    "anthony",
    "donald",
    "steven",
    "andrew",
    "kenneth",
    "kevin",
    "brian",
    "edward",
    "ronald",
    "timothy",
    "jason",
    "jeffrey",
    "ryan",
    "jacob",
    "gary",
    "nicholas",
    "eric",
    "stephen",
    "jonathan",
    "larry",
    "justin",
    "scott",
    "frank",
    "henry",
    "patrick",
    "jack",
    "dennis",
    "jerry",
    "aaron",
    "jose",
    "adam",
    "nathan",
    "harry",
    "emily",
    "anna",
    "sarah",
    "susan",
    "karen",
    "nancy",
    "lisa",
    "betty",
    "margaret",
    "sandra",
    "ashley",
    "donna",
    "carol",
    "michelle",
    "amanda",
    "melissa",
    "laura",
    "helen",
    "sharon",
    "kathleen",
    "amy",
    "angela",
    "anne",
    "alice",
    "grace",
    "tony",
    "alex",
    "sam",
    "ben",
    "tom",
    "tim",
    "joe",
    "jim",
    "bill",
    "bob",
    "mike",
    "dan",
    "don",
    "ken",
    "ted",
    "ray",
    "roy",
    "carl",
    "victor",
    "vincent",
    "martin",
    "simon",
    "philip",
    "oliver",
    "jennifer",
    "elizabeth",
    "catherine",
    "christine",
    "maria",
    "ana",
    "juan",
    "carlos",
    "luis",
    "mohammed",
    "muhammad",
    "ahmed",
    "abdullah",
    "mahmoud",
    "mustafa",
    "khalid",
    "sergei",
    "vladimir",
    "dmitry",
    "alexander",
    "andrei",
    "nikolai",
    "ivan",
    "igor",
    "yuri",
    "olga",
    "natalia",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn role_rank_matches_whole_words_case_insensitively() {
        assert_eq!(role_rank("Head-of-State"), 4);
        assert_eq!(role_rank("PRIME MINISTER of Ruritania"), 3);
        assert_eq!(role_rank("Deputy Prime Minister"), 1);
        assert_eq!(role_rank("Presidential Envoy"), 1);
        assert_eq!(role_rank("Minister for Fisheries"), 2);
        assert_eq!(role_rank("Kingmaker"), 1);
        assert_eq!(role_rank("head of  state"), 1);
        assert_eq!(role_rank("Président de la République"), 1);
        assert_eq!(role_rank("Emir of Qatar"), 4);
        assert_eq!(role_rank("Président and Prime Minister"), 3);
    }
}
