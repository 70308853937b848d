//! Document-level recognition: runs the matcher once, recognises each
//! sentence, then links short forms back to earlier mentions:
//!
//! * a bare surname ("Putin", "Kim") → the most recent full mention of a
//!   person with that short form (kind `Coreference`, `antecedent` set); with
//!   no earlier mention, the person of that short form holding the highest
//!   office on the date (kind `Person`);
//! * "the Russian president", "the North Korean leader", "the president" →
//!   the most recent person whose role matches the title (and country), else
//!   the holder of that office on the date;
//! * "the two leaders" / "both leaders" → TWO mentions over the same span,
//!   one for each of the last two persons mentioned (documented choice);
//! * "he", "his", ... → the first person mentioned in the same sentence
//!   before the pronoun, else the first person of the previous sentence
//!   (the subject, approximately); unresolved pronouns are dropped;
//! * a country, capital or seat mention → `antecedent` = the first earlier
//!   mention of the same country (kind unchanged).

use std::borrow::Cow;

use chrono::NaiveDate;
use dyad_core::{Actor, ActorMention, AnalyzedDocument, MentionKind, Span};

use crate::patterns::Target;
use crate::person::TITLE_IN_TEXT;
use crate::recognize::{role_at, Draft, Hint, RoleStatus, Scan};
use crate::text::concat;
use crate::words::{is_in, role_rank, COMMON_WORD_SURNAMES, GENERIC_LEADER_TITLES};
use crate::Lexicon;

/// Compass words between a preposition and its place ("from west London").
const COMPASS: &[&str] = &[
    "the",
    "north",
    "south",
    "east",
    "west",
    "northern",
    "southern",
    "eastern",
    "western",
    "central",
    "north-east",
    "north-west",
    "south-east",
    "south-west",
    "north-eastern",
    "north-western",
    "south-eastern",
    "south-western",
    "northeast",
    "northwest",
    "southeast",
    "southwest",
];

/// Place nouns between a preposition and its place ("near the capital
/// Damascus", "in the city of al-Habit").
const PLACE_NOUNS_BEFORE_NAME: &[&str] = &[
    "capital", "city", "town", "village", "province", "region", "of", "nearby",
];

/// Words after which a country or city is a place, not an actor ("withdrew
/// into Lebanon", "rebels in Yemen").
const PLACE_PREPOSITIONS: &[&str] = &[
    "in",
    "into",
    "inside",
    "across",
    "throughout",
    "from",
    "to",
    "towards",
    "toward",
    "near",
    "within",
    "at",
    "on",
    "over",
    "through",
    "outside",
];

/// A title or role in comparable form: lower case (ASCII letters may stay
/// upper case: words are compared ASCII-case-insensitively) with "defence"
/// spelt "defense". Most titles are ASCII without "defence": no copy.
fn normalized_title(s: &str) -> Cow<'_, str> {
    let has_defence = s
        .as_bytes()
        .windows(7)
        .any(|w| w.eq_ignore_ascii_case(b"defence"));
    if s.is_ascii() && !has_defence {
        Cow::Borrowed(s)
    } else {
        Cow::Owned(s.to_lowercase().replace("defence", "defense"))
    }
}

/// Words of a normalised title, without function words.
fn title_words(s: &str) -> impl Iterator<Item = &str> + Clone {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty() && !is_in(&["the", "of", "for", "and", "affairs", "national"], w))
}

fn is_junior<'a>(mut words: impl Iterator<Item = &'a str>) -> bool {
    words.any(|x| is_in(&["vice", "deputy"], x))
}

/// True when a person whose role is `role` can be called "the `title`".
pub(crate) fn title_matches(title: &str, role: &str) -> bool {
    TitleQuery::new(title).matches(role, None)
}

/// A title prepared once for matching many roles ([`title_matches`]).
pub(crate) struct TitleQuery<'t> {
    /// "leader", "head of state": any head of state or government.
    generic: bool,
    normalized: Cow<'t, str>,
}

impl<'t> TitleQuery<'t> {
    pub(crate) fn new(title: &'t str) -> TitleQuery<'t> {
        let generic = is_in(GENERIC_LEADER_TITLES, title);
        TitleQuery {
            generic,
            normalized: if generic {
                Cow::Borrowed(title)
            } else {
                normalized_title(title)
            },
        }
    }

    /// Whether `role` fits; `rank` is `role_rank(role)` when known.
    pub(crate) fn matches(&self, role: &str, rank: Option<u8>) -> bool {
        if self.generic {
            return rank.unwrap_or_else(|| role_rank(role)) >= 3;
        }
        let role = normalized_title(role);
        let mut tw = title_words(&self.normalized);
        let rw = title_words(&role);
        if tw.clone().next().is_none() {
            return false;
        }
        if is_junior(rw.clone()) != is_junior(tw.clone()) {
            return false;
        }
        tw.all(|w| rw.clone().any(|x| x.eq_ignore_ascii_case(w)))
    }
}

struct Out<'s, 'a> {
    scan: &'s Scan<'a>,
    /// Persons named in full anywhere in the document.
    named: rustc_hash::FxHashSet<usize>,
    mentions: Vec<ActorMention>,
    persons: Vec<Option<usize>>,
    /// Office holders already looked up: (country, title) → person.
    holders: Vec<(String, String, Option<usize>)>,
}

impl Out<'_, '_> {
    /// The holder of office `title` in `country` on the scan date (looked
    /// up once per document: "the president" comes back often).
    fn office_holder(&mut self, country: &str, title: &str) -> Option<usize> {
        if let Some((_, _, pi)) = self
            .holders
            .iter()
            .find(|(c, t, _)| c == country && t == title)
        {
            return *pi;
        }
        let pi = self.scan.lex.office_holder(country, title, self.scan.date);
        self.holders
            .push((country.to_string(), title.to_string(), pi));
        pi
    }

