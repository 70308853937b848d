//! What a number counts: the noun phrase after it, currencies, percentages
//! and casualty kinds ("people killed").

use crate::dates::scan::{Kind, Tok};

use super::numbers::is_number_word;

/// Most words kept in a unit; longer phrases keep their last words (the
/// head noun comes last in English noun phrases).
const MAX_UNIT_WORDS: usize = 4;
/// Most words read while looking for the unit.
const MAX_SCAN_WORDS: usize = 5;

const STOP_WORDS: &[&str] = &[
    "of",
    "to",
    "in",
    "on",
    "at",
    "from",
    "by",
    "with",
    "for",
    "into",
    "onto",
    "since",
    "during",
    "across",
    "over",
    "under",
    "near",
    "after",
    "before",
    "between",
    "against",
    "through",
    "toward",
    "towards",
    "per",
    "including",
    "like",
    "as",
    "than",
    "and",
    "or",
    "but",
    "nor",
    "that",
    "which",
    "who",
    "whom",
    "whose",
    "while",
    "when",
    "where",
    "is",
    "are",
    "was",
    "were",
    "be",
    "been",
    "being",
    "have",
    "has",
    "had",
    "will",
    "would",
    "could",
    "should",
    "may",
    "might",
    "must",
    "can",
    "did",
    "do",
    "does",
    "the",
    "a",
    "an",
    "this",
    "these",
    "those",
    "their",
    "its",
    "his",
    "her",
    "our",
    "your",
    "my",
    "also",
    "still",
    "already",
    "each",
    "every",
    "more",
    "less",
    "fewer",
    "last",
    "next",
    "ago",
    "earlier",
    "later",
    "said",
    "says",
    "according",
    "so",
    "not",
    "no",
    "if",
    "because",
    "amid",
    "within",
    "without",
    "among",
    "via",
    "about",
    "around",
    "some",
    "there",
    "here",
    "then",
    "now",
    "it",
    "they",
    "he",
    "she",
    "we",
    "you",
    "i",
    "all",
    "both",
    "only",
    "just",
    "even",
    "again",
    "away",
    "back",
    "out",
    "up",
    "down",
    "off",
    "yet",
    "whether",
    "until",
    "despite",
    "upon",
    "s",
    "percent",
    "cent",
];

/// Words that end a unit noun phrase: prepositions, conjunctions,
/// auxiliaries, determiners and frequent adverbs.
fn is_stop_word(w: &str) -> bool {
    STOP_WORDS.contains(&w)
}

/// Canonical casualty kind of a word ("died" → "killed").
pub(crate) fn casualty_word(w: &str) -> Option<&'static str> {
    let kind = match w {
        "killed" | "dead" | "died" | "deaths" | "fatalities" | "killing" | "slain" | "perished" => {
            "killed"
        }
        "injured" | "wounded" | "hurt" | "injuries" | "injuring" | "wounding" => "injured",
        "arrested" | "detained" | "arrests" | "detentions" | "arresting" | "detaining"
        | "jailed" => "arrested",
        "displaced" | "displacing" | "uprooted" | "evacuated" => "displaced",
        "abducted" | "kidnapped" | "abducting" | "kidnapping" => "abducted",
        "missing" => "missing",
        "executed" | "executing" => "executed",
        _ => return None,
    };
    Some(kind)
}

/// The casualty kinds encoded at the end of units ("people killed").
pub(crate) const CASUALTY_KINDS: [&str; 7] = [
    "killed",
    "injured",
    "arrested",
    "displaced",
    "abducted",
    "missing",
    "executed",
];

const CASUALTY_FILLERS: &[&str] = &[
    "were",
    "was",
    "have",
    "has",
    "had",
    "been",
    "are",
    "is",
    "reportedly",
    "also",
    "all",
    "being",
    "later",
    "allegedly",
    "confirmed",
    "feared",
    "believed",
    "reported",
    "left",
    "now",
    "since",
    "be",
    "to",
    "either",
    "who",
    "got",
];

/// Words between a counted noun and its casualty verb ("were reportedly").
fn is_casualty_filler(w: &str) -> bool {
    CASUALTY_FILLERS.contains(&w)
}

