//! What the first round's choices say, summed once per document for the
//! second round: country and first-level-division weights in total, per
//! name key, per sentence and per (sentence, key), so a mention's context is
//! "all minus its own name, with a bonus for its sentence".
//!
//! A document's chosen countries and divisions and its keys are few, so each
//! is a small id ("slot") and the totals are dense arrays; a sentence holds
//! few toponyms, so its sums are added up when asked, from the choices of
//! that sentence. Sums add in mention order, as the maps they replace did,
//! so the weights are bit-identical.

use rustc_hash::FxHashMap as HashMap;

use crate::gazetteer::Candidate;
use crate::recognize::{Cue, Found};

use super::country::CountryKey;

/// Where a mention stands: its name key id and its sentence.
#[derive(Debug, Clone, Copy)]
pub(super) struct Where {
    pub key: usize,
    pub sentence: usize,
}

/// One first-round choice, as the sums see it.
#[derive(Debug, Clone, Copy)]
struct Choice {
    sentence: usize,
    key: usize,
    country: Option<(usize, f64)>,
    admin: Option<(usize, f64)>,
}

/// Which of a choice's two weights a sum reads.
type Part = fn(&Choice) -> Option<(usize, f64)>;

/// Weights by slot, in total and per key.
struct Sums {
    slots: usize,
    total: Vec<f64>,
    by_key: Vec<f64>,
}

impl Sums {
    fn new(slots: usize, keys: usize) -> Sums {
        Sums {
            slots,
            total: vec![0.0; slots],
            by_key: vec![0.0; slots * keys],
        }
    }

    /// Index of (`key`, `slot`) in `by_key`.
    fn index(&self, key: usize, slot: usize) -> Option<usize> {
        key.checked_mul(self.slots)?.checked_add(slot)
    }

    fn add(&mut self, key: usize, (slot, w): (usize, f64)) {
        if let Some(v) = self.total.get_mut(slot) {
            *v += w;
        }
        let at = self.index(key, slot);
        if let Some(v) = at.and_then(|at| self.by_key.get_mut(at)) {
            *v += w;
        }
    }

    /// (total, name `key`'s own) weight of `slot`.
    fn read(&self, key: usize, slot: usize) -> (f64, f64) {
        let total = self.total.get(slot).copied().unwrap_or(0.0);
        let at = self.index(key, slot);
        let own = at.and_then(|at| self.by_key.get(at)).copied();
        (total, own.unwrap_or(0.0))
    }
}

/// A context weight that counts: above rounding noise, else 0.
fn positive(w: f64) -> f64 {
    if w > 1e-9 {
        w
    } else {
        0.0
    }
}

/// The first round's totals of one document.
pub(super) struct Totals<'c> {
    /// Slot of each country that some first-round choice lies in.
    country_slots: HashMap<CountryKey<'c>, usize>,
    /// Slot of each first-level division that some choice lies in.
    admin_slots: HashMap<u64, usize>,
    country: Sums,
    admin: Sums,
    /// The choices grouped by sentence (in mention order within one).
    choices: Vec<Choice>,
    /// `choices[starts[s]..starts[s + 1]]` are sentence `s`'s.
    starts: Vec<usize>,
}

impl<'c> Totals<'c> {
    /// Sums the first round's choices (`chosen`, per mention; `keys`: the
    /// mentions' key ids, below `n_keys`).
    pub(super) fn new(
        found: &[Found],
        keys: &[usize],
        n_keys: usize,
        chosen: &[Option<&'c Candidate>],
    ) -> Totals<'c> {
        // Room for a typical document's countries and divisions at once.
        let mut country_slots: HashMap<CountryKey, usize> = sized(32);
        let mut admin_slots: HashMap<u64, usize> = sized(32);
        let mut choices: Vec<Choice> = Vec::with_capacity(found.len());
        for ((f, &key), c) in found.iter().zip(keys).zip(chosen) {
            let Some(c) = c else { continue };
            let country = Some(c.place.country.as_str())
                .filter(|country| !country.is_empty())
                .map(|country| {
                    let next = country_slots.len();
                    (
                        *country_slots.entry(CountryKey::of(country)).or_insert(next),
                        choice_weight(f, c),
                    )
                });
            let admin = c.admin1_id.map(|a| {
                let next = admin_slots.len();
                let w = if c.division_level() >= 1 && !c.is_country() {
                    2.0
                } else {
                    0.3
                };
                (*admin_slots.entry(a).or_insert(next), w)
            });
            choices.push(Choice {
                sentence: f.sentence,
                key,
                country,
                admin,
            });
        }
        let mut country = Sums::new(country_slots.len(), n_keys);
        let mut admin = Sums::new(admin_slots.len(), n_keys);
        for c in &choices {
            if let Some(part) = c.country {
                country.add(c.key, part);
            }
            if let Some(part) = c.admin {
                admin.add(c.key, part);
            }
        }
        let starts = by_sentence(&mut choices);
        Totals {
            country_slots,
            admin_slots,
            country,
            admin,
            choices,
            starts,
        }
    }