    fn push(&mut self, d: Draft, person: Option<usize>, antecedent: Option<usize>) {
        let text = self.scan.text.get(d.start..d.end).unwrap_or("").to_string();
        self.mentions.push(ActorMention {
            span: Span::new(d.start, d.end),
            sentence: d.sentence,
            text,
            kind: d.kind,
            actor: d.actor,
            antecedent,
            rule: d.rule,
            confidence: d.confidence,
        });
        self.persons.push(person);
    }

    /// The actor of person `p` for a later mention: the lexicon's, unless
    /// an earlier mention of `p` took a title written in the text (the
    /// lexicon had no role on the date, or only a presumed one): "the
    /// security minister, Ben Wallace ... Mr Wallace said he ..." stays the
    /// minister.
    fn person_actor_as_named(&self, p: usize) -> (Actor, String) {
        let titled = self
            .persons
            .iter()
            .zip(self.mentions.iter())
            .rev()
            .find(|(x, m)| **x == Some(p) && m.rule.contains(TITLE_IN_TEXT))
            .map(|(_, m)| m);
        match titled {
            Some(m) => (
                m.actor.clone(),
                concat(&[&m.rule, "; as named in '", &m.text, "'"]),
            ),
            None => self.scan.person_actor(p),
        }
    }

    /// Index of the first full (kind Person) mention of person `p`.
    fn first_full(&self, p: usize) -> Option<usize> {
        self.persons
            .iter()
            .enumerate()
            .find(|(i, x)| {
                **x == Some(p)
                    && self
                        .mentions
                        .get(*i)
                        .is_some_and(|m| m.kind == MentionKind::Person)
            })
            .map(|(i, _)| i)
    }
}

fn surname(out: &mut Out, d: Draft, group: usize, country: Option<&str>, title: Option<&str>) {
    let lex = out.scan.lex;
    let Some((short, members)) = lex.patterns.surnames.get(group) else {
        return;
    };
    // Earlier mentions of a member: one in office on the date first ("Kim"
    // after both Kim Jong Un and the historical Kim Il Sung), then the latest.
    let earlier = out
        .persons
        .iter()
        .enumerate()
        .rev()
        .filter_map(|(i, p)| p.filter(|p| members.contains(p)).map(|p| (i, p)))
        .max_by_key(|(i, p)| (out.scan.is_current(*p), *i));
    if let Some((i, p)) = earlier {
        let (actor, rule) = out.person_actor_as_named(p);
        let mut d2 = d;
        d2.actor = actor;
        d2.kind = MentionKind::Coreference;
        d2.rule = concat(&["surname:", short, " → earlier mention; ", &rule]);
        let ante = out.first_full(p).or(Some(i));
        out.push(d2, Some(p), ante);
        return;
    }
    if is_in(COMMON_WORD_SURNAMES, short) && title.is_none() && country.is_none() {
        return;
    }
    let date = out.scan.date;
    let date_text = &out.scan.date_text;
    let best = members
        .iter()
        .filter_map(|&pi| {
            let p = lex.k.people.get(pi)?;
            let (r, status) = role_at(p, date)?;
            if country.is_some_and(|c| c != r.country && !p.roles.iter().any(|x| x.country == c)) {
                return None;
            }
            let title_ok = title.is_none_or_match(&r.role);
            // A headline's "Kim" is the Kim named in full further down.
            let named_later = out.named.contains(&pi);
            let status_score = match status {
                RoleStatus::Current => 2,
                RoleStatus::Former => 1,
                RoleStatus::Future => 0,
            };
            Some(((named_later, title_ok as u8, status_score, r.rank), pi))
        })
        .max_by_key(|(score, _)| *score);
    let Some((_, pi)) = best else { return };
    let (actor, rule) = out.scan.person_actor(pi);
    let mut d2 = d;
    d2.actor = actor;
    d2.kind = MentionKind::Person;
    d2.confidence = 0.75;
    d2.rule = concat(&[
        "surname:",
        short,
        " → highest office on ",
        date_text,
        "; ",
        &rule,
    ]);
    out.push(d2, Some(pi), None);
}

trait TitleOpt {
    fn is_none_or_match(&self, role: &str) -> bool;
}

impl TitleOpt for Option<&str> {
    fn is_none_or_match(&self, role: &str) -> bool {
        match self {
            None => true,
            Some(t) => title_matches(t, role),
        }
    }
}

/// The country the mentions so far are plainly about: at least three of
/// them and two thirds of those with a country code (blocs and
/// organisations' codes left out).
fn story_country(mentions: &[ActorMention]) -> Option<String> {
    let mut counts: Vec<(&str, usize)> = Vec::new();
    let mut total = 0;
    for c in mentions
        .iter()
        .filter_map(|m| m.actor.country.as_deref())
        .filter(|c| c.len() == 3 && c.bytes().all(|b| b.is_ascii_uppercase()))
    {
        total += 1;
        match counts.iter_mut().find(|(x, _)| *x == c) {
            Some((_, n)) => *n += 1,
            None => counts.push((c, 1)),
        }
    }
    counts
        .into_iter()
        .max_by_key(|&(c, n)| (n, std::cmp::Reverse(c)))
        .filter(|&(_, n)| n >= 3 && 3 * n >= 2 * total)
        .map(|(c, _)| c.to_string())
}

fn title_only(out: &mut Out, d: Draft, title: &str, country: Option<&str>) {
    // The same person's role comes back often: match each role text once.
    let query = TitleQuery::new(title);
    let mut matched: Vec<(&str, bool)> = Vec::new();
    // Every earlier holder of the title; a bare "the president" is the most
    // recent one of the story's own country when the story so far is
    // plainly about one country (in a Washington story that quotes Assad,
    // the US president), else the most recent one; a title with its
    // country ("the Syrian president") has one candidate country anyway.
    let holders: Vec<(usize, usize)> = out
        .persons
        .iter()
        .enumerate()
        .filter_map(|(i, p)| {
            let p = (*p)?;
            let m = out.mentions.get(i)?;
            let role = m.actor.role.as_deref().unwrap_or("");
            let country_ok = match country {
                None => true,
                Some(c) => m.actor.country.as_deref() == Some(c),
            };
            if !country_ok {
                return None;
            }
            let fits = match matched.iter().find(|(r, _)| *r == role) {
                Some((_, fits)) => *fits,
                None => {
                    let fits = query.matches(role, None);
                    matched.push((role, fits));
                    fits
                }
            };
            fits.then_some((i, p))
        })
        .collect();
    let home = if country.is_none() {
        story_country(&out.mentions)
    } else {
        None
    };
    let at_home = |i: usize| {
        home.is_some()
            && out.mentions.get(i).and_then(|m| m.actor.country.as_deref()) == home.as_deref()
    };
    // "the president of the republic", "the head of the council": a title
    // that names its own domain after it is no bare "the president" looking
    // back (the domain, not the last president named, decides who it is)
    let own_domain = out
        .scan
        .text
        .get(d.end..)
        .and_then(|rest| rest.trim_start().get(..3))
        .is_some_and(|of| of.eq_ignore_ascii_case("of "));
    let earlier = holders
        .iter()
        .copied()
        .filter(|_| !own_domain)
        .max_by_key(|&(i, _)| (at_home(i), i));
    if let Some((i, p)) = earlier {
        let (actor, rule) = out.person_actor_as_named(p);
        let mut d2 = d;
        d2.actor = actor;
        d2.kind = MentionKind::Coreference;
        d2.rule = concat(&["the ", title, " → earlier mention; ", &rule]);
        let ante = out.first_full(p).or(Some(i));
        out.push(d2, Some(p), ante);
        return;
    }
    // Only offices (ministers, presidents, ...) have one holder to look up.
    if let Some(c) = country.filter(|_| role_rank(title) >= 2) {
        if let Some(pi) = out.office_holder(c, title) {
            let (actor, rule) = out.scan.person_actor(pi);
            let mut d2 = d;
            d2.actor = actor;
            d2.rule = format!(
                "{} → {title} of {c} on {}; {rule}",
                d2.rule, out.scan.date_text
            );
            out.push(d2, Some(pi), None);
            return;
        }
    }
    out.push(d, None, None);
}

fn pair(out: &mut Out, d: Draft, fallback: Option<Box<Draft>>) {
    // The last two distinct persons, preferring leaders in office (an aide
    // or a historical figure mentioned in between is not one of "the two leaders").
    let date = out.scan.date;
    let leader = |p: usize| {
        out.scan
            .lex
            .k
            .people
            .get(p)
            .and_then(|x| role_at(x, date))
            .is_some_and(|(r, st)| st == RoleStatus::Current && r.rank >= 3)
    };
    let pick = |filter: &dyn Fn(usize) -> bool| {
        let mut seen: Vec<(usize, usize)> = Vec::new();
        for (i, p) in out.persons.iter().enumerate().rev() {
            if let Some(p) = p.filter(|p| filter(*p)) {
                if !seen.iter().any(|(_, q)| *q == p) {
                    seen.push((i, p));
                }
            }
            if seen.len() == 2 {
                break;
            }
        }
        seen
    };
    let mut seen = pick(&leader);
    if seen.len() < 2 {
        seen = pick(&|_| true);
    }
    // "the two men" is anyone unless two persons were just named together.
    let together = |a: usize, b: usize| {
        let recent = |i: usize| {
            out.mentions
                .get(i)
                .filter(|m| m.sentence + 2 >= d.sentence && m.sentence <= d.sentence)
                .map(|m| m.sentence)
        };
        let sentences_of = |p: usize| {
            out.persons
                .iter()
                .enumerate()
                .filter(move |(_, x)| **x == Some(p))
                .filter_map(move |(i, _)| recent(i))
        };
        sentences_of(a).any(|s| sentences_of(b).any(|t| t == s))
    };
    let generic_unlinked = fallback.is_some()
        && match seen.as_slice() {
            [(_, a), (_, b)] => !together(*a, *b),
            _ => true,
        };
    if seen.len() < 2 || generic_unlinked {
        if let Some(f) = fallback {
            let person = f.person;
            out.push(*f, person, None);
        }
        return;
    }
    seen.reverse();
    for (_, p) in seen {
        let (actor, rule) = out.scan.person_actor(p);
        let mut d2 = d.clone();
        d2.actor = actor;
        d2.rule = concat(&[&d.rule, " → one of the two last persons; ", &rule]);
        let ante = out.first_full(p);
        out.push(d2, Some(p), ante);
    }
}

/// Grammatical gender: a pronoun's, or a person's as the text shows it.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Gender {
    Male,
    Female,
}