const PERSON_NOUNS: &[&str] = &[
    "people",
    "persons",
    "person",
    "civilians",
    "civilian",
    "soldiers",
    "soldier",
    "troops",
    "servicemen",
    "personnel",
    "fighters",
    "militants",
    "rebels",
    "insurgents",
    "protesters",
    "protestors",
    "demonstrators",
    "activists",
    "children",
    "child",
    "women",
    "woman",
    "men",
    "man",
    "residents",
    "villagers",
    "migrants",
    "refugees",
    "journalists",
    "reporters",
    "students",
    "workers",
    "officers",
    "policemen",
    "police",
    "officials",
    "members",
    "passengers",
    "citizens",
    "nationals",
    "prisoners",
    "detainees",
    "hostages",
    "patients",
    "doctors",
    "staff",
    "guards",
    "pilgrims",
    "worshippers",
    "others",
    "crew",
    "sailors",
    "pilots",
    "gunmen",
    "attackers",
    "suspects",
    "opposition",
    "supporters",
    "voters",
    "teenagers",
    "boys",
    "girls",
    "babies",
    "infants",
    "farmers",
    "miners",
    "volunteers",
    "medics",
    "paramedics",
    "firefighters",
    "combatants",
    "recruits",
    "conscripts",
    "mercenaries",
    "troopers",
    "marines",
    "commanders",
    "leaders",
    "politicians",
    "lawmakers",
    "employees",
    "contractors",
    "tourists",
    "settlers",
    "family",
    "relatives",
    "youths",
    "individuals",
    "bodies",
];

/// Nouns for people: only these take a casualty kind.
fn is_person_noun(w: &str) -> bool {
    PERSON_NOUNS.contains(&w)
}

/// True when the unit's head counts people ("civilians", "Palestinians").
pub(crate) fn counts_people(unit_words: &[&Tok]) -> bool {
    let Some(head) = unit_words.last() else {
        return true; // "12 were killed": people by default
    };
    if is_person_noun(&head.lower) {
        return true;
    }
    // capitalised plural demonyms: "Palestinians", "Israelis", "Sudanese"
    head.is_capitalized()
        && (head.lower.ends_with("ans")
            || head.lower.ends_with("is")
            || head.lower.ends_with("ese"))
}

/// ISO code of a currency symbol.
pub(crate) fn currency_symbol(sym: &str) -> Option<&'static str> {
    match sym {
        "$" => Some("USD"),
        "€" => Some("EUR"),
        "£" => Some("GBP"),
        "₽" => Some("RUB"),
        "₹" => Some("INR"),
        "₴" => Some("UAH"),
        "₪" => Some("ILS"),
        _ => None,
    }
}

/// ISO code of a currency word after the number ("dollars").
pub(crate) fn currency_word(w: &str) -> Option<&'static str> {
    match w {
        "dollars" | "dollar" | "usd" => Some("USD"),
        "euros" | "euro" | "eur" => Some("EUR"),
        "sterling" | "gbp" => Some("GBP"),
        "rubles" | "roubles" | "ruble" | "rouble" => Some("RUB"),
        "yuan" | "renminbi" => Some("CNY"),
        "yen" => Some("JPY"),
        "hryvnias" | "hryvnia" | "hryvnas" => Some("UAH"),
        "shekels" | "shekel" => Some("ILS"),
        _ => None,
    }
}

