//! Mentions that score their candidates alike.
//!
//! News repeats names: mentions with the same candidate list, written the
//! same way and with the same stated kind ("Aleppo" five times) have the same
//! context-free scores and, without qualifiers, the same first-round choice,
//! so both are worked out once per group.

use rustc_hash::FxHashMap as HashMap;

use crate::gazetteer::Candidate;
use crate::recognize::{Found, Hint};

use super::country::CountryKey;
use super::totals::Totals;
use super::{best_of, SoftContext};

/// The mentions of a document in groups, with their key ids.
pub(super) struct Groups<'f> {
    /// Group of each mention.
    group: Vec<usize>,
    /// Key id of each mention: the totals count by name key, whatever the
    /// spelling or stated kind.
    keys: Vec<usize>,
    n_keys: usize,
    /// Where each group's candidates start in `base` (plus the end).
    starts: Vec<usize>,
    /// Country of every group's candidates (parallel to `base`), as a key
    /// worked out once.
    countries: Vec<CountryKey<'f>>,
    /// [`super::base_score`] of every group's candidates.
    base: Vec<f64>,
    /// (candidate, score, margin) of each group's best by base score: the
    /// first-round choice of its mentions without qualifiers.
    first: Vec<Option<(usize, f64, f64)>>,
    /// First mention of each group.
    firsts: Vec<usize>,
    /// Context slots of every group's candidates (parallel to `base`; set
    /// for the second round by [`Groups::find_slots`]).
    slots: Vec<Slots>,
    /// Per group: some candidate has a context slot.
    context: Vec<bool>,
}

/// Where a candidate's second-round context is summed: its country's slot
/// (none for a country itself) and its first-level division's (none for a
/// first-level division itself).
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct Slots {
    pub country: Option<usize>,
    pub admin: Option<usize>,
}

impl Slots {
    /// The slots of `c`, whose country key is `country`.
    pub(super) fn of(c: &Candidate, country: CountryKey, totals: &Totals) -> Slots {
        Slots {
            country: (!c.is_country())
                .then(|| totals.country_slot(country))
                .flatten(),
            admin: (c.division_level() != 1)
                .then(|| totals.admin_slot(c))
                .flatten(),
        }
    }
}