/// Titles and gendered role words that tell a person's gender when written
/// right before the name or as the mention's first word ("Mr Javid", "Ms
/// Begum", "spokeswoman Maria Zakharova", "Mullah Omar").
const MALE_WORDS: &[&str] = &[
    "mr",
    "mr.",
    "sir",
    "lord",
    "king",
    "prince",
    "sheikh",
    "mullah",
    "spokesman",
    "chairman",
    "congressman",
    "businessman",
    "father",
    "son",
    "brother",
    "husband",
    "uncle",
    "monsieur",
];
const FEMALE_WORDS: &[&str] = &[
    "mrs",
    "mrs.",
    "ms",
    "ms.",
    "miss",
    "lady",
    "dame",
    "queen",
    "princess",
    "madame",
    "spokeswoman",
    "chairwoman",
    "congresswoman",
    "businesswoman",
    "mother",
    "daughter",
    "sister",
    "wife",
    "widow",
    "aunt",
];

fn gender_of_word(w: &str) -> Option<Gender> {
    if is_in(MALE_WORDS, w) {
        Some(Gender::Male)
    } else if is_in(FEMALE_WORDS, w) {
        Some(Gender::Female)
    } else {
        None
    }
}

/// The gender the text gives mention `i`: a title or gendered word before
/// it or opening it, here or at an earlier mention of the same known
/// person. `None` when the text does not say (most names).
fn gender_of(out: &Out, i: usize) -> Option<Gender> {
    let text = out.scan.text;
    let at = |m: &ActorMention| {
        let first = m.text.split_whitespace().next().and_then(gender_of_word);
        first.or_else(|| {
            text.get(..m.span.start)
                .and_then(|b| b.split_whitespace().next_back())
                .and_then(gender_of_word)
        })
    };
    let m = out.mentions.get(i)?;
    if let Some(g) = at(m) {
        return Some(g);
    }
    let person = out.persons.get(i).copied().flatten();
    let titled = person.and_then(|p| {
        out.mentions
            .iter()
            .zip(&out.persons)
            .take(i)
            .filter(|(_, q)| **q == Some(p))
            .find_map(|(m, _)| at(m))
    });
    if titled.is_some() {
        return titled;
    }
    // No title: the first name, when it is overwhelmingly one gender
    // (`given-names.tsv`): the lexicon's name of a known person, else the
    // name as written ("Sally Lane").
    let name = match person.and_then(|p| out.scan.lex.k.people.get(p)) {
        // a title written into the known name ("Mullah Omar", "King
        // Salman") tells the gender
        Some(p) => match p.name.split_whitespace().next().and_then(gender_of_word) {
            Some(g) => return Some(g),
            None => p.name.as_str(),
        },
        None if m.kind == MentionKind::Person || is_unknown_person(m) => m.actor.name.as_str(),
        None => return None,
    };
    gender_of_name(out.scan.lex, name)
}