    /// The slot of `country`, when some choice lies in it.
    pub(super) fn country_slot(&self, country: CountryKey) -> Option<usize> {
        self.country_slots.get(&country).copied()
    }

    /// The slot of `c`'s first-level division, when some choice lies in it.
    pub(super) fn admin_slot(&self, c: &Candidate) -> Option<usize> {
        c.admin1_id.and_then(|a| self.admin_slots.get(&a).copied())
    }

    /// Weight of country `slot` from the toponyms other than the name at
    /// `at`, stronger from its sentence (0 when there is none).
    #[inline]
    pub(super) fn country_weight(&self, at: Where, slot: usize) -> f64 {
        self.weight(&self.country, |c| c.country, at, slot)
    }

    /// [`Totals::country_weight`] for a first-level division.
    #[inline]
    pub(super) fn admin_weight(&self, at: Where, slot: usize) -> f64 {
        self.weight(&self.admin, |c| c.admin, at, slot)
    }

    #[inline]
    fn weight(&self, sums: &Sums, part: Part, at: Where, slot: usize) -> f64 {
        let (v, own) = sums.read(at.key, slot);
        let (sentence, sentence_own) = self.sentence_sums(part, at, slot);
        positive(v - own + 0.5 * (sentence - sentence_own))
    }

    /// (all, name `at.key`'s own) weight of `slot` in sentence `at.sentence`.
    #[inline]
    fn sentence_sums(&self, part: Part, at: Where, slot: usize) -> (f64, f64) {
        let from = self.starts.get(at.sentence).copied().unwrap_or(0);
        let next = at.sentence.checked_add(1);
        let to = next
            .and_then(|s| self.starts.get(s))
            .copied()
            .unwrap_or(from);
        let mut all = 0.0;
        let mut own = 0.0;
        for c in self.choices.get(from..to).unwrap_or_default() {
            if let Some((s, w)) = part(c) {
                if s == slot {
                    all += w;
                    if c.key == at.key {
                        own += w;
                    }
                }
            }
        }
        (all, own)
    }
}

/// Orders `choices` by sentence (stable: mention order holds within a
/// sentence) and gives where each sentence's start.
fn by_sentence(choices: &mut [Choice]) -> Vec<usize> {
    // Text order, the usual case, is already sorted.
    if !choices.is_sorted_by_key(|c| c.sentence) {
        choices.sort_by_key(|c| c.sentence);
    }
    let sentences = choices.last().map_or(0, |c| c.sentence + 1);
    let mut starts = Vec::with_capacity(sentences + 1);
    let mut at = 0;
    for s in 0..=sentences {
        while choices.get(at).is_some_and(|c| c.sentence < s) {
            at += 1;
        }
        starts.push(at);
    }
    starts
}

/// How much a first-round choice says about its country: a country or
/// first-level division most, a sure or cued name more than a guess.
fn choice_weight(f: &Found, c: &Candidate) -> f64 {
    if c.is_country() || c.division_level() == 1 {
        1.5
    } else if f.candidates.len() == 1 || f.cue != Cue::None {
        0.8
    } else {
        0.4
    }
}

/// An empty map with room for `n` entries.
fn sized<K, V>(n: usize) -> HashMap<K, V> {
    HashMap::with_capacity_and_hasher(n, Default::default())
}
