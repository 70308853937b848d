//! Choosing among a toponym's candidates.
//!
//! Score = prior (population, or the kind of entry: country, division,
//! capital, user place) + the kind the text states ("Governorates", "the city
//! of") + document context (countries and first-level divisions of the other
//! toponyms, stronger in the same sentence; the dateline; actors' countries and
//! demonyms) + an explicit qualifier ("Prague, Oklahoma"). Two rounds: the
//! second uses the first round's choices for the other toponyms.
//!
//! Cost: mentions of one name share their context-free scores ([`groups`]),
//! the first round's choices are summed over small ids ([`totals`]), and the
//! reason string is written for the winner only ([`reasons`]).

mod country;
mod groups;
mod reasons;
mod totals;

use rustc_hash::FxHashMap as HashMap;

use dyad_core::{ActorMention, AnalyzedDocument, PlaceMention, Span};

use crate::gazetteer::{Candidate, Gazetteer};
use crate::recognize::{Cue, Found, Hint};
use crate::spans::SpanSet;
use country::CountryKey;
use groups::{Groups, Slots};
use reasons::{write_reason, Reasons};
use totals::{Totals, Where};

const COUNTRY_PRIOR: f64 = 6.0;
const ADM1_PRIOR: f64 = 2.2;
const ADM2_PRIOR: f64 = 1.4;
const OTHER_DIVISION_PRIOR: f64 = 1.0;
const USER_PRIOR: f64 = 3.5;
const CAPITAL_BONUS: f64 = 0.6;
const SEAT_BONUS: f64 = 0.4;
const EXACT_NAME_BONUS: f64 = 0.8;
/// "Oklahoma" names the state before "Oklahoma City".
const SHORTENED_CITY_PENALTY: f64 = 0.8;
const STATED_KIND_BONUS: f64 = 5.0;
const QUALIFIER_BONUS: f64 = 5.0;
// Context caps, on the scale of the population prior (0.5 per tenfold
// population). Country-level context (actors and demonyms: soft; other
// places: place) together may lift a town over a namesake about 100 times
// larger, not more: an American story's "Berlin" is still Germany's capital,
// not Berlin, New Hampshire (with caps of 1.0 + 2.5 it was, and so were
// London, Cairo, Moscow and Paris in US-related stories of the Guardian
// corpus). A division named or implied in the text (admin) weighs as much
// as the other places, so "Texas" beside "Oklahoma" stays the state rather
// than Texas County, Oklahoma.
const SOFT_CONTEXT_CAP: f64 = 0.5;
const PLACE_CONTEXT_CAP: f64 = 1.5;
const ADMIN_CONTEXT_CAP: f64 = 1.5;

/// Country evidence that does not come from other toponyms.
#[derive(Debug, Default)]
struct SoftContext<'a> {
    countries: HashMap<CountryKey<'a>, f64>,
    dateline: Option<String>,
}

/// Resolves recognised toponyms into place mentions.
pub(crate) fn resolve(
    gaz: &Gazetteer,
    doc: &AnalyzedDocument,
    found: Vec<Found>,
    actors: &[ActorMention],
) -> Vec<PlaceMention> {
    let soft = soft_context(gaz, doc, &found, actors);
    let mut groups = Groups::new(&found, &soft);
    // Round 1: without other toponyms.
    let chosen: Vec<Option<&Candidate>> = found
        .iter()
        .enumerate()
        .map(|(m, f)| {
            let g = groups.group(m);
            let best = if has_qualifier_terms(&found, m) {
                Scorer::new(&found, m, f, &soft, groups.base(g), None).best()
            } else {
                groups.first_best(g)
            };
            best.and_then(|(i, _, _)| f.candidates.get(i))
        })
        .collect();
    // Round 2: with round 1's choices.
    let totals = Totals::new(&found, groups.keys(), groups.n_keys(), &chosen);
    groups.find_slots(&found, &totals);
    let mut mentions: Vec<PlaceMention> = found
        .iter()
        .enumerate()
        .map(|(m, f)| {
            let g = groups.group(m);
            let context = Context {
                totals: &totals,
                at: Where {
                    key: groups.key(m),
                    sentence: f.sentence,
                },
                slots: groups.slots(g),
            };
            let scorer = Scorer::new(&found, m, f, &soft, groups.base(g), Some(context));
            // Where no candidate has context or a qualifier, the scores are
            // the first round's.
            let best = if scorer.qualified || groups.has_context(g) {
                scorer.best()
            } else {
                groups.first_best(g)
            };
            to_mention(&scorer, best)
        })
        .collect();
    // The mentions take over the toponyms' texts (no copy).
    for (mention, f) in mentions.iter_mut().zip(found) {
        mention.text = f.text;
    }
    mentions
}