/// The gender of a full name's first word, when `given-names.tsv` knows it.
fn gender_of_name(lex: &crate::Lexicon, name: &str) -> Option<Gender> {
    let mut words = name.split_whitespace();
    let first = words.next()?;
    // A one-word name is no first name ("Assad").
    words.next()?;
    let g = lex.given_name(first.trim_end_matches('.'))?;
    Some(if g.female {
        Gender::Female
    } else {
        Gender::Male
    })
}

/// True for a mention of a person the lexicon does not know, recognised by
/// `crate::unknown` (its full name or a later surname).
pub(crate) fn is_unknown_person(m: &ActorMention) -> bool {
    m.rule.starts_with(crate::unknown::UNKNOWN_PERSON_RULE)
}

/// A pronoun resolved to the person it refers to: the draft with the
/// person's actor, the person, and the antecedent mention.
type Resolved = (Draft, Option<usize>, Option<usize>);

fn pronoun(out: &mut Out, d: Draft) {
    if let Some((d2, person, ante)) = resolve_pronoun(out, d, false) {
        out.push(d2, person, ante);
    }
}

/// "In his talks with May, Erdoğan said he ...": a possessive in the phrase
/// opening the sentence, resolved once the rest of its sentence is linked,
/// to the first person named after that phrase's comma (else as any
/// pronoun), and put back in text order.
fn cataphor(out: &mut Out, d: Draft, first_of_country: &mut rustc_hash::FxHashMap<String, usize>) {
    let Some((d2, person, ante)) = resolve_pronoun(out, d, true) else {
        return;
    };
    let at = out.mentions.partition_point(|m| m.span.start < d2.start);
    let shift = |i: &mut usize| {
        if *i >= at {
            *i += 1;
        }
    };
    for m in &mut out.mentions {
        if let Some(a) = m.antecedent.as_mut() {
            shift(a);
        }
    }
    for i in first_of_country.values_mut() {
        shift(i);
    }
    let mut ante = ante;
    if let Some(a) = ante.as_mut() {
        shift(a);
    }
    out.push(d2, person, ante);
    // move the pushed mention from the end to its place in text order
    if let (Some(m), Some(p)) = (out.mentions.pop(), out.persons.pop()) {
        out.mentions.insert(at, m);
        out.persons.insert(at, p);
    }
}

