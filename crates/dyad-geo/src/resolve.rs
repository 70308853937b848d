//! Choosing among a toponym's candidates.
//!
//! Score = prior (population, or the kind of entry: country, division,
//! capital, user place) + the kind the text states ("Governorates", "the city
//! of") + document context (countries and first-level divisions of the other
//! toponyms, stronger in the same sentence; the dateline; actors' countries and
//! demonyms) + an explicit qualifier ("Prague, Oklahoma"). Two rounds: the
//! second uses the first round's choices for the other toponyms.

use rustc_hash::FxHashMap as HashMap;

use dyad_core::{ActorMention, AnalyzedDocument, PlaceMention};

use crate::gazetteer::{Candidate, Gazetteer};
use crate::recognize::{Cue, Found, Hint};
use crate::spans::SpanSet;

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
const SOFT_CONTEXT_CAP: f64 = 1.0;
const PLACE_CONTEXT_CAP: f64 = 2.5;
const ADMIN_CONTEXT_CAP: f64 = 2.5;

/// Country evidence that does not come from other toponyms.
#[derive(Debug, Default)]
struct SoftContext {
    countries: HashMap<String, f64>,
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
    // Mentions of the same name share a small id (keys of the totals).
    let mut ids: HashMap<&str, usize> =
        HashMap::with_capacity_and_hasher(found.len(), Default::default());
    let keys: Vec<usize> = found
        .iter()
        .map(|f| {
            let next = ids.len();
            *ids.entry(f.key.as_str()).or_insert(next)
        })
        .collect();
    let mut no_reasons = Reasons::default();
    let bases: Vec<Vec<f64>> = found
        .iter()
        .map(|f| {
            f.candidates
                .iter()
                .map(|c| base_score(f, &soft, c, false, &mut no_reasons))
                .collect()
        })
        .collect();
    // Round 1: without other toponyms; round 2: with round 1's choices.
    let chosen: Vec<Option<&Candidate>> = found
        .iter()
        .enumerate()
        .map(|(m, f)| {
            let scorer = Scorer {
                f,
                m,
                all: &found,
                soft: &soft,
                context: None,
                base: bases.get(m).map_or(&[], Vec::as_slice),
            };
            scorer.best().and_then(|(i, _, _)| f.candidates.get(i))
        })
        .collect();
    let totals = Totals::new(&found, &keys, &chosen);
    found
        .iter()
        .zip(&keys)
        .enumerate()
        .map(|(m, (f, &key))| {
            let scorer = Scorer {
                f,
                m,
                all: &found,
                soft: &soft,
                context: Some((&totals, key)),
                base: bases.get(m).map_or(&[], Vec::as_slice),
            };
            let chosen = scorer.best();
            // Reasons are written for the winner only.
            let detail = chosen
                .and_then(|(i, _, _)| Some((i, f.candidates.get(i)?)))
                .map(|(i, c)| scorer.score(i, c, true).1)
                .unwrap_or_default();
            to_mention(f, chosen, detail)
        })
        .collect()
}