/// True when mention `m`'s scores depend on a qualifier: it has one, or it
/// is the one of the mention before.
fn has_qualifier_terms(found: &[Found], m: usize) -> bool {
    let qualifies_previous = m
        .checked_sub(1)
        .and_then(|p| found.get(p))
        .is_some_and(|prev| prev.qualifier == Some(m));
    qualifies_previous || found.get(m).is_some_and(|f| f.qualifier.is_some())
}

fn soft_context<'a>(
    gaz: &'a Gazetteer,
    doc: &AnalyzedDocument,
    found: &[Found],
    actors: &'a [ActorMention],
) -> SoftContext<'a> {
    let mut ctx = SoftContext::default();
    // An actor that is itself one of the toponyms ("Prague" as a capital) is
    // no evidence about where that toponym is. Toponym spans sorted by start
    // with a running maximum of ends answer "overlaps any?" by binary search.
    let toponyms = SpanSet::new(found.iter().map(|f| f.span));
    let overlaps_toponym = |a: &ActorMention| toponyms.overlaps(a.span);
    for a in actors.iter().filter(|a| !overlaps_toponym(a)) {
        if let Some(c) = a.actor.country.as_deref().filter(|c| c.len() == 3) {
            *ctx.countries.entry(CountryKey::of(c)).or_default() += 0.25;
        }
    }
    // Demonyms: the gazetteer turns most capitalised words away unhashed,
    // so words are asked about as they come (no per-document memo).
    let mut key = String::new();
    let text = doc.doc.text.as_str();
    let demonyms = gaz.demonyms();
    for s in &doc.sentences {
        for t in &s.tokens {
            // Most words start with an ASCII lower-case letter: one byte read
            // (and one table read) turns them away.
            let first = text.as_bytes().get(t.span.start).copied().unwrap_or(0);
            if !MAY_START_CAPITAL[first as usize] {
                continue;
            }
            if let Some(c) = capitalised(text, t.span).and_then(|w| demonyms.country(w, &mut key)) {
                *ctx.countries.entry(CountryKey::of(c)).or_default() += 0.25;
            }
        }
    }
    if let Some(d) = doc.doc.dateline.as_deref() {
        let mut cands = gaz.lookup(d);
        cands.sort_by(|a, b| prior(b, None, d).total_cmp(&prior(a, None, d)));
        ctx.dateline = cands.first().map(|c| c.place.country.clone());
    }
    ctx
}

/// First bytes of words that may start with an upper-case letter: ASCII
/// capitals and the lead bytes of other characters.
const MAY_START_CAPITAL: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 256 {
        table[b] = b >= 0x80 || (b as u8).is_ascii_uppercase();
        b += 1;
    }
    table
};

/// The word at `span` when it starts with an upper-case letter.
fn capitalised(text: &str, span: Span) -> Option<&str> {
    let first = *text.as_bytes().get(span.start)?;
    if first.is_ascii() && !first.is_ascii_uppercase() {
        return None;
    }
    let word = text.get(span.start..span.end)?;
    (first.is_ascii() || word.chars().next().is_some_and(char::is_uppercase)).then_some(word)
}

/// Score of a candidate from what it is, and the kind the text states.
fn prior(c: &Candidate, hint: Option<Hint>, written: &str) -> f64 {
    // a sea or world region of the place file (no country) spans countries,
    // as a continent does: "the Middle East" is not the Maryland village
    // of that name in an American story
    let countryless = c.user_defined && c.place.country.is_empty();
    let mut s = if c.is_country() || c.is_continent() || countryless {
        COUNTRY_PRIOR
    } else if c.user_defined {
        USER_PRIOR
    } else {
        match c.division_level() {
            1 => ADM1_PRIOR,
            2 => ADM2_PRIOR,
            3 | 4 => OTHER_DIVISION_PRIOR,
            _ => {
                let mut p = 0.5 * ((c.place.population as f64) + 1.0).log10();
                match c.place.feature_code.as_str() {
                    "PPLC" => p += CAPITAL_BONUS,
                    "PPLA" => p += SEAT_BONUS,
                    _ => {}
                }
                p
            }
        }
    };
    let canonical = c.place.name.as_str();
    if canonical.eq_ignore_ascii_case(written) {
        s += EXACT_NAME_BONUS;
    } else if canonical
        .strip_suffix(" City")
        .is_some_and(|stem| stem.eq_ignore_ascii_case(written))
    {
        s -= SHORTENED_CITY_PENALTY;
    }
    match hint {
        Some(Hint::Division(level)) if c.is_division() => {
            s += STATED_KIND_BONUS;
            if c.division_level() == level {
                s += 1.0;
            }
        }
        Some(Hint::Division(_)) if c.is_country() => s -= 2.0,
        Some(Hint::Division(_)) => s -= 1.0,
        Some(Hint::Settlement) if c.place.feature_class == "P" => s += 2.0,
        Some(Hint::Settlement) => s -= 2.0,
        None => {}
    }
    s
}