fn resolve_pronoun(out: &Out, d: Draft, cataphoric: bool) -> Option<Resolved> {
    // a known person, or a person the text names with a title but the
    // lexicon does not know ("the Syrian government negotiator Bashar
    // Jaafari told reporters ... he said")
    let is_person = |out: &Out, i: usize, m: &ActorMention| {
        out.persons.get(i).copied().flatten().is_some()
            || (m.kind == MentionKind::Person && m.actor.country.is_some())
            || is_unknown_person(m)
    };
    // "he" is not a person the text calls "Ms", "she" not one it calls
    // "Mr" or "spokesman": such a person is passed over.
    let wanted =
        out.scan
            .text
            .get(d.start..d.end)
            .and_then(|w| match w.to_ascii_lowercase().as_str() {
                "he" | "his" | "him" | "himself" => Some(Gender::Male),
                "she" | "her" | "hers" | "herself" => Some(Gender::Female),
                _ => None,
            });
    // A person found only by `crate::unknown` takes "he"/"she" only when its
    // gender is known: such names are often foreign to the given-name table
    // and a wrong "he" costs more than an unresolved one.
    let compatible = |out: &Out, i: usize| {
        wanted.is_none_or(|g| match gender_of(out, i) {
            Some(h) => h == g,
            None => !out.mentions.get(i).is_some_and(is_unknown_person),
        })
    };
    let find_first_in = |out: &Out, sentence: usize, before: usize| {
        out.mentions
            .iter()
            .enumerate()
            .find(|(i, m)| {
                m.sentence == sentence
                    && m.span.start < before
                    && is_person(out, *i, m)
                    && compatible(out, *i)
            })
            .map(|(i, _)| i)
    };
    // the first person named after the opening phrase's comma (a "he"
    // there: the possessive is the same person, "At his inauguration, he
    // condemned ...")
    let forward = || {
        let comma = out.scan.text.get(d.end..)?.find(',')? + d.end;
        out.mentions
            .iter()
            .enumerate()
            .find(|(i, m)| {
                m.sentence == d.sentence
                    && m.span.start > comma
                    && is_person(out, *i, m)
                    && compatible(out, *i)
            })
            .map(|(i, _)| i)
    };
    let mut found = if cataphoric { forward() } else { None };
    if found.is_none() {
        found = find_first_in(out, d.sentence, d.start);
    }
    // A person of unknown gender named before the pronoun in its own
    // sentence ("Syrian army commander Suhail Hassan said his troops ...")
    // may well be the one meant: looking back past them to the previous
    // sentence would pick someone else, so the pronoun stays unresolved.
    let unknown_gender_here = || {
        wanted.is_some()
            && out.mentions.iter().enumerate().any(|(i, m)| {
                m.sentence == d.sentence
                    && m.span.start < d.start
                    && is_unknown_person(m)
                    && gender_of(out, i).is_none()
            })
    };
    if found.is_none() && d.sentence > 0 && !unknown_gender_here() {
        found = find_first_in(out, d.sentence - 1, usize::MAX);
    }
    let i = found?;
    let forward_found = cataphoric && out.mentions.get(i).is_some_and(|m| m.span.start > d.end);
    let link = if forward_found {
        " → the subject after the opening phrase"
    } else {
        " → last person subject"
    };
    let mut d2 = d;
    match out.persons.get(i).copied().flatten() {
        Some(p) => {
            let (actor, rule) = out.person_actor_as_named(p);
            d2.actor = actor;
            d2.rule = concat(&[&d2.rule, link, "; ", &rule]);
            Some((d2, Some(p), Some(i)))
        }
        None => {
            let m = out.mentions.get(i)?;
            d2.actor = m.actor.clone();
            d2.rule = concat(&[&d2.rule, link, " (named, not in the lexicon): ", &m.text]);
            d2.confidence = d2.confidence.min(m.confidence);
            Some((d2, None, Some(i)))
        }
    }
}

/// The drafts sorted by (start, end), ties in recognition order (a stable
/// sort). Drafts are large: sorting small keys and moving each draft once
/// is cheaper than sorting the drafts themselves.
fn in_text_order(drafts: Vec<Draft>) -> Vec<Draft> {
    let mut order: Vec<(usize, usize, usize)> = drafts
        .iter()
        .enumerate()
        .map(|(i, d)| (d.start, d.end, i))
        .collect();
    if order.windows(2).all(|w| matches!(w, [a, b] if a <= b)) {
        return drafts;
    }
    order.sort_unstable();
    let mut slots: Vec<Option<Draft>> = drafts.into_iter().map(Some).collect();
    order
        .iter()
        .filter_map(|&(_, _, i)| slots.get_mut(i).and_then(Option::take))
        .collect()
}