impl<'f> Groups<'f> {
    pub(super) fn new(found: &'f [Found], soft: &SoftContext) -> Groups<'f> {
        let n = found.len();
        let mut key_ids: HashMap<&str, usize> =
            HashMap::with_capacity_and_hasher(n, Default::default());
        // A key's groups as a chain (most keys have one: a short walk costs
        // less than hashing the text): the key's latest group, and for each
        // group the one before it of the same key.
        // Sized once: at most one key and one group per mention.
        let mut latest: Vec<usize> = Vec::with_capacity(n);
        let mut before: Vec<usize> = Vec::with_capacity(n);
        let mut names: Vec<Name> = Vec::with_capacity(n);
        let mut g = Groups {
            group: Vec::with_capacity(n),
            keys: Vec::with_capacity(n),
            n_keys: 0,
            starts: Vec::with_capacity(n + 1),
            countries: Vec::with_capacity(4 * n),
            base: Vec::with_capacity(4 * n),
            first: Vec::with_capacity(n),
            firsts: Vec::with_capacity(n),
            slots: Vec::new(),
            context: Vec::new(),
        };
        g.starts.push(0);
        for (m, f) in found.iter().enumerate() {
            let next = key_ids.len();
            let key = *key_ids.entry(f.key.as_str()).or_insert(next);
            if key == next {
                latest.push(NONE);
            }
            let name = Name::of(f);
            let mut at = latest.get(key).copied().unwrap_or(NONE);
            while at != NONE && names.get(at) != Some(&name) {
                at = before.get(at).copied().unwrap_or(NONE);
            }
            if at == NONE {
                at = names.len();
                names.push(name);
                before.push(latest.get(key).copied().unwrap_or(NONE));
                if let Some(l) = latest.get_mut(key) {
                    *l = at;
                }
                g.firsts.push(m);
                g.add_group(f, soft);
            }
            g.group.push(at);
            g.keys.push(key);
        }
        g.n_keys = key_ids.len();
        g
    }

    /// Scores a new group's candidates, from its first mention.
    fn add_group(&mut self, f: &'f Found, soft: &SoftContext) {
        let from = self.base.len();
        for c in f.candidates.iter() {
            let country = CountryKey::of(&c.place.country);
            self.countries.push(country);
            self.base.push(super::base_score(f, soft, c, country));
        }
        self.first.push(best_of(
            self.base.get(from..).unwrap_or_default().iter().copied(),
        ));
        self.starts.push(self.base.len());
    }

    /// Looks up every group's candidates' context slots in `totals`.
    pub(super) fn find_slots(&mut self, found: &[Found], totals: &Totals) {
        self.slots.clear();
        self.slots.reserve(self.base.len());
        self.context.clear();
        self.context.reserve(self.firsts.len());
        for &m in &self.firsts {
            let Some(f) = found.get(m) else { continue };
            let from = self.slots.len();
            let countries = self.countries.get(from..).unwrap_or_default();
            self.slots.extend(
                f.candidates
                    .iter()
                    .zip(countries)
                    .map(|(c, &country)| Slots::of(c, country, totals)),
            );
            let added = self.slots.get(from..).unwrap_or_default();
            let context = added
                .iter()
                .any(|s| s.country.is_some() || s.admin.is_some());
            self.context.push(context);
        }
    }

    /// True when some candidate of group `g` has a context slot.
    pub(super) fn has_context(&self, g: usize) -> bool {
        self.context.get(g).copied().unwrap_or(true)
    }

    /// Context slots of group `g`'s candidates.
    pub(super) fn slots(&self, g: usize) -> &[Slots] {
        match (self.starts.get(g), self.starts.get(g + 1)) {
            (Some(&from), Some(&to)) => self.slots.get(from..to).unwrap_or_default(),
            _ => &[],
        }
    }

    /// Group of mention `m`.
    pub(super) fn group(&self, m: usize) -> usize {
        self.group.get(m).copied().unwrap_or(usize::MAX)
    }

    /// Key id of mention `m`.
    pub(super) fn key(&self, m: usize) -> usize {
        self.keys.get(m).copied().unwrap_or(usize::MAX)
    }

    /// Key ids of the mentions.
    pub(super) fn keys(&self) -> &[usize] {
        &self.keys
    }

    /// Number of distinct key ids.
    pub(super) fn n_keys(&self) -> usize {
        self.n_keys
    }

    /// Base scores of group `g`'s candidates.
    pub(super) fn base(&self, g: usize) -> &[f64] {
        match (self.starts.get(g), self.starts.get(g + 1)) {
            (Some(&from), Some(&to)) => self.base.get(from..to).unwrap_or_default(),
            _ => &[],
        }
    }

    /// The best of group `g` by base score alone.
    pub(super) fn first_best(&self, g: usize) -> Option<(usize, f64, f64)> {
        self.first.get(g).copied().flatten()
    }
}

/// No group.
const NONE: usize = usize::MAX;

/// What makes mentions score alike: the same candidate list (by address:
/// equal addresses, equal candidates), text and stated kind.
#[derive(PartialEq)]
struct Name<'f> {
    list: *const Candidate,
    text: &'f str,
    hint: u16,
}

impl<'f> Name<'f> {
    fn of(f: &'f Found) -> Name<'f> {
        Name {
            list: f.candidates.as_ptr(),
            text: &f.text,
            hint: hint_code(f.hint),
        }
    }
}

/// A stated kind as a small number (for the group key).
fn hint_code(hint: Option<Hint>) -> u16 {
    match hint {
        None => 0,
        Some(Hint::Settlement) => 1,
        Some(Hint::Division(level)) => u16::from(level) + 2,
    }
}