/// The (candidate index, score, margin over the second) of the best of
/// `scores`; the first of equal scores wins.
fn best_of(scores: impl Iterator<Item = f64>) -> Option<(usize, f64, f64)> {
    let mut top: Option<(usize, f64)> = None;
    let mut second: Option<f64> = None;
    for (i, s) in scores.enumerate() {
        match top {
            Some((_, t)) if s.total_cmp(&t).is_le() => {
                if second.is_none_or(|v| s.total_cmp(&v).is_gt()) {
                    second = Some(s);
                }
            }
            _ => {
                second = top.map(|(_, t)| t);
                top = Some((i, s));
            }
        }
    }
    let (i, t) = top?;
    Some((i, t, second.map_or(f64::INFINITY, |v| t - v)))
}

/// The second round's view of the other toponyms for one mention.
struct Context<'a> {
    totals: &'a Totals<'a>,
    at: Where,
    /// Context slots of the mention's candidates.
    slots: &'a [Slots],
}

impl Context<'_> {
    /// The slots of candidate `i`.
    fn slots(&self, i: usize, c: &Candidate) -> Slots {
        self.slots
            .get(i)
            .copied()
            .unwrap_or_else(|| Slots::of(c, CountryKey::of(&c.place.country), self.totals))
    }

    /// What other places in the candidate's country add.
    fn place_weight(&self, slots: Slots) -> f64 {
        slots.country.map_or(0.0, |slot| {
            self.totals
                .country_weight(self.at, slot)
                .min(PLACE_CONTEXT_CAP)
        })
    }

    /// What other places in the candidate's first-level division add.
    fn admin_weight(&self, slots: Slots) -> f64 {
        slots.admin.map_or(0.0, |slot| {
            self.totals
                .admin_weight(self.at, slot)
                .min(ADMIN_CONTEXT_CAP)
        })
    }
}

/// Scores the candidates of mention `m`.
struct Scorer<'a> {
    all: &'a [Found],
    m: usize,
    f: &'a Found,
    soft: &'a SoftContext<'a>,
    /// [`base_score`] of each candidate (shared by the mention's group).
    base: &'a [f64],
    /// Round 2 only.
    context: Option<Context<'a>>,
    /// [`has_qualifier_terms`] (most mentions have none: not asked per
    /// candidate).
    qualified: bool,
}

impl<'a> Scorer<'a> {
    fn new(
        all: &'a [Found],
        m: usize,
        f: &'a Found,
        soft: &'a SoftContext<'a>,
        base: &'a [f64],
        context: Option<Context<'a>>,
    ) -> Scorer<'a> {
        Scorer {
            all,
            m,
            f,
            soft,
            base,
            context,
            qualified: has_qualifier_terms(all, m),
        }
    }

    fn best(&self) -> Option<(usize, f64, f64)> {
        best_of(
            self.f
                .candidates
                .iter()
                .enumerate()
                .map(|(i, c)| self.score(i, c)),
        )
    }

    /// Score of candidate `i`. The terms are added in a fixed order: float
    /// sums must come out bit for bit as before.
    fn score(&self, i: usize, c: &Candidate) -> f64 {
        let mut s = match self.base.get(i) {
            Some(&base) => base,
            None => base_score(self.f, self.soft, c, CountryKey::of(&c.place.country)),
        };
        if let Some(ctx) = &self.context {
            let slots = ctx.slots(i, c);
            let place_w = ctx.place_weight(slots);
            if place_w > 0.0 {
                s += place_w;
            }
            let admin_w = ctx.admin_weight(slots);
            if admin_w > 0.0 {
                s += admin_w;
            }
        }
        if self.qualified {
            if self.qualifier_containing(c).is_some() {
                s += QUALIFIER_BONUS;
            }
            if self.qualified_within(c).is_some() {
                s += 3.0;
            }
        }
        s
    }

    /// The mention's qualifier ("Oklahoma" in "Prague, Oklahoma") when one
    /// of its entries contains `c`.
    fn qualifier_containing(&self, c: &Candidate) -> Option<&'a Found> {
        let q = self.f.qualifier.and_then(|q| self.all.get(q))?;
        q.candidates.iter().any(|qc| contains(qc, c)).then_some(q)
    }

    /// As a qualifier itself, the mention before when `c` contains one of
    /// its entries (prefer the entry that contains the place before it).
    fn qualified_within(&self, c: &Candidate) -> Option<&'a Found> {
        let prev = self.m.checked_sub(1).and_then(|p| self.all.get(p))?;
        (prev.qualifier == Some(self.m) && prev.candidates.iter().any(|pc| contains(c, pc)))
            .then_some(prev)
    }

    /// Appends why candidate `i` scored as it did, each reason after "; ",
    /// in the order its terms are added (worked out for the winner only).
    fn explain(&self, i: usize, out: &mut Reasons) {
        let Some(c) = self.f.candidates.get(i) else {
            return;
        };
        explain_base(self.f, self.soft, c, out);
        let country = c.place.country.as_str();
        if let Some(ctx) = &self.context {
            let slots = ctx.slots(i, c);
            if ctx.place_weight(slots) > 0.0 {
                out.push(&["other places in ", country]);
            }
            if ctx.admin_weight(slots) > 0.0 {
                let admin = c.place.admin1.as_deref().unwrap_or("the same division");
                out.push(&["in ", admin, " like other places"]);
            }
        }
        if !self.qualified {
            return;
        }
        if let Some(q) = self.qualifier_containing(c) {
            out.push(&["qualified by '", &q.text, "'"]);
        }
        if let Some(prev) = self.qualified_within(c) {
            out.push(&["contains '", &prev.text, "'"]);
        }
    }
}