/// Links drafts (sorted in text order) into the final mention list.
pub(crate) fn link(scan: &Scan, drafts: Vec<Draft>) -> Vec<ActorMention> {
    let named = drafts.iter().filter_map(|d| d.person).collect();
    let mut out = Out {
        scan,
        named,
        mentions: Vec::with_capacity(drafts.len()),
        persons: Vec::with_capacity(drafts.len()),
        holders: Vec::new(),
    };
    let mut first_of_country: rustc_hash::FxHashMap<String, usize> =
        rustc_hash::FxHashMap::default();
    // a cataphoric possessive waits for the rest of its sentence
    let mut pending: Option<Draft> = None;
    for mut d in drafts {
        if let Some(p) = pending.take_if(|p| p.sentence != d.sentence) {
            cataphor(&mut out, p, &mut first_of_country);
        }
        let hint = std::mem::replace(&mut d.hint, Hint::Done);
        match hint {
            Hint::Done => {
                let country_like = matches!(
                    d.kind,
                    MentionKind::Country | MentionKind::Capital | MentionKind::Demonym
                );
                let ante = match (&d.actor.country, d.person.is_none() && country_like) {
                    (Some(c), true) => first_of_country.get(c).copied(),
                    _ => None,
                };
                if let (Some(c), true, None) =
                    (&d.actor.country, d.person.is_none() && country_like, ante)
                {
                    first_of_country.insert(c.clone(), out.mentions.len());
                }
                let person = d.person;
                out.push(d, person, ante);
            }
            Hint::Surname {
                group,
                country,
                title,
            } => surname(&mut out, d, group, country.as_deref(), title.as_deref()),
            Hint::TitleOnly { title, country } => {
                title_only(&mut out, d, &title, country.as_deref())
            }
            Hint::Pair { fallback } => pair(&mut out, d, fallback),
            Hint::Pronoun { cataphoric: true } if pending.is_none() => pending = Some(d),
            Hint::Pronoun { .. } => pronoun(&mut out, d),
        }
    }
    if let Some(p) = pending {
        cataphor(&mut out, p, &mut first_of_country);
    }
    out.mentions
}

impl Lexicon {
    /// Recognises and resolves the actor mentions of a document, in text
    /// order. Roles are those valid at the publication date; without one,
    /// roles as of today (the rule text says so).
    pub fn recognize(&self, doc: &AnalyzedDocument) -> Vec<dyad_core::ActorMention> {
        let (date, date_known) = match &doc.doc.date {
            Some(d) => (d.date, true),
            None => (chrono::Utc::now().date_naive(), false),
        };
        self.recognize_on(doc, date, date_known)
    }