/// The noun phrase after a number: indices of its tokens (words and the
/// hyphens joining them), and the index after it.
pub(crate) fn unit_phrase(t: &[Tok], start: usize) -> (Vec<usize>, usize) {
    let mut picked: Vec<usize> = Vec::new();
    let mut k = start;
    let mut seen_lower = false;
    let mut words = 0;
    while words < MAX_SCAN_WORDS {
        let Some(tok) = t.get(k) else { break };
        if tok.kind != Kind::Word {
            // "Russian-made drones": a glued hyphen joins two words
            let joins = tok.is_punct('-')
                && !tok.spaced
                && !picked.is_empty()
                && t.get(k + 1)
                    .is_some_and(|n| !n.spaced && n.kind == Kind::Word);
            if joins {
                picked.push(k);
                k += 1;
                continue;
            }
            break;
        }
        let w = tok.lower.as_str();
        let after_hyphen = picked
            .last()
            .is_some_and(|&p| t.get(p).is_some_and(|x| x.kind == Kind::Punct));
        if !after_hyphen {
            if is_stop_word(w) || is_number_word(w) || casualty_word(w).is_some() {
                break;
            }
            if crate::dates::is_calendar_word(w) && tok.is_capitalized() {
                break;
            }
            if tok.is_capitalized() && seen_lower {
                break;
            }
            // adverbs and verbs after the first word end the phrase
            if !picked.is_empty() && (w.ends_with("ly") || w.ends_with("ed") || w.ends_with("ing"))
            {
                break;
            }
        }
        if !tok.is_capitalized() {
            seen_lower = true;
        }
        if !after_hyphen && is_common_verb(w) {
            break;
        }
        picked.push(k);
        words += 1;
        k += 1;
        // a plural noun is the head: stop after it, unless a hyphen follows
        let hyphen_next = t.get(k).is_some_and(|x| x.is_punct('-') && !x.spaced);
        if is_plural(w) && !hyphen_next {
            break;
        }
    }
    // drop a trailing hyphen
    while picked
        .last()
        .is_some_and(|&p| t.get(p).is_some_and(|x| x.kind == Kind::Punct))
    {
        picked.pop();
        k -= 1;
    }
    // keep the last MAX_UNIT_WORDS words (a hyphen compound counts once)
    let is_hyphen = |p: usize| t.get(p).is_some_and(|x| x.kind == Kind::Punct);
    let group_starts: Vec<usize> = (0..picked.len())
        .filter(|&n| {
            let here = picked.get(n).is_some_and(|&p| !is_hyphen(p));
            let prev_hyphen = n > 0 && picked.get(n - 1).is_some_and(|&p| is_hyphen(p));
            here && !prev_hyphen
        })
        .collect();
    let cut = group_starts
        .len()
        .checked_sub(MAX_UNIT_WORDS)
        .and_then(|g| group_starts.get(g).copied())
        .unwrap_or(0);
    let tail = picked.split_off(cut);
    // a phrase opening with "-ed"/"-ing" is a verb ("hundreds gathered
    // outside") unless it ends in a plural noun ("armed drones")
    let verb_first = tail
        .first()
        .and_then(|&f| t.get(f))
        .is_some_and(|x| x.lower.ends_with("ed") || x.lower.ends_with("ing"));
    let plural_last = tail
        .last()
        .and_then(|&l| t.get(l))
        .is_some_and(|x| is_plural(&x.lower));
    if verb_first && !plural_last {
        return (Vec::new(), start);
    }
    (tail, k)
}

/// A casualty verb after the counted noun ("people were killed"): its kind
/// and the index after it.
pub(crate) fn casualty_after(t: &[Tok], start: usize) -> Option<(&'static str, usize)> {
    for k in start..start + 4 {
        let tok = t.get(k).filter(|x| x.kind == Kind::Word)?;
        if let Some(kind) = casualty_word(&tok.lower) {
            return Some((kind, k + 1));
        }
        if !is_casualty_filler(&tok.lower) {
            return None;
        }
    }
    None
}

/// A casualty verb just before the number ("killing at least 12").
pub(crate) fn casualty_before(t: &[Tok], number_start: usize) -> Option<&'static str> {
    let lo = number_start.saturating_sub(2);
    (lo..number_start)
        .rev()
        .filter_map(|k| t.get(k))
        .take_while(|x| x.kind == Kind::Word)
        .find_map(|x| {
            casualty_word(&x.lower).filter(|_| x.lower.ends_with("ed") || x.lower.ends_with("ing"))
        })
}

/// True when "toll" appears shortly before the number ("the death toll
/// rose to 45").
pub(crate) fn toll_before(t: &[Tok], number_start: usize) -> bool {
    let lo = number_start.saturating_sub(6);
    (lo..number_start).any(|k| t.get(k).is_some_and(|x| x.lower == "toll"))
}

/// Plural-looking nouns: "-s" but not "-ss"/"-us"/"-is", and irregular
/// plurals.
fn is_plural(w: &str) -> bool {
    let regular = w.len() > 3
        && w.ends_with('s')
        && !w.ends_with("ss")
        && !w.ends_with("us")
        && !w.ends_with("is");
    regular
        || matches!(
            w,
            "people"
                | "children"
                | "men"
                | "women"
                | "police"
                | "personnel"
                | "staff"
                | "cattle"
                | "crew"
                | "sheep"
                | "livestock"
                | "aircraft"
                | "militia"
                | "infantry"
        )
}

const COMMON_VERBS: &[&str] = &[
    "took", "gave", "went", "came", "fled", "left", "fell", "rose", "hit", "struck", "sent",
    "began", "won", "lost", "saw", "held", "met", "ran", "got", "put", "set", "led", "stood",
    "kept", "brought", "fought", "flew", "drew", "shot", "told", "found", "became", "remain",
    "remains", "say", "take", "make", "made", "need", "face", "faced", "live", "lived", "arrive",
    "return", "remained", "crossed", "joined",
];

/// Frequent irregular verb forms that follow a counted noun.
fn is_common_verb(w: &str) -> bool {
    COMMON_VERBS.contains(&w)
}