/// The part of a candidate's score that does not depend on the other
/// toponyms' choices: its prior, the stated kind, actors, demonyms and the
/// dateline (the same in both rounds and for all mentions of a group, so
/// computed once per group).
fn base_score(f: &Found, soft: &SoftContext, c: &Candidate, country: CountryKey) -> f64 {
    let mut s = prior(c, f.hint, &f.text);
    let soft_w = soft_weight(soft, country);
    if soft_w > 0.0 {
        s += soft_w;
    }
    if dateline_applies(soft, c) {
        s += 1.5;
    }
    s
}

/// The reasons of [`base_score`]'s terms.
fn explain_base(f: &Found, soft: &SoftContext, c: &Candidate, out: &mut Reasons) {
    if let (Some(h), Some(w)) = (f.hint, f.hint_word.as_deref()) {
        let kind = match h {
            Hint::Division(_) => "division",
            Hint::Settlement => "settlement",
        };
        out.push(&["'", w, "' says ", kind]);
    }
    let country = c.place.country.as_str();
    if soft_weight(soft, CountryKey::of(country)) > 0.0 {
        out.push(&["actors/demonyms point to ", country]);
    }
    if dateline_applies(soft, c) {
        out.push(&["dateline in ", country]);
    }
}

/// What actors and demonyms say for a candidate's `country`.
fn soft_weight(soft: &SoftContext, country: CountryKey) -> f64 {
    soft.countries
        .get(&country)
        .copied()
        .unwrap_or(0.0)
        .min(SOFT_CONTEXT_CAP)
}

/// True when the dateline lies in `c`'s country (and `c` is not the country).
fn dateline_applies(soft: &SoftContext, c: &Candidate) -> bool {
    soft.dateline.as_deref() == Some(c.place.country.as_str()) && !c.is_country()
}

/// True when `outer` (a country or first-level division) contains `inner`.
fn contains(outer: &Candidate, inner: &Candidate) -> bool {
    if outer.place.geonameid == inner.place.geonameid {
        return false;
    }
    if outer.is_country() {
        return outer.place.country == inner.place.country;
    }
    outer.division_level() == 1 && inner.admin1_id == Some(outer.place.geonameid)
}

/// The place mention of the scorer's toponym, with an empty text (the
/// caller moves the toponym's in).
fn to_mention(scorer: &Scorer, chosen: Option<(usize, f64, f64)>) -> PlaceMention {
    let f = scorer.f;
    let place = chosen
        .and_then(|(i, _, _)| f.candidates.get(i))
        .map(|c| c.place.clone());
    let confidence = match chosen {
        None => 0.0,
        Some((_, _, margin)) => {
            let sure = if margin.is_infinite() {
                0.9
            } else {
                0.5 + 0.45 * (1.0 - (-margin).exp())
            };
            let cued = if f.cue == Cue::None { 0.85 } else { 1.0 };
            (sure * cued) as f32
        }
    };
    let reason = write_reason(scorer, chosen.map(|(i, _, _)| i));
    PlaceMention {
        span: f.span,
        sentence: f.sentence,
        text: String::new(),
        place,
        confidence,
        reason,
    }
}