    pub(crate) fn recognize_on(
        &self,
        doc: &AnalyzedDocument,
        date: NaiveDate,
        date_known: bool,
    ) -> Vec<ActorMention> {
        let text = doc.doc.text.as_str();
        let dateline_country = doc
            .doc
            .dateline
            .as_deref()
            .and_then(|d| self.country_of_dateline(d));
        let mut adjectives = Vec::new();
        for s in &doc.sentences {
            for t in &s.tokens {
                if t.pos.is_adjective() {
                    adjectives.push(t.span.start);
                }
            }
        }
        adjectives.sort_unstable();
        let scan = Scan {
            lex: self,
            text,
            date,
            date_text: date.to_string(),
            date_known,
            dateline_country,
            adjectives,
        };
        let (atoms, pronouns) = self.patterns.scan(text);
        // About one draft per atom or pronoun: drafts are large, so growing
        // the vector by copying would cost more than reserving once.
        let mut drafts = Vec::with_capacity(atoms.len() + pronouns.len());
        let whole = [(0usize, 0usize, text.len())];
        let spans: Vec<(usize, usize, usize)> = if doc.sentences.is_empty() {
            whole.to_vec()
        } else {
            doc.sentences
                .iter()
                .map(|s| (s.index, s.span.start, s.span.end.min(text.len())))
                .collect()
        };
        // Countries each sentence names, as an actor or even as a mere place
        // ("in Syria"): they bound what the document may give its generic
        // actors (`crate::context`).
        let mut named: Vec<crate::context::Named> = Vec::new();
        for &(index, start, end) in &spans {
            let from = atoms.partition_point(|a| a.start < start);
            let to = atoms.partition_point(|a| a.start < end).max(from);
            // The end of the last place named and whether it was a
            // destination or origin: a country coordinated with it is a
            // place of the same kind ("in Iraq and Syria").
            let mut last_place: Option<(usize, bool, bool, bool)> = None;
            for a in atoms.get(from..to).unwrap_or_default() {
                let Some(code) = a.targets().iter().find_map(|t| self.country_of_target(t)) else {
                    continue;
                };
                let coordinated = last_place.filter(|(end, _, _, _)| {
                    text.get(*end..a.start).is_some_and(|between| {
                        let between = between.trim();
                        between == ","
                            || is_in(&["and", "or", "nor"], between.trim_start_matches(','))
                    })
                });
                let first = a.targets().first();
                // A capital that acts ("Moscow said") is an actor, one
                // after a verb or preposition ("attacked Paris") a place.
                let as_place = matches!(first, Some(Target::City(_)))
                    || matches!(first, Some(Target::Capital(_)))
                        && text
                            .get(a.end..)
                            .and_then(|after| after.split_whitespace().next())
                            .is_none_or(|w| {
                                !w.starts_with(|c: char| c.is_lowercase())
                                    || is_in(PLACE_PREPOSITIONS, w)
                            })
                    || matches!(first, Some(Target::Country(_)))
                        && text
                            .get(..a.start)
                            .and_then(|before| before.split_whitespace().next_back())
                            .is_some_and(|w| is_in(PLACE_PREPOSITIONS, w));
                // A modifier ("Ankara-backed rebels") names no place.
                let as_place = as_place && !a.hyphen_after;
                // The preposition before the place, past a compass word
                // ("from west London", "into northern Syria").
                let preposition = text.get(..a.start).and_then(|before| {
                    before
                        .split_whitespace()
                        .rev()
                        .map(|w| w.trim_start_matches(['[', '(']))
                        .find(|w| !is_in(COMPASS, w) && !is_in(PLACE_NOUNS_BEFORE_NAME, w))
                });
                let directional =
                    as_place && preposition.is_some_and(|w| is_in(crate::words::DIRECTIONAL, w));
                let locative =
                    as_place && preposition.is_some_and(|w| is_in(crate::words::LOCATIVE, w));
                // where someone comes from ("arrived from Syria") or goes
                // back to ("return to Syria"): the word before the
                // preposition decides
                let home = as_place && {
                    let mut back = text
                        .get(..a.start)
                        .unwrap_or_default()
                        .split_whitespace()
                        .rev()
                        .map(|w| w.trim_start_matches(['[', '(']))
                        .skip_while(|w| is_in(COMPASS, w) || is_in(PLACE_NOUNS_BEFORE_NAME, w));
                    let prep = back.next().unwrap_or_default();
                    let before = back.next().unwrap_or_default().to_lowercase();
                    let returning = before.starts_with("return")
                        || before == "back"
                        || before.starts_with("repatriat");
                    (prep.eq_ignore_ascii_case("from") && !returning)
                        || (prep.eq_ignore_ascii_case("to") && returning)
                };
                // A city written next to another capitalised word is part of
                // a longer name ("the SDF commander Adnan Afrin", "Damascus
                // University"); a capitalised word opening the sentence does
                // not count.
                let next_capital = text
                    .get(a.end..)
                    .and_then(|t| t.strip_prefix(' '))
                    .is_some_and(|t| t.starts_with(|c: char| c.is_uppercase()));
                let prev_capital = text
                    .get(start..a.start)
                    .and_then(|t| t.strip_suffix(' '))
                    .and_then(|t| t.rsplit(' ').next().filter(|w| t.len() > w.len()))
                    .is_some_and(|w| {
                        // a word of letters only: not "Syria’s", "Idlib,"
                        w.starts_with(|c: char| c.is_uppercase())
                            && w.chars().all(|c| c.is_alphabetic() || c == '-')
                            && !is_in(COMPASS, w)
                    });
                let in_a_name =
                    matches!(first, Some(Target::City(_))) && (next_capital || prev_capital);
                let (as_place, directional, locative, home) = match coordinated {
                    Some((_, d, l, h)) if !as_place => (true, d, l, h),
                    // a place coordinated with a home is one too ("from
                    // Iraq and Syria")
                    Some((_, _, _, true)) => (as_place && !in_a_name, directional, locative, true),
                    _ => (as_place && !in_a_name, directional, locative, home),
                };
                if as_place {
                    last_place = Some((a.end, directional, locative, home));
                }
                let by_name = !matches!(first, Some(Target::Demonym(_) | Target::DemonymPlural(_)));
                named.push(crate::context::Named {
                    sentence: index,
                    country: code.to_string(),
                    as_place,
                    directional,
                    locative,
                    home,
                    by_name,
                    start: a.start,
                    end: a.end,
                });
            }
        }
        for &(index, start, end) in &spans {
            let from = atoms.partition_point(|a| a.start < start);
            let mut to = atoms.partition_point(|a| a.start < end).max(from);
            // An atom running past the sentence end belongs to no sentence.
            while to > from && atoms.get(to - 1).is_some_and(|a| a.end > end) {
                to -= 1;
            }
            let p_from = pronouns.partition_point(|p| p.0 < start);
            let p_to = pronouns.partition_point(|p| p.0 < end).max(p_from);
            let inside = atoms.get(from..to).unwrap_or_default();
            let prons = pronouns.get(p_from..p_to).unwrap_or_default();
            scan.sentence(index, start, end, inside, prons, &mut drafts);
        }
        // People the lexicon does not know, with evidence they are people.
        scan.unknown_people(doc, &atoms, &mut drafts);
        let mut mentions = link(&scan, in_text_order(drafts));
        crate::unknown::link_antecedents(&mut mentions);
        crate::context::country_from_home(&mut mentions, text, &named);
        let country_name = |code: &str| self.country(code).map(|c| c.name.clone());
        let is_country = |code: &str| self.is_country_code(code);
        let definite_input = crate::definite::Input {
            text,
            sentences: &doc.sentences,
            nouns: &self.k.descriptions,
            named: &named,
            country_name: &country_name,
            is_country: &is_country,
        };
        let mut mentions = crate::definite::resolve(mentions, &definite_input);
        let doc_context = crate::context::DocContext {
            text,
            named: &named,
            sentences: &spans,
            publisher_country: doc
                .doc
                .source
                .as_deref()
                .and_then(|s| self.publisher_country(s)),
            peoples: &self.k.peoples,
        };
        crate::context::country_from_document(&mut mentions, &doc_context);
        crate::context::country_from_own_place(&mut mentions, text, &named);
        let mentions = crate::definite::resolve_late(mentions, &definite_input);
        crate::quotes::first_person(text, &doc.sentences, mentions)
    }