fn soft_context(
    gaz: &Gazetteer,
    doc: &AnalyzedDocument,
    found: &[Found],
    actors: &[ActorMention],
) -> SoftContext {
    let mut ctx = SoftContext::default();
    // An actor that is itself one of the toponyms ("Prague" as a capital) is
    // no evidence about where that toponym is. Toponym spans sorted by start
    // with a running maximum of ends answer "overlaps any?" by binary search.
    let toponyms = SpanSet::new(found.iter().map(|f| f.span));
    let overlaps_toponym = |a: &ActorMention| toponyms.overlaps(a.span);
    for a in actors.iter().filter(|a| !overlaps_toponym(a)) {
        if let Some(c) = a.actor.country.as_deref().filter(|c| c.len() == 3) {
            *ctx.countries.entry(c.to_string()).or_default() += 0.25;
        }
    }
    let mut demonyms: HashMap<&str, Option<&str>> = HashMap::default();
    let mut key = String::new();
    for s in &doc.sentences {
        for t in &s.tokens {
            // Most words start with an ASCII lower-case letter: skip unread.
            let first = doc.doc.text.as_bytes().get(t.span.start);
            if first.is_some_and(|b| b.is_ascii() && !b.is_ascii_uppercase()) {
                continue;
            }
            let word = t.span.slice(&doc.doc.text);
            if word.chars().next().is_some_and(char::is_uppercase) {
                let country = *demonyms
                    .entry(word)
                    .or_insert_with(|| gaz.demonym_iso3(word, &mut key));
                if let Some(c) = country {
                    match ctx.countries.get_mut(c) {
                        Some(w) => *w += 0.25,
                        None => {
                            ctx.countries.insert(c.to_string(), 0.25);
                        }
                    }
                }
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

/// Score of a candidate from what it is, and the kind the text states.
fn prior(c: &Candidate, hint: Option<Hint>, written: &str) -> f64 {
    let mut s = if c.is_country() || c.is_continent() {
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

/// What the first round's choices say, summed once per document: country and
/// first-level-division weights in total, per name, per sentence and per
/// sentence and name (so a mention's context is "all minus its own name",
/// with a bonus for its sentence, in linear time). Names are key ids.
#[derive(Default)]
struct Totals<'c> {
    country: HashMap<&'c str, f64>,
    country_by_key: HashMap<(usize, &'c str), f64>,
    country_by_sent: HashMap<(usize, &'c str), f64>,
    country_by_sent_key: HashMap<(usize, usize, &'c str), f64>,
    admin: HashMap<u64, f64>,
    admin_by_key: HashMap<(usize, u64), f64>,
    admin_by_sent: HashMap<(usize, u64), f64>,
    admin_by_sent_key: HashMap<(usize, usize, u64), f64>,
}

impl<'c> Totals<'c> {
    fn new(found: &[Found], keys: &[usize], chosen: &[Option<&'c Candidate>]) -> Totals<'c> {
        // Sized once: growing eight maps mention by mention cost more than
        // filling them.
        let n = found.len();
        let mut t = Totals {
            country: sized(n),
            country_by_key: sized(n),
            country_by_sent: sized(n),
            country_by_sent_key: sized(n),
            admin: sized(n),
            admin_by_key: sized(n),
            admin_by_sent: sized(n),
            admin_by_sent_key: sized(n),
        };
        for ((f, &key), c) in found.iter().zip(keys).zip(chosen) {
            let Some(c) = c else { continue };
            let sent = f.sentence;
            let w = if c.is_country() || c.division_level() == 1 {
                1.5
            } else if f.candidates.len() == 1 || f.cue != Cue::None {
                0.8
            } else {
                0.4
            };
            let country = c.place.country.as_str();
            if !country.is_empty() {
                *t.country.entry(country).or_default() += w;
                *t.country_by_key.entry((key, country)).or_default() += w;
                *t.country_by_sent.entry((sent, country)).or_default() += w;
                *t.country_by_sent_key
                    .entry((sent, key, country))
                    .or_default() += w;
            }
            let admin = if c.division_level() >= 1 && !c.is_country() {
                c.admin1_id.map(|a| (a, 2.0))
            } else {
                c.admin1_id.map(|a| (a, 0.3))
            };
            if let Some((a, w)) = admin {
                *t.admin.entry(a).or_default() += w;
                *t.admin_by_key.entry((key, a)).or_default() += w;
                *t.admin_by_sent.entry((sent, a)).or_default() += w;
                *t.admin_by_sent_key.entry((sent, key, a)).or_default() += w;
            }
        }
        t
    }

    /// Weight of `country` from the toponyms other than name `key`,
    /// stronger from sentence `sent` (0 when there is none).
    fn country_weight(&self, key: usize, sent: usize, country: &str) -> f64 {
        let Some(&v) = self.country.get(country) else {
            return 0.0;
        };
        let own = self.country_by_key.get(&(key, country)).copied();
        let in_sentence = self
            .country_by_sent
            .get(&(sent, country))
            .copied()
            .unwrap_or(0.0)
            - self
                .country_by_sent_key
                .get(&(sent, key, country))
                .copied()
                .unwrap_or(0.0);
        positive(v - own.unwrap_or(0.0) + 0.5 * in_sentence)
    }

    /// [`Totals::country_weight`] for a first-level division.
    fn admin_weight(&self, key: usize, sent: usize, admin: u64) -> f64 {
        let Some(&v) = self.admin.get(&admin) else {
            return 0.0;
        };
        let own = self.admin_by_key.get(&(key, admin)).copied();
        let in_sentence = self
            .admin_by_sent
            .get(&(sent, admin))
            .copied()
            .unwrap_or(0.0)
            - self
                .admin_by_sent_key
                .get(&(sent, key, admin))
                .copied()
                .unwrap_or(0.0);
        positive(v - own.unwrap_or(0.0) + 0.5 * in_sentence)
    }
}

/// An empty map with room for `n` entries.
fn sized<K, V>(n: usize) -> HashMap<K, V> {
    HashMap::with_capacity_and_hasher(n, Default::default())
}

/// A context weight that counts: above rounding noise, else 0.
fn positive(w: f64) -> f64 {
    if w > 1e-9 {
        w
    } else {
        0.0
    }
}

/// Scores the candidates of mention `m`.
struct Scorer<'a> {
    f: &'a Found,
    m: usize,
    all: &'a [Found],
    soft: &'a SoftContext,
    /// Round 2: the first round's totals and this mention's key id.
    context: Option<(&'a Totals<'a>, usize)>,
    /// [`base_score`] of each candidate.
    base: &'a [f64],
}

impl Scorer<'_> {
    /// (candidate index, score, margin over the second) of the best
    /// candidate; the first of equal scores wins.
    fn best(&self) -> Option<(usize, f64, f64)> {
        let mut top: Option<(usize, f64)> = None;
        let mut second: Option<f64> = None;
        for (i, c) in self.f.candidates.iter().enumerate() {
            let s = self.score(i, c, false).0;
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

    /// Score of candidate `i`, with the reasons when `explain`.
    fn score(&self, i: usize, c: &Candidate, explain: bool) -> (f64, String) {
        let f = self.f;
        let mut reasons = Reasons::default();
        let mut s = match self.base.get(i) {
            Some(&base) if !explain => base,
            _ => base_score(f, self.soft, c, explain, &mut reasons),
        };
        let country = c.place.country.as_str();
        if let Some((totals, key)) = self.context {
            if !c.is_country() {
                let place_w = totals
                    .country_weight(key, f.sentence, country)
                    .min(PLACE_CONTEXT_CAP);
                if place_w > 0.0 {
                    s += place_w;
                    if explain {
                        reasons.push(&["other places in ", country]);
                    }
                }
            }
            if let Some(a) = c.admin1_id.filter(|_| c.division_level() != 1) {
                let admin_w = totals
                    .admin_weight(key, f.sentence, a)
                    .min(ADMIN_CONTEXT_CAP);
                if admin_w > 0.0 {
                    s += admin_w;
                    if explain {
                        reasons.push(&[
                            "in ",
                            c.place.admin1.as_deref().unwrap_or("the same division"),
                            " like other places",
                        ]);
                    }
                }
            }
        }
        if let Some(q) = f.qualifier.and_then(|q| self.all.get(q)) {
            if q.candidates.iter().any(|qc| contains(qc, c)) {
                s += QUALIFIER_BONUS;
                if explain {
                    reasons.push(&["qualified by '", &q.text, "'"]);
                }
            }
        }
        // As a qualifier itself, prefer the entry that contains the place before it.
        if let Some(prev) = self.m.checked_sub(1).and_then(|p| self.all.get(p)) {
            if prev.qualifier == Some(self.m) && prev.candidates.iter().any(|pc| contains(c, pc)) {
                s += 3.0;
                if explain {
                    reasons.push(&["contains '", &prev.text, "'"]);
                }
            }
        }
        (s, reasons.0)
    }
}

/// The part of a candidate's score that does not depend on the other
/// toponyms' choices: its prior, the stated kind, actors, demonyms and the
/// dateline (the same in both rounds, so computed once).
fn base_score(
    f: &Found,
    soft: &SoftContext,
    c: &Candidate,
    explain: bool,
    reasons: &mut Reasons,
) -> f64 {
    let mut s = prior(c, f.hint, &f.text);
    if let (Some(h), Some(w)) = (f.hint, f.hint_word.as_deref()) {
        let kind = match h {
            Hint::Division(_) => "division",
            Hint::Settlement => "settlement",
        };
        if explain {
            reasons.push(&["'", w, "' says ", kind]);
        }
    }
    let country = c.place.country.as_str();
    let soft_w = soft
        .countries
        .get(country)
        .copied()
        .unwrap_or(0.0)
        .min(SOFT_CONTEXT_CAP);
    if soft_w > 0.0 {
        s += soft_w;
        if explain {
            reasons.push(&["actors/demonyms point to ", country]);
        }
    }
    if soft.dateline.as_deref() == Some(country) && !c.is_country() {
        s += 1.5;
        if explain {
            reasons.push(&["dateline in ", country]);
        }
    }
    s
}

/// Reasons for a score, joined by "; " as they are given (one string, no
/// allocation per reason).
#[derive(Default)]
struct Reasons(String);

impl Reasons {
    fn push(&mut self, pieces: &[&str]) {
        if !self.0.is_empty() {
            self.0.push_str("; ");
        }
        for piece in pieces {
            self.0.push_str(piece);
        }
    }
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

fn to_mention(f: &Found, chosen: Option<(usize, f64, f64)>, detail: String) -> PlaceMention {
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
    // Built by pieces: this runs for every mention.
    let cue: [&str; 3] = match (f.cue, f.cue_word.as_deref()) {
        (Cue::None, _) => ["prominent name", "", ""],
        (Cue::Dateline, _) => ["dateline", "", ""],
        (Cue::Inherited, Some(w)) => ["listed after '", w, "'"],
        (_, Some(w)) => ["after '", w, "'"],
        (_, None) => ["cued", "", ""],
    };
    let n = f.candidates.len();
    let mut reason = String::with_capacity(64 + detail.len());
    for piece in cue {
        reason.push_str(piece);
    }
    reason.push_str("; ");
    push_decimal(&mut reason, n);
    reason.push_str(if n == 1 { " candidate" } else { " candidates" });
    if !detail.is_empty() {
        reason.push_str("; ");
        reason.push_str(&detail);
    } else if n > 1 {
        reason.push_str("; largest/most prominent");
    }
    PlaceMention {
        span: f.span,
        sentence: f.sentence,
        text: f.text.clone(),
        place,
        confidence,
        reason,
    }
}

/// Appends `n` in decimal (what `format!("{n}")` writes).
fn push_decimal(out: &mut String, n: usize) {
    if n >= 10 {
        push_decimal(out, n / 10);
    }
    out.push(char::from(b'0' + (n % 10) as u8));
}