    /// The country a matcher reading names (a country, demonym, capital,
    /// city or seat), if any.
    fn country_of_target(&self, t: &Target) -> Option<&str> {
        match *t {
            Target::Country(i)
            | Target::Capital(i)
            | Target::Demonym(i)
            | Target::DemonymPlural(i) => self.k.countries.get(i).map(|c| c.code.as_str()),
            Target::City(i) => self.k.cities.get(i).map(|c| c.country.as_str()),
            Target::Seat(i) => self.k.seats.get(i).map(|c| c.country.as_str()),
            _ => None,
        }
    }

    /// The country of a document's publisher ("Guardian" → GBR): a media
    /// organisation (sector JRN) of the lexicon named by the source field.
    fn publisher_country(&self, source: &str) -> Option<String> {
        // Source fields drop the article of a title ("Guardian" for "The
        // Guardian"), which the pattern keeps.
        let with_the = format!("The {source}");
        self.org_media_country(source)
            .or_else(|| self.org_media_country(&with_the))
    }

    fn org_media_country(&self, source: &str) -> Option<String> {
        self.patterns.atoms(source).iter().find_map(|a| {
            a.targets().iter().find_map(|t| match *t {
                Target::Org(i) => self
                    .k
                    .orgs
                    .get(i)
                    .filter(|o| o.sectors.iter().any(|s| s == "JRN"))
                    .and_then(|o| o.country.clone()),
                _ => None,
            })
        })
    }

    /// Country of a dateline ("MOSCOW", "SEOUL, South Korea").
    pub(crate) fn country_of_dateline(&self, dateline: &str) -> Option<String> {
        let first = dateline
            .split([',', '(', '-', '—'])
            .next()
            .unwrap_or("")
            .trim();
        if let Some(c) = self.country_of_city(first) {
            return Some(c.to_string());
        }
        self.country_of_phrase(dateline)
    }

    /// The first country named in `text` (name, demonym, capital or seat).
    pub(crate) fn country_of_phrase(&self, text: &str) -> Option<String> {
        // "Turkish-backed": the sponsor, not the actor's country.
        self.patterns
            .atoms(text)
            .iter()
            .filter(|a| !a.hyphen_after)
            .find_map(|a| {
                a.targets().iter().find_map(|t| match t {
                    Target::Country(c)
                    | Target::Capital(c)
                    | Target::Demonym(c)
                    | Target::DemonymPlural(c) => self.k.countries.get(*c).map(|x| x.code.clone()),
                    Target::Seat(s) => self.k.seats.get(*s).map(|x| x.country.clone()),
                    Target::City(c) => self.k.cities.get(*c).map(|x| x.country.clone()),
                    _ => None,
                })
            })
    }

    /// A person code column may name a country or an organisation: returns
    /// (country, org) for an actor.
    pub(crate) fn code_to_country_org(&self, code: &str) -> (Option<String>, Option<String>) {
        if self.country(code).is_some() {
            return (Some(code.to_string()), None);
        }
        match self.org(code) {
            Some(o) => (o.country.clone(), Some(o.id.clone())),
            None => (Some(code.to_string()), None),
        }
    }

    /// The person holding an office matching `title` in `country` on `date`.
    pub(crate) fn office_holder(
        &self,
        country: &str,
        title: &str,
        date: NaiveDate,
    ) -> Option<usize> {
        let list = self.people_by_country.get(country)?;
        let query = TitleQuery::new(title);
        list.iter()
            .filter_map(|&pi| {
                let p = self.k.people.get(pi)?;
                let r = p
                    .roles
                    .iter()
                    .filter(|r| {
                        r.country == country
                            && r.valid_on(date)
                            && query.matches(&r.role, Some(r.rank))
                    })
                    .max_by_key(|r| r.rank)?;
                Some((r.rank, pi))
            })
            .max_by_key(|(rank, pi)| (*rank, std::cmp::Reverse(*pi)))
            .map(|(_, pi)| pi)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_match_roles() {
        assert!(title_matches("president", "President"));
        assert!(title_matches(
            "defense minister",
            "Minister of National Defence"
        ));
        assert!(title_matches("leader", "Supreme Leader"));
        assert!(!title_matches("president", "Vice President"));
        assert!(!title_matches("prime minister", "President"));
    }
}
